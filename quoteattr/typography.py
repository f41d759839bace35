"""The typographic view of a text: ASCII quote marks and dashes as « » and —, length kept.

The NLP models learnt on typographic text; the view keeps every offset, so
what they find maps back onto the text as given.
"""

from __future__ import annotations

import bisect
import re

from .pairing import Quoted, _depths, _extent, find_quoted, paragraphs

__all__ = ["typographic"]


# A hyphen standing for a dash: with white space after it and no word
# character or hyphen before it (`` - ``, ``- `` at a line start, ``», - ``,
# ``,- ``), or glued between a comma and a lower-case author remark
# (``",-сказал``). ``северо- и юго-западный`` and ``кто-то`` keep theirs.
_DASH_HYPHEN = re.compile(r"(?<![\w-])-(?=\s)|(?<=,)(?<!\d,)-(?=[a-zа-яё])")
_UNREADABLE = re.compile("[\x00-\x08\x0e-\x1b\x7f\ud800-\udfff]")
_LOOKALIKES = dict(zip("aceopxyACEHKMOPTXB", "асеорхуАСЕНКМОРТХВ", strict=True))
_MIXED_SCRIPT = re.compile("[а-яё][aceopxyACEHKMOPTXB]|[aceopxyACEHKMOPTXB][а-яё]")


def _word_at(text: str, i: int) -> tuple[int, int]:
    a = i
    while a > 0 and text[a - 1].isalpha():
        a -= 1
    b = i
    while b < len(text) and text[b].isalpha():
        b += 1
    return a, b


_WIKI_MARKUP = re.compile(r"'{2,}")
_ZERO_WIDTH = re.compile("[\u200b-\u200d\u2060\ufeff]+")


def typographic(text: str, quoted: list[Quoted] | None = None) -> str:
    """Same-length copy of ``text`` for the NLP models, which know « and —.

    Each ASCII ``"`` or ``'`` that :func:`find_quoted` pairs (or ``quoted``,
    if given) becomes ``«``/``»``, or ``„``/``“`` inside another quotation
    mark; that includes the marks repeated at the start of each paragraph of
    a quote over several and the opening mark of a quote whose closing mark
    was lost. A hyphen used as a dash becomes ``—``, a lone surrogate
    (which no codec can encode) U+FFFD, a control character that is not
    white space (NUL, DEL) a space, and so does a zero-width space or joiner
    that is not inside a word. Nothing else changes:
    ``len(result) == len(text)``.
    """
    if quoted is None:
        quoted = find_quoted(text)
    marks = [q for q in quoted if q.style != "—"]
    depths = _depths([_extent(q.open, q.stop, q.close) for q in marks])
    starts = [s for s, _ in paragraphs(text)]
    swaps: dict[int, str] = {}
    for q, depth in zip(marks, depths, strict=True):
        ch = q.style
        if ch not in "\"'" or not 0 <= q.open < len(text) or text[q.open] != ch:
            continue
        left, right = ("«", "»") if depth % 2 == 0 else ("„", "“")
        swaps[q.open] = left
        if q.close is not None and 0 <= q.close < len(text) and text[q.close] == ch:
            swaps[q.close] = right
        # Repeated opening marks of a quote over several paragraphs.
        i = bisect.bisect_right(starts, q.start)
        while i < len(starts) and starts[i] < q.stop:
            if text[starts[i]] == ch:
                swaps[starts[i]] = left
            i += 1
    for m in _DASH_HYPHEN.finditer(text):
        swaps[m.start()] = "—"
    # A lone surrogate (a bad decoder's leftover) cannot be encoded, and the
    # morphology dictionaries encode every word they look up; a control
    # character (NUL from a C string) glued to a word hides it from the taggers.
    for m in _UNREADABLE.finditer(text):
        swaps[m.start()] = "\ufffd" if m.group() >= "\ud800" else " "
    # Zero-width characters are white space to a reader but not to razdel,
    # which glues them to the next word (` \u200bготовы`); inside a word
    # (`пе\u200bреговоры`) they stay, so that the word stays one.
    for m in _ZERO_WIDTH.finditer(text):
        a, b = m.span()
        if not (a > 0 and b < len(text) and text[a - 1].isalnum() and text[b].isalnum()):
            for i in range(a, b):
                swaps[i] = " "
    # Wiki markup left by the scraper (`сообщили: ''«…»''`, `в ''Twitter''`):
    # a run of apostrophes is never a letter, and it hides a colon or a cue
    # from the quote it stands next to.
    for m in _WIKI_MARKUP.finditer(text):
        for i in range(*m.span()):
            swaps.setdefault(i, " ")
    # A Latin letter that looks Cyrillic inside a Russian word (`раcсказала`
    # with a Latin `c`, from OCR or a keyboard switch) splits the word for the
    # tokenizer and hides it from the dictionary.
    for m in _MIXED_SCRIPT.finditer(text):
        a, b = _word_at(text, m.start())
        word = text[a:b]
        latin = [c for c in word if "a" <= c.lower() <= "z"]
        if all(c in _LOOKALIKES for c in latin):
            for i in range(a, b):
                if text[i] in _LOOKALIKES:
                    swaps[i] = _LOOKALIKES[text[i]]
    if not swaps:
        return text
    pieces: list[str] = []
    pos = 0
    for i in sorted(swaps):
        pieces.append(text[pos:i])
        pieces.append(swaps[i])
        pos = i + 1
    pieces.append(text[pos:])
    return "".join(pieces)
