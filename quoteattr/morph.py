"""One shared pymorphy3 analyser and cached look-ups on top of it.

Building a ``MorphAnalyzer`` loads tens of megabytes of dictionaries, so the
whole process shares one, created on first use.  An uncached parse costs tens
of microseconds (~16k tokens/s) while news text repeats the same few thousand
words, so parses are memoised.
"""

from __future__ import annotations

import functools
import re
import threading

import pymorphy3
from pymorphy3.analyzer import Parse

try:
    # pymorphy3's analysis units, to read a parse's method stack (`inflected`).
    # They are not its public API: where a version moves them, every parse
    # goes to pymorphy3's own `inflect`, the same forms, slower.
    from pymorphy3.units.by_analogy import KnownPrefixAnalyzer as _KnownPrefixAnalyzer
    from pymorphy3.units.by_analogy import KnownSuffixAnalyzer as _KnownSuffixAnalyzer
    from pymorphy3.units.by_analogy import UnknownPrefixAnalyzer as _UnknownPrefixAnalyzer
    from pymorphy3.units.by_lookup import DictionaryAnalyzer as _DictionaryAnalyzer
except ImportError:  # pragma: no cover - another pymorphy3 layout
    _DictionaryAnalyzer = None  # type: ignore[assignment,misc]

__all__ = [
    "NAME_GRAMMEMES",
    "Parse",
    "analyzer",
    "inflected",
    "is_known",
    "key",
    "lemma",
    "lemmas",
    "parse",
]

# pymorphy3's grammemes of a proper name: a first name, surname, patronymic,
# organisation, place or trade mark.
NAME_GRAMMEMES = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"})

_CACHE_SIZE = 200_000
_UNREADABLE = re.compile("[\ud800-\udfff\U00017000-\U00018d08]")

_lock = threading.Lock()
_analyzer: pymorphy3.MorphAnalyzer | None = None


def analyzer() -> pymorphy3.MorphAnalyzer:
    """The process-wide analyser, created on the first call."""
    global _analyzer
    found = _analyzer
    if found is None:
        # Double-checked so that concurrent first calls build only one
        # analyser and later calls never touch the lock.
        with _lock:
            if _analyzer is None:
                _analyzer = pymorphy3.MorphAnalyzer()
            found = _analyzer
    return found


@functools.lru_cache(maxsize=_CACHE_SIZE)
def _parse_lower(word: str) -> tuple[Parse, ...]:
    try:
        return tuple(analyzer().parse(word))
    except (UnicodeEncodeError, ValueError):
        # A lone surrogate (a bad decoder's leftover) cannot be looked up in
        # the UTF-8 dictionary, and a letter with no Unicode name (Tangut,
        # U+17000-U+18D08) breaks pymorphy3's shape check: read them as
        # unknown characters instead.
        return tuple(analyzer().parse(_UNREADABLE.sub("\ufffd", word)))


# Stress marks (`заяви́л`) and zero-width spaces are not letters of the word.
_INVISIBLE = str.maketrans("", "", "\u0301\u0300\u200b\u200c\u200d\u2060")


# Cached, as every look-up below starts here: `translate` costs ten times a
# cache hit, and the stages ask for the same words over and over.
@functools.lru_cache(maxsize=_CACHE_SIZE)
def key(word: str) -> str:
    """The word as the dictionary is keyed: lower case, no stress or zero-width marks."""
    return word.lower().translate(_INVISIBLE)


def parse(word: str) -> tuple[Parse, ...]:
    """All pymorphy3 analyses of ``word``, best first.

    pymorphy3 ignores letter case, so the cache is keyed on the lower-cased
    word: ``Путина`` and ``путина`` share one entry.  The returned parses are
    shared between callers and must not be mutated.
    """
    return _parse_lower(key(word))


@functools.lru_cache(maxsize=_CACHE_SIZE)
def _is_known_lower(word: str) -> bool:
    try:
        return analyzer().word_is_known(word)
    except (UnicodeEncodeError, ValueError):
        return False  # no dictionary word holds a surrogate or a nameless letter


def is_known(word: str) -> bool:
    """Whether the dictionary lists ``word``: its parses are not guesses.

    Prefer this to ``Parse.is_known``, which looks the word up again on
    every call and is the same for all parses of one word.
    """
    return _is_known_lower(key(word))


