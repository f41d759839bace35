"""Tests for quoteattr.marks: quotation-mark pairing and dialogue-dash speech."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quoteattr import pairing
from quoteattr.marks import Quoted, find_quoted, paragraphs, quoted_parts, typographic

SHARED = Path(__file__).resolve().parents[2] / "shared"
# The dev gold: the shared copy when it is here, else the one bundled with the
# tests (same content), so that the gold checks run on any clone.
DEV_GOLD = next(
    p
    for p in (SHARED / "gold" / "dev.jsonl", Path(__file__).parent / "data" / "dev.jsonl", None)
    if p is None or p.exists()
)

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


def _in_marks(text: str, start: int, stop: int, pairs: list[Quoted]) -> bool:
    """A direct quote that opens at a quotation mark, or continues one after
    the narrator's remark (`«…, — сказал он. — CONTENT»`)."""
    if text[start - 1] in '«„“"':
        return True
    after_dash = re.search(r"[—–-]\s+$", text[max(0, start - 3) : start]) is not None
    return after_dash and any(q.start < start and stop <= q.stop for q in pairs)


def test_gold_direct_quotes_in_marks_are_found_in_both_variants() -> None:
    """Every direct quote of the dev gold in marks is one part, exactly: a
    whole pair, or a part of a quote the narrator interrupts."""
    if DEV_GOLD is None:
        pytest.skip("no dev gold here")
    missed = []
    checked = 0
    with DEV_GOLD.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            text = record["text"]
            pairs = [q for q in find_quoted(text) if q.style != "—"]
            gold = [
                (q["start"], q["stop"])
                for q in record["quotes"]
                if q["kind"] == "direct" and _in_marks(text, q["start"], q["stop"], pairs)
            ]
            checked += len(gold)
            for variant in (text, text.translate(FLATTEN)):
                spans = {(p.start, p.stop) for p in quoted_parts(variant)}
                missed += [
                    (record["id"], g, variant[g[0] : g[1]][:60]) for g in gold if g not in spans
                ]
    assert checked > 200
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
    # A sentence-opening mark never closed whose words reach a postposed
    # remark lost its closing mark before the remark.
    (
        "Компания отказалась. «Пока не будем подписывать, — заявлял «Известиям» Иван Петров.",
        [("Пока не будем подписывать", "«", 0, None), ("Известиям", "«", 0, 69)],
    ),
    (
        'Компания отказалась. "Пока не будем подписывать, - заявлял "Известиям" Иван Петров.',
        [("Пока не будем подписывать", '"', 0, None), ("Известиям", '"', 0, 69)],
    ),
    (
        "Компания отказалась. «Пока не будем подписывать, –сказал Петров.",
        [("Пока не будем подписывать", "«", 0, None)],
    ),
    # One closing mark for two: the nested quote's closes the outer one too.
    (
        'Он высказался. "Я "за" визы. Другие "жмутся", - заметил Петров.',
        [
            ('Я "за" визы. Другие "жмутся"', '"', 0, None),
            ("за", '"', 1, 21),
            ("жмутся", '"', 1, 43),
        ],
    ),
    (
        "Он высказался. «Я „за“ визы. Другие „жмутся“, — заметил Петров.",
        [
            ("Я „за“ визы. Другие „жмутся“", "«", 0, None),
            ("за", "„", 1, 21),
            ("жмутся", "„", 1, 43),
        ],
    ),
    # Not after a sentence end, no speech verb, or the comma inside a nested
    # pair: nothing.
    ("Он сказал «пока не будем подписывать, — заявлял Петров.", []),
    ("Компания отказалась. «Пока не будем подписывать, — и ушла.", []),
    (
        "Так. «Мы за „ясность, — сказал он“ и только.",
        [("ясность, — сказал он", "„", 0, 33)],
    ),
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


# --- interrupted quotes ---------------------------------------------------

