"""Direct speech: quotes in marks and dialogue lines, and the cue that brings them in.

A quote's cue is looked for after it (`«…», — сказал он`), before it (`X
сказал: «…»`, `заявил, что «…»`, `По словам X, «…»`), in a narrator's
remark that interrupts it, or through the quote before it (`«…», «…»`). A
noun may bring in a written message (messages.py), and a name before a colon
a headline quote (headlines.py). Also here: the paragraph after `X сказал:`
with its marks lost, and quotes with no cue that read as speech.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from . import interviews, lexicon, marks, speakers
from .claims import (
    CLOSING,
    COMPLEMENTISERS,
    DASHES,
    DIRECT,
    MIXED,
    OPENING,
    Claim,
    Context,
    Spans,
    cites_document,
    content_start,
)
from .cues import SOURCE, Cue, norm
from .headlines import _headline_speaker
from .indirect import _phase
from .marks import Part, Quoted
from .messages import _message_cue, _message_speaker, _passive_agent
from .morph import lemmas
from .naming import names_quote, object_after, object_end
from .speakers import Mention
from .text import Sentence, Token


def direct_claims(ctx: Context) -> list[Claim]:
    """Quotes in marks and dialogue speech, with the cue that introduces them.

    A quote the narrator interrupts (`«Мы готовы, — сказал он. — Но не
    сейчас»`) gives one claim per part (marks.quoted_parts), each with the
    remark's cue.
    """
    claims: list[Claim] = []
    parts = _parts(ctx)
    asked = interviews.questions(ctx.text, ctx.quoted)
    for q in ctx.quoted:
        if q.stop <= q.start or q in asked:
            continue
        for part in parts.get(q) or [Part(q.start, q.stop, q)]:
            cue = None
            if part.remark is not None:
                cue = _cue_in(ctx, part.remark[0], part.remark[1], limit=_REMARK_LEAD)
            claim = _direct(ctx, q, (part.start, part.stop, cue))
            if claim is not None:
                claims.append(claim)
    return claims


def _parts(ctx: Context) -> dict[Quoted, list[Part]]:
    """The parts of each quote, split where the narrator's remark interrupts it.

    Split on the whole of find_quoted's result, so that a dash inside a
    nested pair stays that pair's.
    """
    found: dict[Quoted, list[Part]] = {}
    for part in marks.quoted_parts(ctx.text):
        found.setdefault(part.quote, []).append(part)
    return found


# Words allowed before the cue of a narrator's remark (`— Путин сказал`).
_REMARK_LEAD = 2
_FULL_STOP = re.compile(r"[.!?…]\s")
_DASH_RESUMES = re.compile(r"[.!?…,:]\s*[—–-]\s*$")


def _cue_in(ctx: Context, start: int, stop: int, limit: int = 4) -> Cue | None:
    """A verb cue among the first few words from `start`."""
    sent = ctx.sentence_at(start)
    if sent is None:
        return None
    words = 0
    for tok in sent.tokens:
        if tok.start < start:
            continue
        if tok.start >= stop or words >= limit:
            break
        for cue in ctx.cues[sent.index]:
            if cue.first <= tok.index <= cue.last and cue.type != SOURCE:
                return cue
        if tok.pos != "PUNCT":
            words += 1
    return None


def _direct(ctx: Context, q: Quoted, part: tuple[int, int, Cue | None]) -> Claim | None:
    start, stop, cue = part
    while start < stop and ctx.text[start].isspace():
        start += 1
    while stop > start and ctx.text[stop - 1].isspace():
        stop -= 1
    if stop <= start:
        return None
    sent = ctx.sentence_at(start) or ctx.sentence_at(q.open)
    if sent is None:
        return None
    how = "direct"
    # The words of this claim: the part of an interrupted quote, so that the
    # narrator's remark between the parts (`— пояснила Алла Бут. —`) stays
    # open to the speaker search; else the whole quote, marks included.
    whole = (q.open, (q.close if q.close is not None else q.stop) + 1)
    content = (start, stop) if cue is not None else whole
    if cue is None:
        cue, how = _cue_right(ctx, q)
    if cue is None:
        cue, how = _cue_left(ctx, q)
    if (
        cue is not None
        and "testimony" in cue.tags
        and speakers.thing_as_subject(cue.sent, cue.head)
    ):
        # `уроки Украины показывают, что «…»`: a thing shows, no one says;
        # the words are whoever's the sentence passes on.
        return None
    named_after = _named_after_colon(ctx, q) if cue is None and not how else None
    if named_after is not None:
        how = "headline"
    mention = None
    if cue is not None and "message" in cue.tags:
        mention = _message_speaker(cue, content)
    elif cue is not None:
        mention = _passive_agent(cue.sent, cue.head, _tokens_in(cue.sent, content))
        if mention is None:
            mention = speakers.of_cue(cue, content)
        if mention is None and how == "direct-post":
            mention = _nominative_after(cue, _tokens_in(cue.sent, content))
        if mention is None and cue.sent.parsed is False:
            mention = speakers.after_cue(cue, ctx.names[cue.sent.index])
    elif how == "headline":
        # `Песков: «…»`, or `«…»: Песков о …`
        mention = _headline_speaker(ctx, q) or named_after
    priority = 0.95 if cue is not None else 0.6
    kind = DIRECT
    document = cue is not None and "message" not in cue.tags and cites_document(cue)
    if how == "infinitive" and cue is not None:
        inf = _infinitive_holding(cue.sent, cue, q)
        assert inf is not None  # (how says so)
        tokens = cue.sent.tokens
        first = content_start(cue.sent, cue.last + 1)
        last = max(t.index for t in cue.sent.subtree(inf))
        while last > first and tokens[last].pos == "PUNCT" and tokens[last].text not in CLOSING:
            last -= 1
        start, stop = tokens[first].start, max(tokens[last].stop, whole[1])
        return Claim(start, stop, MIXED, sent, cue, speakers.of_cue(cue, (start, stop)), "object",
                     0.7)  # fmt: skip
    if how in {"naming", "object"} and cue is not None:
        # `назвал ситуацию «неприемлемой»`: the whole object, marks included.
        first = content_start(cue.sent, cue.last + 1)
        if first < len(cue.sent.tokens) and cue.sent.tokens[first].start <= q.open:
            # With the object before the cue (`который ряд СМИ назвали «…»`)
            # the content is the quoted words, marks included: mixed still.
            start = min(cue.sent.tokens[first].start, q.open)
            stop = q.close + 1 if q.close is not None else q.stop
            stop = max(stop, object_end(cue.sent, q), object_after(cue, q))
            kind, priority = MIXED, 0.7
    return Claim(start, stop, kind, sent, cue, mention, how, priority, document)


def _nominative_after(cue: Cue, blocked: set[int]) -> Mention | None:
    """`«…», — сокрушается другой собеседник РБК`: the parse may take the
    subject after a postposed cue for its object; a nominative noun that
    agrees with the verb's number is the subject."""
    sent = cue.sent
    tokens = sent.tokens
    verb = tokens[cue.head]
    for c in verb.children:
        t = tokens[c]
        if c <= cue.last or c in blocked or t.pos not in {"NOUN", "PROPN"}:
            continue
        nominative = t.feats.get("Case") == "Nom"
        agrees = t.feats.get("Number") == verb.feats.get("Number", t.feats.get("Number"))
        if t.rel in {"obj", "obl", "nmod"} and nominative and agrees:
            return speakers.phrase(sent, c, blocked)
    return None


