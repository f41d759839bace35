"""Command line: ``quoteattr PATH...`` and ``quoteattr evaluate GOLD.jsonl``.

The first argument names a command from ``COMMANDS``; when it names none,
all arguments are inputs, so that ``quoteattr FILE`` needs no command name
(a file literally called ``evaluate`` is reached as ``./evaluate``).
A new command is a parser builder and a runner added to ``COMMANDS``.

The analysis command is a stream: inputs are listed up front (cheap), read
lazily, analysed a batch at a time and each document's records are written
and flushed as soon as its batch is done, so memory holds one batch, not the
corpus (except ``--format html``, whose report needs every document).
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import io
import json
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Protocol

from tqdm import tqdm

from quoteattr import frame
from quoteattr.evaluate import evaluate
from quoteattr.pipeline import batches
from quoteattr.records import Document, Quote

Analyze = Callable[[str], Document]
# Texts in, their documents out in the same order: ``quoteattr.pipe`` or a
# per-text wrapper of an injected ``analyze``.
Runner = Callable[[list[str]], Iterable[Document]]

FORMATS = ("jsonl", "json", "csv", "html", "text")
# The dataframe's columns, the document's path in place of its id.
CSV_COLUMNS = ("path", *frame.COLUMNS[1:])
# Exit statuses besides 0 (all went well) and 2 (usage, argparse's own).
FAILED = 1
USAGE = 2
INTERRUPTED = 130  # 128 + SIGINT, what shells report for Ctrl-C
BROKEN_PIPE = 141  # 128 + SIGPIPE, as if killed by it like other Unix tools

EXAMPLES = """\
examples:
  quoteattr article.txt                     one JSON object a line per attribution
  quoteattr corpus/ -o out.jsonl            every *.txt under corpus/, recursively, sorted
  quoteattr news.jsonl --text-field body    one document a line, text in "body"
  cat article.txt | quoteattr -             standard input
  quoteattr corpus/ -f csv -o quotes.csv    one row per attribution
  quoteattr corpus/ -f html -o report.html  a page to read, quotes highlighted
  quoteattr article.txt -f text             who said what, one line each
  quoteattr evaluate GOLD.jsonl [--ascii] [--errors]   score against gold

