"""Claims whose words are the sentence before: `Об этом сообщил X`, `Это
подтвердил X`, `Такое мнение высказал X` (GUIDELINES "What a cue must
introduce": `этом` points back to the sentence just before).
"""

from __future__ import annotations

from . import speakers
from .claims import (
    CLOSING,
    INDIRECT,
    OPENING,
    Claim,
    Context,
    _trim,
    cites_document,
    content_start,
    name_in_marks,
)
from .cues import Cue, norm
from .morph import lemmas
from .text import Sentence, Token

_NEXT_CLAUSE = frozenset({"однако", "но", "а", "хотя", "и"})


def _this_object(ctx: Context, sent: Sentence, cue: Cue) -> bool:
    """`Это подтвердил X` opening a sentence, with nothing reported after the
    cue: `это` points back to the sentence before, as `Об этом` does."""
    tokens = sent.tokens
    first = content_start(sent)
    if first >= cue.first or norm(tokens[first].text) != "это":
        return False
    if any(t.text == "," for t in tokens[first : cue.first]):
        return False
    if sent.parsed:
        this = tokens[first]
        # The parser may take `Это` for the subject when the real one follows.
        other = any(tokens[c].rel == "nsubj" and c != first for c in tokens[cue.head].children)
        rels = {"obj", "nsubj:pass"} | ({"nsubj"} if other else set())
        if this.head != cue.head or this.rel not in rels:
            return False
    # Nothing of its own after the cue (`Это подтвердил, что …` reports a
    # clause), but a relay may follow: `Это сообщила мать, передает ТАСС`.
    later = [c.first for c in ctx.cues[sent.index] if c.first > cue.last]
    end = later[0] - 1 if later else len(tokens)
    for i in range(cue.last + 1, end - 1):
        if tokens[i].text == "," and norm(tokens[i + 1].text) in _NEXT_CLAUSE:
            end = i  # `…, однако в подробности не вдавалась`: a clause of its own
            break
    rest = [t for t in tokens[cue.last + 1 : end] if t.text in {",", ":"}]
    return not rest and not _quoting(tokens, cue.last + 1, end)


def _so_said(ctx: Context, sent: Sentence, cue: Cue) -> bool:
    """`«…». Так главный тренер Игорь Самсонов прокомментировал поражение`:
    `Так` (or `Такими словами`) opening the sentence right after a quote
    points back to it, as `Об этом` does (not `Так, …`: for example)."""
    tokens = sent.tokens
    # (Not content_start: `Так` is a linking word it would skip.)
    first = next((t.index for t in tokens if t.pos != "PUNCT"), len(tokens))
    if first + 1 >= len(tokens):
        return False
    pointer = norm(tokens[first].text)
    if pointer in {"такими", "этими"} and norm(tokens[first + 1].text) == "словами":
        first += 1  # `Такими словами X прокомментировал …`
    elif pointer != "так":
        return False
    if tokens[first + 1].pos == "PUNCT" or cue.first - first > 12 or cue.first <= first:
        return False
    if any(t.text in ",:" for t in tokens[first : cue.first]):
        return False
    before = ctx.view[: sent.start].rstrip().rstrip(".!?…").rstrip()
    if before[-1:] in CLOSING:
        return True
    # `Пик придется на декабрь. Так считает заведующий лабораторией X`: the
    # verb right after `Так`, and nothing of its own after the speaker.
    return (
        cue.first == first + 1
        and "opinion" in cue.tags
        and not any(t.text in ",:" or norm(t.text) == "что" for t in tokens[cue.last + 1 :])
    )


def _qualifies(tokens: list[Token], i: int) -> bool:
    """A participle's or a relative clause opens at token `i` (`,
    опубликованном в среду`, `, с которым ознакомился «Коммерсантъ»`)."""
    near = tokens[i : i + 2]
    return bool(near) and (
        near[0].feats.get("VerbForm") == "Part"
        or any(norm(t.text).startswith("котор") for t in near)
    )


def _quoting(tokens: list[Token], lo: int, hi: int) -> bool:
    """Marks between `lo` and `hi` round words of their own, not just a name
    (`Это подтвердил «Интерфаксу» представитель покупателя`: the outlet
    told)."""
    i = lo
    while i < hi:
        if tokens[i].text in OPENING:
            close = name_in_marks(tokens, i)
            if close is None or close >= hi:
                return True
            i = close
        i += 1
    return False


# `Такое мнение высказал X`: a view or statement named as the object points
# back to the sentence before, as `Об этом` does.
_SUCH = frozenset({"такое", "такую", "такой", "такие", "таким", "подобное", "подобную",
                   "подобным"})  # fmt: skip
_VIEWS = frozenset({"мнение", "заявление", "оценка", "предположение", "прогноз", "вывод",
                    "позиция", "версия", "точка", "мысль", "опасение", "надежда",
                    "данные", "информация", "сведения", "цифра"})  # fmt: skip


