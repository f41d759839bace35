"""Organisations and other noun phrases to the nominative: only the head noun phrase changes.

The leading adjectives and the noun they agree with go to the nominative, and
dependents (``обороны США``, ``в правительстве``) stay as written.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

from quoteattr import morph

from .declension import _OBLIQUE_LOOKING, _W_MASC_NOM_OBLIQUE_LOOKING
from .wordforms import (
    _CASE_HINT_MISS,
    _CASE_OF,
    _CASES,
    _CONSONANTS,
    _SIBILANT,
    _Guess,
    _hint,
    _inflect,
    _is_cyrillic,
    _restore_case,
    _split_token,
    _Token,
    _tokens,
)

__all__ = ["nominative_phrase", "org_name"]

_CAMEL_CASE = re.compile(r"[a-zа-яё][A-ZА-ЯЁ]")  # ВКонтакте, УралМетКом
_LATIN_PREFIXED = re.compile(r"[A-Za-z0-9]+-[а-яёА-ЯЁ]+")  # Telegram-канале
# An acronym with a case ending glued on: МИДа (ЦРУ is left alone).
_INFLECTED_ACRONYM = re.compile(r"^([A-ZА-ЯЁ]{2,})(а|у|ом|е)$")

_SINGULAR_BIAS_ORG = 3.0  # канцелярии: an institution, not institutions
# As _CASE_PRIOR in persons.py, but a phrase standing for a speaker is more often the
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


_FROZEN_MINISTRY = re.compile(r"Мин[а-яё]{3,}(?:ы|и|ия)")


def _declined_word(core: str) -> bool:
    """`МегаФоне`: a brand spelt in camel case over a dictionary noun, here in
    an oblique case, declines as the noun does (`ВКонтакте` is no word)."""
    lower = core.lower()
    if not morph.is_known(lower):
        # `СибДорСтрое`: a compound brand over a noun, its last part.
        parts = re.findall(r"[А-ЯЁ][а-яё]+", core)
        if len(parts) < 2 or not core.endswith(parts[-1]):
            return False
        lower = parts[-1].lower()
        if not morph.is_known(lower):
            return False
    best = morph.parse(lower)[0]
    return best.tag.POS == "NOUN" and best.tag.case != "nomn" and best.normal_form != lower


# A word's class and readings, the same in every phrase it is in (organisation
# names repeat their words: Министерства, России).
@functools.lru_cache(maxsize=50_000)
def _classify(token: _Token) -> _Word:
    core = token.core
    if not core:
        return _Word(token, "punct")
    acronym = _INFLECTED_ACRONYM.match(core)
    if acronym:
        # МИДа -> МИД: drop the glued-on ending rather than guess a lexeme.
        return _Word(token._replace(core=acronym.group(1)), "frozen")
    if (_CAMEL_CASE.search(core) and not _declined_word(core)) or (
        len(core) > 1 and core.isupper()
    ):
        return _Word(token, "frozen")  # ВКонтакте, УралМетКом, СМИ
    if _FROZEN_MINISTRY.fullmatch(core):
        # Минцифры, Минпросвещения, Минкультуры: a ministry named by a noun
        # in the genitive never declines (Минфин, Минфина do).
        return _Word(token, "frozen")
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
    # when an agreeing noun comes next, past other agreeing adjectives
    # (Московского областного суда).
    for word in words[start:]:
        if word.kind == "punct":
            continue
        if _best_agreeing(word, triple, ("NOUN",)) is not None:
            return True
        if _is_function_word(word) or _best_agreeing(word, triple, ("ADJF", "PRTF")) is None:
            return False
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
    after = _set_off_modifier(words, head_index, (triple[0], number, gender))
    if after is not None:
        new = _inflect_nominative(after[1], number, gender)
        if new is not None:
            changes[after[0]] = new
    return _Walk(score, changes, head_index)


def _set_off_modifier(
    words: list[_Word], head: int, triple: _NPTriple
) -> tuple[int, morph.Parse] | None:
    """`источника, близкого к следствию`: a participle or adjective set off by
    a comma after the head agrees with it, and goes to the nominative too."""
    i = head + 1
    comma = "," in words[head].token.after
    if not comma and i < len(words) and words[i].kind == "punct":
        comma = "," in words[i].token.render()
        i += 1
    if not comma or i >= len(words) or words[i].kind != "word":
        return None
    p = _best_agreeing(words[i], triple, ("ADJF", "PRTF"))
    return (i, p) if p is not None else None


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
    for i in content[1:]:
        if items[i].kind == "frozen" and items[i].token.core != tokens[i].core:
            # `Руководство ГАБТа`: an acronym after the head is its genitive
            # dependent, which stays as written; only a head (`МИДа`) drops
            # the glued-on ending.
            items[i] = items[i]._replace(token=tokens[i])
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

    walks = []
    for triple in _NP_TRIPLES:
        walk = _walk(items, start, triple) or _numeral_walk(items, start, triple[0])
        if walk is not None:
            walks.append((triple, walk))
    if case == "nomn" and any(triple[0] == case for triple, _ in walks):
        # A subject (the parse's, the hint's only sure case) that reads as a
        # nominative is one: `энергетики отмечают`, not the genitive of
        # `энергетика`, however much more often pymorphy3 saw that.
        walks = [(triple, walk) for triple, walk in walks if triple[0] == case]
    totals: dict[tuple[tuple[int, str], ...], float] = {}
    for triple, walk in walks:
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
            new = _both_parts(item.token.core, _restore_case(item.token.core, changes[i]))
            out.append(item.token.render(new))
        else:
            out.append(item.token.render())
    return out


def _both_parts(core: str, new: str) -> str:
    """`компании-оператора` -> `компания-оператор`, not `компании-оператор`:
    a compound of two nouns in one case declines in both (pymorphy3 moves
    only the second); `пресс-службы` keeps its first part, in no case of the
    second's, and `Альфа-Банка` its, which may be a nominative already."""
    first, _, second = core.partition("-")
    new_first, _, new_second = new.partition("-")
    if not second or new_first.lower() != first.lower() or new_second.lower() == second.lower():
        return new
    seconds = [p for p in morph.parse(second.lower()) if p.tag.POS == "NOUN"][:1]
    if not seconds:
        return new
    case, number = seconds[0].tag.case, seconds[0].tag.number
    firsts = morph.parse(first.lower())
    if any(p.tag.case == "nomn" and p.tag.number == number for p in firsts):
        return new  # `Альфа-Банк`: the first part may be a nominative as it stands
    for p in firsts:
        if p.tag.POS == "NOUN" and p.tag.case == case and p.tag.number == number:
            form = morph.inflected(p, {"nomn", number})
            return f"{_restore_case(first, form)}-{new_second}" if form else new
    return new


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
    tokens = _tokens(words)
    # `Министерства внутренних дел (МВД) Республики Татарстан`: the short
    # name in brackets stands beside the full one, no word of it; it goes
    # after the name (`… Республики Татарстан (МВД)`), where it is read.
    short = [t for t in tokens if _BRACKETED_SHORT.fullmatch(t)]
    if not short or len(short) == len(tokens):
        return _org_name(tuple(tokens), _hint(case))
    kept = [t for t in tokens if not _BRACKETED_SHORT.fullmatch(t)]
    return " ".join([_org_name(tuple(kept), _hint(case)), *short])


