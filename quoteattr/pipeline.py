"""The chain of stages, top to bottom.

    text ─ marks ─ segment ─ morph ─ cues ─ syntax ─ NER ─ claims ─ candidates ─ decide ─ Document

The rules propose: `content` the claims, `speakers` and `coref` one speaker
each, `candidates` the speakers that compete with it; `decide` chooses with
weights fitted to the gold (`python -m quoteattr.train`).

Every model stage works on the sentences of a whole batch of documents, so
that natasha's taggers see many sentences per call; a sentence with no cue
and no quote mark skips the syntax parser. `analyze` is a batch of one: the
taggers give a sentence the same tags whatever shares its batch, so `pipe`
and `analyze` agree exactly.

A document over `windows.THRESHOLD` characters goes alone, in windows of
sentences (`longtext.windowed`): its memory stays bounded, and what the whole
document decides through (its entities, who is named how often) is carried
across windows (carried.py).

In `pipe`, a document that fails can stand as a `Failure` in its place
(``errors="record"``): the stages that run per document catch their own
errors, and a batch whose model stage fails is run again one document at a
time, so only the document at fault is lost.
"""

from __future__ import annotations

import collections
import os
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING, Any, Literal, TypeVar, overload

import attrs

from . import gcpause, longtext, windows
from . import upstream as _upstream
from . import workers as _pools
from .claims import Claim, Context
from .records import Document
from .stages import (
    _Doc,
    _document,
    _draft,
    _find_cues,
    _needing_syntax,
    _parse_syntax,
    _prepare,
    _release,
    _tag_morph,
    _tag_ner,
    _untagged,
)

if TYPE_CHECKING:
    from natasha.doc import Doc as NatashaDoc

__all__ = ["Errors", "Failure", "Pipeline", "analyze", "default", "pipe"]

Errors = Literal["raise", "record"]
_ERRORS = ("raise", "record")
C = TypeVar("C")
T = TypeVar("T")


@attrs.frozen(slots=True)
class Failure:
    """A document `pipe` could not analyse, yielded in its place with ``errors="record"``.

    ``text`` is the input (None where it was not a str); ``error`` names the
    exception and its message, as in ``"TypeError: quoteattr expects …"``.
    """

    text: str | None
    error: str

    @classmethod
    def of(cls, text: object, exc: BaseException) -> Failure:
        if not isinstance(text, str):
            text = getattr(text, "text", None) if _upstream.is_natasha_doc(text) else None
        return cls(text, f"{type(exc).__name__}: {exc}")

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "error": self.error}


Result = Document | Failure


