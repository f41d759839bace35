"""What the tagger and the parse say of a person's name where it stands:
its gender and case in context (`Теннисистка Мирра Андреева вышла`), and the
gender of the verb it is the subject of (`Холли Соломон убеждена`).
"""

from __future__ import annotations

from . import names
from .morph import parse
from .text import Sentence, Token


def tagged_gender(sent: Sentence, start: int, stop: int) -> str | None:
    """The gender the tagger gives every word of a name, when they agree."""
    genders = {
        tok.feats.get("Gender")
        for tok in sent.tokens
        if start <= tok.start and tok.stop <= stop and tok.pos == "PROPN"
    }
    if len(genders) != 1 or any(
        tok.feats.get("Number") == "Plur"
        for tok in sent.tokens
        if start <= tok.start and tok.stop <= stop
    ):
        return None
    return GENDERS.get(genders.pop())


# The tagger's and parser's (UD) genders in pymorphy3's names, as the
# entities and lexicons spell them.
GENDERS = {"Masc": "masc", "Fem": "femn"}

# A woman's surname in the nominative, the same letters as a man's genitive.
HER_SURNAME_ENDS = ("ова", "ева", "ёва", "ина", "ына")


def stands_free(sent: Sentence, start: int) -> bool:
    """Nothing before the name governs its case: it opens the sentence or
    follows punctuation or a nominative title (`Теннисистка Мирра …`), not a
    preposition or an oblique noun (`по словам премьер-министра Кира …`,
    where the tagger may still call it nominative)."""
    before = [t for t in sent.tokens if t.stop <= start]
    if not before:
        return True
    prev = before[-1]
    return prev.pos == "PUNCT" or (prev.pos == "NOUN" and prev.feats.get("Case") == "Nom")


def tagged_case(sent: Sentence, start: int, stop: int) -> str | None:
    """The case the tagger gives every word of a name, when they agree."""
    cases = {
        tok.feats.get("Case")
        for tok in sent.tokens
        if start <= tok.start and tok.stop <= stop and tok.pos == "PROPN"
    }
    return cases.pop() if len(cases) == 1 and None not in cases else None


def verb_gender(sent: Sentence, start: int, stop: int) -> str | None:
    """The gender of the past-tense verb or short form a name is the subject of."""
    if not sent.parsed:
        return None
    tokens = sent.tokens
    inside = [t for t in tokens if start <= t.start and t.stop <= stop]
    # (`Внучка Ван Цзюня`: a name with a genitive in it is whose, not who.)
    genitive = any(t.feats.get("Case") == "Gen" for t in inside)
    for tok in inside:
        if tok.head < 0:
            continue
        up = tokens[tok.head]
        if tok.rel == "appos" and up.rel == "nmod" and up.head >= 0:
            # `Президент Перуанского института спорта Карла Фигероа заявила`:
            # the parse hangs the name on the genitive; read in the
            # nominative, beside the subject the chain hangs on, it is hers.
            top = up
            while top.rel == "nmod" and top.head >= 0:
                top = tokens[top.head]
            if (
                top.rel in {"nsubj", "nsubj:pass"}
                and top.feats.get("Animacy") == "Anim"  # (not `пресс-конференция, посвященная …`)
                and _nominative_agrees(inside, tokens, top)
            ):
                verb = tokens[top.head]
                return gender_of_verb(verb)
        if (
            tok.rel == "appos"
            and tokens[tok.head].rel in {"nsubj", "nsubj:pass"}
            and (
                (
                    tok.feats.get("Case", "Nom") == "Nom" and not genitive
                )  # not `Менеджер Мии Фэрроу`
                or _nominative_agrees(inside, tokens, tokens[tok.head])
            )
        ):
            # `Лидер партии Марин Ле Пен заявила`: the name set beside the
            # subject noun is who the verb agrees with.
            tok = tokens[tok.head]
            if tok.head < 0:
                continue
        if tok.rel in {"nsubj", "nsubj:pass"}:
            if start <= tokens[tok.head].start < stop:
                continue
            head = tokens[tok.head]
            lo, hi = sorted((tok.index, head.index))
            if any(
                tokens[c].rel in {"nsubj", "nsubj:pass"}
                and lo < c < hi
                and tokens[c].pos in {"NOUN", "PROPN"}
                for c in head.children
            ):
                # `пенсионер Анатолий Гребнев, рассказал …, что именно Ланская
                # написала`: a misparse gave the verb two subjects, the other
                # nearer; its agreement tells nothing of this one.
                return None
            if head.pos in {"VERB", "AUX", "ADJ"} and head.feats.get("Number") == "Sing":
                return gender_of_verb(head)
            return None
    return None


def gender_of_verb(verb: Token) -> str | None:
    """A verb's gender: its ending's in the past tense, else the tagger's."""
    return past_gender(verb) or GENDERS.get(verb.feats.get("Gender", ""))


def past_gender(verb: Token) -> str | None:
    """A past-tense verb's gender as its ending spells it (`плеснула`): the
    tagger may make it agree with a subject it misread (`Кравец`, masculine)."""
    if verb.feats.get("Tense") != "Past" or verb.feats.get("VerbForm") != "Fin":
        return None
    word = verb.text.lower()
    for reflexive in ("ся", "сь"):
        if word.endswith(reflexive):
            word = word[: -len(reflexive)]
            break
    if word.endswith("ла"):
        return "femn"
    if word.endswith("л"):
        return "masc"
    return None


def _nominative_agrees(inside: list[Token], tokens: list[Token], subject: Token) -> bool:
    """`глава делегации МККК в Москве Бориана Стоянова` beside the subject of
    `сказала`, tagged genitive: read in the nominative, the name is a
    woman's, as the verb is; a man's genitive (`Стоянова` of `Стоянов`)
    would not agree (`Менеджер Мии Фэрроу заявил` stays whose)."""
    if subject.head < 0 or len(inside) < 2 or inside[0].index == subject.index + 1:
        return False  # (`Внучка Ван Цзюня, Клэр Ван`: right after the noun, whose)
    if not inside[-1].text.lower().endswith(HER_SURNAME_ENDS) and not _her_name(inside[0].text):
        return False  # (`Карла Фигероа`: a woman's first name in the nominative first)
    verb = tokens[subject.head]
    if verb.feats.get("Gender") != "Fem" or verb.feats.get("Number") != "Sing":
        return False
    words = [t.text for t in inside]
    return names.gender_number(words, case="nomn")[0] != "masc"


def _her_name(word: str) -> bool:
    """The dictionary reads the word as a woman's first name in the nominative."""
    return any({"Name", "femn", "nomn"} <= p.tag.grammemes for p in parse(word.lower()))
