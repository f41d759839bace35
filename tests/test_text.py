"""Segmentation: the tokens are razdel's, exactly."""

from __future__ import annotations

import pytest
from conftest import SEED
from hypothesis import given, settings
from hypothesis import strategies as st
from razdel import sentenize, tokenize

from quoteattr.text import _tokenize, segment

# What razdel's rules look at: words of each script, digits, every kind of
# punctuation, dashes, quotes, smileys, spaces and characters of no class.
_PIECES = st.sampled_from(
    [
        "слово", "Путин", "abc", "X", "2024", "3", ",", ".", ":", ";", "!", "?", "…", "-",
        "—", "–", "_", "/", "\\", "«", "»", "„", "“", '"', "'", "(", ")", "[", "*", "+", "%",
        "№", ":)", ";-)", "Δ", "σ", "😀", "\u200b", "\u0301", " ", "  ", "\n", "\xa0", "ё",
    ]
)  # fmt: skip


def _razdel(text: str) -> list[tuple[int, int, str]]:
    return [(t.start, t.stop, t.text) for t in tokenize(text)]


def test_the_seed_article_is_tokenised_as_razdel_does():
    text = SEED.with_suffix(".txt").read_text(encoding="utf-8")
    for sent in sentenize(text):
        assert _tokenize(sent.text) == _razdel(sent.text)


def test_joined_forms_are_razdel_s():
    text = "кто-то 3.14 1/2 Яndex Δσ ?! --- ***  a_b :) 2,5 млн -"
    assert _tokenize(text) == _razdel(text)
    words = [t for _, _, t in _tokenize(text)]
    assert words[:7] == ["кто-то", "3.14", "1/2", "Я", "ndex", "Δσ", "?!"]


@settings(max_examples=2000, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join))
def test_any_text_is_tokenised_as_razdel_does(text):
    assert _tokenize(text) == _razdel(text)


UNIT_ENDS = [
    # An amount's unit with a full stop ends a sentence razdel runs on.
    (
        "Квота составит 20 млн т. По ее словам, рисков нет.",
        ["Квота составит 20 млн т.", "По ее словам, рисков нет."],
    ),
    (
        "Расходы вырастут до 200 млрд руб. «Эти расходы лягут на абонентов», — говорит он.",
        ["Расходы вырастут до 200 млрд руб.", "«Эти расходы лягут на абонентов», — говорит он."],
    ),
    # Not before a lower-case word, nor a unit with no number before it.
    (
        "Выручка выросла до 3 млрд руб. в 2024 году.",
        ["Выручка выросла до 3 млрд руб. в 2024 году."],
    ),
    ("Он купил 3 т. картофеля.", ["Он купил 3 т. картофеля."]),
    # Lengths, weights, areas, volumes, minutes too; not a year's `г.`.
    (
        "Снежный покров вырастет на 10-15 см. Об этом сообщил синоптик.",
        ["Снежный покров вырастет на 10-15 см.", "Об этом сообщил синоптик."],
    ),
    (
        "Пробка растянулась на 12 км. Водителям советуют объезд.",
        ["Пробка растянулась на 12 км.", "Водителям советуют объезд."],
    ),
    ("В 2025 г. Путин подписал указ.", ["В 2025 г. Путин подписал указ."]),
    # Basis and percentage points, spaced or not.
    (
        "Ставку снизили на 50 б. п. «Консенсус сложился», — пояснила она.",
        ["Ставку снизили на 50 б. п.", "«Консенсус сложился», — пояснила она."],
    ),
    (
        "Доходность выросла на 2 п.п. В ЦБ заявили, что это временно.",
        ["Доходность выросла на 2 п.п.", "В ЦБ заявили, что это временно."],
    ),
]


@pytest.mark.parametrize(("text", "expected"), UNIT_ENDS)
def test_an_amounts_unit_ends_a_sentence_before_a_capital(text, expected):
    assert [text[s.start : s.stop] for s in segment(text)] == expected
