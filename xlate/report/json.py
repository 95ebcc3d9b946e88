"""JSON reports: ``jsonl`` is the batch contract (one line per input, same order); ``json`` is one
document with a header, the findings, the alignment and the segmented sentences."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from xlate.model import DocumentResult
from xlate.report import RunInfo


def write_jsonl(results: Iterable[DocumentResult], out: TextIO, info: RunInfo) -> None:
    for result in results:
        out.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
        out.flush()


def write_json(results: Iterable[DocumentResult], out: TextIO, info: RunInfo) -> None:
    documents = [r.to_dict(with_sentences=True) for r in results]
    header = {"xlate": info.to_dict()}
    payload = {**header, **documents[0]} if len(documents) == 1 else {**header, "documents": documents}
    json.dump(payload, out, ensure_ascii=False, indent=2)
    out.write("\n")
