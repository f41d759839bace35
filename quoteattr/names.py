"""Canonical nominative forms of speaker mentions.

A speaker is written in whatever case the sentence needs (``по словам Кира
Стармера``, ``в Кремле``, ``у местных жителей``) but is reported in the
nominative (``Кир Стармер``, ``Кремль``, ``местные жители``).

Persons and phrases need different treatment:

* The words of a person's name are inflected *jointly*: every word of
  ``Кира Стармера`` must be read in one shared gender, number and case.
  Word by word the reading is ambiguous (``Кира`` is also a woman's name in
  the nominative); only masculine genitive fits both words.  Dictionary
  readings are scored together with a small model of how Russian declines
  names, so that surnames the dictionary has never seen (``Стармера``,
  ``Ына``) still get a form.
* For organisations and descriptions only the head noun phrase changes: the
  leading adjectives and the noun they agree with go to the nominative, and
  dependents (``обороны США``, ``в правительстве``) stay as written.

Every function keeps the capitalisation of each word as written and returns
words it cannot analyse (Latin, digits, acronyms) unchanged.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

from quoteattr import morph

__all__ = ["gender_number", "nominative_phrase", "org_name", "person_name"]

_CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
# pymorphy3 spells the second genitive, accusative and locative separately and
# has a vocative; for agreement they behave as the main case.
_CASE_OF = {
    "nomn": "nomn",
    "gent": "gent",
    "gen1": "gent",
    "gen2": "gent",
    "datv": "datv",
    "accs": "accs",
    "acc2": "accs",
    "ablt": "ablt",
    "loct": "loct",
    "loc1": "loct",
    "loc2": "loct",
}

_VOWELS = frozenset("аеёиоуыэюя")
_CONSONANTS = frozenset("бвгджзклмнпрстфхцчшщ")  # й and ь are handled apart
_HUSHING = frozenset("гкхжшчщ")  # after these the a-stem genitive is -и, not -ы
_SIBILANT = frozenset("жшчщц")  # after these an unstressed -ом is spelt -ем
_SOFTENED = frozenset("бвдзлмнпрстф")  # consonants a name can end in before ь

_CYRILLIC_WORD = re.compile(r"[а-яё]+(?:-[а-яё]+)*")
_EDGE_PUNCT = re.compile(r"^(\W*)(.*?)(\W*)$", re.DOTALL)
_INITIALS = re.compile(r"^((?:[A-ZА-ЯЁ][a-zа-яё]?\.\s*)+)(.*)$", re.DOTALL)
_CAMEL_CASE = re.compile(r"[a-zа-яё][A-ZА-ЯЁ]")  # ВКонтакте, УралМетКом
_LATIN_PREFIXED = re.compile(r"[A-Za-z0-9]+-[а-яёА-ЯЁ]+")  # Telegram-канале
# An acronym with a case ending glued on: МИДа (ЦРУ is left alone).
_INFLECTED_ACRONYM = re.compile(r"^([A-ZА-ЯЁ]{2,})(а|у|ом|е)$")


# --------------------------------------------------------------------------
# shared helpers


# Case hints may come from pymorphy3 or from natasha / Universal Dependencies.
_UD_CASE = {
    "nom": "nomn",
    "gen": "gent",
    "dat": "datv",
    "acc": "accs",
    "ins": "ablt",
    "loc": "loct",
}


def _hint(case: str | None) -> str | None:
    if not isinstance(case, str):
        return None
    return _CASE_OF.get(case) or _UD_CASE.get(case.lower())


def _tokens(words: Sequence[str] | str) -> list[str]:
    if isinstance(words, str):
        # A whole mention passed as one string is the commonest misuse.
        words = [words]
    out: list[str] = []
    for word in words:
        if isinstance(word, str):
            out.extend(word.split())
    return out


def _restore_case(written: str, new: str) -> str:
    """Spell ``new`` with the capitalisation pattern of ``written``."""
    if len(written) > 1 and written.isupper():
        return new.upper()
    chars = []
    for i, ch in enumerate(new):
        upper = i < len(written) and written[i].isupper()
        chars.append(ch.upper() if upper else ch.lower())
    result = "".join(chars)
    if "ё" not in written.lower():
        # The dictionary writes ё where most texts write е; keep the text's
        # spelling so that the name matches other mentions of it.
        result = result.replace("ё", "е").replace("Ё", "Е")
    return result


class _Token(NamedTuple):
    before: str  # punctuation and initials kept in front of the core
    core: str
    after: str

    def render(self, core: str | None = None) -> str:
        return f"{self.before}{self.core if core is None else core}{self.after}"


def _split_token(word: str) -> _Token:
    match = _EDGE_PUNCT.match(word)
    assert match is not None  # the pattern matches every string
    before, core, after = match.groups()
    initials = _INITIALS.match(core)
    if initials and initials.group(2):
        before += initials.group(1)
        core = initials.group(2)
    return _Token(before, core, after)


def _is_cyrillic(core: str) -> bool:
    return bool(_CYRILLIC_WORD.fullmatch(core.lower()))


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _inflect(p: morph.Parse, grammemes: set[str]) -> str | None:
    """``p`` inflected, spelt as the text spells the word.

    The dictionary files some variant spellings under its preferred one
    (блоггеров under блогер); the text's spelling must survive.
    """
    if grammemes <= p.tag.grammemes:
        # Already there; the dictionary's spelling of it may differ (Яблоггер).
        return p.word
    if isinstance(p, _Guess):
        return p.normal_form if grammemes <= {"nomn", "sing", "masc"} else None
    form = p.inflect(grammemes)
    if form is None:
        return None
    target, surface = form.word, p.word
    if _common_prefix(surface, target) >= min(len(surface), len(target)) - 2:
        return target
    # Only here is the (slower) lexeme needed.
    spelt = next((f.word for f in p.lexeme if f.tag == p.tag), None)
    if spelt is None or spelt == surface:
        return target  # a real stem change: отца -> отец, Льва -> Лев
    shared = _common_prefix(spelt, target)
    removed, added = spelt[shared:], target[shared:]
    if surface.endswith(removed):
        return surface[: len(surface) - len(removed)] + added
    return target


# --------------------------------------------------------------------------
# persons
#
# Each word of a name gets readings: (gender, number, case) -> (weight,
# nominative).  Weights are not probabilities but relative plausibilities,
# tuned on the gold mentions and the corpus; only their ratios matter.

# Dictionary readings of a capitalised word.
_W_NAME_KNOWN = 1.0  # Name / Surn / Patr from the dictionary
_W_NAME_GUESSED = 0.15  # pymorphy's guesser is noisy on foreign names
_W_ADJ_KNOWN = 0.5  # adjectival surnames: Зеленского, Толстого
_W_ADJ_GUESSED = 0.2
_W_NOUN_KNOWN = 0.1  # a common noun that happens to be capitalised
_W_NOUN_GUESSED = 0.03
_W_PRON = 0.05
# In a two-word name the first name comes first: there a dictionary reading
# that is only a surname (Аделина as the genitive of the surname Аделин) is
# unlikely.  Longer names may be East Asian, surname first (Кима Чен Ира).
_W_SURNAME_FIRST = 0.3
# An indeclinable foreign name (Марку) that is also a case form of a
# declinable first name (Марку <- Марк) is far more often that case form.
_W_FIXD_SHADOWED = 0.3

# Readings from the model of name declension.
_W_MASC_NOM = 0.5  # consonant-final: Стармер, Байден
_W_MASC_NOM_OBLIQUE_LOOKING = 0.1
_OBLIQUE_LOOKING = ("ом", "ем", "ым", "ой", "ским", "цким")
_ADJ_OBLIQUE = ("ого", "его", "ому", "ему")  # Зеленского is no indeclinable name
_W_MASC_OBL = 0.4  # Стармера, Стармеру, Стармером, Стармере
_W_MASC_SOFT_OBL = 0.3  # Игоря <- Игорь: soft stems are rarer than hard ones
_W_RU_MASC = 0.5  # Сабиров, Сабирова (gen), Сабировым
_W_RU_FEMN_NOM = 0.5  # Сабирова
_W_RU_FEMN_OBL = 0.5  # Сабировой, Сабирову (acc)
_W_RU_PLUR = 0.15
_W_ADJ_SURNAME = 0.6  # -ский / -цкий in any form
_W_PATRONYMIC = 0.8  # -овна / -ична: nothing else ends so
_W_FEMN_A_NOM = 0.07  # a foreign woman's surname in -а is rare
_W_MASC_A_NOM = 0.25  # Обама, Дуда, Арреаза
_MASC_A_STEM_FACTOR = 2 / 3  # Обамы, Обаме, Обаму, Обамой: as a woman's, less often
_W_FEMN_IYA_NOM = 0.3  # Мария, Лючия
_W_FEMN_A_OBL = 0.3  # Терезы, Терезе, Терезу, Терезой
_W_FEMN_SOFT_OBL = 0.2  # Тани <- Таня
_W_FEMN_INDECL = 0.2  # Мэй, Меркель, Харрис: a woman's consonant-final name
# Vowel-final foreign names do not decline; how likely that is depends on the
# vowel, since -у, -е, -ю are also ordinary case endings.
_W_INDECL_HUSHING_I = 0.2  # Глинки, Ольги: mostly the genitive of an a-stem
_W_INDECL_J_I = 0.05  # Арайи, Майи: -йи is the genitive of -йя, hardly a name
_W_INDECL = {"о": 0.5, "и": 0.45, "э": 0.5, "е": 0.3, "у": 0.1, "ю": 0.15}

# A non-final word may stay in the nominative while the last one declines:
# Ким Чен Ына, Хвана Чжан Епа, Жан-Поля.  Not a first name the dictionary
# declines, though: Нил Басу is nominative, not Нил + dative of Бас.
_W_FROZEN = 0.5
_W_FROZEN_DECLINABLE_NAME = 0.05
# The declension model may reread a dictionary first name (Кира as the
# genitive of Кир), but less readily than an unknown word.
_MODEL_DAMPING_FOR_KNOWN_NAMES = 0.6
# Any word may simply be left as written; this keeps impossible combinations
# possible, only very unlikely.
_W_AS_IS = 0.01

_GENDER_PRIOR = {"masc": 1.0, "femn": 0.7}  # most people quoted in news are men
_NUMBER_PRIOR = {"sing": 1.0, "plur": 0.1}  # a mention is almost always one person
# Speakers are named as subjects (nominative) or after по словам, у, со
# стороны (genitive); a locative speaker is rare.  Mild, so that a form
# that is only oblique still wins.
_CASE_PRIOR = {"nomn": 1.0, "gent": 0.8, "accs": 0.6, "datv": 0.5, "ablt": 0.5, "loct": 0.4}
_CASE_HINT_MISS = 0.05
# gender_number() names no gender when the other one scores this close.
_GENDER_UNDECIDED = 0.8

_NAME_TAGS = frozenset({"Name", "Surn", "Patr"})

# Short lower-case words inside a name are particles: фон, де, ван, ибн, аль.
_PARTICLE_MAX_LEN = 3

_Triple = tuple[str, str, str]  # gender, number, case
_Readings = dict[_Triple, tuple[float, str]]

_TRIPLES: tuple[_Triple, ...] = tuple(
    (g, n, c) for g in ("masc", "femn") for n in ("sing", "plur") for c in _CASES
)


def _add(
    readings: _Readings,
    gender: str,
    number: str,
    cases: Iterable[str],
    weight: float,
    nominative: str,
) -> None:
    genders = ("masc", "femn") if gender == "any" else (gender,)
    for g in genders:
        for c in cases:
            key = (g, number, c)
            if key not in readings or readings[key][0] < weight:
                readings[key] = (weight, nominative)


def _dictionary_readings(word: str, title: bool, first: bool, readings: _Readings) -> None:
    # Scores of one class are normalised within the class: a capitalised
    # Ангелы should be read as the name Ангела, however much more often the
    # corpus behind pymorphy saw the plural of ангел.
    groups: dict[tuple[str, str, str, str], list] = {}
    known = morph.is_known(word)
    parses = morph.parse(word)
    # Марку is listed as an indeclinable name, but it is far more often the
    # dative of Марк: the dative of a consonant-stem first name shadows the
    # indeclinable reading.  Only the dative: Симоне is a woman's name far
    # more often than the locative of Симон, and Абу, Али, Анне are no case
    # forms of a man's name at all.
    shadowed = any(
        "Name" in p.tag.grammemes
        and "Fixd" not in p.tag.grammemes
        and p.tag.gender == "masc"
        and p.normal_form[-1:] in _CONSONANTS
        and word == p.normal_form + "у"
        for p in parses
    )
    for p in parses:
        tag = p.tag
        pos = tag.POS
        if pos not in ("NOUN", "ADJF", "NPRO") or "Apro" in tag.grammemes:
            continue  # его as "his" is no mention of a person
        case = _CASE_OF.get(str(tag.case))
        if case is None:
            continue
        number = str(tag.number or "sing")
        tag_gender = str(tag.gender)
        if number == "plur":
            gender = "any"
        elif tag_gender in ("masc", "femn"):
            gender = tag_gender
        elif "ms-f" in tag.grammemes:  # Обама, Тимошенко: tag.gender is None
            gender = "any"
        else:
            continue  # a person is never neuter
        if pos == "NPRO":
            cls = "pron"
        elif _NAME_TAGS & tag.grammemes:
            cls = "name"
        elif pos == "ADJF":
            cls = "adj"
        else:
            cls = "noun"
        nominative = _inflect(p, {"nomn"})
        if nominative is None:
            continue
        score = p.score
        if cls == "name":
            # Relative to the word's other readings only: the scores are
            # normalised below, so a word read only as a surname (Ким Чен
            # Ына) or only as an indeclinable name keeps its weight.
            if first and "Surn" in tag.grammemes and not {"Name", "Patr"} & tag.grammemes:
                score *= _W_SURNAME_FIRST
            if shadowed and "Fixd" in tag.grammemes:
                score *= _W_FIXD_SHADOWED
        key = (cls, nominative, gender, number)
        entry = groups.setdefault(key, [0.0, set()])
        # max, not sum: a lexeme whose form fits two cases (gent and accs)
        # is no likelier for it than one whose form fits one.
        entry[0] = max(entry[0], score)
        entry[1].add(case)
    best_in_class: dict[str, float] = {}
    for (cls, *_), (score, _) in groups.items():
        best_in_class[cls] = max(best_in_class.get(cls, 0.0), score)
    for (cls, nominative, gender, number), (score, cases) in groups.items():
        share = score / best_in_class[cls] if best_in_class[cls] else 1.0
        if title:
            weight = {
                "name": _W_NAME_KNOWN if known else _W_NAME_GUESSED,
                "adj": _W_ADJ_KNOWN if known else _W_ADJ_GUESSED,
                "noun": _W_NOUN_KNOWN if known else _W_NOUN_GUESSED,
                "pron": _W_PRON,
            }[cls]
        else:
            # Lower-case words in a person mention are titles or pronouns
            # (президента, его), read as ordinary words.
            weight = (1.0 if cls != "name" else 0.3) * (1.0 if known else 0.3)
        _add(readings, gender, number, cases, weight * share, nominative)


_RU_SUFFIXES = ("ов", "ев", "ёв", "ин", "ын")
# ending -> (gender, number, cases, weight) for -ов/-ин surnames
_RU_ENDINGS: dict[str, list[tuple[str, str, tuple[str, ...], float]]] = {
    "": [("masc", "sing", ("nomn",), _W_RU_MASC)],
    "а": [
        ("masc", "sing", ("gent", "accs"), _W_RU_MASC),
        ("femn", "sing", ("nomn",), _W_RU_FEMN_NOM),
    ],
    "у": [("masc", "sing", ("datv",), _W_RU_MASC), ("femn", "sing", ("accs",), _W_RU_FEMN_OBL)],
    "ым": [("masc", "sing", ("ablt",), _W_RU_MASC), ("any", "plur", ("datv",), _W_RU_PLUR)],
    "е": [("masc", "sing", ("loct",), _W_RU_MASC)],
    "ой": [("femn", "sing", ("gent", "datv", "ablt", "loct"), _W_RU_FEMN_OBL)],
    "ы": [("any", "plur", ("nomn",), _W_RU_PLUR)],
    "ых": [("any", "plur", ("gent", "accs", "loct"), _W_RU_PLUR)],
    "ыми": [("any", "plur", ("ablt",), _W_RU_PLUR)],
}
_RU_NOMINATIVE = {("masc", "sing"): "", ("femn", "sing"): "а", ("any", "plur"): "ы"}

_PATR_FEMN_STEMS = ("овн", "евн", "ёвн", "ичн")
_PATR_FEMN_ENDINGS = {
    "а": ("nomn",),
    "ы": ("gent",),
    "е": ("datv", "loct"),
    "у": ("accs",),
    "ой": ("ablt",),
}

# -ский / -цкий surnames: ending -> (nominative ending, gender, number, cases)
_ADJ_ENDINGS: dict[str, list[tuple[str, str, str, tuple[str, ...]]]] = {
    "ий": [("ий", "masc", "sing", ("nomn",))],
    "ого": [("ий", "masc", "sing", ("gent", "accs"))],
    "ому": [("ий", "masc", "sing", ("datv",))],
    "им": [("ий", "masc", "sing", ("ablt",)), ("ие", "any", "plur", ("datv",))],
    "ом": [("ий", "masc", "sing", ("loct",))],
    "ая": [("ая", "femn", "sing", ("nomn",))],
    "ой": [
        ("ая", "femn", "sing", ("gent", "datv", "ablt", "loct")),
        ("ой", "masc", "sing", ("nomn",)),
    ],
    "ую": [("ая", "femn", "sing", ("accs",))],
    "ие": [("ие", "any", "plur", ("nomn",))],
    "их": [("ие", "any", "plur", ("gent", "accs", "loct"))],
    "ими": [("ие", "any", "plur", ("ablt",))],
}


def _model_readings(s: str, readings: _Readings) -> None:
    """Readings from the regular declension of Russian and foreign names."""
    if len(s) < 2 or not s.isalpha():
        return
    last, prev = s[-1], s[-2]

    # Patronymics: Семёновна, Семёновны, Ильиничне.  The suffix is
    # unmistakable, so no other reading is offered (not Семёновн + -а).
    for ending, cases in _PATR_FEMN_ENDINGS.items():
        stem = s[: len(s) - len(ending)]
        if s.endswith(ending) and stem.endswith(_PATR_FEMN_STEMS) and len(stem) >= 5:
            _add(readings, "femn", "sing", cases, _W_PATRONYMIC, stem + "а")
            return

    # Nominative forms.
    if last in _CONSONANTS or last == "ь" or (last == "й" and prev in _VOWELS):
        # Стармером is far likelier the instrumental of Стармер than a name
        # of its own.
        oblique = len(s) >= 5 and s.endswith(_OBLIQUE_LOOKING)
        weight = _W_MASC_NOM_OBLIQUE_LOOKING if oblique else _W_MASC_NOM
        _add(readings, "masc", "sing", ("nomn",), weight, s)
        if not (s.endswith(_RU_SUFFIXES) and len(s) >= 4):
            # A woman's Russian surname is Сабирова; Сабиров is his.
            _add(readings, "femn", "sing", _CASES, _W_FEMN_INDECL, s)
    if last in _W_INDECL and s[-2:] != "ии" and not s.endswith(_ADJ_OBLIQUE):
        weight = _W_INDECL[last]
        if last == "и" and prev in _HUSHING:
            weight = _W_INDECL_HUSHING_I
        elif last == "и" and prev == "й":
            weight = _W_INDECL_J_I
        _add(readings, "any", "sing", _CASES, weight, s)
    if last == "а" and prev in _CONSONANTS:
        _add(readings, "femn", "sing", ("nomn",), _W_FEMN_A_NOM, s)
    if last == "я":
        weight = _W_FEMN_IYA_NOM if prev == "и" else _W_FEMN_A_NOM
        _add(readings, "femn", "sing", ("nomn",), weight, s)

    # Masculine consonant stems: Стармер-а/-у/-ом/-е, Игор-я/-ю/-ем/-е,
    # Гелете-я/-ю/-ем/-е.
    for ending, cases in (
        ("а", ("gent", "accs")),
        ("у", ("datv",)),
        ("ом", ("ablt",)),
        ("ем", ("ablt",)),
        ("е", ("loct",)),
    ):
        stem = s[: -len(ending)]
        if s.endswith(ending) and len(stem) >= 2 and stem[-1] in _CONSONANTS:
            if ending == "ем" and stem[-1] not in _SIBILANT:
                continue
            _add(readings, "masc", "sing", cases, _W_MASC_OBL, stem)
    for ending, cases in (
        ("я", ("gent", "accs")),
        ("ю", ("datv",)),
        ("ем", ("ablt",)),
        ("е", ("loct",)),
        ("и", ("loct",)),
    ):
        stem = s[: -len(ending)]
        if not (s.endswith(ending) and len(stem) >= 2):
            continue
        if stem[-1] in _SOFTENED and ending != "и":
            _add(readings, "masc", "sing", cases, _W_MASC_SOFT_OBL, stem + "ь")
        elif stem[-1] in _VOWELS:
            if ending == "и" and stem[-1] != "и":
                continue  # only -ий names have the locative in -ии: Георгии
            if ending == "е" and stem[-1] == "и":
                continue  # ... and never in -ие: Марзие is a name as it stands
            if ending == "я" and stem[-1] == "а" and len(s) >= 5:
                continue  # -ая is the feminine adjective ending: Липницкая
            if ending == "ю" and stem[-1] == "у":
                continue  # ... and -ую its accusative: Навальную is no Навальнуй
            _add(readings, "masc", "sing", cases, _W_MASC_OBL, stem + "й")

    # Russian possessive surnames: Сабиров, Сабирова, Сабировой, Сабировым.
    for ending, variants in _RU_ENDINGS.items():
        if ending and not s.endswith(ending):
            continue
        base = s[: len(s) - len(ending)]
        if not base.endswith(_RU_SUFFIXES) or len(base) < 4:
            continue
        for gender, number, cases, weight in variants:
            nominative = (
                base + _RU_NOMINATIVE[("any", "plur") if number == "plur" else (gender, number)]
            )
            _add(readings, gender, number, cases, weight, nominative)

    # Adjectival surnames: Зеленского, Зеленской, Зеленскую.
    for ending, variants in _ADJ_ENDINGS.items():
        stem = s[: -len(ending)]
        if s.endswith(ending) and stem.endswith(("ск", "цк")) and len(stem) >= 4:
            for nom_ending, gender, number, cases in variants:
                _add(readings, gender, number, cases, _W_ADJ_SURNAME, stem + nom_ending)

    # a-stems: Терез-ы/-е/-у/-ой, Мари-и/-ю/-ей, Тан-и/-е/-ю/-ей, and the
    # rarer men's names declined the same way (Обам-ы, Дуд-е).
    _a_stem_readings(s, readings)


def _a_stem_readings(s: str, readings: _Readings) -> None:
    if len(s) < 3:
        return
    femn: _Readings = {}
    _feminine_a_stem_readings(s, femn)
    for (g, n, c), (weight, nominative) in femn.items():
        _add(readings, g, n, (c,), weight, nominative)
    if len(s) < 4:
        return  # Ына is no man's name in -а
    if s[-1] == "а" and s[-2] in _CONSONANTS:
        _add(readings, "masc", "sing", ("nomn",), _W_MASC_A_NOM, s)
    for (_, n, c), (weight, nominative) in femn.items():
        if len(nominative) >= 4:
            _add(readings, "masc", n, (c,), weight * _MASC_A_STEM_FACTOR, nominative)


def _feminine_a_stem_readings(s: str, readings: _Readings) -> None:
    last, prev = s[-1], s[-2]
    stem1, stem2 = s[:-1], s[:-2]
    if last == "ы" and prev in _CONSONANTS and prev not in _HUSHING:
        _add(readings, "femn", "sing", ("gent",), _W_FEMN_A_OBL, stem1 + "а")
    if last == "и" and prev in _HUSHING:
        _add(readings, "femn", "sing", ("gent",), _W_FEMN_A_OBL, stem1 + "а")
    if last == "и" and (prev in _CONSONANTS or prev == "й") and prev not in _HUSHING:
        _add(readings, "femn", "sing", ("gent", "datv", "loct"), _W_FEMN_SOFT_OBL, stem1 + "я")
    if s.endswith("ии"):
        _add(readings, "femn", "sing", ("gent", "datv", "loct"), _W_FEMN_A_OBL, stem1 + "я")
    if last == "е" and prev in _CONSONANTS:
        _add(readings, "femn", "sing", ("datv", "loct"), _W_FEMN_A_OBL, stem1 + "а")
    if last == "у" and prev in _CONSONANTS:
        _add(readings, "femn", "sing", ("accs",), _W_FEMN_A_OBL, stem1 + "а")
    if last == "ю" and (prev in _CONSONANTS or prev == "и"):
        weight = _W_FEMN_A_OBL if prev == "и" else _W_FEMN_SOFT_OBL
        _add(readings, "femn", "sing", ("accs",), weight, stem1 + "я")
    if s.endswith("ой") and stem2[-1:] in _CONSONANTS:
        _add(readings, "femn", "sing", ("ablt",), _W_FEMN_A_OBL, stem2 + "а")
    if s.endswith("ей") and (stem2[-1:] in _CONSONANTS or stem2.endswith("и")):
        nominative = stem2 + ("а" if stem2[-1:] in _SIBILANT else "я")
        weight = _W_FEMN_A_OBL if stem2.endswith("и") else _W_FEMN_SOFT_OBL
        _add(readings, "femn", "sing", ("ablt",), weight, nominative)


@functools.lru_cache(maxsize=50_000)
def _word_readings(word: str, title: bool, first: bool) -> _Readings:
    """Readings of one word; ``first`` for the first of a two-word name."""
    readings: _Readings = {}
    _dictionary_readings(word, title, first, readings)
    if title:
        modelled: _Readings = {}
        _model_readings(word, modelled)
        named = _is_declinable_first_name(word, first)
        damping = _MODEL_DAMPING_FOR_KNOWN_NAMES if named else 1.0
        for (g, n, c), (weight, nominative) in modelled.items():
            _add(readings, g, n, (c,), weight * damping, nominative)
    return readings


@functools.lru_cache(maxsize=50_000)
def _is_declinable_first_name(word: str, first_of_two: bool = False) -> bool:
    # Mostly a first name, that is: Ким is listed as a (Soviet) first name
    # too, but far more often it is the Korean surname.  At the head of a
    # two-word name a surname reading counts for less, as in the readings.
    if not morph.is_known(word):
        return False
    first = named = 0.0
    for p in morph.parse(word):
        grammemes = p.tag.grammemes
        if not _NAME_TAGS & grammemes:
            continue
        score = p.score
        if "Surn" in grammemes and not {"Name", "Patr"} & grammemes and first_of_two:
            score *= _W_SURNAME_FIRST
        named += score
        if "Surn" not in grammemes and "Fixd" not in grammemes:
            first += score
    return named > 0 and first >= 0.5 * named


class _Slot(NamedTuple):
    written: str  # the word as written, one part of a hyphenated word
    readings: _Readings
    frozen: dict[str, float]  # gender -> weight of leaving it as written


def _frozen_weights(written: str, readings: _Readings, hyphen_part: bool) -> dict[str, float]:
    word = written.lower()
    factor = _W_FROZEN
    if not hyphen_part and _is_declinable_first_name(word):
        factor = _W_FROZEN_DECLINABLE_NAME
    weights: dict[str, float] = {}
    for gender in ("masc", "femn"):
        weight, nominative = readings.get((gender, "sing", "nomn"), (0.0, ""))
        if nominative == word:
            weights[gender] = factor * weight
    return weights


def _is_name_word(core: str) -> bool:
    """A capitalised Cyrillic word: a first name, patronymic or surname."""
    return len(core) > 1 and core[:1].isupper() and not core.isupper() and _is_cyrillic(core)


def _is_pronoun(word: str) -> bool:
    parses = morph.parse(word)
    return bool(parses) and str(parses[0].tag.POS) == "NPRO"


class _Analysis(NamedTuple):
    tokens: list[_Token]
    parts: list[list[str]]  # the hyphen-separated parts of each token's core
    slots: list[_Slot]
    slot_of: dict[tuple[int, int], int]  # (token, part) -> slot
    scores: dict[_Triple, float]  # before priors
    choice: dict[_Triple, list[str]]  # nominative of each slot


@functools.lru_cache(maxsize=20_000)
def _analyse_person(words: tuple[str, ...], case: str | None) -> _Analysis:
    tokens = [_split_token(w) for w in words]
    parts: list[list[str]] = []
    slots: list[_Slot] = []
    slot_of: dict[tuple[int, int], int] = {}
    name_words = [ti for ti, token in enumerate(tokens) if _is_name_word(token.core)]
    first_of_two = name_words[0] if len(name_words) == 2 else -1
    for ti, token in enumerate(tokens):
        core = token.core
        token_parts = core.split("-") if core else []
        parts.append(token_parts)
        if len(core) < 2 or not _is_cyrillic(core) or core.isupper():
            continue  # Latin, digits, initials, acronyms: left as written
        if core.islower() and len(core) <= _PARTICLE_MAX_LEN and not _is_pronoun(core):
            continue  # фон, де, ибн
        for pi, part in enumerate(token_parts):
            is_last = pi == len(token_parts) - 1
            if not is_last and len(part) <= _PARTICLE_MAX_LEN:
                continue  # Ан-Нахайяна, Аль-Каиды, Бин-...: the prefix never declines
            # Он at the start of a sentence is still the pronoun, but Нам
            # in Ким Чон Нам is not.
            title = part[:1].isupper() and not (len(tokens) == 1 and _is_pronoun(part))
            readings = _word_readings(part.lower(), title, ti == first_of_two)
            slot_of[(ti, pi)] = len(slots)
            frozen = _frozen_weights(part, readings, len(token_parts) > 1)
            slots.append(_Slot(part, readings, frozen))

    last_slot = len(slots) - 1
    scores: dict[_Triple, float] = {}
    choice: dict[_Triple, list[str]] = {}
    for triple in _TRIPLES:
        gender = triple[0]
        score = 1.0
        chosen: list[str] = []
        for si, slot in enumerate(slots):
            weight, nominative = slot.readings.get(triple, (0.0, ""))
            frozen = slot.frozen.get(gender, 0.0) if si != last_slot else 0.0
            if frozen > weight:
                weight, nominative = frozen, slot.written.lower()
            if weight < _W_AS_IS:
                weight, nominative = _W_AS_IS, slot.written.lower()
            score *= weight
            chosen.append(nominative)
        if case is not None and triple[2] != case:
            score *= _CASE_HINT_MISS
        scores[triple] = score
        choice[triple] = chosen
    return _Analysis(tokens, parts, slots, slot_of, scores, choice)


def _best_triple(analysis: _Analysis) -> _Triple:
    def prior(triple: _Triple) -> float:
        return _GENDER_PRIOR[triple[0]] * _NUMBER_PRIOR[triple[1]] * _CASE_PRIOR[triple[2]]

    # max() keeps the first of equals, and _TRIPLES lists the commonest first.
    return max(_TRIPLES, key=lambda t: analysis.scores[t] * prior(t))


@functools.lru_cache(maxsize=20_000)
def _person_name(words: tuple[str, ...], case: str | None) -> str:
    analysis = _analyse_person(words, case)
    if not analysis.slots:
        return " ".join(words)
    chosen = analysis.choice[_best_triple(analysis)]
    out = []
    for ti, token in enumerate(analysis.tokens):
        token_parts = list(analysis.parts[ti])
        for pi, part in enumerate(token_parts):
            si = analysis.slot_of.get((ti, pi))
            if si is not None:
                token_parts[pi] = _restore_case(part, chosen[si])
        out.append(token.render("-".join(token_parts)) if token_parts else token.render())
    return " ".join(out)


def person_name(words: Sequence[str], *, case: str | None = None) -> str:
    """The nominative of a person's name: ``['Кира', 'Стармера'] -> 'Кир Стармер'``.

    ``words`` are the words of the mention as written (first name,
    patronymic, surname, or any of them; initials and particles such as
    ``фон`` are kept).  ``case`` is the case the caller knows the mention
    is in, as pymorphy3 (``'gent'``) or natasha / UD (``'Gen'``) spell it:
    ``'nomn'`` for the subject of ``заявила``, ``'gent'`` after ``по
    словам``.  It settles forms that are ambiguous out of context, such as
    ``Сабирова`` (she) versus ``Сабирова`` (of him), or ``Неруда`` (he)
    versus the genitive of ``Неруд``; pass it when you have it.
    """
    tokens = tuple(_tokens(words))
    if not tokens:
        return ""
    return _person_name(tokens, _hint(case))


def gender_number(
    words: Sequence[str], *, case: str | None = None
) -> tuple[str | None, str | None]:
    """Grammatical gender and number of a person mention, for pronoun agreement.

    Returns (``'masc'`` / ``'femn'`` / ``None``, ``'sing'`` / ``'plur'`` /
    ``None``), from the same joint reading as :func:`person_name`: ``Кира
    Стармера`` is masculine.  The gender is ``None`` when the words do not
    tell (``Тимошенко``, ``Саакашвили``).  ``case`` as for :func:`person_name`.
    """
    tokens = tuple(_tokens(words))
    if not tokens:
        return None, None
    analysis = _analyse_person(tokens, _hint(case))
    if not analysis.slots:
        return None, None
    best = _best_triple(analysis)
    if best[1] == "plur":
        return None, "plur"
    # Compare the genders without the prior: the prior picks a name when the
    # words cannot, but must not invent a gender the words do not show.
    by_gender = {g: max(analysis.scores[(g, "sing", c)] for c in _CASES) for g in ("masc", "femn")}
    other = "femn" if best[0] == "masc" else "masc"
    if by_gender[other] >= _GENDER_UNDECIDED * by_gender[best[0]]:
        return None, "sing"
    return best[0], "sing"


# --------------------------------------------------------------------------
# organisations and other noun phrases

_SINGULAR_BIAS_ORG = 3.0  # канцелярии: an institution, not institutions
# As _CASE_PRIOR, but a phrase standing for a speaker is more often the
# subject: Власти заявили rather than the genitive of власть.
_PHRASE_CASE_PRIOR = {"nomn": 1.5, "gent": 0.8, "accs": 0.6, "datv": 0.5, "ablt": 0.5, "loct": 0.5}
_SUBSTANTIVE_PENALTY = 0.3  # задержанного: an adjective standing for a noun
_SKIP_PENALTY = 0.5  # близкого к ней источника: words inside the modifier
_MAX_SKIPPED = 4
_GUESSED_NAME_IN_PHRASE = 0.3
_INFORMED_TAIL = 5
_UNINFORMED = 0.5
_POSSESSIVES = frozenset({"его", "ее", "её", "их"})
_COORDINATORS = frozenset({"и", "или"})
_FUNCTION_POS = frozenset({"PREP", "CONJ", "PRCL", "INTJ", "NPRO", "ADVB"})
_NP_POS = ("NOUN", "ADJF", "PRTF")
_NUMERAL_VALUE = {"один": 1, "два": 2, "три": 3, "четыре": 4, "оба": 2, "полтора": 2}

_NPTriple = tuple[str, str, str | None]  # case, number, gender (None in plural)
_NP_TRIPLES: tuple[_NPTriple, ...] = tuple(
    [(c, "sing", g) for c in _CASES for g in ("masc", "femn", "neut")]
    + [(c, "plur", None) for c in _CASES]
)


class _Reading(NamedTuple):
    """A parse with what it agrees with worked out once (tag look-ups are slow)."""

    parse: Any  # a pymorphy3 Parse or a _Guess
    pos: str
    agrees: frozenset[_NPTriple]


class _Word(NamedTuple):
    token: _Token
    kind: str  # 'punct', 'frozen', 'word' or 'drop'
    parses: tuple = ()
    readings: tuple[_Reading, ...] = ()


def _classify(token: _Token) -> _Word:
    core = token.core
    if not core:
        return _Word(token, "punct")
    acronym = _INFLECTED_ACRONYM.match(core)
    if acronym:
        # МИДа -> МИД: drop the glued-on ending rather than guess a lexeme.
        return _Word(token._replace(core=acronym.group(1)), "frozen")
    if _CAMEL_CASE.search(core) or (len(core) > 1 and core.isupper()):
        return _Word(token, "frozen")  # ВКонтакте, УралМетКом, СМИ
    if not (_is_cyrillic(core) or _LATIN_PREFIXED.fullmatch(core)):
        return _Word(token, "frozen")
    parses = morph.parse(core)
    # Outside person names, the guesser's first names and surnames are mostly
    # noise (Росстата is no woman called Росстата); such a guess only hints
    # that the word may be a nominative as it stands (Едидин).
    known = morph.is_known(core)
    plausible: list = []
    for p in parses:
        if known or not {"Name", "Surn", "Patr"} & p.tag.grammemes:
            plausible.append(p)
        elif p.tag.case == "nomn":
            plausible.append(p._replace(score=p.score * _GUESSED_NAME_IN_PHRASE))
    informed = known or any(_is_informed(p) for p in parses)
    if core[:1].isupper() and "-" not in core and not informed:
        # pymorphy3 guessed from a short tail; the declension model knows better.
        plausible = [p._replace(score=p.score * _UNINFORMED) for p in plausible]
        plausible.extend(_proper_noun_guesses(core.lower()))
    chosen = tuple(plausible) or parses
    return _Word(token, "word", chosen, tuple(_reading(p) for p in chosen))


def _reading(p: Any) -> _Reading:
    tag = p.tag
    pos = str(tag.POS)
    case = _CASE_OF.get(str(tag.case))
    if case is None:
        return _Reading(p, pos, frozenset())
    numbers: tuple[str, ...]
    if tag.number:
        numbers = (str(tag.number),)
    elif "Fixd" in tag.grammemes or pos != "NOUN":
        numbers = ("sing", "plur")
    else:
        numbers = ()
    agrees: set[_NPTriple] = set()
    for number in numbers:
        if number == "plur":
            agrees.add((case, "plur", None))
        elif "ms-f" in tag.grammemes:
            agrees.update({(case, "sing", "masc"), (case, "sing", "femn")})
        elif tag.gender:
            agrees.add((case, "sing", str(tag.gender)))
        else:
            # Nouns without gender (Pltm, some Fixd) agree with anything.
            agrees.update((case, "sing", g) for g in ("masc", "femn", "neut"))
    return _Reading(p, pos, frozenset(agrees))


def _is_informed(p: morph.Parse) -> bool:
    """Whether pymorphy3 knows enough about the word to trust its analysis.

    An adjective, or a known word of five letters or more behind an unknown
    prefix (Рос-имущества) is informed; a short known tail (Рос-стата read
    as тата) is not.
    """
    if str(p.tag.POS) in ("ADJF", "PRTF"):
        return True
    first, last = p.methods_stack[0], p.methods_stack[-1]
    return (
        type(last[0]).__name__ == "UnknownPrefixAnalyzer"
        and len(first) > 1
        and len(first[1]) >= _INFORMED_TAIL
    )


class _Guess(NamedTuple):
    """A reading of an unknown proper noun, shaped like a pymorphy3 Parse."""

    word: str
    tag: Any
    normal_form: str  # the nominative
    score: float


# Unknown names of organisations and places are mostly masculine consonant
# stems (Росстат, Башинформ, Амкар, Эвертон), which pymorphy3's guesser
# spreads thinly over unlikely readings: Росстата stays Росстата, Кюнстхал
# becomes a genitive plural.  ending -> (case, weight)
_PROPER_ENDINGS: dict[str, tuple[str, float]] = {
    "": ("nomn", 0.5),
    "а": ("gent", 0.5),
    "у": ("datv", 0.5),
    "ом": ("ablt", 0.5),
    "ем": ("ablt", 0.3),
    "е": ("loct", 0.5),
}


@functools.lru_cache(maxsize=20_000)
def _proper_noun_guesses(word: str) -> tuple[_Guess, ...]:
    guesses = []
    for ending, (case, weight) in _PROPER_ENDINGS.items():
        stem = word[: len(word) - len(ending)]
        if not word.endswith(ending) or len(stem) < 3 or stem[-1] not in _CONSONANTS:
            continue
        if ending == "ем" and stem[-1] not in _SIBILANT:
            continue
        if not ending and word.endswith(_OBLIQUE_LOOKING):
            weight = _W_MASC_NOM_OBLIQUE_LOOKING  # Россельхознадзором
        tag = morph.analyzer().TagClass(f"NOUN,inan,masc sing,{case}")
        guesses.append(_Guess(word, tag, stem, weight))
    return tuple(guesses)


def _best_agreeing(word: _Word, triple: _NPTriple, pos: Iterable[str]) -> Any:
    best = None
    for r in word.readings:
        if r.pos in pos and triple in r.agrees and (best is None or r.parse.score > best.score):
            best = r.parse
    return best


class _Walk(NamedTuple):
    score: float
    changes: dict[int, str]  # word index -> new core
    end: int  # index of the head


def _inflect_nominative(p: morph.Parse, number: str, gender: str | None) -> str | None:
    grammemes = {"nomn", number}
    if p.tag.POS in ("ADJF", "PRTF") and number == "sing" and gender:
        grammemes.add(gender)
    return _inflect(p, grammemes) or _inflect(p, {"nomn"})


def _is_function_word(word: _Word) -> bool:
    # к is also the letter's name, a noun; в also the abbreviation of вольт.
    return bool(word.parses) and str(word.parses[0].tag.POS) in _FUNCTION_POS


def _lexeme_score(word: _Word, p: morph.Parse) -> float:
    pos, lemma = str(p.tag.POS), p.normal_form
    return sum(q.score for q in word.parses if q.normal_form == lemma and str(q.tag.POS) == pos)


def _opens_dependent(modifier: morph.Parse, word: _Word) -> bool:
    # Only a participle takes objects of its own (лечащие Чавеса врачи); an
    # adjective takes a prepositional phrase (близкий к ней источник).  Any
    # other word that does not agree ends the noun phrase.
    if str(modifier.tag.POS) == "PRTF":
        return True
    return bool(word.parses) and str(word.parses[0].tag.POS) == "PREP"


def _noun_follows(words: list[_Word], start: int, triple: _NPTriple) -> bool:
    # учёного совета: a word that is both adjective and noun is the adjective
    # when an agreeing noun comes next.
    for word in words[start:]:
        if word.kind != "punct":
            return _best_agreeing(word, triple, ("NOUN",)) is not None
    return False


def _walk(words: list[_Word], start: int, triple: _NPTriple) -> _Walk | None:
    """Read words[start:] as [modifiers] head in ``triple``; None if they cannot be."""
    score = 1.0
    modifiers: list[tuple[int, morph.Parse]] = []
    head: tuple[int, morph.Parse | None] | None = None
    skipped = 0
    stopped_at: _Word | None = None
    for i in range(start, len(words)):
        word = words[i]
        if word.kind == "punct":
            continue
        if word.kind == "frozen":
            if skipped:
                return None  # другой собеседник РБК: РБК heads nothing here
            head = (i, None)
            break
        if _is_function_word(word):
            noun = modifier = None
        else:
            noun = _best_agreeing(word, triple, ("NOUN",))
            modifier = _best_agreeing(word, triple, ("ADJF", "PRTF"))
        if noun is not None and (modifier is None or not _noun_follows(words, i + 1, triple)):
            head = (i, noun)
            score *= noun.score
            break
        if modifier is not None:
            modifiers.append((i, modifier))
            # The modifier's own case and gender come from the head; what
            # counts is how likely the word is this adjective at all
            # (Первого: ADJF in any form, not the noun первое).
            score *= _lexeme_score(word, modifier)
            continue
        if not modifiers and word.token.core.lower() in _POSSESSIVES:
            continue  # его дочь: the possessive does not decline
        if (
            modifiers
            and skipped < _MAX_SKIPPED
            and (skipped or _opens_dependent(modifiers[-1][1], word))
        ):
            # A modifier's own dependents: близкого [к ней] источника,
            # лечащие [Чавеса] врачи.
            skipped += 1
            score *= _SKIP_PENALTY
            continue
        stopped_at = word
        break
    if head is None:
        if not modifiers or skipped:
            return None
        if stopped_at is not None and not _is_function_word(stopped_at):
            # Верховной Радой read as genitive: Радой does not agree, so this
            # is a wrong case, not an adjective standing alone.
            return None
        # Substantivised adjective or participle: задержанного, собравшихся;
        # masculine rather than neuter where the form allows both (Большого).
        head = modifiers.pop()
        score *= _SUBSTANTIVE_PENALTY * (0.5 if triple[2] == "neut" else 1.0)
    changes: dict[int, str] = {}
    head_index, head_parse = head
    number, gender = triple[1], triple[2]
    if head_parse is not None:
        new = _inflect_nominative(head_parse, number, gender)
        if new is None:
            return None
        changes[head_index] = new
        head_gender = str(head_parse.tag.gender)
        if number == "sing" and head_gender in ("masc", "femn", "neut"):
            gender = head_gender
    for i, p in modifiers:
        new = _inflect_nominative(p, number, gender)
        if new is None:
            return None
        changes[i] = new
    return _Walk(score, changes, head_index)


def _numeral_walk(words: list[_Word], start: int, case: str) -> _Walk | None:
    """``двух источников`` -> ``два источника``: a numeral and its noun phrase."""
    word = words[start]
    numeral = next(
        (p for p in word.parses if p.tag.POS == "NUMR" and _CASE_OF.get(str(p.tag.case)) == case),
        None,
    )
    if numeral is None or case == "nomn":
        return None
    walk = _walk(words, start + 1, (case, "plur", None))
    if walk is None or walk.end not in walk.changes:
        return None
    value = _NUMERAL_VALUE.get(numeral.normal_form, 5)
    plural = (case, "plur", None)
    head_parse = _best_agreeing(words[walk.end], plural, _NP_POS)
    if head_parse is None:
        return None
    gender = str(head_parse.tag.gender)
    changes: dict[int, str] = {}
    grammemes = {"nomn"} | ({"femn"} if gender == "femn" and value in (2,) else set())
    new = _inflect(numeral, grammemes) or _inflect(numeral, {"nomn"})
    if new is None:
        return None
    changes[start] = new
    # After два/три/четыре the noun is genitive singular, after пять and
    # more genitive plural; the adjectives are genitive plural either way.
    for i in walk.changes:
        p = _best_agreeing(words[i], plural, _NP_POS)
        if p is None:
            return None
        singular = i == walk.end and value in (2, 3, 4)
        new = _inflect(p, {"gent", "sing" if singular else "plur"})
        if new is None:
            return None
        changes[i] = new
    return _Walk(walk.score * numeral.score, changes, walk.end)


def _phrase(words: Sequence[str] | str, singular_bias: float, case: str | None) -> str:
    tokens = [_split_token(w) for w in _tokens(words)]
    if not tokens:
        return ""
    items = [_classify(t) for t in tokens]
    content = [i for i, w in enumerate(items) if w.kind != "punct"]
    # в Кремле -> Кремль: the preposition belongs to the sentence, not the name.
    while (
        len(content) > 1
        and items[content[0]].kind == "word"
        and (items[content[0]].parses and items[content[0]].parses[0].tag.POS == "PREP")
    ):
        items[content[0]] = items[content[0]]._replace(kind="drop")
        content.pop(0)
    if not content:
        return " ".join(_render(items, {}))
    start = content[0]
    if items[start].kind == "frozen":
        return " ".join(_render(items, {}))

    totals: dict[tuple[tuple[int, str], ...], float] = {}
    for triple in _NP_TRIPLES:
        walk = _walk(items, start, triple) or _numeral_walk(items, start, triple[0])
        if walk is None:
            continue
        walk = _coordinate(items, walk, triple[0])
        weight = walk.score * _PHRASE_CASE_PRIOR[triple[0]]
        weight *= singular_bias if triple[1] == "sing" else 1.0
        if case is not None and triple[0] != case:
            weight *= _CASE_HINT_MISS
        # Readings in different cases often give the same words (genitive
        # and accusative of экспертов); their evidence adds up.
        key = tuple(sorted(walk.changes.items()))
        totals[key] = totals.get(key, 0.0) + weight
    if not totals:
        return " ".join(_render(items, {}))
    best = max(totals, key=lambda k: totals[k])
    return " ".join(_render(items, dict(best)))


def _coordinate(words: list[_Word], walk: _Walk, case: str) -> _Walk:
    """блоггеров и журналистов -> блоггеры и журналисты."""
    after = [i for i in range(walk.end + 1, len(words)) if words[i].kind != "punct"]
    if len(after) < 2 or words[after[0]].token.core.lower() not in _COORDINATORS:
        return walk
    best: _Walk | None = None
    for triple in _NP_TRIPLES:
        if triple[0] != case:
            continue
        other = _walk(words, after[1], triple)
        if other is not None and (best is None or other.score > best.score):
            best = other
    if best is None:
        return walk
    return _Walk(walk.score, {**walk.changes, **best.changes}, walk.end)


def _render(items: list[_Word], changes: dict[int, str]) -> list[str]:
    out = []
    for i, item in enumerate(items):
        if item.kind == "drop":
            continue
        if i in changes:
            out.append(item.token.render(_restore_case(item.token.core, changes[i])))
        else:
            out.append(item.token.render())
    return out


@functools.lru_cache(maxsize=20_000)
def _org_name(words: tuple[str, ...], case: str | None) -> str:
    return _phrase(words, _SINGULAR_BIAS_ORG, case)


@functools.lru_cache(maxsize=20_000)
def _nominative_phrase(words: tuple[str, ...], case: str | None) -> str:
    return _phrase(words, 1.0, case)


def org_name(words: Sequence[str], *, case: str | None = None) -> str:
    """The nominative name of an organisation or institution.

    The head (``Министерства``, ``Государственной думы``, ``Кремле``) goes to
    the nominative singular where the form allows it; dependents stay as
    written: ``['Министерства', 'обороны', 'США'] -> 'Министерство обороны
    США'``.  A leading preposition is dropped (``в Кремле`` -> ``Кремль``).
    """
    return _org_name(tuple(_tokens(words)), _hint(case))


def nominative_phrase(words: Sequence[str], *, case: str | None = None) -> str:
    """The nominative of a noun phrase: ``['местных', 'жителей'] -> 'местные жители'``.

    As :func:`org_name`, without the preference for the singular, for
    anonymous speakers (``источник в правительстве``, ``эксперты``).
    """
    return _nominative_phrase(tuple(_tokens(words)), _hint(case))
