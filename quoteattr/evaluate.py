"""Score attributions against gold, by the "Scoring" section of the guidelines.

A predicted quote *matches* a gold quote when their content spans, each
trimmed of white space and punctuation at both ends, overlap by at least half
of their union (character Jaccard >= 0.5). Matching is one-to-one. A matched
quote is *attributed* when the predicted speaker is the gold one (see
``same_speaker``).

Figures are given overall and for two groups of kinds, ``direct`` and
``indirect+mixed``. The overall row matches all gold quotes against all
predictions, whatever their kinds. A group's row matches the group's gold
quotes against the group's predictions only, so a gold direct quote found as
an indirect one is a miss for ``direct`` and a false hit for
``indirect+mixed`` (and a match overall). Attribution accuracy of a row is
taken over that row's matches. A ratio with nothing to count (0/0) is 0.

Errors are classed on the overall matching, each listed once:

- ``miss``: a gold quote no prediction touches;
- ``false hit``: a prediction that touches no gold quote;
- ``boundary``: an unmatched gold quote and an unmatched prediction that
  overlap, but by less than the match threshold (one error, not a miss and
  a false hit);
- ``wrong speaker``: matched, but the predicted speaker is not acceptable;
- ``speaker missing``: matched, the gold names a speaker, the prediction none;
- ``wrong kind``: matched, but one is direct and the other indirect or mixed
  (the per-group rows count it as a miss and a false hit). A pair can be of
  the wrong kind and have a wrong or missing speaker too: two errors.

An error's group is the gold quote's, or the prediction's for a false hit.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from quoteattr.records import (
    Document,
    Kind,
    Quote,
    Span,
    Speaker,
    SpeakerType,
    normalize,
)

OVERALL = "overall"
DIRECT = "direct"
INDIRECT = "indirect+mixed"
GROUPS = (OVERALL, DIRECT, INDIRECT)
KINDS = (DIRECT, INDIRECT)

CONTEXT = 60


# Spans


def is_trimmed(char: str) -> bool:
    """White space or Unicode punctuation: quote marks, dashes, stops, brackets."""
    return char.isspace() or unicodedata.category(char).startswith("P")


def trim(start: int, stop: int, text: str) -> tuple[int, int]:
    """Move ``start`` and ``stop`` inward over trimmed chars of ``text``.

    ``text`` is the span's own text (``doc.text[start:stop]``). An all-punctuation
    span trims to an empty one at its stop.
    """
    left, right = 0, len(text)
    while left < right and is_trimmed(text[left]):
        left += 1
    while right > left and is_trimmed(text[right - 1]):
        right -= 1
    if left == right:
        return stop, stop
    return start + left, start + right


def overlap(a: tuple[int, int], b: tuple[int, int]) -> tuple[int, int]:
    """Intersection and union sizes of two character ranges."""
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = (a[1] - a[0]) + (b[1] - b[0]) - inter
    return inter, union


def jaccard(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter, union = overlap(a, b)
    return inter / union if union else 0.0


def match(
    gold: Sequence[Quote | Mapping[str, Any]],
    predicted: Sequence[Quote | Mapping[str, Any]],
) -> list[tuple[int, int]]:
    """Pair gold and predicted quotes of one document: ``(gold_index, pred_index)``.

    Every pair with Jaccard >= 0.5 is a candidate; candidates are taken by
    descending Jaccard, ties by the trimmed gold offsets, then the trimmed
    predicted offsets, then the indexes, and a quote already taken is
    skipped. Returned in gold order.
    """
    gold_spans = [_trimmed(as_quote(q)) for q in gold]
    pred_spans = [_trimmed(as_quote(q)) for q in predicted]
    return _assign(gold_spans, pred_spans, _half)


def _half(inter: int, union: int) -> bool:
    # Integers, so that exactly one half passes whatever the float rounding.
    return 2 * inter >= union


def _touching(inter: int, union: int) -> bool:
    return inter > 0


def _assign(
    gold_spans: Sequence[tuple[int, int]],
    pred_spans: Sequence[tuple[int, int]],
    accept: Callable[[int, int], bool],
) -> list[tuple[int, int]]:
    """The greedy one-to-one pairing of ``match``, over pairs that ``accept`` takes."""
    candidates = []
    for i, g in enumerate(gold_spans):
        for j, p in enumerate(pred_spans):
            inter, union = overlap(g, p)
            if union and accept(inter, union):
                candidates.append((-inter / union, g, p, i, j))
    candidates.sort()
    pairs = []
    gold_used: set[int] = set()
    pred_used: set[int] = set()
    for _, _, _, i, j in candidates:
        if i not in gold_used and j not in pred_used:
            gold_used.add(i)
            pred_used.add(j)
            pairs.append((i, j))
    return sorted(pairs)


def _match_within(
    gold_spans: Sequence[tuple[int, int]],
    pred_spans: Sequence[tuple[int, int]],
    gold_ids: Sequence[int],
    pred_ids: Sequence[int],
    accept: Callable[[int, int], bool] = _half,
) -> list[tuple[int, int]]:
    """``_assign`` over a subset of each side, in the indexes of the whole."""
    pairs = _assign([gold_spans[i] for i in gold_ids], [pred_spans[j] for j in pred_ids], accept)
    return [(gold_ids[i], pred_ids[j]) for i, j in pairs]


def _trimmed(quote: Quote) -> tuple[int, int]:
    return trim(quote.start, quote.stop, quote.text)


# Speakers


def same_speaker(pred_name: str | None, gold: Speaker | Mapping[str, Any] | None) -> bool:
    """Whether a predicted speaker name is acceptable for the gold speaker.

    It is when, normalised, it equals the gold name or an alias, contains one
    of them as whole words, or, for a person, ends with the same word as the
    gold name or an alias (the surname: "Путин" for "Владимир Путин").
    A gold ``None`` accepts only a predicted ``None``.
    """
    if gold is None or pred_name is None:
        return gold is None and pred_name is None
    gold = as_speaker(gold)
    pred = normalize(pred_name).split()
    if not pred:
        return False
    names = [normalize(n).split() for n in (gold.name, *gold.aliases)]
    names = [n for n in names if n]
    if any(_contains(pred, n) for n in names):
        return True
    return gold.type == SpeakerType.PERSON and any(pred[-1] == n[-1] for n in names)


def _contains(words: list[str], part: list[str]) -> bool:
    size = len(part)
    return any(words[i : i + size] == part for i in range(len(words) - size + 1))


# Records from plain data


def as_quote(data: Quote | Mapping[str, Any]) -> Quote:
    """A ``Quote`` from a record, its ``to_dict`` form or a gold jsonl quote."""
    if isinstance(data, Quote):
        return data
    if "content" not in data:
        return Quote.from_dict(data)
    cue = None
    if data.get("cue") is not None and data.get("cue_start") is not None:
        cue = Span(data["cue_start"], data["cue_stop"], data["cue"])
    speaker = data.get("speaker")
    return Quote(
        start=data["start"],
        stop=data["stop"],
        text=data["content"],
        kind=data["kind"],
        cue=cue,
        speaker=as_speaker(speaker) if speaker else None,
    )


def as_speaker(data: Speaker | Mapping[str, Any]) -> Speaker:
    """A ``Speaker`` from a record, its ``to_dict`` form or a gold jsonl speaker."""
    if isinstance(data, Speaker):
        return data
    mention = data.get("mention")
    if isinstance(mention, str):
        # Gold keeps the mention as a string, its offsets beside it.
        start = data.get("mention_start")
        return Speaker(
            name=data["name"],
            type=data["type"],
            mention=Span(start, data["mention_stop"], mention) if start is not None else None,
            aliases=data.get("aliases", ()),
        )
    return Speaker.from_dict(data)


def quotes_of(doc: Document | Mapping[str, Any] | Iterable[Any]) -> list[Quote]:
    """The quotes of a ``Document``, of its dict form, or of a plain list."""
    if isinstance(doc, Document):
        items: Iterable[Any] = doc.quotes
    elif isinstance(doc, Mapping):
        items = doc.get("quotes", ())
    else:
        items = doc
    return [as_quote(q) for q in items]


# Report


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


@attrs.frozen
class Scores:
    """Counts of one row and the figures computed from them.

    ``gold_found`` and ``gold_right`` count the row's gold quotes that are
    matched (within the row), and matched and attributed; ``pred_found`` and
    ``pred_right`` the same for the row's predictions. Matching is one-to-one
    within a row, so each pair of counts is equal; both are kept for the
    formulas to read as the figures' definitions.
    """

    gold: int = 0
    pred: int = 0
    gold_found: int = 0
    gold_right: int = 0
    pred_found: int = 0
    pred_right: int = 0

    def __add__(self, other: Scores) -> Scores:
        return Scores(
            *(a + b for a, b in zip(attrs.astuple(self), attrs.astuple(other), strict=True))
        )

    @property
    def det_precision(self) -> float:
        return _ratio(self.pred_found, self.pred)

    @property
    def det_recall(self) -> float:
        return _ratio(self.gold_found, self.gold)

    @property
    def det_f1(self) -> float:
        return _f1(self.det_precision, self.det_recall)

    @property
    def attr_accuracy(self) -> float:
        return _ratio(self.gold_right, self.gold_found)

    @property
    def e2e_precision(self) -> float:
        return _ratio(self.pred_right, self.pred)

    @property
    def e2e_recall(self) -> float:
        return _ratio(self.gold_right, self.gold)

    @property
    def e2e_f1(self) -> float:
        return _f1(self.e2e_precision, self.e2e_recall)

    def figures(self) -> tuple[float, ...]:
        """The figures in the order of the table's columns after gold and pred."""
        return (
            self.det_precision,
            self.det_recall,
            self.det_f1,
            self.attr_accuracy,
            self.e2e_precision,
            self.e2e_recall,
            self.e2e_f1,
        )


