"""The pytest plugin: fixtures in a fresh test suite, and assert_attributed."""

from __future__ import annotations

from importlib.metadata import entry_points

import pytest
from conftest import SEED

from quoteattr import Document, Quote, Speaker
from quoteattr.testing import Seed, assert_attributed, load_seed

pytest_plugins = ["pytester"]


# --- the plugin as a user's test suite sees it ------------------------------------


def test_the_plugin_is_registered_as_a_pytest11_entry_point():
    found = {e.name: e.value for e in entry_points(group="pytest11")}
    assert found.get("quoteattr") == "quoteattr.testing"


USER_TESTS = """
import quoteattr
from quoteattr.testing import assert_attributed


def test_pipeline_is_the_shared_default(quoteattr_pipeline):
    assert quoteattr_pipeline is quoteattr.pipeline.default()
    doc = quoteattr_pipeline("«Мы готовы», — сказал Иван Петров.")
    assert_attributed(doc, speaker="Петров", contains="готовы", kind="direct")


def test_seed(quoteattr_seed):
    assert quoteattr_seed.text.startswith(" date 2025-11-26 ЛОНДОН")
    assert len(quoteattr_seed.quotes) == 12
    assert_attributed(quoteattr_seed.text, speaker="владимир путин", contains="план США")


def test_fixtures_are_session_scoped(quoteattr_pipeline, quoteattr_seed, request):
    assert request.getfixturevalue("quoteattr_seed") is quoteattr_seed
"""


def test_a_fresh_test_suite_gets_the_fixtures_and_the_helper(pytester):
    pytester.makepyfile(test_user=USER_TESTS)
    result = pytester.runpytest("-q")
    result.assert_outcomes(passed=3)


def test_a_failing_assert_attributed_lists_what_was_found(pytester):
    pytester.makepyfile(
        test_fails="""
        from quoteattr.testing import assert_attributed


        def test_lavrov(quoteattr_seed):
            assert_attributed(quoteattr_seed.text, speaker="Сергей Лавров", kind="direct")
        """
    )
    result = pytester.runpytest("-q")
    result.assert_outcomes(failed=1)
    # What the seed really holds, whatever else the pipeline finds around it.
    result.stdout.fnmatch_lines(
        [
            "*AssertionError: no attribution with speaker 'Сергей Лавров', kind direct",
            "*found * in the text (2607 characters):",
            "*1. indirect *(organization) | cue 'заявили' | «Лидеры так называемой*",
            "*Кремль (organization) | cue 'заявили' | «Россия сохраняет открытость*",
            "*Владимир Путин (person) | cue 'заявил' | «план США может быть положен в основу*…»",
        ]
    )
    # The user's line is shown; the helper's own frames are hidden.
    result.stdout.fnmatch_lines(["*assert_attributed(quoteattr_seed.text, speaker=*"])
    assert "__tracebackhide__" not in result.stdout.str()


# --- the seed shipped as package data --------------------------------------------


def test_the_packaged_seed_is_the_project_seed():
    seed = load_seed()
    assert isinstance(seed, Seed)
    assert seed.text == SEED.with_suffix(".txt").read_text(encoding="utf-8")
    assert seed.gold["text"] == seed.text
    assert seed.id == "ria-2025-11-26-coalition"
    assert [q.text for q in seed.quotes] == [g["content"] for g in seed.gold["quotes"]]
    assert all(seed.text[q.start : q.stop] == q.text for q in seed.quotes)


# --- assert_attributed on real text -----------------------------------------------


@pytest.fixture(scope="module")
def seed_doc_(analyze) -> Document:
    return analyze(load_seed().text)


PASSES = [
    pytest.param({"speaker": "Владимир Путин"}, id="full-name"),
    pytest.param({"speaker": "ПУТИН"}, id="surname-any-case"),
    pytest.param({"speaker": "Президент Путин"}, id="same-surname"),
    pytest.param({"speaker": "Кремль", "contains": "открытость для переговоров"}, id="org"),
    pytest.param({"speaker": "Даунинг-стрит", "kind": "direct"}, id="direct"),
    pytest.param({"contains": "план США может быть положен"}, id="content-only"),
    pytest.param({"kind": "mixed", "speaker": "путин"}, id="mixed"),
    pytest.param({}, id="anything"),
]


@pytest.mark.parametrize("criteria", PASSES)
def test_passes_when_some_attribution_matches_all(seed_doc_, criteria):
    q = assert_attributed(seed_doc_, **criteria)
    assert isinstance(q, Quote) and q in seed_doc_.quotes
    if "contains" in criteria:
        assert criteria["contains"] in q.text


FAILS = [
    pytest.param({"speaker": "Сергей Лавров"}, "speaker 'Сергей Лавров'", id="unknown-speaker"),
    pytest.param({"speaker": "Кремль", "kind": "direct"}, "kind direct", id="right-who-wrong-kind"),
    pytest.param(
        {"speaker": "Кремль", "contains": "план США"}, "containing 'план США'", id="criteria-apart"
    ),
    pytest.param({"contains": "Лавров"}, "content containing 'Лавров'", id="absent-content"),
]


@pytest.mark.parametrize(("criteria", "said"), FAILS)
def test_fails_with_a_listing_of_what_was_found(seed_doc_, criteria, said):
    with pytest.raises(AssertionError) as info:
        assert_attributed(seed_doc_, **criteria)
    message = str(info.value)
    assert said in message
    lines = message.splitlines()
    assert lines[1] == f"found {len(seed_doc_.quotes)} in the text (2607 characters):"
    assert len(lines) == 2 + len(seed_doc_.quotes)
    for line, q in zip(lines[2:], seed_doc_.quotes, strict=True):
        assert q.kind.value in line and (q.speaker.name if q.speaker else "no speaker") in line


def test_yo_and_case_are_ignored():
    doc = Document(
        "Пётр Иванов сказал: «да».",
        [Quote(21, 23, "да", "direct", None, Speaker("Пётр Иванов", "person"))],
    )
    assert_attributed(doc, speaker="петр иванов")
    assert_attributed(doc, speaker="ИВАНОВ", kind="direct", contains="да")
    with pytest.raises(AssertionError, match="found 1 in the text"):
        assert_attributed(doc, speaker="Пётр Петров")


def test_a_text_is_analysed_first():
    assert_attributed("«Работа продолжается», — заявил Дмитрий Песков.", speaker="Песков")


def test_no_quotes_and_a_bad_kind():
    with pytest.raises(AssertionError, match=r"found 0 in the text \(10 characters\)"):
        assert_attributed(Document("Без цитат."), contains="цитат")
    with pytest.raises(ValueError):
        assert_attributed(Document("Без цитат."), kind="quoted")
