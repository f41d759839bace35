"""Paragraphs, sentences and tokens, as offsets into the input.

razdel joins text across a blank line into one sentence, so paragraphs are
split first, at every line break: in news a line break always ends a
paragraph, a headline or a dateline.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence

from razdel import sentenize, tokenize

try:
    from razdel.segmenters.punct import DASHES as _DASHES
    from razdel.segmenters.punct import ENDINGS as _ENDINGS
    from razdel.segmenters.tokenize import ATOM as _ATOM
    from razdel.segmenters.tokenize import INT as _INT
    from razdel.segmenters.tokenize import LAT as _LAT
    from razdel.segmenters.tokenize import OTHER as _OTHER
    from razdel.segmenters.tokenize import PUNCT as _PUNCT
    from razdel.segmenters.tokenize import RU as _RU
    from razdel.segmenters.tokenize import SMILE as _SMILE
    from razdel.segmenters.tokenize import tokenize as _razdel_tokenizer
except ImportError:  # a razdel laid out otherwise: its own tokenize, slower
    _ATOM = None
else:
    # `_joined` is razdel 0.5's rules, in its order: any other set goes to razdel.
    _RULES = ["dash", "underscore", "float", "fraction", "punct", "other", "yahoo"]
    if [rule.name for rule in _razdel_tokenizer.rules] != _RULES:
        _ATOM = None

# Lines end where str.splitlines ends them, as in marks.paragraphs.
_LINE = re.compile(r"[^\n\r\v\f\x1c-\x1e\x85\u2028\u2029]+")
# razdel keeps a sentence going after a closing quote mark; a dash-led
# author remark is not a new sentence, so only hard stops split here.
_MAX_SENT = 2000
# The syntax parser scores every pair of a sentence's tokens, padded to the
# longest sentence of a batch: 2000 characters of `«««…` would be 2000 tokens
# and gigabytes. A real news sentence has at most about 100 tokens.
_MAX_TOKENS = 250


class Token:
    """A word or punctuation mark, with the annotations the stages add."""

    __slots__ = (
        "children",
        "feats",
        "head",
        "index",
        "pos",
        "rel",
        "sent",
        "start",
        "stop",
        "text",
    )

    def __init__(self, start: int, stop: int, text: str, index: int, sent: Sentence) -> None:
        self.start = start
        self.stop = stop
        self.text = text
        self.index = index
        self.sent = sent
        self.pos: str | None = None
        self.feats: dict[str, str] = {}
        self.head: int = -1  # index of the head token in the sentence, -1 for the root
        self.rel: str | None = None
        self.children: list[int] = []

    def __repr__(self) -> str:
        return f"Token({self.text!r}, {self.start}, {self.pos}, {self.rel}->{self.head})"


class Sentence:
    __slots__ = ("codes", "index", "paragraph", "parsed", "start", "stop", "tokens")

    def __init__(self, start: int, stop: int, paragraph: int, index: int) -> None:
        self.start = start
        self.stop = stop
        self.paragraph = paragraph
        self.index = index
        self.tokens: list[Token] = []
        self.parsed = False
        # The words as the taggers' vocabularies number them (nlp.py): the
        # three models share one vocabulary, so a sentence is encoded once.
        self.codes: tuple[list[int], list[int]] | None = None

    def __repr__(self) -> str:
        return f"Sentence({self.start}, {self.stop}, {len(self.tokens)} tokens)"

    def words(self) -> list[str]:
        return [t.text for t in self.tokens]

    def subtree(self, index: int) -> Iterator[Token]:
        """The token and every token under it in the parse."""
        stack = [index]
        seen = set()
        while stack:
            i = stack.pop()
            if i in seen:
                continue  # the parser's heads may contain a cycle
            seen.add(i)
            yield self.tokens[i]
            stack.extend(self.tokens[i].children)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans of non-blank lines, stripped of surrounding white space."""
    spans = []
    for match in _LINE.finditer(text):
        start, stop = match.span()
        line = match.group()
        lead = len(line) - len(line.lstrip())
        trail = len(line) - len(line.rstrip())
        if lead < len(line):
            spans.append((start + lead, stop - trail))
    return spans


def _chunks(text: str, start: int, stop: int) -> Iterator[tuple[int, int]]:
    """razdel's sentences of one paragraph; very long ones cut at spaces.

    The cut keeps the taggers' inputs bounded on pathological text (a 5 MB
    paragraph with no full stop) without losing any character.
    """
    for s, e in _after_dateline(text, start, stop):
        yield from _cut(text, s, e, lambda s, e: _long_cut(text, s, e))