COLUMNS = ("gold", "pred", "det P", "det R", "det F1", "attr acc", "e2e P", "e2e R", "e2e F1")

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


@attrs.frozen
class Report:
    """Scores overall and by group, and the errors, in document and text order."""

    overall: Scores
    direct: Scores
    indirect: Scores
    documents: int = 0
    errors: tuple[Error, ...] = ()

    @property
    def groups(self) -> tuple[tuple[str, Scores], ...]:
        return ((OVERALL, self.overall), (DIRECT, self.direct), (INDIRECT, self.indirect))

    def errors_of(self, what: str) -> tuple[Error, ...]:
        """The errors of one class of ``CLASSES``: ``MISS``, ``BOUNDARY``, …"""
        return tuple(e for e in self.errors if e.type == what)

    @property
    def misses(self) -> tuple[Error, ...]:
        return self.errors_of(MISS)

    @property
    def false_hits(self) -> tuple[Error, ...]:
        return self.errors_of(FALSE_HIT)

    @property
    def boundaries(self) -> tuple[Error, ...]:
        return self.errors_of(BOUNDARY)

    @property
    def wrong_speakers(self) -> tuple[Error, ...]:
        return self.errors_of(WRONG_SPEAKER)

    @property
    def missing_speakers(self) -> tuple[Error, ...]:
        return self.errors_of(SPEAKER_MISSING)

    @property
    def wrong_kinds(self) -> tuple[Error, ...]:
        return self.errors_of(WRONG_KIND)

    def error_counts(self) -> dict[tuple[str, str], int]:
        """``{(class, group): n}`` for every class of ``CLASSES`` and group of ``KINDS``.

        Zeros included, in the order of ``CLASSES`` then ``KINDS``, so that a
        caller can print them as they come.
        """
        counts = {(c, g): 0 for c in CLASSES for g in KINDS}
        for e in self.errors:
            counts[e.type, e.group] += 1
        return counts

    def table(self) -> str:
        lines = [f"{'':<14}" + "".join(f"{h:>9}" for h in COLUMNS)]
        for name, s in self.groups:
            cells = [str(s.gold), str(s.pred)] + [f"{x:.3f}" for x in s.figures()]
            lines.append(f"{name:<14}" + "".join(f"{c:>9}" for c in cells))
        return "\n".join(lines)

    def counts_table(self) -> str:
        """The error counts, a class a line, a column per group and a total."""
        counts = self.error_counts()
        header = ("class", *KINDS, "total")
        lines = [f"{header[0]:<16}" + "".join(f"{h:>15}" for h in header[1:])]
        for c in CLASSES:
            row = [counts[c, g] for g in KINDS]
            lines.append(f"{c:<16}" + "".join(f"{n:>15}" for n in (*row, sum(row))))
        return "\n".join(lines)

    def errors_text(self) -> str:
        """Counts by class and group, then the errors class by class, by document."""
        summary = ", ".join(f"{len(self.errors_of(c))} {c}" for c in CLASSES)
        lines = [f"errors: {summary}", self.counts_table()]
        for c in CLASSES:
            errors = self.errors_of(c)
            if not errors:
                continue
            lines.append("")
            lines.append(f"## {c}: {len(errors)}")
            doc_id = None
            for error in errors:
                if error.doc_id != doc_id:
                    doc_id = error.doc_id
                    lines.append(f"== {doc_id}")
                lines.append(error.format())
        return "\n".join(lines)


