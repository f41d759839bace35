"""Where a pronoun or a role points when the names NER found do not say
it plainly: the group `они` stands for (`ГИБДД и МЧС опровергли …  По их
информации`), a surname the tagger missed here but found elsewhere
(`Зеленский призвал … — написал он`), the subject a sentence is about
(the main clause's before a reported clause's), and the pair a plural role
names (`Путин и Си Цзиньпин … Лидеры заявили`).
"""

from __future__ import annotations

import itertools

from . import lexicon, morph
from .cues import norm
from .entities import Entity, Resolver, _agrees
from .mentions import Mention, phrase
from .morph import NAME_GRAMMEMES, lemmas, parse
from .namecontext import GENDERS
from .phrases import _POSSESSIVES
from .speakers import is_institution
from .text import Sentence, Token


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
    own = _plural_before_colon(here, offset)
    if own is not None:
        return own
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


def _plural_before_colon(sent: Sentence, offset: int) -> Mention | None:
    """`Аналитики Morgan Stanley настроены пессимистичнее: по их оценке, …`:
    the plural subject of the clause a colon or semicolon closes, in the
    pronoun's own sentence."""
    if not sent.parsed:
        return None
    tokens = [t for t in sent.tokens if t.start < offset]
    stops = [t.index for t in tokens if t.text in {":", ";"}]
    if not stops:
        return None
    for tok in tokens[: stops[-1]]:  # the first: the clause's own, not a `что`-clause's
        if (
            tok.rel in {"nsubj", "nsubj:pass"}
            and tok.pos in {"NOUN", "PROPN"}
            and tok.feats.get("Number") == "Plur"
            and (tok.feats.get("Animacy") == "Anim" or is_institution(tok))
        ):
            return phrase(sent, tok.index)
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


def _subject_first(
    r: Resolver, found: list[tuple[int, Entity]], subject_only: bool = False
) -> Entity | None:
    """The subject among people named in one sentence, the main clause's
    before a reported clause's (`Песков сообщил, что Сурков подал …` → Песков,
    the one the text is about); else the first the sentence names (`found`
    runs nearest first), most often what the sentence is about."""
    best: tuple[int, Entity] | None = None
    for start, entity in found:
        rank = _subject_rank(r, start)
        if rank is not None and (best is None or rank < best[0]):
            best = (rank, entity)
            if rank == 0:
                break
    if best is not None:
        return best[1]
    return None if subject_only else found[-1][1]


def _subject_rank(r: Resolver, start: int) -> int | None:
    """0: the main clause's subject (or a nominative in an unparsed
    sentence); 1: a subordinate clause's; None: not a subject."""
    sent = r.ctx.sentence_at(start)
    if sent is None:
        return None
    for tok in sent.tokens:
        if tok.start != start:
            continue
        if not sent.parsed:
            # Sentences with no cue go unparsed; the nominative stands in
            # for the subject (`…прибыл президент Дмитрий Медведев`).
            return 0 if tok.feats.get("Case") == "Nom" else None
        if _dative_doer(sent, tok):
            return 1
        # Up an apposition chain to what it stands beside (`Ученик Алферова,
        # член-корреспондент РАН Николай Леденцов, рассказал`); a genitive the
        # parser made an apposition (`Алферова`) is whose, not who.
        while tok.rel in {"appos", "flat:name"} and tok.head >= 0:
            if tok.rel == "appos" and tok.feats.get("Case") not in {None, "Nom"}:
                return None
            tok = sent.tokens[tok.head]
        head = tok if tok.head < 0 else sent.tokens[tok.head]
        if tok.rel not in {"nsubj", "nsubj:pass"}:
            return None
        return 0 if head.rel in _MAIN_CLAUSE else 1
    return None


def _dative_doer(sent: Sentence, tok: Token) -> bool:
    """`Дмитрию Пескову пришлось дать комментарий`: the dative of an
    impersonal `пришлось`, `удалось` before an infinitive does what it says
    (read from the words: the parser often hangs such a dative elsewhere)."""
    if tok.feats.get("Case") != "Dat":
        return False
    tokens = sent.tokens
    i = tok.index + 1
    while i < len(tokens) and tokens[i].pos == "PROPN" and tokens[i].feats.get("Case") == "Dat":
        i += 1  # the rest of the name
    return (
        i + 1 < len(tokens)
        and bool(lemmas(tokens[i].text) & _IMPERSONAL_MODALS)
        and any(t.feats.get("VerbForm") == "Inf" for t in tokens[i + 1 : i + 3])
    )


# Impersonal verbs whose dative is the doer of the infinitive after them.
_IMPERSONAL_MODALS = frozenset({"прийтись", "приходиться", "удаться", "удаваться", "предстоять"})


# A verb heading the sentence's main clause, or joined to it.
_MAIN_CLAUSE = frozenset({"root", "conj", "parataxis"})


