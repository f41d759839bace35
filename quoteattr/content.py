"""The reported span of each cue, and the quotes in marks.

Each function here turns one shape of reported speech into a `Claim`: a
draft attribution with its content span, its cue and the speaker's mention
as written. Resolving that mention to a name is the next stage's job.
"""

from __future__ import annotations

import bisect
import functools
import re
from typing import Any

import attrs

from . import lexicon, marks, speakers
from .cues import SOURCE, VERB, Cue, norm
from .marks import Part, Quoted
from .morph import lemmas
from .speakers import Mention
from .text import Sentence, Token

COMPLEMENTISERS = {"что", "будто", "чтобы", "якобы", "дескать"}
QUESTION_WORDS = {
    "ли", "когда", "как", "где", "почему", "зачем", "кто", "какой", "какая", "какие",
    "каким", "сколько", "куда", "откуда", "чем", "кого", "кому",
}  # fmt: skip
ABOUT = {"о", "об", "обо"}
DASHES = {"—", "–", "-", "--"}
OPENING = set("«„“\"'‘")
CLOSING = set("»“”\"'’")

_UNIT_SIGNS = {"%", "‰", "°", "$", "€", "£", "¥", "₽"}

DIRECT = "direct"
INDIRECT = "indirect"
MIXED = "mixed"


@attrs.define(slots=True)
class Claim:
    """A draft attribution: content span, cue, and the speaker as written."""

    start: int
    stop: int
    kind: str
    sent: Sentence
    cue: Cue | None = None
    mention: Mention | None = None
    how: str = ""  # the shape that produced it: clause, topic, post, source, …
    confidence: float = 0.8
    document: bool = False  # the cue points at a document (`говорится в заявлении`)


@attrs.define(slots=True)
class Context:
    """One document as the extraction stages see it."""

    text: str  # the input
    view: str  # same length, typographic marks and dashes, for matching
    sents: list[Sentence]
    quoted: list[Quoted]  # outermost quote-mark pairs and dialogue speech
    names: list[list[tuple[int, int, str]]]  # NER spans per sentence
    cues: list[list[Cue]]
    starts: list[int] = attrs.field(init=False)
    closed: list[Quoted] = attrs.field(init=False)  # quotes with a closing mark
    closes: list[int] = attrs.field(init=False)  # their closing offsets, ascending
    chains: dict[int, tuple[Cue, str] | None] = attrs.field(init=False, factory=dict)

    def __attrs_post_init__(self) -> None:
        self.starts = [s.start for s in self.sents]
        self.closed = sorted((q for q in self.quoted if q.close is not None), key=_close)
        self.closes = [_close(q) for q in self.closed]

    def quote_before(self, offset: int) -> Quoted | None:
        """The last quote closed before `offset`."""
        i = bisect.bisect_left(self.closes, offset)
        return self.closed[i - 1] if i else None

    def sentence_at(self, offset: int) -> Sentence | None:
        i = bisect.bisect_right(self.starts, offset) - 1
        if i >= 0 and offset < self.sents[i].stop:
            return self.sents[i]
        return None


def _close(q: Quoted) -> int:
    assert q.close is not None
    return q.close


class Spans:
    """Claims (or anything with `start` and `stop`) sorted by start, so that
    the ones over a stretch are found without reading them all: a document
    with thousands of claims stays linear."""

    def __init__(self, items: list[Any]) -> None:
        self.items = sorted(items, key=lambda x: x.start)
        self.starts = [x.start for x in self.items]
        self.longest = max((x.stop - x.start for x in self.items), default=0)

    def over(self, start: int, stop: int) -> list[Any]:
        """The items that overlap [start, stop)."""
        lo = bisect.bisect_left(self.starts, start - self.longest)
        hi = bisect.bisect_left(self.starts, max(stop, start + 1))
        return [x for x in self.items[lo:hi] if x.stop > start and x.start < max(stop, start + 1)]


@functools.cache
def _linking() -> tuple[tuple[str, ...], ...]:
    phrases = [tuple(p.split()) for p in lexicon.load("linking")]
    return tuple(sorted(phrases, key=len, reverse=True))


def content_start(sent: Sentence, first: int = 0) -> int:
    """Index of the first content token from `first`: no dash, no `Но`, `Кроме того,`."""
    tokens = sent.tokens
    i = first
    while True:
        while i < len(tokens) and (tokens[i].text in DASHES or tokens[i].text in ",:;"):
            i += 1
        for words in _linking():
            n = len(words)
            if i + n < len(tokens) and tuple(norm(t.text) for t in tokens[i : i + n]) == words:
                # `А это …`: a conjunction before the content; `Также, …`.
                i += n
                break
        else:
            return i


def _trim(sent: Sentence, first: int, last: int) -> tuple[int, int] | None:
    """Character span of tokens first..last without punctuation at the ends.

    Quote marks stay: they belong to a quoted fragment inside the content.
    """
    tokens = sent.tokens
    while first <= last and _edge_punct(tokens[first], opening=True):
        first += 1
    while last >= first and _edge_punct(tokens[last], opening=False):
        last -= 1
    if first > last:
        return None
    return tokens[first].start, tokens[last].stop


def _edge_punct(token: Token, opening: bool) -> bool:
    if token.pos != "PUNCT" and not all(not c.isalnum() for c in token.text):
        return False
    if token.text in _UNIT_SIGNS:
        return False  # `до 22%`: a unit is a word, not a final stop
    marks = OPENING if opening else CLOSING
    if token.text in marks:
        return False
    return not (not opening and token.text in {")", "?", "!", "…"})


def _later_cue_cut(ctx: Context, cue: Cue, first: int) -> int:
    """Last content token: a gerund or a second verb of the same speaker ends it.

    `заявила о разработке плана, отметив, что …` holds two claims; the first
    runs only to the comma before `отметив`.
    """
    sent = cue.sent
    last = len(sent.tokens) - 1
    for other in ctx.cues[sent.index]:
        if other.head <= first or other is cue:
            continue
        token = sent.tokens[other.head]
        sibling = token.head == cue.head and token.rel in {"advcl", "conj", "parataxis"}
        if sibling or (not sent.parsed and other.first > first):
            cut = other.first - 1
            while cut > first and sent.tokens[cut].pos in {"PUNCT", "CCONJ"}:
                cut -= 1
            return min(last, cut)
    return last


def _new_speaker_cut(ctx: Context, sent: Sentence, first: int, last: int) -> int:
    """Last content token before a coordinated clause with a speech act of its own.

    `сообщали о двух погибших, однако потом ГИБДД опровергли эту
    информацию`: the clause after `, однако` reports someone else's words,
    not the first speaker's. A clause after `, но` with no cue stays content.
    """
    tokens = sent.tokens
    for other in ctx.cues[sent.index]:
        verb = tokens[other.head]
        if not first < other.first <= last or other.type == SOURCE or "quoteonly" in other.tags:
            continue  # `продолжает работать`: not a second act of saying
        if verb.feats.get("VerbForm") != "Fin":
            continue
        if norm(tokens[other.first - 1].text) == "и" and other.first - 2 > first:
            # `напомнил, что X и подчеркнул, что Y`: a second act of saying.
            cut = other.first - 2
            while cut > first and tokens[cut].pos == "PUNCT" and tokens[cut].text not in CLOSING:
                cut -= 1
            return cut
        i = other.first - 1
        while i > first and tokens[i].text not in ",;:—–":
            i -= 1
        if i > first and tokens[i].text == "," and _links(sent, i + 1):
            cut = i - 1
            while cut > first and tokens[cut].pos == "PUNCT" and tokens[cut].text not in CLOSING:
                cut -= 1
            return cut
    return last


