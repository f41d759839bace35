"""Where a reported clause or topic may end early: proposals with features.

The finders run a `что`-clause or an `о`-topic to the end of the sentence
unless a rule they trust cuts it. Past that, a clause often goes on with
something that is not the speaker's content: the speaker's next act (`, но
так и не объявил`, `, оставив без ответа`), someone else's (`, в ответ
Онищенко назвал`), or the circumstances of the saying (`об арестах в среду
на пресс-конференции`). Each such point is a `Cut` with named features;
`decide.trim` weighs them with weights fitted to the gold and ends the claim
at the first it accepts.
"""

from __future__ import annotations

import math

import attrs

from . import lexicon
from .cues import Cue, norm
from .morph import lemmas
from .text import Sentence, Token

# Words that open a coordinated clause after a comma or a dash.
_LINKS = {"но", "а", "и", "однако", "причем", "притом", "зато", "хотя", "тогда"}
_DASHES = {"—", "–", "-"}


@attrs.define(frozen=True, slots=True)
class Cut:
    """The content may end at ``stop`` (a character offset); why, as features."""

    stop: int
    features: dict[str, float] = attrs.field(eq=False, hash=False)


def proposals(sent: Sentence, cue: Cue, first: int, last: int, how: str) -> tuple[Cut, ...]:
    """Points inside tokens first..last where the content may end early."""
    if not sent.parsed or last - first < 3:
        return ()
    tokens = sent.tokens
    verb = tokens[cue.head]
    found: dict[int, Cut] = {}
    for i in range(first + 2, last + 1):
        tok = tokens[i]
        kind = None
        pred: Token | None = None
        if tok.text == "," or tok.text in _DASHES:
            nxt = tokens[i + 1] if i + 1 <= last else None
            if nxt is None:
                continue
            word = norm(nxt.text)
            if word in _LINKS:
                kind = f"link_{word}" if tok.text == "," else "dash_link"
                pred = _predicate_after(tokens, i + 2, last)
            elif nxt.feats.get("VerbForm") == "Conv":
                kind, pred = "gerund", nxt
            elif tok.text in _DASHES:
                pred = _predicate_after(tokens, i + 1, min(last, i + 4))
                kind = "dash" if pred is not None else None
            else:
                pred = _predicate_after(tokens, i + 1, min(last, i + 4))
                if pred is not None and pred.feats.get("VerbForm") == "Fin":
                    kind = "comma_clause"
        elif norm(tok.text) == "и" and i + 1 <= last:
            pred = tokens[i + 1] if tokens[i + 1].feats.get("VerbForm") == "Fin" else None
            kind = "and_verb" if pred is not None else None
        if kind is None or (pred is None and kind != "dash_link"):
            continue
        end = i - 1
        while end > first and tokens[end].pos == "PUNCT" and tokens[end].text not in '»"”)':
            end -= 1
        if end <= first:
            continue
        f = {"bias": 1.0, "cut_" + kind: 1.0, "how_" + how: 1.0}
        f["before"] = math.log1p(end - first) / 4
        f["after"] = math.log1p(last - i) / 4
        if pred is not None:
            _predicate(f, tokens, verb, cue, pred)
        found.setdefault(tokens[end].stop, Cut(tokens[end].stop, f))
    if how == "topic":
        end = _topic_end(sent, first)
        if end is not None and first < end < last and not _elaborated(tokens, end):
            f = {"bias": 1.0, "cut_topic_end": 1.0, "how_" + how: 1.0}
            f["before"] = math.log1p(end - first) / 4
            f["after"] = math.log1p(last - end) / 4
            nxt = tokens[end + 1]
            f["topic_next_" + (nxt.pos or "X")] = 1.0
            found.setdefault(tokens[end].stop, Cut(tokens[end].stop, f))
    return tuple(sorted(found.values(), key=lambda c: c.stop))


def _predicate_after(tokens: list[Token], lo: int, hi: int) -> Token | None:
    """The first verb form (finite, gerund or short participle) in lo..hi."""
    for t in tokens[lo : hi + 1]:
        if t.pos in {"VERB", "AUX"} and t.feats.get("VerbForm") in {"Fin", "Conv"}:
            return t
        if t.text in {",", ".", ";", ":"}:
            return None
    return None


def _predicate(
    f: dict[str, float], tokens: list[Token], verb: Token, cue: Cue, pred: Token
) -> None:
    same = all(verb.feats.get(x) == pred.feats.get(x) for x in ("Number", "Gender", "Tense"))
    f["agrees_with_cue" if same else "differs_from_cue"] = 1.0
    if pred.feats.get("VerbForm") == "Conv":
        f["gerund_predicate"] = 1.0
    if any(tokens[c].rel in {"nsubj", "nsubj:pass"} for c in pred.children):
        f["own_subject"] = 1.0
    if lemmas(pred.text) & lexicon.load("speech_verbs").keys():
        f["speech_predicate"] = 1.0
    # Whom the parse hangs the predicate on: the cue verb (the speaker goes
    # on) or a word of the content (the content goes on).
    head = pred.head
    steps = 0
    while head >= 0 and head != cue.head and steps < 6:
        head = tokens[head].head
        steps += 1
    f["under_cue" if head == cue.head and steps <= 1 else "under_content"] = 1.0
    if pred.feats.get("Mood") == "Imp" or pred.feats.get("Person") in {"1", "2"}:
        f["first_second_person"] = 1.0


def _elaborated(tokens: list[Token], end: int) -> bool:
    """`о тысячах нарушений, в том числе о «каруселях»`: what follows names
    part of the topic, so the topic goes on through it."""
    words = [norm(t.text) for t in tokens[end + 1 : end + 5]]
    return words[:1] == [","] and any(tuple(words[1 : 1 + len(p)]) == p for p in _ELABORATIONS)


_ELABORATIONS = (("в", "том", "числе"), ("включая",), ("в", "частности"))


def _topic_end(sent: Sentence, first: int) -> int | None:
    """Last token of the `о`-phrase's noun and what hangs on it."""
    tokens = sent.tokens
    # The `о` token's head is the noun the topic is about.
    about = tokens[first]
    if about.head < 0:
        return None
    ids = [t.index for t in sent.subtree(about.head)]
    if not ids or min(ids) < first:
        return None
    return max(ids)