def _after_dateline(text: str, start: int, stop: int) -> Iterator[tuple[int, int]]:
    """`_after_units`' sentences, a paragraph's opening wire dateline cut off
    (`Москва. 3 октября. INTERFAX.RU — Премьера …, сообщили …`, `ЛОНДОН
    (Рейтер) - Саудовская Аравия …, сказали …`): its agency is no subject
    of the sentence it heads."""
    for s, e in _after_units(text, start, stop):
        m = _DATELINE.match(text, s, e) if s - start <= _DATELINE_WITHIN else None
        if m is not None and m.end() < e:
            yield s, m.end()
            s = m.end()
        yield s, e


# Within the paragraph's first characters (razdel may have cut `Москва.` and
# `3 октября.` off as sentences of their own): an optional place and date,
# the agency as `INTERFAX.RU` or in brackets, and a dash before a capital.
_DATELINE_WITHIN = 40
_DATELINE = re.compile(
    r"(?:[A-ZА-ЯЁ][A-Za-zА-ЯЁа-яё/ -]{1,30}?(?:,\s*\d{1,2}\s+[а-яё]+)?\s*)?"
    r"(?:[A-Z][A-Za-z-]*\.(?:RU|ru|COM|com)|\([A-Za-zА-ЯЁа-яё][A-Za-zА-ЯЁа-яё .-]{1,24}\))"
    r"\s*[—–-]\s+(?=[«\"„“A-ZА-ЯЁ])"
)


def _long_cut(text: str, s: int, e: int) -> int | None:
    if e - s <= _MAX_SENT:
        return None
    cut = text.rfind(" ", s + 1, s + _MAX_SENT)
    return cut if cut > s else s + _MAX_SENT


def _after_units(text: str, start: int, stop: int) -> Iterator[tuple[int, int]]:
    """razdel's sentences, also cut after an amount's abbreviated unit before
    a capital or an opening mark (`до 200 млрд руб. «Эти расходы …»`, `20 млн
    т. По ее словам`, `на 10-15 см. Об этом`), which razdel reads as one
    sentence. (Not `г.`: `в 2025 г. Путин` goes on.)"""
    for s, e in _titles_joined(text, start, stop):
        yield from _cut(text, s, e, lambda s, e: _unit_end(text, s, e))


def _titles_joined(text: str, start: int, stop: int) -> Iterator[tuple[int, int]]:
    """razdel's sentences, but not cut inside a short name in marks (`этюд
    Левитана «Берёзы. Вечер», сообщили …`): a few words after an opening
    mark the sentence left open, and a few before the mark closing it."""
    pending: tuple[int, int] | None = None
    for s, e in _split_after_letter(text, start, stop):
        if pending is not None:
            if _closes_short(text, s, e):
                pending = (pending[0], e)
                continue
            yield pending
        pending = (s, e)
    if pending is not None:
        yield pending


def _split_after_letter(text: str, start: int, stop: int) -> Iterator[tuple[int, int]]:
    """razdel's sentences, cut after a lone capital and its full stop when
    a quote opens next (`значение 8,2 G. «Для меня …`): razdel reads the
    letter as an initial, but an initial is followed by a name, not by marks."""
    for sent in sentenize(text[start:stop]):
        s, e = start + sent.start, start + sent.stop
        for m in _LETTER_THEN_QUOTE.finditer(text, s, e):
            yield s, m.start()
            s = m.end()
        yield s, e


# A capital letter alone (a space or digit before it), its full stop, then a
# quote that opens with a capital.
_LETTER_THEN_QUOTE = re.compile(r"(?<=[\s\d][A-ZА-ЯЁ]\.)\s+(?=[«\"„“][A-ZА-ЯЁ])")


def _closes_short(text: str, s: int, e: int) -> bool:
    """Does the sentence before `s` end a few words into an open «, and
    this one close it a few words on, before any sentence end?"""
    opened = text.rfind("«", max(0, s - 60), s)
    if opened < 0 or "»" in text[opened:s] or len(text[opened:s].split()) > 4:
        return False
    close = text.find("»", s, e)
    return (
        close >= 0
        and len(text[s:close].split()) <= 4
        and not any(c in text[s:close] for c in ".!?…")
    )


def _unit_end(text: str, s: int, e: int) -> int | None:
    m = _UNIT_END.search(text, s, e)
    return m.end() if m is not None else None


def _cut(
    text: str, s: int, e: int, next_cut: Callable[[int, int], int | None]
) -> Iterator[tuple[int, int]]:
    """`[s, e)` in pieces, each ended where `next_cut` says, the white space
    after a cut left out: no other character is lost."""
    while (cut := next_cut(s, e)) is not None:
        yield s, cut
        s = cut
        while s < e and text[s].isspace():
            s += 1
    if s < e:
        yield s, e


# A number, its unit abbreviated with a full stop (`50 б. п.`, basis
# points), then a new sentence.
_UNIT_END = re.compile(
    r"(?<=\d)\s(?:(?:тыс|млн|млрд|трлн)\.?\s)?(?:руб|долл|т|тыс|млн|млрд|трлн|коп|см|мм|км|кг|га|л|мин|б\.\s?п|п\.\s?п)\."
    r"(?=\s+[«\"„“]?[А-ЯЁ])"
)