def _links(sent: Sentence, i: int) -> bool:
    """A linking word or phrase (`однако`, `но`, `а`, `при этом`) starts at `i`."""
    words = tuple(norm(t.text) for t in sent.tokens[i : i + 3])
    return any(words[: len(phrase)] == phrase for phrase in _linking())


def _colon_cut(sent: Sentence, first: int, last: int) -> int:
    """`подчеркнул, что X: Если он попросит, мы …`: the colon opens the
    speaker's own words; the reported clause ends before it."""
    tokens = sent.tokens
    for i in range(first + 1, last):
        nxt = tokens[i + 1]
        if tokens[i].text == ":" and (nxt.text in OPENING or nxt.text[:1].isupper()):
            return i - 1
    return last


def _clause_end(ctx: Context, cue: Cue, first: int) -> int:
    """Last token of the reported clause starting at `first`.

    The clause runs to the end of the sentence unless the cue verb goes on
    with a predicate of its own: a coordinated verb (`заявил о намерениях и
    сделал предложения`, `…, однако лидер оппозиции назвал …`) or a gerund
    (`…, отметив, что`). Other cues of the same speaker cut it too.
    """
    sent = cue.sent
    end = len(sent.tokens) - 1
    last = _later_cue_cut(ctx, cue, first)
    last = min(last, _new_speaker_cut(ctx, sent, first, end), _colon_cut(sent, first, last))
    if not sent.parsed:
        return last
    tokens = sent.tokens
    if tokens[cue.head].feats.get("VerbForm") == "Part" and tokens[cue.head].rel != "root":
        # `Сифуэнтес, заявивший, что X, обсуждал …`: the participle phrase,
        # and the clause it holds, end where its subtree ends.
        last = min(last, max(t.index for t in sent.subtree(cue.head)))
        while last > first and tokens[last].pos == "PUNCT" and tokens[last].text not in CLOSING:
            last -= 1
    for c in tokens[cue.head].children:
        t = tokens[c]
        if c <= first + 1 or c > last:
            continue
        if t.rel == "conj" or (t.rel == "advcl" and t.feats.get("VerbForm") == "Conv"):
            # Cut before the conjunction and comma that introduce it.
            begin = min([c, *(k for k in t.children if tokens[k].rel in {"cc", "punct"} and k < c)])
            cut = begin - 1
            while cut > first and tokens[cut].pos == "PUNCT" and tokens[cut].text not in CLOSING:
                cut -= 1
            last = min(last, cut)
    return last


def _clause_after(sent: Sentence, cue: Cue) -> int | None:
    """First token of a `что`/`ли`/wh-clause the cue introduces, or None."""
    tokens = sent.tokens
    if sent.parsed:
        for c in tokens[cue.head].children:
            if c <= cue.last or tokens[c].rel not in {
                "ccomp",
                "advcl",
                "csubj",
                "parataxis",
                "obj",
            }:
                continue
            for m in tokens[c].children:
                word = norm(tokens[m].text)
                if m > cue.last and tokens[m].rel == "mark" and word in COMPLEMENTISERS:
                    return _after_comp(sent, _first_comp(sent, cue.last + 1, m))
    # Surface: the cue, a few words of speaker or adverbial, a comma, `что`.
    i = cue.last + 1
    while i < len(tokens) and i <= cue.last + 12:
        tok = tokens[i]
        word = norm(tok.text)
        if tok.text == ",":
            nxt = norm(tokens[i + 1].text) if i + 1 < len(tokens) else ""
            if nxt in COMPLEMENTISERS:
                return _after_comp(sent, i + 1)
            if nxt in QUESTION_WORDS and nxt != "ли":
                return min(i + 2, len(tokens) - 1)
            if i + 2 < len(tokens) and norm(tokens[i + 2].text) == "ли":
                return i + 1
            if i + 1 == len(tokens):
                return None  # `Путин заявил,` at a line's end: nothing follows here
            if nxt not in {"в", "на", "по", "а"} and tokens[i + 1].pos in {"VERB", "AUX"}:
                return None
        elif (
            tok.text in {":", ".", ";", "!", "?"}
            or tok.text in OPENING
            or (tok.pos in {"VERB", "AUX"} and tok.feats.get("VerbForm") == "Fin")
        ):
            return None
        elif word in COMPLEMENTISERS and i == cue.last + 1:
            return _after_comp(sent, i)
        i += 1
    return None


def _first_comp(sent: Sentence, start: int, found: int) -> int:
    """The first `, что` after the cue: the parse may hang a deeper clause
    on the cue (`отмечает, что поняла, что письмо отправлено`)."""
    tokens = sent.tokens
    for i in range(start + 1, found):
        if tokens[i - 1].text == "," and norm(tokens[i].text) == norm(tokens[found].text):
            return i
    return found


def _after_comp(sent: Sentence, i: int) -> int:
    """Skip the complementiser and a comma right after it (`что, если …`)."""
    i += 1
    while i < len(sent.tokens) and sent.tokens[i].text == ",":
        i += 1
    return min(i, len(sent.tokens) - 1)


def _topic_after(sent: Sentence, cue: Cue) -> int | None:
    """`заявила о разработке плана`: the `о`-phrase right after the cue."""
    tokens = sent.tokens
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


def _coordinated_cut(sent: Sentence, cue: Cue, first: int, last: int) -> int:
    """`заявил о своих намерениях и сделал предложения`: a topic has no
    predicate of its own, so a finite verb after `и` that agrees with the
    cue is the speaker's next act and ends the topic."""
    tokens = sent.tokens
    verb = tokens[cue.head]
    for i in range(first + 1, last):
        nxt = tokens[i + 1]
        if norm(tokens[i].text) == "и" and nxt.feats.get("VerbForm") == "Fin" and _agree(verb, nxt):
            cut = i - 1
            while cut > first and tokens[cut].pos == "PUNCT":
                cut -= 1
            return cut
    return last


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
        if tokens[c].pos not in {"NOUN", "PROPN"}:
            continue  # `о котором говорил Песков`: the topic is named elsewhere
        ids = [t.index for t in sent.subtree(c)]
        lo, hi = min(ids), max(ids)
        if hi < cue.first and not any(tokens[i].text in ",;:" for i in range(lo, hi + 1)):
            return _trim(sent, lo, hi)
    return None


def _thing_as_subject(sent: Sentence, cue: Cue) -> bool:
    """The cue's subject is a common noun for a thing (`проверка`, `опрос`)."""
    if not sent.parsed:
        return False
    tokens = sent.tokens
    for c in tokens[cue.head].children:
        t = tokens[c]
        if t.rel == "nsubj" and t.pos == "NOUN" and t.feats.get("Animacy") == "Inan":
            return not speakers.is_institution(t)
    return False


def _colon_after(sent: Sentence, cue: Cue) -> int | None:
    tokens = sent.tokens
    for i in range(cue.last + 1, min(len(tokens), cue.last + 10)):
        if tokens[i].text == ":":
            return i + 1 if i + 1 < len(tokens) else None
        if tokens[i].pos == "PUNCT" and tokens[i].text not in {"«", "»", '"'}:
            return None
    return None


