"""What the command line reads: the files a PATH names, each read and decoded as a document.

A text file is one document, a ``.jsonl`` file one a line, ``-`` standard
input; a document that cannot be read becomes an :class:`Input` with an
error, and the others go on.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from tqdm import tqdm


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


def warn(message: str) -> None:
    # Every message of the command line, here as expand() has one too; tqdm.write
    # keeps a progress bar, if any, intact below the message.
    tqdm.write(f"quoteattr: {message}", file=sys.stderr)