# Words that make a role noun someone new: `другой эксперт`, `один из чиновников`.
_SOMEONE_NEW = frozenset({"другой", "один", "некий", "еще", "ещё", "какой-то", "неназванный",
                          "анонимный", "иной", "некоторый", "очередной"})  # fmt: skip


_SIDES = frozenset({"сторона"})


def _bare_group(m: Mention) -> bool:
    """`Лидеры`, `Обе стороны`, `главы государств`: no name, no `другие`."""
    tokens = m.sent.tokens
    return not any(
        tokens[i].pos == "PROPN" or lemmas(tokens[i].text) & _SOMEONE_NEW for i in m.tokens
    )


def _pair_before(r: Resolver, m: Mention) -> tuple[Entity, Entity] | None:
    """Two people named as one subject (`A и B`) in the sentence before the
    mention or the one before that, in its paragraph or the one before."""
    here = m.sent
    sents = r.ctx.sents
    for k in range(here.index - 1, max(here.index - 3, -1), -1):
        sent = sents[k]
        if here.paragraph - sent.paragraph > 1:
            return None
        people = r.people_in(sent.start, sent.stop)
        for ((s1, e1), first), ((s2, _e2), second) in itertools.pairwise(people):
            gap = r.ctx.view[e1:s2].strip()
            if norm(gap) == "и" and first is not second and _subject_rank(r, s1) == 0:
                return first, second
    return None


def common_animate(token: Token) -> bool:
    """A word the dictionary knows only as a common animate noun (no name)."""
    return morph.common_animate(token.text)


def animate_noun(token: Token) -> bool:
    """A common noun the dictionary knows as animate and singular: a role,
    an occupation, a nationality (`синоптик`, `артистка`, `бразилец`)."""
    if token.pos != "NOUN" or not morph.is_known(token.text.lower()):
        return False
    found = parse(token.text.lower())
    # The first reading, or, where the tagger read the word as singular, the
    # first singular one (`россиянки`: a plural first, `По словам россиянки`).
    if token.feats.get("Number") == "Sing":
        found = [p for p in found if "sing" in p.tag.grammemes]
    best = found[:1]
    return (
        bool(best)
        and {"NOUN", "anim", "sing"} <= best[0].tag.grammemes
        and not (NAME_GRAMMEMES & best[0].tag.grammemes)
    )


def bare_role(m: Mention, whose: bool = False) -> bool:
    """`эксперт`, `Политик`, `бывший соратник`: a role noun with adjectives at
    most, which points back to the person the text is about. With `whose`, a
    possessive too (`его друг`): a role someone was titled with, never the
    one it belongs to."""
    tokens = m.sent.tokens
    for i in m.tokens:
        if i == m.head:
            continue
        tok = tokens[i]
        if whose and i < m.head and norm(tok.text) in _POSSESSIVES:
            continue
        if tok.pos not in {"ADJ", "DET"} or i > m.head or norm(tok.text) in _SOMEONE_NEW:
            return False
    return tokens[m.head].feats.get("Number") != "Plur"


def gender_fits(entity: Entity, m: Mention) -> bool:
    """`супруга` is no man; `политик` may be either, and so may most
    masculine role nouns (`Канцлер заявила`): there the verb decides."""
    if entity.gender is None:
        return True
    head = m.head_token
    lem = lemmas(head.text)
    if lem & lexicon.words("person_descriptors", "common"):
        return True
    # The word as written first: pymorphy3 lemmatises `супруга` to `супруг`.
    word = {head.text.lower().replace("ё", "е")}
    tagged = {g for g in ("masc", "femn") if word & lexicon.words("person_descriptors", g)} or {
        g for g in ("masc", "femn") if lem & lexicon.words("person_descriptors", g)
    }
    if tagged:
        return entity.gender in tagged
    # A person's reading first: `политика` is the politician's genitive
    # before it is `политика` (politics).
    parses = parse(head.text)
    best = [p for p in parses if "anim" in p.tag][:1] or parses[:1]
    if best and best[0].tag.gender == "femn":
        return entity.gender == "femn"  # `журналистка` (`глава`, `судья`: no gender)
    return not sex_clashes(entity, m)


def sex_clashes(entity: Entity, m: Mention) -> bool:
    """The verb the mention is the subject of says one sex, and the entity's
    settled gender the other. Only a gender a first name or a verb settles
    counts: `Крессида Дик` may be guessed a man; `Сардана Кривошапкина
    напомнила` is a woman, and `министр заверил` is not she."""
    head = m.head_token
    settled = entity.gender if entity.gender_strength >= 3 else None
    if not settled or head.rel not in {"nsubj", "nsubj:pass"} or head.head < 0:
        return False
    said = GENDERS.get(m.sent.tokens[head.head].feats.get("Gender", ""))
    return said is not None and said != settled
