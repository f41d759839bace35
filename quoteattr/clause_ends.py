"""Where a reported clause ends: at the sentence's end unless the cue verb
goes on with a predicate of its own, another cue of the same speaker, a new
speaker's words or a colon cuts it first.
"""

from __future__ import annotations

from .claims import CLOSING, OPENING, Context, _linking
from .cues import SOURCE, Cue, _verbs, norm
from .morph import lemmas
from .speakers import thing_as_subject
from .text import Sentence, Token


def _later_cue_cut(ctx: Context, cue: Cue, first: int) -> int:
    """Last content token: a gerund or a second verb of the same speaker ends it.

    `заявила о разработке плана, отметив, что …` holds two claims; the first
    runs only to the comma before `отметив`.
    """
    sent = cue.sent
    last = len(sent.tokens) - 1
    for other in ctx.cues[sent.index]:
        if other.head <= first or other is cue:
            continue
        token = sent.tokens[other.head]
        sibling = (
            token.head == cue.head
            and token.rel in {"advcl", "conj", "parataxis"}
            and not _other_form(cue, token)
        )
        if other.type == SOURCE and other.first > first and after_a_but(sent, other.first):
            # `Считается, что X, однако, по словам Литвак, Y`: the second
            # source speaks for Y; the first claim ends before the `однако`.
            return min(last, but_comma(sent, other.first))
        if sibling or (not sent.parsed and other.first > first) or _set_off_gerund(sent, other):
            cut = other.first - 1
            while cut > first and sent.tokens[cut].pos in {"PUNCT", "CCONJ"}:
                cut -= 1
            return min(last, cut)
    return last


def _set_off_gerund(sent: Sentence, cue: Cue) -> bool:
    """`сообщили, что задержаны 47 человек, добавив, что …`: a gerund of
    saying set off by a comma, with its own `что`, is the speaker's next act
    wherever the parser hangs it."""
    tokens = sent.tokens
    i = cue.first
    return (
        cue.first == cue.last
        and tokens[i].feats.get("VerbForm") == "Conv"
        and i > 0
        and tokens[i - 1].text == ","
        and i + 2 < len(tokens)
        and tokens[i + 1].text == ","
        and norm(tokens[i + 2].text) in {"что", "чтобы"}
    )


def new_speaker_cut(
    ctx: Context, sent: Sentence, first: int, last: int, cue: Cue | None = None
) -> int:
    """Last content token before a coordinated clause with a speech act of its own.

    `сообщали о двух погибших, однако потом ГИБДД опровергли эту
    информацию`: the clause after `, однако` reports someone else's words,
    not the first speaker's. A clause after `, но` with no cue stays content.
    """
    tokens = sent.tokens
    for other in ctx.cues[sent.index]:
        verb = tokens[other.head]
        if not first < other.first <= last or other.type == SOURCE or "quoteonly" in other.tags:
            continue  # `продолжает работать`: not a second act of saying
        if verb.feats.get("VerbForm") != "Fin" or thing_as_subject(sent, other.head):
            continue  # (`его закрытие отвечает интересам`: no act of saying)
        says = any(
            norm(t.text) in {"что", "чтобы", "будто"}
            for t in tokens[other.last + 1 : other.last + 3]
        )
        if (
            norm(tokens[other.first - 1].text) == "и"
            and other.first - 2 > first
            and not _other_number(cue, verb, says)
        ):
            # `напомнил, что X и подчеркнул, что Y`: a second act of saying;
            # not `заявили, что крыша … и требует ремонта`, whose verb is the
            # clause's own (its number is not the speaker's).
            cut = other.first - 2
            while cut > first and tokens[cut].pos == "PUNCT" and tokens[cut].text not in CLOSING:
                cut -= 1
            return cut
        if (
            sent.parsed
            and not any(tokens[k].rel in {"nsubj", "nsubj:pass"} for k in verb.children)
            and not _agrees_with_cue(cue, verb)
        ):
            # `заявил, что …, однако ответит на любые угрозы`: no subject of
            # its own and not the speaker's past (`однако напомнил`), so the
            # reported clause's own predicate, not a new act of saying.
            continue
        i = other.first - 1
        while i > first and tokens[i].text not in ",;:—–":
            i -= 1
        subject = sent.parsed and any(
            tokens[k].rel in {"nsubj", "nsubj:pass"} and k < other.head for k in verb.children
        )
        dash = tokens[i].text in "—–" and subject and "opinion" not in other.tags
        if (
            i > first
            and tokens[i].text == ","
            and says
            and cue is not None
            and cue.token.feats.get("VerbForm") == "Fin"  # not `Говоря о X, глава сообщила`
            and _subject_between(sent, i, other.head)
        ):
            # `Критики говорят, что X, сторонники пишут, что Y`: a comma, a
            # subject and its own verb of saying with a clause: another
            # speaker's act, not the first speaker's words.
            cut = i - 1
            while cut > first and tokens[cut].pos == "PUNCT" and tokens[cut].text not in CLOSING:
                cut -= 1
            return cut
        if i > first and (dash or (tokens[i].text == "," and _links(sent, i + 1))):
            # `сказал, что шокирован — он назвал сына …`: a dash before a
            # subject and its own verb of saying starts another sentence.
            cut = i - 1
            while cut > first and tokens[cut].pos == "PUNCT" and tokens[cut].text not in CLOSING:
                cut -= 1
            return cut
    return last


