"""A naming cue's quoted words and the object they name: `назвал ситуацию
«неприемлемой»`, `назвал «неприемлемыми» высказывания премьера` (the
content is the whole object, marks included: mixed).
"""

from __future__ import annotations

from .cues import Cue
from .marks import Quoted
from .text import Sentence, Token


def names_quote(sent: Sentence, cue: Cue, q: Quoted) -> bool:
    """`назвал ситуацию, сложившуюся в отрасли, «неприемлемой»`: the quoted
    word hangs on the naming verb however long its object, and no other
    predicate stands between them."""
    if not sent.parsed:
        return False
    tokens = sent.tokens
    inside = [t for t in tokens if q.start <= t.start < q.stop and t.pos != "PUNCT"]
    if not inside:
        return False
    between = [t for t in tokens if cue.stop <= t.start < q.open]
    if any(t.pos in {"VERB", "AUX"} and t.feats.get("VerbForm") == "Fin" for t in between):
        return False
    top = next((t for t in inside if t.head < 0 or not q.start <= tokens[t.head].start < q.stop),
               inside[0])  # fmt: skip
    if top.feats.get("Case") == "Ins" and top.pos in {"NOUN", "ADJ"}:
        # `назвал решение о закрытии консульства «серьезной ошибкой»`: the
        # instrumental is what the object is named, wherever the parser
        # hangs it.
        return True
    head = inside[0]
    for _ in range(3):
        if head.head == cue.head:
            return True
        if head.head < 0:
            return False
        head = tokens[head.head]
    return False


def object_end(sent: Sentence, q: Quoted) -> int:
    """Where the named thing's phrase ends: `«значительной эскалацией»
    конфликта между …`, `«государством апартеида», практикующим …` run on."""
    if not sent.parsed or q.close is None:
        return 0
    tokens = sent.tokens
    inside = [t for t in tokens if q.start <= t.start < q.stop and t.pos != "PUNCT"]
    if not inside:
        return 0
    # The head of the quoted words: the one whose parse head lies outside them.
    head = next((t for t in inside if t.head < 0 or not q.start <= tokens[t.head].start < q.stop),
                inside[0])  # fmt: skip
    under = {t.index for t in sent.subtree(head.index)}
    last = max(under)
    quoted_last = inside[-1].index
    for i in range(quoted_last + 1, last + 1):
        if _predicate(tokens[i], i in under):
            # Another predicate is no longer the object, with its `и`:
            # `«отдать Аль-Кудс евреям» … и критиковал «кафиров»` (the parser
            # may hang its object on the quoted verb). A relative clause
            # (`«солдатом ИГ», который …`) and a gloss in brackets stay.
            last = min(d.index for d in sent.subtree(i)) - 1
            break
    while last > 0 and tokens[last].pos == "PUNCT" and tokens[last].text not in '»"”)':
        last -= 1
    return tokens[last].stop


def object_after(cue: Cue, q: Quoted) -> int:
    """`назвал «неприемлемыми» высказывания премьера`: the object named
    follows the quoted words; the content runs to its end."""
    sent = cue.sent
    if not sent.parsed or q.close is None:
        return 0
    tokens = sent.tokens
    after = next((t for t in tokens if t.start > q.close), None)
    if after is None or after.pos == "PUNCT" or after.head != cue.head or after.rel != "obj":
        return 0
    return tokens[max(t.index for t in sent.subtree(after.index))].stop


def _predicate(token: Token, governed: bool) -> bool:
    if token.rel == "parataxis" and governed:
        return True
    if token.rel != "conj" or token.pos not in {"VERB", "AUX"}:
        return False
    return governed or token.feats.get("VerbForm") == "Fin"
