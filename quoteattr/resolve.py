"""Which of the claims found stand, and in what shape.

A cue inside someone else's words is not a claim of its own; a relay (`…,
сообщает РБК`) passes another's words on and goes; a reported clause that is
all in marks is direct, one with a quoted fragment mixed; of two claims over
the same span the one of higher priority stays.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

import attrs

from .claims import DIRECT, MIXED, Claim, Context, Spans, _trim
from .cues import Cue
from .direct import _after_name_noun
from .marks import Quoted
from .morph import lemmas
from .text import Sentence, Token


def _drop_reported_within(indirect: list[Claim], direct: list[Claim]) -> list[Claim]:
    """A cue inside another's content is not annotated again; a relay
    (`…, сообщает агентство`) is not a second attribution."""
    # Cues inside someone's quoted words go first, so that they cannot knock
    # out a claim of the text itself.
    quoted = Spans(direct)
    indirect = [c for c in indirect if not _cue_within(c, quoted.over(c.cue.start, c.cue.stop))]
    # `X: «… . Последняя фраза», сообщает Лента.ру`: a postposed cue whose
    # words start inside a quote passes that quote on; it reports nothing new.
    for c in indirect:
        if c.how == "about-this":
            # `«Мы готовы к переговорам». Об этом заявил Песков`: a quote with
            # no cue of its own takes the cue and speaker that pass it on.
            for d in _relayed_quotes(c, quoted):
                if d.cue is None:
                    d.cue, d.mention = c.cue, c.mention
    indirect = [c for c in indirect if c.how not in _RELAY_SHAPES or not _relayed_quotes(c, quoted)]
    indirect = _drop_relays(indirect, [c for c in direct if c.cue is not None])
    index = Spans(indirect)
    relaying = set()
    for claim in indirect:
        for o in index.over(claim.cue.start, claim.cue.stop):
            if _relays_a_saying(o, claim):
                relaying.add(id(o))
    kept = []
    for claim in indirect:
        if id(claim) in relaying:
            continue
        near = index.over(claim.cue.start, claim.cue.stop)
        outer = [
            o for o in near if o is not claim and _cue_within(claim, [o]) and id(o) not in relaying
        ]
        if any(not _cue_within(o, [claim]) or _frames(o, claim) for o in outer):
            continue
        kept.append(claim)
    return kept


def _relayed_quotes(claim: Claim, quoted: Spans) -> list[Claim]:
    """The quotes a claim passes on: its words start inside them (or at the
    mark that opens them) and its cue comes after."""
    return [
        d
        for d in quoted.over(claim.start, claim.start + 2)
        if d.start - 1 <= claim.start < d.stop <= claim.cue.start
    ]


def _relays_a_saying(outer: Claim, inner: Claim) -> bool:
    """`По их словам, канцлер напомнила, что X`: the source phrase passes on
    an act of saying that opens its content; the words are the chancellor's,
    and the claim is hers (a relay, like `со ссылкой на`)."""
    if outer is inner or inner.how != "clause":
        return False
    # `Как и предполагалось, власти объявили, что …`: an impersonal `как`
    # frames the saying the same way.
    framing = outer.how == "source" or (outer.how == "as" and "impersonal" in outer.cue.tags)
    if not framing:
        return False
    if not outer.start <= inner.cue.start < outer.stop or outer.sent is not inner.sent:
        return False
    between = [t for t in inner.sent.tokens if outer.start <= t.start < inner.cue.start]
    if any(_counted(t) for t in between):
        # `Согласно опросу ВЦИОМ, 58% россиян считают, что …`: what a share of
        # those asked think is the survey's finding, not a saying it passes on.
        return False
    return len(between) <= 6 and not any(t.text in {",", ":", "—", "–"} for t in between)


def _counted(token: Token) -> bool:
    """A share or a count of people: `58%`, `большинство`, `половина`."""
    return token.text == "%" or token.pos == "NUM" or bool(lemmas(token.text) & _SHARES)


_SHARES = frozenset({"большинство", "меньшинство", "половина", "треть", "четверть", "процент"})


def _frames(outer: Claim, inner: Claim) -> bool:
    """Of two claims each holding the other's cue, whether `outer` is the frame.

    A postposed cue frames the sentence before it (`…, что идет навстречу
    отрасли, указывает Алексеев`); otherwise the first cue introduces the
    clause that holds the second (`Путин заявил, что, по данным разведки, …`).
    """
    post = {"post", "post-inside"}
    if (outer.how in post) != (inner.how in post):
        return outer.how in post
    return outer.cue.start < inner.cue.start


def _cue_within(claim: Claim, others: list[Claim]) -> bool:
    cue = claim.cue
    assert cue is not None
    return any(o is not claim and o.start <= cue.start and cue.stop <= o.stop for o in others)


_RELAY_SHAPES = {"post", "post-inside", "as", "about-this"}
# Verbs that state the speaker's own view or testimony (`указывает
# Алексеев`, `как показал свидетель`): the cue inside their content is part
# of what they say, not a report they pass on.
_OWN_VIEW = {"opinion", "noabout", "testimony", "naming", "request", "question", "quoteonly"}


def _drop_relays(claims: list[Claim], direct: Sequence[Claim] = ()) -> list[Claim]:
    """`Путин заявил, что X, сообщает РБК`: the outlet passes Путин's words on.

    A postposed or `как`-cue whose content holds another cue relays that
    claim: it goes, and the relayed claim stops before it. An impersonal
    claim with no speaker of its own (`Сообщается, что X, сообщает РБК`)
    takes the outlet as its speaker. A quote with its own cue before it
    (`Путин назвал ситуацию «неприемлемой», сообщает РБК`) is relayed alike.
    """
    relays = set()
    for relay in claims:
        if relay.how not in _RELAY_SHAPES or relay.cue.tags & _OWN_VIEW:
            continue
        # (`Это сообщила мать, передает ТАСС`: an `Это`-claim, itself passing on
        # the sentence before, may be what a later relay passes on.)
        # (`X, считает Меркель, пишут «Ведомости»`: a postposed claim whose
        # cue stands before the relay's is passed on too.)
        inner = [
            o for o in claims
            if o is not relay and (
                o.how not in _RELAY_SHAPES
                or o.how == "about-this"
                or (o.how == "post" and o.sent is relay.sent and _just_before(o, relay.cue))
            )
        ]  # fmt: skip
        inner = [o for o in inner if relay.start <= o.cue.start < relay.stop]
        quoted = [
            o for o in direct
            if relay.start <= o.cue.start < relay.stop and o.cue.sent is relay.cue.sent
        ]  # fmt: skip
        if not inner and not quoted:
            continue
        if not quoted and _voices_a_view(relay, inner):
            # `Москва рассчитывает, что X, заявил Лавров`: Лавров's words,
            # which state Moscow's view; no outlet passes anything on.
            relays.update(id(o) for o in inner)
            continue
        if _said_after_a_predicate(relay, inner + quoted):
            # `Китай выступает против … и призывает все стороны «…», заявил
            # представитель МИД`: a cue past the content's first predicate is
            # part of the statement, not a saying the statement passes on.
            relays.update(id(o) for o in inner)
            continue
        relays.add(id(relay))
        for claim in inner:
            _stop_before(claim, relay.cue)
        for claim in inner + quoted:
            if claim.mention is None:
                claim.mention = relay.mention
    return [c for c in claims if id(c) not in relays]


def framed_quotes(indirect: list[Claim], direct: list[Claim]) -> list[Claim]:
    """The direct claims but those a postposed saying frames (`… и призывает
    все стороны «…», заявил представитель`): part of its content."""
    frames = [c for c in indirect if c.how == "post"]
    return [
        d
        for d in direct
        if d.cue is None
        or not any(
            f.start <= d.cue.start < f.stop and _said_after_a_predicate(f, [d]) for f in frames
        )
    ]


def _said_after_a_predicate(relay: Claim, inner: list[Claim]) -> bool:
    """The postposed cue is a past act of saying, and every claim inside its
    content has its cue past a finite verb of that content: the sentence
    states something of its own first."""
    if relay.how != "post" or relay.cue.token.feats.get("Tense") != "Past":
        return False
    tokens = relay.sent.tokens
    for o in inner:
        if o.cue is None or o.cue.sent is not relay.sent:
            return False
        if not any(
            relay.start <= t.start < o.cue.start and t.feats.get("VerbForm") == "Fin"
            for t in tokens
        ):
            return False
    return True


def _just_before(claim: Claim, cue: Cue) -> bool:
    """Only a comma between the claim's cue and speaker and `cue`
    (`X, считает Меркель, пишут «Ведомости»`), or where and when it was said
    (`X, заявил Пашинян на брифинге в Ереване, передает Armenpress`)."""
    assert claim.cue is not None
    end = max(claim.cue.stop, claim.mention.stop if claim.mention is not None else 0)
    between = [t for t in claim.sent.tokens if end <= t.start and t.stop <= cue.start]
    if end > cue.start or not between or between[-1].text != ",":
        return False
    return len(between) <= 8 and all(
        t.pos not in {"VERB", "AUX", "PUNCT", "SCONJ", "CCONJ"} for t in between[:-1]
    )


def _voices_a_view(relay: Claim, inner: list[Claim]) -> bool:
    """The postposed cue is a past act of saying and everything inside its
    content states a view: the view is part of what was said. An outlet's
    relay is in the present (`сообщает РБК`, `пишет Reuters`)."""
    verb = relay.cue.token
    if verb.feats.get("Tense") != "Past":
        return False
    return all("opinion" in o.cue.tags and o.cue.sent is relay.cue.sent for o in inner)


def _stop_before(claim: Claim, cue: Cue) -> None:
    """Cut a claim's content before a later cue of its sentence and its commas."""
    if cue.sent is not claim.sent or not claim.start < cue.start < claim.stop:
        return
    if cue.start < claim.cue.start:
        return  # `Как сообщает РБК, Путин заявил, что …`: the relay is before
    span = _trim(claim.sent, _token_at(claim.sent, claim.start), cue.first - 1)
    if span is not None:
        claim.start, claim.stop = span


