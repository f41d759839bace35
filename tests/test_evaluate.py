from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import attrs
import pytest

import quoteattr
from quoteattr.evaluate import (
    BOUNDARY,
    CLASSES,
    COLUMNS,
    DIRECT,
    FALSE_HIT,
    INDIRECT,
    MISS,
    OVERALL,
    SPEAKER_MISSING,
    WRONG_KIND,
    WRONG_SPEAKER,
    Scores,
    as_quote,
    evaluate,
    jaccard,
    load_gold,
    match,
    normalize,
    same_speaker,
    score,
    to_ascii,
    trim,
)
from quoteattr.records import Document, Quote, Speaker

DEV = Path(__file__).parent / "data" / "dev.jsonl"


# Trimming


@pytest.mark.parametrize(
    "span, trimmed",
    [
        ("слово", "слово"),
        ("«Мы готовы»", "Мы готовы"),
        ('  "Да!" ', "Да"),
        ("— Мы готовы, — ", "Мы готовы"),
        ("„Нет“", "Нет"),
        ("“Нет”", "Нет"),
        ("‘ok’", "ok"),
        ("'ok'", "ok"),
        ("(в скобках).", "в скобках"),
        ("– тире –", "тире"),
        ("«решение будет «окончательным»»", "решение будет «окончательным"),
        ("...", ""),
        ("", ""),
    ],
)
def test_trim(span, trimmed):
    base = 10
    start, stop = trim(base, base + len(span), span)
    assert span[start - base : stop - base] == trimmed
    assert base <= start <= stop <= base + len(span)


@pytest.mark.parametrize(
    "a, b, expected",
    [
        ((0, 10), (0, 10), 1.0),
        ((0, 10), (5, 15), 5 / 15),
        ((0, 10), (0, 5), 0.5),
        ((0, 10), (10, 20), 0.0),
        ((0, 10), (2, 4), 0.2),
        ((3, 3), (3, 3), 0.0),
    ],
)
def test_jaccard(a, b, expected):
    assert jaccard(a, b) == pytest.approx(expected)
    assert jaccard(b, a) == pytest.approx(expected)


# Matching

LETTERS = "x" * 100  # nothing to trim, so spans compare as given


def quotes(spans, text=LETTERS, kind="direct"):
    return [Quote(start, stop, text[start:stop], kind) for start, stop in spans]


@pytest.mark.parametrize(
    "gold, pred, pairs",
    [
        ([(0, 10)], [(0, 10)], [(0, 0)]),
        ([(0, 10)], [(0, 5)], [(0, 0)]),  # exactly half passes
        ([(0, 10)], [(0, 4)], []),
        ([(0, 10)], [(20, 30)], []),
        ([(0, 10)], [], []),
        ([], [(0, 10)], []),
        # the better prediction wins, the other is left unmatched
        ([(0, 10)], [(0, 8), (0, 10)], [(0, 1)]),
        # one prediction over two gold quotes, both at 0.5: the earlier gold wins
        ([(0, 10), (10, 20)], [(0, 20)], [(0, 0)]),
        ([(10, 20), (0, 10)], [(0, 20)], [(1, 0)]),
        # greedy by Jaccard: g0-p0 (1.0) first, then g1-p1 (11/12)
        ([(0, 10), (0, 12)], [(0, 10), (0, 11)], [(0, 0), (1, 1)]),
        ([(0, 12), (0, 10)], [(0, 11), (0, 10)], [(0, 0), (1, 1)]),
        # two equal predictions: the lower index wins
        ([(0, 10)], [(0, 10), (0, 10)], [(0, 0)]),
    ],
)
def test_match(gold, pred, pairs):
    assert match(quotes(gold), quotes(pred)) == pairs


def test_match_trims_marks_and_punctuation():
    text = "Он сказал: «да», и ушел."
    gold = quotes([(text.index("да"), text.index("да") + 2)], text)
    # Untrimmed, «да», is 5 chars against 2: Jaccard 0.4.
    pred = quotes([(text.index("«"), text.index(",") + 1)], text)
    assert match(gold, pred) == [(0, 0)]


def test_match_accepts_dict_forms():
    text = "Он сказал: «Мы готовы»."
    start = text.index("Мы")
    gold = {"kind": "direct", "content": "Мы готовы", "start": start, "stop": start + 9}
    pred = Quote(start - 1, start + 10, "«Мы готовы»", "direct").to_dict()
    assert match([gold], [pred]) == [(0, 0)]


# Speakers


