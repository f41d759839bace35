"""The results of a function of a text, kept for the last texts it was asked.

The pipeline pairs a document's marks before segmenting it and again when its
quotes are split into parts (direct.py), and a long document's windows ask
for the parts of the whole text once each: pairing and parts are remembered
for the last texts, up to a budget of characters (always the last one).
"""

from __future__ import annotations

import collections
import threading
from collections.abc import Callable
from typing import Any


class Remembered:
    """``compute(text)``, remembered for the last texts up to ``budget``
    characters of them. A str caches its hash, so a look-up costs nothing
    after the first; the lock keeps threads from tearing the order."""

    def __init__(self, compute: Callable[[str], tuple[Any, ...]], budget: int = 2_000_000) -> None:
        self.compute = compute
        self.budget = budget
        self.items: collections.OrderedDict[str, tuple[Any, ...]] = collections.OrderedDict()
        self.held = 0
        self.lock = threading.Lock()

    def __call__(self, text: str) -> tuple[Any, ...]:
        with self.lock:
            found = self.items.get(text)
            if found is not None:
                self.items.move_to_end(text)
                return found
        found = self.compute(text)
        with self.lock:
            if text not in self.items:
                self.items[text] = found
                self.held += len(text)
            while len(self.items) > 1 and self.held > self.budget:
                old, _ = self.items.popitem(last=False)
                self.held -= len(old)
        return found