def _postposed(sent: Sentence, cue: Cue) -> int | None:
    """`CONTENT, — заявил X` / `CONTENT, отметил X`: the last content token."""
    i = cue.first - 1
    tokens = sent.tokens
    seen = False
    while (
        i >= 0 and tokens[i].pos == "PUNCT" and (tokens[i].text in DASHES or tokens[i].text == ",")
    ):
        seen = True
        i -= 1
    if not seen or i < 0 or not _free_standing(sent, cue):
        return None
    return i


# Relations of a predicate inside another clause: a verb there is part of
# the content or of a noun phrase, not a cue put after its content.
_DEPENDENT_RELS = {"acl", "acl:relcl", "amod", "ccomp", "xcomp", "csubj"}


def _free_standing(sent: Sentence, cue: Cue) -> bool:
    """A postposed cue stands alone after its content: `…, отметил Чистов`.

    Not `…, не имеющий рейтингов, допустил просрочку` (the verb has its
    subject before it and a noun object after it: a predicate of the
    content) nor `…, допускал ли этот регион` (an indirect question).
    """
    tokens = sent.tokens
    nxt = tokens[cue.last + 1] if cue.last + 1 < len(tokens) else None
    if nxt is not None and norm(nxt.text) == "ли":
        return False
    verb = tokens[cue.head]
    if verb.feats.get("VerbForm") == "Conv":
        return False  # `…, объяснив их опьянением`: a gerund adds to its own clause
    if not sent.parsed:
        return True
    if verb.rel in _DEPENDENT_RELS:
        return False
    for c in verb.children:
        child = tokens[c]
        if c < cue.first and child.rel in {"nsubj", "nsubj:pass"}:
            return False
        if c > cue.last and child.rel == "obj" and child.pos == "NOUN":
            return False
    return True


def _resumes_after(sent: Sentence, cue: Cue) -> bool:
    """The sentence goes on after the cue and its speaker, past a comma."""
    tokens = sent.tokens
    mention = speakers.of_cue(cue)
    end = mention.tokens[-1] if mention is not None else cue.last
    end = max(end, cue.last)
    rest = [t for t in tokens[end + 1 :] if t.pos != "PUNCT"]
    return bool(rest) and end + 1 < len(tokens) and tokens[end + 1].text == ","


def _about_this(sent: Sentence, cue: Cue) -> bool:
    tokens = sent.tokens
    for i in range(0, min(len(tokens) - 1, cue.last + 6)):
        if norm(tokens[i].text) in {"об", "о"} and norm(tokens[i + 1].text) == "этом":
            # `об этом человеке` names a topic; a bare `об этом` points back.
            nxt = tokens[i + 2] if i + 2 < len(tokens) else None
            return nxt is None or not _agrees_with_etom(nxt)
    return False


def _agrees_with_etom(token: Token) -> bool:
    """`об этом человеке`: a noun in the prepositional case after `этом` is
    the topic; `Об этом Дмитрий Медведев заявил` names the speaker next."""
    if token.pos not in {"NOUN", "ADJ", "PROPN"}:
        return False
    return token.feats.get("Case", "Loc") == "Loc"


def verb_claim(ctx: Context, cue: Cue) -> Claim | None:
    """Indirect speech around a verb cue: clause, topic, colon, postposed, `как`."""
    sent = cue.sent
    tokens = sent.tokens
    verb = tokens[cue.head]
    if verb.feats.get("Person") == "1" and "impersonal" not in cue.tags:
        return None  # `Напомним`, `Отметим`: the journalist, not a source
    if "quoteonly" in cue.tags:
        return None  # `усмехнулся`, `поздравил`: speech only next to a quote
    if verb.feats.get("VerbForm") == "Inf":
        return None  # `Следует отметить, что`, `призвали сообщить`: no act of saying
    if (
        "impersonal" in cue.tags
        and sent.parsed
        and any(tokens[c].rel in {"nsubj", "nsubj:pass"} for c in verb.children)
    ):
        return None  # `Симптомы отмечались и у …`: a passive with a subject is not speech
    if "testimony" in cue.tags and _thing_as_subject(sent, cue):
        return None  # `проверка показала, что`: a finding, not speech
    short_passive = verb.feats.get("Variant") == "Short" and verb.feats.get("Voice") == "Pass"
    how = None
    span = None
    as_clause = norm(tokens[cue.first].text) == "как"
    if _about_this(sent, cue):
        return _about_this_claim(ctx, cue)
    if as_clause:
        span, how = _as_clause(ctx, cue), "as"
    if span is None and "naming" not in cue.tags:
        first = _clause_after(sent, cue)
        if first is not None:
            span, how = _trim(sent, first, _clause_end(ctx, cue, first)), "clause"
    if span is None and short_passive:
        return None  # `написан в память о …`: only `было заявлено, что` reports
    if (
        span is None
        and "naming" not in cue.tags
        and not cue.tags & {"opinion", "noabout", "request"}
    ):
        first = _topic_after(sent, cue)
        if first is not None:
            last = _coordinated_cut(sent, cue, first, _clause_end(ctx, cue, first))
            span, how = _trim(sent, first, last), "topic"
        else:
            span, how = _topic_before(sent, cue), "topic"
    if span is None and "naming" not in cue.tags:
        first = _colon_after(sent, cue)
        if first is not None and tokens[first].text not in OPENING:
            span, how = _trim(sent, first, len(tokens) - 1), "colon"
    if span is None and not as_clause:
        last = _postposed(sent, cue)
        if last is not None:
            first = content_start(sent)
            if first <= last:
                span, how = _trim(sent, first, last), "post"
                resumed = _resumes_after(sent, cue)
                if resumed:
                    # `Без сомнения, пишет газета, речь идет о …`: one claim.
                    span, how = _trim(sent, first, len(tokens) - 1), "post-inside"
    if span is None:
        return None
    start, stop = span
    mention = speakers.of_cue(cue, span)
    claim = Claim(start, stop, INDIRECT, sent, cue, mention, how, _confidence(how, mention))
    claim.document = cites_document(cue)
    return claim


def cites_document(cue: Cue) -> bool:
    """`говорится в заявлении`, `В заявлении подчеркивается`: the words of a text."""
    tokens = cue.sent.tokens
    near = tokens[max(0, cue.first - 3) : cue.last + 4]
    return "impersonal" in cue.tags and any(speakers.is_document(t) for t in near)


def _as_clause(ctx: Context, cue: Cue) -> tuple[int, int] | None:
    """`Как сообщил X, CONTENT` or `CONTENT, как сообщил X`."""
    sent = cue.sent
    tokens = sent.tokens
    first = content_start(sent)
    mention = speakers.of_cue(cue)
    end = max(cue.last, mention.tokens[-1] if mention else cue.last)
    if cue.first > first:
        if _resumes_after(sent, cue):
            # `В Mail.ru, как рассказали в пресс-службе, работает поиск`
            return _trim(sent, first, len(tokens) - 1)
        last = cue.first - 1
        while last > first and tokens[last].pos == "PUNCT":
            last -= 1
        return _trim(sent, first, last)
    for i in range(end + 1, len(tokens)):
        if tokens[i].text == ",":
            first = content_start(sent, i + 1)
            last = len(tokens) - 1
            return _trim(sent, first, _new_speaker_cut(ctx, sent, first, last))
    if mention is not None and end + 1 < len(tokens):
        # `Как сообщило министерство здравоохранения в больницах …`: no comma.
        return _trim(sent, end + 1, len(tokens) - 1)
    return None


