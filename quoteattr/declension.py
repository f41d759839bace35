"""The model of how Russian declines names, for surnames the dictionary has never seen.

Regular endings give a word its readings, ``(gender, number, case) ->
(weight, nominative)``: ``Стармера`` is the genitive of ``Стармер``,
``Сабировой`` of ``Сабирова``, ``Терезы`` of ``Тереза``.
"""

from __future__ import annotations

from collections.abc import Iterable

from .wordforms import _CASES, _CONSONANTS, _HUSHING, _SIBILANT, _SOFTENED, _VOWELS

# Each word of a name gets readings: (gender, number, case) -> (weight,
# nominative).  Weights are not probabilities but relative plausibilities,
# tuned on the gold mentions and the corpus; only their ratios matter.

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

_Triple = tuple[str, str, str]  # gender, number, case
_Readings = dict[_Triple, tuple[float, str]]


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
        # (A stem with no vowel is no name: `Гру` is not the dative of `Гр`.)
        if (
            s.endswith(ending)
            and len(stem) >= 2
            and stem[-1] in _CONSONANTS
            and any(ch in _VOWELS for ch in stem)
        ):
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
