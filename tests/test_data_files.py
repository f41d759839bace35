"""Checks of the lexicon files in quoteattr/data/.

The files are read with a tiny local parser (not the library's loader), so
these tests pin the file format itself: one entry per line, `#` comments,
blank lines ignored, lower-case lemmas with ё written as е, optional
TAB-separated comma-separated tags. Lemmas are checked against pymorphy3.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent.parent / "quoteattr" / "data"

# file -> allowed tags (a tag ending in "=" allows any value: `head=2`)
TAGS: dict[str, set[str]] = {
    "speech_verbs.txt": {
        "opinion",
        "noabout",
        "request",
        "question",
        "impersonal",
        "naming",
        "promise",
        "quoteonly",
        "cite",
        "relay",
        "testimony",
        "accusation",
        "judging",
    },
    "speech_phrases.txt": {
        "head=",
        "opinion",
        "noabout",
        "request",
        "question",
        "impersonal",
        "testimony",
        "relay",
        "predicative",
        "negated",
        "quoteonly",
    },
    "source_nouns.txt": {
        "po",
        "soglasno",
        "so",
        "na",
        "data",
        "opinion",
        "document",
        "question",
        "legal",
    },
    "document_nouns.txt": {"event", "written", "clause", "nodoc", "author="},
    "anonymous.txt": {"lemma=", "modified", "media", "kin", "of", "for"},
    "institutions.txt": {
        "place",
        "capital",
        "head",
        "name",
        "description",
        "generic",
        "anaphoric",
        "service",
        "wire",
        "business",
        "media",
        "on",
    },
    "person_descriptors.txt": {"masc", "femn", "common", "leader", "heads", "press", "lemma="},
    "name_nouns.txt": {"marker", "lemma=", "work", "street"},
    "message_nouns.txt": {"plural", "colon"},
    "report_nouns.txt": set(),
    "outlets.txt": set(),
    "title_modifiers.txt": set(),
    "page_labels.txt": {"section"},
    "circumstance_nouns.txt": {"time", "where"},
}
PAIR_FILES = {"country_adjectives.txt", "demonyms.txt"}  # `word<TAB>country`, no tags
LIST_FILES = {"title_equivalents.txt"}  # `title<TAB>description,description`
ALL_FILES = sorted([*TAGS, *PAIR_FILES, *LIST_FILES])

ENTRY_RE = re.compile(r"^[a-zа-я0-9][a-zа-я0-9'\-]*( [a-zа-я0-9][a-zа-я0-9'\-]*)*$")
OUTLET_RE = re.compile(r"^[a-zа-я0-9][a-zа-я0-9'.\-]*( [a-zа-я0-9][a-zа-я0-9'.\-]*)*$")

# Words whose pymorphy3 first parse of the bare lemma is not the lemma itself,
# although the forms that occur in text are lemmatised to it.
NORMAL_FORM_EXCEPTIONS: dict[str, str] = {
    "данные": "nominative `данные` parses first as a participle of `дать`; "
    "`по данным` / `данных` give the noun `данные`",
    "устав": "nominative `устав` parses first as a gerund of `устать`; "
    "`в уставе` gives the noun `устав`",
    "супруга": "nominative `супруга` parses first as the genitive of `супруг`; "
    "`супруге`, `супругой` give `супруга`, and `супруг` is listed too",
    "марка": "nominative `марка` parses first as the genitive of the name `марк`",
    "сизо": "the abbreviation `СИЗО` parses first as a short form of `сизый`",
    "фгбу": "an abbreviation unknown to pymorphy3's dictionary (guessed as a verb)",
    "воскресенье": "parses first as `воскресение`; `в воскресенье` lemmatises to both",
}

# Files whose entries are proper names in the nominative, not pymorphy3 lemmas
# (pymorphy3 guesses foreign names badly: `Даунинг-стрит` -> `даунинга-стрит`).
PROPER_NAME_TAGS = {"place", "capital", "name"}

EXCLUDED_VERBS = [
    # GUIDELINES "Not cues": knowing, learning, deciding, planning,
    # agreeing, refusing
    "знать",
    "узнать",
    "решить",
    "договориться",
    "планировать",
    "отказаться",
    # the same classes, more members
    "выяснить",
    "установить",
    "обнаружить",
    "убедиться",
    "понимать",
    "слышать",
    "видеть",
    "постановить",
    "распорядиться",
    "поручить",
    "условиться",
    "намереваться",
    "собираться",
    "отказать",
    # evidential, expectations and plans, evaluation without content
    # (`Предполагается, что` is a cue: an impersonal passive, GUIDELINES
    # fine points; `Ожидается, что` is a forecast)
    "свидетельствовать",
    "ожидаться",
    "планироваться",
    "похвалить",
    "опубликовать",
]

# Not cues alone, only as the head of a collocation in speech_phrases.txt
# (`выразил уверенность, что`, `выступил с заявлением`; GUIDELINES:
# `выразил соболезнования` reports nothing).
PHRASE_ONLY_VERBS = ["выразить", "выражать", "выступить", "выступать", "сделать", "дать"]

REQUIRED_VERBS = [
    # GUIDELINES "Which cues count"
    "заявить",
    "сказать",
    "сообщить",
    "отметить",
    "подчеркнуть",
    "добавить",
    "пояснить",
    "рассказать",
    "написать",
    "объявить",
    "признать",
    "подтвердить",
    "опровергнуть",
    "уточнить",
    "напомнить",
    "предупредить",
    "пообещать",
    "потребовать",
    "спросить",
    "считать",
    "полагать",
    "передавать",
    "писать",
    "говориться",
    "сообщаться",
    "отмечаться",
    "утверждаться",
    "подчеркиваться",
    "указываться",
    "заявляться",
    "считаться",
]

ASPECT_PAIRS = [
    ("заявить", "заявлять"),
    ("сообщить", "сообщать"),
    ("отметить", "отмечать"),
    ("подчеркнуть", "подчеркивать"),
    ("добавить", "добавлять"),
    ("пояснить", "пояснять"),
    ("рассказать", "рассказывать"),
    ("написать", "писать"),
    ("объявить", "объявлять"),
    ("признать", "признавать"),
    ("подтвердить", "подтверждать"),
    ("опровергнуть", "опровергать"),
    ("уточнить", "уточнять"),
    ("напомнить", "напоминать"),
    ("предупредить", "предупреждать"),
    ("пообещать", "обещать"),
    ("потребовать", "требовать"),
    ("спросить", "спрашивать"),
    ("сказать", "говорить"),
    ("ответить", "отвечать"),
    ("указать", "указывать"),
    ("объяснить", "объяснять"),
    ("призвать", "призывать"),
    ("предложить", "предлагать"),
    ("попросить", "просить"),
    ("назвать", "называть"),
    ("процитировать", "цитировать"),
]


def parse_file(name: str) -> list[tuple[int, str, list[str]]]:
    """(line number, entry, tags) for each entry line of a data file."""
    rows = []
    text = (DATA / name).read_text(encoding="utf-8")
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        entry, _, tags = line.partition("\t")
        rows.append((number, entry, tags.split(",") if tags else []))
    return rows


@cache
def morph():
    pymorphy3 = pytest.importorskip("pymorphy3")
    return pymorphy3.MorphAnalyzer()


def normal_form(word: str) -> str:
    return morph().parse(word)[0].normal_form.replace("ё", "е")


def entries(name: str) -> dict[str, list[str]]:
    return {entry: tags for _, entry, tags in parse_file(name)}


def tag_value(tags: list[str], key: str) -> str | None:
    for tag in tags:
        if tag.startswith(key + "="):
            return tag.split("=", 1)[1]
    return None


# --- format -----------------------------------------------------------------


@pytest.mark.parametrize("name", ALL_FILES)
def test_file_exists_with_header(name):
    text = (DATA / name).read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[0].startswith(f"# {name}"), "the file starts with a header comment naming it"
    header = []
    for line in lines:
        if not line.startswith("#"):
            break
        header.append(line)
    assert any("Format" in line for line in header), "the header explains the format"


@pytest.mark.parametrize("name", ALL_FILES)
def test_format(name):
    rows = parse_file(name)
    assert rows, "no entries"
    for number, entry, tags in rows:
        where = f"{name}:{number}: {entry!r}"
        # Outlets and page labels may hold a dot (`lenta.ru`, `см. также`).
        pattern = OUTLET_RE if name in {"outlets.txt", "page_labels.txt"} else ENTRY_RE
        assert pattern.match(entry), f"{where}: not a lower-case lemma sequence"
        assert "ё" not in entry, f"{where}: write ё as е"
        if name in PAIR_FILES:
            assert len(tags) == 1, f"{where}: expected `adjective<TAB>country`"
            assert ENTRY_RE.match(tags[0]), f"{where}: bad country {tags[0]!r}"
            continue
        if name in LIST_FILES:
            assert tags, f"{where}: expected `title<TAB>description,…`"
            for tag in tags:
                assert ENTRY_RE.match(tag) and len(tag.split()) <= 2, f"{where}: bad {tag!r}"
            continue
        allowed = TAGS[name]
        for tag in tags:
            key = tag.split("=", 1)[0] + "=" if "=" in tag else tag
            assert key in allowed, f"{where}: unknown tag {tag!r}"
            if "=" in tag:
                assert tag.split("=", 1)[1], f"{where}: empty tag value {tag!r}"
        assert len(tags) == len(set(tags)), f"{where}: repeated tag"


@pytest.mark.parametrize("name", ALL_FILES)
def test_no_trailing_whitespace_in_entries(name):
    text = (DATA / name).read_text(encoding="utf-8")
    for number, raw in enumerate(text.splitlines(), 1):
        if raw.lstrip().startswith("#") or not raw.strip():
            continue
        assert raw == raw.rstrip(), f"{name}:{number}: trailing whitespace"
        assert "\t\t" not in raw and "  " not in raw, f"{name}:{number}: doubled separator"


@pytest.mark.parametrize("name", ALL_FILES)
def test_no_duplicates(name):
    seen: dict[str, int] = {}
    for number, entry, _ in parse_file(name):
        assert entry not in seen, f"{name}:{number}: {entry!r} repeats line {seen[entry]}"
        seen[entry] = number


# --- lemmas -----------------------------------------------------------------


@pytest.mark.parametrize("verb", sorted(entries("speech_verbs.txt")))
def test_speech_verb_is_its_own_normal_form(verb):
    assert " " not in verb
    assert normal_form(verb) == verb, f"pymorphy3 lemmatises {verb!r} to {normal_form(verb)!r}"
    # `признаться` also reads as a parenthetical (CONJ): any infinitive parse will do
    assert any(
        p.tag.POS == "INFN" and p.normal_form.replace("ё", "е") == verb for p in morph().parse(verb)
    ), f"{verb!r} is not an infinitive"


@pytest.mark.parametrize(
    "name",
    [
        "speech_phrases.txt",
        "source_nouns.txt",
        "document_nouns.txt",
        "anonymous.txt",
        "person_descriptors.txt",
        "name_nouns.txt",
        "institutions.txt",
        "country_adjectives.txt",
        "message_nouns.txt",
        "report_nouns.txt",
        "title_equivalents.txt",
        "finding_verbs.txt",
        "circumstance_nouns.txt",
    ],
)
def test_words_are_pymorphy_normal_forms(name):
    bad = []
    for number, entry, tags in parse_file(name):
        if PROPER_NAME_TAGS & set(tags):
            continue
        words = entry.split()
        lemma_tag = tag_value(tags, "lemma")
        for i, word in enumerate(words):
            got = normal_form(word)
            if got == word or word in NORMAL_FORM_EXCEPTIONS:
                continue
            if lemma_tag is not None and i == len(words) - 1 and got == lemma_tag:
                continue
            bad.append(f"{name}:{number}: {word!r} -> {got!r}")
    assert not bad, "\n".join(bad)


def test_inflected_forms_reach_the_entries():
    """The forms that occur in news text lemmatise to the listed entries."""
    verbs = entries("speech_verbs.txt")
    for form in [
        "заявил",
        "заявивший",
        "заявив",
        "отмечается",
        "подчёркивается",
        "подчеркивалось",
        "считается",
        "сообщают",
        "уверена",
        "убеждены",
        "сказано",
        "цитирует",
        "поговаривают",
        "отшучивается",
    ]:
        assert normal_form(form) in verbs, form
    sources = entries("source_nouns.txt")
    for form in [
        "словам",
        "мнению",
        "данным",
        "информации",
        "сведениям",
        "подсчетам",
        "оценкам",
        "сообщениям",
        "соцопросам",
        "отчетности",
    ]:
        assert normal_form(form) in sources, form


# --- content ----------------------------------------------------------------


# Evaluation reports nothing by itself (`раскритиковал законопроект`), only
# when its object carries the speaker's quoted words: naming's rule.
@pytest.mark.parametrize("verb", ["критиковать", "раскритиковать", "осудить", "сравнить"])
def test_evaluation_verbs_count_only_with_quoted_words(verb):
    assert "naming" in entries("speech_verbs.txt")[verb]


@pytest.mark.parametrize("verb", EXCLUDED_VERBS)
def test_excluded_verbs_are_absent(verb):
    # (`quoteonly`: a witness's `свидетельствовал о смерти:` brings in the
    # words after its colon, never a clause or a topic of its own.)
    assert entries("speech_verbs.txt").get(verb, ["quoteonly"]) == ["quoteonly"]
    heads = set()
    for entry, tags in entries("speech_phrases.txt").items():
        words = entry.split()
        heads.add(words[int(tag_value(tags, "head")) - 1])
    assert verb not in heads
    assert verb not in entries("speech_phrases.txt")


@pytest.mark.parametrize("verb", PHRASE_ONLY_VERBS)
def test_phrase_only_verbs_are_not_single_cues(verb):
    assert verb not in entries("speech_verbs.txt")
    assert verb not in entries("speech_phrases.txt")


def test_refusing_to_comment_is_not_a_phrase():
    for entry in entries("speech_phrases.txt"):
        assert not entry.startswith("отказаться"), entry


@pytest.mark.parametrize("verb", REQUIRED_VERBS)
def test_guideline_cues_are_present(verb):
    assert verb in entries("speech_verbs.txt")


@pytest.mark.parametrize(("perfective", "imperfective"), ASPECT_PAIRS)
def test_both_aspects_listed(perfective, imperfective):
    verbs = entries("speech_verbs.txt")
    assert perfective in verbs and imperfective in verbs


def test_guideline_multiword_and_noun_cues_are_present():
    assert "уверенный" in entries("speech_phrases.txt")  # быть уверенным
    sources = entries("source_nouns.txt")
    for noun in ["слово", "мнение", "данные", "информация"]:
        assert "po" in sources[noun]
    assert "data" in sources["данные"]
    assert "soglasno" in sources["заявление"]
    documents = entries("document_nouns.txt")
    assert "written" in documents["записка"] and "written" in documents["надпись"]
    assert "заявление" in documents


def test_speech_verb_tags_are_consistent():
    exclusive = {"opinion", "request", "question", "naming", "quoteonly"}
    for verb, tags in entries("speech_verbs.txt").items():
        assert len(exclusive & set(tags)) <= 1, f"{verb}: {tags}"
        if "impersonal" in tags:
            assert verb.endswith(("ся", "сь")), f"{verb}: impersonal but not reflexive"


def test_phrase_heads():
    for phrase, tags in entries("speech_phrases.txt").items():
        head = tag_value(tags, "head")
        assert head is not None, f"{phrase}: no head=N"
        assert head.isdigit() and 1 <= int(head) <= len(phrase.split()), phrase
        if "negated" in tags:
            assert phrase.split()[0] == "не", phrase
        if "predicative" in tags:
            assert len(phrase.split()) == 1, phrase


def test_source_nouns_have_a_construction():
    for noun, tags in entries("source_nouns.txt").items():
        assert {"po", "soglasno", "so", "na"} & set(tags), noun
    for noun in ["результат", "итог", "обвинение", "подозрение", "решение"]:
        assert noun not in entries("source_nouns.txt"), noun
    # `по закону`, `по приказу`: an act's authority, never its words.
    for noun, tags in entries("source_nouns.txt").items():
        assert "legal" not in tags or "po" not in tags, noun


def test_institution_sections():
    sections = {"place", "capital", "head", "name"}
    for entry, tags in entries("institutions.txt").items():
        assert len(sections & set(tags)) == 1, f"{entry}: {tags}"
        if "description" in tags:
            assert "head" in tags, entry
        if "generic" in tags:
            assert "description" in tags, entry
        if "service" in tags:
            assert "head" in tags, entry
    institutions = entries("institutions.txt")
    for place in ["кремль", "белый дом", "даунинг-стрит", "пентагон"]:
        assert "place" in institutions[place]
    for head in ["ведомство", "министерство", "пресс-служба", "издание", "агентство"]:
        assert {"head", "description", "generic"} <= set(institutions[head])
    for head in ["полиция", "суд", "правительство", "кремль"]:
        assert "generic" not in institutions[head], head


def test_gender_tags_exclusive():
    for entry, tags in entries("person_descriptors.txt").items():
        assert len({"masc", "femn", "common"} & set(tags)) <= 1, entry
    descriptors = entries("person_descriptors.txt")
    assert "femn" in descriptors["королева"] and "masc" in descriptors["король"]


def test_country_adjectives():
    pairs = entries("country_adjectives.txt")
    for adjective in pairs:
        # Adjectives, and a few abbreviations of a country's name (`рф`).
        assert adjective.endswith(("ий", "ый", "ой")) or len(adjective) <= 3, adjective
    assert pairs["рф"] == ["россия"]
    # Every demonym points to a country an adjective names too.
    countries = {c for (c,) in pairs.values()}
    for demonym, (country,) in entries("demonyms.txt").items():
        assert country in countries, demonym
    assert pairs["российский"] == ["россия"]
    assert pairs["американский"] == ["сша"]
    assert pairs["британский"] == ["великобритания"]
    assert pairs["украинский"] == ["украина"]


def test_name_markers():
    names = entries("name_nouns.txt")
    assert "marker" in names["так называемый"]
    for speech_noun in ["надпись", "записка", "баннер", "слово"]:
        assert speech_noun not in names, speech_noun
    assert "компания" in names and "ооо" in names


def test_anonymous_sources():
    anonymous = entries("anonymous.txt")
    for noun in ["источник", "эксперт", "очевидец", "сми", "житель", "представитель"]:
        assert noun in anonymous, noun


def test_readme_mentions_every_file():
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    for name in ALL_FILES:
        assert name in readme, name


def test_message_nouns():
    """GUIDELINES: `записка: «…»`, `надпись «…»`, `словами «…»` bring in
    direct speech; a name marker (`девиз`, `слоган`) is never a message."""
    messages = entries("message_nouns.txt")
    for noun in ["записка", "надпись", "баннер", "плакат", "лозунг", "смс", "требование"]:
        assert noun in messages, noun
    assert "plural" in messages["слово"]
    markers = {e for e, tags in entries("name_nouns.txt").items() if "marker" in tags}
    assert not markers & set(messages), markers & set(messages)
