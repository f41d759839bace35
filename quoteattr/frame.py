"""Attributions as a table: plain rows, or a pandas DataFrame.

pandas is an optional extra (``quoteattr[pandas]``), imported only when a
DataFrame is asked for, so the library itself never needs it.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from .records import Document, Quote

if TYPE_CHECKING:
    import pandas

__all__ = ["COLUMNS", "row", "rows", "to_dataframe"]

COLUMNS = (
    "doc_id",
    "kind",
    "text",
    "start",
    "stop",
    "cue",
    "cue_start",
    "cue_stop",
    "speaker",
    "speaker_type",
    "mention",
    "mention_start",
    "mention_stop",
    "confidence",
    "content_confidence",
    "speaker_confidence",
)

# Offsets of a cue or mention may be missing: pandas' nullable integer keeps
# them integers where a plain column would turn them into floats for NaN.
_DTYPES = {
    "start": "int64",
    "stop": "int64",
    "cue_start": "Int64",
    "cue_stop": "Int64",
    "mention_start": "Int64",
    "mention_stop": "Int64",
    # None (unknown confidence) becomes NaN: below every threshold.
    "confidence": "float64",
    "content_confidence": "float64",
    "speaker_confidence": "float64",
}

MISSING_PANDAS = "to_dataframe needs pandas: pip install 'quoteattr[pandas]'"


def rows(
    docs: Document | Iterable[Document], ids: Iterable[Hashable] | None = None
) -> Iterator[dict[str, Any]]:
    """One dict per attribution, keyed by ``COLUMNS``, documents in order.

    ``ids`` name the documents (default 0, 1, 2, …) and must be as many as
    they are. Kinds and speaker types are plain strings; what a quote lacks
    (cue, speaker, mention) is None.
    """
    if isinstance(docs, Document):
        docs = [docs]
    docs = list(docs)
    names = list(range(len(docs))) if ids is None else list(ids)
    if len(names) != len(docs):
        raise ValueError(f"{len(names)} ids for {len(docs)} documents")
    for doc_id, doc in zip(names, docs, strict=True):
        for q in doc.quotes:
            yield row(doc_id, q)


def row(doc_id: Hashable, q: Quote) -> dict[str, Any]:
    """One attribution as a flat dict keyed by ``COLUMNS``; what it lacks is None."""
    cue, speaker = q.cue, q.speaker
    mention = speaker.mention if speaker else None
    return {
        "doc_id": doc_id,
        "kind": q.kind.value,
        "text": q.text,
        "start": q.start,
        "stop": q.stop,
        "cue": cue.text if cue else None,
        "cue_start": cue.start if cue else None,
        "cue_stop": cue.stop if cue else None,
        "speaker": speaker.name if speaker else None,
        "speaker_type": speaker.type.value if speaker else None,
        "mention": mention.text if mention else None,
        "mention_start": mention.start if mention else None,
        "mention_stop": mention.stop if mention else None,
        "confidence": q.confidence,
        "content_confidence": q.content_confidence,
        "speaker_confidence": q.speaker_confidence,
    }


def to_dataframe(
    docs: Document | Iterable[Document], ids: Iterable[Hashable] | None = None
) -> pandas.DataFrame:
    """A DataFrame with one row per attribution of ``docs`` and the columns ``COLUMNS``.

    ``ids`` fill the ``doc_id`` column (default 0, 1, 2, …). Needs pandas.
    """
    pd = _pandas()
    frame = pd.DataFrame(list(rows(docs, ids)), columns=list(COLUMNS))
    return frame.astype(_DTYPES)


def _pandas() -> Any:
    try:
        import pandas
    except ImportError as error:
        raise ImportError(MISSING_PANDAS) from error
    return pandas
