"""The cue prefilter: it drops no cue word and its shipped file is current."""

from __future__ import annotations

from importlib import resources

import pytest
from conftest import SEED

from quoteattr import cues, nlp, prefilter
from quoteattr.text import segment


def test_every_form_of_every_entry_passes():
    dropped = []
    for word in sorted(prefilter.entry_words()):
        for form in sorted(prefilter.forms(word)):
            if not prefilter.may_be_cue(form):
                dropped.append((word, form))
    assert not dropped, f"forms of cue entries the prefilter drops: {dropped[:20]}"


def test_forms_cover_participles_gerunds_and_short_forms():
    assert {"заявивший", "заявив", "заявлено", "заявила"} <= prefilter.forms("заявить")
    assert {"уверен", "уверена"} <= prefilter.forms("уверенный")
    assert {"словам", "слов"} <= prefilter.forms("слово")


def test_the_shipped_file_is_what_the_lexicons_give():
    shipped = (resources.files("quoteattr") / "data" / prefilter.FILE).read_text(encoding="utf-8")
    assert shipped == prefilter.render(prefilter.build()), (
        "data/cue_forms.txt is out of date: run python -m quoteattr.prefilter"
    )


# The last five begin as cue words do (`заяв`, `слов`, `говор`, `сообщ`, `отмет`)
# and are forms of none.
OTHER_WORDS = ["стол", "Москве", "экономика", "году", "«", "2024", ",", "—", "заявка",
               "словарь", "говядина", "сообщество", "отметка"]  # fmt: skip


@pytest.mark.parametrize("word", OTHER_WORDS)
def test_other_words_are_dropped(word):
    assert not prefilter.may_be_cue(word)


@pytest.mark.parametrize("word", ["Заявил", "подчёркивается", "словам", "согласно", "заяви\u0301л"])
def test_cue_words_pass_in_any_case_and_spelling(word):
    assert prefilter.may_be_cue(word)


def test_words_the_dictionary_lacks_go_to_pymorphy3():
    # Guessed as a participle of `верить`, from first letters no form of it has.
    assert prefilter.may_be_cue("веренный")
    assert prefilter.may_be_cue("Zelensky")


def _cues(text: str) -> list[tuple[int, int, int, str, frozenset[str]]]:
    sents = segment(text)
    nlp.tag_morph(sents)
    return [(c.start, c.stop, c.head, c.type, c.tags) for s in sents for c in cues.find(s)]


def test_cues_are_those_found_without_the_prefilter(monkeypatch):
    text = (SEED.with_suffix(".txt")).read_text(encoding="utf-8")
    text += (
        "\nПо словам Путина, переговоры продолжатся. Министр выразил глубокую обеспокоенность "
        "ситуацией. Он не исключил, что сроки сдвинутся. Как сообщается в заявлении, "
        "решение принято. Согласно отчету ВТБ, рост замедлился."
    )
    found = _cues(text)
    assert len(found) >= 8
    monkeypatch.setattr(prefilter, "may_be_cue", lambda word, normal=None: True)
    cues._word.cache_clear()  # words are read once: forget the prefiltered readings
    try:
        assert _cues(text) == found
    finally:
        cues._word.cache_clear()
