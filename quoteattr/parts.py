"""Quote parts: the words of every quote, a quote the narrator interrupts split in two.

:func:`quoted_parts` splits a quote interrupted by the narrator's remark:
``«Мы готовы, — сказал он. — Но не сейчас»`` is two parts, ``Мы готовы``
and ``Но не сейчас``. The remark starts at a dash after ``,`` (or after ``.``,
``!``, ``?``, ``…`` when a lower-case word follows), holds a speech verb among
its first two words (``— сказала она``, ``– говорит Тэплин``, ``— Путин
сказал``, ``. — заявил Каприлес``) and ends with ``,`` or ``.`` before a dash
that resumes the speech in the same paragraph (``, — пояснила она, — но …``).
A dash followed by other words (``втроём — с дочкой, — прийти в суд``) does
not split. The comma before the remark and a single full stop belong to the
sentence, not to the words. Only dashes at the quote's own level count, not
those inside a pair nested in it.

Like the pairing, it runs in linear time: each dash goes to the innermost
quote around it in one pass with a stack.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from .pairing import _ALNUM, _LINE_BREAK, Quoted, _extent, _skip_space, find_quoted
from .remarks import _remark_cue
from .remembered import Remembered

__all__ = ["Part", "quoted_parts"]


@attrs.frozen(slots=True)
class Part:
    """The words of one quote, or one part of a quote the narrator interrupts.

    ``text[start:stop]`` is the part; ``quote`` is the whole :class:`Quoted`.
    ``remark`` is ``(start, stop)`` of the narrator's remark that interrupts
    the quote (``сказал он`` in ``«Мы готовы, — сказал он. — Но не
    сейчас»``), the one after the part, or before it for the last part;
    ``None`` when the quote is not interrupted.
    """

    start: int
    stop: int
    quote: Quoted
    remark: tuple[int, int] | None = None


# Interrupted quotes: a dash that may start or end a narrator's remark (a
# hyphen only with white space after it and no word before it, or glued
# between a comma and a lower-case word, as in typographic()), and the
# punctuation before a remark.
_REMARK_DASH = re.compile(r"[—–―](?=\s)|(?<![\w-])-(?=\s)|(?<=,)(?<!\d,)-(?=[a-zа-яё])")
_REMARK_AFTER_SPEECH = ",.!?…"
_RESUME_AFTER = ",."


def quoted_parts(text: str, quoted: Sequence[Quoted] | None = None) -> list[Part]:
    """The words of every quote, an interrupted quote split into its parts.

    ``quoted`` is :func:`find_quoted`'s result for ``text`` (computed if not
    given); pass all of it, nested quotes included, for a dash inside a
    nested pair is not the outer quote's. Dialogue speech is already split
    and stays as it is. Sorted by ``(start, -stop)``. See the module
    docstring for the rule.
    """
    if quoted is None:
        return list(_all_parts(text))
    return _parts(text, quoted)


def _parts(text: str, quoted: Sequence[Quoted]) -> list[Part]:
    marked = sorted(
        (q for q in quoted if q.style != "—"),
        key=lambda q: (q.open, -_extent(q.open, q.stop, q.close)[1]),
    )
    ends = [_extent(q.open, q.stop, q.close)[1] for q in marked]
    # Each dash goes to the innermost quote around it: one pass, a stack.
    owned: dict[int, list[int]] = {}
    stack: list[int] = []
    i = 0
    for m in _REMARK_DASH.finditer(text):
        d = m.start()
        while i < len(marked) and marked[i].open < d:
            while stack and ends[stack[-1]] <= marked[i].open:
                stack.pop()
            stack.append(i)
            i += 1
        while stack and ends[stack[-1]] <= d:
            stack.pop()
        if stack and marked[stack[-1]].start <= d < marked[stack[-1]].stop:
            owned.setdefault(stack[-1], []).append(d)
    parts: list[Part] = []
    for j, q in enumerate(marked):
        if j in owned:
            parts += _interrupted(text, q, owned[j])
        else:
            parts.append(Part(q.start, q.stop, q))
    parts += [Part(q.start, q.stop, q) for q in quoted if q.style == "—"]
    parts.sort(key=lambda p: (p.start, -p.stop))
    return parts


def _interrupted(text: str, q: Quoted, dashes: list[int]) -> list[Part]:
    """The parts of ``q`` split at its narrator's remarks; ``dashes`` are the
    candidate dashes at its own level, in order."""
    cuts: list[tuple[int, int, tuple[int, int]]] = []  # part start, stop, remark
    start = q.start
    k = 0
    while k < len(dashes):
        d = dashes[k]
        k += 1
        if d < start:
            continue
        q_end = d
        while q_end > start and text[q_end - 1].isspace():
            q_end -= 1
        if q_end <= start:
            continue
        p = text[q_end - 1]
        if p not in _REMARK_AFTER_SPEECH:
            continue
        cue_end = _remark_cue(text, d + 1, q.stop, lower_first=p != ",")
        if cue_end is None:
            continue
        # The dash that resumes the speech: the next one, after `,` or `.`,
        # in the same paragraph.
        while k < len(dashes) and dashes[k] < cue_end:
            k += 1
        if k == len(dashes):
            break
        resume = dashes[k]
        r_end = resume
        while r_end > cue_end and text[r_end - 1].isspace():
            r_end -= 1
        if text[r_end - 1] not in _RESUME_AFTER or _LINE_BREAK.search(text, d, resume):
            continue
        k += 1
        nxt = _skip_space(text, resume + 1, q.stop)
        if _ALNUM.search(text, nxt, q.stop) is None:
            break
        stop = q_end
        if p == "," or (p == "." and text[stop - 2 : stop] != ".."):
            stop -= 1
            while stop > start and text[stop - 1].isspace():
                stop -= 1
        remark = (_skip_space(text, d + 1, r_end), r_end - 1)
        cuts.append((start, stop, remark))
        start = nxt
    if not cuts:
        return [Part(q.start, q.stop, q)]
    parts = [Part(a, b, q, r) for a, b, r in cuts]
    parts.append(Part(start, q.stop, q, cuts[-1][2]))
    return [p for p in parts if _ALNUM.search(text, p.start, p.stop) is not None]


# The whole text's parts, remembered: see remembered.py.
_all_parts = Remembered(lambda text: tuple(_parts(text, find_quoted(text))))
