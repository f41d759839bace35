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
from array import array
from collections.abc import Iterator, Sequence

from . import names
from .candidates import key_of
from .entities import Entity, Resolver, owner_of
from .records import Speaker
from .text import Sentence

__all__ = ["Carried"]


class _Named:
    """A mention as `candidates._recency` reads it: where, and whose."""

    __slots__ = ("entity", "start")

    def __init__(self, start: int, entity: Entity | None) -> None:
        self.start = start
        self.entity = entity


class _Mentions(Sequence[_Named]):
    """One speaker's mentions in text order, stored as offsets: every one has
    the entity of the first (all that is read of them)."""

    def __init__(self, starts: array, entity: Entity | None) -> None:
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


class _Orgs(Sequence[tuple[int, str]]):
    """(offset, nominative name) of every organisation named, as coref's
    Resolver.orgs, in an array and a list of shared strings."""

    def __init__(self) -> None:
        self.starts = array("q")
        self.names: list[str] = []

    def __len__(self) -> int:
        return len(self.starts)

    def __getitem__(self, i):  # type: ignore[no-untyped-def]
        if isinstance(i, slice):
            return list(zip(self.starts[i], self.names[i], strict=True))
        return self.starts[i], self.names[i]


class Carried:
    """The document-wide table of a long document's windows."""

    def __init__(self) -> None:
        self.entities = Resolver(None)  # every person, clustered
        self.orgs = _Orgs()
        # Every person mention, in text order: offsets, paragraph, entity.
        self._starts, self._stops, self._paragraphs = array("q"), array("q"), array("q")
        self._owners: list[Entity] = []
        # Organisation mentions as candidates key them: offsets and key.
        self._org_starts, self._org_stops, self._org_keys = array("q"), array("q"), array("l")
        self._keys: dict[str, int] = {}
        # What candidates.collect reads in place of its own counts:
        self.counts: dict[str, array] = {}  # speaker key -> mention offsets, ascending
        self.latest: dict[str, _Mentions] = {}
        self.opens: dict[int, str] = {}  # paragraph -> first person named in it
        self.topic = ""  # the first person the document names
        self.core = (0, 0)  # the offsets whose claims the current window decides
        # Who spoke, claim by claim in order: the claim's start, and its
        # speaker's key as a number (one copy of each key string in
        # `_spoke_names`): a long document has a few thousand claims a MB.
        self._spoke_starts, self._spoke_keys = array("q"), array("l")
        self._spoke_ids: dict[str, int] = {}
        self._spoke_names: list[str] = []

    # --- first pass --------------------------------------------------------

    def gather(
        self,
        text: str,
        view: str,
        sents: Sequence[Sentence],
        found: Sequence[Sequence[tuple[int, int, str]]],
    ) -> None:
        """The names of one window's own sentences (each sentence once, in order)."""
        entities = self.entities
        entities.gather(text, view, sents, found)
        # Moved out of the Resolver's dict and list into arrays: a long
        # document names hundreds of thousands.
        starts = [s.start for s in sents]
        for (start, stop), entity in entities.by_span.items():
            # As candidates._mentions: a name counts in the sentence it starts in.
            i = bisect.bisect_right(starts, start) - 1
            paragraph = sents[i].paragraph if i >= 0 and start < sents[i].stop else -1
            self._starts.append(start)
            self._stops.append(stop)
            self._paragraphs.append(paragraph)
            self._owners.append(entity)
        entities.by_span.clear()
        for start, name in entities.orgs:
            self.orgs.starts.append(start)
            self.orgs.names.append(name)
        entities.orgs.clear()
        for spans in found:
            for start, stop, type_ in spans:
                if type_ != "ORG":
                    continue
                words = text[start:stop].replace("«", "").replace("»", "").split()
                if words:
                    key = key_of(Speaker(names.org_name(words), "organization", None))
                    self._org_starts.append(start)
                    self._org_stops.append(stop)
                    self._org_keys.append(self._keys.setdefault(key, len(self._keys)))

    def settle(self) -> None:
        """Clusters merged, then every speaker's mentions counted under the
        name the whole document gives it."""
        moved = self.entities.settle()
        if moved:
            self._owners = [owner_of(e, moved) for e in self._owners]
        order = range(len(self._starts))
        if any(
            (self._starts[i], self._stops[i]) > (self._starts[i + 1], self._stops[i + 1])
            for i in range(len(self._starts) - 1)
        ):
            # Names come in text order; this is only in case one does not.
            order = sorted(order, key=lambda i: (self._starts[i], self._stops[i]))
            self._starts = array("q", (self._starts[i] for i in order))
            self._stops = array("q", (self._stops[i] for i in order))
            self._paragraphs = array("q", (self._paragraphs[i] for i in order))
            self._owners = [self._owners[i] for i in order]
        keys: dict[int, str] = {}
        person_keys = []
        for entity in self._owners:
            key = keys.get(id(entity))
            if key is None:
                key = keys[id(entity)] = key_of(Speaker(entity.name, "person", None))
            person_keys.append(key)
        org_keys = list(self._keys)
        # Persons and organisations merged in text order, as candidates sorts them.
        p = o = 0
        first: dict[str, Entity | None] = {}
        while p < len(self._starts) or o < len(self._org_starts):
            take_person = o >= len(self._org_starts) or (
                p < len(self._starts)
                and (self._starts[p], self._stops[p]) <= (self._org_starts[o], self._org_stops[o])
            )
            if take_person:
                start, key, entity = self._starts[p], person_keys[p], self._owners[p]
                if self._paragraphs[p] < 0:
                    p += 1
                    continue
                if key.startswith("p:"):
                    self.opens.setdefault(self._paragraphs[p], key)
                    self.topic = self.topic or key
                p += 1
            else:
                start, key, entity = self._org_starts[o], org_keys[self._org_keys[o]], None
                o += 1
            if key not in self.counts:
                self.counts[key] = array("q")
                first[key] = entity
            self.counts[key].append(start)
        self._org_starts, self._org_stops, self._org_keys = array("q"), array("q"), array("l")
        self.latest = {k: _Mentions(starts, first[k]) for k, starts in self.counts.items()}

    # --- second pass ---------------------------------------------------------

    def people_within(self, start: int, stop: int) -> dict[tuple[int, int], Entity]:
        """The person mentions that start in [start, stop), as Resolver.by_span."""
        lo = bisect.bisect_left(self._starts, start)
        hi = bisect.bisect_left(self._starts, stop, lo)
        return {(self._starts[i], self._stops[i]): self._owners[i] for i in range(lo, hi)}

    def people_before(self, offset: int, lookback: int) -> list[tuple[int, Entity]]:
        """As Resolver.people_before, over the whole document."""
        i = bisect.bisect_left(self._starts, offset)
        first = max(0, i - lookback)
        return [(self._starts[j], self._owners[j]) for j in range(i - 1, first - 1, -1)]

    def spoken_before(self, offset: int) -> dict[str, list[int]]:
        """Who spoke in the claims decided before `offset`, as candidates count it."""
        spoke: dict[str, list[int]] = {}
        names = self._spoke_names
        for start, key in zip(self._spoke_starts, self._spoke_keys, strict=True):
            if start >= offset:
                break
            spoke.setdefault(names[key], []).append(start)
        return spoke

    def spoke(self, start: int, key: str) -> None:
        """A claim's speaker, kept when the claim is the current window's own."""
        if self.core[0] <= start < self.core[1]:
            number = self._spoke_ids.get(key)
            if number is None:
                number = self._spoke_ids[key] = len(self._spoke_names)
                self._spoke_names.append(key)
            self._spoke_starts.append(start)
            self._spoke_keys.append(number)
