"""Python's cyclic garbage collector paused while a batch is analysed.

A batch builds a few hundred thousand objects that live until its documents
are done (tokens, their tags, parses, claims), and the process holds as many
again in its caches. Every time a quarter as many objects as the old
generation holds have survived two young collections, the collector walks the
whole heap: over the corpus that was ten full collections, a fifth of the
project's own time, and none of them found garbage worth the walk, since
nothing a batch builds is garbage before the batch ends. So collection waits
for the batch to end; the batch's objects are then still young, and the first
collection after it frees what the caller no longer holds.

Pausing changes no result, only when cyclic garbage is freed. A caller that
turned the collector off keeps it off; concurrent batches (`analyze` from many
threads) share one pause, which ends with the last of them.
"""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterable, Iterator
from typing import TypeVar

__all__ = ["each", "paused"]

T = TypeVar("T")

_lock = threading.Lock()
_active = 0  # batches inside `paused`
_resume = False  # whether the collector was on when the first of them began


@contextlib.contextmanager
def paused() -> Iterator[None]:
    """No automatic collection inside the block (see the module's docstring)."""
    global _active, _resume
    with _lock:
        if _active == 0:
            _resume = gc.isenabled()
            gc.disable()
        _active += 1
    try:
        yield
    finally:
        with _lock:
            _active -= 1
            if _active == 0 and _resume:
                gc.enable()


def each(items: Iterable[T]) -> Iterator[T]:
    """`items`, the collector paused while the loop's body runs on each one:
    for a loop whose every pass builds its own objects and drops them (a long
    document's windows), so that it may run between passes."""
    for item in items:
        with paused():
            yield item