def _subject_between(sent: Sentence, comma: int, head: int) -> bool:
    """Only the verb's subject, a noun phrase, between the comma and the verb."""
    if not sent.parsed or head <= comma + 1:
        return False
    tokens = sent.tokens
    subjects = [
        k for k in tokens[head].children if tokens[k].rel in {"nsubj", "nsubj:pass"} and k < head
    ]
    if not subjects or tokens[subjects[0]].pos not in {"NOUN", "PROPN"}:
        return False
    phrase = {t.index for t in sent.subtree(subjects[0])}
    return all(k in phrase for k in range(comma + 1, head))


def _agrees_with_cue(cue: Cue | None, verb: Token) -> bool:
    """The same gender and number as the cue verb's (`заявил … напомнил`)."""
    if cue is None:
        return True
    feats, theirs = cue.token.feats, verb.feats
    if feats.get("Number") == "Plur":  # a plural past has no gender
        return theirs.get("Number") == "Plur" and theirs.get("Gender") is None
    if feats.get("Gender") is None and feats.get("Tense") == "Pres":
        # `объявляет …, а во второй спрашивает`: the present has no gender.
        return theirs.get("Gender") is None and all(
            feats.get(f) == theirs.get(f) for f in ("Number", "Tense")
        )
    mine = (feats.get("Gender"), feats.get("Number"))
    return None not in mine and mine == (theirs.get("Gender"), theirs.get("Number"))


def _other_form(cue: Cue, verb: Token) -> bool:
    """A finite verb of another gender than the cue's: someone else's act
    (`рассказала, что ей позвонил мужчина … и сказал, что …`); a number may
    part for a collective (`полиция предполагает … и пытаются выяснить`)."""
    if verb.feats.get("VerbForm") != "Fin":
        return False
    mine, theirs = cue.token.feats.get("Gender"), verb.feats.get("Gender")
    return mine is not None and theirs is not None and mine != theirs


def _other_number(cue: Cue | None, verb: Token, says: bool = False) -> bool:
    """Another number, or another tense (`заявлял, что Берлин не
    заинтересован … и рассчитывает на …`): the clause's own verb. A verb
    that `says` a clause of its own (`…, и верит, что …`) is the speaker's
    next act in any tense."""
    if cue is None:
        return False
    # Another gender too (`рассказала, что ей позвонил мужчина … и сказал`).
    for feat in ("Number", "Gender") if says else ("Number", "Gender", "Tense"):
        mine, theirs = cue.token.feats.get(feat), verb.feats.get(feat)
        if mine is not None and theirs is not None and mine != theirs:
            return True
    return False


def _links(sent: Sentence, i: int) -> bool:
    """A linking word or phrase (`однако`, `но`, `а`, `при этом`) starts at `i`."""
    words = tuple(norm(t.text) for t in sent.tokens[i : i + 3])
    return any(words[: len(phrase)] == phrase for phrase in _linking())


def _colon_cut(
    sent: Sentence, first: int, last: int, cue_starts: set[int], set_off: set[int]
) -> int:
    """`подчеркнул, что X: Если он попросит, мы …`: the colon opens the
    speaker's own words; the reported clause ends before it. So does a
    colon before another cue (`сомневается, что X: по их мнению, Y`), or
    before a clause with a source set off in it (`полагает, что X: Y, по
    словам исследователя, Z`)."""
    tokens = sent.tokens
    for i in range(first + 1, last):
        if tokens[i].text != ":":
            continue
        nxt = tokens[i + 1]
        if nxt.text in OPENING or nxt.text[:1].isupper() or i + 1 in cue_starts:
            return i - 1
        colon = next((k for k in range(i + 1, last + 1) if tokens[k].text == ":"), last + 1)
        if any(i < k < colon for k in set_off):
            return i - 1
    return last


def _set_off_by_comma(sent: Sentence, i: int) -> bool:
    return i > 0 and sent.tokens[i - 1].text == ","


