"""Fit the confidence model (confidence.py) to gold: called by ``python -m quoteattr.train``.

Every figure is honest about what it has seen:

1. the decisions (speaker and cut weights) are refitted per article-level
   fold (`train.folds`), so each article's attributions, and the speaker
   model's probabilities the confidence reads, come from weights that never
   saw it;
2. the two logistic models are fitted on those out-of-fold attributions,
   and the calibration tables (isotonic regression) on their out-of-fold
   scores, over the same folds;
3. ``nested`` repeats step 2 inside each outer fold and scores the held-out
   fold: the ECE the training command prints.

The articles the rules were written on (``--first-round``) weigh
``FIRST_ROUND_WEIGHT``: the rules fit them better than new text, so their
attributions look surer than the library's on unseen articles.
Needs the ``train`` extra, like train.py.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import attrs

from . import confidence, decide, reliability, train
from .matching import _name, as_quote, match, same_speaker

C_CONF = 0.25  # inverse L2 strength of both confidence models
FIRST_ROUND_WEIGHT = 0.5
_MIN_BLOCK = 5.0  # least weight of a calibration step: no step on one or two cases


@attrs.frozen(slots=True)
class Row:
    """One predicted attribution, out of fold: its features and what it got right."""

    article: int
    features: dict[str, float]
    matched: bool
    right: bool
    weight: float


def rows_of(art: train.Article, index: int, w: Any, cut: Any, weight: float) -> list[Row]:
    """The article's attributions under decisions `w` and `cut`, labelled."""
    claims = decide.trim(art.claims, cut)
    cands = art.candidates
    if any(a is not b for a, b in zip(claims, art.claims, strict=True)):
        cands = decide.proposals(art.ctx, claims)
    choices = [decide.choice(c, w) for c in cands]
    text = art.ctx.text
    predicted = [as_quote({"start": c.start, "stop": c.stop, "text": text[c.start : c.stop],
                           "kind": c.kind}) for c in claims]  # fmt: skip
    gold = [as_quote(q) for q in art.gold["quotes"]]
    matched = dict((j, i) for i, j in match(gold, predicted))
    out = []
    for j, (claim, chosen) in enumerate(zip(claims, choices, strict=True)):
        right = j in matched and same_speaker(_name(chosen.speaker), gold[matched[j]].speaker)
        f = confidence.features(text, claim, chosen)
        out.append(Row(index, f, j in matched, right, weight))
    return out


def out_of_fold(
    articles: Sequence[train.Article], first: set[str], k: int, seed: int, c: float
) -> tuple[list[Row], list[int]]:
    """Every article's attributions under decisions fitted on the other folds,
    and the fold of every article."""
    fold = train.folds(articles, k, seed)
    rows: list[Row] = []
    for f in range(k):
        rest = [a for a, g in zip(articles, fold, strict=True) if g != f]
        w, cut = train.fit(rest, c), train.fit_cuts(rest)
        for i, art in enumerate(articles):
            if fold[i] == f:
                weight = FIRST_ROUND_WEIGHT if art.id in first else 1.0
                rows += rows_of(art, i, w, cut, weight)
    return rows, fold


def logistic(rows: Sequence[Row], label: str, c: float | None = None) -> dict[str, float]:
    """Weighted L2 logistic regression of `label` ("matched" or "right")."""
    c = C_CONF if c is None else c
    np = train._numeric()
    names, x = train._matrix([r.features for r in rows])
    y = np.array([getattr(r, label) for r in rows], dtype=float)
    sw = np.array([r.weight for r in rows])

    def objective(w: Any) -> tuple[float, Any]:
        z = x @ w
        loss = float(sw @ (np.logaddexp(0.0, z) - y * z)) + 0.5 / c * float(w @ w)
        p = 1.0 / (1.0 + np.exp(-z))
        return loss, x.T @ (sw * (p - y)) + w / c

    return train._minimize(objective, names)