def _is_name(ctx: Context, sent: Sentence, q: Quoted) -> bool:
    """`призвали Египет не запрещать «Братьев-мусульман»`: the marks hold a
    name the tagger found, or every word is capitalised like a title."""
    if _tagged_name(ctx, sent, q):
        return True
    words = [w for w in ctx.text[q.start : q.stop].split() if w[:1].isalpha()]
    return bool(words) and all(w[:1].isupper() for w in words)


def _tagged_name(ctx: Context, sent: Sentence, q: Quoted) -> bool:
    return any(s <= q.start and q.stop <= e + 1 for s, e, _ in ctx.names[sent.index])


@functools.cache
def _words_nouns() -> frozenset[str]:
    """Nouns that stand for the words themselves (`словами`, `лозунгом`),
    not documents with a title (`статья «…»`, `документ «…»`)."""
    return lexicon.words("document_nouns", "clause") | lexicon.words("document_nouns", "written")


def _tokens_in(sent: Sentence, span: tuple[int, int]) -> set[int]:
    return {t.index for t in sent.tokens if span[0] <= t.start < span[1]}


def _cue_right(ctx: Context, q: Quoted) -> tuple[Cue | None, str]:
    """`«…», — сказал он` / `«…» — сказал он` / `«…», сказал он`."""
    end = (q.close + 1) if q.close is not None else q.stop
    view = ctx.view
    end = _past_original(view, end)
    i = end
    while i < len(view) and view[i] in " \u00a0,.!?…":
        i += 1
    if i < len(view) and view[i] in "—–-":
        i += 1
    elif view[end:i].strip(" \u00a0") != ",":
        return None, ""
    para_end = view.find("\n", i)
    cue = _cue_in(ctx, i, para_end if para_end >= 0 else len(view))
    if cue is None or norm(cue.sent.tokens[cue.first].text) == "как":
        return None, ""  # `«…», как подчеркнула X, …` reports the whole sentence
    after = view[cue.stop : para_end if para_end >= 0 else len(view)]
    words = len(ctx.text[q.start : q.stop].split())
    colon = after.split(".")[0].find(":")
    if (
        colon >= 0
        and not (_opens_sentence(ctx, q) and words >= 3)
        and not _cue_between(ctx, cue, cue.stop + colon)
    ):
        # `новых «Звёздных войн», заявил: «…»`: the cue is the next quote's.
        # A quote that opens the sentence shares it (`«Я имею три цели»,
        # сказал Симони: «Одна из них — …»`).
        return None, ""
    if not _opens_sentence(ctx, q) and words < 6:
        return None, ""
    if _cue_before(ctx, q, cue) and not _source_then_colon(ctx, q):
        # `Путин обвинил Киев в нежелании «…», передает ТАСС`: the quote is
        # inside the first cue's words, and the later cue relays them; a quote
        # set off by a colon (`Как заявил X, …: «…», — сказал президент`) is
        # a statement of its own, its cue the one after it.
        return None, ""
    return cue, "direct-post"