class Pipeline:
    """Text in, attributions out. Models load on first use, once per process."""

    def __init__(self, *, batch_size: int = 32) -> None:
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        self.batch_size = batch_size

    def __call__(self, text: str | NatashaDoc) -> Document:
        """Attributions of one text, or of a natasha `Doc` an upstream pipeline
        has already tagged (its tokens, tags, parse and names are reused)."""
        result = self._batch([_checked(text)], "raise")[0]
        assert isinstance(result, Document)
        return result

    @overload
    def pipe(
        self,
        texts: Iterable[str],
        batch_size: int | None = ...,
        *,
        n_process: int = ...,
        as_tuples: Literal[False] = ...,
        errors: Literal["raise"] = ...,
        min_confidence: float | None = ...,
    ) -> Iterator[Document]: ...

    @overload
    def pipe(
        self,
        texts: Iterable[str],
        batch_size: int | None = ...,
        *,
        n_process: int = ...,
        as_tuples: Literal[False] = ...,
        errors: Literal["record"],
        min_confidence: float | None = ...,
    ) -> Iterator[Document | Failure]: ...

    @overload
    def pipe(
        self,
        texts: Iterable[tuple[str, C]],
        batch_size: int | None = ...,
        *,
        n_process: int = ...,
        as_tuples: Literal[True],
        errors: Literal["raise"] = ...,
        min_confidence: float | None = ...,
    ) -> Iterator[tuple[Document, C]]: ...

    @overload
    def pipe(
        self,
        texts: Iterable[tuple[str, C]],
        batch_size: int | None = ...,
        *,
        n_process: int = ...,
        as_tuples: Literal[True],
        errors: Literal["record"],
        min_confidence: float | None = ...,
    ) -> Iterator[tuple[Document | Failure, C]]: ...

    def pipe(
        self,
        texts: Iterable[Any],
        batch_size: int | None = None,
        *,
        n_process: int = 1,
        as_tuples: bool = False,
        errors: Errors = "raise",
        min_confidence: float | None = None,
    ) -> Iterator[Any]:
        """Documents for `texts`, in input order, `batch_size` texts at a time.

        ``as_tuples=True`` takes ``(text, context)`` pairs and yields
        ``(Document, context)``, so that ids travel with their texts.
        ``n_process > 1`` (or -1: one per core) runs batches in that many
        worker processes, each loading the models once; results still come
        in input order. ``errors="raise"`` (the default) lets a failing
        document's exception end the run, as `analyze` would;
        ``errors="record"`` yields a `Failure` in its place and goes on.
        ``min_confidence`` keeps only the quotes whose confidence reaches it.
        """
        if isinstance(texts, (str, bytes, bytearray)):
            # A str is iterable, one Document per character: never what was meant.
            raise TypeError(
                f"pipe takes an iterable of texts, got one {type(texts).__name__}; "
                "for a single text use analyze()"
            )
        size = self.batch_size if batch_size is None else batch_size
        workers = _workers(n_process)
        if size < 1:
            raise ValueError("batch_size must be at least 1")
        if errors not in _ERRORS:
            raise ValueError(f"errors must be one of {_ERRORS}, not {errors!r}")
        if as_tuples:
            pairs = self._pairs(texts, size, workers, errors)
            return ((_kept(d, min_confidence), c) for d, c in pairs)
        return (_kept(d, min_confidence) for d in self._results(texts, size, workers, errors))

    def _pairs(
        self, pairs: Iterable[tuple[object, C]], size: int, workers: int, errors: Errors
    ) -> Iterator[tuple[Result, C]]:
        # The contexts wait here, in order, while their texts are in flight.
        contexts: collections.deque[C] = collections.deque()

        def texts() -> Iterator[object]:
            for text, context in pairs:
                contexts.append(context)
                yield text

        for result in self._results(texts(), size, workers, errors):
            yield result, contexts.popleft()

    def _results(
        self, texts: Iterable[object], size: int, workers: int, errors: Errors
    ) -> Iterator[Result]:
        if workers > 1:
            yield from _parallel(texts, size, workers, errors)
            return
        for batch in batches(texts, size):
            yield from self._batch(batch, errors)

    def _batch(self, texts: list[object], errors: Errors) -> list[Result]:
        """One batch's results; non-str texts are a TypeError or a Failure."""
        if errors == "raise":
            return _run([_checked(t) for t in texts], _unguarded)
        results: list[Result | None] = [None] * len(texts)
        strs = []
        for i, text in enumerate(texts):
            try:
                strs.append((i, _checked(text)))
            except TypeError as exc:
                results[i] = Failure.of(text, exc)
        for (i, _), result in zip(strs, _recorded([t for _, t in strs]), strict=True):
            results[i] = result
        return [r for r in results if r is not None]


def _kept(result: Result, min_confidence: float | None) -> Result:
    if min_confidence is None or isinstance(result, Failure):
        return result
    return result.filtered(min_confidence)


def _workers(n_process: int) -> int:
    if n_process == -1:
        return os.cpu_count() or 1
    if n_process < 1:
        raise ValueError("n_process must be at least 1, or -1 for one per core")
    return n_process


def batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """`items` in lists of `size` (the last may be shorter), lazily."""
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


# --- running the stages (stages.py) ----------------------------------------------


Guard = Callable[[str, Callable[[Any], Any], Any], Any]


