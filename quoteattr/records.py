"""Result records: immutable, with offsets into the original text."""

from __future__ import annotations

import enum
import unicodedata
from collections.abc import Hashable, Mapping
from typing import Any

import attrs


def normalize(name: str) -> str:
    """Lower case, ё→е, punctuation to spaces, white space collapsed.

    The form in which speaker names are compared (scoring) and grouped
    (rendering). Here, at the bottom of the package, so that both can use it
    without importing each other.
    """
    name = name.lower().replace("ё", "е")
    # A space rather than nothing, so that "Д.Медведев" keeps its surname apart.
    name = "".join(" " if unicodedata.category(c).startswith("P") else c for c in name)
    return " ".join(name.split())


class Kind(str, enum.Enum):
    """How the words are reported. Compares equal to its plain string value."""

    DIRECT = "direct"
    INDIRECT = "indirect"
    MIXED = "mixed"

    def __str__(self) -> str:
        return self.value


class SpeakerType(str, enum.Enum):
    PERSON = "person"
    ORGANIZATION = "organization"
    ANONYMOUS = "anonymous"

    def __str__(self) -> str:
        return self.value


@attrs.frozen(slots=True)
class Span:
    """A stretch of the input: ``text == doc.text[start:stop]``."""

    start: int
    stop: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "stop": self.stop, "text": self.text}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Span:
        return cls(data["start"], data["stop"], data["text"])


@attrs.frozen(slots=True)
class Speaker:
    """Who made the statement.

    ``name`` is canonical (nominative, the fullest form the document gives);
    ``mention`` is the mention nearest the cue, exactly as written.
    """

    name: str
    type: SpeakerType = attrs.field(converter=SpeakerType)
    mention: Span | None = None
    aliases: tuple[str, ...] = attrs.field(default=(), converter=tuple)

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "type": self.type.value,
            "mention": self.mention.to_dict() if self.mention else None,
            "aliases": list(self.aliases),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Speaker:
        mention = data.get("mention")
        return cls(
            name=data["name"],
            type=data["type"],
            mention=Span.from_dict(mention) if mention else None,
            aliases=data.get("aliases", ()),
        )


@attrs.frozen(slots=True)
class Quote:
    """One attribution: the reported content, its cue and its speaker.

    ``confidence`` is the calibrated probability that the attribution is
    right end to end (content and speaker, as the gold scoring counts);
    ``content_confidence`` that the content is right, ``speaker_confidence``
    that the speaker is, given the content. None means unknown (a record
    read back without them, or no model shipped): never certain, and below
    every ``min_confidence``.
    """

    start: int
    stop: int
    text: str
    kind: Kind = attrs.field(converter=Kind)
    cue: Span | None = None
    speaker: Speaker | None = None
    confidence: float | None = None
    content_confidence: float | None = None
    speaker_confidence: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "stop": self.stop,
            "text": self.text,
            "kind": self.kind.value,
            "cue": self.cue.to_dict() if self.cue else None,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "confidence": self.confidence,
            "content_confidence": self.content_confidence,
            "speaker_confidence": self.speaker_confidence,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Quote:
        cue = data.get("cue")
        speaker = data.get("speaker")
        return cls(
            start=data["start"],
            stop=data["stop"],
            text=data["text"],
            kind=data["kind"],
            cue=Span.from_dict(cue) if cue else None,
            speaker=Speaker.from_dict(speaker) if speaker else None,
            confidence=data.get("confidence"),
            content_confidence=data.get("content_confidence"),
            speaker_confidence=data.get("speaker_confidence"),
        )

    def at_least(self, threshold: float | None) -> bool:
        """Whether the confidence reaches `threshold` (None: no threshold).
        An unknown confidence reaches none."""
        if threshold is None:
            return True
        return self.confidence is not None and self.confidence >= threshold


@attrs.frozen(slots=True)
class Document:
    """The input text, unchanged, and its attributions in text order."""

    text: str
    quotes: tuple[Quote, ...] = attrs.field(default=(), converter=tuple)

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "quotes": [q.to_dict() for q in self.quotes]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        return cls(data["text"], [Quote.from_dict(q) for q in data.get("quotes", ())])

    def filtered(self, min_confidence: float) -> Document:
        """The document with only the quotes whose confidence reaches `min_confidence`."""
        return attrs.evolve(self, quotes=[q for q in self.quotes if q.at_least(min_confidence)])

    def _repr_html_(self) -> str:
        """The article with its quotes highlighted and a who-said-what table (Jupyter)."""
        # Imported here: rendering is for notebooks, not for every import.
        from .render import document

        return document(self)

    def to_dataframe(self, doc_id: Hashable = 0) -> Any:
        """One row per attribution, as ``quoteattr.to_dataframe([self], ids=[doc_id])``."""
        from .frame import to_dataframe

        return to_dataframe([self], ids=[doc_id])


def from_dict(data: Mapping[str, Any]) -> Document | Quote | Speaker | Span:
    """The record whose ``to_dict()`` gave ``data``: a Document, Quote, Speaker or Span.

    Told apart by their keys, so that JSON output can be read back without
    knowing what it holds.
    """
    if not isinstance(data, Mapping):
        raise TypeError(f"from_dict expects a mapping, got {type(data).__name__}")
    data = dict(data)
    if "quotes" in data:
        return Document.from_dict(data)
    if "kind" in data:
        return Quote.from_dict(data)
    if "name" in data:
        return Speaker.from_dict(data)
    if {"start", "stop", "text"} <= data.keys():
        return Span.from_dict(data)
    raise ValueError(f"not a quoteattr record: keys {sorted(data)}")