def _past_original(view: str, end: int) -> int:
    """Past the original set in brackets after a translated quote (`«Я
    принял решение …» (“I have decided …”), — сказал`): the same words, the
    same act of saying, before its cue."""
    i = end
    while i < len(view) and view[i] in " \u00a0":
        i += 1
    if i >= len(view) or view[i] != "(":
        return end
    # (Within the paragraph; `find`, not a slice of the rest of a long text.)
    line_end = view.find("\n", i)
    close = view.find(")", i, line_end if line_end >= 0 else len(view))
    inner = view[i + 1 : close].strip() if close > 0 else ""
    if inner[:1] in '«„“"' or _ORIGINAL.match(inner):
        return close + 1
    return end


# An original's opening: a language named (`англ.`), or Latin words.
_ORIGINAL = re.compile(r"(?:англ|нем|франц|фр|исп|итал)\.|[A-Za-z]+(?:[\s,'’][A-Za-z]+){2}")


def _source_then_colon(ctx: Context, q: Quoted) -> bool:
    """`Как заявил X, …: «…»`, `По словам X, …: «…»`: only a source phrase
    before the quote, and a colon right before it."""
    sent = ctx.sentence_at(q.open)
    if sent is None or not ctx.view[: q.open].rstrip(" \u00a0—–-").endswith(":"):
        return False
    before = [c for c in ctx.cues[sent.index] if c.stop <= q.open]
    return all(c.type == SOURCE or norm(c.sent.tokens[c.first].text) == "как" for c in before)


def _cue_between(ctx: Context, cue: Cue, stop: int) -> bool:
    """Another cue after `cue` and before `stop`: `«…», — сказал он, добавив:
    «…»` gives the colon to `добавив`, and the first quote stays `сказал`'s."""
    return any(cue.stop <= c.start < stop for c in ctx.cues[cue.sent.index] if c is not cue)


def _cue_before(ctx: Context, q: Quoted, after: Cue) -> bool:
    """A cue of the quote's own sentence stands before its opening mark."""
    sent = ctx.sentence_at(q.open)
    if sent is None:
        return False
    # The quote may run over sentences: `X называет это злом: «… . …», сообщает
    # Лента.ру` has its relay in a later one.
    return any(c.stop <= q.open and c is not after for c in ctx.cues[sent.index])


def _opens_sentence(ctx: Context, q: Quoted) -> bool:
    """Nothing but white space, dashes or a colon before the mark in its sentence."""
    sent = ctx.sentence_at(q.open)
    if sent is None:
        return True
    before = ctx.view[sent.start : q.open].strip(" \u00a0—–-")
    return not before or before.endswith(":")


def _reaches_sentence_end(ctx: Context, q: Quoted) -> bool:
    """After the closing mark only punctuation, or an author remark, to the end."""
    end = q.close + 1 if q.close is not None else q.stop
    sent = ctx.sentence_at(end - 1)
    stop = sent.stop if sent is not None else len(ctx.view)
    rest = ctx.view[end:stop].strip()
    if not rest or rest[0] in ".!?…;":
        return True
    if rest.lstrip(", ")[:1] not in {"—", "–"}:
        return False
    # `«…», — сказал он`, `— так начинается доклад`: a remark, its verb
    # among the first words after the dash; `«Дом на Песках» — лучший роман`
    # is a name and what it is, the dash a copula.
    if sent is None:
        return True
    after = [t for t in sent.tokens if t.start >= end and t.pos != "PUNCT"][:_REMARK_WORDS]
    return any(t.pos in {"VERB", "AUX"} for t in after)


_REMARK_WORDS = 3  # `— сказал он`, `— так начинается доклад`, `— добавил затем он`


def _named_after_colon(ctx: Context, q: Quoted) -> Mention | None:
    """`«Не время искать виноватых»: Воронцов после третьего поражения`, `«Я
    поступил как идиот»: блогер Рудой извинился`: a headline that opens with
    a quote, a colon after it and the one who said it named right after."""
    text = ctx.text
    if q.close is None or text[: q.open].strip():
        return None  # the text's first line only: its headline
    sent = ctx.sentence_at(q.open)
    if sent is None:
        return None
    inside = [t for t in sent.tokens if q.start <= t.start and t.stop <= q.stop]
    if not any(t.pos in {"VERB", "AUX"} or _speaks_in_person(t) for t in inside):
        return None  # `«Тихий берег»: Кирилл Сомов снял фильм`: a title
    after = [t for t in sent.tokens if t.start > q.close]
    if not after or after[0].text != ":":
        return None
    window = after[1:5]
    if not window:
        return None
    for s, e, kind in ctx.names[sent.index]:
        if kind == "PER" and window[0].start <= s <= window[-1].start:
            ids = tuple(t.index for t in sent.tokens if s <= t.start and t.stop <= e)
            # Who said it stands in the nominative (not `мемуары балерины
            # Анны Воронцовой`, `каким запомнили Леонида Вайнштейна`).
            if ids and sent.tokens[ids[-1]].feats.get("Case") in {"Nom", None}:
                return Mention(s, e, sent, ids[-1], ids)
            return None
    return None