def person(name, *aliases):
    return Speaker(name, "person", aliases=aliases)


def org(name, *aliases):
    return Speaker(name, "organization", aliases=aliases)


@pytest.mark.parametrize(
    "name, normalized",
    [
        ("Владимир Путин", "владимир путин"),
        ("  Пётр   ТОЛСТОЙ ", "петр толстой"),
        ("«Газпром»", "газпром"),
        ("Д.Медведев", "д медведев"),
        ("Даунинг-стрит", "даунинг стрит"),
    ],
)
def test_normalize(name, normalized):
    assert normalize(name) == normalized


@pytest.mark.parametrize(
    "pred, gold, expected",
    [
        ("Владимир Путин", person("Владимир Путин"), True),
        ("Путин", person("Владимир Путин"), True),
        ("В. В. Путин", person("Владимир Путин"), True),
        ("Д.Медведев", person("Дмитрий Медведев"), True),
        ("президент России Владимир Путин", person("Владимир Путин"), True),
        ("Дмитрий Песков", person("Владимир Путин"), False),
        ("министр", person("Сергей Лавров"), False),
        ("глава МИД", person("Сергей Лавров", "глава МИД России"), False),
        ("Глава МИД России", person("Сергей Лавров", "глава МИД России"), True),
        ("Сааакашвили", person("Михаил Саакашвили", "Сааакашвили"), True),
        ("Кремль", org("Кремль"), True),
        ("Кремль", org("Кремль России"), False),
        ("Кремлевский", org("Кремль"), False),
        ("пресс-служба Кремля", org("Кремль"), False),
        ("РБК", org("РосБизнесКонсалтинг", "РБК"), True),
        ("агентство РБК", org("РосБизнесКонсалтинг", "РБК"), True),
        ("«Газпром»", org("Газпром"), True),
        ("Даунинг-стрит", org("Даунинг-стрит"), True),
        # the surname rule is for persons only
        ("МИД России", org("Министерство обороны России"), False),
        ("Пётр Толстой", person("Петр Толстой"), True),
        ("Петр Толстой", person("Пётр Толстой"), True),
        ("Толстой", person("Пётр Толстой"), True),
        ("источник", Speaker("источник в правительстве", "anonymous", aliases=("источник",)), True),
        (None, None, True),
        ("Путин", None, False),
        (None, person("Владимир Путин"), False),
        ("", person("Владимир Путин"), False),
        ("«»", org("Кремль"), False),
    ],
)
def test_same_speaker(pred, gold, expected):
    assert same_speaker(pred, gold) is expected


def test_same_speaker_accepts_gold_dict():
    gold = {
        "name": "Владимир Путин",
        "type": "person",
        "aliases": ["президент России"],
        "mention": "Путин",
        "mention_start": 0,
        "mention_stop": 5,
    }
    assert same_speaker("Путин", gold)
    assert same_speaker("президент России", gold)
    assert not same_speaker("Песков", gold)


# Scoring


def gold_quote(text, content, kind, name, type="person"):
    start = text.index(content)
    speaker = {"name": name, "type": type, "aliases": [], "mention": None}
    return {
        "kind": kind,
        "content": content,
        "start": start,
        "stop": start + len(content),
        "speaker": speaker,
    }


def pred_quote(text, content, kind, name=None, type="person"):
    start = text.index(content)
    speaker = Speaker(name, type) if name else None
    return Quote(start, start + len(content), content, kind, speaker=speaker)


A = "Путин заявил: «Мы готовы». Лавров сказал, что переговоры идут."
B = "Как сообщили в Кремле, визит состоится. «Это важно», — добавил Песков."

GOLD = [
    {
        "id": "a",
        "text": A,
        "quotes": [
            gold_quote(A, "Мы готовы", "direct", "Владимир Путин"),
            gold_quote(A, "переговоры идут", "indirect", "Сергей Лавров"),
        ],
    },
    {
        "id": "b",
        "text": B,
        "quotes": [
            gold_quote(B, "визит состоится", "indirect", "Кремль", "organization"),
            gold_quote(B, "Это важно", "direct", "Дмитрий Песков"),
        ],
    },
]

PRED = [
    [
        # found and attributed by surname, but as indirect
        pred_quote(A, "Мы готовы", "indirect", "Путин"),
        # found, wrong speaker
        pred_quote(A, "переговоры идут", "mixed", "министр"),
        # false hit
        pred_quote(A, "Путин заявил", "direct"),
    ],
    [
        # found and attributed; "Это важно" is missed
        pred_quote(B, "визит состоится", "indirect", "Кремль", "organization"),
    ],
]