def _tokenize(text: str) -> list[tuple[int, int, str]]:
    """razdel's tokens of `text` as (start, stop, text), exactly as
    `razdel.tokenize` gives them, in a fraction of the time.

    razdel cuts the text into atoms (a run of Cyrillic, Latin or digits, or
    one other character) and asks its rules whether to join two neighbours
    only where no space parts them; it builds the rules' context as objects
    for every pair, and then finds each token in the text again. Here the
    rules are asked only where no space parts the atoms, on the atoms as
    tuples (`_joined`), and the offsets are the atoms'.
    """
    if _ATOM is None:
        return [(t.start, t.stop, t.text) for t in tokenize(text)]
    atoms = [(m.start(), m.end(), m.lastgroup, m.group()) for m in _ATOM.finditer(text)]
    if not atoms:
        return []
    tokens = []
    start, stop, _, buffer = atoms[0]
    for i in range(1, len(atoms)):
        a_start, a_stop, _, a_text = atoms[i]
        if stop == a_start and _joined(atoms, i, buffer):
            buffer += a_text
            stop = a_stop
            continue
        tokens.append((start, stop, buffer))
        start, stop, buffer = a_start, a_stop, a_text
    tokens.append((start, stop, buffer))
    return tokens


_WORDLIKE = (_OTHER, _RU, _LAT) if _ATOM is not None else ()


def _joined(atoms: list[tuple[int, int, str | None, str]], i: int, buffer: str) -> bool:
    """Whether razdel joins atoms i-1 and i, which no space parts: its rules
    (razdel.segmenters.tokenize.RULES) one by one, read off the atoms.
    `buffer` is the token so far, ending with atom i-1."""
    left_type, left = atoms[i - 1][2:]
    right_type, right = atoms[i][2:]
    # dash, underscore, float, fraction: a delimiter atom on either side;
    # then the atoms beyond it and before it (razdel's Rule2112).
    for delimiters in (_DASHES, "_", ".,", "/\\"):
        if left in delimiters:
            if i < 2:
                continue
            a, b = atoms[i - 2][2], right_type
        elif right in delimiters:
            if i + 1 >= len(atoms):
                continue
            a, b = left_type, atoms[i + 1][2]
        else:
            continue
        if delimiters in (_DASHES, "_"):
            if a != _PUNCT and b != _PUNCT:
                return True
        elif a == _INT and b == _INT:
            return True
    if left_type == _PUNCT and right_type == _PUNCT:  # punct
        if _SMILE.match(buffer + right):
            return True
        if left in _ENDINGS and right in _ENDINGS:
            return True
        if left + right in ("--", "**"):
            return True
    if left_type == _OTHER and right_type in _WORDLIKE:  # other
        return True
    if left_type in _WORDLIKE and right_type == _OTHER:
        return True
    return left.lower() == "yahoo" and right == "!"  # yahoo


def chunks(text: str) -> Iterator[tuple[int, int, int]]:
    """Every paragraph's sentences as (start, stop, paragraph), lazily, before
    tokenisation: what `segment` tokenises, and where a long document's
    windows may be cut (windows.py)."""
    for p, (pstart, pstop) in enumerate(paragraphs(text)):
        for start, stop in _chunks(text, pstart, pstop):
            yield start, stop, p


def sentences(text: str, spans: Iterable[tuple[int, int, int]]) -> list[Sentence]:
    """The tokenised sentences of the chunks `spans`, numbered from 0."""
    sents: list[Sentence] = []
    for start, stop, p in spans:
        toks = _tokenize(text[start:stop])
        # Pieces of at most _MAX_TOKENS tokens; the first starts and the
        # last stops where the chunk does, so no character is lost.
        for k in range(0, len(toks), _MAX_TOKENS):
            piece = toks[k : k + _MAX_TOKENS]
            a = start if k == 0 else start + piece[0][0]
            b = stop if k + _MAX_TOKENS >= len(toks) else start + piece[-1][1]
            sent = Sentence(a, b, p, len(sents))
            sent.tokens = [
                Token(start + t_start, start + t_stop, t_text, i, sent)
                for i, (t_start, t_stop, t_text) in enumerate(piece)
            ]
            sents.append(sent)
    return sents


def as_written(tokens: Sequence[Token]) -> str:
    """Tokens rejoined as the text has them, one space where any stood
    (`E1.RU`, four tokens, is one word)."""
    return "".join(
        (" " if k and tokens[k - 1].stop < t.start else "") + t.text for k, t in enumerate(tokens)
    )


def segment(text: str) -> list[Sentence]:
    """Sentences with their tokens; `text` is the models' view of the input."""
    return sentences(text, chunks(text))