def _group(kind: Kind) -> str:
    return DIRECT if kind == Kind.DIRECT else INDIRECT


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


def _name(speaker: Speaker | None) -> str | None:
    return speaker.name if speaker else None


def score_document(
    gold_doc: Mapping[str, Any], predicted: Document | Mapping[str, Any] | Iterable[Any]
) -> tuple[dict[str, Scores], list[Error]]:
    """Counts by row and errors of one gold document against its prediction."""
    text = gold_doc["text"]
    doc_id = str(gold_doc.get("id", ""))
    gold = quotes_of(gold_doc)
    pred = quotes_of(predicted)
    gold_spans = [_trimmed(q) for q in gold]
    pred_spans = [_trimmed(q) for q in pred]

    def attributed(i: int, j: int) -> int:
        return int(same_speaker(_name(pred[j].speaker), gold[i].speaker))

    def row(pairs: list[tuple[int, int]], n_gold: int, n_pred: int) -> Scores:
        found = len(pairs)
        right = sum(attributed(i, j) for i, j in pairs)
        return Scores(n_gold, n_pred, found, right, found, right)

    # The overall row matches across kinds; each group's row within the group.
    all_gold, all_pred = range(len(gold)), range(len(pred))
    pairs = _match_within(gold_spans, pred_spans, all_gold, all_pred)
    counts = {OVERALL: row(pairs, len(gold), len(pred))}
    for group in KINDS:
        gold_ids = [i for i, q in enumerate(gold) if _group(q.kind) == group]
        pred_ids = [j for j, q in enumerate(pred) if _group(q.kind) == group]
        group_pairs = _match_within(gold_spans, pred_spans, gold_ids, pred_ids)
        counts[group] = row(group_pairs, len(gold_ids), len(pred_ids))

    def error(what: str, g: Quote | None, p: Quote | None) -> Error:
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

    errors = []
    for i, j in pairs:
        g, p = gold[i], pred[j]
        if _group(g.kind) != _group(p.kind):
            errors.append(error(WRONG_KIND, g, p))
        if not attributed(i, j):
            missing = g.speaker is not None and p.speaker is None
            errors.append(error(SPEAKER_MISSING if missing else WRONG_SPEAKER, g, p))
    # What the matching left: overlapping pairs are boundary errors, the rest
    # misses and false hits.
    lone_gold = sorted(set(all_gold) - {i for i, _ in pairs})
    lone_pred = sorted(set(all_pred) - {j for _, j in pairs})
    near = _match_within(gold_spans, pred_spans, lone_gold, lone_pred, _touching)
    for i, j in near:
        errors.append(error(BOUNDARY, gold[i], pred[j]))
    for i in sorted(set(lone_gold) - {i for i, _ in near}):
        errors.append(error(MISS, gold[i], None))
    for j in sorted(set(lone_pred) - {j for _, j in near}):
        errors.append(error(FALSE_HIT, None, pred[j]))
    errors.sort(key=lambda e: (e.start, e.stop, CLASSES.index(e.type)))
    return counts, errors