def test_score_by_hand():
    report = score(GOLD, PRED)

    # overall: 4 gold, 4 predicted, 3 matches, 2 of them attributed
    s = report.overall
    assert (s.gold, s.pred) == (4, 4)
    assert s.det_precision == pytest.approx(3 / 4)
    assert s.det_recall == pytest.approx(3 / 4)
    assert s.det_f1 == pytest.approx(3 / 4)
    assert s.attr_accuracy == pytest.approx(2 / 3)
    assert s.e2e_precision == pytest.approx(2 / 4)
    assert s.e2e_recall == pytest.approx(2 / 4)
    assert s.e2e_f1 == pytest.approx(1 / 2)

    # direct: gold "Мы готовы" (found only as indirect) and "Это важно" (missed);
    # predicted only "Путин заявил" (false hit). Matched within the kind: nothing.
    s = report.direct
    assert (s.gold, s.pred) == (2, 1)
    assert (s.gold_found, s.pred_found) == (0, 0)
    assert s.figures() == (0.0,) * 7

    # indirect+mixed: gold "переговоры идут" (wrong speaker), "визит состоится";
    # predicted those two and "Мы готовы", which has no indirect gold: a false hit
    s = report.indirect
    assert (s.gold, s.pred) == (2, 3)
    assert s.det_precision == pytest.approx(2 / 3)
    assert s.det_recall == 1
    assert s.det_f1 == pytest.approx(4 / 5)
    assert s.attr_accuracy == pytest.approx(1 / 2)
    assert s.e2e_precision == pytest.approx(1 / 3)
    assert s.e2e_recall == pytest.approx(1 / 2)
    assert s.e2e_f1 == pytest.approx(2 / 5)  # 2PR/(P+R) = (1/3)/(5/6)

    assert [(e.doc_id, e.text) for e in report.misses] == [("b", "Это важно")]
    assert [(e.doc_id, e.text, e.kind) for e in report.false_hits] == [
        ("a", "Путин заявил", "direct")
    ]
    assert [(e.doc_id, e.text, e.kind, e.pred_kind) for e in report.wrong_kinds] == [
        ("a", "Мы готовы", "direct", "indirect")
    ]
    assert report.boundaries == report.missing_speakers == ()
    [wrong] = report.wrong_speakers
    assert (wrong.doc_id, wrong.text, wrong.gold_speaker, wrong.pred_speaker) == (
        "a",
        "переговоры идут",
        "Сергей Лавров",
        "министр",
    )
    assert wrong.left.endswith("Лавров сказал, что ")
    assert wrong.right == "."


def test_score_accepts_documents_and_dicts():
    as_records = score(GOLD, PRED)
    as_docs = score(GOLD, [Document(d["text"], p) for d, p in zip(GOLD, PRED, strict=True)])
    as_dicts = score(
        GOLD, [Document(d["text"], p).to_dict() for d, p in zip(GOLD, PRED, strict=True)]
    )
    assert as_records == as_docs == as_dicts


def test_score_needs_one_prediction_per_document():
    with pytest.raises(ValueError):
        score(GOLD, PRED[:1])


def test_empty_ratios_are_zero():
    s = Scores()
    assert s.figures() == (0.0,) * 7


def test_table():
    lines = score(GOLD, PRED).table().splitlines()
    assert " ".join(lines[0].split()) == " ".join(COLUMNS)
    assert [" ".join(line.split()) for line in lines[1:]] == [
        "overall 4 4 0.750 0.750 0.750 0.667 0.500 0.500 0.500",
        "direct 2 1 0.000 0.000 0.000 0.000 0.000 0.000 0.000",
        "indirect+mixed 2 3 0.667 1.000 0.800 0.500 0.333 0.500 0.400",
    ]


