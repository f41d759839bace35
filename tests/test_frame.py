"""Attributions as a DataFrame, and records back from their JSON form."""

from __future__ import annotations

import json
import sys

import pytest
from conftest import SEED, TESTS

import quoteattr
from quoteattr import Document, Quote, Span, Speaker, from_dict
from quoteattr.frame import COLUMNS, MISSING_PANDAS, rows

pd = pytest.importorskip("pandas")

CORPUS = TESTS / "data" / "corpus"
NAMES = ["seed", "factru_336", "factru_348", "nerel_train_11952"]


@pytest.fixture(scope="module")
def docs(analyze) -> dict[str, Document]:
    paths = {"seed": SEED.with_suffix(".txt")}
    paths.update({n: CORPUS / f"{n}.txt" for n in NAMES[1:]})
    return {n: analyze(p.read_text(encoding="utf-8")) for n, p in paths.items()}


# --- to_dataframe ---------------------------------------------------------------


def expected_row(doc_id, q: Quote) -> dict:
    m = q.speaker.mention if q.speaker else None
    return {
        "doc_id": doc_id,
        "kind": str(q.kind),
        "text": q.text,
        "start": q.start,
        "stop": q.stop,
        "cue": q.cue.text if q.cue else None,
        "cue_start": q.cue.start if q.cue else None,
        "cue_stop": q.cue.stop if q.cue else None,
        "speaker": q.speaker.name if q.speaker else None,
        "speaker_type": str(q.speaker.type) if q.speaker else None,
        "mention": m.text if m else None,
        "mention_start": m.start if m else None,
        "mention_stop": m.stop if m else None,
        "confidence": q.confidence,
        "content_confidence": q.content_confidence,
        "speaker_confidence": q.speaker_confidence,
    }


def plain(value):
    """A cell as a plain Python value: pandas' NA and NaN become None."""
    if value is pd.NA or (isinstance(value, float) and value != value):
        return None
    return value.item() if hasattr(value, "item") else value


def test_one_row_per_attribution_with_its_fields(docs):
    frame = quoteattr.to_dataframe(list(docs.values()), ids=list(docs))
    assert tuple(frame.columns) == COLUMNS
    expected = [expected_row(n, q) for n, d in docs.items() for q in d.quotes]
    assert len(frame) == len(expected) == sum(len(d.quotes) for d in docs.values())
    got = [{c: plain(v) for c, v in r.items()} for r in frame.to_dict("records")]
    assert got == expected
    # Kinds and types are plain strings, not the enums, so they group and filter as text.
    assert all(type(k) is str for k in frame["kind"])
    assert all(type(t) is str for t in frame["speaker_type"].dropna())
    assert set(frame["kind"]) <= {"direct", "indirect", "mixed"}


def test_missing_cue_and_speaker_are_missing_values_and_offsets_stay_integers(docs):
    bare = Document("Вывод: всё хорошо.", [Quote(7, 17, "всё хорошо", "indirect")])
    frame = quoteattr.to_dataframe([docs["factru_336"], bare])
    assert len(frame) == len(docs["factru_336"].quotes) + 1
    last = frame.iloc[-1]
    for column in ("cue", "cue_start", "cue_stop", "speaker", "speaker_type", "mention"):
        assert plain(last[column]) is None, column
    assert frame["speaker"].isna().sum() == 1
    for column in ("cue_start", "cue_stop", "mention_start", "mention_stop"):
        assert str(frame[column].dtype) == "Int64"
    assert str(frame["start"].dtype) == "int64"
    assert frame["cue_start"].iloc[0] == docs["factru_336"].quotes[0].cue.start


def test_document_to_dataframe_names_the_document(docs):
    doc = docs["seed"]
    assert list(doc.to_dataframe()["doc_id"]) == [0] * len(doc.quotes)
    frame = doc.to_dataframe(doc_id="seed.txt")
    assert set(frame["doc_id"]) == {"seed.txt"}
    assert list(frame["text"]) == [q.text for q in doc.quotes]


def test_default_ids_count_documents_and_accept_a_generator(docs):
    frame = quoteattr.to_dataframe(d for d in docs.values())
    counts = frame.groupby("doc_id").size().to_dict()
    assert counts == {i: len(d.quotes) for i, d in enumerate(docs.values()) if d.quotes}


@pytest.mark.parametrize(
    ("docs_", "ids", "rows_"),
    [
        pytest.param([], None, 0, id="no-documents"),
        pytest.param([Document("Без цитат.")], ["a"], 0, id="no-quotes"),
        pytest.param(Document("Без цитат."), None, 0, id="a-single-document"),
    ],
)
def test_empty_results_keep_the_columns(docs_, ids, rows_):
    frame = quoteattr.to_dataframe(docs_, ids=ids)
    assert tuple(frame.columns) == COLUMNS and len(frame) == rows_


def test_ids_must_match_the_documents():
    with pytest.raises(ValueError, match="1 ids for 2 documents"):
        quoteattr.to_dataframe([Document("a"), Document("b")], ids=["a"])


def test_rows_need_no_pandas(monkeypatch, docs):
    monkeypatch.setitem(sys.modules, "pandas", None)  # `import pandas` now fails
    assert [r["text"] for r in rows(docs["seed"])] == [q.text for q in docs["seed"].quotes]


@pytest.mark.parametrize(
    "call",
    [
        pytest.param(lambda doc: quoteattr.to_dataframe([doc]), id="function"),
        pytest.param(lambda doc: doc.to_dataframe(), id="method"),
    ],
)
def test_without_pandas_the_error_says_what_to_install(monkeypatch, docs, call):
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError) as info:
        call(docs["seed"])
    assert str(info.value) == MISSING_PANDAS
    assert str(info.value) == "to_dataframe needs pandas: pip install 'quoteattr[pandas]'"


# --- from_dict ----------------------------------------------------------------------


def records(doc: Document) -> list:
    """The document and every record inside it."""
    out: list = [doc]
    for q in doc.quotes:
        out.append(q)
        if q.cue:
            out.append(q.cue)
        if q.speaker:
            out.append(q.speaker)
            if q.speaker.mention:
                out.append(q.speaker.mention)
    return out


@pytest.mark.parametrize("name", NAMES)
def test_every_record_of_a_real_document_round_trips_through_json(docs, name):
    found = records(docs[name])
    assert {type(r) for r in found} == {Document, Quote, Span, Speaker}
    for record in found:
        back = from_dict(json.loads(json.dumps(record.to_dict(), ensure_ascii=False)))
        assert type(back) is type(record)
        assert back == record


def test_a_document_round_trips_through_json_lines(docs):
    line = "\n".join(json.dumps(d.to_dict(), ensure_ascii=False) for d in docs.values())
    back = [from_dict(json.loads(x)) for x in line.splitlines()]
    assert back == list(docs.values())
    # The enums come back as enums, not as the strings JSON holds.
    assert all(isinstance(q.kind, quoteattr.Kind) for d in back for q in d.quotes)
    assert all(
        isinstance(q.speaker.type, quoteattr.SpeakerType)
        for d in back
        for q in d.quotes
        if q.speaker
    )


@pytest.mark.parametrize(
    ("data", "error"),
    [
        pytest.param({"start": 1, "stop": 2}, ValueError, id="not-a-record"),
        pytest.param({}, ValueError, id="empty"),
        pytest.param([1, 2], TypeError, id="not-a-mapping"),
    ],
)
def test_from_dict_rejects_what_is_not_a_record(data, error):
    with pytest.raises(error):
        from_dict(data)