exit status: 0 all documents done; 1 some failed (each reported on stderr,
the others still written); 2 usage error, or no PATH exists; 130 Ctrl-C
(the output keeps whole lines: every document written so far, complete).
"""


# --- arguments ---------------------------------------------------------------


def analyze_parser() -> argparse.ArgumentParser:
    from quoteattr import __version__

    parser = argparse.ArgumentParser(
        prog="quoteattr",
        description=(
            "Find quotations and reported claims in Russian news text and say who made them."
        ),
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="a text file, a folder (its *.txt files, recursively), "
        "a .jsonl file (one document a line) or - for standard input",
    )
    parser.add_argument(
        "-f", "--format", choices=FORMATS, default="jsonl", help="output format (default: jsonl)"
    )
    parser.add_argument(
        "-o", "--output", metavar="FILE", help="write to FILE (UTF-8) instead of standard output"
    )
    parser.add_argument(
        "--text-field",
        default="text",
        metavar="NAME",
        help='.jsonl input: the field holding the text (default: "text")',
    )
    parser.add_argument(
        "--id-field",
        default="id",
        metavar="NAME",
        help='.jsonl input: the field naming the document (default: "id"); '
        "a line without it is named PATH:LINE",
    )
    parser.add_argument(
        "--encoding",
        default="utf-8-sig",
        help="encoding of the input files and standard input "
        "(default: UTF-8, with or without a byte-order mark)",
    )
    parser.add_argument(
        "--errors",
        choices=("strict", "replace", "ignore"),
        default="strict",
        help="bytes that do not decode: fail the document (strict, the default), "
        "replace them with U+FFFD or ignore them",
    )
    parser.add_argument(
        "--no-text",
        dest="with_text",
        action="store_false",
        help="--format json: leave the document text out",
    )
    parser.add_argument(
        "--batch-size",
        type=positive,
        default=32,
        metavar="N",
        help="documents per batch through the taggers (default: 32)",
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    parser.add_argument("--version", action="version", version=f"quoteattr {__version__}")
    return parser


def positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {number}")
    return number


# --- inputs ------------------------------------------------------------------


@dataclass(frozen=True)
class Source:
    """One PATH, or one file found in a folder; ``kind`` says how to read it."""

    path: str
    kind: str  # "text", "jsonl", "stdin" or "missing"


@dataclass(frozen=True)
class Input:
    """One document to analyse, or why it cannot be read."""

    id: str
    text: str | None = None
    error: str | None = None


@dataclass(frozen=True)
class ReadOptions:
    encoding: str = "utf-8-sig"
    errors: str = "strict"
    text_field: str = "text"
    id_field: str = "id"


def expand(paths: Sequence[str]) -> list[Source]:
    """The sources the PATH arguments name, in argument order.

    Listing is cheap and done up front, so that the progress bar knows the
    total and a run where no PATH exists stops before doing anything.
    """
    sources: list[Source] = []
    for arg in paths:
        path = Path(arg)
        if arg == "-":
            sources.append(Source(arg, "stdin"))
        elif path.is_dir():
            found = sorted(p for p in path.rglob("*.txt") if p.is_file())
            if not found:
                warn(f"{arg}: no *.txt files in this folder")
            sources += [Source(str(p), "text") for p in found]
        elif path.exists():
            sources.append(Source(arg, "jsonl" if path.suffix == ".jsonl" else "text"))
        else:
            sources.append(Source(arg, "missing"))
    return sources


def count(sources: Sequence[Source]) -> int:
    """How many documents the sources hold: one each, a non-blank line of a .jsonl."""
    total = 0
    for source in sources:
        if source.kind != "jsonl":
            total += 1
            continue
        try:
            with open(source.path, "rb") as file:
                total += sum(1 for line in file if line.strip())
        except OSError:
            total += 1  # reported as one failure when read
    return total


def read_all(sources: Iterable[Source], options: ReadOptions) -> Iterator[Input]:
    for source in sources:
        yield from read_source(source, options)


def read_source(source: Source, options: ReadOptions) -> Iterator[Input]:
    if source.kind == "missing":
        yield Input(source.path, error="no such file or directory")
    elif source.kind == "jsonl":
        yield from read_jsonl(source.path, options)
    else:
        yield read_text(source, options)


def read_text(source: Source, options: ReadOptions) -> Input:
    """A whole file, or standard input, as one document."""
    try:
        data = read_stdin() if source.kind == "stdin" else Path(source.path).read_bytes()
        return Input(source.path, text=decode(data, options))
    except UnicodeDecodeError as error:
        return Input(source.path, error=undecodable(error, options))
    except OSError as error:
        return Input(source.path, error=error.strerror or str(error))


def read_stdin() -> bytes | str:
    # The bytes, so that --encoding holds for stdin too; a replaced stdin
    # without a binary buffer (tests, embedding) hands text over as it is.
    buffer = getattr(sys.stdin, "buffer", None)
    return buffer.read() if buffer is not None else sys.stdin.read()


def decode(data: bytes | str, options: ReadOptions) -> str:
    text = data if isinstance(data, str) else data.decode(options.encoding, options.errors)
    # Line ends as text mode reads them: offsets then count the same
    # characters whether the file came from Windows or not.
    return text.replace("\r\n", "\n").replace("\r", "\n")


def undecodable(error: UnicodeDecodeError, options: ReadOptions) -> str:
    return (
        f"not {options.encoding} text: {error.reason} at byte {error.start} "
        "(see --encoding and --errors)"
    )


def read_jsonl(path: str, options: ReadOptions) -> Iterator[Input]:
    """One document a non-blank line; a bad line fails alone, the rest go on.

    Lines are split as bytes and decoded one by one, so that bad bytes cost
    only their line (a text stream decodes ahead, in blocks); this needs an
    ASCII-compatible encoding, as JSON Lines' UTF-8 is.
    """
    try:
        with open(path, "rb") as file:
            for lineno, raw in enumerate(file, 1):
                if raw.strip():
                    yield parse_line(raw, f"{path}:{lineno}", options)
    except OSError as error:
        yield Input(path, error=error.strerror or str(error))


def parse_line(raw: bytes, where: str, options: ReadOptions) -> Input:
    try:
        record = json.loads(raw.decode(options.encoding, options.errors))
    except UnicodeDecodeError as error:
        return Input(where, error=undecodable(error, options))
    except json.JSONDecodeError as error:
        return Input(where, error=f"not JSON: {error}")
    if not isinstance(record, dict):
        return Input(where, error="not a JSON object")
    doc_id = record.get(options.id_field)
    name = where if doc_id is None else str(doc_id)
    text = record.get(options.text_field)
    if not isinstance(text, str):
        problem = "no" if text is None else "a non-string"
        return Input(name, error=f'{problem} "{options.text_field}" field (see --text-field)')
    return Input(name, text=text)


# --- analysis ----------------------------------------------------------------


@dataclass(frozen=True)
class Result:
    """A document's analysis, or why there is none."""

    id: str
    doc: Document | None = None
    error: str | None = None


