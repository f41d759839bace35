"""Tests for quoteattr.marks: quotation-mark pairing and dialogue-dash speech."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quoteattr import marks
from quoteattr.marks import Quoted, find_quoted, paragraphs, typographic

SHARED = Path(__file__).resolve().parents[2] / "shared"

# What a scraper does to a text: every typographic quotation mark becomes an
# ASCII double quote and every dash a hyphen.
FLATTEN = str.maketrans({c: '"' for c in "«»„“”"} | {"—": "-", "–": "-"})


def show(text: str) -> list[tuple[str, str, int]]:
    """(content, style, depth) of every quote, in find_quoted's order."""
    return [(text[q.start : q.stop], q.style, q.depth) for q in find_quoted(text)]


def outer(text: str) -> set[tuple[int, int | None, int]]:
    return {(q.open, q.close, q.stop) for q in find_quoted(text) if q.depth == 0}


# --- styles ---------------------------------------------------------------

STYLES = [
    (
        "Песков заявил: «Мы уже говорили, что президент не имеет отношения к участку».",
        [("Мы уже говорили, что президент не имеет отношения к участку", "«", 0)],
    ),
    (
        "Глава пресс-службы сказал: „Ни в одной из проб отклонений не было выявлено“.",
        [("Ни в одной из проб отклонений не было выявлено", "„", 0)],
    ),
    (
        "Министр подчеркнул: “Мы должны двигаться быстро”, — передает агентство.",
        [("Мы должны двигаться быстро", "“", 0)],
    ),
    (
        '"Сербия должна решить вопрос с Косово", - сказал Гордон в интервью.',
        [("Сербия должна решить вопрос с Косово", '"', 0)],
    ),
    (
        "Представитель назвал публикацию ‘провокацией’ и отказался от комментариев.",
        [("провокацией", "‘", 0)],
    ),
    (
        "Тот назвал его \"дебилом\" ('moron') в ответ на вопрос журналиста.",
        [("дебилом", '"', 0), ("moron", "'", 0)],
    ),
    (
        "Камерный оркестр 'представил произведение', созданное нейросетью.",
        [("представил произведение", "'", 0)],
    ),
    # Apostrophes inside words are not marks.
    ("До него титулом обладали Эвандер Холифилд и О'Нил Белл с Ямайки.", []),
    ("Роман о приключениях д'Артаньяна переиздали к юбилею автора.", []),
    ("Картина продана на Christie’s, сообщил О’Мэлли.", []),
    # A Polish-style „…” closes with ”.
    ("Депутат сказал: „Мы против”, и покинул зал.", [("Мы против", "„", 0)]),
    # Wiki markup ('' for italics) is not a quotation mark, so the real quote
    # inside keeps depth 0.
    (
        "Он назвал это ''«боливарской революцией»'' в эфире телеканала.",
        [("боливарской революцией", "«", 0)],
    ),
    ("Британская группа ''Depeche Mode'' выпустила альбом ''Spirit''.", []),
    (
        "Многие его песни, такие как ''Blowin' in the Wind'', стали гимнами.",
        [],
    ),
]


@pytest.mark.parametrize(("text", "expected"), STYLES)
def test_styles(text: str, expected: list[tuple[str, str, int]]) -> None:
    assert show(text) == expected


def test_offsets_are_into_the_original_text() -> None:
    text = "Дмитрий Песков заявил: «Ничего нового тут нет»."
    assert find_quoted(text) == [Quoted(start=24, stop=45, open=23, close=45, style="«", depth=0)]
    assert text[24:45] == "Ничего нового тут нет"


# --- nesting --------------------------------------------------------------

