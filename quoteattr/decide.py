"""The decisions, in one place: weights fitted to the gold, applied in plain Python.

Rules propose (`content` the claims, `candidates` the speakers); this module
chooses. Each decision is a logistic model over named features: its weights
live in ``data/decide.json``, written by ``python -m quoteattr.train`` and
read once. A feature the file has no weight for counts zero, so the features
can grow before the weights are refitted.
"""

from __future__ import annotations

import bisect
import math
import operator
from collections.abc import Mapping, Sequence
from itertools import repeat
from typing import TYPE_CHECKING, Any

import attrs

from . import candidates, coref, lexicon
from .candidates import Candidate
from .claims import Claim, Context
from .records import Speaker

if TYPE_CHECKING:
    from .carried import Carried

WEIGHTS = "decide.json"


def weights() -> dict[str, Any]:
    """The shipped weights; empty when none were fitted (the rules decide alone)."""
    return lexicon.fitted(WEIGHTS)


def linear(features: Mapping[str, float], w: Mapping[str, float]) -> float:
    # sum(w.get(name, 0.0) * value for name, value in features.items()), the
    # same products summed in the same order by the same `sum`, without a
    # generator's frame per candidate: a few hundred thousand products a corpus.
    return sum(map(operator.mul, map(w.get, features, repeat(0.0)), features.values()))


def proposals(
    ctx: Context, claims: Sequence[Claim], carried: Carried | None = None
) -> list[list[Candidate]]:
    """The speaker candidates of every claim; the rule chain's choice is one of them.

    `carried` is given for a window of a long document (longtext.windowed): the
    whole document's entities and counts, in place of the window's own."""
    resolver = coref.Resolver(ctx, carried)
    rule = coref.resolve(ctx, claims, resolver)
    return candidates.collect(ctx, claims, rule, resolver)


def probability(features: Mapping[str, float], w: Mapping[str, float]) -> float:
    z = linear(features, w)
    return 1.0 / (1.0 + math.exp(-z)) if z > -30 else 0.0


def trim(claims: Sequence[Claim], w: Mapping[str, float] | None = None) -> list[Claim]:
    """Each claim ended at the first of its cuts the cut model accepts."""
    if w is None:
        w = weights().get("cut")
    if not w:
        return list(claims)
    out = []
    for claim in claims:
        for cut in claim.cuts:
            if _splits_another(claims, claim, cut.stop):
                continue  # a claim within this one stays within it
            if claim.start < cut.stop < claim.stop and probability(cut.features, w) >= 0.5:
                claim = attrs.evolve(claim, stop=cut.stop, cuts=(), trimmed=True)
                break
        out.append(claim)
    return out


def _splits_another(claims: Sequence[Claim], claim: Claim, stop: int) -> bool:
    """Would ending `claim` at `stop` cut through a claim within it?"""
    i = bisect.bisect_left(claims, claim.start, key=lambda c: c.start)
    for other in claims[i:]:
        if other.start >= stop:
            return False
        if other is not claim and stop < other.stop <= claim.stop:
            return True
    return False


def choose(cands: Sequence[Candidate], w: Mapping[str, float]) -> Candidate:
    """The candidate with the highest score; the first of equals (the null one
    comes first, then the rule chain's)."""
    best, best_score = cands[0], linear(cands[0].features, w)
    for cand in cands[1:]:
        score = linear(cand.features, w)
        if score > best_score:
            best, best_score = cand, score
    return best


@attrs.frozen(slots=True)
class Choice:
    """The speaker chosen for a claim and how clearly it won: what the
    confidence model (confidence.py) reads of the decision."""

    speaker: Speaker | None
    probability: float | None = None  # softmax among the candidates; None: the rules chose
    margin: float | None = None  # over the runner-up, in probability
    candidates: int = 0
    rule: bool = True  # the rule chain's own choice
    features: Mapping[str, float] = attrs.field(factory=dict)  # the chosen candidate's


def choice(cands: Sequence[Candidate], w: Mapping[str, float]) -> Choice:
    """`choose`'s pick with its softmax probability and margin (the same pick)."""
    scores = [linear(c.features, w) for c in cands]
    # choose(cands, w), from the scores worked out once: the first of the best.
    top = max(scores)
    best = cands[scores.index(top)]
    exps = [math.exp(s - top) for s in scores]
    total = sum(exps)
    probs = sorted((e / total for e in exps), reverse=True)
    p = exps[next(i for i, c in enumerate(cands) if c is best)] / total
    runner_up = probs[1] if len(probs) > 1 else 0.0
    rule = bool(best.features.get("rule"))
    return Choice(best.speaker, p, p - runner_up, len(cands), rule, best.features)


def speakers(
    ctx: Context, claims: Sequence[Claim], carried: Carried | None = None
) -> list[Speaker | None]:
    """A speaker for each claim, chosen among its candidates (`carried`: see `proposals`)."""
    return [c.speaker for c in choices(ctx, claims, carried)]


def choices(ctx: Context, claims: Sequence[Claim], carried: Carried | None = None) -> list[Choice]:
    """`speakers`, each with how clearly it was chosen."""
    if not claims:
        return []
    w = weights().get("speaker")
    if not w:
        return [Choice(s) for s in coref.resolve(ctx, claims, coref.Resolver(ctx, carried))]
    return [choice(cands, w) for cands in proposals(ctx, claims, carried)]