def quote_colon(ctx: Context, cue: Cue, first: int) -> int:
    """`По словам X, Крым не единственный объект интереса: «Турция …»`, `Как
    заявил X, он не видит оснований: «…»`: a source's clause ends at a colon
    that opens a quote, the quote a claim of its own. The index of that colon
    after `first`, or past the sentence's last token: not a colon inside
    marks (`«… высказыванию: „…“»`), nor one after another cue, whose quote
    lies inside what the source told (`брат позвонил и сказал: «…»`)."""
    sent = cue.sent
    tokens = sent.tokens
    colon = next(
        (
            i
            for i in range(first + 1, len(tokens) - 1)
            if tokens[i].text == ":" and tokens[i + 1].text in OPENING
        ),
        len(tokens),
    )
    if colon == len(tokens):
        return colon
    if any(q.open < tokens[colon].start < q.stop for q in ctx.quoted):
        return len(tokens)
    if any(first <= c.head < colon for c in ctx.cues[sent.index] if c is not cue):
        return len(tokens)
    return colon


def clause_end(ctx: Context, cue: Cue, first: int) -> int:
    """Last token of the reported clause starting at `first`.

    The clause runs to the end of the sentence unless the cue verb goes on
    with a predicate of its own: a coordinated verb (`заявил о намерениях и
    сделал предложения`, `…, однако лидер оппозиции назвал …`) or a gerund
    (`…, отметив, что`). Other cues of the same speaker cut it too.
    """
    sent = cue.sent
    end = len(sent.tokens) - 1
    last = _later_cue_cut(ctx, cue, first)
    cues = ctx.cues[sent.index]
    cue_starts = {c.first for c in cues}
    set_off = {c.first for c in cues if c.type == SOURCE and _set_off_by_comma(sent, c.first)}
    cut = _colon_cut(sent, first, last, cue_starts, set_off)
    last = min(last, new_speaker_cut(ctx, sent, first, end, cue), cut)
    if not sent.parsed:
        return last
    tokens = sent.tokens
    if tokens[cue.head].feats.get("VerbForm") == "Part" and tokens[cue.head].rel != "root":
        # `Сифуэнтес, заявивший, что X, обсуждал …`: the participle phrase,
        # and the clause it holds, end where its subtree ends (unless the
        # parse hung the clause elsewhere: `Гусев, заявивший, что …` at the
        # sentence's end, its clause made a conjunct of the main verb).
        below = max(t.index for t in sent.subtree(cue.head))
        if below >= first:
            last = min(last, below)
        while last > first and tokens[last].pos == "PUNCT" and tokens[last].text not in CLOSING:
            last -= 1
    for c in tokens[cue.head].children:
        t = tokens[c]
        if c <= first + 1 or c > last:
            continue
        if (t.rel == "conj" and not _other_form(cue, t) and not _own_clause_after_a(sent, t)) or (
            t.rel == "advcl" and t.feats.get("VerbForm") == "Conv"
        ):
            # Cut before the conjunction and comma that introduce it.
            # (Not a closing mark the parse hung on it: `«назрел», и поручила`.)
            begin = min([c, *(
                k for k in t.children
                if tokens[k].rel in {"cc", "punct"} and k < c and tokens[k].text not in CLOSING
            )])  # fmt: skip
            if begin <= first:
                continue  # the clause itself, parsed as a second predicate of the cue
            cut = begin - 1
            while cut > first and tokens[cut].pos == "PUNCT" and tokens[cut].text not in CLOSING:
                cut -= 1
            last = min(last, cut)
    last = min(last, _negated_act(sent, cue, first, last), _declined(sent, cue, first, last))
    return min(last, _speakers_own_verb(sent, cue, first, last))


def _own_clause_after_a(sent: Sentence, verb: Token) -> bool:
    """`заявляла, что консульство «утратило назначение», а его закрытие
    отвечает интересам …`: a clause after `, а` with a subject of its own and
    no verb of saying goes on with what was said, wherever the parse hung it
    (a new speaker's act is cut elsewhere: `new_speaker_cut`)."""
    tokens = sent.tokens
    cc = [tokens[k] for k in verb.children if tokens[k].rel == "cc" and k < verb.index]
    if not cc or norm(cc[0].text) != "а":
        return False
    if lemmas(verb.text) & _verbs().keys():
        return False
    return any(
        tokens[k].rel in {"nsubj", "nsubj:pass"} and tokens[k].pos != "PRON" and k < verb.index
        for k in verb.children
    )