def _unguarded(text: str, stage: Callable[[Any], Any], arg: Any) -> Any:
    return stage(arg)


def _guarded(text: str, stage: Callable[[Any], Any], arg: Any) -> Any:
    try:
        return stage(arg)
    except Exception as exc:
        return Failure.of(text, exc)


def _run(texts: list[Any], guard: Guard, final: Callable[[_Doc], Any] | None = None) -> list[Any]:
    """Every stage over a batch; `guard` runs each per-document stage.

    A text is a str or an upstream natasha Doc, whose annotations stand: the
    taggers see only the sentences that still lack theirs.
    """
    if final is None and any(_long(t) for t in texts):
        # A long document goes alone, window by window, in its place.
        short = iter(_run([t for t in texts if not _long(t)], guard))
        return [guard(t, longtext.windowed, t) if _long(t) else next(short) for t in texts]
    # The batch's objects all live until it ends: the collector waits
    # (gcpause.py), and runs once they are garbage, when `_stages` returns.
    with gcpause.paused():
        return _stages(texts, guard, final)


def _stages(texts: list[Any], guard: Guard, final: Callable[[_Doc], Any] | None) -> list[Any]:
    items = [guard(_text_of(text), _prepare, text) for text in texts]
    live = _live(items)
    _tag_morph([s for doc in live for s in doc.sents if _untagged(s)])
    items = [_then(guard, _find_cues, item) for item in items]
    live = _live(items)
    _parse_syntax([s for doc in live for s in _needing_syntax(doc) if not s.parsed])
    unnamed = [doc for doc in live if doc.names is None]
    if unnamed:
        _tag_ner(unnamed)
    results = [_then(guard, final or _document, item) for item in items]
    if final is None:
        for doc in _live(items):
            _release(doc)
    return results


def _long(text: Any) -> bool:
    return isinstance(text, str) and len(text) > windows.THRESHOLD


def drafts(texts: list[str]) -> list[tuple[Context, list[Claim]]]:
    """Each text's claims before any speaker is chosen, with their context:
    what `quoteattr.train` fits the decisions on."""
    return _run([_checked(t) for t in texts], _unguarded, _draft)


def _text_of(text: Any) -> str:
    return text if isinstance(text, str) else text.text


def _recorded(texts: list[str]) -> list[Result]:
    """`_run` with every failure recorded; a batch that fails as a whole is split."""
    try:
        return _run(texts, _guarded)
    except Exception as exc:
        if len(texts) == 1:
            return [Failure.of(texts[0], exc)]
    # A model stage failed: which document caused it is unknown, so each goes
    # alone. The taggers do not depend on batch-mates, so results are the same.
    return [_recorded([text])[0] for text in texts]


def _live(items: list[Any]) -> list[_Doc]:
    return [item for item in items if isinstance(item, _Doc)]


def _then(guard: Guard, stage: Callable[[_Doc], Any], item: Any) -> Any:
    return item if isinstance(item, Failure) else guard(item.text, stage, item)


def _checked(text: object) -> Any:
    if isinstance(text, str):
        return text
    if _upstream.is_natasha_doc(text):
        if not isinstance(getattr(text, "text", None), str):
            raise TypeError("quoteattr expects a natasha Doc with its text")
        return text
    # A str, or a natasha Doc (above); the message names the common case.
    raise TypeError(f"quoteattr expects text as str, got {type(text).__name__}")


# --- worker processes ------------------------------------------------------------

# Batches in flight per worker: enough to keep each busy while the parent
# collects, few enough that a huge input is read only as fast as it is used.
_AHEAD = 2


def _parallel(texts: Iterable[object], size: int, workers: int, errors: Errors) -> Iterator[Result]:
    # The pool outlives the call, its workers loaded and warm (workers.py).
    pool = _pools.pool(workers)
    pending: collections.deque[_Sent] = collections.deque()
    try:
        for batch in batches(texts, size):
            pending.append(_send(pool, batch, errors))
            if len(pending) >= _AHEAD * workers:
                yield from pending.popleft().results()
        while pending:
            yield from pending.popleft().results()
    except BrokenProcessPool:
        _pools.discard(pool)
        raise
    finally:
        # Left early (an error, or the caller stopped reading): batches not
        # yet begun are not run for no one.
        for sent in pending:
            sent.future.cancel()


