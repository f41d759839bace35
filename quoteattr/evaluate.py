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

Matching and the speaker check are in ``matching.py``, the errors and their
listing in ``errors.py``; this module scores and runs.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from quoteattr import reliability
from quoteattr.errors import (
    BOUNDARY,
    CLASSES,
    FALSE_HIT,
    MISS,
    SPEAKER_MISSING,
    WRONG_KIND,
    WRONG_SPEAKER,
    Error,
    count_by_class,
    counts_table,
    error_at,
    listing,
    of_class,
)
from quoteattr.matching import (
    DIRECT,
    GROUPS,
    INDIRECT,
    KINDS,
    OVERALL,
    _group,
    _match_within,
    _name,
    _touching,
    _trimmed,
    as_quote,
    as_speaker,
    is_trimmed,
    jaccard,
    match,
    overlap,
    quotes_of,
    same_speaker,
    trim,
)
from quoteattr.records import Document, Quote, normalize

# Matching and errors are read from here too: the scorer's names in one place.
__all__ = [
    "BOUNDARY",
    "CLASSES",
    "COLUMNS",
    "DIRECT",
    "FALSE_HIT",
    "GROUPS",
    "INDIRECT",
    "KINDS",
    "MISS",
    "OVERALL",
    "SPEAKER_MISSING",
    "WRONG_KIND",
    "WRONG_SPEAKER",
    "Error",
    "Report",
    "Scores",
    "as_quote",
    "as_speaker",
    "evaluate",
    "is_trimmed",
    "jaccard",
    "load_gold",
    "match",
    "normalize",
    "overlap",
    "quotes_of",
    "same_speaker",
    "score",
    "score_document",
    "to_ascii",
    "trim",
]


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


@attrs.frozen
class Report:
    """Scores overall and by group, and the errors, in document and text order."""

    overall: Scores
    direct: Scores
    indirect: Scores
    documents: int = 0
    errors: tuple[Error, ...] = ()
    # (confidence, right) of every prediction: the reliability table's input.
    confidences: tuple[tuple[float | None, bool], ...] = ()

    @property
    def groups(self) -> tuple[tuple[str, Scores], ...]:
        return ((OVERALL, self.overall), (DIRECT, self.direct), (INDIRECT, self.indirect))

    def errors_of(self, what: str) -> tuple[Error, ...]:
        """The errors of one class of ``CLASSES``: ``MISS``, ``BOUNDARY``, …"""
        return of_class(self.errors, what)

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
        return count_by_class(self.errors)

    def table(self) -> str:
        lines = [f"{'':<14}" + "".join(f"{h:>9}" for h in COLUMNS)]
        for name, s in self.groups:
            cells = [str(s.gold), str(s.pred)] + [f"{x:.3f}" for x in s.figures()]
            lines.append(f"{name:<14}" + "".join(f"{c:>9}" for c in cells))
        return "\n".join(lines)

    def counts_table(self) -> str:
        """The error counts, a class a line, a column per group and a total."""
        return counts_table(self.errors)

    def reliability_text(self) -> str:
        """The reliability table, ECE, and precision and coverage at thresholds."""
        return reliability.table(self.confidences)

    def errors_text(self) -> str:
        """Counts by class and group, then the errors class by class, by document."""
        return listing(self.errors)


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
        return error_at(text, doc_id, what, g, p)

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
        confidences=tuple(reliability.of_documents(gold_docs, predicted_docs)),
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