def source_claim(ctx: Context, cue: Cue) -> Claim | None:
    """`По словам X, CONTENT`, `CONTENT, по его мнению`, `…, по данным X, …`."""
    sent = cue.sent
    tokens = sent.tokens
    mention = speakers.of_cue(cue)
    end = cue.last
    if mention is not None:
        end = max(end, mention.tokens[-1])
    first = content_start(sent)
    after = _source_phrase_end(sent, end) + 1
    while (
        after < len(tokens) and tokens[after].pos == "PUNCT" and tokens[after].text not in OPENING
    ):
        after += 1
    if cue.first <= first:
        if after >= len(tokens):
            return None
        span = _trim(sent, content_start(sent, after), len(tokens) - 1)
        how = "source"
    elif after >= len(tokens):
        span = _trim(sent, first, cue.first - 1)
        how = "source-post"
    else:
        # A cue set off by commas inside the claim does not cut it.
        span = _trim(sent, first, len(tokens) - 1)
        how = "source-inside"
    if span is None:
        return None
    conf = _confidence(how, mention)
    return Claim(span[0], span[1], INDIRECT, sent, cue, mention, how, conf)


def _source_phrase_end(sent: Sentence, end: int) -> int:
    """Last token of a source phrase: its source and a date, a place or `со
    ссылкой на Y` after it, up to the comma (`По данным Минфина на 1 мая, …`).

    Only a short run with no predicate: a longer one is the content itself
    (`По его словам Россия готова …`, no comma).
    """
    tokens = sent.tokens
    for i in range(end + 1, min(len(tokens), end + 1 + _SOURCE_TAIL)):
        tok = tokens[i]
        if tok.text == ",":
            return _relative_end(sent, i) - 1
        if tok.pos in {"VERB", "AUX", "PUNCT", "SCONJ", "CCONJ", "PRON"} or _starts_clause(tok):
            break
    return end


def _starts_clause(token: Token) -> bool:
    """A subject or a short predicate: the content has begun (`По его
    словам Россия готова …`)."""
    nominal = token.pos in {"NOUN", "PROPN"} and token.feats.get("Case") == "Nom"
    return nominal or token.feats.get("Variant") == "Short"


def _relative_end(sent: Sentence, comma: int) -> int:
    """`По словам министра, который выступил в Думе, …`: the relative clause
    describes the source; the comma after it closes the phrase."""
    tokens = sent.tokens
    if comma + 1 >= len(tokens) or "который" not in lemmas(tokens[comma + 1].text):
        return comma
    for i in range(comma + 2, len(tokens) - 1):
        if tokens[i].text == ",":
            return i
    return comma


# At most this many words between the source and the comma closing its phrase.
_SOURCE_TAIL = 6


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
    mention = speakers.of_cue(cue)
    return Claim(span[0], span[1], INDIRECT, prev, cue, mention, "about-this", 0.6)


def _predicates(sent: Sentence) -> bool:
    """The sentence states something: it has a verb (or a short form)."""
    return any(t.pos in {"VERB", "AUX"} or t.feats.get("Variant") == "Short" for t in sent.tokens)


def _confidence(how: str, mention: Mention | None) -> float:
    base = {
        "clause": 0.9, "source": 0.9, "source-inside": 0.85, "source-post": 0.85,
        "as": 0.85, "post": 0.75, "topic": 0.7, "colon": 0.7,
    }.get(how, 0.6)  # fmt: skip
    return round(base if mention else base * 0.8, 3)


# ---------------------------------------------------------------- direct


def direct_claims(ctx: Context) -> list[Claim]:
    """Quotes in marks and dialogue speech, with the cue that introduces them.

    A quote the narrator interrupts (`«Мы готовы, — сказал он. — Но не
    сейчас»`) gives one claim per part (marks.quoted_parts), each with the
    remark's cue.
    """
    claims: list[Claim] = []
    parts = _parts(ctx)
    for q in ctx.quoted:
        if q.stop <= q.start:
            continue
        for part in parts.get(q) or [Part(q.start, q.stop, q)]:
            cue = None
            if part.remark is not None:
                cue = _cue_in(ctx, part.remark[0], part.remark[1], limit=_REMARK_LEAD)
            claim = _direct(ctx, q, (part.start, part.stop, cue))
            if claim is not None:
                claims.append(claim)
    return claims


def _parts(ctx: Context) -> dict[Quoted, list[Part]]:
    """The parts of each quote, split where the narrator's remark interrupts it.

    Split on the whole of find_quoted's result, so that a dash inside a
    nested pair stays that pair's.
    """
    found: dict[Quoted, list[Part]] = {}
    for part in marks.quoted_parts(ctx.text):
        found.setdefault(part.quote, []).append(part)
    return found


# Words allowed before the cue of a narrator's remark (`— Путин сказал`).
_REMARK_LEAD = 2


def _cue_in(ctx: Context, start: int, stop: int, limit: int = 4) -> Cue | None:
    """A verb cue among the first few words from `start`."""
    sent = ctx.sentence_at(start)
    if sent is None:
        return None
    words = 0
    for tok in sent.tokens:
        if tok.start < start:
            continue
        if tok.start >= stop or words >= limit:
            break
        for cue in ctx.cues[sent.index]:
            if cue.first <= tok.index <= cue.last and cue.type != SOURCE:
                return cue
        if tok.pos != "PUNCT":
            words += 1
    return None


def _direct(ctx: Context, q: Quoted, part: tuple[int, int, Cue | None]) -> Claim | None:
    start, stop, cue = part
    while start < stop and ctx.text[start].isspace():
        start += 1
    while stop > start and ctx.text[stop - 1].isspace():
        stop -= 1
    if stop <= start:
        return None
    sent = ctx.sentence_at(start) or ctx.sentence_at(q.open)
    if sent is None:
        return None
    how = "direct"
    # The words of this claim: the part of an interrupted quote, so that the
    # narrator's remark between the parts (`— пояснила Алла Бут. —`) stays
    # open to the speaker search; else the whole quote, marks included.
    whole = (q.open, (q.close if q.close is not None else q.stop) + 1)
    content = (start, stop) if cue is not None else whole
    if cue is None:
        cue, how = _cue_right(ctx, q)
    if cue is None:
        cue, how = _cue_left(ctx, q)
    mention = None
    if cue is not None and "message" in cue.tags:
        mention = _message_speaker(cue, content)
    elif cue is not None:
        mention = _passive_agent(cue.sent, cue.head, _tokens_in(cue.sent, content))
        if mention is None:
            mention = speakers.of_cue(cue, content)
        if mention is None and how == "direct-post":
            mention = _nominative_after(cue, _tokens_in(cue.sent, content))
        if mention is None and cue.sent.parsed is False:
            mention = speakers.after_cue(cue, ctx.names[cue.sent.index])
    elif how == "headline":
        mention = _headline_speaker(ctx, q)
    conf = 0.95 if cue is not None else 0.6
    kind = DIRECT
    document = cue is not None and "message" not in cue.tags and cites_document(cue)
    if how == "naming" and cue is not None:
        # `назвал ситуацию «неприемлемой»`: the whole object, marks included.
        first = content_start(cue.sent, cue.last + 1)
        if first < len(cue.sent.tokens) and cue.sent.tokens[first].start < q.open:
            start = cue.sent.tokens[first].start
            stop = q.close + 1 if q.close is not None else q.stop
            kind, conf = MIXED, 0.7
    return Claim(start, stop, kind, sent, cue, mention, how, conf, document)


