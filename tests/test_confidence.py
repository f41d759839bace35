"""Confidence: features of an attribution, the calibration, the shipped model, filtering."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

import quoteattr
from quoteattr import calibrate, confidence, decide, reliability, train
from quoteattr.evaluate import load_gold

DEV = Path(__file__).parent / "data" / "dev.jsonl"
FIRST_ROUND = Path(__file__).parent / "data" / "dev_first_round.txt"

SAID = "Президент России Владимир Путин заявил: «Мы готовы к переговорам»."
REPORTED = "Как сообщили в пресс-службе, переговоры продолжатся в среду."


# --- the calibration table -------------------------------------------------------------


@pytest.mark.parametrize(
    ("xs", "ys", "expected"),
    [
        # Already increasing, steps of enough weight: kept as they are.
        ([0.1] * 5 + [0.9] * 5, [0] * 5 + [1] * 5, [[0.1, 0.0], [0.9, 1.0]]),
        # A violation is pooled: one step at the mean.
        ([0.2] * 5 + [0.8] * 5, [1] * 5 + [0] * 5, [[0.5, 0.5]]),
        # Light steps (under 5) are pooled with their neighbour.
        ([0.1, 0.2, 0.3, 0.4, 0.5, 0.6], [0, 1, 0, 1, 1, 1], [[0.35, 0.666667]]),
    ],
)
def test_isotonic_is_a_non_decreasing_table(xs, ys, expected):
    assert calibrate.isotonic(xs, ys, [1.0] * len(xs)) == expected


@pytest.mark.parametrize(
    ("x", "expected"),
    [(0.0, 0.2), (0.1, 0.2), (0.3, 0.5), (0.5, 0.8), (0.7, 0.9), (1.0, 0.9)],
)
def test_calibrated_interpolates_and_is_flat_beyond_the_ends(x, expected):
    table = [[0.1, 0.2], [0.5, 0.8], [0.7, 0.9]]
    assert confidence.calibrated(table, x) == pytest.approx(expected)


# --- the reliability table ---------------------------------------------------------------

PAIRS = [(0.95, True), (0.95, True), (0.92, False), (0.75, True), (0.72, False), (0.3, False)]


def test_reliability_bins_and_thresholds():
    bins = reliability.bins(PAIRS)
    assert [b.count for b in bins] == [0, 0, 0, 1, 0, 0, 0, 2, 0, 3]
    assert bins[9].accuracy == pytest.approx(2 / 3) and bins[9].confidence == pytest.approx(0.94)
    gaps = 1 * 0.3 + 2 * abs(0.735 - 0.5) + 3 * abs(0.94 - 2 / 3)
    assert reliability.ece(PAIRS) == pytest.approx(gaps / 6)
    assert reliability.at(PAIRS, 0.9) == (pytest.approx(2 / 3), 0.5, 3)
    assert reliability.at(PAIRS, 0.7) == (pytest.approx(3 / 5), pytest.approx(5 / 6), 5)
    # Unknown confidence: in the lowest bin, under every threshold.
    assert reliability.at([(None, True)], 0.0) == (0.0, 0.0, 0)
    assert "ECE 0." in reliability.table(PAIRS)


# --- features of real attributions -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "present"),
    [
        (SAID, {"kind=direct", "how=direct-colon", "speaker=person", "lemma=заявить"}),
        (REPORTED, {"kind=indirect", "cue=verb"}),
    ],
)
def test_features_describe_the_attribution(text, present):
    ctx, claims = quoteattr.pipeline.drafts([text])[0]
    claims = decide.trim(claims)
    (choice,) = decide.choices(ctx, claims)
    f = confidence.features(text, claims[0], choice)
    assert present <= set(f), sorted(f)
    assert f["bias"] == 1.0 and all(math.isfinite(v) for v in f.values())


def test_analyze_gives_calibrated_figures_and_filters_by_them():
    (quote,) = quoteattr.analyze(SAID).quotes
    for value in (quote.confidence, quote.content_confidence, quote.speaker_confidence):
        assert value is not None and 0.0 <= value <= 1.0
    assert quoteattr.analyze(SAID, min_confidence=quote.confidence).quotes == (quote,)
    assert quoteattr.analyze(SAID, min_confidence=min(1.0, quote.confidence + 0.01)).quotes == ()
    docs = list(quoteattr.pipe([SAID, REPORTED], min_confidence=1.0))
    assert [d.quotes for d in docs] == [(), ()]
    assert [d.text for d in docs] == [SAID, REPORTED]


def test_confidence_changes_no_detection(monkeypatch):
    """Without the model every figure is unknown, and the attributions are the same."""
    texts = [SAID, REPORTED, *(d["text"] for d in load_gold(DEV)[:5])]
    with_model = list(quoteattr.pipe(texts))
    monkeypatch.setattr(confidence, "model", lambda: {})
    without = list(quoteattr.pipe(texts))
    strip = [[(q.start, q.stop, q.kind, q.speaker) for q in d.quotes] for d in with_model]
    assert strip == [[(q.start, q.stop, q.kind, q.speaker) for q in d.quotes] for d in without]
    assert all(q.confidence is None for d in without for q in d.quotes)


# --- the shipped model -------------------------------------------------------------------


def test_shipped_confidence_is_what_training_gives_on_the_bundled_dev():
    """The confidence file is the training command's output on this dev copy:
    refit when the rules or the decisions change (`python -m quoteattr.train
    tests/data/dev.jsonl`)."""
    pytest.importorskip("scipy")
    shipped = confidence.model()
    meta = shipped["meta"]
    gold = load_gold(DEV)
    assert meta["articles"] == len(gold)
    articles = train.prepare(gold)
    first = {ln.strip() for ln in FIRST_ROUND.read_text(encoding="utf-8").splitlines()}
    rows, fold = calibrate.out_of_fold(articles, first, meta["folds"], meta["seed"], train.C)
    assert len(rows) == meta["rows"]
    refit = calibrate.fit(rows, fold)
    for part in ("content", "speaker"):
        names = set(refit[part]["weights"]) | set(shipped[part]["weights"])
        worst = max(
            abs(refit[part]["weights"].get(n, 0.0) - shipped[part]["weights"].get(n, 0.0))
            for n in names
        )
        assert worst < 0.02, f"{part} weights differ by up to {worst:.3f}: retrain"
    # The figures themselves, over every attribution of the dev copy.
    worst = max(
        abs(
            confidence.apply(r.features, refit).confidence
            - confidence.apply(r.features, shipped).confidence
        )
        for r in rows
    )
    assert worst < 0.02, f"confidence differs by up to {worst:.3f}: retrain"
