"""Quotation-mark pairing and dialogue-dash speech in raw Russian news text.

Scrapers hand over text in two shapes: typographic (``«…»``, ``„…“``, ``—``)
and flattened (every quotation mark turned into ASCII ``"`` and every dash into
``-``). Both must yield the same quotes, so ASCII marks are classified as
opening or closing by what flanks them, and a stack pairs them, which also
handles nesting, including same-style nesting (``«…«…»…»``, ``"…"…"…"``).

All offsets are Python slice offsets into the text exactly as given: nothing
is normalised first, so callers can cut ``text[q.start:q.stop]`` directly.

Rules for the ambiguous cases:

* A paragraph is one line: ``\\n``, ``\\r\\n``, ``\\r`` and the other
  :meth:`str.splitlines` boundaries end it. Pairs never cross a line break,
  with one exception: a quote whose opening mark starts a paragraph (or follows
  a colon) and stays open to the paragraph's end, when the next paragraph
  starts with the same mark, continues there (the convention for a quote of
  several paragraphs). It becomes one :class:`Quoted` from the first opening
  mark to the closing mark, the inner breaks and repeated marks included.
* An opening mark still open at the end of its paragraph gives a
  :class:`Quoted` only when it is *anchored*: it starts the paragraph or
  follows a colon (``заявил: «…``), so the rest of the paragraph is
  plainly the quote whose closing mark was lost. That quote runs to the
  paragraph's end (trailing white space excluded) with ``close=None``. Any
  other unclosed mark yields nothing, and a stray closing mark is ignored,
  so one bad mark never swallows the rest of the document.
* ASCII apostrophes pair only when both ends clearly flank (``'moron'``);
  one between letters (``О'Нил``, ``д'Артаньян``) is an apostrophe, and
  they are never anchored. A run of two or more (wiki italics and bold,
  ``''Spirit''``, ``''«…»''``) is markup, not a quotation mark, and is skipped:
  pairing it would put a real ``«…»`` one level down.
* A quote whose content holds no letter or digit (``«»``, ``"..."``) is dropped.
* Dialogue: a paragraph that starts with a dash (``—``, ``–``, ``-``) and a
  space, whose speech does not start with a lower-case letter (a list item
  does) and which either ends with sentence-final punctuation or contains an
  author remark, is direct speech. ``— Мы готовы, — сказал он. — Но не
  сейчас.`` gives ``Мы готовы`` and ``Но не сейчас``: the comma before a
  remark and a single final full stop belong to the sentence, not to the
  words (as a full stop after ``»`` does); ``?``, ``!`` and ``…`` stay in.
  A remark starts at a dash after a comma (any case) or after ``!``,
  ``?``, ``…`` when a lower-case word follows; speech resumes at a dash after
  ``.``, ``:``, ``,``, ``!``, ``?`` or ``…`` ending the remark. Dashes inside
  paired marks do not count.
* A sentence-opening mark left open at its paragraph's end (not anchored)
  whose words reach a postposed remark, ``, — <speech verb> …``, lost its
  closing mark there: ``. «Пока не будем подписывать, — заявлял он`` gives
  ``Пока не будем подписывать``, ``close=None``. This is also how a closing
  mark merged into a nested one reads (``"Я "за", они "жмутся", - заметил
  он``: one ``"`` closes both).
* ``depth`` is how many other returned quotes contain this one, so a
  ``«…»`` inside dialogue speech has depth 1, and a pair inside an unclosed
  (dropped) quote has depth 0.

Everything runs in linear time: marks and dashes are found by regular
expressions, paired with a stack that never rescans, and "is there a letter
between these two marks" is answered from a running count of the stretches
between consecutive marks that hold one.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence

import attrs

from .remarks import _remark_cue
from .remembered import Remembered

__all__ = ["Quoted", "find_quoted", "paragraphs"]


@attrs.frozen(slots=True)
class Quoted:
    """One quoted stretch: ``text[start:stop]`` is the content, marks excluded.

    ``open`` is the opening mark (the dash for dialogue speech), ``close`` the
    closing mark, or ``None`` for dialogue speech and for a quote whose closing
    mark was lost (it then ends at its paragraph's end). ``style`` is the
    opening mark character, ``'—'`` for dialogue speech whatever dash the text
    uses. ``depth`` counts the returned quotes that contain this one.
    """

    start: int
    stop: int
    open: int
    close: int | None
    style: str
    depth: int


_LINE_BREAK = re.compile(r"\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
_MARK = re.compile(r"'{2,}|[«»„“”\"‘’']")
_ALNUM = re.compile(r"[^\W_]")
_DASH = re.compile(r"[—–―‒-]")
_DASHES = "—–―‒-"

# Marks that can open, with the characters that close them. The German „…“
# closes with the very character that opens an English “…”, and texts mixing
# the two (or using “…“) are common enough that “ closes both.
_CLOSERS = {
    "«": "»",
    "„": "“”",
    "“": "”“",
    '"': '"',
    "‘": "’",
    "'": "'",
}
_ALWAYS_OPEN = "«„‘"
_ALWAYS_CLOSE = "»”’"
# Marks that may stand for a whole quote whose closing mark got lost; an
# apostrophe at a paragraph start is as likely an elided letter as a mark.
_ANCHORABLE = '«„“"‘'

# What the character before a mark says about it.
_SPACE, _OPEN, _PUNCT, _WORD = range(4)
_PREV_OPEN = "([{<«„" + _DASHES
_PREV_WORD = ")]}>%»”’"
# What the character after it says. Straight marks and “ could be either.
_N_SPACE, _N_CLOSE, _N_BOTH, _N_WORD = range(4)
_NEXT_CLOSE = ".,;:!?…)]}>%»”’" + _DASHES
_NEXT_BOTH = "\"'“"

_OPENED, _CLOSED, _IGNORED = range(3)

# Dialogue: what ends the speech before an author remark, what ends the
# remark before the speech resumes, and what ends a line of speech.
_REMARK_AFTER = ",!?…"
_SPEECH_AFTER = ".:,!?…"
_FINAL = ".!?…»\"”“’')"

# A mark left open up to a postposed remark: `, — сказал` (or `,-сказал`).
_POSTPOSED = re.compile(r",[^\S\n\r]*(?:[—–―]|(?<![\w-])-)(?=[^\S\n\r]|[a-zа-яё])")
_SENTENCE_END = ".!?…"


def paragraphs(text: str) -> list[tuple[int, int]]:
    """``(start, stop)`` of every non-blank line, surrounding white space cut off.

    Lines end at ``\\n``, ``\\r\\n``, ``\\r`` and the other :meth:`str.splitlines`
    boundaries, so a blank line and a single line break both separate
    paragraphs. Offsets are into ``text`` as given.
    """
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _LINE_BREAK.finditer(text):
        _add_line(text, pos, m.start(), spans)
        pos = m.end()
    _add_line(text, pos, len(text), spans)
    return spans


def _add_line(text: str, a: int, b: int, spans: list[tuple[int, int]]) -> None:
    line = text[a:b]
    left = len(line) - len(line.lstrip())
    if left < len(line):
        spans.append((a + left, a + len(line.rstrip())))


class _Open:
    """A mark waiting on the stack for its closing mark."""

    __slots__ = ("anchored", "closers", "letters", "links", "mark", "open", "start")

    def __init__(self, mark: str, open_: int, letters: int, anchored: bool) -> None:
        self.mark = mark
        self.open = open_
        self.start = open_ + 1
        self.closers = _CLOSERS[mark]
        self.letters = letters
        self.anchored = anchored
        # (open, start, paragraph stop) for each paragraph of a quote that
        # continues over several; filled only when it does continue.
        self.links: list[tuple[int, int, int]] = []


class _Pairer:
    """Left-to-right pass over the marks of the whole text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.found: list[tuple[int, int, int, int | None, str]] = []
        # Stretches between consecutive marks that hold a letter, so far.
        self.letters = 0
        self.scanned = 0
        self.stack: list[_Open] = []
        self.counts: dict[str, int] = {}
        self.carry: _Open | None = None
        self.last_end = -1
        self.last_role = _IGNORED

    def run(self) -> list[tuple[int, int, int, int | None, str]]:
        text = self.text
        for cs, ce in paragraphs(text):
            before = len(self.found)
            self._paragraph(cs, ce)
            if text[cs] in _DASHES:
                _dialogue(text, cs, ce, self.found[before:], self.found)
            else:
                start = _inline_dialogue_start(text, cs, ce, self.found[before:])
                if start is not None:
                    _dialogue(text, start, ce, self.found[before:], self.found, remark=True)
        if self.carry is not None:
            self._fall_back(self.carry)
        return self.found

    def _count_letters(self, upto: int) -> None:
        if _ALNUM.search(self.text, self.scanned, upto) is not None:
            self.letters += 1
        self.scanned = upto

    def _paragraph(self, cs: int, ce: int) -> None:
        text = self.text
        before = len(self.found)
        self.stack = []
        self.counts = {}
        carry, self.carry = self.carry, None
        first = True
        for m in _MARK.finditer(text, cs, ce):
            pos = m.start()
            mark = m.group()
            self._count_letters(pos)
            self.scanned = m.end()
            if first:
                first = False
                if carry is not None:
                    if pos == cs and mark == carry.mark and self._continues(pos, mark):
                        carry.links.append((pos, m.end(), -1))
                        self._push(carry)
                        self.last_end, self.last_role = m.end(), _OPENED
                        carry = None
                        continue
                    self._fall_back(carry)
                    carry = None
            self.last_role = self._mark(pos, mark, cs)
            self.last_end = m.end()
        if carry is not None:
            self._fall_back(carry)
        self._count_letters(ce)
        if self.stack:
            bottom = self.stack[0]
            if bottom.anchored:
                if bottom.links:
                    o, s, _ = bottom.links[-1]
                    bottom.links[-1] = (o, s, ce)
                else:
                    bottom.links.append((bottom.open, bottom.start, ce))
                self.carry = bottom
            elif not bottom.links:
                self._cut_at_remark(bottom, cs, ce, before)

    def _cut_at_remark(self, entry: _Open, cs: int, ce: int, before: int) -> None:
        """A sentence-opening mark never closed whose words reach `, — сказал`:
        its closing mark got lost before the remark."""
        text = self.text
        if entry.mark not in _ANCHORABLE:
            return
        i = entry.open - 1
        while i >= cs and text[i].isspace():
            i -= 1
        if i >= cs and text[i] not in _SENTENCE_END:
            return
        # Pairs nested in it, closed in this paragraph, hide their commas.
        inside = [(o, st + 1) for o, _, st, c, _ in self.found[before:] if c is not None]
        nested = _merge((o, e) for o, e in inside if o > entry.open)
        k = 0
        for m in _POSTPOSED.finditer(text, entry.start, ce):
            comma = m.start()
            while k < len(nested) and nested[k][1] <= comma:
                k += 1
            if k < len(nested) and nested[k][0] <= comma:
                continue
            if _remark_cue(text, m.end(), ce, lower_first=False) is None:
                continue
            if _ALNUM.search(text, entry.start, comma) is not None:
                self.found.append((entry.open, entry.start, comma, None, entry.mark))
            return

    def _continues(self, pos: int, ch: str) -> bool:
        if ch not in _NEXT_BOTH:
            return True
        can_open, can_close = self._flanks(pos)
        return can_open or not can_close

    def _fall_back(self, entry: _Open) -> None:
        """An anchored quote whose closing mark never came: one per paragraph."""
        for o, s, stop in entry.links:
            if _ALNUM.search(self.text, s, stop) is not None:
                self.found.append((o, s, stop, None, entry.mark))

    def _flanks(self, pos: int) -> tuple[bool, bool]:
        """Whether the straight mark at ``pos`` could open, and could close."""
        text = self.text
        if pos == 0:
            prev = _SPACE
        elif pos == self.last_end:
            # Right after another mark: "" opens twice, "" closes twice.
            prev = _OPEN if self.last_role == _OPENED else _WORD
        else:
            ch = text[pos - 1]
            if ch.isspace():
                prev = _SPACE
            elif ch.isalnum() or ch in _PREV_WORD:
                prev = _WORD
            elif ch in _PREV_OPEN:
                prev = _OPEN
            else:
                prev = _PUNCT
        j = pos + 1
        if j >= len(text) or text[j].isspace():
            nxt = _N_SPACE
        elif text[j] in _NEXT_BOTH:
            nxt = _N_BOTH
        elif text[j] in _NEXT_CLOSE:
            nxt = _N_CLOSE
        else:
            nxt = _N_WORD
        can_open = prev != _WORD and nxt in (_N_WORD, _N_BOTH)
        can_close = prev in (_WORD, _PUNCT) and nxt != _N_WORD
        return can_open, can_close

    def _mark(self, pos: int, mark: str, cs: int) -> int:
        if len(mark) > 1:
            return _IGNORED
        ch = mark
        if ch in "'‘’" and _inside_word(self.text, pos, pos + 1):
            return _IGNORED
        if ch in _ALWAYS_OPEN:
            return self._open(pos, ch, cs)
        if ch in _ALWAYS_CLOSE:
            return self._close(pos, ch)
        can_open, can_close = self._flanks(pos)
        if ch == "“":
            # „…“ closes with it, “…” opens with it.
            if self.counts.get(ch) and (can_close or not can_open):
                return self._close(pos, ch)
            if can_close and not can_open:
                return _IGNORED
            return self._open(pos, ch, cs)
        if can_open and not can_close:
            return self._open(pos, ch, cs)
        if can_close and not can_open:
            return self._close(pos, ch)
        if ch == '"':
            # Flanking says nothing (`" ... "` with spaces inside, `ООО"Ромашка"`):
            # alternate.
            return self._close(pos, ch) if self.counts.get(ch) else self._open(pos, ch, cs)
        return _IGNORED

    def _open(self, pos: int, ch: str, cs: int) -> int:
        anchored = False
        if not self.stack and ch in _ANCHORABLE:
            anchored = pos == cs or _after_colon(self.text, pos, cs)
        self._push(_Open(ch, pos, self.letters, anchored))
        return _OPENED

    def _push(self, entry: _Open) -> None:
        self.stack.append(entry)
        for c in entry.closers:
            self.counts[c] = self.counts.get(c, 0) + 1

    def _pop(self) -> _Open:
        entry = self.stack.pop()
        for c in entry.closers:
            self.counts[c] -= 1
        return entry

    def _close(self, pos: int, ch: str) -> int:
        if not self.counts.get(ch):
            return _IGNORED
        # Marks opened inside and never closed go unpaired; each is popped once.
        entry = self._pop()
        while ch not in entry.closers:
            entry = self._pop()
        if self.letters > entry.letters:
            o, s = (entry.links[0][:2]) if entry.links else (entry.open, entry.start)
            self.found.append((o, s, pos, pos, entry.mark))
        return _CLOSED


def _inside_word(text: str, pos: int, end: int) -> bool:
    return pos > 0 and end < len(text) and text[pos - 1].isalnum() and text[end].isalnum()


def _after_colon(text: str, pos: int, cs: int) -> bool:
    i = pos - 1
    while i >= cs and text[i].isspace():
        i -= 1
    return i >= cs and text[i] == ":"


def _inline_dialogue_start(
    text: str, cs: int, ce: int, pairs: Sequence[tuple[int, int, int, int | None, str]]
) -> int | None:
    """`Адвокат заявил, что … отрицает. — Деньги ему подбросили, — сказал
    защитник.`: a dash that opens a sentence inside a paragraph, outside any
    quote, starts speech as a paragraph's dash does."""
    for m in _DASH.finditer(text, cs + 2, ce):
        d = m.start()
        q = d - 1
        while q > cs and text[q].isspace():
            q -= 1
        w = _skip_space(text, d + 1, ce)
        if q == d - 1 or w == d + 1 or w >= ce or text[q] not in ".!?…" or not text[w].isupper():
            continue
        if any(o <= d < (st if c is None else c + 1) for o, _, st, c, _ in pairs):
            continue
        return d
    return None


def _dialogue(
    text: str,
    cs: int,
    ce: int,
    pairs: Sequence[tuple[int, int, int, int | None, str]],
    out: list[tuple[int, int, int, int | None, str]],
    remark: bool = False,
) -> None:
    """Speech segments of a paragraph starting with a dash, appended to ``out``;
    with `remark`, a dash inside a paragraph, and only where a remark
    (`, — сказал он`) shows it is speech."""
    if cs + 1 >= ce or not text[cs + 1].isspace():
        return
    s0 = _skip_space(text, cs + 1, ce)
    if text[s0].islower():
        return
    masked = _merge((o, st if c is None else c + 1) for o, _, st, c, _ in pairs if o >= cs)
    segments: list[tuple[int, int, int]] = []
    speech = True
    seg_open, seg_start = cs, s0
    has_remark = False
    k = 0
    for m in _DASH.finditer(text, s0, ce):
        d = m.start()
        while k < len(masked) and masked[k][1] <= d:
            k += 1
        if k < len(masked) and masked[k][0] <= d:
            continue
        before, w = text[d - 1], _skip_space(text, d + 1, ce)
        if w >= ce:
            break
        # A dash between words or glued to the next one is a hyphen, except
        # the scraper's ",-сказал".
        spaced = w > d + 1 or (before == "," and text[w].islower())
        if not spaced or not (before.isspace() or before in _SPEECH_AFTER):
            continue
        q = d - 1
        while q >= s0 and text[q].isspace():
            q -= 1
        if q < s0:
            continue
        p = text[q]
        if speech:
            # "Нет! — Да!" goes on speaking; "Нет! — крикнул он" is a remark.
            if p == "," or (
                (p in _REMARK_AFTER or text[q - 2 : q + 1] == "...") and text[w].islower()
            ):
                segments.append((seg_open, seg_start, q if p == "," else q + 1))
                speech = False
                has_remark = True
        elif p in _SPEECH_AFTER:
            speech = True
            seg_open, seg_start = d, w
    if speech:
        stop = ce
        if text[stop - 1] == "." and text[stop - 2 : stop] != "..":
            stop -= 1
            while stop > seg_start and text[stop - 1].isspace():
                stop -= 1
        segments.append((seg_open, seg_start, stop))
    if not has_remark and (remark or text[ce - 1] not in _FINAL):
        return
    for o, s, e in segments:
        if e > s and _ALNUM.search(text, s, e) is not None:
            out.append((o, s, e, None, "—"))


def _skip_space(text: str, i: int, end: int) -> int:
    while i < end and text[i].isspace():
        i += 1
    return i


def _merge(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if merged and a < merged[-1][1]:
            if b > merged[-1][1]:
                merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    return merged


def _depths(extents: Sequence[tuple[int, int]]) -> list[int]:
    """For each ``[open, end)`` extent, how many of the others contain it."""
    order = sorted(range(len(extents)), key=lambda i: (extents[i][0], -extents[i][1]))
    depths = [0] * len(extents)
    ends: list[int] = []
    for i in order:
        o, e = extents[i]
        while ends and ends[-1] <= o:
            ends.pop()
        depths[i] = len(ends)
        ends.append(e)
    return depths


def _extent(open_: int, stop: int, close: int | None) -> tuple[int, int]:
    # The closing mark's first character is enough to tell containment: two
    # pairs never share a closing offset.
    return open_, stop if close is None else close + 1


def find_quoted(text: str) -> list[Quoted]:
    """Every quoted stretch and dialogue-dash speech in ``text``.

    Sorted by ``(start, -stop)``; nested quotes are included with
    ``depth > 0``. See the module docstring for the rules.
    """
    return list(_find_quoted(text))


def _pair(text: str) -> tuple[Quoted, ...]:
    found = _clipped(text, _Pairer(text).run())
    depths = _depths([_extent(o, st, c) for o, _, st, c, _ in found])
    quoted = [
        Quoted(start=s, stop=st, open=o, close=c, style=sty, depth=dp)
        for (o, s, st, c, sty), dp in zip(found, depths, strict=True)
    ]
    quoted.sort(key=lambda q: (q.start, -q.stop))
    return tuple(quoted)


def _clipped(text: str, found: Sequence[_Found]) -> list[_Found]:
    """A quote left open inside dialogue speech ends where the speech does:
    the speech leaves out its final full stop and the remark after it (`»,
    — сказал президент`), the open quote would keep them, and the two would
    cross."""
    speech = sorted((s, st) for _o, s, st, _c, sty in found if sty == "—")
    if not speech:
        return list(found)
    starts = [s for s, _ in speech]
    out = []
    for o, s, st, c, sty in found:
        if c is None and sty != "—":
            i = bisect.bisect_right(starts, o) - 1
            if i >= 0 and o < speech[i][1] < st:
                st = speech[i][1]
        out.append((o, s, st, c, sty))
    return out


# A pair as the pairer finds it: open, start, stop, close, style.
_Found = tuple[int, int, int, int | None, str]

_find_quoted = Remembered(_pair)