def _token_at(sent: Sentence, offset: int) -> int:
    return next(t.index for t in sent.tokens if t.stop > offset)


def _merge_marked(ctx: Context, indirect: list[Claim], direct: list[Claim]) -> list[Claim]:
    """`заявил, что «вопрос решен»` is direct; a quoted fragment makes it mixed."""
    result = []
    for claim in indirect:
        marked = [q for q in ctx.quoted if claim.start <= q.open and q.start < claim.stop]
        whole = [q for q in marked if q.open <= claim.start + 1 and q.stop >= claim.stop - 1]
        joined = _quotes_joined(ctx, claim, marked) if not whole else []
        if whole:
            q = whole[0]
            if any(d.start == q.start for d in direct):
                continue
            claim.start, claim.stop, claim.kind = q.start, q.stop, DIRECT
        elif joined:
            # `признав, что «в системе масса проблем», а «ресурсы не
            # сбалансированы»`: quote after quote, each the speaker's words.
            for q in joined:
                if not any(d.start == q.start for d in direct):
                    result.append(attrs.evolve(claim, start=q.start, stop=q.stop, kind=DIRECT))
            continue
        elif any(_fragment(ctx, q) for q in marked):
            claim.kind = MIXED
        result.append(claim)
    return result


def _quotes_joined(ctx: Context, claim: Claim, marked: list[Quoted]) -> list[Quoted]:
    """The quotes a claim is made of, when it is nothing but two or more
    quotes joined by commas, dashes and `а`/`и`/`но`; else none."""
    if len(marked) < 2:
        return []
    pos = claim.start
    for q in marked:
        gap = ctx.view[pos : q.open].replace(",", " ").replace("—", " ").split()
        if pos > claim.start and not all(w in _JOINERS for w in gap):
            return []
        if pos == claim.start and gap:
            return []
        pos = q.stop + 1
    return marked if not ctx.view[pos : claim.stop].strip(" .,;") else []


