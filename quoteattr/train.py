"""Fit the decisions to gold: ``python -m quoteattr.train GOLD.jsonl``.

Runs the rules over every gold article, labels each speaker candidate of
each claim that matches a gold quote (is it an acceptable name for the gold
speaker?), prints article-level cross-validation, fits on everything and
writes ``quoteattr/data/decide.json``, then fits and writes the confidence
model beside it (``confidence.json``, see calibrate.py). Two models: where a claim's content
ends (a logistic model over each `cuts.Cut`: does the gold content end at or
before it?) and which candidate speaks (a conditional logit over
`candidates` features).
Needs the ``train`` extra (numpy, scipy); applying the weights does not.

Folds never split an article. ``--first-round FILE`` names the articles the
rules were written on (one id a line): cross-validation is printed for them
and for the rest apart, as figures on the first are optimistic.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import attrs

from . import decide, pipeline
from .candidates import Candidate
from .claims import Claim, Context
from .evaluate import Report, as_quote, load_gold, match, same_speaker, score
from .records import Document, Quote
from .stages import assemble

FOLDS = 5
SEED = 13
C = 0.3  # inverse L2 strength of the speaker model
C_CUT = 1.0  # and of the cut model
DEFAULT_FIRST_ROUND = Path("tests/data/dev_first_round.txt")


@attrs.define(slots=True)
class Article:
    """One gold article with the rules' drafts and every claim's candidates."""

    gold: dict[str, Any]
    ctx: Context
    claims: list[Claim]
    candidates: list[list[Candidate]]
    labels: list[list[int] | None]  # per claim, per candidate; None: no gold match

    @property
    def id(self) -> str:
        return str(self.gold.get("id", ""))


def prepare(gold: Sequence[dict[str, Any]], batch_size: int = 32) -> list[Article]:
    """The rules' claims and candidates for every gold article, labelled."""
    articles = []
    for lo in range(0, len(gold), batch_size):
        chunk = gold[lo : lo + batch_size]
        drafts = pipeline.drafts([d["text"] for d in chunk])
        for doc, (ctx, claims) in zip(chunk, drafts, strict=True):
            cands = decide.proposals(ctx, claims)
            articles.append(Article(doc, ctx, claims, cands, _labels(doc, ctx, claims, cands)))
    return articles


def _labels(
    doc: dict[str, Any], ctx: Context, claims: list[Claim], cands: list[list[Candidate]]
) -> list[list[int] | None]:
    predicted = [Quote(c.start, c.stop, ctx.text[c.start : c.stop], c.kind) for c in claims]
    gold = [as_quote(q) for q in doc["quotes"]]
    labels: list[list[int] | None] = [None] * len(claims)
    for i, j in match(gold, predicted):
        speaker = gold[i].speaker
        said = [c.speaker.name if c.speaker else None for c in cands[j]]
        # The scoring takes a surname alone; a husband for his wife (`Алла
        # Бут` and `Виктор Бут`) is then right too, but teaching that would
        # teach the model to ignore gender. Where a candidate is the speaker
        # by name, only it is.
        strict = [int(same_speaker(n, speaker, surname=False)) for n in said]
        labels[j] = strict if any(strict) else [int(same_speaker(n, speaker)) for n in said]
    return labels


def groups(articles: Sequence[Article]) -> list[tuple[list[dict[str, float]], list[int]]]:
    """Per claim with a right answer among its candidates: features and labels."""
    found = []
    for art in articles:
        for cands, labels in zip(art.candidates, art.labels, strict=True):
            if labels is not None and any(labels):
                found.append(([c.features for c in cands], labels))
    return found


def _numeric() -> Any:
    try:
        import numpy as np
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise SystemExit("training needs the train extra: pip install 'quoteattr[train]'") from exc
    return np


def _matrix(feats: Sequence[dict[str, float]]) -> tuple[list[str], Any]:
    """The feature names and a sparse row per feature dict."""
    from scipy.sparse import csr_matrix

    names = sorted({name for f in feats for name in f})
    column = {name: j for j, name in enumerate(names)}
    rows, cols, vals = [], [], []
    for i, f in enumerate(feats):
        for name, value in f.items():
            if value:
                rows.append(i)
                cols.append(column[name])
                vals.append(value)
    return names, csr_matrix((vals, (rows, cols)), shape=(len(feats), len(names)))