def _cue_left(ctx: Context, q: Quoted) -> tuple[Cue | None, str]:
    """`X сказал: «…»`, `заявил, что «…»`, `По словам X, «…»`, `X: «…»`."""
    view = ctx.view
    sent = ctx.sentence_at(q.open)
    left = view[sent.start : q.open].rstrip() if sent is not None else ""
    if sent is None or not left:
        # A quote opening a paragraph after `Путин заявил:` at the end of the
        # previous one.
        prev_end = view.rfind("\n", 0, q.open)
        before = view[:prev_end].rstrip() if prev_end > 0 else ""
        if before.endswith(":"):
            prev = ctx.sentence_at(len(before) - 1)
            if prev is not None:
                cues = [c for c in ctx.cues[prev.index] if c.type != SOURCE]
                if cues:
                    return cues[-1], "direct-colon"
        return None, ""
    cues = [c for c in ctx.cues[sent.index] if c.stop <= q.open]
    chained = _chained(ctx, q)
    if chained is not None:
        return chained
    if left.endswith(":"):
        if cues:
            return cues[-1], "direct-colon"
        message = _message_cue(ctx, q)
        if message[0] is not None:
            return message
        if not _reaches_sentence_end(ctx, q):
            # `Источник: «Спартак» ведет переговоры …`: a name in marks opens
            # the headline's claim; the claim is the whole line.
            return None, ""
        return None, "headline"
    if cues:
        last = cues[-1]
        between = view[last.stop : q.open]
        words = [t for t in sent.tokens if last.stop <= t.start < q.open and t.pos != "PUNCT"]
        whole = _reaches_sentence_end(ctx, q)
        quoted_words = ctx.text[q.start : q.stop].split()
        # `По словам Кисина, «…»`; in `По словам Кисина, Армения заслуживает
        # процветания, «…»` the quote ends the clause the source brings in:
        # mixed, found by the clause finder.
        if (
            last.type == SOURCE
            and between.rstrip().endswith(",")
            and whole
            and not any(w.feats.get("VerbForm") == "Fin" for w in words)
            # (`По словам Юнкера, такой министр должен …, «иначе …»`: a clause
            # with a subject of its own before the quote; mixed.)
            and not any(w.rel in {"nsubj", "nsubj:pass"} for w in words)
            and not _subject_before(sent, last)
        ):
            return last, "direct-source"
        if (
            "quoteonly" in last.tags
            and norm(sent.tokens[last.first].text) == "как"
            and between.rstrip().endswith(",")
        ):
            # `как выразился Путин в послании, «привести ситуацию …»`: the
            # words the parenthesis announces.
            return last, "direct-source"
        comps = [w for w in words if norm(w.text) in COMPLEMENTISERS and not _hedge(sent, w)]
        tail = norm(left.split()[-1]) if left.split() else ""
        if words and tail == norm(words[-1].text) and _hedge(sent, words[-1]):
            tail = ""  # `обещая доходность от якобы «инвестиций …»`: a hedged term
        # `заявил, что «…»`: the cue's own clause is the quote. In `отметил,
        # что важно, чтобы «…»` the quote is only part of the clause: mixed,
        # found by the clause finder.
        own_clause = len(comps) <= 1 and (not comps or comps[0] is words[-1])
        if (
            last.tags & {"promise", "request"}
            and not comps
            and ctx.text[q.start : q.start + 1].islower()  # not `в «Южном» районе`
            and not _after_name_noun(ctx, q, 1, "marker")  # not `так называемой «…»`
            and _infinitive_holding(sent, last, q)
        ):
            # `пообещал «обязательно» провести чтения`, `повелел оказать
            # «всемерную помощь»`: what is promised or asked, in part the
            # speaker's words, is the infinitive's phrase: mixed.
            return last, "infinitive"
        if (tail in COMPLEMENTISERS or left.endswith((", что", ",что"))) and whole and own_clause:
            return last, "direct-clause"
        characterised = (
            last.type != SOURCE
            and "impersonal" not in last.tags  # `опыт описывается как «…»`: its words
            and len(words) >= 2  # an object, then `как` (`рассказал, как «…»` asks how)
            and norm(words[-1].text) == "как"
            and "," not in between
        )
        # `счел подобную дискуссию «крайне неэтичной»`: the view's object and
        # its quoted quality, as naming; a capitalised quote there is a name
        # (`считает «Спартак» фаворитом`).
        judged = (
            "judging" in last.tags
            and not comps
            and 1 <= len(words) <= 3
            and ctx.text[q.start : q.start + 1].islower()
        )
        if (
            ("naming" in last.tags or characterised or judged)
            and last.token.feats.get("VerbForm") != "Part"
            # `можно назвать «…»`: what one may call it, no one's act of naming
            and (last.token.feats.get("VerbForm") != "Inf" or _phase(last.sent, last.token))
            and (
                len(words) <= 3 or names_quote(sent, last, q) or (characterised and len(words) <= 6)
            )
            and not _one_name(ctx, q)
        ):
            # `описывала своё жилище как «светлое…»`: characterising, like naming.
            return last, "naming"
        if last.type != SOURCE and 1 <= len(words) <= 4 and not comps:
            if any(lemmas(w.text) & _words_nouns() for w in words):
                if len(words) <= 2 and whole and len(quoted_words) >= 2:
                    # `отшучивается словами «…»`: a noun of words before the marks.
                    return last, "direct-object"
            elif (
                last.tags & {"request", "accusation"}
                and not any(
                    w.pos in {"VERB", "AUX"} and w.feats.get("VerbForm") == "Fin" for w in words
                )
                and not _is_name(ctx, sent, q)
            ):
                # `призвал ООН «ответить на …»`, `обвинил Киев в нежелании «…»`:
                # the quote is part of what the speaker asks or accuses, and the
                # claim is mixed. Other verbs' objects in marks are mostly names
                # (`цитирует РИА «Новости»`, `подтвердил закрытие сделки со
                # «Скайлинк»`).
                return last, "object"
        if (
            not words
            and "promise" in last.tags
            and ctx.text[q.start : q.start + 1].islower()
            and len(quoted_words) >= 2
            and not _is_name(ctx, sent, q)
        ):
            # `пообещал «зеркальный ответ» на высылку`: what is promised or
            # threatened, in the speaker's words, is the object: mixed.
            return last, "object"
        if _uttered(ctx, sent, last, words, q):
            # `мужчина кричит «Аллах Акбар»`, `будут скандировать «Наше имя
            # выше денег»`: the words right after a verb of saying.
            return last, "direct-adjacent"
    return _message_cue(ctx, q)


