"""slovnet's forward passes, computed to the same bits with less copying.

The three news models (morphology, syntax, NER) share one shape: a word and
shape embedding, then three 1-d convolutions (kernel 3, each followed by
ReLU, batch norm and zeroing the padding), then a model's own head. In
slovnet's numpy code (`slovnet.exec.model`) each convolution pads its input
with `np.pad`, copies its windows out of a transposed view (a gather with a
stride of a whole sentence) and every elementwise step allocates a new
array: about a third of a model's time over the corpus is that copying,
not the matrix products.

Here the activations stay channels-last (token by token, as the matrix
product leaves them), the windows matrix is written with three contiguous
slice copies, and ReLU and batch norm run in place. Every arithmetic step
is slovnet's own, on the same operands in the same order: the same windows
matrix (channel-major, kernel-minor) times the same weight view, then the
same bias, clip, subtract, divide, multiply and add, elementwise in
float32, so every value is bit-for-bit what slovnet computes
(`tests/test_forward.py` checks the encodings and the predictions against
slovnet's). The heads are slovnet's own code, but for two spots: the
morphology head adds its bias in place, and NER's Viterbi decoding walks
back through its history as Python lists.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import numpy as np

__all__ = ["Forward"]


class Forward:
    """A drop-in for a slovnet `Infer`'s `process` (morph, syntax or NER):
    each input batch to the model's predictions, as slovnet yields them."""

    def __init__(self, infer: Any) -> None:
        self.model = infer.model
        self.encoder = infer.encoder
        self.decoder = infer.decoder
        self.kind = type(infer).__name__  # MorphInfer, SyntaxInfer or NERInfer
        word = self.model.emb.word
        codes = word.codes.array  # qdim x centroids x chunk
        qdim, centroids, chunk = codes.shape
        # Product quantisation: a word's vector is, for each of `qdim`
        # sub-spaces, the centroid its index names. One flat table and
        # offsets make that one `np.take` instead of 2-d fancy indexing.
        self._codes = np.ascontiguousarray(codes.reshape(qdim * centroids, chunk))
        self._offsets = (np.arange(qdim) * centroids).astype(np.intp)
        self._indexes = word.indexes.array
        self._word_dim = qdim * chunk
        self._shapes = self.model.emb.shape.weight.array
        self._layers = [
            (
                layer.conv.weight.array.reshape(layer.conv.weight.shape[0], -1).T,
                layer.conv.bias.array,
                layer.norm.mean.array,
                layer.norm.std.array,
                layer.norm.weight.array,
                layer.norm.bias.array,
            )
            for layer in self.model.encoder.layers
        ]
        if not all(layer.conv.padding == 1 for layer in self.model.encoder.layers):
            raise ValueError("only kernel-3 convolutions padded by one are supported")

    def encode(self, word_id: np.ndarray, shape_id: np.ndarray, pad_mask: np.ndarray) -> Any:
        """The encoder's output, batch x tokens x features: slovnet's
        `model.encoder(model.emb(word_id, shape_id), pad_mask)`."""
        batch, length = word_id.shape
        words = np.take(self._codes, self._indexes[word_id.ravel()] + self._offsets, axis=0)
        x = np.empty((batch, length, self._word_dim + self._shapes.shape[1]), np.float32)
        x[:, :, : self._word_dim] = words.reshape(batch, length, self._word_dim)
        x[:, :, self._word_dim :] = self._shapes[shape_id]
        for weight, bias, mean, std, scale, shift in self._layers:
            x = _layer(x, pad_mask, weight, bias, mean, std, scale, shift)
        return x

    def process(self, inputs: Any) -> Iterator[Any]:
        """slovnet's `Infer.process` for this model, on the same inputs."""
        model = self.model
        for batch in inputs:
            mask = ~batch.pad_mask
            x = self.encode(batch.word_id, batch.shape_id, batch.pad_mask)
            if self.kind == "SyntaxInfer":
                # slovnet.exec.model.Syntax.__call__, then SyntaxInfer.process
                # (slovnet decodes the heads twice, to the same result: once here.)
                head_id = model.head.decode(model.head(x), mask)
                rels = model.rel.decode(model.rel(x, head_id), mask)
                yield from zip(_split(head_id, mask), _split(rels, mask), strict=True)
            elif self.kind == "NERInfer":
                yield from _crf_decode(model.head.crf.transitions.array, model.head(x), mask)
            else:
                # MorphHead: slovnet's Linear (matmul, then the bias) and argmax,
                # the bias added in place rather than into a third copy.
                proj = model.head.proj
                scores = np.matmul(x.reshape(-1, proj.in_dim), proj.weight.array)
                scores += proj.bias.array
                tags = scores.argmax(-1).reshape(x.shape[:-1])
                yield from _split(tags, mask)


