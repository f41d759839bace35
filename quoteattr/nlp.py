"""natasha's taggers, loaded lazily and once, run over many sentences at once.

natasha tags one document at a time; slovnet's `map` takes any list of
sentences, so the stages here feed it the sentences of many documents,
sorted by length so that padded batches waste little.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import Any

from .text import Sentence

_lock = threading.Lock()
_models: dict[str, Any] = {}

# slovnet pads every batch to its longest sentence; with length-sorted input a
# larger batch costs little and amortises the per-call overhead.
BATCH = 64


def _load() -> dict[str, Any]:
    if not _models:
        with _lock:
            if not _models:
                from natasha import (
                    NewsEmbedding,
                    NewsMorphTagger,
                    NewsNERTagger,
                    NewsSyntaxParser,
                )

                emb = NewsEmbedding()
                models = {
                    "morph": NewsMorphTagger(emb),
                    "syntax": NewsSyntaxParser(emb),
                    "ner": NewsNERTagger(emb),
                }
                for model in models.values():
                    model.batch_size = BATCH
                _models.update(models)
    return _models


def model(name: str) -> Any:
    return _load()[name]


def _by_length(sents: Sequence[Sentence]) -> list[Sentence]:
    return sorted(sents, key=lambda s: len(s.tokens))


def tag_morph(sents: Sequence[Sentence]) -> None:
    order = _by_length(sents)
    markups = model("morph").map([s.words() for s in order])
    for sent, markup in zip(order, markups, strict=True):
        for token, tag in zip(sent.tokens, markup.tokens, strict=True):
            token.pos = tag.pos
            token.feats = tag.feats


def parse_syntax(sents: Sequence[Sentence]) -> None:
    order = _by_length(sents)
    markups = model("syntax").map([s.words() for s in order])
    for sent, markup in zip(order, markups, strict=True):
        for token in sent.tokens:
            token.children = []
        for token, tag in zip(sent.tokens, markup.tokens, strict=True):
            token.head = int(tag.head_id) - 1
            token.rel = tag.rel
        for token in sent.tokens:
            if 0 <= token.head < len(sent.tokens) and token.head != token.index:
                sent.tokens[token.head].children.append(token.index)
            else:
                token.head = -1
        sent.parsed = True


def tag_ner(text: str, sents: Sequence[Sentence]) -> list[list[tuple[int, int, str]]]:
    """Named entities of each sentence, in `sents` order, as text offsets."""
    order = sorted(range(len(sents)), key=lambda i: sents[i].stop - sents[i].start)
    chunk = [text[sents[i].start : sents[i].stop] for i in order]
    found: list[list[tuple[int, int, str]]] = [[] for _ in sents]
    for i, markup in zip(order, model("ner").map(chunk), strict=True):
        base = sents[i].start
        found[i] = [(base + s.start, base + s.stop, s.type) for s in markup.spans]
    return found