def _subject_before(sent: Sentence, cue: Cue) -> bool:
    """`Ведомство, по словам его представителя, «готово …»`: the clause
    begins before the source phrase set off inside it, so the quote is
    only part of it (mixed, GUIDELINES "Spans")."""
    before = sent.tokens[: cue.first]
    # Only the clause the cue is set off in: `…банку, в которой, по его словам,
    # «…»` begins at `в которой`, which names no subject of its own.
    commas = [t.index for t in before[:-1] if t.text == ","]
    clause = before[commas[-1] + 1 :] if commas else before
    return any(
        t.pos in {"NOUN", "PROPN", "PRON"} and "который" not in lemmas(t.text) for t in clause
    )


def _hedge(sent: Sentence, word: Token) -> bool:
    """`от якобы «инвестиций»`: `якобы` after a preposition doubts the words
    that follow; it brings in no clause."""
    i = word.index
    return norm(word.text) == "якобы" and i > 0 and sent.tokens[i - 1].pos == "ADP"


def _infinitive_holding(sent: Sentence, cue: Cue, q: Quoted) -> int | None:
    """The cue's infinitive object, outside the marks, whose phrase holds the
    quote or follows it (`пообещал «обязательно» провести чтения`); None if
    there is none (`призвали «обеспечить доступ»`: the quote is the whole
    object, direct)."""
    if not sent.parsed or q.close is None:
        return None
    tokens = sent.tokens
    for t in tokens:
        if t.head != cue.head or t.feats.get("VerbForm") != "Inf" or q.open <= t.start <= q.close:
            continue
        # The quote inside the infinitive's phrase, or between the cue and it
        # (`пообещал «в ближайшее время» решить …`: the parse hangs it on the cue).
        last = max(u.start for u in sent.subtree(t.index))
        if cue.stop <= q.open and (q.close < last or t.start < q.open <= last):
            # (`пообещал … сформировать команду и провести «ревизию …»`: the
            # quote within the phrase, at its end.)
            return t.index
    return None


def _uttered(ctx: Context, sent: Sentence, cue: Cue, words: list[Token], q: Quoted) -> bool:
    if words or cue.type == SOURCE or cue.tags & {"naming", "cite", "message"}:
        return False
    if ctx.view[cue.stop : q.open].strip():
        return False  # a comma or a colon: found otherwise
    if cue.token.feats.get("Variant") == "Short":
        return False  # `были объявлены «предателями родины»`: a passive names
    if any(c.start >= q.stop for c in ctx.cues[sent.index]):
        return False  # `он кричал «…», заявил прокурор`: the prosecutor's words
    inner = ctx.text[q.start : q.stop].split()
    if not inner or (len(inner) < 2 and inner[-1][-1:] not in {"!", "?"}):
        return False
    if not inner[0][:1].isupper() and len(inner) < 4:
        return False  # `обещал продолжать «революцию Чавеса»`: an object in marks
    if _tagged_name(ctx, sent, q):
        return False  # `сообщает «Российская газета»`: the outlet is named
    if all(w[:1].isupper() for w in inner if w[:1].isalpha()):
        # Capitalised like a title: words only after a verb of shouting or
        # chanting (`кричит «Аллах Акбар»`), a name after any other.
        return bool(cue.tags & {"quoteonly", "noabout"})
    return True