_JOINERS = frozenset({"а", "и", "но", "также"})


def _term_before(ctx: Context, q: Quoted, word: str) -> bool:
    """The word was in marks earlier in the document: a term it keeps using."""
    key = word.lower().strip(".,;:!?")
    # The last quotes before it only, so that a text of thousands stays linear.
    i = bisect.bisect_left(ctx.quoted, q.open, key=lambda p: p.open)
    before = ctx.quoted[max(0, i - _TERM_LOOKBACK) : i]
    return any(key in ctx.text[p.start : p.stop].lower().split() for p in before)


_TERM_LOOKBACK = 50


def _fragment(ctx: Context, q: Quoted) -> bool:
    """Someone's words quoted inside a claim, not a name or a scare-quoted term."""
    inner = ctx.text[q.start : q.stop].strip()
    words = inner.split()
    if not inner[:1].islower():
        return len(words) >= 5
    if len(words) == 1 and _term_before(ctx, q, words[0]):
        return False  # `лидеры «коалиции»` after `так называемой «коалиции желающих»`
    # One lower-case word counts too (`будет «сокрушительным»`): in the gold,
    # such a word inside a reported clause is mostly the speaker's own. A
    # name noun makes it a title only right before the marks (`в фильме
    # «Брат»`, not `роль в фильме далась ему «через боль»`).
    return not _after_name_noun(ctx, q, reach=1)