def _nominative_after(cue: Cue, blocked: set[int]) -> Mention | None:
    """`«…», — сокрушается другой собеседник РБК`: the parse may take the
    subject after a postposed cue for its object; a nominative noun that
    agrees with the verb's number is the subject."""
    sent = cue.sent
    tokens = sent.tokens
    verb = tokens[cue.head]
    for c in verb.children:
        t = tokens[c]
        if c <= cue.last or c in blocked or t.pos not in {"NOUN", "PROPN"}:
            continue
        nominative = t.feats.get("Case") == "Nom"
        agrees = t.feats.get("Number") == verb.feats.get("Number", t.feats.get("Number"))
        if t.rel in {"obj", "obl", "nmod"} and nominative and agrees:
            return speakers.phrase(sent, c, blocked)
    return None


def _tokens_in(sent: Sentence, span: tuple[int, int]) -> set[int]:
    return {t.index for t in sent.tokens if span[0] <= t.start < span[1]}


def _cue_right(ctx: Context, q: Quoted) -> tuple[Cue | None, str]:
    """`«…», — сказал он` / `«…» — сказал он` / `«…», сказал он`."""
    end = (q.close + 1) if q.close is not None else q.stop
    view = ctx.view
    i = end
    while i < len(view) and view[i] in " \u00a0,.!?…":
        i += 1
    if i < len(view) and view[i] in "—–-":
        i += 1
    elif view[end:i].strip(" \u00a0") != ",":
        return None, ""
    para_end = view.find("\n", i)
    cue = _cue_in(ctx, i, para_end if para_end >= 0 else len(view))
    if cue is None or norm(cue.sent.tokens[cue.first].text) == "как":
        return None, ""  # `«…», как подчеркнула X, …` reports the whole sentence
    after = view[cue.stop : para_end if para_end >= 0 else len(view)]
    words = len(ctx.text[q.start : q.stop].split())
    if ":" in after.split(".")[0] and not (_opens_sentence(ctx, q) and words >= 3):
        # `новых «Звёздных войн», заявил: «…»`: the cue is the next quote's.
        # A quote that opens the sentence shares it (`«Я имею три цели»,
        # сказал Симони: «Одна из них — …»`).
        return None, ""
    if not _opens_sentence(ctx, q) and words < 6:
        return None, ""
    return cue, "direct-post"


def _opens_sentence(ctx: Context, q: Quoted) -> bool:
    """Nothing but white space, dashes or a colon before the mark in its sentence."""
    sent = ctx.sentence_at(q.open)
    if sent is None:
        return True
    before = ctx.view[sent.start : q.open].strip(" \u00a0—–-")
    return not before or before.endswith(":")


def _reaches_sentence_end(ctx: Context, q: Quoted) -> bool:
    """After the closing mark only punctuation, or an author remark, to the end."""
    end = q.close + 1 if q.close is not None else q.stop
    sent = ctx.sentence_at(end - 1)
    stop = sent.stop if sent is not None else len(ctx.view)
    rest = ctx.view[end:stop].strip()
    return not rest or rest[0] in ".!?…;" or rest.lstrip(", ")[:1] in {"—", "–"}


def _cue_left(ctx: Context, q: Quoted) -> tuple[Cue | None, str]:
    """`X сказал: «…»`, `заявил, что «…»`, `По словам X, «…»`, `X: «…»`."""
    view = ctx.view
    sent = ctx.sentence_at(q.open)
    left = view[sent.start : q.open].rstrip() if sent is not None else ""
    if sent is None or not left:
        # A quote opening a paragraph after `Путин заявил:` at the end of the
        # previous one.
        prev_end = view.rfind("\n", 0, q.open)
        before = view[:prev_end].rstrip() if prev_end > 0 else ""
        if before.endswith(":"):
            prev = ctx.sentence_at(len(before) - 1)
            if prev is not None:
                cues = [c for c in ctx.cues[prev.index] if c.type != SOURCE]
                if cues:
                    return cues[-1], "direct-colon"
        return None, ""
    cues = [c for c in ctx.cues[sent.index] if c.stop <= q.open]
    chained = _chained(ctx, q)
    if chained is not None:
        return chained
    if left.endswith(":"):
        if cues:
            return cues[-1], "direct-colon"
        message = _message_cue(ctx, q)
        if message[0] is not None:
            return message
        return None, "headline"
    if cues:
        last = cues[-1]
        between = view[last.stop : q.open]
        words = [t for t in sent.tokens if last.stop <= t.start < q.open and t.pos != "PUNCT"]
        whole = _reaches_sentence_end(ctx, q)
        quoted_words = ctx.text[q.start : q.stop].split()
        if last.type == SOURCE and between.rstrip().endswith(",") and whole:
            return last, "direct-source"
        tail = norm(left.split()[-1]) if left.split() else ""
        if (tail in COMPLEMENTISERS or left.endswith((", что", ",что"))) and whole:
            return last, "direct-clause"
        if len(words) <= 3 and "naming" in last.tags and last.token.feats.get("VerbForm") != "Part":
            return last, "naming"
        if last.type != SOURCE and len(words) <= 2 and whole and len(quoted_words) >= 2:
            # `отшучивается словами «…»`: a cue and a noun of words before the marks.
            return last, "direct-object"
    return _message_cue(ctx, q)


@functools.cache
def _message_nouns() -> dict[str, frozenset[str]]:
    return lexicon.load("message_nouns")


# A message noun after this preposition names an event (`под лозунгом «…»`).
_NAMING_PREPOSITIONS = {"под"}
# At most this many words between a message noun and the colon before the
# quote (`Комментарий шведского телевидения: «…»`).
_MESSAGE_COLON_WORDS = 4


def _message_tags(token: Token) -> frozenset[str] | None:
    """The tags of a message noun (`надписью`, `баннерами`), or None."""
    if token.pos not in {"NOUN", "PROPN", None}:
        return None
    table = _message_nouns()
    for form in lemmas(token.text) | {norm(token.text)}:
        tags = table.get(form)
        if tags is None:
            continue
        if "plural" in tags and token.feats.get("Number", "Plur") != "Plur":
            return None  # `слово «биткоин»`: a word named, not words said
        return tags
    return None


def _message_cue(ctx: Context, q: Quoted) -> tuple[Cue | None, str]:
    """`надписью «Мы вместе!»`, `записка: «…»`: a written message in marks
    brought in by a noun, with no speech verb (GUIDELINES "What a cue must
    introduce"). The noun is the cue."""
    sent = ctx.sentence_at(q.open)
    if sent is None:
        return None, ""
    tokens = sent.tokens
    before = [t for t in tokens if t.stop <= q.open]
    if not before:
        return None, ""
    colon = before[-1].text == ":"
    if colon:
        candidates = []
        for t in reversed(before[:-1]):
            if t.text in ",;:—–()" or len(candidates) >= _MESSAGE_COLON_WORDS:
                break
            if t.pos != "PUNCT":
                candidates.append(t)
    else:
        candidates = [before[-1]]
    inner = ctx.text[q.start : q.stop].strip()
    if not colon and len(inner.split()) < 2 and inner[-1:] not in {"!", "?"}:
        return None, ""  # `баннер «Газпрома»`: a name, not a message
    for noun in candidates:
        tags = _message_tags(noun)
        if tags is None or ("colon" in tags and not colon):
            continue
        if noun.index > 0 and norm(tokens[noun.index - 1].text) in _NAMING_PREPOSITIONS:
            return None, ""  # `под лозунгом «…»`: a slogan as the name of an event
        if any(c.head == noun.index for c in ctx.cues[sent.index]):
            return None, ""  # `по его словам «…»`: a source phrase, found as such
        cue = Cue(sent, noun.index, noun.index, noun.index, VERB, frozenset({"message"}))
        return cue, "message"
    return None, ""


