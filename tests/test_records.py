"""The result records: plain-data round trip, immutability, enum behaviour."""

from __future__ import annotations

import json

import attrs
import pytest

from quoteattr import Document, Kind, Quote, Span, Speaker, SpeakerType

TEXT = (
    "Президент РФ Владимир Путин заявил, что Россия готова к переговорам. "
    "«Мы никогда от них не отказывались», — сказал он."
)
PUTIN = Speaker(
    "Владимир Путин",
    SpeakerType.PERSON,
    Span(13, 27, "Владимир Путин"),
    ("Президент РФ Владимир Путин", "Путин"),
)
INDIRECT = Quote(
    40, 67, "Россия готова к переговорам", Kind.INDIRECT, Span(28, 34, "заявил"), PUTIN, 0.9
)
DIRECT = Quote(
    70,
    103,
    "Мы никогда от них не отказывались",
    "direct",
    Span(108, 114, "сказал"),
    attrs.evolve(PUTIN, mention=Span(115, 117, "он")),
)
BARE = Quote(0, 5, "Вывод", "mixed")

RECORDS = [
    pytest.param(Span(28, 34, "заявил"), id="span"),
    pytest.param(PUTIN, id="speaker"),
    pytest.param(Speaker("источник в правительстве", "anonymous"), id="speaker-bare"),
    pytest.param(INDIRECT, id="quote-indirect"),
    pytest.param(DIRECT, id="quote-direct"),
    pytest.param(BARE, id="quote-no-cue-no-speaker"),
    pytest.param(Document(TEXT, [INDIRECT, DIRECT]), id="document"),
    pytest.param(Document(""), id="document-empty"),
]


def test_the_sample_records_are_consistent():
    for q in (INDIRECT, DIRECT):
        assert TEXT[q.start : q.stop] == q.text
        assert TEXT[q.cue.start : q.cue.stop] == q.cue.text
        mention = q.speaker.mention
        assert TEXT[mention.start : mention.stop] == mention.text


@pytest.mark.parametrize("record", RECORDS)
def test_to_dict_json_from_dict_round_trip(record):
    data = json.loads(json.dumps(record.to_dict(), ensure_ascii=False))
    back = type(record).from_dict(data)
    assert back == record
    assert back.to_dict() == record.to_dict()
    assert hash(back) == hash(record)


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        pytest.param(
            Span(28, 34, "заявил"), {"start": 28, "stop": 34, "text": "заявил"}, id="span"
        ),
        pytest.param(
            PUTIN,
            {
                "name": "Владимир Путин",
                "type": "person",
                "mention": {"start": 13, "stop": 27, "text": "Владимир Путин"},
                "aliases": ["Президент РФ Владимир Путин", "Путин"],
            },
            id="speaker",
        ),
        pytest.param(
            BARE,
            {
                "start": 0,
                "stop": 5,
                "text": "Вывод",
                "kind": "mixed",
                "cue": None,
                "speaker": None,
                "confidence": None,
                "content_confidence": None,
                "speaker_confidence": None,
            },
            id="quote",
        ),
    ],
)
def test_to_dict_is_plain_json_data(record, expected):
    data = record.to_dict()
    assert data == expected
    # Plain types only: enums become their string values.
    assert json.loads(json.dumps(data)) == expected
    if "kind" in data:
        assert type(data["kind"]) is str
    if "type" in data:
        assert type(data["type"]) is str


def test_from_dict_defaults():
    quote = Quote.from_dict({"start": 0, "stop": 5, "text": "Вывод", "kind": "direct"})
    assert quote == Quote(0, 5, "Вывод", Kind.DIRECT)
    assert quote.cue is None and quote.speaker is None
    # A record without a confidence is of unknown confidence, not certain.
    assert quote.confidence is None and not quote.at_least(0.0)
    speaker = Speaker.from_dict({"name": "Кремль", "type": "organization"})
    assert speaker == Speaker("Кремль", SpeakerType.ORGANIZATION)
    assert speaker.mention is None and speaker.aliases == ()
    assert Document.from_dict({"text": "Текст."}) == Document("Текст.")