NESTING = [
    (
        "«Мы называем это «коалицией», — сказал он»",
        [("Мы называем это «коалицией», — сказал он", "«", 0), ("коалицией", "«", 1)],
    ),
    (
        "По словам губернатора, «уже тогда для него не существовало понятия "
        "„невыполнимо“, он жил другими категориями».",
        [
            (
                "уже тогда для него не существовало понятия „невыполнимо“, "
                "он жил другими категориями",
                "«",
                0,
            ),
            ("невыполнимо", "„", 1),
        ],
    ),
    (
        '"Мы ведем переговоры с «Газпромом» уже год", - сказал он.',
        [("Мы ведем переговоры с «Газпромом» уже год", '"', 0), ("Газпромом", "«", 1)],
    ),
    (
        '"Компания "Газпром" заявила", - отметил источник.',
        [('Компания "Газпром" заявила', '"', 0), ("Газпром", '"', 1)],
    ),
    (
        'Белов сказал: "Люди говорят: "Нам надоело терпеть"", - сообщает агентство.',
        [('Люди говорят: "Нам надоело терпеть"', '"', 0), ("Нам надоело терпеть", '"', 1)],
    ),
    (
        '""Газпром" выполнит обязательства", - заявил Миллер.',
        [('"Газпром" выполнит обязательства', '"', 0), ("Газпром", '"', 1)],
    ),
    (
        "«Смерть Егора стала переломным моментом, когда люди говорят: “Нам надоело "
        "терпеть”», – сказал Белов.",
        [
            (
                "Смерть Егора стала переломным моментом, когда люди говорят: “Нам надоело терпеть”",
                "«",
                0,
            ),
            ("Нам надоело терпеть", "“", 1),
        ],
    ),
    (
        "«Он сказал: „Назовём это «коалицией»“, — вспоминает она»",
        [
            ("Он сказал: „Назовём это «коалицией»“, — вспоминает она", "«", 0),
            ("Назовём это «коалицией»", "„", 1),
            ("коалицией", "«", 2),
        ],
    ),
    # A company name inside a name, with the two closing marks merged into one.
    (
        "В проекте участвуют ОАО «НК «Роснефть», ОАО «НОВАТЭК».",
        [("Роснефть", "«", 0), ("НОВАТЭК", "«", 0)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), NESTING)
def test_nesting(text: str, expected: list[tuple[str, str, int]]) -> None:
    assert show(text) == expected


# --- the scraper's ASCII variant pairs like the original ------------------

ORIGINALS = [
    "«Мы называем это «коалицией», — сказал он».",
    "По словам губернатора, «уже тогда для него не существовало понятия „невыполнимо“».",
    "Ответ был таким: «Долю Дурова во „В Контакте“ выкупали не мы».",
    "«Смерть Егора стала переломным моментом: “Нам надоело терпеть”», – сказал Белов.",
    "Сочинения «Строфы», «Эманации» и «Псалмы Давидовы» принесли ему известность.",
    "Он заявил: « Я думаю, это позволит мне почувствовать себя свободным »",
    "Пакет в сделке со «Скай Линком» будет крупнейшим: «Ростелеком» «не торопится».",
    "«Частный конный завод „Веедерн“» под Калининградом выращивает грибы.",
    "В «Кабачке „13 стульев“» он был первым ведущим.",
    "«Ура!» — закричали болельщики, а «Спартак» проиграл.",
    "«Первый абзац заявления.\n\n«Второй абзац.\n«Третий абзац», — говорится в нем.",
    "— Мы готовы, — сказал он. — Но не сейчас.\n— Нет.",
    "«Это незначительное увеличение», — и добавил, что «„мигалки“ были обоснованы».",
]


@pytest.mark.parametrize("text", ORIGINALS)
def test_ascii_variant_pairs_like_the_original(text: str) -> None:
    flat = text.translate(FLATTEN)
    assert len(flat) == len(text)
    expected = [(q.start, q.stop, q.open, q.close, q.depth) for q in find_quoted(text)]
    got = [(q.start, q.stop, q.open, q.close, q.depth) for q in find_quoted(flat)]
    assert got == expected


def _real_texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((SHARED / "corpus").glob("*.txt"))]
    dev = SHARED / "gold" / "dev.jsonl"
    if dev.exists():
        with dev.open(encoding="utf-8") as lines:
            texts += [json.loads(line)["text"] for line in lines]
    return texts


@pytest.fixture(scope="module")
def real_texts() -> list[str]:
    texts = _real_texts()
    if not texts:
        pytest.skip("../shared/corpus is not here")
    return texts


def test_ascii_variant_recovers_real_outermost_pairs(real_texts: list[str]) -> None:
    total = recovered = 0
    for text in real_texts:
        original = outer(text)
        total += len(original)
        recovered += len(original & outer(text.translate(FLATTEN)))
    assert total > 1000
    assert recovered / total > 0.98


