"""Person names to the nominative, all words of a name read in one gender, number and case.

``Кира Стармера`` is ``Кир Стармер``: word by word the reading is ambiguous
(``Кира`` is also a woman's name in the nominative); only the masculine
genitive fits both words.  Dictionary readings are scored together with the
model of name declension (``declension.py``).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import NamedTuple

from quoteattr import morph

from .declension import _add, _model_readings, _Readings, _Triple
from .wordforms import (
    _CASE_HINT_MISS,
    _CASE_OF,
    _CASES,
    _CONSONANTS,
    _hint,
    _inflect,
    _is_cyrillic,
    _restore_case,
    _split_token,
    _Token,
    _tokens,
)

__all__ = ["gender_number", "person_name"]

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

# A non-final word may stay in the nominative while the last one declines:
# Ким Чен Ына, Хвана Чжан Епа, Жан-Поля.  Not a first name the dictionary
# declines, though: Нил Басу is nominative, not Нил + dative of Бас.
_W_FROZEN = 0.5
_W_FROZEN_VOWEL_OBLIQUE = 0.1
# Endings of foreign first names that stay as written (Криштиану, Жоау,
# Таро) and are no case ending of a Russian one.
_FOREIGN_ENDINGS = set("уо")
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
# gender_number() names no gender when the other one scores this close.
_GENDER_UNDECIDED = 0.8

_NAME_TAGS = frozenset({"Name", "Surn", "Patr"})

# Short lower-case words inside a name are particles: фон, де, ван, ибн, аль.
_PARTICLE_MAX_LEN = 3

_TRIPLES: tuple[_Triple, ...] = tuple(
    (g, n, c) for g in ("masc", "femn") for n in ("sing", "plur") for c in _CASES
)


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
        fixed = _fixed_name_gender(word)
        for (g, n, c), (weight, nominative) in modelled.items():
            # `Нелли` is a woman's name that never declines: the model's
            # reading of it as a man's is no likelier than for a known name.
            damped = _MODEL_DAMPING_FOR_KNOWN_NAMES if fixed not in {None, g} else damping
            _add(readings, g, n, (c,), weight * damped, nominative)
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


@functools.lru_cache(maxsize=50_000)
def _fixed_name_gender(word: str) -> str | None:
    """The one gender the dictionary gives an indeclinable first name
    (`Нелли`, `Натали`: femn), or None."""
    genders = {
        p.tag.gender
        for p in morph.parse(word)
        if p.is_known and {"Name", "Fixd"} <= p.tag.grammemes
    }
    return genders.pop() if len(genders) == 1 else None


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


# Asked again for each name by both person_name and gender_number.
@functools.lru_cache(maxsize=20_000)
def _analyse_person(words: tuple[str, ...], case: str | None) -> _Analysis:
    """The words' analysis with the caller's case hint: the hint only scales
    the scores of the other cases, after the rest (`_analysis`) is read."""
    analysis = _analysis(words)
    if case is None:
        return analysis
    scores = {t: s * _CASE_HINT_MISS if t[2] != case else s for t, s in analysis.scores.items()}
    return analysis._replace(scores=scores)


@functools.lru_cache(maxsize=20_000)
def _analysis(words: tuple[str, ...]) -> _Analysis:
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
    # What each slot is, whatever the triple: read once, not once a triple.
    written = [slot.written.lower() for slot in slots]
    vowels = [slot.written[-1:].lower() in _FOREIGN_ENDINGS for slot in slots]
    for triple in _TRIPLES:
        gender = triple[0]
        score = 1.0
        chosen: list[str] = []
        foreign = False
        for si, slot in enumerate(slots):
            weight, nominative = slot.readings.get(triple, (0.0, ""))
            frozen = slot.frozen.get(gender, 0.0) if si != last_slot else 0.0
            vowel = vowels[si]
            if frozen and vowel:
                # A first name kept as written that ends in a vowel
                # (Криштиану, Амаду) is a foreign name that does not decline:
                # the surname beside it (Роналду) then does not either.
                foreign = True
                if triple[2] != "nomn":
                    frozen *= _W_FROZEN_VOWEL_OBLIQUE
            elif si == last_slot and foreign and triple[2] == "nomn" and vowel:
                frozen = _W_FROZEN * _W_FROZEN
            if frozen > weight:
                weight, nominative = frozen, written[si]
            if weight < _W_AS_IS:
                weight, nominative = _W_AS_IS, written[si]
            score *= weight
            chosen.append(nominative)
        scores[triple] = score
        choice[triple] = chosen
    return _Analysis(tokens, parts, slots, slot_of, scores, choice)


_PRIORS = {t: _GENDER_PRIOR[t[0]] * _NUMBER_PRIOR[t[1]] * _CASE_PRIOR[t[2]] for t in _TRIPLES}


def _best_triple(analysis: _Analysis) -> _Triple:
    scores = analysis.scores
    # The first of equals (as max() keeps it), and _TRIPLES lists the
    # commonest first.
    weighted = [scores[t] * _PRIORS[t] for t in _TRIPLES]
    return _TRIPLES[weighted.index(max(weighted))]


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
    return _gender_number(tokens, _hint(case))


@functools.lru_cache(maxsize=20_000)
def _gender_number(tokens: tuple[str, ...], case: str | None) -> tuple[str | None, str | None]:
    analysis = _analyse_person(tokens, case)
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