def test_errors_text():
    report = score(GOLD, PRED)
    text = report.errors_text()
    lines = text.splitlines()
    assert lines[0] == (
        "errors: 1 miss, 1 false hit, 0 boundary, 1 wrong kind, 1 wrong speaker, 0 speaker missing"
    )
    # The counts, a class a line, before any listing.
    assert lines[1].split() == ["class", "direct", "indirect+mixed", "total"]
    assert [line.split() for line in lines[2:8]] == [
        ["miss", "1", "0", "1"],
        ["false", "hit", "1", "0", "1"],
        ["boundary", "0", "0", "0"],
        ["wrong", "kind", "1", "0", "1"],
        ["wrong", "speaker", "0", "1", "1"],
        ["speaker", "missing", "0", "0", "0"],
    ]
    # Then the listing, class by class in the order of CLASSES, empty ones left out.
    sections = [line for line in lines if line.startswith("## ")]
    assert sections == ["## miss: 1", "## false hit: 1", "## wrong kind: 1", "## wrong speaker: 1"]
    assert text.index("## miss") < text.index("== b") < text.index("[[Это важно]]")
    assert text.index("## false hit") < text.index("== a") < text.index("[[Путин заявил]]")
    assert "direct→indirect" in text
    assert "Сергей Лавров" in text and "министр" in text


# Per-kind matching and error classes, on small hand-made documents

T = "Путин заявил: «Мы готовы к переговорам». Лавров сказал, что переговоры идут успешно."
PUTIN_SAID = "Мы готовы к переговорам"
LAVROV_SAID = "переговоры идут успешно"
# Overlaps PUTIN_SAID by 13 chars of a 39-char union: Jaccard 1/3, no match.
ACROSS = "к переговорам». Лавров сказал"
# Inside PUTIN_SAID: Jaccard 20/23, a match.
MOST = "готовы к переговорам"


def g(content, kind, name="Владимир Путин"):
    """A gold quote of ``T`` in the jsonl form."""
    quote = gold_quote(T, content, kind, name or "-")
    if name is None:
        quote["speaker"] = None
    return quote


def p(content, kind, name="Путин"):
    return pred_quote(T, content, kind, name)


# (overall, direct, indirect+mixed) as (gold, pred, matched, attributed)
ROWS = [
    (
        "right",
        [g(PUTIN_SAID, "direct")],
        [p(PUTIN_SAID, "direct")],
        ((1, 1, 1, 1), (1, 1, 1, 1), (0, 0, 0, 0)),
        {},
    ),
    (
        "direct found as indirect: a match overall, a miss and a false hit by kind",
        [g(PUTIN_SAID, "direct")],
        [p(PUTIN_SAID, "indirect")],
        ((1, 1, 1, 1), (1, 0, 0, 0), (0, 1, 0, 0)),
        {(WRONG_KIND, DIRECT): 1},
    ),
    (
        "indirect found as direct",
        [g(LAVROV_SAID, "indirect", "Сергей Лавров")],
        [p(LAVROV_SAID, "direct", "Лавров")],
        ((1, 1, 1, 1), (0, 1, 0, 0), (1, 0, 0, 0)),
        {(WRONG_KIND, INDIRECT): 1},
    ),
    (
        "indirect found as mixed: one group, no error",
        [g(LAVROV_SAID, "indirect", "Сергей Лавров")],
        [p(LAVROV_SAID, "mixed", "Лавров")],
        ((1, 1, 1, 1), (0, 0, 0, 0), (1, 1, 1, 1)),
        {},
    ),
    (
        "kind wrong and speaker missing: two errors",
        [g(PUTIN_SAID, "direct")],
        [p(PUTIN_SAID, "indirect", None)],
        ((1, 1, 1, 0), (1, 0, 0, 0), (0, 1, 0, 0)),
        {(WRONG_KIND, DIRECT): 1, (SPEAKER_MISSING, DIRECT): 1},
    ),
    (
        "within the kind, the direct prediction matches the direct gold",
        [g(PUTIN_SAID, "direct")],
        [p(PUTIN_SAID, "indirect"), p(MOST, "direct")],
        ((1, 2, 1, 1), (1, 1, 1, 1), (0, 1, 0, 0)),
        # Errors are classed on the overall matching, where the exact span wins.
        {(WRONG_KIND, DIRECT): 1, (FALSE_HIT, DIRECT): 1},
    ),
    (
        "boundary: one error, not a miss and a false hit",
        [g(PUTIN_SAID, "direct")],
        [p(ACROSS, "direct")],
        ((1, 1, 0, 0), (1, 1, 0, 0), (0, 0, 0, 0)),
        {(BOUNDARY, DIRECT): 1},
    ),
    (
        "boundary across kinds counts in the gold kind",
        [g(PUTIN_SAID, "direct")],
        [p(ACROSS, "indirect")],
        ((1, 1, 0, 0), (1, 0, 0, 0), (0, 1, 0, 0)),
        {(BOUNDARY, DIRECT): 1},
    ),
    (
        "a gold quote taken by a match leaves an overlapping prediction a false hit",
        [g(PUTIN_SAID, "direct")],
        [p(PUTIN_SAID, "direct"), p(ACROSS, "direct")],
        ((1, 2, 1, 1), (1, 2, 1, 1), (0, 0, 0, 0)),
        {(FALSE_HIT, DIRECT): 1},
    ),
    (
        "no overlap: a miss and a false hit",
        [g(PUTIN_SAID, "direct")],
        [p(LAVROV_SAID, "indirect", "Лавров")],
        ((1, 1, 0, 0), (1, 0, 0, 0), (0, 1, 0, 0)),
        {(MISS, DIRECT): 1, (FALSE_HIT, INDIRECT): 1},
    ),
    (
        "speaker missing",
        [g(PUTIN_SAID, "direct")],
        [p(PUTIN_SAID, "direct", None)],
        ((1, 1, 1, 0), (1, 1, 1, 0), (0, 0, 0, 0)),
        {(SPEAKER_MISSING, DIRECT): 1},
    ),
    (
        "wrong speaker",
        [g(LAVROV_SAID, "indirect", "Сергей Лавров")],
        [p(LAVROV_SAID, "indirect", "Песков")],
        ((1, 1, 1, 0), (0, 0, 0, 0), (1, 1, 1, 0)),
        {(WRONG_SPEAKER, INDIRECT): 1},
    ),
    (
        "a speaker where the gold has none is a wrong speaker",
        [g(LAVROV_SAID, "indirect", None)],
        [p(LAVROV_SAID, "indirect", "Лавров")],
        ((1, 1, 1, 0), (0, 0, 0, 0), (1, 1, 1, 0)),
        {(WRONG_SPEAKER, INDIRECT): 1},
    ),
    (
        "no speaker on either side is right",
        [g(LAVROV_SAID, "indirect", None)],
        [p(LAVROV_SAID, "indirect", None)],
        ((1, 1, 1, 1), (0, 0, 0, 0), (1, 1, 1, 1)),
        {},
    ),
]


