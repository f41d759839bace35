"""What the command line writes: one writer per ``--format``, each document written whole.

Every writer gets a document's records as soon as its batch is done (html
keeps them for one page at the end); a document's text goes out in one
write, flushed, with Ctrl-C held off, so that the output keeps whole lines.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import io
import json
import signal
import threading
from collections.abc import Callable, Iterator, Sequence
from typing import IO, Any, Protocol

from tqdm import tqdm

from quoteattr import frame, view
from quoteattr.records import Document, Quote

FORMATS = ("jsonl", "json", "csv", "html", "text")
# The dataframe's columns, the document's path in place of its id.
CSV_COLUMNS = ("path", *frame.COLUMNS[1:])


class Writer(Protocol):
    def write(self, path: str, doc: Document) -> None: ...

    def close(self) -> None: ...


Emit = Callable[[str], None]


class JsonlWriter:
    """One JSON object a line per attribution: the document's path and the quote."""

    def __init__(self, emit: Emit) -> None:
        self.emit = emit

    def write(self, path: str, doc: Document) -> None:
        lines = [json_line({"path": path, **quote.to_dict()}) for quote in doc.quotes]
        if lines:
            self.emit("".join(lines))

    def close(self) -> None:
        pass


class JsonWriter:
    """One JSON array of documents, a document a line, so that it streams too."""

    def __init__(self, emit: Emit, with_text: bool = True) -> None:
        self.emit = emit
        self.with_text = with_text
        self.started = False

    def write(self, path: str, doc: Document) -> None:
        record: dict[str, Any] = {"path": path}
        if self.with_text:
            record["text"] = doc.text
        record["quotes"] = [quote.to_dict() for quote in doc.quotes]
        separator = ",\n" if self.started else "[\n"
        self.started = True
        self.emit(separator + json.dumps(record, ensure_ascii=False))

    def close(self) -> None:
        # Also on Ctrl-C: the array is closed over the documents done.
        self.emit("\n]\n" if self.started else "[]\n")


class CsvWriter:
    """One row per attribution, flat columns (``CSV_COLUMNS``)."""

    def __init__(self, emit: Emit) -> None:
        self.emit = emit
        self.emit(csv_rows([{column: column for column in CSV_COLUMNS}]))

    def write(self, path: str, doc: Document) -> None:
        if doc.quotes:
            self.emit(csv_rows([csv_row(path, quote) for quote in doc.quotes]))

    def close(self) -> None:
        pass


class TextWriter:
    """Who said what, for people: a heading per document, a block per
    attribution (view.py), coloured where asked."""

    def __init__(self, emit: Emit, colour: bool = False, width: int = view.WIDTH) -> None:
        self.emit = emit
        self.colour = colour
        self.width = width

    def write(self, path: str, doc: Document) -> None:
        self.emit(view.document(path, doc, self.colour, self.width))

    def close(self) -> None:
        pass


class HtmlWriter:
    """A self-contained page from ``quoteattr.render``: it needs every document."""

    def __init__(self, emit: Emit, report: Callable[[Sequence[tuple[str, Document]]], str]) -> None:
        self.emit = emit
        self.report = report
        self.pairs: list[tuple[str, Document]] = []

    def write(self, path: str, doc: Document) -> None:
        self.pairs.append((path, doc))

    def close(self) -> None:
        # Also on Ctrl-C: a report of the documents done.
        self.emit(self.report(self.pairs))


def json_line(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False) + "\n"


def csv_rows(rows: list[dict[str, Any]]) -> str:
    # Rows go to a string first: the document is then one write.
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, CSV_COLUMNS, lineterminator="\n")
    writer.writerows(rows)
    return buffer.getvalue()


def csv_row(path: str, quote: Quote) -> dict[str, Any]:
    row = frame.row(path, quote)
    row["path"] = row.pop("doc_id")
    return {key: "" if value is None else value for key, value in row.items()}


WriterFactory = Callable[[Emit], Writer]


def writer_factory(args: argparse.Namespace) -> WriterFactory:
    """The writer of ``--format``; html's renderer is imported here, before any work."""
    if args.format == "json":
        return lambda emit: JsonWriter(emit, with_text=args.with_text)
    if args.format == "csv":
        return CsvWriter
    if args.format == "text":
        colour, width = getattr(args, "colour", False), getattr(args, "width", view.WIDTH)
        return lambda emit: TextWriter(emit, colour, width)
    if args.format == "html":
        from quoteattr.render import report

        return lambda emit: HtmlWriter(emit, report)
    return JsonlWriter


def whole(out: IO[str], bar: tqdm) -> Emit:
    """Write a string at once, flushed, Ctrl-C held off, the bar out of its way."""

    def emit(text: str) -> None:
        with interrupts_deferred(), bar.external_write_mode(file=out):
            out.write(text)
            out.flush()

    return emit


@contextlib.contextmanager
def interrupts_deferred() -> Iterator[None]:
    """Hold Ctrl-C back until the block is over, so that no line is cut in half.

    A signal can land while a long write is under way; Python would raise
    KeyboardInterrupt out of it with part of the text on disk.
    """
    if (
        threading.current_thread() is not threading.main_thread()
        or signal.getsignal(signal.SIGINT) is not signal.default_int_handler
    ):
        # Only the main thread may set handlers, and an ignored or custom
        # SIGINT (a background job, an embedding program) is left as it is.
        yield
        return
    caught: list[int] = []
    signal.signal(signal.SIGINT, lambda signum, frame: caught.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, signal.default_int_handler)
        if caught:
            raise KeyboardInterrupt