def _reported_within(inner: Claim, outer: Claim) -> bool:
    """`inner`'s cue stands in `outer`'s words, and not the other way round:
    a report inside another's content is not annotated again (GUIDELINES
    "Spans")."""
    if inner.cue is None or outer.cue is None or outer.how != "clause":
        return False  # (a source or a relay passes the saying on: the inner one stands)
    if not outer.start <= inner.cue.start < outer.stop or outer.cue.start > inner.cue.start:
        return False
    return not inner.start <= outer.cue.start < inner.stop


def _one_per_span(claims: list[Claim]) -> list[Claim]:
    """Two shapes may find the same claim; keep the one of higher priority."""
    kept: list[Claim] = []
    longest = 0
    for claim in claims:
        clash = None
        # Claims come sorted by start: only the last few kept, those that may
        # reach this one, can clash with it.
        lo = len(kept)
        while lo > 0 and kept[lo - 1].start >= claim.start - longest:
            lo -= 1
        for other in kept[lo:]:
            s = max(claim.start, other.start)
            e = min(claim.stop, other.stop)
            union = max(claim.stop, other.stop) - min(claim.start, other.start)
            if e > s and 2 * (e - s) >= union:
                clash = other
                break
        if clash is None:
            kept.append(claim)
        elif _reported_within(claim, clash):
            continue  # `написал, что группа «…» и надеется «…»`: one act of saying
        elif _reported_within(clash, claim) or claim.priority > clash.priority:
            kept[kept.index(clash, lo)] = claim
        longest = max(longest, claim.stop - claim.start)
    return kept


def _before_next_speaker(ctx: Context, claims: list[Claim]) -> list[Claim]:
    """`Одни считают, что ограничений недостаточно, другие жалуются, что …`:
    a clause ends before the subject of the next claim's cue, where that cue
    stands past the clause's end (the parse ran the first clause on)."""
    out = list(claims)
    for i, claim in enumerate(out):
        if claim.kind == DIRECT:
            continue
        for later in out[i + 1 : i + 3]:
            m = later.mention
            if (
                m is None
                or later.cue is None
                or later.cue.start < claim.stop
                or not claim.start < m.start < claim.stop
                or m.stop > claim.stop
            ):
                continue
            stop = len(ctx.text[: m.start].rstrip(_LOOSE_END))
            if stop > claim.start:
                out[i] = attrs.evolve(claim, stop=stop, cuts=())
            break
    return out


def _nested_or_apart(ctx: Context, claims: list[Claim]) -> list[Claim]:
    """Two claims are nested (a quote within reported speech) or apart: where
    a later one begins inside an earlier one and runs past it (shapes found
    in broken text), the earlier ends where the later begins."""
    out = sorted(claims, key=lambda c: (c.start, c.stop))
    for i, claim in enumerate(out):
        for later in out[i + 1 :]:
            if later.start >= claim.stop:
                break
            if claim.start < later.start and later.stop > claim.stop:
                stop = len(ctx.text[: later.start].rstrip(_LOOSE_END))
                claim = attrs.evolve(claim, stop=stop, cuts=())
        out[i] = claim
    return [c for c in out if ctx.text[c.start : c.stop].strip()]


_LOOSE_END = " \t\n,;:—–-"