def _negated_act(sent: Sentence, cue: Cue, first: int, last: int) -> int:
    """`подтвердил, что X, но не сообщил, кому …`: a negated verb of saying
    after `, но` that agrees with the cue and has no subject of its own is the
    speaker's next act (reporting nothing), not the clause's."""
    tokens = sent.tokens
    for i in range(first + 2, last):
        verb = tokens[i + 1]
        if norm(tokens[i].text) != "не" or verb.feats.get("VerbForm") != "Fin":
            continue
        if not lemmas(verb.text) & _verbs().keys() or not _agrees_with_cue(cue, verb):
            continue
        if sent.parsed and any(tokens[k].rel in {"nsubj", "nsubj:pass"} for k in verb.children):
            continue
        if tokens[i - 2].text == "," and _links(sent, i - 1):
            cut = i - 3
            while cut > first and tokens[cut].pos == "PUNCT" and tokens[cut].text not in CLOSING:
                cut -= 1
            return cut
    return last


def _declined(sent: Sentence, cue: Cue, first: int, last: int) -> int:
    """`сказал, что с обвинением не согласен, и от дальнейших комментариев
    отказался`: the speaker's refusal, a verb that agrees with the cue's
    after `и`, `но` or `а`, ends what was said."""
    tokens = sent.tokens
    for i in range(first + 2, last + 1):
        verb = tokens[i]
        if verb.feats.get("VerbForm") != "Fin" or not lemmas(verb.text) & _REFUSING:
            continue
        if not _agrees_with_cue(cue, verb):
            continue
        for k in range(i - 1, first, -1):
            if norm(tokens[k].text) in {"и", "но", "а", "однако"}:
                if any(
                    t.pos in {"NOUN", "PROPN", "PRON"} and t.feats.get("Case") == "Nom"
                    for t in tokens[k + 1 : i]
                ):
                    break  # `…, а сами компании отказались от рекламы`: the clause's own
                cut = k - 1
                while (
                    cut > first and tokens[cut].pos == "PUNCT" and tokens[cut].text not in CLOSING
                ):
                    cut -= 1
                return cut
            if tokens[k].text in {",", ";"} or tokens[k].pos in {"VERB", "AUX"}:
                break
    return last


_REFUSING = frozenset({"отказаться", "отказываться", "воздержаться", "уклониться"})


def _speakers_own_verb(sent: Sentence, cue: Cue, first: int, last: int) -> int:
    """`заявил, что встреча возможна, но отказался назвать сроки`: the parse
    joins the second verb to the clause's predicate, but it agrees with the
    speaker, not with the clause's subject, and has no subject of its own:
    the clause ends before it."""
    tokens = sent.tokens
    verb = tokens[cue.head]
    wanted = (verb.feats.get("Gender"), verb.feats.get("Number"))
    for pred in tokens[first : last + 1]:
        # The cue's own clause, hung on its verb or on a word of its phrase
        # (`выразил надежду, что …`).
        if not cue.first <= pred.head <= cue.last and pred.head != cue.head:
            continue
        if pred.rel not in {"ccomp", "advcl", "parataxis", "acl"}:
            continue
        subject = next(
            (tokens[k] for k in pred.children if tokens[k].rel in {"nsubj", "nsubj:pass"}), None
        )  # `переговоры ведутся`: a passive's subject too
        if subject is None or subject.pos == "PRON":
            continue
        theirs = (subject.feats.get("Gender"), subject.feats.get("Number"))
        for c in pred.children:
            t = tokens[c]
            if c <= first or c > last or t.rel != "conj" or t.pos != "VERB":
                continue
            if t.feats.get("VerbForm") != "Fin" or any(
                tokens[k].rel in {"nsubj", "nsubj:pass"} for k in t.children
            ):
                continue
            mine = (t.feats.get("Gender"), t.feats.get("Number"))
            if mine == wanted and mine != theirs and None not in mine:
                begin = min([c, *(
                    k for k in t.children
                    if tokens[k].rel in {"cc", "punct"} and tokens[k].text not in CLOSING
                )])  # fmt: skip
                cut = begin - 1
                while (
                    cut > first and tokens[cut].pos == "PUNCT" and tokens[cut].text not in CLOSING
                ):
                    cut -= 1
                return cut
    return last


def after_a_but(sent: Sentence, i: int) -> bool:
    """`…, однако, по мнению X, …`, `…, но по данным X …`: a comma and `но`,
    `однако` or `а` right before token `i` (a comma after it or not)."""
    tokens = sent.tokens
    j = i - 1
    if j >= 0 and tokens[j].text == ",":
        j -= 1
    return (
        j >= 1 and norm(tokens[j].text) in {"но", "однако", "а", "и"} and tokens[j - 1].text == ","
    )


def but_comma(sent: Sentence, i: int) -> int:
    """The comma before the `но`/`однако`/`а`/`и` that `after_a_but` found
    before token `i`."""
    j = i - 1
    if sent.tokens[j].text == ",":
        j -= 1
    return j - 1
