"""natasha's taggers, loaded lazily and once, run over many sentences at once.

natasha tags one document at a time, eight sentences per model call, and
re-tokenises every text for NER. The stages here feed slovnet's models
directly: the already tokenised sentences of many documents, sorted by length
so that padded batches waste little, with the per-word encoding and the
per-tag decoding cached. The models compute exactly what they compute under
natasha: a sentence's tags do not depend on which sentences share its batch
(padding is masked out), so only the bookkeeping around them is cheaper.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator, Sequence
from typing import Any

from .text import Sentence, Token

__all__ = [
    "BATCH",
    "calls",
    "model",
    "morph_code",
    "parse_syntax",
    "set_morph",
    "tag_morph",
    "tag_ner",
]

_lock = threading.Lock()
_models: dict[str, Any] = {}

# Sentences per model call. slovnet pads a batch to its longest sentence; with
# length-sorted input a larger batch costs little padding and amortises the
# per-call overhead (natasha's 8 is twice as slow over the whole corpus).
BATCH = 64

# What a model call costs beyond its padded tokens, in tokens: slovnet's
# per-call overhead is about 0.4 ms, a token about 17 us in every model.
_CALL = 24

# Distinct words seen before a cache starts forgetting: news repeats a few
# tens of thousands of words, and the bound keeps a long run's memory flat.
_CACHE = 200_000


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
                first = _Tagger(NewsMorphTagger(emb))
                first.shared = True
                taggers = {"morph": first}
                # One model at a time, each sharing the first's vocabularies
                # where they are equal (they are: each pack carries its own
                # copy of the same 250 000 words, 27 MB each), so that the
                # copy is freed before the next model loads.
                for name, load in (("syntax", NewsSyntaxParser), ("ner", NewsNERTagger)):
                    tagger = taggers[name] = _Tagger(load(emb))
                    tagger.shared = tagger.same_codes(first)
                    if tagger.shared:
                        tagger.adopt_vocabs(first)
                _models.update(taggers)
    return _models


def model(name: str) -> Any:
    """natasha's tagger `name` (`morph`, `syntax` or `ner`), loaded on first use."""
    return _load()[name].api


def _shape(word: str) -> str:
    from slovnet.shape import word_shape

    return word_shape(word)


class _Tagger:
    """One slovnet model fed encoded batches, as its `map` would feed it."""

    def __init__(self, api: Any) -> None:
        self.api = api
        # Used only through its `map` (by callers of `model`): batch it alike.
        api.batch_size = BATCH
        api.infer.encoder.batch_size = BATCH
        from .forward import Forward  # numpy: imported with the models, not before

        # The same predictions as api.infer.process, computed with less copying;
        # a model of another shape (a later slovnet) runs slovnet's own code.
        try:
            self.infer: Any = Forward(api.infer)
        except (AttributeError, ValueError):
            self.infer = api.infer
        encoder = api.infer.encoder
        self.encoder = encoder
        self.words = encoder.words_vocab.item_ids
        self.word_unk = encoder.words_vocab.unk_id
        self.shapes = encoder.shapes_vocab.item_ids
        self.shape_unk = encoder.shapes_vocab.unk_id
        self.shared = False  # whether Sentence.codes, encoded once, are this model's too
        # word -> (word id, shape id): the same for every occurrence of a word.
        self.codes: dict[str, tuple[int, int]] = {}

    def same_codes(self, other: _Tagger) -> bool:
        return (self.words, self.word_unk, self.shapes, self.shape_unk) == (
            other.words,
            other.word_unk,
            other.shapes,
            other.shape_unk,
        )

    def adopt_vocabs(self, other: _Tagger) -> None:
        """Use `other`'s word and shape vocabularies, equal to this model's
        (`same_codes`), and let this model's own copies go."""
        encoder, theirs = self.encoder, other.encoder
        encoder.words_vocab, encoder.shapes_vocab = theirs.words_vocab, theirs.shapes_vocab
        self.words, self.shapes = other.words, other.shapes

    def _encode(self, sent: Sentence) -> tuple[list[int], list[int]]:
        # slovnet's WordShapeEncoder.item, each distinct word encoded once.
        if self.shared and sent.codes is not None:
            return sent.codes
        codes = self.codes
        pairs = [codes.get(t.text) or self._code(t.text) for t in sent.tokens]
        word_ids = [w for w, _ in pairs]
        shape_ids = [s for _, s in pairs]
        if self.shared:
            sent.codes = (word_ids, shape_ids)
        return word_ids, shape_ids

    def _code(self, word: str) -> tuple[int, int]:
        if len(self.codes) >= _CACHE:
            self.codes.clear()  # a long run's memory stays flat
        code = self.codes[word] = (
            self.words.get(word.lower(), self.word_unk),
            self.shapes.get(_shape(word), self.shape_unk),
        )
        return code

    def predict(self, sents: Sequence[Sentence]) -> Iterator[Any]:
        """The model's raw prediction for each sentence, in order."""
        for start, stop in calls([len(sent.tokens) for sent in sents]):
            chunk = [self._encode(sent) for sent in sents[start:stop]]
            yield from self.infer.process([self.encoder.input(chunk)])


