"""Shared fixtures and helpers for the behaviour tests.

The models load once per session (``nlp``). ``analyze`` runs the shared
pipeline and checks the invariants every result must keep, so each test that
goes through it checks them too. ``Q`` describes one expected attribution and
``check`` compares a document with a list of them.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

import quoteattr
from quoteattr import Document, Kind, Quote, Speaker, SpeakerType
from quoteattr.evaluate import normalize, same_speaker, trim

TESTS = Path(__file__).resolve().parent
SEEDS = TESTS.parent / "seeds"
SEED = SEEDS / "000_c3f19f54ed547ed9"
SHARED = TESTS.parents[1] / "shared"

ANY: Any = ...  # a field of `Q` that is not checked


# --- invariants -------------------------------------------------------------


def assert_invariants(doc: Document, text: str) -> None:
    """What every result must satisfy, whatever the input."""
    assert isinstance(doc, Document)
    assert doc.text == text
    assert isinstance(doc.quotes, tuple)
    size = len(text)
    for q in doc.quotes:
        assert isinstance(q, Quote)
        assert 0 <= q.start < q.stop <= size, q
        assert text[q.start : q.stop] == q.text, q
        assert q.text.strip(), f"empty content: {q}"
        assert isinstance(q.kind, Kind), q
        assert 0.0 <= q.confidence <= 1.0, q
        if q.cue is not None:
            assert 0 <= q.cue.start < q.cue.stop <= size, q.cue
            assert text[q.cue.start : q.cue.stop] == q.cue.text, q.cue
        if q.speaker is not None:
            assert q.speaker.name.strip(), q.speaker
            assert isinstance(q.speaker.type, SpeakerType), q.speaker
            assert isinstance(q.speaker.aliases, tuple), q.speaker
            mention = q.speaker.mention
            if mention is not None:
                assert 0 <= mention.start < mention.stop <= size, mention
                assert text[mention.start : mention.stop] == mention.text, mention
    starts = [(q.start, q.stop) for q in doc.quotes]
    assert starts == sorted(starts), f"quotes not in text order: {starts}"


# --- fixtures ---------------------------------------------------------------


@pytest.fixture(scope="session")
def nlp() -> quoteattr.Pipeline:
    """One pipeline for the whole session: the models load once."""
    return quoteattr.Pipeline()


@pytest.fixture(scope="session")
def analyze(nlp: quoteattr.Pipeline) -> Callable[[str], Document]:
    """``nlp(text)`` with the invariants checked on the result."""

    def run(text: str) -> Document:
        doc = nlp(text)
        assert_invariants(doc, text)
        return doc

    return run


@pytest.fixture(scope="session")
def seed_gold() -> dict[str, Any]:
    with open(SEED.with_suffix(".gold.jsonl"), encoding="utf-8") as file:
        return json.loads(file.readline())


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.with_suffix(".txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_doc(analyze: Callable[[str], Document], seed_text: str) -> Document:
    return analyze(seed_text)


# --- finding and describing quotes ------------------------------------------


def find(doc: Document, contains: str) -> list[Quote]:
    """The quotes whose content contains ``contains``."""
    return [q for q in doc.quotes if contains in q.text]


def describe(q: Quote) -> str:
    speaker = "None"
    if q.speaker is not None:
        mention = q.speaker.mention.text if q.speaker.mention else None
        speaker = f"{q.speaker.name!r} ({q.speaker.type}, mention {mention!r})"
    cue = q.cue.text if q.cue else None
    return f"{q.kind}: {q.text!r} [{q.start}:{q.stop}] cue {cue!r} speaker {speaker}"


def describe_all(doc: Document) -> str:
    lines = [describe(q) for q in doc.quotes] or ["(no quotes)"]
    return "library output:\n  " + "\n  ".join(lines)


def trimmed(text: str) -> str:
    start, stop = trim(0, len(text), text)
    return text[start:stop]


# --- expectations -----------------------------------------------------------


@dataclass(frozen=True)
class Q:
    """One expected attribution.

    ``text`` locates it (its first occurrence in the document, or the
    ``nth``) and is compared by ``how``: ``"exact"`` (the guidelines' span,
    character for character), ``"trim"`` (equal once white space and
    punctuation are trimmed at both ends, as the scorer does) or
    ``"contains"`` (the content covers it). ``lacks``: strings the content
    must not contain. ``speaker``: canonical name, compared as the scorer
    normalises names (case, ё, punctuation), or None for no speaker;
    ``cue`` and ``mention`` exact text. ``ANY`` leaves a field unchecked.
    """

    text: str
    kind: str | None = None
    speaker: str | tuple[str, ...] | None = ANY
    type: str | None = None
    cue: str | None = ANY
    mention: str | None = None
    how: str = "exact"
    lacks: tuple[str, ...] = ()
    nth: int = 0


def _locate(doc: Document, exp: Q) -> tuple[int, int]:
    start = -1
    for _ in range(exp.nth + 1):
        start = doc.text.find(exp.text, start + 1)
        assert start >= 0, f"test error: {exp.text!r} is not in the text"
    return start, start + len(exp.text)


def _best(doc: Document, span: tuple[int, int], taken: set[int]) -> int | None:
    best, best_overlap = None, 0
    for i, q in enumerate(doc.quotes):
        if i in taken:
            continue
        inter = min(q.stop, span[1]) - max(q.start, span[0])
        if inter > best_overlap:
            best, best_overlap = i, inter
    return best


def check(doc: Document, expected: Sequence[Q], *, only: bool = True) -> None:
    """Every expected attribution is there, as described; with ``only``, nothing else."""
    problems: list[str] = []
    taken: set[int] = set()
    for exp in expected:
        span = _locate(doc, exp)
        i = _best(doc, span, taken)
        if i is None:
            problems.append(f"missing {exp.kind or 'quote'}: {exp.text!r}")
            continue
        taken.add(i)
        q = doc.quotes[i]
        problems += _compare(q, exp, span)
    if only:
        for i, q in enumerate(doc.quotes):
            if i not in taken:
                problems.append(f"unexpected quote: {describe(q)}")
    assert not problems, "\n".join(problems) + "\n" + describe_all(doc)


def _compare(q: Quote, exp: Q, span: tuple[int, int]) -> list[str]:
    out = []
    where = f"quote {exp.text[:50]!r}"
    if exp.how == "exact" and (q.start, q.stop) != span:
        out.append(f"{where}: content {q.text!r}, expected exactly {exp.text!r}")
    elif exp.how == "trim" and trimmed(q.text) != trimmed(exp.text):
        out.append(f"{where}: content {q.text!r}, expected {exp.text!r} (trimmed)")
    elif exp.how == "contains" and not (q.start <= span[0] and span[1] <= q.stop):
        out.append(f"{where}: content {q.text!r} does not cover {exp.text!r}")
    for bad in exp.lacks:
        if bad in q.text:
            out.append(f"{where}: content {q.text!r} should not contain {bad!r}")
    if exp.kind is not None and q.kind != exp.kind:
        out.append(f"{where}: kind {q.kind}, expected {exp.kind}")
    if exp.cue is not ANY:
        got = q.cue.text if q.cue else None
        if got != exp.cue:
            out.append(f"{where}: cue {got!r}, expected {exp.cue!r}")
    if exp.speaker is not ANY:
        if exp.speaker is None:
            if q.speaker is not None:
                out.append(f"{where}: speaker {q.speaker.name!r}, expected none")
        elif q.speaker is None:
            out.append(f"{where}: no speaker, expected {exp.speaker!r}")
        elif isinstance(exp.speaker, tuple):
            # The guidelines accept more than one name (``со ссылкой на``): the
            # scorer's rule, with the first as the name and the rest as aliases.
            gold = Speaker(exp.speaker[0], exp.type or "organization", aliases=exp.speaker[1:])
            if not same_speaker(q.speaker.name, gold):
                out.append(f"{where}: speaker {q.speaker.name!r}, expected one of {exp.speaker}")
        elif normalize(q.speaker.name) != normalize(exp.speaker):
            out.append(f"{where}: speaker {q.speaker.name!r}, expected {exp.speaker!r}")
    if q.speaker is not None:
        if exp.type is not None and q.speaker.type != exp.type:
            out.append(f"{where}: speaker type {q.speaker.type}, expected {exp.type}")
        if exp.mention is not None:
            got = q.speaker.mention.text if q.speaker.mention else None
            if got != exp.mention:
                out.append(f"{where}: mention {got!r}, expected {exp.mention!r}")
    return out


def case(id: str, text: str, *expected: Q, xfail: str | None = None) -> Any:
    """A table row ``(text, expected)``; ``xfail`` records a known library gap."""
    marks = [pytest.mark.xfail(strict=True, reason=xfail)] if xfail else []
    return pytest.param(text, list(expected), id=id, marks=marks)


# --- hypothesis profiles ----------------------------------------------------
# `pytest --hypothesis-profile=long`: 20 times the default examples where a
# test scales with the profile (tests/test_fuzz.py: 200 000 inputs on the
# cheap stages, 5 760 documents through the pipeline; about 15 minutes).

from hypothesis import settings  # noqa: E402

settings.register_profile("long", max_examples=2_000, deadline=None)
