"""Claims brought in by a source phrase: `По словам X, CONTENT`,
`CONTENT, по его мнению`, `…, по данным X, …`, `согласно X`.
"""

from __future__ import annotations

from . import speakers
from .claims import (
    INDIRECT,
    OPENING,
    QUESTION_WORDS,
    Claim,
    Context,
    _priority,
    _trim,
    apposition_end,
    content_start,
)
from .clause_ends import after_a_but, but_comma, quote_colon
from .cues import SOURCE, Cue, norm
from .mentions import Mention
from .morph import lemmas
from .text import Sentence, Token


def source_claim(ctx: Context, cue: Cue) -> Claim | None:
    """`По словам X, CONTENT`, `CONTENT, по его мнению`, `…, по данным X, …`."""
    sent = cue.sent
    tokens = sent.tokens
    mention = speakers.of_cue(cue)
    if "relative" in cue.tags:
        # `расследование, согласно которому CONTENT`: the relative clause.
        span = _trim(sent, cue.last + 1, quote_colon(ctx, cue, cue.last + 1) - 1)
        if span is None:
            return None
        return Claim(span[0], span[1], INDIRECT, sent, cue, mention, "source-relative",
                     _priority("source", mention))  # fmt: skip
    end = cue.last
    if mention is not None:
        end = max(end, mention.tokens[-1])
    first = content_start(sent)
    if cue.first > first and tokens[cue.first - 1].text == ":":
        # `сомневается, что X: по их мнению, Y`: after a colon the source
        # opens a clause of its own, as at a sentence's start.
        first = cue.first
    elif cue.first > first and tokens[cue.first - 1].text == ",":
        colon = next((k for k in range(cue.first - 2, first, -1) if tokens[k].text == ":"), None)
        if colon is not None:
            # `уверен, что X: альбом, по его мнению, «…»`: a source set off in
            # the clause after a colon speaks for that clause alone.
            first = content_start(sent, colon + 1)
    after = _source_phrase_end(sent, end) + 1
    case = mention.head_token.feats.get("Case") if mention is not None else None
    closed = apposition_end(sent, after, case) if cue.first <= first and case else None
    if closed is not None:
        # `По мнению вирусолога, профессора … Алексея Аграновского, CONTENT`:
        # the title and name set off after the source are who, not what.
        after = closed + 1
    while (
        after < len(tokens) and tokens[after].pos == "PUNCT" and tokens[after].text not in OPENING
    ):
        after += 1
    if "question" in cue.tags:
        return _question_claim(sent, cue, mention, after)
    bracket = _in_brackets(sent, cue.first)
    if bracket is not None:
        # `(по другим данным — 13 февраля)`, `(по оценке аналитика X, на него
        # приходится 70% займов)`: the source speaks for what its brackets hold.
        if after >= bracket:
            return None
        span = _trim(sent, after, bracket - 1)
        if span is None:
            return None
        return Claim(span[0], span[1], INDIRECT, sent, cue, mention, "source-aside",
                     _priority("source", mention))  # fmt: skip
    if cue.first <= first:
        if after >= len(tokens):
            return None
        colon = quote_colon(ctx, cue, after)
        for other in ctx.cues[sent.index]:
            if (
                after < other.first < colon
                and other.type == SOURCE
                and after_a_but(sent, other.first)
            ):
                # `По данным Минздрава, X, однако, по оценкам специалистов, Y`:
                # the second source speaks for Y, the first for X only.
                colon = but_comma(sent, other.first)
                break
        span = _trim(sent, content_start(sent, after), colon - 1)
        how = "source"
    elif after >= len(tokens):
        if not _set_off(sent, cue.first):
            # `жил по поддельным документам`: an adverbial, not a source
            # (`…, по данным МВД.` is set off by its comma).
            return None
        span = _trim(sent, first, cue.first - 1)
        how = "source-post"
    elif after_a_but(sent, cue.first):
        # `Актеру грозит четыре года, однако, по мнению юристов, он …`: the
        # source opens the clause after the `однако`, not the whole sentence.
        colon = quote_colon(ctx, cue, after)
        span = _trim(sent, content_start(sent, after), colon - 1)
        how = "source"
    else:
        # A cue set off by commas inside the claim does not cut it.
        span = _trim(sent, first, len(tokens) - 1)
        how = "source-inside"
    if span is None:
        return None
    priority = _priority(how, mention)
    return Claim(span[0], span[1], INDIRECT, sent, cue, mention, how, priority)


