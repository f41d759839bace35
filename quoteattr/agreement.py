"""Gender and number agreement between a claim and its candidate speakers:
what the cue verb, a pronoun (`по ее словам`) or a role noun (`супруга`)
asks for, and what grammar demands outright (`Она сказала` is never a man).
"""

from __future__ import annotations

import functools

from . import names
from .claims import Claim
from .cues import VERB, norm
from .mentions import _SELF
from .morph import is_known, parse
from .namecontext import GENDERS, gender_of_verb
from .records import Speaker
from .speakers import PRONOUNS, Mention


def hard_gender(claim: Claim, rule: Speaker | None) -> str | None:
    """The gender grammar demands of the speaker: a personal pronoun's, or a
    past-tense cue verb's whose subject is the rule's description (`Дипломат
    отметила`). Not a role noun's own (`представитель` is a woman too), nor
    a verb with another subject (`сообщила газета со ссылкой на …`)."""
    if by_pronoun(rule):
        return PRONOUNS[_pronoun(rule)][0]
    cue, m = claim.cue, claim.mention
    if cue is None or m is None or cue.type != VERB or m.sent is not cue.sent:
        return None
    if m.head_token.head != cue.head:
        return None
    return parted_gender(m)


def parted_gender(m: Mention) -> str | None:
    """The gender of the verb a role noun is the subject of, where it parts
    from the noun's own (`Дипломат отметила`); `заявила звезда`, `заявил
    министр` agree with the noun and say nothing of who it is."""
    head = m.head_token
    if head.pos != "NOUN" or head.rel not in {"nsubj", "nsubj:pass"} or head.head < 0:
        return None
    feats = m.sent.tokens[head.head].feats
    if feats.get("Number") != "Sing" or head.feats.get("Number") == "Plur":
        return None
    said = feats.get("Gender")
    return GENDERS.get(said or "") if said != head.feats.get("Gender") else None


def pronoun_excludes(rule: Speaker | None, speaker: Speaker | None) -> bool:
    """`она` never stands for `Министерство иностранных дел` or `Кремль`:
    an institution whose head noun has another gender (a name the
    dictionary does not know, `МИД`, `Роскосмос`, may be either); `она`,
    `его` never stand for a group of people (`Многие`, `некоторые аналитики`)."""
    if speaker is None or not by_pronoun(rule):
        return False
    assert rule is not None and rule.mention is not None
    gender, number = PRONOUNS[_pronoun(rule)]
    if speaker.type == "anonymous":
        return number == "sing" and _plural_phrase(speaker.name)
    if speaker.type != "organization":
        return False
    if gender is None or number != "sing":
        return False
    if any(_head_gender(alias) == gender for alias in speaker.aliases):
        return False  # `компания «Яндекс»` … `по ее данным`
    found = _head_gender(speaker.name)
    return found is not None and found != gender


def _head_gender(name: str) -> str | None:
    """The gender of a name's first word, where it is a noun the dictionary
    knows (`Министерство` neuter; `МИД`, `Роскосмос` none)."""
    head = name.split()[0].strip('«»"').lower() if name.split() else ""
    if not head.isalpha() or not is_known(head):
        return None
    best = parse(head)[0].tag
    if best.POS == "NOUN" and best.gender in {"masc", "femn", "neut"}:
        return str(best.gender)
    return None


def _plural_phrase(name: str) -> bool:
    """Is the phrase's last word a plural in the nominative (`аналитики`,
    `Многие`)? Indeclinable words (`СМИ`) do not tell."""
    last = name.split()[-1].strip('«»"').lower() if name.split() else ""
    if not last.isalpha() or not is_known(last):
        return False
    parses = parse(last)
    # `органах` of `Источник в правоохранительных органах` ends the phrase in
    # the plural, but not in the nominative: the phrase's head is singular.
    return bool(parses) and parses[0].tag.number == "plur" and parses[0].tag.case == "nomn"


def by_pronoun(rule: Speaker | None) -> bool:
    return _pronoun(rule) is not None


def _pronoun(rule: Speaker | None) -> str | None:
    """The personal pronoun the rule's mention is (`он`; `Сам он`), or None."""
    if rule is None or rule.mention is None:
        return None
    words = [norm(w) for w in rule.mention.text.split() if norm(w) not in _SELF]
    return words[0] if len(words) == 1 and words[0] in PRONOUNS else None


def wanted_gender(claim: Claim, rule: Speaker | None, how: dict[str, float]) -> str | None:
    """The gender the cue verb (`рассказала`), the pronoun (`по ее словам`) or
    the role noun (`супруга`, `жительница`) asks for."""
    if by_pronoun(rule):
        return PRONOUNS[_pronoun(rule)][0]
    if rule is not None and rule.mention is not None:
        words = rule.mention.text.split()
        if how.get("rule_role"):
            for word in words:
                best = parse(word)[:1]
                if best and {"NOUN", "anim", "sing"} <= best[0].tag.grammemes:
                    gender = best[0].tag.gender
                    common = "Ms-f" in best[0].tag.grammemes  # `политик`: either
                    if gender == "femn" or (gender == "masc" and not common):
                        return gender
                    break
    cue = claim.cue
    if cue is not None and cue.type == VERB and cue.token.feats.get("Number") != "Plur":
        return gender_of_verb(cue.token)
    return None


def agreement(f: dict[str, float], claim: Claim, speaker: Speaker | None) -> None:
    """Does the cue verb agree with the candidate (`рассказала` wants a woman)?"""
    cue = claim.cue
    if cue is None or speaker is None or cue.type != VERB:
        return
    feats = cue.token.feats
    plural = feats.get("Number") == "Plur"
    gender = gender_of_verb(cue.token)
    if speaker.type.value == "person":
        if plural:
            f["verb_plural_person"] = 1.0
            if (
                feats.get("VerbForm") == "Fin"
                and "cite" not in cue.tags
                and not _several(speaker.name)
            ):
                # `Карпинского называли «…»`: one person is no subject of a
                # plural verb; only one whose words are cited may be its object.
                f["number_impossible"] = 1.0
        elif gender is not None:
            sure = gender_of(speaker.name)
            if sure is not None:
                f["verb_agrees" if sure == gender else "verb_clashes"] = 1.0
    elif speaker.type.value == "organization" and gender == "masc":
        f["verb_masc_org"] = 1.0


def _several(name: str) -> bool:
    """`Дональд Трамп и Владимир Путин`: more than one person named."""
    return " и " in name or "," in name


@functools.lru_cache(maxsize=4096)
def gender_of(name: str) -> str | None:
    return names.gender_number(name.split(), case="nomn")[0]  # names are nominative
