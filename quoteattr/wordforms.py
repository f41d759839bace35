"""Words of a speaker mention and their forms, shared by person names and noun phrases.

Case names as pymorphy3 and natasha spell them, a word split from the
punctuation and initials around it, capitalisation kept as written, and a
parse inflected with the text's own spelling.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, NamedTuple

from quoteattr import morph

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

# A reading in another case than the one the caller knows is possible, only
# unlikely: for names and phrases alike.
_CASE_HINT_MISS = 0.05


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


class _Guess(NamedTuple):
    """A reading of an unknown proper noun, shaped like a pymorphy3 Parse."""

    word: str
    tag: Any
    normal_form: str  # the nominative
    score: float


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
    target = morph.inflected(p, grammemes)
    if target is None:
        return None
    surface = p.word
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
