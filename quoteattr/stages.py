"""The stages themselves, each over one document or a batch's sentences:
marks and sentences, the taggers, cues, claims and the decisions, and the
records they end in. `pipeline` runs them in order.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

import attrs

from . import confidence, cues, decide, marks, nlp, nouns
from . import upstream as _upstream
from .claims import Claim, Context
from .content import extract
from .cues import Cue
from .marks import Quoted
from .records import Document, Quote, Span, Speaker
from .text import Sentence, segment

_QUOTE_MARKS = set("«»„“”\"'‘’")


@attrs.define(slots=True, eq=False)
class _Doc:
    """One document between the stages."""

    text: str
    view: str  # same length as text: typographic marks, for the models
    quoted: list[Quoted]  # outermost pairs
    sents: list[Sentence]
    cues: list[list[Cue]] = attrs.field(factory=list)
    names: list[list[tuple[int, int, str]]] | None = None  # None: NER still to run


def _tag_ner(docs: list[_Doc]) -> None:
    """Names, sought only in sentences that may hold one: a sentence with no
    proper noun, no capital past its first word and no Latin letter has none
    (about a quarter of news sentences)."""
    chosen = [[s for s in doc.sents if _may_name(s)] for doc in docs]
    for doc, sents, names in zip(docs, chosen, nlp.tag_ner(chosen), strict=True):
        found = {s.index: n for s, n in zip(sents, names, strict=True)}
        doc.names = [found.get(s.index, []) for s in doc.sents]


def _may_name(sent: Sentence) -> bool:
    for i, token in enumerate(sent.tokens):
        text = token.text
        # (A lower-case word holds no capital: most words are asked only that.)
        capital = not text.islower() and any(c.isupper() for c in text)
        if token.pos == "PROPN" or (i > 0 and capital):
            return True  # (`аль-Моджеб`: the capital need not come first)
        if _LATIN.search(text):
            return True
    return False


_LATIN = re.compile("[a-zA-Z]")


def _tag_morph(sents: list[Sentence]) -> None:
    if sents:
        nlp.tag_morph(sents)


def _parse_syntax(sents: list[Sentence]) -> None:
    if sents:
        nlp.parse_syntax(sents)


def _untagged(sent: Sentence) -> bool:
    return any(t.pos is None for t in sent.tokens)


def _prepare(text: Any) -> _Doc:
    if isinstance(text, str):
        upstream = None
    else:
        upstream, text = text, text.text
    quoted = marks.find_quoted(text)
    view = marks.typographic(text, quoted)
    outer = [q for q in quoted if q.depth == 0]
    sents = _upstream.sentences(upstream, view) if upstream is not None else None
    if sents is None:
        return _Doc(text, view, outer, segment(view))
    return _Doc(text, view, outer, sents, names=_upstream.spans(upstream, sents))


def _find_cues(doc: _Doc) -> _Doc:
    doc.cues = [cues.find(s) for s in doc.sents]
    return doc


def _release(doc: _Doc) -> None:
    """A finished document's (or window's) tokens, freed now (a token and its
    sentence hold each other: only the cyclic collector would undo that)."""
    for sent in doc.sents:
        sent.tokens = []


def _needing_syntax(doc: _Doc) -> Iterator[Sentence]:
    """Sentences whose parse a later stage may read: a cue, a mark or a noun
    that brings in a clause (`появилась информация о том, что`) is in them."""
    for sent, found in zip(doc.sents, doc.cues, strict=True):
        if found or _has_marks(sent) or nouns.may_hold(sent):
            yield sent


def _has_marks(sent: Sentence) -> bool:
    return any(t.text in _QUOTE_MARKS or t.text == ":" or t.text in "—–" for t in sent.tokens)


def _draft(doc: _Doc) -> tuple[Context, list[Claim]]:
    ctx = Context(doc.text, doc.view, doc.sents, doc.quoted, doc.names, doc.cues)
    return ctx, extract(ctx)


def _document(doc: _Doc) -> Document:
    ctx, claims = _draft(doc)
    claims = decide.trim(claims)
    return assemble(ctx, claims, decide.choices(ctx, claims))


def assemble(
    ctx: Context, claims: list[Claim], speakers: Sequence[Speaker | decide.Choice | None]
) -> Document:
    """The result records of a document's claims and their chosen speakers
    (a `decide.Choice` also says how clearly it won, for the confidence)."""
    text = ctx.text
    quotes = []
    for claim, chosen in zip(claims, speakers, strict=True):
        if not isinstance(chosen, decide.Choice):
            chosen = decide.Choice(chosen)
        speaker = chosen.speaker
        sure = confidence.estimate(text, claim, chosen)
        cue = None
        if claim.cue is not None:
            cue = Span(claim.cue.start, claim.cue.stop, text[claim.cue.start : claim.cue.stop])
        quotes.append(
            Quote(
                claim.start,
                claim.stop,
                text[claim.start : claim.stop],
                claim.kind,
                cue,
                speaker,
                sure.confidence,
                sure.content,
                sure.speaker,
            )
        )
    return Document(text, quotes)
