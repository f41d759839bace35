"""Score attributions against gold, by the "Scoring" section of the guidelines.

A predicted quote *matches* a gold quote when their content spans, each
trimmed of white space and punctuation at both ends, overlap by at least half
of their union (character Jaccard >= 0.5). Matching is one-to-one. A matched
quote is *attributed* when the predicted speaker is the gold one (see
``same_speaker``).

Figures are given overall and for two groups, ``direct`` and
``indirect+mixed``. A quote belongs to a group by its own kind: gold quotes
by their gold kind, predictions by their predicted kind. So a gold direct
quote found as an indirect one counts as found for the recall of ``direct``
(gold side) and as correct for the precision of ``indirect+mixed``
(prediction side). Attribution accuracy of a group is taken over the matches
whose gold quote is in the group. A ratio with nothing to count (0/0) is 0.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from quoteattr.records import Document, Kind, Quote, Span, Speaker, SpeakerType

OVERALL = "overall"
DIRECT = "direct"
INDIRECT = "indirect+mixed"
GROUPS = (OVERALL, DIRECT, INDIRECT)

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
    candidates = []
    for i, g in enumerate(gold_spans):
        for j, p in enumerate(pred_spans):
            inter, union = overlap(g, p)
            # Integers, so that exactly one half passes whatever the float rounding.
            if union and 2 * inter >= union:
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


def _trimmed(quote: Quote) -> tuple[int, int]:
    return trim(quote.start, quote.stop, quote.text)


# Speakers


def normalize(name: str) -> str:
    """Lower case, ё→е, punctuation to spaces, white space collapsed."""
    name = name.lower().replace("ё", "е")
    # A space rather than nothing, so that "Д.Медведев" keeps its surname apart.
    name = "".join(" " if unicodedata.category(c).startswith("P") else c for c in name)
    return " ".join(name.split())


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
    """Counts of one group and the figures computed from them.

    ``gold_found`` and ``gold_right`` count gold quotes of the group that are
    matched, and matched and attributed; ``pred_found`` and ``pred_right``
    the same for predictions of the group.
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
WRONG_SPEAKER = "wrong speaker"


@attrs.frozen
class Error:
    """One miss, false hit or wrong speaker, with the text around it.

    ``kind`` is the gold kind, or the predicted one for a false hit; the span
    is the gold one, or the predicted one for a false hit.
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

    def format(self) -> str:
        gold = self.gold_speaker or "-"
        pred = self.pred_speaker or "-"
        return (
            f"  {self.type:<13} {self.kind:<8} [{self.start}:{self.stop}]"
            f"  gold: {gold}  pred: {pred}\n"
            f"    {self.left}[[{self.text}]]{self.right}"
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
        """The errors of one type: ``MISS``, ``FALSE_HIT`` or ``WRONG_SPEAKER``."""
        return tuple(e for e in self.errors if e.type == what)

    @property
    def misses(self) -> tuple[Error, ...]:
        return self.errors_of(MISS)

    @property
    def false_hits(self) -> tuple[Error, ...]:
        return self.errors_of(FALSE_HIT)

    @property
    def wrong_speakers(self) -> tuple[Error, ...]:
        return self.errors_of(WRONG_SPEAKER)

    def table(self) -> str:
        lines = [f"{'':<14}" + "".join(f"{h:>9}" for h in COLUMNS)]
        for name, s in self.groups:
            cells = [str(s.gold), str(s.pred)] + [f"{x:.3f}" for x in s.figures()]
            lines.append(f"{name:<14}" + "".join(f"{c:>9}" for c in cells))
        return "\n".join(lines)

    def errors_text(self) -> str:
        lines = []
        doc_id = None
        for error in self.errors:
            if error.doc_id != doc_id:
                doc_id = error.doc_id
                lines.append(f"== {doc_id}")
            lines.append(error.format())
        counts = ", ".join(
            f"{len(self.errors_of(t))} {t}" for t in (MISS, FALSE_HIT, WRONG_SPEAKER)
        )
        lines.append(f"errors: {counts}")
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


def _name(speaker: Speaker | None) -> str | None:
    return speaker.name if speaker else None


def score_document(
    gold_doc: Mapping[str, Any], predicted: Document | Mapping[str, Any] | Iterable[Any]
) -> tuple[dict[str, Scores], list[Error]]:
    """Counts by group and errors of one gold document against its prediction."""
    text = gold_doc["text"]
    doc_id = str(gold_doc.get("id", ""))
    gold = quotes_of(gold_doc)
    pred = quotes_of(predicted)
    pairs = match(gold, pred)

    counts = {name: Scores() for name in GROUPS}

    def add(group: str, **fields: int) -> None:
        for name in (OVERALL, group):
            counts[name] = counts[name] + Scores(**fields)

    def error(what: str, q: Quote, gold_name: str | None, pred_name: str | None) -> Error:
        left, right = _context(text, q.start, q.stop)
        return Error(
            doc_id=doc_id,
            type=what,
            kind=q.kind.value,
            start=q.start,
            stop=q.stop,
            text=text[q.start : q.stop],
            gold_speaker=gold_name,
            pred_speaker=pred_name,
            left=left,
            right=right,
        )

    errors = []
    for q in gold:
        add(_group(q.kind), gold=1)
    for q in pred:
        add(_group(q.kind), pred=1)
    matched_gold = {i for i, _ in pairs}
    matched_pred = {j for _, j in pairs}
    for i, j in pairs:
        g, p = gold[i], pred[j]
        right = int(same_speaker(_name(p.speaker), g.speaker))
        add(_group(g.kind), gold_found=1, gold_right=right)
        add(_group(p.kind), pred_found=1, pred_right=right)
        if not right:
            errors.append(error(WRONG_SPEAKER, g, _name(g.speaker), _name(p.speaker)))
    for i, g in enumerate(gold):
        if i not in matched_gold:
            errors.append(error(MISS, g, _name(g.speaker), None))
    for j, p in enumerate(pred):
        if j not in matched_pred:
            errors.append(error(FALSE_HIT, p, None, _name(p.speaker)))
    errors.sort(key=lambda e: (e.start, e.stop, e.type))
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