INTERRUPTED = [
    (
        "«Мы готовы к переговорам, — сказал министр. — Но не на этих условиях».",
        [
            ("Мы готовы к переговорам", "сказал министр"),
            ("Но не на этих условиях", "сказал министр"),
        ],
    ),
    (
        '"Мы готовы к переговорам, - сказал министр. - Но не на этих условиях".',
        [
            ("Мы готовы к переговорам", "сказал министр"),
            ("Но не на этих условиях", "сказал министр"),
        ],
    ),
    # En dashes, and a present-tense verb.
    (
        "«Их отличает понятный дизайн, – говорит аналитик. – Именно к этому он стремился».",
        [
            ("Их отличает понятный дизайн", "говорит аналитик"),
            ("Именно к этому он стремился", "говорит аналитик"),
        ],
    ),
    # After a full stop: the remark starts lower-case; the full stop is the
    # sentence's.
    (
        "«Суд обязан дать ответ. — заявил Петров. — Я же считаю это ошибкой».",
        [("Суд обязан дать ответ", "заявил Петров"), ("Я же считаю это ошибкой", "заявил Петров")],
    ),
    (
        '"Суд обязан дать ответ. - заявил Петров. - Я же считаю это ошибкой".',
        [("Суд обязан дать ответ", "заявил Петров"), ("Я же считаю это ошибкой", "заявил Петров")],
    ),
    # A remark set off by commas: the speech goes on lower-case.
    (
        "«Это общее правило, — пояснила она, — но ведь прошло три месяца».",
        [("Это общее правило", "пояснила она"), ("но ведь прошло три месяца", "пояснила она")],
    ),
    (
        '"Это общее правило, - пояснила она, - но ведь прошло три месяца".',
        [("Это общее правило", "пояснила она"), ("но ведь прошло три месяца", "пояснила она")],
    ),
    # The speaker before the verb, a non-breaking space, a `!` that stays.
    (
        "«Мы не уйдём,\xa0— Петров сказал.\xa0— Никогда».",
        [("Мы не уйдём", "Петров сказал"), ("Никогда", "Петров сказал")],
    ),
    (
        "«Хватит! — воскликнул он. — Мы уходим».",
        [("Хватит!", "воскликнул он"), ("Мы уходим", "воскликнул он")],
    ),
    # Three parts, two remarks.
    (
        "«Раз, — сказал он. — Два, — добавил он. — Три».",
        [("Раз", "сказал он"), ("Два", "добавил он"), ("Три", "добавил он")],
    ),
    # A dash inside the speech that no cue follows does not split.
    (
        "«Мы придём втроём — с дочкой и мамой, — прийти в суд нам разрешили».",
        [("Мы придём втроём — с дочкой и мамой, — прийти в суд нам разрешили", None)],
    ),
    (
        '"Мы придём втроём - с дочкой и мамой, - прийти в суд нам разрешили".',
        [("Мы придём втроём - с дочкой и мамой, - прийти в суд нам разрешили", None)],
    ),
    (
        "«Мы придём втроём — с дочкой, — сказала она. — По крайней мере так».",
        [("Мы придём втроём — с дочкой", "сказала она"), ("По крайней мере так", "сказала она")],
    ),
    # A cue but no dash to resume the speech, or the remark in another
    # paragraph: no split.
    ("«Цены выросли, — сказал он»", [("Цены выросли, — сказал он", None)]),
    (
        "«Цены выросли, — и это только начало. — Увы»",
        [("Цены выросли, — и это только начало. — Увы", None)],
    ),
    (
        "«Первый абзац, — сказал он.\n«— Второй абзац».",
        [("Первый абзац, — сказал он.\n«— Второй абзац", None)],
    ),
    # A remark inside a nested pair splits that pair, not the outer one.
    (
        "«Нам ответили „нет, — сказал он. — Никогда“, и всё», — добавил источник.",
        [
            ("Нам ответили „нет, — сказал он. — Никогда“, и всё", None),
            ("нет", "сказал он"),
            ("Никогда", "сказал он"),
        ],
    ),
    # Dialogue speech is split already.
    (
        "— Мы готовы, — сказал он. — Но не сейчас.",
        [("Мы готовы", None), ("Но не сейчас", None)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), INTERRUPTED)
def test_interrupted_quote_parts(text: str, expected: list[tuple[str, str | None]]) -> None:
    got = [
        (text[p.start : p.stop], p.remark and text[p.remark[0] : p.remark[1]])
        for p in quoted_parts(text)
    ]
    assert got == expected


def test_interrupted_quote_parts_are_inside_their_quote() -> None:
    text = "Он помолчал. «Мы готовы, — сказал он. — Но не сейчас». «Газпром» промолчал."
    quoted = find_quoted(text)
    parts = quoted_parts(text, quoted)
    assert parts == quoted_parts(text)
    first, second, third = parts
    assert first.quote == second.quote == quoted[0]
    assert (first.start, second.stop) == (quoted[0].start, quoted[0].stop)
    remark = text.index("сказал он")
    assert first.remark == second.remark == (remark, remark + len("сказал он"))
    assert (third.start, third.stop, third.remark) == (quoted[1].start, quoted[1].stop, None)


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
    for p in quoted_parts(text, quoted):
        assert p.quote.start <= p.start < p.stop <= p.quote.stop
    result = typographic(text)
    assert len(result) == len(text)
    changed = {(a, b) for a, b in zip(text, result, strict=True) if a != b}
    # Marks, dashes, and what the models could not read: lone surrogates, NUL;
    # runs of apostrophes (wiki markup, `''«…»''`) become spaces.
    allowed = {('"', c) for c in "«»„“"} | {("'", c) for c in "«»„“ "} | {("-", "—")}
    assert changed <= allowed | {("\ud800", "\ufffd"), ("\x00", " "), ("\u200b", " ")}
    for i, (a, b) in enumerate(zip(text, result, strict=True)):
        if (a, b) == ("'", " "):
            assert "''" in text[max(0, i - 1) : i + 2], "a lone apostrophe stays"


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
    counter = CountingPattern(pairing._ALNUM)
    monkeypatch.setattr(pairing, "_ALNUM", counter)
    pops = 0
    original_pop = pairing._Pairer._pop

    def counting_pop(self: pairing._Pairer) -> pairing._Open:
        nonlocal pops
        pops += 1
        return original_pop(self)

    monkeypatch.setattr(pairing._Pairer, "_pop", counting_pop)
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
    pytest.param("Так. «" + ",-а" * 100_000, id="100k-glued-dashes-unclosed"),
    pytest.param("«" + "Да, — сказал он. — " * 20_000 + "Нет»", id="20k-remarks"),
]


@pytest.mark.parametrize("text", BIG)
def test_linear_work(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    quoted, read, pops = _measure(monkeypatch, text)
    assert read <= 3 * len(text)
    assert pops <= text.count("«") + text.count('"')
    assert len(typographic(text, quoted)) == len(text)
    assert len(quoted_parts(text, quoted)) >= len(quoted)


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
    # Wiki markup is blanked: it would hide a colon or a cue from the quote next to it.
    ("Группа ''Depeche Mode'' выпустила альбом.", "Группа   Depeche Mode   выпустила альбом."),
    ("сообщили: ''«Президент ценит»''.", "сообщили:   «Президент ценит»  ."),
    ("Цена — 5 рублей, «Газпром» — «за».", "Цена — 5 рублей, «Газпром» — «за»."),
    # A Latin look-alike inside a Russian word is read as the Cyrillic letter;
    # Latin words and words with other Latin letters stay as they are.
    ("Она раcсказала, что", "Она рассказала, что"),
    ("Coca-Cola, MAKC и pyсский", "Coca-Cola, MAKC и русский"),
    ("Сайт ЯndeX закрыт", "Сайт ЯndeX закрыт"),
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
