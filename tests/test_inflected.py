"""morph.inflected spells the form pymorphy3's own `inflect` picks."""

from __future__ import annotations

from conftest import SEED

from quoteattr import morph
from quoteattr.text import segment

_GRAMMEMES = [
    {"nomn"},
    {"gent"},
    {"nomn", "sing"},
    {"datv", "plur"},
    {"loc2"},  # a rare case: pymorphy3 falls back to loct
    {"voct"},
    {"femn", "sing", "nomn"},
]
# Dictionary words, and guesses: by a known suffix (Гутерриша, бутявкали), by a
# prefix (суперагента, псевдоученого), hyphenated (Жан-Поля).
_WORDS = ["Кира", "Стармера", "отца", "Льва", "блоггеров", "Марку", "сказал", "Зеленского", "Ким"]
_WORDS += ["Гутерриша", "бутявкали", "суперагента", "псевдоученого", "Жан-Поля", "Фэрроу"]


def test_the_same_word_as_pymorphy3():
    text = SEED.with_suffix(".txt").read_text(encoding="utf-8")
    words = sorted({t.text for s in segment(text) for t in s.tokens} | set(_WORDS))
    checked = 0
    for word in words:
        for p in morph.parse(word):
            for grammemes in _GRAMMEMES:
                form = p.inflect(grammemes)
                assert morph.inflected(p, grammemes) == (form.word if form else None), (
                    word,
                    p.tag,
                    grammemes,
                )
                checked += 1
    assert checked > 1000
