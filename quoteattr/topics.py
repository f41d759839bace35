"""Topics: the `о`-phrase a cue reports (`заявила о разработке плана`,
`рассказал в программе «…» о причинах`, `О том, что X, Y заявил`).

The phrase ends where the speaker's next act begins (`заявил о намерениях и
сделал предложения`); `cuts.py` proposes the later points where it may end.
"""

from __future__ import annotations

from .claims import ABOUT, COMPLEMENTISERS, _trim
from .cues import Cue, norm
from .text import Sentence, Token

# Conjunctions that start a clause of its own after a comma (`, но прокуратура …`).
_BUT = frozenset({"но", "однако", "а"})


def _topic_after(sent: Sentence, cue: Cue) -> int | None:
    """`заявила о разработке плана`: the `о`-phrase right after the cue, or
    hung on it past a place of the saying (`рассказал в программе «…» на РЕН
    ТВ о причинах`, `сообщил в твиттере о гибели`); `не только о …, но и о
    …` from its `не только`."""
    found = _topic_start(sent, cue)
    tokens = sent.tokens
    if (
        found is not None
        and found >= 2
        and found - 2 > cue.last
        and (norm(tokens[found - 2].text), norm(tokens[found - 1].text)) == ("не", "только")
    ):
        return found - 2
    return found


def _topic_start(sent: Sentence, cue: Cue) -> int | None:
    tokens = sent.tokens
    if sent.parsed:
        found = _topic_on_cue(sent, cue)
        if found is not None:
            return found
    i = cue.last + 1
    while i < len(tokens) and i <= cue.last + 8:
        tok = tokens[i]
        if norm(tok.text) in ABOUT:
            # The `о`-phrase must hang on the cue itself, not on its object
            # (`подтвердила сообщения об убийстве`).
            # Right after the cue there is no object it could hang on.
            attached = i == cue.last + 1 or tok.head < 0 or tokens[tok.head].head == cue.head
            if sent.parsed and not attached:
                return None
            return i
        if tok.pos == "PUNCT" or (
            tok.pos in {"VERB", "AUX"} and tok.feats.get("VerbForm") != "Conv"
        ):
            return None
        i += 1
    return None


def _topic_on_cue(sent: Sentence, cue: Cue) -> int | None:
    """The `о` of an `о`-phrase the parse hangs on the cue, or on a `в`/`на`
    place the cue hangs on, with no clause boundary between."""
    tokens = sent.tokens
    hosts = [cue.head]
    for c in tokens[cue.head].children:
        case = [k for k in tokens[c].children if tokens[k].rel == "case"]
        if (
            c > cue.last
            and tokens[c].rel == "obl"
            and case
            and norm(tokens[case[0]].text) in {"в", "во", "на"}
        ):
            hosts.append(c)  # fmt: skip
    for host in hosts:
        for c in tokens[host].children:
            if c <= cue.last or tokens[c].rel not in {"obl", "nmod"}:
                continue
            # The preposition nearest its noun, after the cue: the parse may
            # give the noun a second `о` from before the cue.
            case = [k for k in tokens[c].children if tokens[k].rel == "case" and cue.last < k < c]
            if not case or norm(tokens[case[-1]].text) not in ABOUT:
                continue
            if tokens[c].pos not in {"NOUN", "PROPN"}:
                continue  # `о том, что`: a clause, found by the clause finder
            if any(tokens[k].text in {",", ":", ";"} for k in range(cue.last + 1, case[-1])):
                continue
            return case[-1]
    return None


def _coordinated_cut(sent: Sentence, cue: Cue, first: int, last: int) -> int:
    """`заявил о своих намерениях и сделал предложения`: a topic has no
    predicate of its own, so a finite verb after `и` that agrees with the
    cue is the speaker's next act and ends the topic."""
    tokens = sent.tokens
    verb = tokens[cue.head]
    for i in range(first + 1, last):
        nxt = tokens[i + 1]
        word = norm(tokens[i].text)
        if word == "и" and nxt.feats.get("VerbForm") == "Fin" and _agree(verb, nxt):
            return _before(tokens, first, i)
        if word in _BUT and tokens[i - 1].text == "," and _finite(tokens[i + 1 : last + 1]):
            # `говорилось о заказном убийстве, но прокуратура передала …`: a
            # clause of its own (`не о отставке, а о переводе` has no verb).
            return _before(tokens, first, i)
    return last


def _before(tokens: list[Token], first: int, i: int) -> int:
    cut = i - 1
    while cut > first and tokens[cut].pos == "PUNCT":
        cut -= 1
    return cut


def _finite(tokens: list[Token]) -> bool:
    return any(t.feats.get("VerbForm") == "Fin" for t in tokens)


def _agree(a: Token, b: Token) -> bool:
    return all(a.feats.get(f) == b.feats.get(f) for f in ("Number", "Gender", "Person", "Tense"))


def _topic_before(sent: Sentence, cue: Cue) -> tuple[int, int] | None:
    """`Впервые о готовящемся законе Президент заявил …`: a topic put first."""
    if not sent.parsed:
        return None
    tokens = sent.tokens
    for c in tokens[cue.head].children:
        if c >= cue.first or tokens[c].rel != "obl":
            continue
        case = [k for k in tokens[c].children if tokens[k].rel == "case"]
        if not case or norm(tokens[case[0]].text) not in ABOUT:
            continue
        if norm(tokens[c].text) == "этом":
            return None  # `Об этом сообщил X`: the sentence before
        if norm(tokens[c].text) == "том":
            # `О том, что X, Путин заявил журналистам`: the clause on `том`.
            clause = _that_clause(sent, c, cue.first)
            if clause is not None:
                return clause
            continue
        if tokens[c].pos not in {"NOUN", "PROPN"}:
            continue  # `о котором говорил Песков`: the topic is named elsewhere
        ids = [t.index for t in sent.subtree(c)]
        lo, hi = min(ids), max(ids)
        if hi < cue.first and not any(tokens[i].text in ",;:" for i in range(lo, hi + 1)):
            return _trim(sent, lo, hi)
    return None


def _that_clause(sent: Sentence, that: int, before: int) -> tuple[int, int] | None:
    """The `что`-clause hung on `том` (`о том, что …`), ending before `before`."""
    tokens = sent.tokens
    for k in tokens[that].children:
        clause = tokens[k]
        if k <= that or k >= before or clause.rel not in {"acl", "ccomp", "advcl"}:
            continue
        marks = [m for m in clause.children if tokens[m].rel == "mark"]
        if not marks or norm(tokens[marks[0]].text) not in COMPLEMENTISERS:
            continue
        ids = [t.index for t in sent.subtree(k)]
        hi = min(max(ids), before - 1)
        return _trim(sent, marks[0] + 1, hi)
    return None
