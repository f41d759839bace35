"""How well confidence figures match how often they are right: a reliability table.

The figures of one run are pairs ``(confidence, right)``, one per predicted
attribution, "right" as the scorer counts it (matched and speaker right).
Ten equal-width bins; the expected calibration error (ECE) is the mean gap
between a bin's mean confidence and its accuracy, weighted by its count. A
prediction whose confidence is unknown (None) counts as 0 here.
Plain Python: `quoteattr evaluate` prints it, `quoteattr.train` too.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from .matching import _name, match, quotes_of, same_speaker

BINS = 10
THRESHOLDS = (0.5, 0.7, 0.9)

Pair = tuple[float | None, bool]


@attrs.frozen(slots=True)
class Bin:
    lo: float
    hi: float
    count: int
    confidence: float  # mean; 0 when empty
    accuracy: float


def labelled(gold_doc: Mapping[str, Any], predicted: Any) -> list[Pair]:
    """``(confidence, right)`` for each predicted quote of one document, by
    the overall matching the scorer uses."""
    gold, pred = quotes_of(gold_doc), quotes_of(predicted)
    pairs = dict((j, i) for i, j in match(gold, pred))
    return [
        (q.confidence, j in pairs and same_speaker(_name(q.speaker), gold[pairs[j]].speaker))
        for j, q in enumerate(pred)
    ]


def of_documents(gold_docs: Iterable[Mapping[str, Any]], predicted: Iterable[Any]) -> list[Pair]:
    return [p for g, d in zip(gold_docs, predicted, strict=True) for p in labelled(g, d)]


def bins(pairs: Sequence[Pair], n: int = BINS) -> list[Bin]:
    """Equal-width bins over [0, 1]; 1.0 falls in the last."""
    sums = [[0, 0.0, 0] for _ in range(n)]
    for conf, right in pairs:
        c = conf or 0.0
        i = min(int(c * n), n - 1)
        sums[i][0] += 1
        sums[i][1] += c
        sums[i][2] += int(right)
    return [
        Bin(i / n, (i + 1) / n, k, s / k if k else 0.0, r / k if k else 0.0)
        for i, (k, s, r) in enumerate(sums)
    ]


def ece(pairs: Sequence[Pair], n: int = BINS) -> float:
    total = len(pairs)
    if not total:
        return 0.0
    return sum(b.count * abs(b.confidence - b.accuracy) for b in bins(pairs, n)) / total


def at(pairs: Sequence[Pair], threshold: float) -> tuple[float, float, int]:
    """Precision, coverage (share of predictions kept) and count at ``confidence >= threshold``."""
    kept = [right for conf, right in pairs if conf is not None and conf >= threshold]
    precision = sum(kept) / len(kept) if kept else 0.0
    coverage = len(kept) / len(pairs) if pairs else 0.0
    return precision, coverage, len(kept)


def table(pairs: Sequence[Pair], thresholds: Sequence[float] = THRESHOLDS) -> str:
    """The reliability table, the ECE, then precision and coverage at each threshold."""
    lines = [f"{'confidence':<14}{'count':>9}{'mean':>9}{'accuracy':>9}"]
    for b in bins(pairs):
        mean = f"{b.confidence:.3f}" if b.count else "-"
        acc = f"{b.accuracy:.3f}" if b.count else "-"
        lines.append(f"{b.lo:.1f}-{b.hi:.1f}{'':<6}{b.count:>9}{mean:>9}{acc:>9}")
    lines.append(f"ECE {ece(pairs):.3f} over {len(pairs)} predictions")
    for t in thresholds:
        p, cov, k = at(pairs, t)
        lines.append(f"confidence >= {t:.1f}: precision {p:.3f}, coverage {cov:.3f} ({k})")
    return "\n".join(lines)
