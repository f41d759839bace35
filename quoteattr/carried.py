"""What the windows of a long document share: the whole document's names.

A document longer than `windows.THRESHOLD` characters is read in windows of
sentences (windows.py). A first pass tags each window and gathers its names
here; a second decides each window's claims against this table, so that a
window sees what the whole document would show it: one entity per person
under the fullest name the document gives, how often each speaker is named
before a claim and in all, who opens the document and each paragraph, and
who spoke before the window. Only what the decisions read is kept (offsets
and keys), not the sentences, so memory grows with the names, not the text.
"""

from __future__ import annotations

import bisect
import itertools
import sys
from array import array
from collections.abc import Iterator, Sequence

from . import coref, names
from .candidates import key_of
from .records import Speaker
from .text import Sentence

__all__ = ["Carried"]


class _Named:
    """A mention as `candidates._recency` reads it: where, and whose."""

    __slots__ = ("entity", "start")

    def __init__(self, start: int, entity: coref.Entity | None) -> None:
        self.start = start
        self.entity = entity


class _Mentions(Sequence[_Named]):
    """One speaker's mentions in text order, stored as offsets: every one has
    the entity of the first (all that is read of them)."""

    def __init__(self, starts: array, entity: coref.Entity | None) -> None:
        self.starts = starts
        self.entity = entity

    def __len__(self) -> int:
        return len(self.starts)

    def __getitem__(self, i):  # type: ignore[no-untyped-def]
        if isinstance(i, slice):
            raise TypeError("no slices")
        return _Named(self.starts[i], self.entity)

    def __iter__(self) -> Iterator[_Named]:
        return (_Named(s, self.entity) for s in self.starts)


class Carried:
    """The document-wide table of a long document's windows."""

    def __init__(self) -> None:
        self.entities = coref.Resolver(None)  # every name, in text order
        self._people: list[tuple[int, int, int]] = []  # (start, stop, paragraph)
        self._orgs: list[tuple[int, int, str]] = []  # (start, stop, key), as candidates key them
        # What candidates.collect reads in place of its own counts:
        self.counts: dict[str, array] = {}  # speaker key -> mention offsets, ascending
        self.latest: dict[str, _Mentions] = {}
        self.opens: dict[int, str] = {}  # paragraph -> first person named in it
        self.topic = ""  # the first person the document names
        self.core = (0, 0)  # the offsets whose claims the current window decides
        self._spoke: list[tuple[int, str]] = []  # (claim start, speaker key), in order

    # --- first pass --------------------------------------------------------

    def gather(
        self,
        text: str,
        view: str,
        sents: Sequence[Sentence],
        found: Sequence[Sequence[tuple[int, int, str]]],
    ) -> None:
        """The names of one window's own sentences (each sentence once, in order)."""
        by_span = self.entities.by_span
        before = len(by_span)
        self.entities.gather(text, view, sents, found)
        starts = [s.start for s in sents]
        added = itertools.islice(reversed(by_span), len(by_span) - before)
        for start, stop in reversed(list(added)):
            # As candidates._mentions: a name counts in the sentence it starts in.
            i = bisect.bisect_right(starts, start) - 1
            if i >= 0 and start < sents[i].stop:
                self._people.append((start, stop, sents[i].paragraph))
        for spans in found:
            for start, stop, type_ in spans:
                if type_ != "ORG":
                    continue
                words = text[start:stop].replace("«", "").replace("»", "").split()
                if words:
                    key = sys.intern(key_of(Speaker(names.org_name(words), "organization", None)))
                    self._orgs.append((start, stop, key))

    def settle(self) -> None:
        """Clusters merged, then every speaker's mentions counted under the
        name the whole document gives it."""
        self.entities.settle()
        by_span = self.entities.by_span
        keys: dict[int, str] = {}
        mentions: list[tuple[int, int, str, int, coref.Entity | None]] = []
        for start, stop, paragraph in self._people:
            entity = by_span[(start, stop)]
            key = keys.get(id(entity))
            if key is None:
                key = keys[id(entity)] = key_of(Speaker(entity.name, "person", None))
            mentions.append((start, stop, key, paragraph, entity))
        mentions += [(start, stop, key, -1, None) for start, stop, key in self._orgs]
        self._people, self._orgs = [], []
        mentions.sort(key=lambda m: (m[0], m[1]))
        first: dict[str, coref.Entity | None] = {}
        for start, _stop, key, paragraph, entity in mentions:
            if key.startswith("p:"):
                self.opens.setdefault(paragraph, key)
                self.topic = self.topic or key
            if key not in self.counts:
                self.counts[key] = array("q")
                first[key] = entity
            self.counts[key].append(start)
        self.latest = {k: _Mentions(starts, first[k]) for k, starts in self.counts.items()}

    # --- second pass ---------------------------------------------------------

    def spoken_before(self, offset: int) -> dict[str, list[int]]:
        """Who spoke in the claims decided before `offset`, as candidates count it."""
        spoke: dict[str, list[int]] = {}
        for start, key in self._spoke:
            if start >= offset:
                break
            spoke.setdefault(key, []).append(start)
        return spoke

    def spoke(self, start: int, key: str) -> None:
        """A claim's speaker, kept when the claim is the current window's own."""
        if self.core[0] <= start < self.core[1]:
            self._spoke.append((start, key))