def runner(analyze: Analyze | None, batch_size: int) -> tuple[Runner, int]:
    """How texts are analysed, and how many at a time."""
    if analyze is not None:
        # An injected function sees one text at a time, as it was called before.
        injected = analyze
        return (lambda texts: [injected(text) for text in texts]), 1
    import quoteattr

    return (lambda texts: quoteattr.pipe(texts, batch_size=len(texts))), batch_size


def analysed(inputs: Iterable[Input], run: Runner, size: int) -> Iterator[Result]:
    """The results of the inputs, in input order, a batch at a time."""
    for batch in batches(inputs, size):
        texts = [item.text for item in batch if item.text is not None]
        done = iter(analyse_batch(texts, run))
        for item in batch:
            if item.error is not None:
                yield Result(item.id, error=item.error)
                continue
            outcome = next(done)
            if isinstance(outcome, Exception):
                yield Result(item.id, error=f"{type(outcome).__name__}: {outcome}")
            else:
                yield Result(item.id, doc=outcome)


def analyse_batch(texts: list[str], run: Runner) -> list[Document | Exception]:
    """Documents, or the exception a text raised, one per text.

    A failure loses the whole batch, so the batch is run again text by text:
    only the text at fault fails, the others are still written.
    """
    if not texts:
        return []
    try:
        return list(run(texts))
    except Exception as error:
        if len(texts) == 1:
            return [error]
    return [analyse_one(text, run) for text in texts]


def analyse_one(text: str, run: Runner) -> Document | Exception:
    try:
        return next(iter(run([text])))
    except Exception as error:
        return error


# --- output ------------------------------------------------------------------


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
    """Who said what, for people: a heading per document, a line per attribution."""

    def __init__(self, emit: Emit) -> None:
        self.emit = emit

    def write(self, path: str, doc: Document) -> None:
        count = len(doc.quotes)
        lines = [f"{path}: {count} attribution{'' if count == 1 else 's'}"]
        lines += [f"  {summary(quote)}" for quote in doc.quotes]
        self.emit("\n".join(lines) + "\n\n")

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


def summary(quote: Quote) -> str:
    """``[kind] Speaker (cue): «content»`` on one line; ``—`` when no one is named."""
    speaker = quote.speaker.name if quote.speaker else "—"
    cue = f" ({quote.cue.text})" if quote.cue else ""
    content = " ".join(quote.text.split())  # one line, whatever the paragraphs
    return f"[{quote.kind.value}] {speaker}{cue}: «{content}»"


WriterFactory = Callable[[Emit], Writer]


def writer_factory(args: argparse.Namespace) -> WriterFactory:
    """The writer of ``--format``; html's renderer is imported here, before any work."""
    if args.format == "json":
        return lambda emit: JsonWriter(emit, with_text=args.with_text)
    if args.format == "csv":
        return CsvWriter
    if args.format == "text":
        return TextWriter
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


# --- the analysis command ----------------------------------------------------


def run_analyze(args: argparse.Namespace, analyze: Analyze | None) -> int:
    try:
        return analyse_paths(args, analyze)
    except KeyboardInterrupt:
        # Before the first document (listing, opening, loading): nothing to close.
        warn("interrupted")
        return INTERRUPTED
    except BrokenPipeError:
        return broken_pipe()


def analyse_paths(args: argparse.Namespace, analyze: Analyze | None) -> int:
    sources = expand(args.paths)
    if sources and all(source.kind == "missing" for source in sources):
        for source in sources:
            warn(f"{source.path}: no such file or directory")
        return USAGE
    if clash := output_among(args.output, sources):
        warn(f"{clash}: the output would overwrite an input")
        return USAGE
    try:
        make_writer = writer_factory(args)
    except ImportError as error:
        warn(f"--format {args.format} is not available: {error}")
        return USAGE
    try:
        out = open_output(args.output)
    except OSError as error:
        warn(f"{args.output}: {error.strerror or error}")
        return USAGE
    try:
        return stream(args, sources, analyze, make_writer, out)
    finally:
        if out is not sys.stdout:
            out.close()