def _one_name(ctx: Context, q: Quoted) -> bool:
    """`назвал главу «Лиги» Сальвини «великим лидером»`: a capitalised word
    in marks is a party's or a firm's name, not the naming."""
    words = ctx.text[q.start : q.stop].split()
    return len(words) == 1 and words[0][:1].isupper()


def _chained(ctx: Context, q: Quoted) -> tuple[Cue, str] | None:
    """`«…», говорит X, «…»` and `требования: «…», «…»`: the previous quote's cue.

    A list of quotes leads back to the cue before its first; the walk is a
    loop, and each quote's answer is kept, so a list of thousands of quotes
    costs no more than their number.
    """
    walked = []
    while q.open not in ctx.chains:
        step = _chain_step(ctx, q)
        if not isinstance(step, Quoted):
            ctx.chains[q.open] = step
            break
        walked.append(q)
        q = step
    found = ctx.chains[q.open]
    for w in walked:
        ctx.chains[w.open] = found
    return found


def _chain_step(ctx: Context, q: Quoted) -> tuple[Cue, str] | Quoted | None:
    """The chained cue of `q`, or the quote before it whose cue it shares."""
    prev = ctx.quote_before(q.open)
    if prev is None or prev.close is None:
        return None
    gap = ctx.view[prev.close + 1 : q.open]
    if "\n" in gap or len(gap) > 80:
        return None
    sent = ctx.sentence_at(q.open)
    if sent is None:
        return None
    stripped = gap.strip(" \u00a0,—–-")
    if not stripped or norm(stripped) in {"и", "или", "а также"}:
        # A list of quotes: the cue that introduced the first one, however
        # long the list (`баннерами «A», «B», «C»`).
        cue, how = _cue_left_plain(ctx, prev)
        if cue is None:
            cue, how = _message_cue(ctx, prev)
        if cue is None:
            return prev
        return cue, how
    cue = _cue_in(ctx, prev.close + 1, q.open)
    # (Not across a full stop: `«Ласточка», сообщает X. Кроме того, «Ласточки»
    # начнут …` goes on with a sentence of the narrator's.)
    resumed = gap.rstrip().endswith(",") and not _FULL_STOP.search(gap)
    if cue is not None and (resumed or _DASH_RESUMES.search(gap)):
        # `«…», — сказал он. — «…»`: the narrator's remark between two
        # quotes, the second set off by a dash, is one act of saying.
        return cue, "direct-resumed"
    return None


def _cue_left_plain(ctx: Context, q: Quoted) -> tuple[Cue | None, str]:
    sent = ctx.sentence_at(q.open)
    if sent is None:
        return None, ""
    left = ctx.view[sent.start : q.open].rstrip()
    cues = [c for c in ctx.cues[sent.index] if c.stop <= q.open]
    if left.endswith(":") and cues:
        return cues[-1], "direct-colon"
    return None, ""


def colon_paragraphs(ctx: Context, taken: list[Claim]) -> list[Claim]:
    """`Пьер Делинь сказал:` and the next paragraph: his words, marks lost."""
    found = []
    by_paragraph: dict[int, list[Sentence]] = {}
    for sent in ctx.sents:
        by_paragraph.setdefault(sent.paragraph, []).append(sent)
    # Lines under a colon paragraph go on with it only where blank lines part
    # the text's paragraphs (`_line_goes_on`).
    blank_parted = "\n\n" in ctx.view
    for p, sents in by_paragraph.items():
        last = sents[-1]
        if ctx.view[last.start : last.stop].rstrip()[-1:] != ":" or p + 1 not in by_paragraph:
            continue
        cues = ctx.cues[last.index]
        nxt = by_paragraph[p + 1]
        start, stop = nxt[0].start, nxt[-1].stop
        if not cues:
            # `обещал провести чтения в Москве:` and a paragraph in the first
            # person: the words of whoever the paragraph before is about.
            found += _first_person_run(ctx, by_paragraph, p + 1, taken)
            continue
        if ctx.view[start] in OPENING or ctx.view[start] in DASHES:
            continue
        if ctx.view[nxt[-1].start : nxt[-1].stop].rstrip()[-1:] == ":":
            continue  # `В министерстве подтвердили смерть:`: a report of its own
        if any(c.start <= start < c.stop for c in taken):
            continue
        if any(_reports(c) and not _own_view(c) for s in nxt for c in ctx.cues[s.index]):
            # `… в эфире: Как сообщается, трагедия произошла …`: a paragraph
            # that cites a source of its own is narrative (GUIDELINES, Spans);
            # `по нашему мнению` is the speaker's own.
            continue
        if any(c.cue is not None and start <= c.start < stop for c in taken):
            # `В заявлении говорится:` and a paragraph that quotes someone
            # with a cue of its own (`«…», — отметил он`): narrative.
            continue
        q = p + 2
        while (
            blank_parted and q in by_paragraph and _line_goes_on(ctx, by_paragraph[q], stop, taken)
        ):
            stop = by_paragraph[q][-1].stop
            q += 1
        while stop > start and ctx.text[stop - 1] in ". ":
            stop -= 1
        cue = _colon_cue(cues)
        mention = speakers.of_cue(cue, (start, stop))
        claim = Claim(start, stop, DIRECT, nxt[0], cue, mention, "direct-paragraph", 0.8)
        claim.document = cites_document(cue)
        found.append(claim)
        found += _first_person_run(ctx, by_paragraph, q, taken)
    return found


