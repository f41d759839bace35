"""How likely an attribution is right, end to end: a calibrated probability.

"Right" is what the scorer counts (evaluate.py, matching.py): the content
matches a gold quote and the speaker is an acceptable name for its speaker.
Two logistic models read named features of the final attribution (the
claim's shape, its cue, its length and marks, whether the cut model ended
it, the speaker chosen and how clearly the speaker model preferred it):

- ``content``: does the content match a gold quote?
- ``speaker``: is the speaker right, given that the content matches?

Their product, mapped through a calibration table (isotonic regression on
out-of-fold predictions over the dev gold), is ``Quote.confidence``; each
part, through a table of its own, is ``content_confidence`` and
``speaker_confidence``. Weights and tables live in ``data/confidence.json``
(written by ``python -m quoteattr.train``, fitted in ``calibrate.py``) and
are applied here in plain Python. Without the file every figure is None:
unknown, never certain.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from . import lexicon
from .claims import Claim
from .decide import Choice, linear
from .morph import lemmas
from .records import Span, normalize
from .speakers import PRONOUNS

FILE = "confidence.json"
_MARKS = set('«»„“”"')
# Content length in words: the bucket edges (a few words are often a
# name or a term in marks; a very long span often runs past the gold's end).
_LENGTHS = (3, 6, 12, 25, 50)
_SURE = (0.5, 0.8, 0.9, 0.95, 0.99)  # steps of the speaker model's probability


@attrs.frozen(slots=True)
class Estimate:
    """The three figures of one attribution; None where no model is shipped."""

    confidence: float | None = None
    content: float | None = None
    speaker: float | None = None


def model() -> dict[str, Any]:
    """The shipped model; empty when none was fitted."""
    return lexicon.fitted(FILE)


def features(text: str, claim: Claim, choice: Choice) -> dict[str, float]:
    """Named features of an attribution (a name with no weight counts zero)."""
    f: dict[str, float] = {"bias": 1.0, "kind=" + claim.kind: 1.0, "how=" + claim.how: 1.0}
    cue = claim.cue
    if cue is None:
        f["cue=none"] = 1.0
    else:
        f["cue=" + cue.type] = 1.0
        for tag in cue.tags:
            f["tag=" + tag] = 1.0
        for lemma in lemmas(cue.token.text.lower()):
            f["lemma=" + lemma] = 1.0
        if cue.start >= claim.stop:
            f["cue_after"] = 1.0
    if claim.mention is None:
        f["no_mention"] = 1.0
    if claim.document:
        f["document"] = 1.0
    # The content.
    content = text[claim.start : claim.stop]
    words = len(content.split())
    f[f"words<={_bucket(words)}"] = 1.0
    f["log_words"] = math.log1p(words)
    inner = content[1:-1]
    if any(c in _MARKS for c in inner):
        f["marks_inside"] = 1.0
    if content[:1] in _MARKS:
        f["opens_with_mark"] = 1.0
    if claim.stop > claim.sent.stop:
        f["past_sentence"] = 1.0
    tokens = claim.sent.tokens
    if claim.start <= tokens[0].stop:
        f["from_sentence_start"] = 1.0
    if claim.stop >= tokens[-1].start:
        f["to_sentence_end"] = 1.0
    if claim.trimmed:
        f["trimmed"] = 1.0
    elif claim.cuts:
        f["cuts_declined"] = 1.0
    # The speaker.
    speaker = choice.speaker
    f["speaker=" + (speaker.type.value if speaker else "none")] = 1.0
    if speaker is not None and speaker.mention is None:
        f["speaker_unmentioned"] = 1.0
    if speaker is not None and len(speaker.name.split()) == 1:
        f["speaker_one_word"] = 1.0
    f[f"{claim.kind}×{speaker.type.value if speaker else 'none'}"] = 1.0
    if speaker is not None and speaker.mention is not None:
        _mention(f, text, claim, speaker.mention)
    if choice.probability is None:
        f["rules_chose"] = 1.0
    else:
        p = min(max(choice.probability, 1e-4), 1 - 1e-4)
        f["p_speaker"] = p
        f["logit_p_speaker"] = math.log(p / (1 - p))
        f["margin"] = choice.margin or 0.0
        f["log_candidates"] = math.log(max(choice.candidates, 1))
        if not choice.rule:
            f["not_rule_choice"] = 1.0
        for edge in _SURE:
            if p >= edge:
                f[f"p_speaker>={edge}"] = 1.0
    # How the chosen candidate stands to the claim, as the speaker model saw it.
    for name, value in choice.features.items():
        f["c:" + name] = value
    return f


def _mention(f: dict[str, float], text: str, claim: Claim, mention: Span) -> None:
    """Where the speaker is named, and how: a pronoun or a name sentences
    back is resolved through coreference, where more goes wrong."""
    words = normalize(mention.text).split()
    if words and words[0] in PRONOUNS:
        f["mention_pronoun"] = 1.0
    sent = claim.sent
    if sent.start <= mention.start < sent.stop:
        f["mention_in_sentence"] = 1.0
    elif claim.start <= mention.start < claim.stop:
        f["mention_in_content"] = 1.0
    elif mention.start < sent.start:
        f["mention_before"] = 1.0
        f["mention_gap"] = min(text.count("\n", mention.stop, sent.start), 3) / 3
    else:
        f["mention_after"] = 1.0


def _bucket(words: int) -> str:
    for edge in _LENGTHS:
        if words <= edge:
            return str(edge)
    return "more"


def sigmoid(z: float) -> float:
    if z < -30:
        return 0.0
    return 1.0 / (1.0 + math.exp(-z))


def calibrated(table: Sequence[Sequence[float]], x: float) -> float:
    """`x` through a calibration table of ``[x, y]`` points, ascending in both:
    linear between points, flat beyond the ends."""
    if not table:
        return x
    xs = [p[0] for p in table]
    i = bisect.bisect_right(xs, x)
    if i == 0:
        return float(table[0][1])
    if i == len(table):
        return float(table[-1][1])
    (x0, y0), (x1, y1) = table[i - 1], table[i]
    return float(y0 + (y1 - y0) * (x - x0) / (x1 - x0)) if x1 > x0 else float(y1)


def raw(f: Mapping[str, float], m: Mapping[str, Any]) -> tuple[float, float]:
    """The two models' uncalibrated probabilities: content, speaker."""
    return sigmoid(linear(f, m["content"]["weights"])), sigmoid(linear(f, m["speaker"]["weights"]))


def apply(f: Mapping[str, float], m: Mapping[str, Any]) -> Estimate:
    pc, ps = raw(f, m)
    return Estimate(
        round(calibrated(m["joint"]["table"], pc * ps), 4),
        round(calibrated(m["content"]["table"], pc), 4),
        round(calibrated(m["speaker"]["table"], ps), 4),
    )


def estimate(text: str, claim: Claim, choice: Choice) -> Estimate:
    """The calibrated figures of one attribution (all None without a model)."""
    m = model()
    if not m:
        return Estimate()
    return apply(features(text, claim, choice), m)
