"""Claims in a document: the reported span of each cue, and the quotes in marks.

`extract(ctx)` runs the finders and settles what they found:

1. direct.py: quotes in marks and the cue of each (messages.py for a written
   message brought in by a noun, headlines.py for `X: «…»`), the paragraph
   after `X сказал:`, and quotes with no cue that read as speech;
2. indirect.py for verb cues (`заявил, что …`, `…, — отметил X`),
   sources.py for source phrases (`По словам X, …`) and nouns.py for a noun
   that brings in a clause (`появилась информация, что …`);
3. resolve.py: cues inside others' words, relays, quoted fragments, one
   claim per span;
4. headlines.py: a line `X: CONTENT` that no other claim covers.

`Claim` and `Context` live in claims.py and are importable from here too.
"""

from __future__ import annotations

import bisect

from .claims import Claim, Context, Spans
from .cues import SOURCE
from .direct import colon_paragraphs, direct_claims, direct_claims_loose
from .headlines import closing_lists, headline_claims, questions
from .indirect import verb_claim
from .nouns import noun_claims
from .resolve import (
    _before_next_speaker,
    _drop_reported_within,
    _merge_marked,
    _nested_or_apart,
    _one_per_span,
    framed_quotes,
)
from .sources import source_claim

__all__ = ["Claim", "Context", "extract"]


def extract(ctx: Context) -> list[Claim]:
    """All claims of a document, in text order, one per act of saying."""
    direct = _one_object_per_cue([
        c for c in direct_claims(ctx)
        if (c.cue is not None and not _cue_quoted_alone(ctx, c))
        or (c.how == "headline" and c.mention is not None)
    ])  # fmt: skip
    paragraphs = colon_paragraphs(ctx, direct)
    # A quote inside a paragraph of someone's words is part of them.
    direct = [c for c in direct if not any(_holds(p, c) for p in paragraphs)] + paragraphs
    loose = direct_claims_loose(ctx, direct)
    # A cue that brought in a paragraph after its colon may also have a
    # clause of its own before it (`рассказала, что X:` and her words).
    used = {
        (c.cue.sent.index, c.cue.head)
        for c in direct
        if c.cue is not None and c.how != "direct-paragraph"
    }
    # `заявила о политической ангажированности процесса: «…»`, `X, отметил
    # Чистов: «…»`: a cue may report a clause, a topic or the words before it,
    # and then the quote after its colon.
    colon = {
        (c.cue.sent.index, c.cue.head): c.start for c in direct if c.how == "direct-colon" and c.cue
    }
    indirect: list[Claim] = []
    for sent_cues in ctx.cues:
        for cue in sent_cues:
            key = (cue.sent.index, cue.head)
            if key in used and key not in colon:
                continue
            claim = source_claim(ctx, cue) if cue.type == SOURCE else verb_claim(ctx, cue)
            if claim is None:
                continue
            if key in colon and (
                claim.how not in {"clause", "topic", "post", "source", "as"}
                or claim.stop > colon[key]
                or (claim.how == "post" and not _speaker_after(claim))
            ):
                continue
            indirect.append(claim)
    indirect += noun_claims(ctx)
    indirect = [c for c in indirect if not _cue_quoted_alone(ctx, c)]
    indirect = _drop_reported_within(indirect, direct + loose)
    direct = framed_quotes(indirect, direct)
    merged = _merge_marked(ctx, indirect, direct)
    headlines = headline_claims(ctx, direct + loose + merged)
    # `Мустафа Джемилев: … Он сказал, что …`: a cue inside an interview
    # answer is the interviewee's words, not a claim of the text.
    answers = Spans([c for c in headlines if c.how == "interview"])
    asking = Spans(questions(ctx))
    direct, loose, merged = (
        [c for c in group if not _inside_a_line(answers, c) and not _asked_in(ctx, asking, c)]
        for group in (direct, loose, merged)
    )
    merged += headlines
    claims = sorted(direct + loose + merged, key=lambda c: (c.start, c.stop))
    # A Wikinews page's `Источники` list after the article: titles, not claims.
    end = closing_lists(ctx.text)
    claims = [c for c in claims if c.start < end]
    return _nested_or_apart(ctx, _before_next_speaker(ctx, _one_per_span(claims)))


def _inside_a_line(lines: Spans, claim: Claim) -> bool:
    """A claim within an interview's answer, its cue (if any) there too: the
    interviewee's words, not a claim of the text."""
    if claim.how == "interview":
        return False
    at = claim.cue.start if claim.cue is not None else claim.start
    return any(c.start <= at and claim.stop <= c.stop for c in lines.over(at, at + 1))


def _asked_in(ctx: Context, lines: Spans, claim: Claim) -> bool:
    """A claim whose cue asks, in an interviewer's line (`Корреспондент: Вам
    объясняли, когда дадут воду?`); a report there stands (`Голос Америки:
    Ранее СМИ сообщали, что …`)."""
    if claim.cue is None or not lines.over(claim.cue.start, claim.cue.stop):
        return False
    sent = claim.cue.sent
    return ctx.view[sent.start : sent.stop].rstrip().endswith("?")


def _cue_quoted_alone(ctx: Context, claim: Claim) -> bool:
    """`Автор книг: «Батальоны просят огня», …`: a cue word inside marks
    whose claim reaches out of them is a title's word, not a saying."""
    cue = claim.cue
    if cue is None:
        return False
    i = bisect.bisect_right(ctx.quoted, cue.start, key=lambda q: q.start) - 1
    if i < 0:
        return False
    q = ctx.quoted[i]
    return (
        q.start <= cue.start
        and cue.stop <= q.stop
        and not (q.start <= claim.start and claim.stop <= q.stop)
    )


def _one_object_per_cue(claims: list[Claim]) -> list[Claim]:
    """`называет это «Воскрешением мужчин» — по аналогии с «Исчезновением»`:
    one naming, one object, however many marks it holds; the first stands."""
    seen: set[tuple[int, int]] = set()
    kept = []
    for claim in claims:
        if claim.how in {"naming", "object"} and claim.cue is not None:
            key = (claim.cue.sent.index, claim.cue.head)
            if key in seen:
                continue
            seen.add(key)
        kept.append(claim)
    return kept


def _speaker_after(claim: Claim) -> bool:
    """`…, отметил Чистов: «…»`: a postposed cue names its speaker after it
    (what precedes a cue with its subject before it is that subject)."""
    return (
        claim.mention is not None
        and claim.cue is not None
        and claim.mention.start > claim.cue.start
    )


def _holds(outer: Claim, inner: Claim) -> bool:
    return outer is not inner and outer.start <= inner.start and inner.stop <= outer.stop
