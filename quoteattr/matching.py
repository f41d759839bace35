"""When a predicted quote matches a gold one, and when its speaker is acceptable.

The spans, the one-to-one matching by Jaccard, the speaker check and the
records built from gold's plain data, by the "Scoring" section of the
guidelines (see ``evaluate.py`` for the rules in full).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from quoteattr.records import (
    Document,
    Kind,
    Quote,
    Span,
    Speaker,
    SpeakerType,
    normalize,
)

# The table's rows: overall matches all quotes, a group only its own kinds.
OVERALL = "overall"
DIRECT = "direct"
INDIRECT = "indirect+mixed"
GROUPS = (OVERALL, DIRECT, INDIRECT)
KINDS = (DIRECT, INDIRECT)


def _group(kind: Kind) -> str:
    return DIRECT if kind == Kind.DIRECT else INDIRECT


# Spans


def is_trimmed(char: str) -> bool:
    """White space or Unicode punctuation: quote marks, dashes, stops, brackets."""
    return char.isspace() or unicodedata.category(char).startswith("P")


def trim(start: int, stop: int, text: str) -> tuple[int, int]:
    """Move ``start`` and ``stop`` inward over trimmed chars of ``text``.

    ``text`` is the span's own text (``doc.text[start:stop]``). An all-punctuation
    span trims to an empty one at its stop.
    """
    left, right = 0, len(text)
    while left < right and is_trimmed(text[left]):
        left += 1
    while right > left and is_trimmed(text[right - 1]):
        right -= 1
    if left == right:
        return stop, stop
    return start + left, start + right


def overlap(a: tuple[int, int], b: tuple[int, int]) -> tuple[int, int]:
    """Intersection and union sizes of two character ranges."""
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = (a[1] - a[0]) + (b[1] - b[0]) - inter
    return inter, union


def jaccard(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter, union = overlap(a, b)
    return inter / union if union else 0.0


def match(
    gold: Sequence[Quote | Mapping[str, Any]],
    predicted: Sequence[Quote | Mapping[str, Any]],
) -> list[tuple[int, int]]:
    """Pair gold and predicted quotes of one document: ``(gold_index, pred_index)``.

    Every pair with Jaccard >= 0.5 is a candidate; candidates are taken by
    descending Jaccard, ties by the trimmed gold offsets, then the trimmed
    predicted offsets, then the indexes, and a quote already taken is
    skipped. Returned in gold order.
    """
    gold_spans = [_trimmed(as_quote(q)) for q in gold]
    pred_spans = [_trimmed(as_quote(q)) for q in predicted]
    return _assign(gold_spans, pred_spans, _half)


def _half(inter: int, union: int) -> bool:
    # Integers, so that exactly one half passes whatever the float rounding.
    return 2 * inter >= union


def _touching(inter: int, union: int) -> bool:
    return inter > 0


def _assign(
    gold_spans: Sequence[tuple[int, int]],
    pred_spans: Sequence[tuple[int, int]],
    accept: Callable[[int, int], bool],
) -> list[tuple[int, int]]:
    """The greedy one-to-one pairing of ``match``, over pairs that ``accept`` takes."""
    candidates = []
    for i, g in enumerate(gold_spans):
        for j, p in enumerate(pred_spans):
            inter, union = overlap(g, p)
            if union and accept(inter, union):
                candidates.append((-inter / union, g, p, i, j))
    candidates.sort()
    pairs = []
    gold_used: set[int] = set()
    pred_used: set[int] = set()
    for _, _, _, i, j in candidates:
        if i not in gold_used and j not in pred_used:
            gold_used.add(i)
            pred_used.add(j)
            pairs.append((i, j))
    return sorted(pairs)


def _match_within(
    gold_spans: Sequence[tuple[int, int]],
    pred_spans: Sequence[tuple[int, int]],
    gold_ids: Sequence[int],
    pred_ids: Sequence[int],
    accept: Callable[[int, int], bool] = _half,
) -> list[tuple[int, int]]:
    """``_assign`` over a subset of each side, in the indexes of the whole."""
    pairs = _assign([gold_spans[i] for i in gold_ids], [pred_spans[j] for j in pred_ids], accept)
    return [(gold_ids[i], pred_ids[j]) for i, j in pairs]


def _trimmed(quote: Quote) -> tuple[int, int]:
    return trim(quote.start, quote.stop, quote.text)


# Speakers


def same_speaker(
    pred_name: str | None, gold: Speaker | Mapping[str, Any] | None, *, surname: bool = True
) -> bool:
    """Whether a predicted speaker name is acceptable for the gold speaker.

    It is when, normalised, it equals the gold name or an alias, contains one
    of them as whole words, or, for a person, ends with the same word as the
    gold name or an alias (the surname: "Путин" for "Владимир Путин").
    A gold ``None`` accepts only a predicted ``None``. ``surname=False``
    leaves the last rule out: the same surname is then not enough.
    """
    if gold is None or pred_name is None:
        return gold is None and pred_name is None
    gold = as_speaker(gold)
    pred = normalize(pred_name).split()
    if not pred:
        return False
    names = [normalize(n).split() for n in (gold.name, *gold.aliases)]
    names = [n for n in names if n]
    if any(_contains(pred, n) for n in names):
        return True
    return surname and gold.type == SpeakerType.PERSON and any(pred[-1] == n[-1] for n in names)


def _contains(words: list[str], part: list[str]) -> bool:
    size = len(part)
    return any(words[i : i + size] == part for i in range(len(words) - size + 1))


# Records from plain data


def as_quote(data: Quote | Mapping[str, Any]) -> Quote:
    """A ``Quote`` from a record, its ``to_dict`` form or a gold jsonl quote."""
    if isinstance(data, Quote):
        return data
    if "content" not in data:
        return Quote.from_dict(data)
    cue = None
    if data.get("cue") is not None and data.get("cue_start") is not None:
        cue = Span(data["cue_start"], data["cue_stop"], data["cue"])
    speaker = data.get("speaker")
    return Quote(
        start=data["start"],
        stop=data["stop"],
        text=data["content"],
        kind=data["kind"],
        cue=cue,
        speaker=as_speaker(speaker) if speaker else None,
    )


def as_speaker(data: Speaker | Mapping[str, Any]) -> Speaker:
    """A ``Speaker`` from a record, its ``to_dict`` form or a gold jsonl speaker."""
    if isinstance(data, Speaker):
        return data
    mention = data.get("mention")
    if isinstance(mention, str):
        # Gold keeps the mention as a string, its offsets beside it.
        start = data.get("mention_start")
        return Speaker(
            name=data["name"],
            type=data["type"],
            mention=Span(start, data["mention_stop"], mention) if start is not None else None,
            aliases=data.get("aliases", ()),
        )
    return Speaker.from_dict(data)


def quotes_of(doc: Document | Mapping[str, Any] | Iterable[Any]) -> list[Quote]:
    """The quotes of a ``Document``, of its dict form, or of a plain list."""
    if isinstance(doc, Document):
        items: Iterable[Any] = doc.quotes
    elif isinstance(doc, Mapping):
        items = doc.get("quotes", ())
    else:
        items = doc
    return [as_quote(q) for q in items]


def _name(speaker: Speaker | None) -> str | None:
    return speaker.name if speaker else None