def test_real_documents_round_trip(analyze, seed_doc):
    docs = [
        seed_doc,
        analyze(TEXT),
        analyze("«Мы готовы, — сказал министр. — Но не сейчас»."),
        analyze(""),
    ]
    assert any(d.quotes for d in docs)
    for doc in docs:
        data = json.loads(json.dumps(doc.to_dict(), ensure_ascii=False))
        back = Document.from_dict(data)
        assert back == doc
        for q, q_back in zip(doc.quotes, back.quotes, strict=True):
            assert Quote.from_dict(q.to_dict()) == q == q_back
            assert isinstance(q_back.kind, Kind)
            if q_back.speaker is not None:
                assert isinstance(q_back.speaker.type, SpeakerType)
                assert isinstance(q_back.speaker.aliases, tuple)


# --- immutability --------------------------------------------------------------


@pytest.mark.parametrize(
    ("record", "field", "value"),
    [
        pytest.param(Span(28, 34, "заявил"), "start", 0, id="span"),
        pytest.param(PUTIN, "name", "Путин", id="speaker-name"),
        pytest.param(PUTIN, "aliases", (), id="speaker-aliases"),
        pytest.param(INDIRECT, "kind", Kind.DIRECT, id="quote-kind"),
        pytest.param(INDIRECT, "speaker", None, id="quote-speaker"),
        pytest.param(INDIRECT, "confidence", 0.1, id="quote-confidence"),
        pytest.param(Document(TEXT, [INDIRECT]), "quotes", (), id="document-quotes"),
        pytest.param(Document(TEXT), "text", "", id="document-text"),
    ],
)
def test_records_are_frozen(record, field, value):
    before = record.to_dict()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setattr(record, field, value)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        delattr(record, field)
    assert record.to_dict() == before


@pytest.mark.parametrize("record", RECORDS)
def test_records_take_no_new_attributes(record):
    with pytest.raises((AttributeError, attrs.exceptions.FrozenInstanceError)):
        record.note = "x"


def test_collections_are_tuples():
    speaker = Speaker("Кремль", "organization", aliases=["Администрация президента"])
    assert speaker.aliases == ("Администрация президента",)
    doc = Document(TEXT, [INDIRECT, DIRECT])
    assert doc.quotes == (INDIRECT, DIRECT)
    with pytest.raises(TypeError):
        doc.quotes[0] = DIRECT  # type: ignore[index]


def test_evolve_copies_and_leaves_the_original():
    changed = attrs.evolve(INDIRECT, confidence=0.5)
    assert changed.confidence == 0.5 and INDIRECT.confidence == 0.9
    assert changed != INDIRECT


def test_records_are_hashable_values():
    assert len({INDIRECT, Quote.from_dict(INDIRECT.to_dict()), DIRECT}) == 2
    assert Document(TEXT, [INDIRECT]) == Document(TEXT, (INDIRECT,))


# --- enums --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "member"),
    [("direct", Kind.DIRECT), ("indirect", Kind.INDIRECT), ("mixed", Kind.MIXED)],
)
def test_kind_is_a_str_enum(value, member):
    assert member == value
    assert str(member) == value
    assert f"{member}" == value
    assert Quote(0, 1, "x", value).kind is member
    assert json.dumps(member) == json.dumps(value)


@pytest.mark.parametrize(
    ("value", "member"),
    [
        ("person", SpeakerType.PERSON),
        ("organization", SpeakerType.ORGANIZATION),
        ("anonymous", SpeakerType.ANONYMOUS),
    ],
)
def test_speaker_type_is_a_str_enum(value, member):
    assert member == value
    assert str(member) == value
    assert Speaker("X", value).type is member


@pytest.mark.parametrize(
    "make",
    [
        pytest.param(lambda: Quote(0, 1, "x", "quoted"), id="kind"),
        pytest.param(lambda: Speaker("X", "people"), id="speaker-type"),
        pytest.param(
            lambda: Quote.from_dict({"start": 0, "stop": 1, "text": "x", "kind": "Direct"}),
            id="kind-case",
        ),
    ],
)
def test_unknown_enum_values_are_rejected(make):
    with pytest.raises(ValueError):
        make()


@pytest.mark.parametrize(
    ("confidence", "threshold", "expected"),
    [
        (0.95, 0.9, True),
        (0.9, 0.9, True),
        (0.89, 0.9, False),
        (None, 0.0, False),
        (None, None, True),
        (0.1, None, True),
    ],
)
def test_at_least(confidence, threshold, expected):
    quote = Quote(0, 5, "Вывод", Kind.DIRECT, confidence=confidence)
    assert quote.at_least(threshold) is expected
