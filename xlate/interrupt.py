"""Interruption: on SIGINT or SIGTERM a run stops between results and keeps what it finished.

The signal handler raises only while a result is being computed; otherwise it sets a flag that
the stream checks before the next result. Either way the report writer sees a stream that simply
ends, so it writes a complete, valid report of the finished results.
"""

from __future__ import annotations

import signal
from collections.abc import Iterable, Iterator
from types import FrameType, TracebackType
from typing import TypeVar

T = TypeVar("T")
SIGNALS = (signal.SIGINT, signal.SIGTERM)


class _Stop(Exception):
    """Raised by the handler inside the computation of a result."""


class Interruption:
    """Within: SIGINT and SIGTERM end ``guard``'s stream instead of the process."""

    def __init__(self) -> None:
        self.signal: signal.Signals | None = None
        self._computing = False
        self._previous: dict[int, object] = {}

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        self.signal = signal.Signals(signum)
        if self._computing:
            self._computing = False
            raise _Stop

    def __enter__(self) -> Interruption:
        for sig in SIGNALS:
            self._previous[sig] = signal.signal(sig, self._handle)
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        for sig, handler in self._previous.items():
            signal.signal(sig, handler)  # type: ignore[arg-type]

    def guard(self, items: Iterable[T]) -> Iterator[T]:
        """``items`` until they end or a signal comes."""
        iterator = iter(items)
        while self.signal is None:
            try:
                self._computing = True
                item = next(iterator)
            except (_Stop, StopIteration):
                break
            finally:
                self._computing = False
            yield item
        if self.signal is not None and hasattr(iterator, "close"):
            iterator.close()  # type: ignore[union-attr]

    @property
    def exit_code(self) -> int:
        """128 + the signal's number, as a shell reports a process ended by it."""
        return 128 + int(self.signal) if self.signal is not None else 0
