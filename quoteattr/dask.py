"""Attributions of a Dask bag or dataframe of texts, computed where the data is.

Each partition goes through `quoteattr.pipe` in the worker that holds it, on
that process's shared default pipeline: the models load once per worker
process, on its first partition, and stay for the next ones. The result has
one record per attribution (the columns of `quoteattr.frame.COLUMNS`) and an
``error`` field, None on every attribution; a document that failed gives one
record with its ``doc_id`` and ``error`` set and everything else None, so that
nothing is lost silently. A document with no attribution gives no record.

Needs the extra: ``pip install 'quoteattr[dask]'``.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Iterator
from typing import Any

try:
    import dask.bag as db
    import dask.dataframe as dd
    import pandas as pd
except ImportError as error:  # pragma: no cover - exercised only without the extra
    raise ImportError("quoteattr.dask needs dask: pip install 'quoteattr[dask]'") from error

from .frame import COLUMNS, rows
from .pipeline import Failure, default

__all__ = ["RECORD_COLUMNS", "attribute_bag", "attribute_frame", "records"]

RECORD_COLUMNS = (*COLUMNS, "error")

# Offsets are nullable integers: an error record has none. Strings stay
# Python objects so that every pandas version builds the same frame.
_DTYPES = {
    "kind": "object",
    "text": "object",
    "start": "Int64",
    "stop": "Int64",
    "cue": "object",
    "cue_start": "Int64",
    "cue_stop": "Int64",
    "speaker": "object",
    "speaker_type": "object",
    "mention": "object",
    "mention_start": "Int64",
    "mention_stop": "Int64",
    "confidence": "float64",
    "content_confidence": "float64",
    "speaker_confidence": "float64",
    "error": "object",
}


def records(
    texts: Iterable[tuple[object, Hashable]], batch_size: int | None = None
) -> Iterator[dict[str, Any]]:
    """The records of ``(text, doc_id)`` pairs, in order, through the default pipeline."""
    results = default().pipe(texts, batch_size, as_tuples=True, errors="record")
    for result, doc_id in results:
        if isinstance(result, Failure):
            yield {**dict.fromkeys(RECORD_COLUMNS), "doc_id": doc_id, "error": result.error}
            continue
        for row in rows([result], [doc_id]):
            row["error"] = None
            yield row


# --- bags ----------------------------------------------------------------------


def attribute_bag(bag: db.Bag, *, batch_size: int | None = None) -> db.Bag:
    """A bag of record dicts, one per attribution, from a bag of texts.

    Elements are texts or ``(doc_id, text)`` pairs. A plain text's ``doc_id``
    is ``"PARTITION:POSITION"``, its place in the bag. Anything else (None,
    bytes) becomes an error record.
    """
    # One number per partition, zipped with it by map_partitions, so that
    # plain texts get ids that say where they were.
    numbers = db.range(bag.npartitions, npartitions=bag.npartitions)
    return bag.map_partitions(_bag_partition, numbers, batch_size=batch_size)


def _bag_partition(
    items: Iterable[Any], number: Iterable[int], batch_size: int | None
) -> list[dict[str, Any]]:
    (part,) = number
    pairs = (_pair(item, f"{part}:{i}") for i, item in enumerate(items))
    return list(records(pairs, batch_size))


def _pair(item: Any, place: str) -> tuple[object, Hashable]:
    if isinstance(item, tuple) and len(item) == 2:
        doc_id, text = item
        return text, doc_id
    return item, place


# --- dataframes ----------------------------------------------------------------


def attribute_frame(
    ddf: dd.DataFrame,
    text_column: str = "text",
    *,
    id_column: str | None = None,
    batch_size: int | None = None,
) -> dd.DataFrame:
    """A dataframe of records, one row per attribution, columns `RECORD_COLUMNS`.

    ``doc_id`` is the row's ``id_column``, or its index where none is named.
    A missing text (NaN, None) gives an error row.
    """
    id_dtype = ddf.index.dtype if id_column is None else ddf[id_column].dtype
    return ddf.map_partitions(
        _frame_partition,
        text_column=text_column,
        id_column=id_column,
        batch_size=batch_size,
        id_dtype=id_dtype,
        meta=_frame([], id_dtype),
        align_dataframes=False,
    )


def _frame_partition(
    part: pd.DataFrame,
    text_column: str,
    id_column: str | None,
    batch_size: int | None,
    id_dtype: Any,
) -> pd.DataFrame:
    ids = part.index if id_column is None else part[id_column]
    pairs = zip(part[text_column].tolist(), ids.tolist(), strict=True)
    return _frame(list(records(pairs, batch_size)), id_dtype)


def _frame(found: list[dict[str, Any]], id_dtype: Any) -> pd.DataFrame:
    frame = pd.DataFrame(found, columns=list(RECORD_COLUMNS))
    return frame.astype({**_DTYPES, "doc_id": id_dtype})
