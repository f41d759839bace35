"""Command line: ``quoteattr FILE...`` and ``quoteattr evaluate GOLD.jsonl``.

The first argument names a command from ``COMMANDS``; when it names none,
all arguments are files, so that ``quoteattr FILE`` needs no command name.
A new command is a parser builder and a runner added to ``COMMANDS``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from typing import Any

from quoteattr.evaluate import evaluate

Analyze = Callable[[str], Any]


def analyze_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="quoteattr",
        description=(
            "Find quotations and reported claims in Russian news text and say who made them. "
            "Prints one JSON object a line per attribution."
        ),
        epilog="Score against gold: quoteattr evaluate GOLD.jsonl [--ascii] [--errors]",
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="a text file, or - for stdin")
    return parser


def run_analyze(args: argparse.Namespace, analyze: Analyze | None) -> int:
    if analyze is None:
        from quoteattr import analyze
    status = 0
    for path in args.files:
        try:
            text = sys.stdin.read() if path == "-" else read(path)
            doc = analyze(text)
        except Exception as error:
            # One bad file must not stop the others; the status tells.
            print(f"quoteattr: {path}: {type(error).__name__}: {error}", file=sys.stderr)
            status = 1
            continue
        for quote in doc.quotes:
            print(json.dumps({"path": path, **quote.to_dict()}, ensure_ascii=False))
    return status


def read(path: str) -> str:
    with open(path, encoding="utf-8") as file:
        return file.read()


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
        "--errors", action="store_true", help="list misses, false hits and wrong speakers"
    )
    return parser


def run_evaluate(args: argparse.Namespace, analyze: Analyze | None) -> int:
    try:
        report = evaluate(args.gold, ascii=args.ascii, analyze=analyze)
    except OSError as error:
        print(f"quoteattr: {error}", file=sys.stderr)
        return 1
    # Errors first: the last lines must be the table, which tools read with tail.
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
