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
import os
import shutil
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from tqdm import tqdm

from quoteattr.evaluate import evaluate
from quoteattr.pipeline import batches
from quoteattr.readers import Input, ReadOptions, Source, count, expand, read_all, warn
from quoteattr.records import Document
from quoteattr.view import WIDTH, colour_wanted
from quoteattr.writers import (
    CSV_COLUMNS,
    FORMATS,
    Writer,
    WriterFactory,
    interrupts_deferred,
    whole,
    writer_factory,
)

# CSV_COLUMNS and interrupts_deferred are the writers', read from here too.
__all__ = ["COMMANDS", "CSV_COLUMNS", "FORMATS", "interrupts_deferred", "main"]

Analyze = Callable[[str], Document]
# Texts in, their documents out in the same order: ``quoteattr.pipe`` or a
# per-text wrapper of an injected ``analyze``.
Runner = Callable[[list[str]], Iterable[Document]]

# Exit statuses besides 0 (all went well) and 2 (usage, argparse's own).
FAILED = 1
USAGE = 2
INTERRUPTED = 130  # 128 + SIGINT, what shells report for Ctrl-C
BROKEN_PIPE = 141  # 128 + SIGPIPE, as if killed by it like other Unix tools

EXAMPLES = """\
examples:
  quoteattr article.txt                     who said what, to read (on a terminal;
                                            JSON lines when piped or with -f jsonl)
  quoteattr article.txt --min-confidence 0.9   only what is right 9 times in 10
  quoteattr corpus/ -o out.jsonl            every *.txt under corpus/, recursively, sorted
  quoteattr news.jsonl --text-field body    one document a line, text in "body"
  cat article.txt | quoteattr -             standard input
  quoteattr corpus/ -f csv -o quotes.csv    one row per attribution
  quoteattr corpus/ -f html -o report.html  a page to read, quotes highlighted
  quoteattr corpus/ -f jsonl | jq .speaker  one JSON object a line per attribution
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
        "-f",
        "--format",
        choices=FORMATS,
        default=None,
        help="output format (default: text on a terminal, jsonl when the output "
        "is a pipe or a file)",
    )
    parser.add_argument(
        "--min-confidence",
        type=probability,
        default=None,
        metavar="P",
        help="keep only attributions whose confidence (the calibrated probability "
        "of being right) is at least P, 0 to 1",
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


def probability(value: str) -> float:
    number = float(value)
    if not 0.0 <= number <= 1.0:
        raise argparse.ArgumentTypeError(f"must be from 0 to 1, got {value}")
    return number


def positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {number}")
    return number


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
    choose_format(args)
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


def choose_format(args: argparse.Namespace) -> None:
    """Text for a person at a terminal, JSON lines for a pipe or a file (the
    convention of tools that serve both); colour only on a terminal."""
    to_stdout = args.output is None or args.output == "-"
    terminal = to_stdout and bool(getattr(sys.stdout, "isatty", None) and sys.stdout.isatty())
    if args.format is None:
        args.format = "text" if terminal else "jsonl"
    args.colour = args.format == "text" and to_stdout and colour_wanted(sys.stdout)
    args.width = min(shutil.get_terminal_size().columns, WIDTH) if terminal else WIDTH


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
                    doc = result.doc
                    if args.min_confidence is not None:
                        doc = doc.filtered(args.min_confidence)
                    writer.write(result.id, doc)
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
    print(report.reliability_text())
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
