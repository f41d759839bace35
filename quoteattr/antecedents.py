"""Where a pronoun points when the names NER found do not say: the group
`они` stands for (`ГИБДД и МЧС опровергли …  По их информации`) and a
surname the tagger missed here but found elsewhere (`Зеленский призвал …
— написал он`).
"""

from __future__ import annotations

from .cues import norm
from .entities import Entity, Resolver, _agrees
from .mentions import Mention, phrase
from .text import Sentence


def _unnamed_subject(r: Resolver, offset: int, gender: str | None) -> tuple[int, Entity] | None:
    """`Зеленский призвал … «…», - написал он`: a surname the tagger missed
    here but named elsewhere in the document, as the subject of one of the
    two sentences before, agreeing with the pronoun. (sentence index, entity)"""
    here = r.ctx.sentence_at(offset)
    if here is None:
        return None
    for k in range(here.index, max(here.index - 3, -1), -1):
        sent = r.ctx.sents[k]
        covered = [(s, e) for s, e, _ in r.ctx.names[k]]
        for tok in sent.tokens:
            if tok.start >= offset:
                break
            if (
                tok.pos != "PROPN"
                or tok.feats.get("Case") != "Nom"
                or tok.rel not in {None, "nsubj", "nsubj:pass"}
            ):
                continue
            if any(s <= tok.start < e for s, e in covered):
                continue
            entity = r.person_named([tok.text])
            if entity is not None and _agrees(entity, gender, "sing"):
                return k, entity
    return None


def _plural_subject(r: Resolver, offset: int) -> Mention | None:
    """The group `они`, `их` points back to: the plural or coordinated
    subject of the sentence before (`ГИБДД и МЧС опровергли эту информацию.
    По их информации, …`)."""
    here = r.ctx.sentence_at(offset)
    if here is None:
        return None
    # `Родители погибшей приехали … Они умоляли … — говорится в их
    # заявлении`: a sentence whose subject is `они` itself passes back.
    for k in range(here.index - 1, max(here.index - 3, -1), -1):
        sent = r.ctx.sents[k]
        if not sent.parsed:
            return _plural_opening(sent)
        found, they = _plural_in(sent)
        if found is not None or not they:
            return found
    return None


def _plural_in(sent: Sentence) -> tuple[Mention | None, bool]:
    """The plural subject of a parsed sentence, and whether `они` is one."""
    they = False
    for tok in reversed(sent.tokens):  # the last subject is the nearest
        if tok.rel not in {"nsubj", "nsubj:pass"}:
            continue
        if tok.pos == "PRON" and norm(tok.text) == "они":
            they = True
        if tok.pos not in {"NOUN", "PROPN"}:
            continue
        coordinated = any(sent.tokens[c].rel == "conj" for c in tok.children)
        if tok.feats.get("Number") == "Plur" or coordinated:
            return phrase(sent, tok.index), they
    return None, they


def _plural_opening(sent: Sentence) -> Mention | None:
    """In a sentence the parser did not read (`Представители Роскосмоса не
    подтвердили …`, no cue in it): a plural nominative noun before its first
    verb, with the genitives after it."""
    tokens = sent.tokens
    for i, tok in enumerate(tokens):
        if tok.pos in {"VERB", "AUX"}:
            return None
        f = tok.feats
        if tok.pos in {"NOUN", "PROPN"} and f.get("Case") == "Nom" and f.get("Number") == "Plur":
            last = i
            while (
                last + 1 < len(tokens)
                and tokens[last + 1].feats.get("Case") == "Gen"
                and (tokens[last + 1].pos in {"NOUN", "PROPN", "ADJ"})
            ):
                last += 1
            span = tuple(range(i, last + 1))
            return Mention(tok.start, tokens[last].stop, sent, i, span)
    return None
