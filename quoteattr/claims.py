"""Claims, the document they are found in, and the span helpers the finders share.

A `Claim` is a draft attribution: its content span, its cue and the
speaker's mention as written; resolving that mention to a name is the next
stage's job. `Context` is one document as the finders see it, `Spans` finds
the claims over a stretch of text, and `content_start` and `_trim` turn a
run of tokens into a content span.
"""

from __future__ import annotations

import bisect
import functools
import re
from typing import Any

import attrs

from . import lexicon, speakers
from .cues import Cue, norm
from .marks import Quoted
from .speakers import Mention
from .text import Sentence, Token

COMPLEMENTISERS = {"что", "будто", "чтобы", "якобы", "дескать"}
QUESTION_WORDS = {
    "ли", "когда", "как", "где", "почему", "зачем", "кто", "какой", "какая", "какие",
    "каким", "какое", "какую", "каких", "какими", "каком", "какому", "какого",
    "каков", "какова", "каковы", "насколько", "сколько", "куда", "откуда", "чем",
    "кого", "кому",
}  # fmt: skip
ABOUT = {"о", "об", "обо"}
DASHES = {"—", "–", "-", "--"}
OPENING = set("«„“\"'‘")
CLOSING = set("»“”\"'’")

_UNIT_SIGNS = {"%", "‰", "°", "$", "€", "£", "¥", "₽"}

DIRECT = "direct"
INDIRECT = "indirect"
MIXED = "mixed"


@attrs.define(slots=True)
class Claim:
    """A draft attribution: content span, cue, and the speaker as written."""

    start: int
    stop: int
    kind: str
    sent: Sentence
    cue: Cue | None = None
    mention: Mention | None = None
    how: str = ""  # the shape that produced it: clause, topic, post, source, …
    # Which of two claims over one span stays (resolve._one_per_span): a rule
    # constant, not a probability; `confidence.py` says how likely one is right.
    priority: float = 0.8
    document: bool = False  # the cue points at a document (`говорится в заявлении`)
    cuts: tuple[Any, ...] = ()  # cuts.Cut: where the content may end early
    trimmed: bool = False  # the cut model ended it early (decide.trim)


@attrs.define(slots=True)
class Context:
    """One document as the extraction stages see it."""

    text: str  # the input
    view: str  # same length, typographic marks and dashes, for matching
    sents: list[Sentence]
    quoted: list[Quoted]  # outermost quote-mark pairs and dialogue speech
    names: list[list[tuple[int, int, str]]]  # NER spans per sentence
    cues: list[list[Cue]]
    starts: list[int] = attrs.field(init=False)
    closed: list[Quoted] = attrs.field(init=False)  # quotes with a closing mark
    closes: list[int] = attrs.field(init=False)  # their closing offsets, ascending
    chains: dict[int, tuple[Cue, str] | None] = attrs.field(init=False, factory=dict)
    _people: frozenset[str] | None = attrs.field(init=False, default=None)
    _outer: list[Quoted] | None = attrs.field(init=False, default=None)
    _outer_starts: list[int] = attrs.field(init=False, factory=list)

    def __attrs_post_init__(self) -> None:
        self.starts = [s.start for s in self.sents]
        self.closed = sorted((q for q in self.quoted if q.close is not None), key=_close)
        self.closes = [_close(q) for q in self.closed]

    def quote_before(self, offset: int) -> Quoted | None:
        """The last quote closed before `offset`."""
        i = bisect.bisect_left(self.closes, offset)
        return self.closed[i - 1] if i else None

    def person_words(self) -> frozenset[str]:
        """Every word of the persons' names NER found, read once."""
        if self._people is None:
            self._people = frozenset(
                word
                for spans in self.names
                for start, stop, type_ in spans
                if type_ == "PER"
                for word in self.text[start:stop].split()
            )
        return self._people

    def in_quote(self, offset: int) -> bool:
        """Does `offset` fall inside an outermost quote's words, not in a
        remark set in them (`«…, — пояснила Алла Бут. — …»`)?"""
        if self._outer is None:
            self._outer = [q for q in self.quoted if q.depth == 0]
            self._outer_starts = [q.start for q in self._outer]
        i = bisect.bisect_right(self._outer_starts, offset) - 1
        if i < 0 or offset >= self._outer[i].stop:
            return False
        # The last stretch only: a quote left open over a whole long text
        # must not be read again for each name in it.
        begin = max(self._outer[i].start, offset - _REMARK_REACH)
        remarks = list(_REMARK.finditer(self.view, begin, offset))
        if not remarks:
            return True
        remark = remarks[-1]
        # Back in the quote's words once the remark's own dash closes it
        # (`— пояснила Алла Бут. — Но мы …`).
        return _RESUMED.search(self.view, remark.end(), offset) is not None

    def sentence_at(self, offset: int) -> Sentence | None:
        i = bisect.bisect_right(self.starts, offset) - 1
        if i >= 0 and offset < self.sents[i].stop:
            return self.sents[i]
        return None


# `, — пояснила`: the narrator's remark inside the marks of a quote.
_REMARK = re.compile(r"[,.!?…]\s*[—–]\s*[а-яё]")
_RESUMED = re.compile(r"[,.!?…:]\s*[—–]\s")
_REMARK_REACH = 2000  # characters


def _close(q: Quoted) -> int:
    assert q.close is not None
    return q.close


class Spans:
    """Claims (or anything with `start` and `stop`) sorted by start, so that
    the ones over a stretch are found without reading them all: a document
    with thousands of claims stays linear."""

    def __init__(self, items: list[Any]) -> None:
        self.items = sorted(items, key=lambda x: x.start)
        self.starts = [x.start for x in self.items]
        self.longest = max((x.stop - x.start for x in self.items), default=0)

    def over(self, start: int, stop: int) -> list[Any]:
        """The items that overlap [start, stop)."""
        lo = bisect.bisect_left(self.starts, start - self.longest)
        hi = bisect.bisect_left(self.starts, max(stop, start + 1))
        return [x for x in self.items[lo:hi] if x.stop > start and x.start < max(stop, start + 1)]


