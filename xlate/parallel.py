"""Where batches are checked: in this process, in worker processes (``--jobs``), or on a Dask cluster.

An executor maps batches of pairs to batches of results, in input order, holding only a few batches
in flight so that memory stays flat however long the input. Every worker builds one Checker per
settings and keeps it (engines start once per worker); a batch's results do not depend on which
worker checked it, so every executor writes the same output.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Protocol

from xlate.model import DocumentResult, PairInput

if TYPE_CHECKING:
    from xlate.pipeline import Checker, Settings

Batch = list[PairInput]
# Batches in flight per worker: one being checked, one waiting, so that no worker idles.
IN_FLIGHT_PER_WORKER = 2


class Executor(Protocol):
    def map(self, batches: Iterable[Batch]) -> Iterator[list[DocumentResult]]: ...

    def close(self) -> None: ...


class InProcess:
    """Checks each batch in this process with the given checker."""

    def __init__(self, checker: Checker) -> None:
        self.checker = checker

    def map(self, batches: Iterable[Batch]) -> Iterator[list[DocumentResult]]:
        for batch in batches:
            yield self.checker.check_batch(batch) if batch else []

    def close(self) -> None:
        pass


_CHECKERS: dict[str, Checker] = {}


def check_batch(settings: Settings, batch: Batch) -> list[DocumentResult]:
    """Check a batch in a worker, with the worker's checker for these settings (built on first use)."""
    from xlate.pipeline import Checker

    checker = _CHECKERS.get(repr(settings))
    if checker is None:
        checker = _CHECKERS[repr(settings)] = Checker(settings)
    return checker.check_batch(batch) if batch else []


Outcome = Callable[[], list[DocumentResult]]


def _in_order(submit: Callable[[Batch], Outcome], batches: Iterable[Batch], window: int
              ) -> Iterator[list[DocumentResult]]:
    """Submit batches ahead (at most ``window`` in flight) and yield their results in input order;
    ``submit`` returns the function that waits for a batch's results."""
    pending: deque[Outcome] = deque()
    for batch in batches:
        pending.append(submit(batch))
        if len(pending) >= window:
            yield pending.popleft()()
    while pending:
        yield pending.popleft()()


def _start_worker(threads: int) -> None:
    """A worker leaves Ctrl-C to the main process (which stops it) and shares the cores fairly."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    os.environ["OMP_NUM_THREADS"] = str(threads)


class WorkerProcesses:
    """``--jobs N``: N worker processes on this machine, each with its own engines."""

    def __init__(self, settings: Settings, jobs: int) -> None:
        self.settings = settings
        self.jobs = jobs
        threads = max(1, (os.cpu_count() or 1) // jobs)
        # spawn: a fork would copy the main process's engine threads and open pipes.
        context = multiprocessing.get_context("spawn")
        self.pool = context.Pool(jobs, initializer=_start_worker, initargs=(threads,))

    def map(self, batches: Iterable[Batch]) -> Iterator[list[DocumentResult]]:
        return _in_order(lambda b: self.pool.apply_async(check_batch, (self.settings, b)).get, batches,
                         IN_FLIGHT_PER_WORKER * self.jobs)

    def close(self) -> None:
        """Stop the workers at once (an interrupted run does not wait for their batches)."""
        self.pool.terminate()
        self.pool.join()


class DaskCluster:
    """``--dask local|tcp://HOST:PORT``: the batches run on a Dask cluster's workers.

    ``local`` starts a cluster on this machine (one single-threaded worker process per core);
    an address connects to a running scheduler, whose workers must have xlate and its engines
    installed (``pip install 'xlate[dask]'`` and the Debian packages of ``scripts/setup.sh``).
    """

    def __init__(self, settings: Settings, address: str, workers: int | None = None) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise ValueError("--dask needs the 'dask' extra: pip install 'xlate[dask]'") from None
        self.settings = settings
        self.cluster = None
        if address == "local":
            self.cluster = LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1,
                                        processes=True, dashboard_address=None, host="127.0.0.1")
            self.client = Client(self.cluster)
        else:
            try:
                self.client = Client(address, timeout=30)
            except OSError as exc:
                raise ValueError(f"--dask {address}: cannot reach the scheduler ({exc})") from None
        self.window = IN_FLIGHT_PER_WORKER * max(1, len(self.client.scheduler_info()["workers"]))

    def map(self, batches: Iterable[Batch]) -> Iterator[list[DocumentResult]]:
        return _in_order(lambda b: self.client.submit(check_batch, self.settings, b, pure=False).result, batches,
                         self.window)

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()