_BRACKETED_SHORT = re.compile(r"\([A-ZА-ЯЁ][A-ZА-ЯЁ0-9&.-]{1,11}\)")


def nominative_phrase(words: Sequence[str], *, case: str | None = None) -> str:
    """The nominative of a noun phrase: ``['местных', 'жителей'] -> 'местные жители'``.

    As :func:`org_name`, without the preference for the singular, for
    anonymous speakers (``источник в правительстве``, ``эксперты``).
    """
    tokens = _tokens(words)
    if len(tokens) > 1 and "свой" in morph.lemmas(tokens[0]):
        # `ссылаясь на свои источники` -> `источники`: whose they are is the
        # sentence's subject, which `свои` names no further.
        tokens = tokens[1:]
    one = ONE_OF.get(tokens[0].lower()) if len(tokens) > 2 else None
    if one is not None and tokens[1].lower() == "из":
        # `одного из собеседников издания` -> `один из собеседников издания`:
        # only `один` declines; `из` governs the rest.
        return " ".join([_restore_case(tokens[0], one), *tokens[1:]])
    return _nominative_phrase(tuple(tokens), _hint(case))


# The forms of `один` (`один из …`), each with its nominative.
ONE_OF = {"один": "один", "одно": "одно", "одного": "один", "одному": "один", "одним": "один",
           "одном": "один", "одна": "одна", "одной": "одна", "одну": "одна",
           "одною": "одна"}  # fmt: skip
