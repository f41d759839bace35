"""Whether a narrator's remark after a dash opens with a speech verb (``— сказал он``).

Both a quote that lost its closing mark before a postposed remark and a quote
the narrator interrupts are told apart from a dash in running text this way.
"""

from __future__ import annotations

import functools

from . import lexicon, morph

# How many words may precede a remark's speech verb (`— Путин сказал`).
_REMARK_LEAD = 2
_VERB_POS = frozenset({"VERB", "INFN", "GRND", "PRTF", "PRTS"})
_PREDICATIVE_POS = frozenset({"ADJS", "PRTS"})
_LONGEST_WORD = 40
_WORD_EDGE = "\"'«»„“”‘’()[]{}<>.,:;!?…—–-"


def _remark_cue(text: str, pos: int, end: int, *, lower_first: bool) -> int | None:
    """End of a speech verb among the first words from ``pos`` (a remark's
    start after its dash), or ``None``. ``lower_first``: the remark's first
    word must be lower-case (after ``.``, ``!``, ``?``)."""
    i = pos
    for n in range(_REMARK_LEAD):
        while i < end and text[i] in " \t\u00a0\u2009\u202f":
            i += 1
        j = i
        # A word longer than any speech verb is not one: stop reading it, so
        # that a run with no space (`,-а,-а,-а…`) is not read once per dash.
        limit = min(end, i + _LONGEST_WORD)
        while j < limit and not text[j].isspace():
            j += 1
        if j == limit < end and not text[j].isspace():
            return None
        word = text[i:j].strip(_WORD_EDGE)
        if not word or (n == 0 and lower_first and not word[0].islower()):
            return None
        if _speech_verb(word):
            return j
        i = j
    return None


@functools.lru_cache(maxsize=4096)
def _speech_verb(word: str) -> bool:
    """A lower-case form of a speech verb (`сказал`, `говорит`, `пояснила`)
    or a predicative cue (`уверен`)."""
    if not word[:1].islower():
        return False
    verbs = lexicon.load("speech_verbs")
    phrases = lexicon.load("speech_phrases")
    for parse in morph.parse(word):
        lemma = parse.normal_form.replace("ё", "е")
        pos = parse.tag.POS
        if pos in _VERB_POS and lemma in verbs:
            return True
        if pos in _PREDICATIVE_POS and "predicative" in phrases.get(lemma, ()):
            return True
    return False