@pytest.mark.parametrize(
    "gold, pred, rows, errors", [r[1:] for r in ROWS], ids=[r[0] for r in ROWS]
)
def test_rows_and_error_classes(gold, pred, rows, errors):
    report = score([{"id": "t", "text": T, "quotes": gold}], [pred])
    for (name, s), (n_gold, n_pred, found, right) in zip(report.groups, rows, strict=True):
        assert (s.gold, s.pred, s.gold_found, s.gold_right) == (n_gold, n_pred, found, right), name
        # one-to-one within each row
        assert (s.pred_found, s.pred_right) == (found, right), name
    counts = report.error_counts()
    assert {key: n for key, n in counts.items() if n} == errors
    assert len(report.errors) == sum(errors.values())


@pytest.mark.parametrize(
    "gold, pred, expected",
    [
        # a direct gold quote found as indirect
        (
            [g(PUTIN_SAID, "direct")],
            [p(PUTIN_SAID, "indirect")],
            {
                OVERALL: (1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0),
                DIRECT: (0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0),
                INDIRECT: (0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0),
            },
        ),
        # one direct right, one direct found as indirect, one indirect right
        (
            [g(PUTIN_SAID, "direct"), g(LAVROV_SAID, "indirect", "Сергей Лавров")],
            [p(PUTIN_SAID, "indirect"), p(LAVROV_SAID, "indirect", "Лавров")],
            {
                OVERALL: (1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0),
                DIRECT: (0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0),
                INDIRECT: (0.5, 1.0, 2 / 3, 1.0, 0.5, 1.0, 2 / 3),
            },
        ),
    ],
)
def test_figures_by_kind(gold, pred, expected):
    report = score([{"id": "t", "text": T, "quotes": gold}], [pred])
    for name, s in report.groups:
        assert s.figures() == pytest.approx(expected[name]), name


def test_error_counts_cover_every_class_and_kind():
    counts = score(GOLD, PRED).error_counts()
    assert list(counts) == [(c, k) for c in CLASSES for k in (DIRECT, INDIRECT)]
    assert counts[MISS, DIRECT] == 1 and counts[WRONG_SPEAKER, INDIRECT] == 1


def test_error_counts_add_up_to_the_overall_row():
    gold_docs = [{"id": r[0], "text": T, "quotes": r[1]} for r in ROWS]
    report = score(gold_docs, [r[2] for r in ROWS])
    counts = Counter()
    for (what, _), n in report.error_counts().items():
        counts[what] += n
    s = report.overall
    assert s.gold - s.gold_found == counts[MISS] + counts[BOUNDARY]
    assert s.pred - s.pred_found == counts[FALSE_HIT] + counts[BOUNDARY]
    assert s.gold_found - s.gold_right == counts[WRONG_SPEAKER] + counts[SPEAKER_MISSING]