def _layer(
    x: np.ndarray,
    pad_mask: np.ndarray,
    weight: np.ndarray,
    bias: np.ndarray,
    mean: np.ndarray,
    std: np.ndarray,
    scale: np.ndarray,
    shift: np.ndarray,
) -> np.ndarray:
    """One CNNEncoderLayer (conv, ReLU, batch norm) and the encoder's zeroing
    of the padding, on channels-last `x` (batch x tokens x channels)."""
    batch, length, channels = x.shape
    # The windows matrix slovnet's Conv1d builds: row (b, t) holds, channel
    # by channel, the values at t-1, t and t+1 (zero past either end).
    windows = np.empty((batch, length, channels, 3), np.float32)
    windows[:, :, :, 1] = x
    windows[:, 1:, :, 0] = x[:, :-1]
    windows[:, 0, :, 0] = 0
    windows[:, :-1, :, 2] = x[:, 1:]
    windows[:, -1, :, 2] = 0
    out = np.matmul(windows.reshape(batch * length, channels * 3), weight)
    out += bias
    np.maximum(out, 0, out=out)  # ReLU: slovnet's `clip(0)`
    out -= mean
    out /= std
    out *= scale
    out += shift
    out = out.reshape(batch, length, -1)
    out[pad_mask] = 0
    return out


def _crf_decode(transitions: np.ndarray, emissions: np.ndarray, mask: np.ndarray) -> list[Any]:
    """slovnet.exec.model.CRF.decode: the same Viterbi pass, step by step
    over the batch as slovnet does it; only the walk back through the
    history reads Python lists, not a numpy scalar per token."""
    batch_size, seq_len, tags_num = emissions.shape
    emissions = emissions.swapaxes(1, 0)
    mask = mask.swapaxes(1, 0)
    history = []
    score = emissions[0]  # batch x tags
    for index in range(1, seq_len):
        score_ = score.reshape(batch_size, tags_num, 1)
        emissions_ = emissions[index].reshape(batch_size, 1, tags_num)
        score_ = score_ + transitions + emissions_  # batch x tags x tags
        indexes = score_.argmax(-2)
        batch_indexes, tags_indexes = np.indices(indexes.shape)
        score_ = score_[batch_indexes, indexes, tags_indexes]
        mask_ = mask[index].reshape(batch_size, 1)
        score = np.where(mask_, score_, score)
        history.append(indexes)
    sizes = (mask.sum(0) - 1).tolist()
    steps = [h.tolist() for h in history]
    batch = []
    for index in range(batch_size):
        best = int(score[index].argmax())
        tags = [best]
        # reversed(history[:size]), as slovnet walks it
        for step in reversed(range(len(steps))[: sizes[index]]):
            best = steps[step][index][best]
            tags.append(best)
        tags.reverse()
        batch.append(np.array(tags, dtype=np.intp))
    return batch


def _split(pred: np.ndarray, mask: np.ndarray) -> Iterator[np.ndarray]:
    # slovnet.exec.mask.split_masked
    for index, size in enumerate(mask.sum(-1)):
        yield pred[index, :size]
