"""Where a long document is cut into windows of sentences.

Every sentence of a document is held at once while it is analysed, about
100 bytes of tokens and tags per character: a 20 MB document would need
gigabytes. A document longer than `THRESHOLD` characters (some hundreds of
news articles) is therefore read in windows: each window's own sentences (its
core, about `SIZE` characters, ended at a paragraph's end where one comes
soon enough, else at a sentence's) are decided with at least `OVERLAP`
characters of the text either side in view (context, widened to whole
paragraphs where they are not too long), so that a quote over paragraphs, a
cue's speaker in the sentence before, or a pronoun's antecedent is seen as
in the whole document. What the whole document decides through (its
entities, who is named how often) is carried across windows (carried.py).
Documents up to `THRESHOLD` are never cut.
"""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Iterable

import attrs

from .records import Quote, Span

THRESHOLD = 500_000  # characters; a long news article has 30 000
SIZE = 100_000  # characters of a window's own sentences
OVERLAP = 10_000  # characters of context at least, either side

__all__ = ["OVERLAP", "SIZE", "THRESHOLD", "Chunks", "Names", "Shared", "Window", "plan"]


class Chunks:
    """The document's sentences before tokenisation, (start, stop, paragraph)
    each, in three compact arrays: a long document has a million of them."""

    def __init__(self, spans: Iterable[tuple[int, int, int]]) -> None:
        self.starts, self.stops, self.paragraphs = array("q"), array("q"), array("q")
        for start, stop, paragraph in spans:
            self.starts.append(start)
            self.stops.append(stop)
            self.paragraphs.append(paragraph)

    def __len__(self) -> int:
        return len(self.starts)

    def span(self, lo: int, hi: int) -> list[tuple[int, int, int]]:
        return list(zip(self.starts[lo:hi], self.stops[lo:hi], self.paragraphs[lo:hi], strict=True))


class Names:
    """The names NER found in a long document, in text order, in compact
    arrays: the first pass finds them, the second reads them back."""

    def __init__(self) -> None:
        self.starts, self.stops, self.kinds = array("q"), array("q"), array("b")
        self._types: list[str] = []

    def add(self, spans: Iterable[tuple[int, int, str]]) -> None:
        for start, stop, type_ in spans:
            if type_ not in self._types:
                self._types.append(type_)
            self.starts.append(start)
            self.stops.append(stop)
            self.kinds.append(self._types.index(type_))

    def within(self, start: int, stop: int) -> list[tuple[int, int, str]]:
        """The names that start in [start, stop): one sentence's."""
        lo = bisect.bisect_left(self.starts, start)
        hi = bisect.bisect_left(self.starts, stop, lo)
        return [(self.starts[i], self.stops[i], self._types[self.kinds[i]]) for i in range(lo, hi)]


@attrs.frozen(slots=True)
class Window:
    """Chunk indices: context [lo, hi) around the core [start, stop); `own`
    are the offsets whose claims this window decides."""

    lo: int
    start: int
    stop: int
    hi: int
    own: tuple[int, int]


def plan(chunks: Chunks, length: int, size: int = SIZE, span: int = OVERLAP) -> list[Window]:
    """Windows over every chunk, in order; their cores partition the chunks and
    their `own` offsets partition [0, length)."""
    count = len(chunks)
    starts, stops, paras = chunks.starts, chunks.stops, chunks.paragraphs
    cores: list[tuple[int, int]] = []
    first = 0
    while first < count:
        stop = first + 1
        while stop < count:
            held = stops[stop - 1] - starts[first]
            # A window ends at a paragraph's end once it is big enough; a giant
            # paragraph is cut between sentences at twice the size.
            if held >= size and (paras[stop] != paras[stop - 1] or held >= 2 * size):
                break
            stop += 1
        cores.append((first, stop))
        first = stop
    windows = []
    for k, (first, stop) in enumerate(cores):
        lo = first
        while lo > 0:
            held, more = starts[first] - starts[lo], starts[first] - starts[lo - 1]
            if not _wanted(held, more, paras[lo - 1] == paras[lo], span):
                break
            lo -= 1
        hi = stop
        while hi < count:
            held, more = stops[hi - 1] - stops[stop - 1], stops[hi] - stops[stop - 1]
            if not _wanted(held, more, paras[hi] == paras[hi - 1], span):
                break
            hi += 1
        own_start = 0 if k == 0 else starts[first]
        own_stop = length if k == len(cores) - 1 else starts[cores[k + 1][0]]
        windows.append(Window(lo, first, stop, hi, (own_start, own_stop)))
    return windows


def _wanted(held: int, more: int, same_paragraph: bool, span: int) -> bool:
    """Take one more chunk of context (`held` characters so far, `more` with
    it): until `span` characters are held, then on to the paragraph's edge
    within three times that."""
    return held < span or (same_paragraph and more <= 3 * span)


class Shared:
    """A long document's results with one copy of each repeated string: its
    cues, speakers' names, aliases and mentions repeat the same few words
    thousands of times. The quotes are equal to those given; only copies of
    equal strings are shared (the spans themselves are all different)."""

    def __init__(self) -> None:
        self._texts: dict[str, str] = {}
        self._aliases: dict[tuple[str, ...], tuple[str, ...]] = {}

    def __call__(self, quote: Quote) -> Quote:
        cue, speaker = quote.cue, quote.speaker
        if cue is not None:
            cue = self._span(cue)
        if speaker is not None:
            mention = speaker.mention
            if mention is not None:
                mention = self._span(mention)
            name = self._texts.setdefault(speaker.name, speaker.name)
            aliases = self._aliases.setdefault(speaker.aliases, speaker.aliases)
            speaker = attrs.evolve(speaker, name=name, mention=mention, aliases=aliases)
        return attrs.evolve(quote, cue=cue, speaker=speaker)

    def _span(self, span: Span) -> Span:
        text = self._texts.setdefault(span.text, span.text)
        return span if text is span.text else Span(span.start, span.stop, text)