def _message_speaker(cue: Cue, content: tuple[int, int]) -> Mention | None:
    """Who wrote a message: the noun's owner (`баннеры болельщиков`), the
    agent of a passive participle on it (`требований, выдвигаемых
    организаторами акции`), or the subject of the clause that holds it
    (`болельщики приветствовали Тихонова баннерами «…»`, through a relative
    clause: `он отправил смс, которые оканчивались словами «…»`). None when
    the message, or what carries it, is the subject (`В машине была
    записка: «…»`)."""
    sent = cue.sent
    if not sent.parsed:
        return None
    tokens = sent.tokens
    blocked = {t.index for t in tokens if content[0] <= t.start < content[1]} | {cue.head}
    found = _owner(sent, cue.head, blocked) or _passive_agent(sent, cue.head, blocked)
    if found is not None:
        return found
    node = cue.head
    gerund = False
    for _ in range(_MESSAGE_CLIMB):
        parent = tokens[node].head
        if parent < 0:
            return None
        if tokens[node].rel in {"nsubj", "nsubj:pass"}:
            return None  # `была записка`: the message itself is the subject
        gerund = gerund or tokens[node].feats.get("VerbForm") == "Conv"
        carrier = tokens[parent].pos in {"NOUN", "PROPN"} and not gerund and _with(sent, node)
        if carrier and tokens[parent].feats.get("Animacy") == "Anim" and parent not in blocked:
            # `мужчину с плакатом «…»`: the one who carries it.
            return speakers.phrase(sent, parent, blocked)
        holder = _holder_object(sent, node, parent)
        if holder is not None and holder not in blocked:
            return speakers.phrase(sent, holder, blocked)
        subj = next((c for c in tokens[parent].children if tokens[c].rel == "nsubj"), None)
        if subj is not None and subj not in blocked:
            if "который" in lemmas(tokens[subj].text):
                # `смс, которые оканчивались словами «…»`: on to the antecedent.
                node = parent
                continue
            # `Протестующие скандировали`: a participle as a noun speaks too.
            if tokens[subj].pos in {"NOUN", "PROPN", "PRON", "ADJ", "VERB"}:
                return speakers.phrase(sent, subj, blocked)
        node = parent
    return None


def _with(sent: Sentence, node: int) -> int | None:
    """The `с` of `с плакатом`, or None."""
    tokens = sent.tokens
    case = [k for k in tokens[node].children if tokens[k].rel == "case"]
    return case[0] if case and norm(tokens[case[0]].text) in {"с", "со"} else None


def _holder_object(sent: Sentence, node: int, verb: int) -> int | None:
    """`задержала мужчину с плакатом «…»`: the parse hangs `с плакатом` on
    the verb; the animate object right before it carries the message."""
    tokens = sent.tokens
    case = _with(sent, node)
    if case is None:
        return None
    for c in tokens[verb].children:
        t = tokens[c]
        if t.rel == "obj" and c < case and t.feats.get("Animacy") == "Anim":
            return c
    return None


# How far up the parse a message noun looks for the clause's subject
# (`спартаковцы выказали нежелание …, облачившись в футболки с изображением
# Карпина и надписью «…»` is seven steps).
_MESSAGE_CLIMB = 10


def _owner(sent: Sentence, noun: int, blocked: set[int]) -> Mention | None:
    """`баннеры болельщиков`, `Комментарий шведского телевидения`: a genitive
    owner who can speak."""
    tokens = sent.tokens
    for c in tokens[noun].children:
        t = tokens[c]
        if c in blocked or t.rel != "nmod" or t.feats.get("Case") != "Gen":
            continue
        if any(tokens[k].rel == "case" for k in t.children):
            continue  # `надпись на футболке`: a place, not an owner
        speaking = t.pos == "PROPN" or t.feats.get("Animacy") == "Anim"
        if speaking or speakers.is_institution(t):
            return speakers.phrase(sent, c, blocked)
    return None


def _passive_agent(sent: Sentence, noun: int, blocked: set[int]) -> Mention | None:
    """`требований, выдвигаемых организаторами акции`: the agent of a passive
    participle on the noun (or the participle itself) is who speaks."""
    tokens = sent.tokens
    verbs = [noun] if tokens[noun].feats.get("VerbForm") == "Part" else []
    verbs += [c for c in tokens[noun].children if tokens[c].feats.get("VerbForm") == "Part"]
    for v in verbs:
        if tokens[v].feats.get("Voice") != "Pass":
            continue
        for c in tokens[v].children:
            t = tokens[c]
            if c in blocked or t.pos not in {"NOUN", "PROPN"}:
                continue
            preposed = any(tokens[k].rel == "case" for k in t.children)
            if t.rel == "obl:agent" or (
                t.rel == "obl" and t.feats.get("Case") == "Ins" and not preposed
            ):
                return speakers.phrase(sent, c, blocked)
    return None


def _chained(ctx: Context, q: Quoted) -> tuple[Cue, str] | None:
    """`«…», говорит X, «…»` and `требования: «…», «…»`: the previous quote's cue.

    A list of quotes leads back to the cue before its first; the walk is a
    loop, and each quote's answer is kept, so a list of thousands of quotes
    costs no more than their number.
    """
    walked = []
    while q.open not in ctx.chains:
        step = _chain_step(ctx, q)
        if not isinstance(step, Quoted):
            ctx.chains[q.open] = step
            break
        walked.append(q)
        q = step
    found = ctx.chains[q.open]
    for w in walked:
        ctx.chains[w.open] = found
    return found


def _chain_step(ctx: Context, q: Quoted) -> tuple[Cue, str] | Quoted | None:
    """The chained cue of `q`, or the quote before it whose cue it shares."""
    prev = ctx.quote_before(q.open)
    if prev is None or prev.close is None:
        return None
    gap = ctx.view[prev.close + 1 : q.open]
    if "\n" in gap or len(gap) > 80:
        return None
    sent = ctx.sentence_at(q.open)
    if sent is None:
        return None
    stripped = gap.strip(" \u00a0,—–-")
    if not stripped or norm(stripped) in {"и", "или", "а также"}:
        # A list of quotes: the cue that introduced the first one, however
        # long the list (`баннерами «A», «B», «C»`).
        cue, how = _cue_left_plain(ctx, prev)
        if cue is None:
            cue, how = _message_cue(ctx, prev)
        if cue is None:
            return prev
        return cue, how
    cue = _cue_in(ctx, prev.close + 1, q.open)
    if cue is not None and gap.rstrip().endswith(","):
        return cue, "direct-resumed"
    return None


def _cue_left_plain(ctx: Context, q: Quoted) -> tuple[Cue | None, str]:
    sent = ctx.sentence_at(q.open)
    if sent is None:
        return None, ""
    left = ctx.view[sent.start : q.open].rstrip()
    cues = [c for c in ctx.cues[sent.index] if c.stop <= q.open]
    if left.endswith(":") and cues:
        return cues[-1], "direct-colon"
    return None, ""


def _headline_speaker(ctx: Context, q: Quoted) -> Mention | None:
    """`Песков: «…»` — the name before the colon speaks."""
    sent = ctx.sentence_at(q.open)
    if sent is None:
        return None
    before = [t for t in sent.tokens if t.stop <= q.open]
    if not before or before[-1].text != ":":
        return None
    return _headline_name(ctx, sent, before[-1].index)