def test_gold_direct_quotes_in_marks_are_found_in_both_variants() -> None:
    dev = SHARED / "gold" / "dev.jsonl"
    if not dev.exists():
        pytest.skip("../shared/gold is not here")
    missed = []
    with dev.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            text = record["text"]
            gold = [
                (q["start"], q["stop"])
                for q in record["quotes"]
                if q["kind"] == "direct" and text[q["start"] - 1] in '«„“"'
            ]
            for variant in (text, text.translate(FLATTEN)):
                spans = {(q.start, q.stop) for q in find_quoted(variant)}
                missed += [(record["id"], g) for g in gold if g not in spans]
    assert missed == []


# --- paragraphs -----------------------------------------------------------

PARAGRAPH_SPANS = [
    ("", []),
    ("\n\n  \n", []),
    ("Первый абзац.", [(0, 13)]),
    ("Первый.\n\nВторой.", [(0, 7), (9, 16)]),
    ("Первый.\r\nВторой.\rТретий.", [(0, 7), (9, 16), (17, 24)]),
    ("  Отступ. \n\xa0Второй\u2028Третий", [(2, 9), (12, 18), (19, 25)]),
]


@pytest.mark.parametrize(("text", "expected"), PARAGRAPH_SPANS)
def test_paragraphs(text: str, expected: list[tuple[int, int]]) -> None:
    assert paragraphs(text) == expected