def stream(
    args: argparse.Namespace,
    sources: list[Source],
    analyze: Analyze | None,
    make_writer: WriterFactory,
    out: IO[str],
) -> int:
    total = count(sources)
    bar = tqdm(total=total, file=sys.stderr, unit="doc", disable=not show_bar(args, total))
    writer = make_writer(whole(out, bar))
    options = ReadOptions(args.encoding, args.errors, args.text_field, args.id_field)
    run, size = runner(analyze, args.batch_size)
    failed = 0
    try:
        with bar:
            for result in analysed(read_all(sources, options), run, size):
                if result.doc is not None:
                    writer.write(result.id, result.doc)
                else:
                    failed += 1
                    warn(f"{result.id}: {result.error}")
                    bar.set_postfix(failed=failed)
                bar.update()
        writer.close()
    except KeyboardInterrupt:
        return interrupted(writer)
    except BrokenPipeError:
        return broken_pipe()
    if failed:
        warn(f"{failed} of {total} documents failed")
    return FAILED if failed else 0


def show_bar(args: argparse.Namespace, total: int) -> bool:
    isatty = getattr(sys.stderr, "isatty", None)
    return total > 1 and not args.quiet and bool(isatty and isatty())


def output_among(output: str | None, sources: Sequence[Source]) -> str | None:
    """The output path if it is also an input: opening it would wipe that input."""
    if output is None or output == "-" or not os.path.exists(output):
        return None
    target = Path(output).resolve()
    for source in sources:
        if source.kind in ("text", "jsonl") and Path(source.path).resolve() == target:
            return output
    return None


def open_output(output: str | None) -> IO[str]:
    if output is None or output == "-":
        return sys.stdout
    # newline="": the text goes out exactly as built, "\n" line ends everywhere.
    return open(output, "w", encoding="utf-8", newline="")


def interrupted(writer: Writer) -> int:
    # Close the writer over what is done (json's array, html's page); a second
    # Ctrl-C during that only loses the closing.
    with contextlib.suppress(KeyboardInterrupt, BrokenPipeError):
        writer.close()
    warn("interrupted")
    return INTERRUPTED


def broken_pipe() -> int:
    # The reader went away (``quoteattr … | head``): stop quietly, and point
    # stdout at /dev/null so that Python's final flush does not complain.
    with contextlib.suppress(AttributeError, OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    return BROKEN_PIPE


def warn(message: str) -> None:
    # tqdm.write keeps a progress bar, if any, intact below the message.
    tqdm.write(f"quoteattr: {message}", file=sys.stderr)


# --- evaluate ----------------------------------------------------------------


def evaluate_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="quoteattr evaluate",
        description="Run the analysis on gold documents and score it.",
    )
    parser.add_argument("gold", metavar="GOLD.jsonl", help="gold attributions, one document a line")
    parser.add_argument(
        "--ascii",
        action="store_true",
        help="analyse the texts with ASCII quote marks and dashes, as scrapers hand them",
    )
    parser.add_argument(
        "--errors",
        action="store_true",
        help="count the errors by class and kind (miss, false hit, boundary, wrong kind,"
        " wrong speaker, speaker missing), then list them class by class",
    )
    return parser


def run_evaluate(args: argparse.Namespace, analyze: Analyze | None) -> int:
    try:
        report = evaluate(args.gold, ascii=args.ascii, analyze=analyze)
    except OSError as error:
        print(f"quoteattr: {error}", file=sys.stderr)
        return 1
    # Errors first (their counts, then the listing): the last lines must be the
    # table, which tools read with tail.
    if args.errors:
        print(report.errors_text())
        print()
    print(report.table())
    return 0


# name -> (parser builder, runner)
COMMANDS: dict[str, tuple[Callable[[], argparse.ArgumentParser], Callable[..., int]]] = {
    "evaluate": (evaluate_parser, run_evaluate),
}


def main(argv: Sequence[str] | None = None, *, analyze: Analyze | None = None) -> int:
    """Run the command line; ``analyze`` replaces ``quoteattr.analyze`` (for tests)."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in COMMANDS:
        build, run = COMMANDS[args[0]]
        args = args[1:]
    else:
        build, run = analyze_parser, run_analyze
    return run(build().parse_args(args), analyze)