def _such_a_view(ctx: Context, sent: Sentence, cue: Cue) -> bool:
    """`Такое мнение высказал X`, `С таким заявлением выступил X`: the view
    named by `такой` is the sentence before."""
    tokens = sent.tokens
    view = _view_noun(sent)
    if view is None:
        return False
    if sent.index > 0 and any("quoteonly" not in c.tags for c in ctx.cues[sent.index - 1]):
        # `X, пишет Asia Times. Такие данные содержатся в докладах …`: the
        # sentence before has a source of its own; its words are not these.
        return False
    first, noun = view
    if first != cue.first and first + 1 >= cue.first:
        return False
    if noun.index > cue.head:
        return False
    # A relay may follow (`…, сообщает РБК`), but no words of its own
    # (`Такое мнение высказал X, добавив, что …`).
    later = [c for c in ctx.cues[sent.index] if c.first > cue.last]
    end = later[0].first if later else len(tokens)
    if later and any(t.text == "," or norm(t.text) == "что" for t in tokens[later[0].last + 1 :]):
        return False  # a cue with words of its own after it, not a relay
    if any(t.text == ":" for t in tokens[cue.last + 1 : end]) or _quoting(
        tokens, cue.last + 1, end
    ):
        return False
    if any(
        t.text == "," and not _qualifies(tokens, t.index + 1)
        for t in tokens[cue.last + 1 : end - 1]
    ):
        return False  # (`…, опубликованном в среду`: the document's own clause)
    return not sent.parsed or noun.head in {cue.head, cue.first}


def _about_this(sent: Sentence, cue: Cue) -> bool:
    tokens = sent.tokens
    for i in range(0, min(len(tokens) - 1, cue.last + 6)):
        if norm(tokens[i].text) in {"об", "о"} and norm(tokens[i + 1].text) == "этом":
            if sent.parsed and tokens[i + 1].head != cue.head and tokens[i + 1].rel == "obl":
                continue  # `заявило об этом, после того как X заявил, что …`: another cue's
            # `об этом человеке` names a topic; a bare `об этом` points back.
            nxt = tokens[i + 2] if i + 2 < len(tokens) else None
            return nxt is None or not _agrees_with_etom(nxt)
    return False


def _agrees_with_etom(token: Token) -> bool:
    """`об этом человеке`: a noun in the prepositional case after `этом` is
    the topic; `Об этом Дмитрий Медведев заявил` names the speaker next."""
    if token.pos not in {"NOUN", "ADJ", "PROPN"} or token.text[:1].isdigit():
        return False  # `Об этом 11 апреля сообщила`: a date, read as an adjective
    return token.feats.get("Case", "Loc") == "Loc"


def _about_this_claim(ctx: Context, cue: Cue) -> Claim | None:
    """`Об этом сообщил X`: the content is the sentence before."""
    sent = cue.sent
    if sent.index == 0:
        return None
    prev = ctx.sents[sent.index - 1]
    if not _predicates(prev) and prev.index > 0:
        # A caption line between the statement and `Об этом` (`Леннарт
        # Юханссон` under a photo) states nothing; `этом` points past it.
        prev = ctx.sents[prev.index - 1]
    if sent.paragraph - prev.paragraph > 2 or not _predicates(prev):
        return None
    span = _trim(prev, content_start(prev), len(prev.tokens) - 1)
    if span is None:
        return None
    mention = speakers.of_cue(cue, _view_phrase(sent))
    claim = Claim(span[0], span[1], INDIRECT, prev, cue, mention, "about-this", 0.6)
    # `Об этом говорится в сообщении ведомства`: later `В сообщении также
    # отмечается` is the same text's, its author the same.
    claim.document = cites_document(cue)
    return claim


def _view_phrase(sent: Sentence) -> tuple[int, int] | None:
    """`Такие данные` opening the sentence: what was said, never who said
    it, though the parse may make it the subject (`Такие данные приводит X`)."""
    view = _view_noun(sent)
    return (sent.tokens[view[0]].start, view[1].stop) if view is not None else None


def _view_noun(sent: Sentence) -> tuple[int, Token] | None:
    """`Такое мнение`, `С таким заявлением` opening the sentence: where
    `такой` stands and the noun of a view or report it goes with."""
    tokens = sent.tokens
    first = content_start(sent)
    if first < len(tokens) and norm(tokens[first].text) in {"с", "со"}:
        first += 1
    if first >= len(tokens) or norm(tokens[first].text) not in _SUCH:
        return None
    nouns = [t for t in tokens[first + 1 : first + 4] if lemmas(t.text) & _VIEWS]
    return (first, nouns[0]) if nouns else None


def _predicates(sent: Sentence) -> bool:
    """The sentence states something: it has a verb, a short form or a
    comparative (`Стоимость туров на 20% выше, чем год назад`)."""
    return any(
        t.pos in {"VERB", "AUX"}
        or t.feats.get("Variant") == "Short"
        or t.feats.get("Degree") == "Cmp"
        for t in sent.tokens
    )