MULTI_PARAGRAPH = [
    (
        "Он заявил:\n«Мы готовы работать.\n\n«Но условия должны быть честными», — сказал он.",
        [
            (
                "Мы готовы работать.\n\n«Но условия должны быть честными",
                "«",
                0,
            )
        ],
    ),
    (
        "«Первый абзац.\r\n«Второй абзац.\r\n«Третий абзац», — говорится в заявлении.",
        [("Первый абзац.\r\n«Второй абзац.\r\n«Третий абзац", "«", 0)],
    ),
    (
        '"Первый абзац заявления.\n\n"Второй абзац", - говорится в нем.',
        [('Первый абзац заявления.\n\n"Второй абзац', '"', 0)],
    ),
    # Opened after a colon in the middle of the first paragraph.
    (
        "Путин заявил: «Мы готовы.\n«Но не сейчас».",
        [("Мы готовы.\n«Но не сейчас", "«", 0)],
    ),
    # Nested quotes inside keep their depth.
    (
        "«Мы говорили с «Газпромом».\n«Он согласился», — сказал министр.",
        [("Мы говорили с «Газпромом».\n«Он согласился", "«", 0), ("Газпромом", "«", 1)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), MULTI_PARAGRAPH)
def test_quote_over_several_paragraphs_is_one(
    text: str, expected: list[tuple[str, str, int]]
) -> None:
    assert show(text) == expected
    (q,) = [q for q in find_quoted(text) if q.depth == 0]
    assert q.close == q.stop
    assert text[q.open] == q.style
    assert text[q.close] in '»"'


UNCLOSED = [
    # A paragraph that is one quote whose closing mark was lost: to its end.
    (
        "«Мы готовы работать с любым правительством.\n\nЭто заявление сделал министр.",
        [("Мы готовы работать с любым правительством.", "«", 0, None)],
    ),
    (
        "Дежурный сказал: «Автобус врезался в остановку. Погибших нет. \nДругие подробности.",
        [("Автобус врезался в остановку. Погибших нет.", "«", 0, None)],
    ),
    # Unanchored: nothing, but a pair inside survives, at depth 0.
    (
        "Он сказал, что «мы называем это «коалицией» и не отступим.\nВторой абзац.",
        [("коалицией", "«", 0, 42)],
    ),
    # Unclosed marks never reach past their paragraph.
    (
        'Он сказал "мы\nготовы" и ушел. А «Газпром» промолчал.',
        [("Газпром", "«", 0, 40)],
    ),
    # Stray closing marks are ignored.
    (
        "Следователи подрывают репутацию фонда» и «Сколково».",
        [("Сколково", "«", 0, 50)],
    ),
    # The next paragraph does not repeat the mark: the first stays on its own.
    (
        "«На большом экране группа «Ленинград» поёт песню.\n\n— Они что, панки?",
        [
            ("На большом экране группа «Ленинград» поёт песню.", "«", 0, None),
            ("Ленинград", "«", 1, 36),
            ("Они что, панки?", "—", 0, None),
        ],
    ),
    # Repeated marks but no closing one anywhere: each paragraph on its own.
    (
        "«Первый абзац.\n«Второй абзац.\nКонец.",
        [("Первый абзац.", "«", 0, None), ("Второй абзац.", "«", 0, None)],
    ),
    # Apostrophes are never anchored.
    ("'70-е годы были другими.", []),
]


@pytest.mark.parametrize(("text", "expected"), UNCLOSED)
def test_unbalanced_marks(text: str, expected: list[tuple[str, str, int, int | None]]) -> None:
    got = [(text[q.start : q.stop], q.style, q.depth, q.close) for q in find_quoted(text)]
    assert got == expected


def test_unclosed_mark_does_not_swallow_the_document() -> None:
    rest = "Это заявление сделал министр. " * 50
    text = "Он сказал «мы готовы.\n" + "\n".join([rest] * 100) + "\n«Газпром» ответил."
    assert show(text) == [("Газпром", "«", 0)]


# --- dialogue -------------------------------------------------------------

DIALOGUE = [
    ("— Мы готовы, — сказал он.", [("Мы готовы", "—", 0)]),
    (
        "— Мы готовы, — сказал он. — Но не сейчас.",
        [("Мы готовы", "—", 0), ("Но не сейчас", "—", 0)],
    ),
    (
        "— Мы готовы, — сказал министр, — но не сейчас.",
        [("Мы готовы", "—", 0), ("но не сейчас", "—", 0)],
    ),
    ("— Нет.", [("Нет", "—", 0)]),
    ("– Кто это сделал? – спросил следователь.", [("Кто это сделал?", "—", 0)]),
    ("- Мы готовы,- сказал он. - Но не сейчас.", [("Мы готовы", "—", 0), ("Но не сейчас", "—", 0)]),
    ("— Да не то чтобы…", [("Да не то чтобы…", "—", 0)]),
    (
        "— Ага. Значит, панк как бизнес? — уточняет он. И качает головой: — No future.",
        [("Ага. Значит, панк как бизнес?", "—", 0), ("No future", "—", 0)],
    ),
    # Dashes inside the speech and inside its quotation marks are the speaker's.
    (
        "— Москва — столица, а «Мы готовы, — сказал он», — вспоминает она.",
        [
            ("Москва — столица, а «Мы готовы, — сказал он»", "—", 0),
            ("Мы готовы, — сказал он", "«", 1),
        ],
    ),
    # Not dialogue: a list item, a signature line, a dash mid-sentence.
    ("— увеличение налогов;", []),
    ("- отставка правительства", []),
    ("— Татьяна Скригонюк, заместитель начальника пресс-службы МЧС", []),
    ("ЛОНДОН, 26 ноя - РИА Новости. Лидеры договорились ускорить работу.", []),
    ("—Мы готовы.", []),
    ("Он ответил: — Мы готовы.", []),
]


@pytest.mark.parametrize(("text", "expected"), DIALOGUE)
def test_dialogue(text: str, expected: list[tuple[str, str, int]]) -> None:
    assert show(text) == expected


def test_dialogue_offsets() -> None:
    text = "Он помолчал.\n\n— Мы готовы, — сказал он. — Но не сейчас."
    first, second = find_quoted(text)
    assert (first.open, first.start, first.stop, first.close) == (14, 16, 25, None)
    assert text[second.open] == "—"
    assert text[second.start : second.stop] == "Но не сейчас"


# --- robustness -----------------------------------------------------------

EMPTY = ["", "«»", '""""', "«» „“ “” '' ‘’", "« »", '" "', "— ", "—", "«...»", "\n\n\r\n", "»»»«««"]


@pytest.mark.parametrize("text", EMPTY)
def test_no_letters_no_quotes(text: str) -> None:
    assert find_quoted(text) == []


ODD = [
    "\x00«\ud800»\x00",
    "«\udcff\x00слово»",
    "Он сказал: «Да\r\nнет»",
    "\ufeff«Привет»",
    "'" * 5,
    "«" * 3 + "'" + "»" * 3,
]


@pytest.mark.parametrize("text", ODD)
def test_odd_input_does_not_raise(text: str) -> None:
    for q in find_quoted(text):
        assert 0 <= q.open < q.start <= q.stop <= len(text)
    assert len(typographic(text)) == len(text)


def test_carriage_returns_break_paragraphs() -> None:
    assert show("Он сказал «Да\r\nнет»") == []
    assert show("Он сказал «Да\rнет»") == []
    assert [(q.stop, q.close) for q in find_quoted("Он сказал: «Да\r\nнет»")] == [(14, None)]
    assert show("«Да\r\n«нет»") == [("Да\r\n«нет", "«", 0)]


ALPHABET = [*"аб Я1.,:;!?()-—–\n\r«»„“”\"‘’'", "\ud800", "\x00", "\xa0", "\u200b"]


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(ALPHABET), max_size=80))
def test_invariants_on_any_text(text: str) -> None:
    quoted = find_quoted(text)
    assert quoted == sorted(quoted, key=lambda q: (q.start, -q.stop))
    for q in quoted:
        assert 0 <= q.open < q.start <= q.stop <= len(text)
        assert re.search(r"[^\W_]", text[q.start : q.stop])
        if q.close is not None:
            assert q.close == q.stop
            assert text[q.close] in "»“”\"’'"
        if q.style == "—":
            assert text[q.open] in "—–-" and q.close is None
        else:
            assert text[q.open] == q.style
    result = typographic(text)
    assert len(result) == len(text)
    changed = {(a, b) for a, b in zip(text, result, strict=True) if a != b}
    # Marks, dashes, and what the models could not read: lone surrogates, NUL.
    allowed = {('"', c) for c in "«»„“"} | {("'", c) for c in "«»„“"} | {("-", "—")}
    assert changed <= allowed | {("\ud800", "\ufffd"), ("\x00", " "), ("\u200b", " ")}


