"""The worker processes of `pipe(n_process=n)`, kept from one call to the next.

Starting a worker costs about a second of wall time (an interpreter, the
imports, the models) and a fresh worker pays again, once per distinct word,
for what the stages cache (pymorphy3's parses, the readings of names, the
models' word codes). A pool that ended with each call paid both every call;
so the pool of n workers outlives the call, and the next call with the same
n finds its workers loaded and warm. The results are the same either way: a
document's result does not depend on what a worker analysed before.

The workers are spawned, not forked: a forked child inherits the parent's
threads' locks (a progress bar, a Dask worker) mid-state; the models load
anew anyway. They end with the interpreter (concurrent.futures shuts its
pools down at exit), or earlier at `shutdown()`, which frees their memory
(each holds its own models, about 240 MB). A pool that broke (a worker
killed) is dropped, and the next call starts a new one.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from concurrent.futures import ProcessPoolExecutor

from . import nlp

__all__ = ["discard", "pool", "shutdown"]

_lock = threading.Lock()
# workers -> (the process that started the pool, the pool). A forked child
# inherits the dict but not the pool's threads, so it starts its own.
_pools: dict[int, tuple[int, ProcessPoolExecutor]] = {}


def pool(workers: int) -> ProcessPoolExecutor:
    """The live pool of `workers` processes, started (and its models loaded) if need be."""
    with _lock:
        found = _pools.get(workers)
        if found is not None and found[0] == os.getpid():
            return found[1]
        started = _start(workers)
        _pools[workers] = (os.getpid(), started)
        return started


def discard(broken: ProcessPoolExecutor) -> None:
    """Forget a pool that can no longer run work (a worker died)."""
    with _lock:
        for workers, (_, known) in list(_pools.items()):
            if known is broken:
                del _pools[workers]
    broken.shutdown(wait=False, cancel_futures=True)


def shutdown() -> None:
    """End every worker process this process started (they hold the models'
    memory until then); the next `pipe(n_process=n)` starts new ones."""
    with _lock:
        mine = [p for pid, p in _pools.values() if pid == os.getpid()]
        _pools.clear()
    for started in mine:
        started.shutdown(wait=True, cancel_futures=True)


def _start(workers: int) -> ProcessPoolExecutor:
    context = multiprocessing.get_context("spawn")
    started = ProcessPoolExecutor(
        workers, mp_context=context, initializer=_start_worker, initargs=(workers,)
    )
    # The executor starts a process per submission while none is idle: one
    # trivial task per worker starts them all now, loading their models side
    # by side, rather than the last when the work first overflows.
    for ready in [started.submit(os.getpid) for _ in range(workers)]:
        ready.result()
    return started


def _start_worker(workers: int) -> None:
    # Each worker gets its share of the cores for BLAS: n workers each
    # running a core-count thread pool would only fight over the cores.
    # The variables count only before numpy loads, which spawn allows.
    if "numpy" not in sys.modules:
        threads = str(max(1, (os.cpu_count() or 1) // workers))
        for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
            os.environ.setdefault(name, threads)
    nlp.model("morph")  # load the models now, in every worker at once