def _headline_name(ctx: Context, sent: Sentence, colon: int) -> Mention | None:
    """The speaker of a headline `X: CONTENT`: X, a short name with no verb.

    X must name someone who can speak (a person, an organisation, a role):
    `Итог расследования: …`, `Взрыв в Киеве: …` are topics, and a dateline
    (`ЛОНДОН, 26 ноя`) has digits and commas.
    """
    if not sent.parsed:
        return None
    tokens = sent.tokens
    ids = [i for i in range(colon) if tokens[i].pos != "PUNCT"]
    if not ids or len(ids) > _HEADLINE_WORDS or any(tokens[i].text in ",;" for i in range(colon)):
        return None
    if any(tokens[i].pos in {"VERB", "AUX"} or _has_digit(tokens[i]) for i in ids):
        return None
    heads = [i for i in ids if tokens[i].head not in ids]
    head = heads[0] if heads else ids[0]
    if not _can_speak(ctx, sent, head):
        return None
    return speakers.phrase(sent, head, range(colon, len(tokens)))


def _has_digit(token: Token) -> bool:
    return any(c.isdigit() for c in token.text)


def _can_speak(ctx: Context, sent: Sentence, head: int) -> bool:
    """A person or organisation by NER, a proper name, or a role noun."""
    token = sent.tokens[head]
    tags = {t for s, e, t in ctx.names[sent.index] if s <= token.start < e}
    if tags & {"PER", "ORG"}:
        return True
    if "LOC" in tags:
        return False  # `Москва: …` is a place line, not a speaker
    if token.pos == "PROPN" and token.text[:1].isupper():
        return True
    return bool(lemmas(token.text) & lexicon.words("person_descriptors"))


# At most this many words before the colon of a headline `X: …`.
_HEADLINE_WORDS = 5


def headline_claims(ctx: Context, taken: list[Claim]) -> list[Claim]:
    """`Сергей Аксёнов: массовое убийство устроил студент`: X said CONTENT.

    Only a line of its own that opens with the name and a colon; the quote
    in marks after a colon (`Лавров: «…»`) is a direct claim found elsewhere.
    """
    found = []
    index = Spans(taken)
    for sent in ctx.sents:
        if sent.index > 0 and ctx.sents[sent.index - 1].paragraph == sent.paragraph:
            continue  # not the start of a line
        if ctx.cues[sent.index] or index.over(sent.start, sent.stop):
            continue
        colon = next((t.index for t in sent.tokens[: _HEADLINE_WORDS + 2] if t.text == ":"), None)
        if colon is None:
            continue
        nxt = colon + 1
        if nxt >= len(sent.tokens) or sent.tokens[nxt].start == sent.tokens[colon].stop:
            continue  # `File:Name.webm`: markup, not a headline
        first = content_start(sent, colon + 1)
        if first >= len(sent.tokens) - 1 or sent.tokens[first].text in OPENING:
            continue
        mention = _headline_name(ctx, sent, colon)
        span = _trim(sent, first, len(sent.tokens) - 1)
        if mention is None or span is None:
            continue
        found.append(Claim(span[0], span[1], INDIRECT, sent, None, mention, "headline", 0.6))
    return found


def colon_paragraphs(ctx: Context, taken: list[Claim]) -> list[Claim]:
    """`Пьер Делинь сказал:` and the next paragraph: his words, marks lost."""
    found = []
    by_paragraph: dict[int, list[Sentence]] = {}
    for sent in ctx.sents:
        by_paragraph.setdefault(sent.paragraph, []).append(sent)
    for p, sents in by_paragraph.items():
        last = sents[-1]
        if ctx.view[last.start : last.stop].rstrip()[-1:] != ":" or p + 1 not in by_paragraph:
            continue
        cues = ctx.cues[last.index]
        nxt = by_paragraph[p + 1]
        start, stop = nxt[0].start, nxt[-1].stop
        if not cues or ctx.view[start] in OPENING or ctx.view[start] in DASHES:
            continue
        if ctx.view[nxt[-1].start : nxt[-1].stop].rstrip()[-1:] == ":":
            continue  # `В министерстве подтвердили смерть:`: a report of its own
        if any(c.start <= start < c.stop for c in taken):
            continue
        while stop > start and ctx.text[stop - 1] in ". ":
            stop -= 1
        cue = cues[-1]
        mention = speakers.of_cue(cue, (start, stop))
        claim = Claim(start, stop, DIRECT, nxt[0], cue, mention, "direct-paragraph", 0.8)
        claim.document = cites_document(cue)
        found.append(claim)
    return found


# ---------------------------------------------------------------- together


def extract(ctx: Context) -> list[Claim]:
    """All claims of a document, in text order, one per act of saying."""
    direct = [
        c for c in direct_claims(ctx)
        if c.cue is not None or (c.how == "headline" and c.mention is not None)
    ]  # fmt: skip
    paragraphs = colon_paragraphs(ctx, direct)
    # A quote inside a paragraph of someone's words is part of them.
    direct = [c for c in direct if not any(_holds(p, c) for p in paragraphs)] + paragraphs
    loose = direct_claims_loose(ctx, direct)
    # A cue that brought in a paragraph after its colon may also have a
    # clause of its own before it (`рассказала, что X:` and her words).
    used = {
        (c.cue.sent.index, c.cue.head)
        for c in direct
        if c.cue is not None and c.how != "direct-paragraph"
    }
    # `заявила о политической ангажированности процесса: «…»`: a cue may
    # report a clause or a topic before the colon and then the quote.
    colon = {
        (c.cue.sent.index, c.cue.head): c.start for c in direct if c.how == "direct-colon" and c.cue
    }
    indirect: list[Claim] = []
    for sent_cues in ctx.cues:
        for cue in sent_cues:
            key = (cue.sent.index, cue.head)
            if key in used and key not in colon:
                continue
            claim = source_claim(ctx, cue) if cue.type == SOURCE else verb_claim(ctx, cue)
            if claim is None:
                continue
            if key in colon and (claim.how not in {"clause", "topic"} or claim.stop > colon[key]):
                continue
            indirect.append(claim)
    indirect = _drop_reported_within(indirect, direct + loose)
    merged = _merge_marked(ctx, indirect, direct)
    merged += headline_claims(ctx, direct + loose + merged)
    claims = sorted(direct + loose + merged, key=lambda c: (c.start, c.stop))
    return _one_per_span(claims)


def _holds(outer: Claim, inner: Claim) -> bool:
    return outer is not inner and outer.start <= inner.start and inner.stop <= outer.stop


def direct_claims_loose(ctx: Context, linked: list[Claim]) -> list[Claim]:
    """Quotes with no cue of their own that read as speech, not as names.

    A quoted paragraph or sentence continuing a speaker's words is direct
    speech; a few words in marks inside a sentence are a name or a term.
    """
    taken = Spans(linked)
    found: list[Claim] = []
    for q in ctx.quoted:
        if taken.over(q.start, q.stop):
            continue
        if not _speech_like(ctx, q):
            continue
        sent = ctx.sentence_at(q.start) or ctx.sentence_at(q.open)
        if sent is None:
            continue
        found.append(Claim(q.start, q.stop, DIRECT, sent, None, None, "continued", 0.6))
    return found