@functools.cache
def _linking() -> tuple[tuple[str, ...], ...]:
    phrases = [tuple(p.split()) for p in lexicon.load("linking")]
    return tuple(sorted(phrases, key=len, reverse=True))


@functools.cache
def _linking_by_first() -> dict[str, tuple[tuple[str, ...], ...]]:
    """`_linking` by first word, in its order: a token is compared only with
    the phrases that start with it."""
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for words in _linking():
        by_first.setdefault(words[0], []).append(words)
    return {first: tuple(found) for first, found in by_first.items()}


def content_start(sent: Sentence, first: int = 0) -> int:
    """Index of the first content token from `first`: no dash, no `Но`, `Кроме того,`."""
    tokens = sent.tokens
    i = first
    while True:
        while i < len(tokens) and (tokens[i].text in DASHES or tokens[i].text in ",:;"):
            i += 1
        for words in _linking_by_first().get(norm(tokens[i].text), ()) if i < len(tokens) else ():
            n = len(words)
            if i + n < len(tokens) and tuple(norm(t.text) for t in tokens[i : i + n]) == words:
                # `А это …`: a conjunction before the content; `Также, …`.
                i += n
                break
        else:
            return i


def _trim(sent: Sentence, first: int, last: int) -> tuple[int, int] | None:
    """Character span of tokens first..last without punctuation at the ends.

    Quote marks stay: they belong to a quoted fragment inside the content.
    """
    tokens = sent.tokens
    while first <= last and _edge_punct(tokens[first], opening=True):
        first += 1
    while last >= first and _edge_punct(tokens[last], opening=False):
        last -= 1
    if first > last:
        return None
    return tokens[first].start, tokens[last].stop


def _edge_punct(token: Token, opening: bool) -> bool:
    if token.pos != "PUNCT" and not all(not c.isalnum() for c in token.text):
        return False
    if token.text in _UNIT_SIGNS:
        return False  # `до 22%`: a unit is a word, not a final stop
    if (
        token.text == "+"
        and token.index > 0
        and token.sent.tokens[token.index - 1].stop == token.start
    ):
        return False  # `ОПЕК+`, `18+`: part of the name
    marks = OPENING if opening else CLOSING
    if token.text in marks:
        return False
    return not (not opening and token.text in {")", "?", "!", "…"})


def cites_document(cue: Cue) -> bool:
    """`говорится в заявлении`, `В заявлении подчеркивается`: the words of a text."""
    return "impersonal" in cue.tags and any(speakers.is_document(t) for t in around_cue(cue))


def around_cue(cue: Cue) -> list[Token]:
    """The tokens next to a cue where what it cites is named: three words
    before it (past punctuation and a parenthesis: `В ней, в частности,
    говорится`) and three tokens after it."""
    tokens = cue.sent.tokens
    i, words = cue.first - 1, 0
    while i >= 0 and words < 3:
        word = norm(tokens[i].text)
        if word == "частности" and i > 0 and norm(tokens[i - 1].text) == "в":
            i -= 2
            continue
        if tokens[i].pos != "PUNCT" and word not in _ASIDES:
            words += 1
        i -= 1
    return tokens[i + 1 : cue.last + 4]


_ASIDES = frozenset({"также", "например", "однако", "впрочем", "кстати", "же"})


def _priority(how: str, mention: Mention | None) -> float:
    base = {
        "clause": 0.9, "source": 0.9, "source-inside": 0.85, "source-post": 0.85,
        "as": 0.85, "post": 0.75, "topic": 0.7, "colon": 0.7,
    }.get(how, 0.6)  # fmt: skip
    return round(base if mention else base * 0.8, 3)


def name_in_marks(tokens: list[Token], i: int) -> int | None:
    """The closing mark of marks opened at `i` round a short name (at most
    three words, no verb), or None."""
    for j in range(i + 1, min(i + 5, len(tokens))):
        if tokens[j].text in CLOSING:
            inside = tokens[i + 1 : j]
            if inside and not any(t.pos in {"VERB", "AUX"} for t in inside):
                return j
            return None
    return None


def apposition_end(sent: Sentence, comma: int, case: str | None = None) -> int | None:
    """`По мнению вирусолога, профессора Сеченовского университета Алексея
    Аграновского, …`, `Как рассказала руководитель исследования, старший
    научный сотрудник лаборатории Анастасия Колесникова, …`: the comma that
    closes a title and a name set off after the speaker (index), or None.
    Title words, then the name; no verb, at most `_APPOSITION_WORDS`; in the
    speaker's `case` where it is given (not `По словам X, Волож, как …`)."""
    tokens = sent.tokens
    if comma + 1 >= len(tokens) or tokens[comma].text != ",":
        return None
    title = tokens[comma + 1]
    if title.pos not in {"NOUN", "ADJ"} or (case is not None and title.feats.get("Case") != case):
        return None
    for j in range(comma + 1, min(len(tokens), comma + 2 + _APPOSITION_WORDS)):
        tok = tokens[j]
        if tok.text == ",":
            name = tokens[j - 1].pos == "PROPN" and j - 1 > comma
            return j if name and j + 1 < len(tokens) else None
        if tok.pos in {"VERB", "AUX", "SCONJ", "CCONJ", "PRON"} or tok.text in OPENING:
            return None
        if tok.pos == "PUNCT" and tok.text not in {"-", "—", "–", "(", ")"}:
            return None
    return None


_APPOSITION_WORDS = 14