@functools.lru_cache(maxsize=_CACHE_SIZE)
def common_animate(word: str) -> bool:
    """A word the dictionary knows only as a common animate noun, no name:
    a role (`наставницу`), whatever case or animacy a tagger read."""
    word = word.lower()
    if not is_known(word):
        return False
    found = parse(word)
    return bool(found) and all(
        {"NOUN", "anim"} <= p.tag.grammemes
        and not {"Name", "Surn", "Patr", "Geox", "Orgn"} & p.tag.grammemes
        for p in found
    )


def _norm(text: str) -> str:
    return text.lower().replace("ё", "е")


@functools.lru_cache(maxsize=_CACHE_SIZE)
def _lemma_lower(word: str) -> str:
    parses = _parse_lower(word)
    return _norm(parses[0].normal_form) if parses else _norm(word)


def lemma(word: str) -> str:
    """The most likely dictionary form, lower-cased, with ``ё`` spelt ``е``."""
    return _lemma_lower(key(word))


@functools.lru_cache(maxsize=_CACHE_SIZE)
def _lemmas_lower(word: str) -> frozenset[str]:
    found = frozenset(_norm(p.normal_form) for p in _parse_lower(word))
    return found or frozenset({_norm(word)})


def lemmas(word: str) -> frozenset[str]:
    """Every dictionary form any analysis gives, normalised as in :func:`lemma`.

    Use this for cue look-up: ``заявили`` must match ``заявить`` even where
    the first analysis is a different lemma.
    """
    return _lemmas_lower(key(word))


_PREFIX_UNITS = (
    (_KnownPrefixAnalyzer, _UnknownPrefixAnalyzer) if _DictionaryAnalyzer is not None else ()
)


def inflected(p: Parse, required: set[str] | frozenset[str]) -> str | None:
    """``p.inflect(required).word`` (None where pymorphy3 finds no form),
    without building the whole lexeme for a dictionary word.

    pymorphy3 builds every form of the word's paradigm (word, tag, method
    stack) to keep those whose tag has `required` and return the one most
    like `p`. For a word its dictionary holds, the forms' tags are in the
    paradigm table: the same choice (the same filter, the rare-case
    fallback, the same similarity, the first of equals as `heapq.nlargest`
    gives) is made on the tags, and only the chosen form is spelt; so too
    for a word guessed from a dictionary word by a prefix or a suffix. Other
    parses (hyphenated words, shapes) go to pymorphy3 itself.
    """
    if _DictionaryAnalyzer is None:
        form = p.inflect(required)
        return None if form is None else form.word
    stack = p.methods_stack
    word, prefix, k = p.word, "", len(stack)
    # A guess by a prefix (`супер` + a dictionary word) inflects the word
    # after it and puts the prefix back; a guess by analogy with a known
    # suffix inflects as the dictionary word it was read as (pymorphy3's
    # lexemizers). What is left must be one dictionary look-up.
    while k > 1 and type(stack[k - 1][0]) in _PREFIX_UNITS:
        cut = stack[k - 1][1]
        word, prefix, k = word[len(cut) :], prefix + cut, k - 1
    if k == 2 and type(stack[1][0]) is _KnownSuffixAnalyzer:
        k = 1
    if k != 1 or not isinstance(stack[0][0], _DictionaryAnalyzer):
        form = p.inflect(required)
        return None if form is None else form.word
    unit, _, para_id, idx = stack[0]
    d = unit.dict
    paradigm = d.paradigms[para_id]
    size = len(paradigm) // 3
    gramtab = d.gramtab
    tags = [gramtab[paradigm[size + i]] for i in range(size)]
    possible = [i for i in range(size) if required <= tags[i].grammemes]
    if not possible:
        required = p.tag.fix_rare_cases(required)
        possible = [i for i in range(size) if required <= tags[i].grammemes]
    grammemes = p.tag.updated_grammemes(required)
    if not possible:
        return None

    def similarity(i: int) -> float:
        found = tags[i].grammemes
        return len(grammemes & found) - 0.1 * len(grammemes ^ found)

    best = max(possible, key=similarity)  # the first of equals, as nlargest(1)
    stem = d.build_stem(paradigm, idx, word)
    start = d.paradigm_prefixes[paradigm[size * 2 + best]]
    return prefix + start + stem + d.suffixes[paradigm[best]]