def score(
    gold_docs: Sequence[Mapping[str, Any]],
    predicted_docs: Sequence[Document | Mapping[str, Any] | Iterable[Any]],
) -> Report:
    """Score predictions against gold; ``predicted_docs[i]`` is for ``gold_docs[i]``.

    A prediction is a ``Document``, its dict form, or a list of quotes
    (``Quote`` records or their dict form).
    """
    if len(gold_docs) != len(predicted_docs):
        raise ValueError(f"{len(gold_docs)} gold documents, {len(predicted_docs)} predicted")
    totals = {name: Scores() for name in GROUPS}
    errors: list[Error] = []
    for gold_doc, predicted in zip(gold_docs, predicted_docs, strict=True):
        counts, doc_errors = score_document(gold_doc, predicted)
        for name in GROUPS:
            totals[name] = totals[name] + counts[name]
        errors.extend(doc_errors)
    return Report(
        overall=totals[OVERALL],
        direct=totals[DIRECT],
        indirect=totals[INDIRECT],
        documents=len(gold_docs),
        errors=tuple(errors),
    )


# Running


ASCII = str.maketrans({c: '"' for c in "«»„“”‟"} | {"—": "-", "–": "-"})


def to_ascii(text: str) -> str:
    """The text as a scraper hands it: typographic quote marks and dashes as ASCII.

    One char for one char, so every offset stays valid.
    """
    result = text.translate(ASCII)
    assert len(result) == len(text)
    return result


def load_gold(path: str | Path) -> list[dict[str, Any]]:
    """The documents of a gold jsonl file."""
    with open(path, encoding="utf-8") as file:
        return [json.loads(line) for line in file if line.strip()]


def evaluate(
    path: str | Path,
    *,
    ascii: bool = False,
    analyze: Callable[[str], Any] | None = None,
) -> Report:
    """Run ``analyze`` (default ``quoteattr.analyze``) on each gold text and score it.

    With ``ascii``, ``analyze`` sees ``to_ascii(text)``; offsets are the same.
    """
    if analyze is None:
        # Late, so that scoring works without loading the models.
        from quoteattr import analyze
    gold = load_gold(path)
    predicted = [analyze(to_ascii(d["text"]) if ascii else d["text"]) for d in gold]
    return score(gold, predicted)