def _speech_like(ctx: Context, q: Quoted) -> bool:
    """A quote that opens a sentence and holds one, not a name in marks."""
    inner = ctx.text[q.start : q.stop]
    words = inner.split()
    if len(words) < 4:
        return False
    before = ctx.view[max(0, q.open - 40) : q.open].rstrip()
    opens_sentence = not before or before[-1] in ".!?…:\n»" or before.endswith("\n")
    line_start = ctx.view.rfind("\n", 0, q.open) + 1
    opens_paragraph = not ctx.view[line_start : q.open].strip()
    if q.style == "—":
        return True
    end = q.close + 1 if q.close is not None else q.stop
    if _DEFINED.match(ctx.view, end):
        return False  # `«Нам семь тысяч лет» — это лозунг`: the words named, not said
    if opens_paragraph and not _reaches_sentence_end(ctx, q):
        return False  # `«Политика с Ларри Кингом», как подчеркнула X, это программа`
    if before.endswith(":") and _reaches_sentence_end(ctx, q) and not _after_name_noun(ctx, q):
        # `Юханссон передумал, несмотря на возраст: «…»`: a statement set off
        # by a colon is the words of whoever the clause before it is about.
        return _states(ctx, q)
    return opens_paragraph or (opens_sentence and inner.rstrip()[-1:] in ".!?…")


def _states(ctx: Context, q: Quoted) -> bool:
    """The quoted words hold a finite verb or a short form: a statement,
    not a title (`Тема доклада: «Экономика и общество России»`)."""
    for sent in ctx.sents:
        if sent.stop <= q.start or sent.start >= q.stop:
            continue
        for t in sent.tokens:
            if q.start <= t.start < q.stop and (
                t.feats.get("VerbForm") == "Fin" or t.feats.get("Variant") == "Short"
            ):
                return True
    return False


# `«…» — это лозунг`, `«…», это …`: a quote that is the subject of a definition.
_DEFINED = re.compile(r"\s*,?\s*[—–-]?\s*это\b", re.IGNORECASE)


def _drop_reported_within(indirect: list[Claim], direct: list[Claim]) -> list[Claim]:
    """A cue inside another's content is not annotated again; a relay
    (`…, сообщает агентство`) is not a second attribution."""
    # Cues inside someone's quoted words go first, so that they cannot knock
    # out a claim of the text itself.
    quoted = Spans(direct)
    indirect = [c for c in indirect if not _cue_within(c, quoted.over(c.cue.start, c.cue.stop))]
    indirect = _drop_relays(indirect)
    index = Spans(indirect)
    kept = []
    for claim in indirect:
        near = index.over(claim.cue.start, claim.cue.stop)
        outer = [o for o in near if o is not claim and _cue_within(claim, [o])]
        if any(not _cue_within(o, [claim]) or _frames(o, claim) for o in outer):
            continue
        kept.append(claim)
    return kept


def _frames(outer: Claim, inner: Claim) -> bool:
    """Of two claims each holding the other's cue, whether `outer` is the frame.

    A postposed cue frames the sentence before it (`…, что идет навстречу
    отрасли, указывает Алексеев`); otherwise the first cue introduces the
    clause that holds the second (`Путин заявил, что, по данным разведки, …`).
    """
    post = {"post", "post-inside"}
    if (outer.how in post) != (inner.how in post):
        return outer.how in post
    return outer.cue.start < inner.cue.start


def _cue_within(claim: Claim, others: list[Claim]) -> bool:
    cue = claim.cue
    assert cue is not None
    return any(o is not claim and o.start <= cue.start and cue.stop <= o.stop for o in others)


_RELAY_SHAPES = {"post", "post-inside", "as"}
# Verbs that state the speaker's own view or testimony (`указывает
# Алексеев`, `как показал свидетель`): the cue inside their content is part
# of what they say, not a report they pass on.
_OWN_VIEW = {"opinion", "noabout", "testimony", "naming", "request", "question", "quoteonly"}


def _drop_relays(claims: list[Claim]) -> list[Claim]:
    """`Путин заявил, что X, сообщает РБК`: the outlet passes Путин's words on.

    A postposed or `как`-cue whose content holds another cue relays that
    claim: it goes, and the relayed claim stops before it. An impersonal
    claim with no speaker of its own (`Сообщается, что X, сообщает РБК`)
    takes the outlet as its speaker.
    """
    relays = set()
    for relay in claims:
        if relay.how not in _RELAY_SHAPES or relay.cue.tags & _OWN_VIEW:
            continue
        inner = [o for o in claims if o is not relay and o.how not in _RELAY_SHAPES]
        inner = [o for o in inner if relay.start <= o.cue.start < relay.stop]
        if not inner:
            continue
        relays.add(id(relay))
        for claim in inner:
            _stop_before(claim, relay.cue)
            if claim.mention is None:
                claim.mention = relay.mention
    return [c for c in claims if id(c) not in relays]


def _stop_before(claim: Claim, cue: Cue) -> None:
    """Cut a claim's content before a later cue of its sentence and its commas."""
    if cue.sent is not claim.sent or not claim.start < cue.start < claim.stop:
        return
    if cue.start < claim.cue.start:
        return  # `Как сообщает РБК, Путин заявил, что …`: the relay is before
    span = _trim(claim.sent, _token_at(claim.sent, claim.start), cue.first - 1)
    if span is not None:
        claim.start, claim.stop = span


def _token_at(sent: Sentence, offset: int) -> int:
    return next(t.index for t in sent.tokens if t.stop > offset)


def _merge_marked(ctx: Context, indirect: list[Claim], direct: list[Claim]) -> list[Claim]:
    """`заявил, что «вопрос решен»` is direct; a quoted fragment makes it mixed."""
    result = []
    for claim in indirect:
        marked = [q for q in ctx.quoted if claim.start <= q.open and q.start < claim.stop]
        whole = [q for q in marked if q.open <= claim.start + 1 and q.stop >= claim.stop - 1]
        if whole:
            q = whole[0]
            if any(d.start == q.start for d in direct):
                continue
            claim.start, claim.stop, claim.kind = q.start, q.stop, DIRECT
        elif any(_fragment(ctx, q) for q in marked):
            claim.kind = MIXED
        result.append(claim)
    return result


def _fragment(ctx: Context, q: Quoted) -> bool:
    """Someone's words quoted inside a claim, not a name or a scare-quoted term."""
    inner = ctx.text[q.start : q.stop].strip()
    words = inner.split()
    if len(words) < 2 or not inner[:1].islower():
        return len(words) >= 5
    return not _after_name_noun(ctx, q)


def _after_name_noun(ctx: Context, q: Quoted) -> bool:
    sent = ctx.sentence_at(q.open)
    if sent is None:
        return False
    before = [t for t in sent.tokens if t.stop <= q.open][-3:]
    names = lexicon.words("name_nouns")
    return any(lemmas(t.text) & names for t in before)


def _one_per_span(claims: list[Claim]) -> list[Claim]:
    """Two shapes may find the same claim; keep the more confident."""
    kept: list[Claim] = []
    longest = 0
    for claim in claims:
        clash = None
        # Claims come sorted by start: only the last few kept, those that may
        # reach this one, can clash with it.
        lo = len(kept)
        while lo > 0 and kept[lo - 1].start >= claim.start - longest:
            lo -= 1
        for other in kept[lo:]:
            s = max(claim.start, other.start)
            e = min(claim.stop, other.stop)
            union = max(claim.stop, other.stop) - min(claim.start, other.start)
            if e > s and 2 * (e - s) >= union:
                clash = other
                break
        if clash is None:
            kept.append(claim)
        elif claim.confidence > clash.confidence:
            kept[kept.index(clash, lo)] = claim
        longest = max(longest, claim.stop - claim.start)
    return kept