def _line_goes_on(ctx: Context, sents: list[Sentence], after: int, taken: list[Claim]) -> bool:
    """A line right under the colon paragraph, no blank line between (in a
    text whose paragraphs blank lines part): the same paragraph of the
    speaker's words, broken where the scraper kept a line break (`Модрич
    сказал:` and his lines); unless it opens with a mark or a dash, ends in a
    colon, or has a cue or a claim of its own."""
    start, stop = sents[0].start, sents[-1].stop
    if ctx.view.count("\n", after, start) != 1:
        return False
    if ctx.view[start] in OPENING or ctx.view[start] in DASHES:
        return False
    if ctx.view[start:stop].rstrip()[-1:] == ":":
        return False
    if any(not _own_saying(c) for s in sents for c in ctx.cues[s.index]):
        return False
    return not any(c.start < stop and start < c.stop for c in taken)


def _colon_cue(cues: Sequence[Cue]) -> Cue:
    """The cue a colon line brings its paragraph in with: the last one, but
    not one in a relative clause about someone else (`По его словам, …
    Косово, часть жителей которого считает себя государством:` is still
    his; `статью, где жёстко ответил Суркову:` is the author's own)."""
    main = [c for c in cues if not _someone_elses_relative(c)]
    return (main or cues)[-1]


def _someone_elses_relative(cue: Cue) -> bool:
    sent = cue.sent
    if not sent.parsed:
        return False
    tok = sent.tokens[cue.head]
    if not any(sent.tokens[c].rel in {"nsubj", "nsubj:pass"} for c in tok.children):
        return False
    for _ in range(len(sent.tokens)):
        if tok.rel == "acl:relcl":
            return True
        if tok.head < 0:
            return False
        tok = sent.tokens[tok.head]
    return False


def _first_person_run(
    ctx: Context, by_paragraph: dict[int, list[Sentence]], p: int, taken: list[Claim]
) -> list[Claim]:
    """`Модрич сказал:` and several paragraphs of his words, marks lost: each
    paragraph after the first goes on with them while it speaks as `я`/`мы`
    or to `ты`/`вы`, and has no cue (but the speaker's own `должен
    признать`) and no claim found of its own (a cue is the narrator's again:
    `Напомним`, `— отметил он`); a name in marks inside it stays inside."""
    found = []
    while p in by_paragraph:
        sents = by_paragraph[p]
        start, stop = sents[0].start, sents[-1].stop
        if ctx.view[start] in OPENING or ctx.view[start] in DASHES:
            break
        if ctx.view[start:stop].rstrip()[-1:] == ":":
            break
        if any(not _own_saying(c) for s in sents for c in ctx.cues[s.index]):
            break
        if any(c.start < stop and start < c.stop for c in taken):
            break
        if not any(
            _speaks_in_person(t) and not ctx.in_quote(t.start) for s in sents for t in s.tokens
        ):
            break  # (not `«… в наших клетках»`: a title's words)
        while stop > start and ctx.text[stop - 1] in ". ":
            stop -= 1
        found.append(Claim(start, stop, DIRECT, sents[0], None, None, "continued", 0.6))
        p += 1
    return found


def _own_saying(cue: Cue) -> bool:
    """`Должен признать`, `трудно сказать`, `я считаю`, `мы допускаем`: the
    speaker's own words about saying; `Напомним`, `Отметим` (perfective) are
    the narrator's."""
    feats = cue.token.feats
    return feats.get("VerbForm") == "Inf" or (
        feats.get("Person") == "1"
        and (feats.get("Number") == "Sing" or feats.get("Aspect") == "Imp")
    )


def _speaks_in_person(token: Token) -> bool:
    """`я`, `нам`, `мечтал` of `я мечтал`, `стремишься`, `нашей`; not an
    imperative (`см.` of a reference reads as `смотри`)."""
    if token.feats.get("Person") in {"1", "2"}:
        return token.feats.get("Mood") != "Imp"
    return token.pos == "DET" and bool(lemmas(token.text) & _POSSESSIVE)


_POSSESSIVE = frozenset({"мой", "наш", "твой", "ваш"})