def _minimize(objective: Any, names: list[str]) -> dict[str, float]:
    """L-BFGS from zero; the weights as a plain dict, zeros left out."""
    from scipy.optimize import minimize

    np = _numeric()
    result = minimize(objective, np.zeros(len(names)), jac=True, method="L-BFGS-B",
                      options={"maxiter": 2000})  # fmt: skip
    return {name: round(float(w), 6) for name, w in zip(names, result.x, strict=True)
            if abs(w) >= 1e-6}  # fmt: skip


def fit(articles: Sequence[Article], c: float = C) -> dict[str, float]:
    """Weights of a conditional logit over each claim's candidates, as a plain dict.

    The model ranks: the probability of a candidate is its softmax among the
    claim's candidates, and the likelihood is that of the right ones (several
    may be right: `Путин` and `Владимир Путин`). L2 with strength 1/c.
    """
    np = _numeric()
    data = groups(articles)
    feats, labels, starts = [], [], []
    for group, ys in data:
        starts.append(len(labels))
        feats.extend(group)
        labels.extend(ys)
    names, x = _matrix(feats)
    right = np.array(labels, dtype=bool)
    start = np.array(starts)
    size = np.diff(np.append(start, len(labels)))

    def objective(w: Any) -> tuple[float, Any]:
        z = x @ w
        top = np.repeat(np.maximum.reduceat(z, start), size)
        e = np.exp(z - top)
        every = np.add.reduceat(e, start)
        good = np.add.reduceat(np.where(right, e, 0.0), start)
        loss = float(np.sum(np.log(every) - np.log(good))) + 0.5 / c * float(w @ w)
        p_every = e / np.repeat(every, size)
        p_good = np.where(right, e, 0.0) / np.repeat(good, size)
        grad = x.T @ (p_every - p_good) + w / c
        return loss, grad

    return _minimize(objective, names)


def cut_rows(art: Article) -> Iterator[tuple[dict[str, float], bool]]:
    """Each cut of each claim that overlaps a gold quote, labelled: does the
    gold content end at or before it (so that ending there loses nothing)?"""
    golds = [(q["start"], q["stop"]) for q in art.gold["quotes"] if "start" in q]
    for claim in art.claims:
        if not claim.cuts:
            continue
        best, overlap = None, 0
        for start, stop in golds:
            o = min(stop, claim.stop) - max(start, claim.start)
            if o > overlap:
                best, overlap = (start, stop), o
        if best is None:
            continue
        for cut in claim.cuts:
            yield cut.features, best[1] <= cut.stop + 2


def fit_cuts(articles: Sequence[Article], c: float = C_CUT) -> dict[str, float]:
    """Weights of a logistic model: may a claim end at this cut?"""
    rows = [row for art in articles for row in cut_rows(art)]
    return _logistic([f for f, _ in rows], [y for _, y in rows], c)


def _logistic(feats: list[dict[str, float]], labels: list[bool], c: float) -> dict[str, float]:
    np = _numeric()
    names, x = _matrix(feats)
    y = np.array(labels, dtype=float)

    def objective(w: Any) -> tuple[float, Any]:
        z = x @ w
        # log(1 + e^z) - y z, stable for large |z|
        loss = float(np.sum(np.logaddexp(0.0, z) - y * z)) + 0.5 / c * float(w @ w)
        p = 1.0 / (1.0 + np.exp(-z))
        return loss, x.T @ (p - y) + w / c

    return _minimize(objective, names)


def predict(
    art: Article, w: dict[str, float] | None, cut: dict[str, float] | None = None
) -> Document:
    """The article's document with speakers chosen by `w` (None: the rule
    chain), each claim ended where `cut` says (None: as the rules end it)."""
    claims, cands = art.claims, art.candidates
    if cut is not None:
        claims = decide.trim(claims, cut)
    if any(a is not b for a, b in zip(claims, art.claims, strict=True)):
        cands = decide.proposals(art.ctx, claims)
    if w is None:
        speakers = [_rule(c) for c in cands]
    else:
        speakers = [decide.choose(c, w).speaker for c in cands]
    return assemble(art.ctx, claims, speakers)


def _rule(cands: list[Candidate]) -> Any:
    for cand in cands:
        if cand.features.get("rule"):
            return cand.speaker
    return None


def folds(articles: Sequence[Article], k: int = FOLDS, seed: int = SEED) -> list[int]:
    """A fold number per article, fixed by the seed; an article is never split."""
    order = sorted(range(len(articles)), key=lambda i: articles[i].id)
    random.Random(seed).shuffle(order)
    fold = [0] * len(articles)
    for rank, i in enumerate(order):
        fold[i] = rank % k
    return fold