# --- linear time ----------------------------------------------------------


class CountingPattern:
    """Wraps a compiled pattern and adds up how much text searches may read."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.read = 0

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        end = len(text) if endpos is None else endpos
        self.read += max(0, end - pos)
        return self.pattern.search(text, pos, end)


def _measure(monkeypatch: pytest.MonkeyPatch, text: str) -> tuple[list[Quoted], int, int]:
    """find_quoted's result, the characters its letter checks read, its stack pops."""
    counter = CountingPattern(marks._ALNUM)
    monkeypatch.setattr(marks, "_ALNUM", counter)
    pops = 0
    original_pop = marks._Pairer._pop

    def counting_pop(self: marks._Pairer) -> marks._Open:
        nonlocal pops
        pops += 1
        return original_pop(self)

    monkeypatch.setattr(marks._Pairer, "_pop", counting_pop)
    return find_quoted(text), counter.read, pops


BIG = [
    pytest.param("Он сказал «" * 100_000, id="100k-unbalanced-open"),
    pytest.param("«" * 100_000 + "мы готовы", id="100k-unbalanced-at-start"),
    pytest.param("слово» " * 100_000, id="100k-stray-close"),
    pytest.param("«" * 50_000 + "»" * 50_000, id="50k-deep-no-letters"),
    pytest.param("«а " * 1000 + "x" + " б»" * 1000, id="1000-deep"),
    pytest.param('"а ' * 1000 + "x" + ' б"' * 1000, id="1000-deep-ascii"),
    pytest.param("«а\n" * 50_000, id="50k-anchored-lines"),
    pytest.param("— Да, — сказал он. " * 20_000, id="long-dialogue"),
]