def _reports(cue: Cue) -> bool:
    """A source phrase, an impersonal cue or `как сообщил X`: the narrator's."""
    first = norm(cue.sent.tokens[cue.first].text)
    return cue.type == SOURCE or "impersonal" in cue.tags or first == "как"


def _own_view(cue: Cue) -> bool:
    """`по нашему мнению`, `по моим данным`: the speaker's own source."""
    tokens = cue.sent.tokens[cue.first : cue.last + 1]
    return any(lemmas(t.text) & {"мой", "наш"} for t in tokens)


def direct_claims_loose(ctx: Context, linked: list[Claim]) -> list[Claim]:
    """Quotes with no cue of their own that read as speech, not as names.

    A quoted paragraph or sentence continuing a speaker's words is direct
    speech; a few words in marks inside a sentence are a name or a term.
    """
    taken = Spans(linked)
    found: list[Claim] = []
    asked = interviews.questions(ctx.text, ctx.quoted)
    answered = interviews.answers(ctx.text, ctx.quoted, asked)
    interviewee = interviews.interviewee(ctx, asked)
    for q in ctx.quoted:
        if taken.over(q.start, q.stop) or q in asked:
            continue
        if not _speech_like(ctx, q):
            continue
        sent = ctx.sentence_at(q.start) or ctx.sentence_at(q.open)
        if sent is None:
            continue
        # An interview's answer is the interviewee's, named before the questions.
        mention = interviewee if q in answered else None
        found.append(Claim(q.start, q.stop, DIRECT, sent, None, mention, "continued", 0.6))
    return found


def _speech_like(ctx: Context, q: Quoted) -> bool:
    """A quote that opens a sentence and holds one, not a name in marks."""
    inner = ctx.text[q.start : q.stop]
    words = inner.split()
    if q.style == "—" and words:
        return True  # a dialogue line, however short (`— Техники хватает.`)
    if len(words) < 4:
        return False
    before = ctx.view[max(0, q.open - 40) : q.open].rstrip()
    opens_sentence = not before or before[-1] in ".!?…:\n»" or before.endswith("\n")
    line_start = ctx.view.rfind("\n", 0, q.open) + 1
    opens_paragraph = not ctx.view[line_start : q.open].strip()
    end = q.close + 1 if q.close is not None else q.stop
    if _DEFINED.match(ctx.view, end):
        return False  # `«Нам семь тысяч лет» — это лозунг`: the words named, not said
    if opens_paragraph and not _reaches_sentence_end(ctx, q):
        return False  # `«Политика с Ларри Кингом», как подчеркнула X, это программа`
    if before.endswith(":") and _reaches_sentence_end(ctx, q) and not _after_name_noun(ctx, q):
        # `Юханссон передумал, несмотря на возраст: «…»`: a statement set off
        # by a colon is the words of whoever the clause before it is about.
        return _states(ctx, q)
    if opens_paragraph or (opens_sentence and inner.rstrip()[-1:] in ".!?…"):
        return True
    # `«…», сказал Хоровитц. «Пройдет несколько лет …».`: a whole sentence in
    # marks after another goes on with the speaker's words, the full stop
    # after the marks; a title after a colon (`Тема: «…».`) holds no verb.
    after_stop = bool(before) and before[-1] in ".!?…»"
    # (The paragraph's end stands for the full stop a scraper may have lost:
    # `«…», говорит X. «…»` and then a blank line.)
    ends = ctx.view[end : end + 1] in {".", "!", "?", "…"} or _PARAGRAPH_END.match(ctx.view, end)
    return after_stop and bool(ends) and _states(ctx, q)


def _states(ctx: Context, q: Quoted) -> bool:
    """The quoted words hold a finite verb, an infinitive (`рано говорить`)
    or a short form: a statement, not a title (`Тема доклада: «Экономика и общество России»`)."""
    for sent in ctx.sents:
        if sent.stop <= q.start or sent.start >= q.stop:
            continue
        for t in sent.tokens:
            if q.start <= t.start < q.stop and (
                t.feats.get("VerbForm") in {"Fin", "Inf"} or t.feats.get("Variant") == "Short"
            ):
                return True
    return False


_PARAGRAPH_END = re.compile(r"[ \t\xa0]*(?:\n|\Z)")

# `«…» — это лозунг`, `«…», это …`: a quote that is the subject of a definition.
_DEFINED = re.compile(r"\s*,?\s*[—–-]?\s*это\b", re.IGNORECASE)


def _after_name_noun(ctx: Context, q: Quoted, reach: int = 3, tag: str | None = None) -> bool:
    """A noun that names what is in marks (`газета`, `фильм`) among the
    `reach` words before them; with `tag`, only entries so tagged (`marker`:
    `так называемой «…»`, `пресловутой «…»`)."""
    sent = ctx.sentence_at(q.open)
    if sent is None:
        return False
    before = [t for t in sent.tokens if t.stop <= q.open][-reach:]
    names = lexicon.words("name_nouns", tag)
    return any(lemmas(t.text) & names for t in before)
