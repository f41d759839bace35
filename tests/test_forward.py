"""quoteattr.forward computes slovnet's forward passes to the same bits."""

from __future__ import annotations

import numpy as np
import pytest
from conftest import SEED

from quoteattr import nlp
from quoteattr.forward import Forward
from quoteattr.text import segment

# Sentences of every length the calls group: one word, the seed's, and a long one.
_EXTRA = ["Да.", "«Нет», — сказал он.", " ".join(["Президент заявил, что это так"] * 30) + "."]


def _batches(name):
    tagger = nlp._tagger(name)
    sents = nlp._by_length(segment(SEED.with_suffix(".txt").read_text(encoding="utf-8")))
    sents += [s for text in _EXTRA for s in segment(text)]
    sents = nlp._by_length(sents)
    cuts = nlp.calls([len(s.tokens) for s in sents])
    return [tagger.encoder.input([tagger._encode(s) for s in sents[a:b]]) for a, b in cuts]


def _same(a, b):
    if isinstance(a, tuple):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    a, b = np.asarray(a), np.asarray(b)
    return a.dtype == b.dtype and a.shape == b.shape and (a == b).all()


@pytest.mark.parametrize("name", ["morph", "syntax", "ner"])
def test_predictions_are_slovnets(name):
    stock = nlp.model(name).infer  # natasha's own slovnet Infer, untouched
    ours = nlp._tagger(name).infer
    assert isinstance(ours, Forward)
    for batch in _batches(name):
        theirs = list(stock.process([batch]))
        mine = list(ours.process([batch]))
        assert len(theirs) == len(mine)
        assert all(_same(a, b) for a, b in zip(theirs, mine, strict=True))


@pytest.mark.parametrize("name", ["morph", "syntax", "ner"])
def test_encodings_are_bitwise_slovnets(name):
    model = nlp.model(name).infer.model
    ours = nlp._tagger(name).infer
    for batch in _batches(name):
        theirs = model.encoder(model.emb(batch.word_id, batch.shape_id), batch.pad_mask)
        mine = ours.encode(batch.word_id, batch.shape_id, batch.pad_mask)
        assert theirs.dtype == mine.dtype == np.float32
        assert (np.asarray(theirs).view(np.uint32) == mine.view(np.uint32)).all()


@pytest.mark.parametrize("name", ["syntax", "ner"])
def test_the_models_share_one_copy_of_the_vocabularies(name):
    first, tagger = nlp._tagger("morph"), nlp._tagger(name)
    assert tagger.shared
    assert tagger.encoder.words_vocab is first.encoder.words_vocab
    assert tagger.encoder.shapes_vocab is first.encoder.shapes_vocab
    words = ["Путин", "заявил", "«", "ЦБ", "2024", "qwertyuiop"]
    # natasha's own encoder (its `map`) reads the shared copy: the same codes.
    assert [tagger.encoder.words_vocab.encode(w.lower()) for w in words] == [
        tagger._code(w)[0] for w in words
    ]
