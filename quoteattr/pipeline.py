"""The chain of stages, top to bottom.

    text ─ marks ─ segment ─ morph ─ cues ─ syntax ─ NER ─ claims ─ speakers ─ Document

Every stage works on the sentences of a whole batch of documents, so that
natasha's taggers see many sentences per call; a sentence with no cue and
no quote mark skips the syntax parser.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator

from . import coref, cues, marks, nlp
from .content import Context, extract
from .records import Document, Quote, Span
from .text import Sentence, segment

_QUOTE_MARKS = set("«»„“”\"'‘’")


class Pipeline:
    """Text in, attributions out. Models load on first use, once per process."""

    def __init__(self, *, batch_size: int = 32) -> None:
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        self.batch_size = batch_size

    def __call__(self, text: str) -> Document:
        return next(iter(self.pipe([text])))

    def pipe(self, texts: Iterable[str], batch_size: int | None = None) -> Iterator[Document]:
        """Documents for `texts`, in input order."""
        size = batch_size or self.batch_size
        batch: list[str] = []
        for text in texts:
            batch.append(_checked(text))
            if len(batch) >= size:
                yield from self._run(batch)
                batch = []
        if batch:
            yield from self._run(batch)

    def _run(self, texts: list[str]) -> list[Document]:
        quoted = [marks.find_quoted(t) for t in texts]
        views = [marks.typographic(t, q) for t, q in zip(texts, quoted, strict=True)]
        sents = [segment(v) for v in views]
        every = [s for doc in sents for s in doc]
        nlp.tag_morph(every)
        found = [[cues.find(s) for s in doc] for doc in sents]
        nlp.parse_syntax(
            [
                s
                for doc, doc_cues in zip(sents, found, strict=True)
                for s, c in zip(doc, doc_cues, strict=True)
                if c or _has_marks(s)
            ]
        )
        names = _ner(views, sents)
        docs = []
        for text, view, q, doc_sents, doc_cues, doc_names in zip(
            texts, views, quoted, sents, found, names, strict=True
        ):
            outer = [x for x in q if x.depth == 0]
            ctx = Context(text, view, doc_sents, outer, doc_names, doc_cues)
            docs.append(_document(ctx))
        return docs


def _has_marks(sent: Sentence) -> bool:
    return any(t.text in _QUOTE_MARKS or t.text == ":" or t.text in "—–" for t in sent.tokens)


def _ner(views: list[str], sents: list[list[Sentence]]) -> list[list[list[tuple[int, int, str]]]]:
    out = []
    for view, doc in zip(views, sents, strict=True):
        out.append(nlp.tag_ner(view, doc) if doc else [])
    return out


def _document(ctx: Context) -> Document:
    claims = extract(ctx)
    speakers = coref.resolve(ctx, claims)
    text = ctx.text
    quotes = []
    for claim, speaker in zip(claims, speakers, strict=True):
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
                claim.confidence,
            )
        )
    return Document(text, quotes)


def _checked(text: object) -> str:
    if not isinstance(text, str):
        raise TypeError(f"quoteattr expects text as str, got {type(text).__name__}")
    return text


_default: Pipeline | None = None
_lock = threading.Lock()


def default() -> Pipeline:
    global _default
    if _default is None:
        with _lock:
            if _default is None:
                _default = Pipeline()
    return _default


def analyze(text: str) -> Document:
    """Find every quote and reported claim in `text` and who made it."""
    return default()(text)


def pipe(texts: Iterable[str], batch_size: int | None = None) -> Iterator[Document]:
    """`analyze` over many texts, batched through the taggers."""
    return default().pipe(texts, batch_size=batch_size)
