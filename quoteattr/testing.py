"""pytest plugin for code that uses quoteattr: fixtures and an assertion helper.

Installed with the package as the ``pytest11`` entry point ``quoteattr``, so
any test suite in an environment with quoteattr has:

* ``quoteattr_pipeline`` — the shared default ``Pipeline`` (session scope:
  the models load once);
* ``quoteattr_seed`` — the bundled seed article and its gold attributions;
* ``assert_attributed(text_or_doc, speaker=..., contains=..., kind=...)`` —
  ``from quoteattr.testing import assert_attributed``.

quoteattr itself is imported late, inside the fixtures and the helper: pytest
loads plugins before anything else, and importing the package here would do
so for every test run in the environment (and before coverage starts).
"""

from __future__ import annotations

import json
from importlib import resources
from typing import TYPE_CHECKING, Any

import attrs
import pytest

if TYPE_CHECKING:
    from quoteattr.pipeline import Pipeline
    from quoteattr.records import Document, Kind, Quote

__all__ = ["SEED_ID", "Seed", "assert_attributed", "load_seed"]

SEED_ID = "000_c3f19f54ed547ed9"

# How much of a content the failure listing shows.
SHORT = 70


# --- the seed article ----------------------------------------------------------


@attrs.frozen
class Seed:
    """The seed article: its text and its gold record.

    ``gold`` is the gold jsonl record as read (``id``, ``source``,
    ``licence``, ``text``, ``quotes``), the form ``quoteattr.evaluate.score``
    takes; ``quotes`` gives its attributions as ``Quote`` records.
    """

    text: str
    gold: dict[str, Any] = attrs.field(eq=False)

    @property
    def id(self) -> str:
        return str(self.gold["id"])

    @property
    def quotes(self) -> tuple[Quote, ...]:
        from quoteattr.evaluate import quotes_of

        return tuple(quotes_of(self.gold))


def load_seed() -> Seed:
    """The seed article, from the package data (an installed package has no seeds/)."""
    folder = resources.files("quoteattr") / "data" / "seed"
    text = (folder / f"{SEED_ID}.txt").read_text(encoding="utf-8")
    gold = json.loads((folder / f"{SEED_ID}.gold.jsonl").read_text(encoding="utf-8"))
    return Seed(text, gold)


# --- fixtures ------------------------------------------------------------------


@pytest.fixture(scope="session")
def quoteattr_pipeline() -> Pipeline:
    """The process-wide default pipeline, the one ``quoteattr.analyze`` uses."""
    from quoteattr.pipeline import default

    return default()


@pytest.fixture(scope="session")
def quoteattr_seed() -> Seed:
    """The bundled seed article (RIA Novosti, 2025-11-26) and its 12 gold attributions."""
    return load_seed()


# --- the assertion helper --------------------------------------------------------


def assert_attributed(
    text_or_doc: str | Document,
    speaker: str | None = None,
    contains: str | None = None,
    kind: str | Kind | None = None,
) -> Quote:
    """Pass if some attribution matches every given criterion, and return it.

    ``speaker`` matches a canonical name (or alias) equal to it, ignoring case,
    ``ё`` and punctuation, or ending with the same word — the surname:
    ``"Путин"`` matches ``Владимир Путин`` and back. ``contains`` is a
    substring of the content; ``kind`` is ``direct``, ``indirect`` or
    ``mixed``. A text is analysed with the default pipeline first.

    On failure, raises AssertionError listing every attribution found.
    """
    __tracebackhide__ = True  # pytest shows the caller's line, not this one
    from quoteattr.pipeline import analyze
    from quoteattr.records import Kind

    doc = analyze(text_or_doc) if isinstance(text_or_doc, str) else text_or_doc
    wanted_kind = Kind(kind) if kind is not None else None  # a typo fails loudly here
    for q in doc.quotes:
        if wanted_kind is not None and q.kind != wanted_kind:
            continue
        if contains is not None and contains not in q.text:
            continue
        if speaker is not None and not _same_speaker(q, speaker):
            continue
        return q
    raise AssertionError(_failure(doc, speaker, contains, wanted_kind))


def _words(name: str) -> list[str]:
    from quoteattr.evaluate import normalize

    return normalize(name).split()


def _same_speaker(q: Quote, wanted: str) -> bool:
    if q.speaker is None:
        return False
    want = _words(wanted)
    if not want:
        return False
    for name in (q.speaker.name, *q.speaker.aliases):
        words = _words(name)
        if words and (words == want or words[-1] == want[-1]):
            return True
    return False


def _failure(doc: Document, speaker: str | None, contains: str | None, kind: Kind | None) -> str:
    wanted = []
    if speaker is not None:
        wanted.append(f"speaker {speaker!r}")
    if kind is not None:
        wanted.append(f"kind {kind.value}")
    if contains is not None:
        wanted.append(f"content containing {contains!r}")
    lines = [
        f"no attribution with {', '.join(wanted) or 'anything'}",
        f"found {len(doc.quotes)} in the text ({len(doc.text)} characters):",
    ]
    for n, q in enumerate(doc.quotes, 1):
        who = f"{q.speaker.name} ({q.speaker.type.value})" if q.speaker else "no speaker"
        cue = repr(q.cue.text) if q.cue else "none"
        lines.append(f"  {n:>2}. {q.kind.value:<8} {who} | cue {cue} | «{_short(q.text)}»")
    return "\n".join(lines)


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= SHORT else text[: SHORT - 1].rstrip() + "…"