@pytest.mark.parametrize("text", BIG)
def test_linear_work(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    quoted, read, pops = _measure(monkeypatch, text)
    assert read <= 3 * len(text)
    assert pops <= text.count("«") + text.count('"')
    assert len(typographic(text, quoted)) == len(text)


def test_linear_work_on_a_5mb_paragraph(monkeypatch: pytest.MonkeyPatch) -> None:
    sentence = (
        'Лидеры так называемой "коалиции желающих" и госсекретарь США во вторник '
        "договорились ускорить работу по предоставлению гарантий безопасности, "
        "заявили в канцелярии премьер-министра. «Мы готовы, — сказал он. — Но не сейчас». "
        "Администрация США ранее заявила о разработке плана по урегулированию, отметив, "
        "что обсуждать его детали пока не будет, поскольку работа еще продолжается. "
        "В Кремле заявили, что Россия сохраняет открытость для переговоров. "
    )
    text = (sentence * (5_000_000 // len(sentence) + 1))[:5_000_000]
    quoted, read, pops = _measure(monkeypatch, text)
    assert read <= 3 * len(text)
    assert pops <= text.count("«") + text.count('"')
    assert sum(q.style == '"' for q in quoted) > 10_000


def test_deep_nesting_depths() -> None:
    text = "«а " * 1000 + "x" + " б»" * 1000
    quoted = find_quoted(text)
    assert [q.depth for q in quoted] == list(range(1000))


# --- typographic ----------------------------------------------------------

TYPOGRAPHIC = [
    (
        'ЛОНДОН, 26 ноя - РИА Новости. Лидеры так называемой "коалиции желающих" '
        "договорились ускорить работу.",
        "ЛОНДОН, 26 ноя — РИА Новости. Лидеры так называемой «коалиции желающих» "
        "договорились ускорить работу.",
    ),
    (
        '"Компания "Газпром" заявила", - отметил источник.',
        "«Компания „Газпром“ заявила», — отметил источник.",
    ),
    ('"Мы готовы",-сказал министр.', "«Мы готовы»,—сказал министр."),
    ('"Мы готовы", -сказал министр.', "«Мы готовы», -сказал министр."),
    ("- Мы готовы, - сказал он.\n- Нет.", "— Мы готовы, — сказал он.\n— Нет."),
    (
        "Тот назвал его \"дебилом\" ('moron'), сообщил О'Нил.",
        "Тот назвал его «дебилом» («moron»), сообщил О'Нил.",
    ),
    ("«Нас называют 'коалицией'», - сказал он.", "«Нас называют „коалицией“», — сказал он."),
    (
        '"Первый абзац.\n\n"Второй абзац", - говорится в нем.',
        "«Первый абзац.\n\n«Второй абзац», — говорится в нем.",
    ),
    ('"Мы готовы работать.\nВторой абзац.', "«Мы готовы работать.\nВторой абзац."),
    # Hyphens that are hyphens stay, and so do unpaired marks.
    (
        "Северо- и юго-западный ветер, кто-то, -5 градусов, 1990-2000 годы, 5,-.",
        "Северо- и юго-западный ветер, кто-то, -5 градусов, 1990-2000 годы, 5,-.",
    ),
    ('Он сказал "мы готовы и ушел.', 'Он сказал "мы готовы и ушел.'),
    ("Группа ''Depeche Mode'' выпустила альбом.", "Группа ''Depeche Mode'' выпустила альбом."),
    ("Цена — 5 рублей, «Газпром» — «за».", "Цена — 5 рублей, «Газпром» — «за»."),
]


@pytest.mark.parametrize(("text", "expected"), TYPOGRAPHIC)
def test_typographic(text: str, expected: str) -> None:
    result = typographic(text)
    assert result == expected
    assert len(result) == len(text)
    assert typographic(result) == result


def test_typographic_uses_given_quotes() -> None:
    text = '"Газпром" и "Роснефть"'
    only_first = [q for q in find_quoted(text) if q.open == 0]
    assert typographic(text, only_first) == '«Газпром» и "Роснефть"'
    assert typographic(text, []) == text


def test_typographic_on_real_texts(real_texts: list[str]) -> None:
    for text in real_texts:
        flat = text.translate(FLATTEN)
        result = typographic(flat)
        assert len(result) == len(flat)
        assert typographic(result) == result
        # The models' copy pairs exactly like the text it was made from.
        before = [(q.start, q.stop, q.open, q.close, q.depth) for q in find_quoted(flat)]
        after = [(q.start, q.stop, q.open, q.close, q.depth) for q in find_quoted(result)]
        assert after == before