def _question_claim(sent: Sentence, cue: Cue, mention: Mention | None, first: int) -> Claim | None:
    """`На вопрос журналиста, не рано ли говорить о кризисе, тренер ответил`:
    the question, up to the comma before the answer's clause; a topic (`На
    вопрос о значении матча`) asks nothing that is reported."""
    tokens = sent.tokens
    if (
        first + 3 < len(tokens)
        and norm(tokens[first].text) in {"о", "об"}
        and norm(tokens[first + 1].text) == "том"
        and tokens[first + 2].text == ","
    ):
        first += 3  # `На вопрос агентства о том, насколько реальны сроки, …`
    if first < 1 or tokens[first - 1].text != ",":
        return None
    yes_no = "ли" in [t.text for t in tokens[first + 1 : first + 3]]
    if not yes_no and first < len(tokens) and norm(tokens[first].text) not in QUESTION_WORDS:
        return None
    last = len(tokens) - 1
    for i in range(first + 2, len(tokens) - 1):
        if tokens[i].text == "," and _answer_follows(tokens, i + 1):
            last = i - 1
            break
    span = _trim(sent, first, last)
    if span is None:
        return None
    return Claim(
        span[0], span[1], INDIRECT, sent, cue, mention, "source", _priority("source", mention)
    )


def _answer_follows(tokens: list[Token], i: int) -> bool:
    """A finite verb within a few words, no comma between: the main clause."""
    for tok in tokens[i : i + 5]:
        if tok.text in {",", ";", ":"}:
            return False
        if tok.pos in {"VERB", "AUX"} and tok.feats.get("VerbForm") == "Fin":
            return True
    return False


def _set_off(sent: Sentence, i: int) -> bool:
    """A comma, dash or bracket right before token `i`."""
    return i > 0 and sent.tokens[i - 1].text in {",", "—", "–", "-", "("}


def _in_brackets(sent: Sentence, i: int) -> int | None:
    """The index of the `)` that closes a bracket opened right before token
    `i` (only words of the source phrase between), or None."""
    tokens = sent.tokens
    j = i - 1
    if j < 0 or tokens[j].text != "(":
        return None
    for k in range(i + 1, len(tokens)):
        if tokens[k].text == "(":
            return None
        if tokens[k].text == ")":
            return k
    return None


def _source_phrase_end(sent: Sentence, end: int) -> int:
    """Last token of a source phrase: its source and a date, a place or `со
    ссылкой на Y` after it, up to the comma (`По данным Минфина на 1 мая, …`).

    Only a short run with no predicate: a longer one is the content itself
    (`По его словам Россия готова …`, no comma).
    """
    tokens = sent.tokens
    for i in range(end + 1, min(len(tokens), end + 1 + _SOURCE_TAIL)):
        tok = tokens[i]
        if tok.text == ",":
            return _relative_end(sent, i) - 1
        if tok.pos in {"VERB", "AUX", "PUNCT", "SCONJ", "CCONJ", "PRON"} or _starts_clause(tok):
            break
    return end


def _starts_clause(token: Token) -> bool:
    """A subject or a short predicate: the content has begun (`По его
    словам Россия готова …`)."""
    nominal = token.pos in {"NOUN", "PROPN"} and token.feats.get("Case") == "Nom"
    return nominal or token.feats.get("Variant") == "Short"


def _relative_end(sent: Sentence, comma: int) -> int:
    """`По словам министра, который выступил в Думе, …`: the relative clause
    (or a participle's phrase) describes the source; the comma after it
    closes the phrase."""
    tokens = sent.tokens
    if comma + 1 >= len(tokens):
        return comma
    after = tokens[comma + 1]
    # `Согласно отчету управления, посвященному соблюдению прав …, Украина …`:
    # a participle's phrase describes the source as a relative clause does.
    # (`По словам прокурора, нападавший принял ислам`: a participle in the
    # nominative is the content's subject.)
    participle = (
        after.feats.get("VerbForm") == "Part"
        and after.feats.get("Case") != "Nom"
        # (`На вопрос, связана ли отставка …`: a short one is a predicate)
        and after.feats.get("Variant") != "Short"
    )
    if "который" not in lemmas(after.text) and not participle:
        return comma
    for i in range(comma + 2, len(tokens) - 1):
        if tokens[i].text == ",":
            return i
    return comma


# At most this many words between the source and the comma closing its phrase.
_SOURCE_TAIL = 8