@attrs.define(slots=True)
class _Sent:
    """A batch handed to a worker: its str texts went, the rest failed here."""

    size: int
    places: list[int]  # where the worker's results go in the batch
    future: Future[list[Result]]
    local: dict[int, Failure]

    def results(self) -> list[Result]:
        out: list[Result | None] = [None] * self.size
        for i, failure in self.local.items():
            out[i] = failure
        for i, result in zip(self.places, self.future.result(), strict=True):
            out[i] = result
        return [r for r in out if r is not None]


def _send(pool: ProcessPoolExecutor, batch: list[object], errors: Errors) -> _Sent:
    # Type errors are found here, so a non-str value (which may not even
    # pickle) never travels, and "raise" raises in the caller as without workers.
    places, local, texts = [], {}, []
    for i, text in enumerate(batch):
        try:
            texts.append(_checked(text))
            places.append(i)
        except TypeError as exc:
            if errors == "raise":
                raise
            local[i] = Failure.of(text, exc)
    return _Sent(len(batch), places, pool.submit(_work, texts, errors), local)


def _work(texts: list[str], errors: Errors) -> list[Result]:
    if errors == "raise":
        return _run(texts, _unguarded)
    return _recorded(texts)


# --- the shared default ----------------------------------------------------------

_default: Pipeline | None = None
_lock = threading.Lock()


def default() -> Pipeline:
    global _default
    if _default is None:
        with _lock:
            if _default is None:
                _default = Pipeline()
    return _default


def analyze(text: str | NatashaDoc, min_confidence: float | None = None) -> Document:
    """Find every quote and reported claim in `text` and who made it.

    `text` may also be a natasha `Doc`: what an upstream pipeline has already
    segmented, tagged, parsed or named is reused, and only what is missing is
    computed. ``min_confidence`` keeps only the quotes whose confidence
    (the calibrated probability of being right) reaches it.
    """
    return _kept(default()(text), min_confidence)  # type: ignore[return-value]


@overload
def pipe(
    texts: Iterable[str],
    batch_size: int | None = ...,
    *,
    n_process: int = ...,
    as_tuples: Literal[False] = ...,
    errors: Literal["raise"] = ...,
    min_confidence: float | None = ...,
) -> Iterator[Document]: ...


@overload
def pipe(
    texts: Iterable[str],
    batch_size: int | None = ...,
    *,
    n_process: int = ...,
    as_tuples: Literal[False] = ...,
    errors: Literal["record"],
    min_confidence: float | None = ...,
) -> Iterator[Document | Failure]: ...


@overload
def pipe(
    texts: Iterable[tuple[str, C]],
    batch_size: int | None = ...,
    *,
    n_process: int = ...,
    as_tuples: Literal[True],
    errors: Literal["raise"] = ...,
    min_confidence: float | None = ...,
) -> Iterator[tuple[Document, C]]: ...


@overload
def pipe(
    texts: Iterable[tuple[str, C]],
    batch_size: int | None = ...,
    *,
    n_process: int = ...,
    as_tuples: Literal[True],
    errors: Literal["record"],
    min_confidence: float | None = ...,
) -> Iterator[tuple[Document | Failure, C]]: ...


def pipe(
    texts: Iterable[Any],
    batch_size: int | None = None,
    *,
    n_process: int = 1,
    as_tuples: bool = False,
    errors: Errors = "raise",
    min_confidence: float | None = None,
) -> Iterator[Any]:
    """`analyze` over many texts, batched through the taggers: see `Pipeline.pipe`."""
    return default().pipe(texts, batch_size, n_process=n_process, as_tuples=as_tuples,
                          errors=errors, min_confidence=min_confidence)  # fmt: skip