def cross_validate(
    articles: Sequence[Article],
    k: int = FOLDS,
    seed: int = SEED,
    c: float = C,
    c_cut: float | None = C_CUT,
) -> list[Document]:
    """Every article's document predicted by weights fitted on the other
    folds (`c_cut` None: the claims as the rules end them)."""
    fold = folds(articles, k, seed)
    out: list[Document | None] = [None] * len(articles)
    for f in range(k):
        train = [a for a, g in zip(articles, fold, strict=True) if g != f]
        w = fit(train, c)
        cut = fit_cuts(train, c_cut) if c_cut is not None else None
        for i, art in enumerate(articles):
            if fold[i] == f:
                out[i] = predict(art, w, cut)
    return [d for d in out if d is not None]


def _report(articles: Sequence[Article], docs: Sequence[Document], keep: set[int]) -> Report:
    return score([articles[i].gold for i in sorted(keep)], [docs[i] for i in sorted(keep)])


def _row(name: str, report: Report) -> str:
    o, d, i = report.overall, report.direct, report.indirect
    return (
        f"{name:<34} {o.e2e_f1:8.3f} {d.e2e_f1:8.3f} {i.e2e_f1:8.3f} "
        f"{o.det_f1:8.3f} {o.attr_accuracy:8.3f}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m quoteattr.train", description=__doc__)
    parser.add_argument("gold", type=Path, help="gold jsonl (the dev split)")
    parser.add_argument("-o", "--output", type=Path, help="weights file to write "
                        "(default: quoteattr/data/decide.json of this checkout)")  # fmt: skip
    parser.add_argument("--first-round", type=Path, default=None,
                        help="ids of the articles the rules were written on")  # fmt: skip
    parser.add_argument("--folds", type=int, default=FOLDS)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("-C", type=float, default=C, help="inverse regularisation strength")
    parser.add_argument("--no-cv", action="store_true", help="fit only, skip cross-validation")
    args = parser.parse_args(argv)

    gold = load_gold(args.gold)
    print(f"{len(gold)} articles: running the rules …", file=sys.stderr)
    articles = prepare(gold)
    first_path = args.first_round or (DEFAULT_FIRST_ROUND if DEFAULT_FIRST_ROUND.exists() else None)
    first = set()
    if first_path is not None:
        lines = first_path.read_text(encoding="utf-8").splitlines()
        first = {ln.strip() for ln in lines if ln.strip() and not ln.startswith("#")}
    every = set(range(len(articles)))
    groups = [("all", every)]
    if first & {a.id for a in articles}:
        later = {i for i in every if articles[i].id not in first}
        groups += [("first round", every - later), ("later rounds", later)]

    if not args.no_cv:
        rules = [predict(a, None) for a in articles]
        cv = cross_validate(articles, args.folds, args.seed, args.C)
        print(f"{'':<34} {'e2e F1':>8} {'direct':>8} {'ind+mix':>8} {'det F1':>8} {'attr':>8}")
        for name, keep in groups:
            print(_row(f"rules alone, {name} ({len(keep)})", _report(articles, rules, keep)))
            print(_row(f"{args.folds}-fold CV, {name} ({len(keep)})", _report(articles, cv, keep)))
        print("\nerrors by class, rules alone → cross-validated:")
        before, after = (_report(articles, d, every).error_counts() for d in (rules, cv))
        for (what, group), n in before.items():
            if n or after[what, group]:
                print(f"  {what:<16} {group:<15} {n:5d} → {after[what, group]:5d}")

    weights = {
        "speaker": fit(articles, args.C),
        "cut": fit_cuts(articles),
        "meta": {"articles": len(articles), "C": args.C, "C_cut": C_CUT,
                 "seed": args.seed},
    }  # fmt: skip
    output = args.output or Path(__file__).parent / "data" / decide.WEIGHTS
    output.write_text(json.dumps(weights, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                      encoding="utf-8")  # fmt: skip
    sizes = ", ".join(f"{len(weights[k])} {k}" for k in ("speaker", "cut"))
    print(f"wrote {output} (weights: {sizes})", file=sys.stderr)
    _confidence(articles, first, args, output.parent)
    return 0


def _confidence(articles: Sequence[Article], first: set[str], args: Any, folder: Path) -> None:
    """The confidence model (calibrate.py), written beside the weights as confidence.json."""
    from . import calibrate, confidence  # imported here: calibrate builds on this module

    output = folder / confidence.FILE
    calibrate.run(articles, first, args.folds, args.seed, args.C, output, not args.no_cv)


if __name__ == "__main__":
    sys.exit(main())