def isotonic(xs: Sequence[float], ys: Sequence[float], ws: Sequence[float]) -> list[list[float]]:
    """Pool-adjacent-violators: a non-decreasing step fit of y on x, as a
    table of ``[x, y]`` points (each step at its weighted mean x), for
    `confidence.calibrated` to interpolate. Steps lighter than _MIN_BLOCK are
    pooled with a neighbour so that no step rests on a case or two."""
    order = sorted(range(len(xs)), key=lambda i: xs[i])
    blocks: list[list[float]] = []  # weight, sum w*x, sum w*y
    for i in order:
        blocks.append([ws[i], ws[i] * xs[i], ws[i] * ys[i]])
        while len(blocks) > 1 and (
            blocks[-2][2] / blocks[-2][0] >= blocks[-1][2] / blocks[-1][0]
            or blocks[-2][0] < _MIN_BLOCK
        ):
            w, sx, sy = blocks.pop()
            blocks[-1] = [blocks[-1][0] + w, blocks[-1][1] + sx, blocks[-1][2] + sy]
    if len(blocks) > 1 and blocks[-1][0] < _MIN_BLOCK:
        w, sx, sy = blocks.pop()
        blocks[-1] = [blocks[-1][0] + w, blocks[-1][1] + sx, blocks[-1][2] + sy]
    return [[round(sx / w, 6), round(sy / w, 6)] for w, sx, sy in blocks]


def _raw(rows: Sequence[Row], content: dict[str, float], speaker: dict[str, float]) -> list:
    m = {"content": {"weights": content}, "speaker": {"weights": speaker}}
    return [confidence.raw(r.features, m) for r in rows]


def fit(rows: Sequence[Row], fold: Sequence[int]) -> dict[str, Any]:
    """The confidence model: both logistic models on `rows`, the tables on
    their out-of-fold scores over the folds (`fold[row.article]`) present."""
    scores: list[tuple[float, float]] = [(0.0, 0.0)] * len(rows)
    for f in sorted({fold[r.article] for r in rows}):
        inside = [r for r in rows if fold[r.article] != f]
        content = logistic(inside, "matched")
        speaker = logistic([r for r in inside if r.matched], "right")
        held = [i for i, r in enumerate(rows) if fold[r.article] == f]
        for i, s in zip(held, _raw([rows[i] for i in held], content, speaker), strict=True):
            scores[i] = s
    ws = [r.weight for r in rows]
    was_matched = [i for i, r in enumerate(rows) if r.matched]
    return {
        "content": {
            "weights": logistic(rows, "matched"),
            "table": isotonic([s[0] for s in scores], [r.matched for r in rows], ws),
        },
        "speaker": {
            "weights": logistic([r for r in rows if r.matched], "right"),
            "table": isotonic(
                [scores[i][1] for i in was_matched],
                [rows[i].right for i in was_matched],
                [ws[i] for i in was_matched],
            ),
        },
        "joint": {"table": isotonic([a * b for a, b in scores], [r.right for r in rows], ws)},
    }


def nested(rows: Sequence[Row], fold: Sequence[int]) -> list[float]:
    """Each row's confidence from a model (tables too) fitted without its fold."""
    out = [0.0] * len(rows)
    for f in sorted(set(fold)):
        model = fit([r for r in rows if fold[r.article] != f], fold)
        for i, r in enumerate(rows):
            if fold[r.article] == f:
                est = confidence.apply(r.features, model)
                assert est.confidence is not None
                out[i] = est.confidence
    return out


def run(
    articles: Sequence[train.Article],
    first: set[str],
    k: int,
    seed: int,
    c: float,
    output: Path,
    report: bool = True,
) -> dict[str, Any]:
    """Fit the confidence model, print its nested-CV reliability, write it."""
    print("confidence: decisions out of fold …", file=sys.stderr)
    rows, fold = out_of_fold(articles, first, k, seed, c)
    if report:
        conf = nested(rows, fold)
        later = [i for i, r in enumerate(rows) if articles[r.article].id not in first]
        for name, keep in (("all", range(len(rows))), ("later rounds", later)):
            pairs = [(conf[i], rows[i].right) for i in keep]
            print(f"\nconfidence, nested {k}-fold CV, {name} ({len(pairs)} predictions):")
            print(reliability.table(pairs))
    model = fit(rows, fold)
    model["meta"] = {"articles": len(articles), "rows": len(rows), "C": C_CONF,
                     "first_round_weight": FIRST_ROUND_WEIGHT,
                     "folds": k, "seed": seed}  # fmt: skip
    output.write_text(json.dumps(model, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                      encoding="utf-8")  # fmt: skip
    print(f"wrote {output}", file=sys.stderr)
    return model
