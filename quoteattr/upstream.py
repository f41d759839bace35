"""A natasha `Doc` from an upstream pipeline, taken as it is.

A pipeline that has already run natasha has paid for segmentation,
morphology, syntax and NER; quoteattr reads those annotations instead of
running the models again, and fills in only what the `Doc` lacks (a `Doc`
that was only segmented still needs the taggers).

The sentences keep natasha's tokens. A sentence natasha ran across a line
break is cut there, as quoteattr's own segmenter would; each part keeps the
parse within it, and a word whose head was across the cut becomes a root.
"""

from __future__ import annotations

import bisect
from typing import Any

from .text import Sentence, Token, paragraphs

__all__ = ["is_natasha_doc", "sentences", "spans"]


def is_natasha_doc(obj: object) -> bool:
    from natasha.doc import Doc

    return isinstance(obj, Doc)


def sentences(doc: Any, view: str) -> list[Sentence] | None:
    """Sentences from the Doc's own, or None when it was never segmented.

    ``view`` is the document's typographic view (same length as its text):
    token texts come from it, as they do from quoteattr's own segmenter.
    """
    if not doc.sents:
        return None
    starts = [start for start, _stop in paragraphs(doc.text)]
    out: list[Sentence] = []
    for sent in doc.sents:
        groups: list[list[Any]] = []
        last = None
        for token in sent.tokens:
            para = bisect.bisect_right(starts, token.start) - 1
            if para != last:
                groups.append([])
                last = para
            groups[-1].append(token)
        offset = 0
        for group in groups:
            out.append(_sentence(group, offset, view, len(out), starts))
            offset += len(group)
    return out


def _sentence(tokens: list[Any], offset: int, view: str, index: int, starts: list[int]) -> Sentence:
    """`tokens` are natasha's, from the `offset`-th of their sentence on."""
    para = bisect.bisect_right(starts, tokens[0].start) - 1
    sent = Sentence(tokens[0].start, tokens[-1].stop, para, index)
    for i, tok in enumerate(tokens):
        token = Token(tok.start, tok.stop, view[tok.start : tok.stop], i, sent)
        if tok.pos is not None:
            token.pos = tok.pos
            token.feats = dict(tok.feats or {})
        sent.tokens.append(token)
    if all(tok.head_id is not None and tok.rel for tok in tokens):
        _read_syntax(sent, tokens, offset)
    return sent


def _read_syntax(sent: Sentence, tokens: list[Any], offset: int) -> None:
    """natasha's ids are `sentence_token`, counted from 1; 0 is the root."""
    for token, tok in zip(sent.tokens, tokens, strict=True):
        head = int(tok.head_id.rsplit("_", 1)[1]) - 1 - offset
        inside = 0 <= head < len(tokens) and head != token.index
        token.head = head if inside else -1
        token.rel = tok.rel if inside or tok.rel == "root" else "root"
    for token in sent.tokens:
        if token.head >= 0:
            sent.tokens[token.head].children.append(token.index)
    sent.parsed = True


def spans(doc: Any, sents: list[Sentence]) -> list[list[tuple[int, int, str]]] | None:
    """The Doc's named entities per sentence, or None when NER never ran."""
    if doc.spans is None:
        return None
    stops = [s.stop for s in sents]
    out: list[list[tuple[int, int, str]]] = [[] for _ in sents]
    for span in doc.spans:
        i = bisect.bisect_left(stops, span.stop)
        if i < len(sents) and sents[i].start <= span.start:
            out[i].append((span.start, span.stop, span.type))
    return out