def test_boundary_error_shows_both_spans():
    report = score(
        [{"id": "t", "text": T, "quotes": [g(PUTIN_SAID, "direct")]}], [[p(ACROSS, "direct")]]
    )
    [error] = report.boundaries
    assert (error.start, error.stop) == (T.index(PUTIN_SAID), T.index(PUTIN_SAID) + 23)
    assert (error.pred_start, error.pred_stop) == (T.index(ACROSS), T.index(ACROSS) + 29)
    assert error.shown == "[[Мы готовы {{к переговорам]]». Лавров сказал}}"
    assert error.left == "Путин заявил: «"
    assert "[[Мы готовы {{к переговорам]]». Лавров сказал}}" in error.format()


# Layers: records at the bottom


LAYERS = ("records", "frame", "render", "matching", "errors", "evaluate")


def quoteattr_imports(module):
    """The quoteattr modules that ``module`` imports at its top level."""
    source = (Path(quoteattr.__file__).parent / f"{module}.py").read_text(encoding="utf-8")
    found = set()
    for node in ast.parse(source).body:
        if isinstance(node, ast.ImportFrom):
            if node.level == 1 and node.module:
                found.add(node.module.split(".")[0])
            elif node.level == 1:
                found.update(a.name for a in node.names)
            elif node.module and node.module.startswith("quoteattr."):
                found.add(node.module.split(".")[1])
        elif isinstance(node, ast.Import):
            found.update(a.name.split(".")[1] for a in node.names if "." in a.name)
    return found


@pytest.mark.parametrize(
    "module, allowed",
    [
        ("records", set()),
        ("frame", {"records"}),
        ("render", {"records"}),
        ("matching", {"records"}),
        ("errors", {"records", "matching"}),
        ("evaluate", {"records", "matching", "errors"}),
    ],
)
def test_layers_import_only_below(module, allowed):
    assert quoteattr_imports(module) & set(LAYERS) <= allowed


def test_normalize_lives_in_records():
    import quoteattr.records

    assert normalize is quoteattr.records.normalize


# The real gold file


@pytest.fixture(scope="module")
def dev():
    return load_gold(DEV)


def gold_analyzer(docs, ascii=False):
    """An ``analyze`` that answers the gold, as ``Quote`` records."""
    answers = {}
    for doc in docs:
        text = to_ascii(doc["text"]) if ascii else doc["text"]
        found = [as_quote(q) for q in doc["quotes"]]
        answers[text] = Document(
            text, [attrs.evolve(q, text=text[q.start : q.stop]) for q in found]
        )
    return answers.__getitem__


@pytest.mark.parametrize("ascii", [False, True])
def test_gold_as_prediction_scores_one(dev, ascii):
    report = evaluate(DEV, ascii=ascii, analyze=gold_analyzer(dev, ascii))
    kinds = Counter(q["kind"] for d in dev for q in d["quotes"])
    assert report.documents == len(dev)
    assert report.overall.gold == report.overall.pred == sum(kinds.values())
    assert report.direct.gold == kinds["direct"]
    assert report.indirect.gold == kinds["indirect"] + kinds["mixed"]
    for _, s in report.groups:
        assert s.figures() == (1.0,) * 7
    assert report.errors == ()


def test_dev_offsets(dev):
    for doc in dev:
        for q in doc["quotes"]:
            assert doc["text"][q["start"] : q["stop"]] == q["content"]


# Scraper text


@pytest.mark.parametrize(
    "text, expected",
    [
        ("«Да», — сказал он.", '"Да", - сказал он.'),
        ("„Нет“", '"Нет"'),
        ("“Нет”", '"Нет"'),
        ("‟Нет”", '"Нет"'),
        ("1941–1945", "1941-1945"),
        ("'как есть' - \"как есть\"", "'как есть' - \"как есть\""),
        ("", ""),
    ],
)
def test_to_ascii(text, expected):
    assert to_ascii(text) == expected


def test_to_ascii_keeps_offsets(dev):
    for doc in dev:
        text = to_ascii(doc["text"])
        assert len(text) == len(doc["text"])
        assert not set("«»„“”‟—–") & set(text)
        for q in doc["quotes"]:
            assert text[q["start"] : q["stop"]] == to_ascii(q["content"])
