"""A long document read in windows gives what the whole document gives.

The windows are forced small here (a few thousand characters) so that short
texts cross many window boundaries; the real ones start at half a million.
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

from quoteattr import longtext, pipeline, windows
from quoteattr.text import chunks

DEV = Path(__file__).parent / "data" / "dev.jsonl"


@pytest.fixture
def small_windows(monkeypatch: pytest.MonkeyPatch):
    def force(size: int = 2500, overlap: int = 600) -> None:
        monkeypatch.setattr(windows, "THRESHOLD", 0)
        monkeypatch.setattr(windows, "SIZE", size)
        monkeypatch.setattr(windows, "OVERLAP", overlap)

    return force


def _articles(count: int) -> str:
    with DEV.open(encoding="utf-8") as f:
        rows = [json.loads(line) for _, line in zip(range(count), f, strict=False)]
    return "\n\n".join(row["text"].strip() for row in rows)


_FIGURES = ("confidence", "content_confidence", "speaker_confidence")


def _quotes(doc) -> list[dict]:
    """The attributions without their confidence figures (see `_figures`)."""
    return [{k: v for k, v in q.to_dict().items() if k not in _FIGURES} for q in doc.quotes]


def _figures(doc) -> list[float]:
    return [getattr(q, k) for q in doc.quotes for k in _FIGURES]


def test_windows_give_the_whole_documents_attributions(nlp, small_windows):
    text = _articles(12)
    whole = nlp(text)
    small_windows()
    assert len(windows.plan(windows.Chunks(chunks(text)), len(text), 2500, 600)) > 5
    cut = nlp(text)
    assert [(q.start, q.stop, q.kind, q.cue) for q in cut.quotes] == [
        (q.start, q.stop, q.kind, q.cue) for q in whole.quotes
    ]
    assert _quotes(cut) == _quotes(whole)
    # The confidence reads how clearly the speaker won among its candidates;
    # a window lacks the runners-up from beyond its context (earlier
    # speakers, here of other articles), so the figures may move a little
    # (these windows are tiny: real ones have 10 000 characters of context).
    for a, b in zip(_figures(cut), _figures(whole), strict=True):
        assert abs(a - b) <= 0.15


FILLER = "Погода в городе была тёплой. Дороги открыты для движения.\n\n"


def test_a_quote_over_paragraphs_across_a_window_boundary_survives(nlp, small_windows):
    head = FILLER * 40
    text = (
        head
        + "Владимир Путин заявил: «Первый абзац его слов.\n\n"
        + "«Второй абзац его слов», — добавил он.\n\n"
        + FILLER * 40
    )
    whole = nlp(text)
    # The quote's first paragraph ends one window, its second opens the next.
    small_windows(size=len(head) + 10, overlap=300)
    plan = windows.plan(windows.Chunks(chunks(text)), len(text), windows.SIZE, windows.OVERLAP)
    second = text.index("«Второй")
    assert any(w.own[0] <= second < w.own[1] and w.own[0] > len(head) for w in plan)
    cut = nlp(text)
    assert _quotes(cut) == _quotes(whole)
    (quote,) = [q for q in cut.quotes if "Первый" in q.text]
    assert "Второй абзац" in quote.text
    assert quote.speaker is not None and quote.speaker.name == "Владимир Путин"


def test_one_canonical_name_across_windows(nlp, small_windows):
    # `Песков` speaks in the first window; his full name comes only windows later.
    text = (
        "Песков заявил, что переговоры продолжатся.\n\n"
        + FILLER * 60
        + "Пресс-секретарь президента Дмитрий Песков прибыл в Минск.\n\n"
        + FILLER * 10
        + "Песков добавил, что встреча прошла хорошо.\n"
    )
    whole = nlp(text)
    small_windows(size=1500, overlap=300)
    cut = nlp(text)
    assert _quotes(cut) == _quotes(whole)
    names = {q.speaker.name for q in cut.quotes if q.speaker is not None}
    assert names == {"Дмитрий Песков"}


def test_window_plan_partitions_the_document():
    text = _articles(8)
    found = windows.Chunks(chunks(text))
    plan = windows.plan(found, len(text), 2000, 500)
    assert plan[0].start == 0 and plan[-1].stop == len(found)
    assert plan[0].own[0] == 0 and plan[-1].own[1] == len(text)
    for a, b in itertools.pairwise(plan):
        assert a.stop == b.start and a.own[1] == b.own[0]
    for w in plan:
        assert w.lo <= w.start < w.stop <= w.hi
        if w.stop < len(found):
            # Ended at a paragraph's end: these paragraphs are short.
            assert found.paragraphs[w.stop] != found.paragraphs[w.stop - 1]
        if w.start > 0:
            assert found.starts[w.start] - found.starts[w.lo] >= 500


def test_a_giant_paragraph_is_cut_between_sentences():
    text = "Он пришёл домой. " * 2000
    found = windows.Chunks(chunks(text))
    plan = windows.plan(found, len(text), 2000, 500)
    assert len(plan) > 5
    for w in plan:
        assert found.starts[w.stop - 1] - found.starts[w.start] < 4000 + 100


def test_short_documents_are_never_windowed(nlp, monkeypatch):
    def refuse(text: str):
        raise AssertionError("windowed")

    monkeypatch.setattr(longtext, "windowed", refuse)
    text = _articles(3)
    assert len(text) < windows.THRESHOLD
    assert nlp(text).quotes
    assert all(doc.quotes for doc in pipeline.pipe([text, text]))


def test_pipe_keeps_a_long_document_in_its_place(nlp, small_windows):
    short, long = _articles(1), _articles(6)
    expected = [nlp(t) for t in (short, long, short)]
    small_windows()
    windows.THRESHOLD = len(short) + 1  # the fixture's monkeypatch restores it
    docs = list(nlp.pipe([short, long, short], batch_size=2))
    assert [d.text for d in docs] == [short, long, short]
    assert [_quotes(d) for d in docs] == [_quotes(d) for d in expected]
    recorded = list(nlp.pipe([short, long, None], errors="record"))
    assert [_quotes(d) for d in recorded[:2]] == [_quotes(d) for d in expected[:2]]
    assert isinstance(recorded[2], pipeline.Failure)
