"""A long document in windows of sentences (windows.py), so that memory does
not grow with the document: `windowed(text)` gives what `analyze` would.
"""

from __future__ import annotations

import bisect
from array import array

from . import decide, gcpause, marks, nlp, windows
from .carried import Carried
from .claims import Claim
from .records import Document, Quote
from .stages import (
    _Doc,
    _draft,
    _find_cues,
    _needing_syntax,
    _parse_syntax,
    _release,
    _tag_morph,
    _tag_ner,
    assemble,
)
from .text import Sentence, sentences
from .text import chunks as segment_chunks


def windowed(text: str) -> Document:
    """A long document in windows of sentences (windows.py), in two passes
    over them: the first tags each window's own sentences and gathers their
    names into the document-wide table (carried.py); the second takes each
    window with its context, finds the claims and decides those that start
    in the window's own stretch, against that table. Only one window's
    sentences are held at a time. The first pass keeps the names NER found
    and every token's morphology (two bytes a token), so neither model runs
    twice; it parses only the sentences where a person's case needs it."""
    quoted = marks.find_quoted(text)
    view = marks.typographic(text, quoted)
    outer = [q for q in quoted if q.depth == 0]
    del quoted
    opens = [q.open for q in outer]
    chunks = windows.Chunks(segment_chunks(view))
    plan = windows.plan(chunks, len(text), windows.SIZE, windows.OVERLAP)
    table = Carried()
    found = windows.Names()
    tags = array("H")  # every token's morphology, in text order
    first_tag = array("q")  # each chunk's first token in `tags`
    for window in gcpause.each(plan):
        doc = _Doc(text, view, [], sentences(view, chunks.span(window.start, window.stop)))
        _tag_morph(doc.sents)
        _keep_tags(doc.sents, chunks, window, tags, first_tag)
        _find_cues(doc)
        _tag_ner([doc])
        assert doc.names is not None
        # Gathering names reads the parse only to tell a subject (a person's
        # case): the sentences the second pass parses that hold a person.
        people = {s.index for s, n in zip(doc.sents, doc.names, strict=True) if _person(n)}
        _parse_syntax([s for s in _needing_syntax(doc) if s.index in people])
        table.gather(text, view, doc.sents, doc.names)
        for names in doc.names:
            found.add(names)
        _release(doc)
    table.settle()
    quotes: list[Quote] = []
    shared = windows.Shared()
    for window in gcpause.each(plan):
        sents = sentences(view, chunks.span(window.lo, window.hi))
        first, last = sents[0].start, sents[-1].stop
        # The marks wholly inside the context; one reaching past it is its
        # own window's (or, past every context, no window's).
        inside = [
            q
            for q in outer[bisect.bisect_left(opens, first) : bisect.bisect_left(opens, last)]
            if q.stop <= last and (q.close is None or q.close < last)
        ]
        doc = _Doc(text, view, inside, sents, names=[found.within(s.start, s.stop) for s in sents])
        # The first pass's morphology, not the model again.
        at = first_tag[window.lo]
        for sent in sents:
            for token, code in zip(sent.tokens, tags[at : at + len(sent.tokens)], strict=True):
                nlp.set_morph(token, code)
            at += len(sent.tokens)
        _find_cues(doc)
        _parse_syntax(list(_needing_syntax(doc)))
        ctx, claims = _draft(doc)
        claims = decide.trim(claims)
        table.core = window.own
        chosen = decide.choices(ctx, claims, table)
        own = [(c, s) for c, s in zip(claims, chosen, strict=True) if _owns(window, c)]
        quotes += map(shared, assemble(ctx, [c for c, _ in own], [s for _, s in own]).quotes)
        _release(doc)
    return Document(text, quotes)


def _keep_tags(
    sents: list[Sentence],
    chunks: windows.Chunks,
    window: windows.Window,
    tags: array,
    first_tag: array,
) -> None:
    """The window's morphology appended to `tags`, and where each of its
    chunks starts there (a chunk is one sentence or more, or none)."""
    k = 0
    for j in range(window.start, window.stop):
        first_tag.append(len(tags))
        while k < len(sents) and sents[k].start < chunks.stops[j]:
            tags.extend(nlp.morph_code(t) for t in sents[k].tokens)
            k += 1


def _person(names: list[tuple[int, int, str]]) -> bool:
    return any(type_ == "PER" for _, _, type_ in names)


def _owns(window: windows.Window, claim: Claim) -> bool:
    return window.own[0] <= claim.start < window.own[1]
