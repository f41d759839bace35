"""quoteattr.dask on a real two-process Dask cluster on loopback.

Each worker process loads the models once; the records must equal the
serial run, and a document that fails must come back as an error record.
"""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("dask")
pytest.importorskip("distributed")
pd = pytest.importorskip("pandas")

import dask.bag as db  # noqa: E402
import dask.dataframe as dd  # noqa: E402
from distributed import Client, LocalCluster  # noqa: E402

import quoteattr  # noqa: E402
from quoteattr.dask import RECORD_COLUMNS, attribute_bag, attribute_frame  # noqa: E402
from quoteattr.frame import rows  # noqa: E402

CORPUS = Path(__file__).resolve().parent / "data" / "corpus"
PATHS = sorted(CORPUS.glob("*.txt"))
ERROR = "TypeError: quoteattr expects text as str, got NoneType"


@pytest.fixture(scope="module")
def client():
    cluster = LocalCluster(
        n_workers=2,
        processes=True,
        threads_per_worker=1,
        host="127.0.0.1",
        dashboard_address=None,
    )
    with cluster, Client(cluster) as client:
        yield client


@pytest.fixture(scope="module")
def articles() -> list[tuple[str, str]]:
    return [(p.stem, p.read_text(encoding="utf-8")) for p in PATHS]


def serial(articles: list[tuple[str, str | None]], error: str = ERROR) -> list[dict]:
    """The records `analyze` gives, one document at a time, in this process."""
    out = []
    for doc_id, text in articles:
        if text is None:
            out.append({**dict.fromkeys(RECORD_COLUMNS), "doc_id": doc_id, "error": error})
            continue
        for row in rows(quoteattr.analyze(text), [doc_id]):
            out.append({**row, "error": None})
    return out


def test_a_bag_of_pairs_gives_the_serial_records(client, articles):
    items = [*articles, ("missing", None)]
    bag = db.from_sequence(items, npartitions=2)
    got = attribute_bag(bag).compute()
    assert got == serial(items)
    assert got[-1]["doc_id"] == "missing" and got[-1]["error"] == ERROR
    # Both workers did some of it, each with its own models.
    assert len(client.has_what()) == 2


def test_plain_texts_are_named_by_partition_and_position(client, articles):
    texts = [text for _, text in articles[:3]]
    got = attribute_bag(db.from_sequence(texts, npartitions=2), batch_size=1).compute()
    ids = ["0:0", "0:1", "1:0"]  # from_sequence puts two texts in the first partition
    assert got == serial(list(zip(ids, texts, strict=True)))


def test_a_dataframe_gives_the_serial_rows(client, articles):
    frame = pd.DataFrame(
        {"id": [a for a, _ in articles] + ["missing"], "body": [t for _, t in articles] + [None]}
    )
    ddf = dd.from_pandas(frame, npartitions=2)
    got = attribute_frame(ddf, text_column="body", id_column="id").compute()
    assert list(got.columns) == list(RECORD_COLUMNS)
    # A missing value is whatever the column's dtype makes it: None, NaN or NA.
    missing = got["error"].dropna().tolist()
    assert len(missing) == 1 and missing[0].startswith("TypeError: quoteattr expects text")
    assert plain(got) == serial([*articles, ("missing", None)], missing[0])


def plain(frame) -> list[dict]:
    """The rows as dicts, with pandas' missing values read as None."""
    frame = frame.reset_index(drop=True).astype(object)
    return frame.where(frame.notna(), None).to_dict("records")
