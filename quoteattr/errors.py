"""The errors ``quoteattr evaluate --errors`` lists: each with the text around it.

A document's errors come from ``evaluate.score_document``; here they are
built, counted by class and group, and listed class by class.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from quoteattr.matching import KINDS, _group, _name
from quoteattr.records import Kind, Quote

CONTEXT = 60

MISS = "miss"
FALSE_HIT = "false hit"
BOUNDARY = "boundary"
WRONG_SPEAKER = "wrong speaker"
SPEAKER_MISSING = "speaker missing"
WRONG_KIND = "wrong kind"
# Error classes in the order they are counted and listed: detection first.
CLASSES = (MISS, FALSE_HIT, BOUNDARY, WRONG_KIND, WRONG_SPEAKER, SPEAKER_MISSING)


@attrs.frozen
class Error:
    """One error of a class in ``CLASSES``, with the text around it.

    ``kind`` is the gold quote's kind, or the prediction's for a false hit;
    ``start``, ``stop`` and ``text`` are the gold span, or the predicted one
    for a false hit. For the errors that involve a prediction and a gold
    quote (boundary, wrong kind, wrong speaker, speaker missing),
    ``pred_kind``, ``pred_start`` and ``pred_stop`` give the prediction. The
    context, ``left`` and ``right``, is around both spans; ``shown`` is what
    lies between: the gold span in ``[[…]]`` and the predicted one, where it
    is another, in ``{{…}}``.
    """

    doc_id: str
    type: str
    kind: str
    start: int
    stop: int
    text: str
    gold_speaker: str | None
    pred_speaker: str | None
    left: str
    right: str
    pred_kind: str | None = None
    pred_start: int | None = None
    pred_stop: int | None = None
    shown: str = ""

    @property
    def group(self) -> str:
        """``DIRECT`` or ``INDIRECT``: the row of the table the error counts in."""
        return _group(Kind(self.kind))

    def format(self) -> str:
        gold = self.gold_speaker or "-"
        pred = self.pred_speaker or "-"
        where = f"[{self.start}:{self.stop}]"
        kind = self.kind
        if self.pred_start is not None and (self.pred_start, self.pred_stop) != (
            self.start,
            self.stop,
        ):
            where += f" pred [{self.pred_start}:{self.pred_stop}]"
        if self.pred_kind is not None and self.pred_kind != self.kind:
            kind += f"→{self.pred_kind}"
        return (
            f"  {self.type:<15} {kind:<8} {where}  gold: {gold}  pred: {pred}\n"
            f"    {self.left}{self.shown or f'[[{self.text}]]'}{self.right}"
        )


def _context(text: str, start: int, stop: int) -> tuple[str, str]:
    """Up to ``CONTEXT`` chars either side, on one line, "…" where cut."""
    left = text[max(0, start - CONTEXT) : start]
    right = text[stop : stop + CONTEXT]
    left = ("…" if start > CONTEXT else "") + re.sub(r"\s+", " ", left)
    right = re.sub(r"\s+", " ", right) + ("…" if stop + CONTEXT < len(text) else "")
    return left, right


def _shown(text: str, spans: Sequence[tuple[int, int, str, str]]) -> tuple[int, int, str]:
    """The stretch of ``text`` over ``spans`` with each wrapped in its brackets.

    ``spans`` are ``(start, stop, open, close)``; returns the stretch's
    offsets and its one-line text with the brackets in.
    """
    start = min(s[0] for s in spans)
    stop = max(s[1] for s in spans)
    # At one offset: closings before openings, so that touching spans read apart.
    marks = sorted(
        [(a, 1, o) for a, _, o, _ in spans] + [(b, 0, c) for _, b, _, c in spans],
        key=lambda m: (m[0], m[1]),
    )
    out, at = [], start
    for offset, _, mark in marks:
        out.append(text[at:offset])
        out.append(mark)
        at = offset
    out.append(text[at:stop])
    return start, stop, re.sub(r"\s+", " ", "".join(out))


def error_at(text: str, doc_id: str, what: str, g: Quote | None, p: Quote | None) -> Error:
    """An error of class ``what`` between gold ``g`` and prediction ``p`` (either may
    be ``None``), with the text around them."""
    q = g if g is not None else p
    assert q is not None
    spans = [(q.start, q.stop, "[[", "]]")]
    if g is not None and p is not None and (p.start, p.stop) != (g.start, g.stop):
        spans.append((p.start, p.stop, "{{", "}}"))
    start, stop, shown = _shown(text, spans)
    left, right = _context(text, start, stop)
    # The prediction beside a gold quote; not for a false hit, where it is ``q``.
    other = p if g is not None else None
    return Error(
        doc_id=doc_id,
        type=what,
        kind=q.kind.value,
        start=q.start,
        stop=q.stop,
        text=text[q.start : q.stop],
        gold_speaker=_name(g.speaker) if g is not None else None,
        pred_speaker=_name(p.speaker) if p is not None else None,
        left=left,
        right=right,
        pred_kind=other.kind.value if other is not None else None,
        pred_start=other.start if other is not None else None,
        pred_stop=other.stop if other is not None else None,
        shown=shown,
    )


def of_class(errors: Sequence[Error], what: str) -> tuple[Error, ...]:
    """The errors of one class of ``CLASSES``: ``MISS``, ``BOUNDARY``, …"""
    return tuple(e for e in errors if e.type == what)


def count_by_class(errors: Sequence[Error]) -> dict[tuple[str, str], int]:
    """``{(class, group): n}`` for every class of ``CLASSES`` and group of ``KINDS``.

    Zeros included, in the order of ``CLASSES`` then ``KINDS``, so that a
    caller can print them as they come.
    """
    counts = {(c, g): 0 for c in CLASSES for g in KINDS}
    for e in errors:
        counts[e.type, e.group] += 1
    return counts


def counts_table(errors: Sequence[Error]) -> str:
    """The error counts, a class a line, a column per group and a total."""
    counts = count_by_class(errors)
    header = ("class", *KINDS, "total")
    lines = [f"{header[0]:<16}" + "".join(f"{h:>15}" for h in header[1:])]
    for c in CLASSES:
        row = [counts[c, g] for g in KINDS]
        lines.append(f"{c:<16}" + "".join(f"{n:>15}" for n in (*row, sum(row))))
    return "\n".join(lines)


def listing(errors: Sequence[Error]) -> str:
    """Counts by class and group, then the errors class by class, by document."""
    summary = ", ".join(f"{len(of_class(errors, c))} {c}" for c in CLASSES)
    lines = [f"errors: {summary}", counts_table(errors)]
    for c in CLASSES:
        found = of_class(errors, c)
        if not found:
            continue
        lines.append("")
        lines.append(f"## {c}: {len(found)}")
        doc_id = None
        for error in found:
            if error.doc_id != doc_id:
                doc_id = error.doc_id
                lines.append(f"== {doc_id}")
            lines.append(error.format())
    return "\n".join(lines)
