"""Claims brought in by a noun of saying: `появилась информация о том, что
…`, `ограничился заявлением, что …`, `циркулируют слухи, что …`.

The noun (a `clause` entry of document_nouns.txt or an entry of
report_nouns.txt) is the cue when nothing governs it; when it is the object
of a verb (`ограничился заявлением`, `выступил с заявлением`), that verb is,
so that its subject is the speaker. A negated noun (`нет информации о том,
что`) reports nothing.
"""

from __future__ import annotations

import functools

from . import lexicon, speakers
from .claims import COMPLEMENTISERS, INDIRECT, Claim, Context, _trim
from .clause_ends import clause_end
from .cues import VERB, Cue, norm
from .mentions import Mention, phrase, site_owner
from .morph import lemmas
from .text import Sentence

_NEGATION = {"не", "нет", "ни", "никаких", "никакой", "никакие"}
_OBJECT = {"obj", "obl", "iobj"}
_CLAUSE_NEXT = {",", "о", "об"}  # the word after a noun that brings in a clause


@functools.cache
def _nouns() -> frozenset[str]:
    return lexicon.words("document_nouns", "clause") | lexicon.words("report_nouns")


def may_hold(sent: Sentence) -> bool:
    """Whether a noun may bring in a clause here: the parse is then needed."""
    tokens = sent.tokens
    nouns = _nouns()
    for i in range(1, len(tokens) - 2):
        if norm(tokens[i].text) != "что":
            continue
        back = i - 1 if tokens[i - 1].text == "," else i
        if back == i:
            continue
        if back >= 2 and norm(tokens[back - 1].text) == "том":
            back -= 2  # `о том, что`
        if back >= 1 and lemmas(tokens[back - 1].text) & nouns:
            return True
    return False


def noun_claims(ctx: Context) -> list[Claim]:
    """Every `NOUN, что …` / `NOUN о том, что …` claim of the document."""
    found = []
    nouns = _nouns()
    for sent in ctx.sents:
        if not sent.parsed:
            continue  # no cue, no mark: the parse was skipped, and so is the noun
        tokens = sent.tokens
        for i, tok in enumerate(tokens[:-2]):
            # `NOUN,` or `NOUN о/об` first (what `_clause_start` needs): most
            # nouns are then never lemmatised.
            if tok.pos != "NOUN" or norm(tokens[i + 1].text) not in _CLAUSE_NEXT:
                continue
            if not lemmas(tok.text) & nouns:
                continue
            first = _clause_start(sent, i)
            if first is None or tokens[first - 1].rel not in {"mark", ""}:
                continue  # `сообщение, что пришло вчера`: a relative `что`
            lead = {norm(t.text) for t in tokens[max(0, i - 3) : i]}
            if lead & _NEGATION:
                continue
            claim = _claim(ctx, sent, i, first)
            if claim is not None:
                found.append(claim)
    return found


def _clause_start(sent: Sentence, i: int) -> int | None:
    """First content token after `NOUN, что` or `NOUN о том, что`."""
    words = [norm(t.text) for t in sent.tokens[i + 1 : i + 6]]
    if words[:2] in (["о", "том"], ["об", "этом"]) and words[2:4] == [",", "что"]:
        j = i + 5
    elif words[:1] == [","] and words[1:2] and words[1] in COMPLEMENTISERS - {"чтобы"}:
        j = i + 3
    else:
        return None
    return j if j < len(sent.tokens) else None


def _claim(ctx: Context, sent: Sentence, i: int, first: int) -> Claim | None:
    tokens = sent.tokens
    head = i
    noun = tokens[i]
    if noun.rel in _OBJECT and noun.head >= 0 and tokens[noun.head].pos == "VERB":
        head = noun.head  # `ограничился заявлением`: the verb's subject speaks
    lo, hi = min(head, i), max(head, i)
    cue = Cue(sent, head, lo, hi, VERB, frozenset({"noun"}))
    span = _trim(sent, first, clause_end(ctx, cue, first))
    if span is None:
        return None
    if head != i:
        mention = speakers.of_cue(cue, span)
    else:
        mention = _source_of(sent, i, set(range(first, len(tokens))))
    return Claim(span[0], span[1], INDIRECT, sent, cue, mention, "noun", 0.6)


def _source_of(sent: Sentence, noun: int, blocked: set[int]) -> Mention | None:
    """Whose a noun's message is where no verb governs it: the site it
    appeared on (`На официальном сайте «Манчестер Юнайтед» появилось
    сообщение, что …`) or the body it came from (`из правительства поступили
    заявления, что …`)."""
    tokens = sent.tokens
    owner = site_owner(tokens, 0, noun)
    if owner is not None and owner not in blocked:
        return phrase(sent, owner, blocked | set(range(owner)) | {noun})
    for j in range(noun - 1):
        if norm(tokens[j].text) in {"из", "от"} and speakers.is_institution(tokens[j + 1]):
            return phrase(sent, j + 1, blocked | {noun})
        if norm(tokens[j].text) in {"в", "во"} and lemmas(tokens[j + 1].text) & _media():
            # `в СМИ появилась информация, что …`: the press at large.
            return phrase(sent, j + 1, blocked | {noun})
    return None


@functools.cache
def _media() -> frozenset[str]:
    return lexicon.words("anonymous", "media")