def calls(lengths: Sequence[int]) -> list[tuple[int, int]]:
    """Where to cut sentences sorted by length (`lengths`, in tokens) into
    model calls: [start, stop) each, at most `BATCH` sentences.

    A call pads every sentence to its longest. Where the next sentence is
    longer by so much that padding the call's sentences to it would cost
    more than a call of its own (`_CALL`), a new call starts: one document's
    sentences (`analyze`), from 3 tokens to 80, then go in a few calls of
    like lengths, about a third less work than one. A sentence's tags do not
    depend on what shares its call, so only the time changes.
    """
    found = []
    start = 0
    for j in range(1, len(lengths)):
        held = j - start
        if held >= BATCH or held * (lengths[j] - lengths[j - 1]) > _CALL:
            found.append((start, j))
            start = j
    if lengths:
        found.append((start, len(lengths)))
    return found


def _tagger(name: str) -> _Tagger:
    return _load()[name]


def _by_length(sents: Sequence[Sentence]) -> list[Sentence]:
    return sorted(sents, key=lambda s: len(s.tokens))


@functools.cache
def _morph_tags() -> list[tuple[str, dict[str, str]]]:
    """Every tag of the morphology model, parsed once: (pos, feats)."""
    from slovnet.conll import parse_conll_tag

    return [parse_conll_tag(tag) for tag in _tagger("morph").infer.decoder.tags_vocab.items]


@functools.cache
def _morph_codes() -> dict[tuple[str, tuple[tuple[str, str], ...]], int]:
    return {(pos, tuple(feats.items())): i for i, (pos, feats) in enumerate(_morph_tags())}


def morph_code(token: Token) -> int:
    """The morphology model's tag of a tagged token, as a small number: a long
    document's windows keep the tags of their first pass this way (two bytes
    a token) and give them back with `set_morph` instead of tagging again."""
    return _morph_codes()[(token.pos, tuple(token.feats.items()))]


def set_morph(token: Token, code: int) -> None:
    token.pos, token.feats = _morph_tags()[code]  # shared, as in tag_morph


def tag_morph(sents: Sequence[Sentence]) -> None:
    order = _by_length(sents)
    tags = _morph_tags()
    for sent, pred in zip(order, _tagger("morph").predict(order), strict=True):
        for token, tag_id in zip(sent.tokens, pred.tolist(), strict=True):
            # The parsed tag's own dict, shared by every token with the tag:
            # no stage writes to a token's feats (they only read them).
            token.pos, token.feats = tags[tag_id]


def parse_syntax(sents: Sequence[Sentence]) -> None:
    order = _by_length(sents)
    tagger = _tagger("syntax")
    rels = tagger.infer.decoder.rels_vocab.items
    for sent, (head_ids, rel_ids) in zip(order, tagger.predict(order), strict=True):
        tokens = sent.tokens
        size = len(tokens)
        for token in tokens:
            token.children = []
        # One pass: a head outside the sentence or the token itself is none;
        # each head's children in token order, as before.
        for token, head, rel in zip(tokens, head_ids.tolist(), rel_ids.tolist(), strict=True):
            token.rel = rels[rel]
            head -= 1
            if 0 <= head < size and head != token.index:
                token.head = head
                tokens[head].children.append(token.index)
            else:
                token.head = -1
        sent.parsed = True


@functools.cache
def _ner_tags() -> list[str]:
    return list(_tagger("ner").infer.decoder.tags_vocab.items)


def tag_ner(docs: Sequence[Sequence[Sentence]]) -> list[list[list[tuple[int, int, str]]]]:
    """Named entities of each sentence of each document, as offsets into its text.

    All sentences of all documents go through the model together. natasha's
    NER re-tokenises each text with razdel; a sentence's tokens here are
    razdel's tokens of the same text, so they are fed in as they are.
    """
    from slovnet.bio import bio_spans

    every = [s for doc in docs for s in doc]
    order = _by_length(every)
    tags = _ner_tags()
    found: dict[int, list[tuple[int, int, str]]] = {}
    for sent, pred in zip(order, _tagger("ner").predict(order), strict=True):
        names = [tags[t] for t in pred.tolist()]
        found[id(sent)] = [(s.start, s.stop, s.type) for s in bio_spans(sent.tokens, names)]
    return [[found[id(s)] for s in doc] for doc in docs]
