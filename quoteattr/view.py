"""The readable view of attributions: what ``quoteattr article.txt`` shows a person.

One block per attribution: the speaker, the kind and the confidence on a
line, the cue under it, then the content, wrapped. Colour (ANSI) only where
asked: the command line asks when it writes to a terminal, unless
``NO_COLOR`` is set (https://no-color.org) or the terminal is ``dumb``.
"""

from __future__ import annotations

import os
import textwrap
from collections.abc import Mapping
from typing import IO

from .records import Document, Quote

_RESET = "\033[0m"
_BOLD, _DIM, _CYAN = "\033[1m", "\033[2m", "\033[36m"
_GREEN, _YELLOW, _RED = "\033[32m", "\033[33m", "\033[31m"
WIDTH = 100  # at most, whatever the terminal: long lines read badly
_INDENT = "    "


def colour_wanted(stream: IO[str], env: Mapping[str, str] | None = None) -> bool:
    """Whether to colour what goes to `stream`: a terminal, and nobody said no."""
    env = os.environ if env is None else env
    isatty = getattr(stream, "isatty", None)
    if not (isatty and isatty()):
        return False
    return not env.get("NO_COLOR") and env.get("TERM") != "dumb"


def document(path: str, doc: Document, colour: bool = False, width: int = WIDTH) -> str:
    """A heading for the document, then a block per attribution, a blank line after each."""
    count = len(doc.quotes)
    heading = f"{path}: {count} attribution{'' if count == 1 else 's'}"
    parts = [_paint(heading, _BOLD, colour), ""]
    parts += [block(q, colour, width) + "\n" for q in doc.quotes]
    return "\n".join(parts) + "\n"


def block(quote: Quote, colour: bool = False, width: int = WIDTH) -> str:
    """One attribution: ``Speaker  [kind]  confidence 0.93``, ``cue: …``, then «content»."""
    speaker = quote.speaker.name if quote.speaker else "— (no speaker)"
    conf = quote.confidence
    sure = "confidence ?" if conf is None else f"confidence {conf:.2f}"
    head = "  ".join(
        (
            _paint(speaker, _BOLD, colour),
            _paint(f"[{quote.kind.value}]", _CYAN, colour),
            _paint(sure, _shade(conf), colour),
        )
    )
    lines = [head]
    if quote.cue is not None:
        lines.append(_INDENT + _paint(f"cue: {quote.cue.text}", _DIM, colour))
    content = "«" + " ".join(quote.text.split()) + "»"  # one paragraph, whatever the input
    lines += textwrap.wrap(
        content, width=max(width, 40), initial_indent=_INDENT, subsequent_indent=_INDENT
    )
    return "\n".join(lines)


def _shade(confidence: float | None) -> str:
    if confidence is None or confidence < 0.7:
        return _RED
    return _GREEN if confidence >= 0.9 else _YELLOW


def _paint(text: str, code: str, colour: bool) -> str:
    return f"{code}{text}{_RESET}" if colour else text
