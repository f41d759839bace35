"""A speaker as the text writes it: the `Mention` record and the noun phrase
around a head token (`phrase`), which every speaker finder builds on.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs

from . import lexicon
from .cues import norm
from .morph import lemmas, parse
from .phrases import ONE_OF
from .text import Sentence, Token

# Relations that stay inside a noun phrase when its span is taken.
_NP_RELS = {
    "amod", "det", "nmod", "appos", "flat", "flat:name", "flat:foreign",
    "nummod", "nummod:gov", "nummod:entity", "compound", "conj", "cc", "case", "fixed",
}  # fmt: skip
_QUOTE_CHARS = set("«»„“”\"'‘’")
_SUBJECT_RELS = {"nsubj", "nsubj:pass"}
_OPENING_MARKS = frozenset('«„“"')
_CLOSING_MARKS = frozenset('»"“”')
_SELF = frozenset({"сам", "сама", "сами"})
PRONOUNS = {
    "он": ("masc", "sing"), "его": ("masc", "sing"), "него": ("masc", "sing"),
    "она": ("femn", "sing"), "ее": ("femn", "sing"), "нее": ("femn", "sing"),
    "они": (None, "plur"), "их": (None, "plur"), "них": (None, "plur"),
}  # fmt: skip


@attrs.define(slots=True)
class Mention:
    """A speaker as the text writes it, before it is resolved."""

    start: int
    stop: int
    sent: Sentence
    head: int  # token index of the phrase head
    tokens: tuple[int, ...]  # token indices of the phrase, in order
    place: bool = False  # `в Кремле`: an institution named by its place

    @property
    def head_token(self) -> Token:
        return self.sent.tokens[self.head]

    @property
    def pronoun(self) -> bool:
        # (`Сам он`: the emphatic `сам` changes nothing of whom it means)
        return norm(self.head_token.text) in PRONOUNS and all(
            i == self.head or norm(self.sent.tokens[i].text) in _SELF for i in self.tokens
        )


def phrase(sent: Sentence, head: int, stop_at: Iterable[int] = ()) -> Mention:
    """The noun phrase headed by `head`: its modifiers, names and genitives.

    The span is contiguous around the head and never reaches into the tokens
    of `stop_at` (the cue, the content).
    """
    blocked = set(stop_at)
    keep = {head}
    stack = [head]
    tokens = sent.tokens
    while stack:
        i = stack.pop()
        for c in tokens[i].children:
            if c in blocked or c in keep:
                continue
            child = tokens[c]
            # `источника, близкого [к следствию]`: a modifier's own complement.
            modifier = i != head and (
                tokens[i].pos == "ADJ" or tokens[i].feats.get("VerbForm") == "Part"
            )
            # `один из опрошенных Уилсоном молодых людей`: a participle
            # before the group's noun is an attribute, its agent inside.
            before = (
                tokens[head].pos == "NUM"
                and child.rel == "acl"
                and c < i
                and child.feats.get("VerbForm") == "Part"
            )
            if (
                child.rel == "appos"
                and tokens[head].rel == "obj"
                and tokens[head].feats.get("Animacy") == "Anim"
                and site_name_end(tokens, c) > c
            ):
                # `цитирует итальянца Motorsport.com`: the site that quotes, not
                # his name (`собеседника vc.ru` is the site's source).
                continue
            if _time_adverbial(tokens, c) or _where_said(tokens, c):
                # `в Елисейском дворце в понедельник`, `дипломат в соцсети X`:
                # when or where it was said, not who
                continue
            if (
                child.rel in _NP_RELS
                or before
                or (child.rel == "punct" and child.text in _QUOTE_CHARS)
                or (modifier and child.rel in {"obl", "obl:agent"})
            ):
                keep.add(c)
                stack.append(c)
    # Keep the run of kept tokens that contains the head.
    lo = hi = head
    while lo - 1 in keep or (lo - 1 >= 0 and _inner_punct(tokens, lo - 1, keep)):
        lo -= 1
    while hi + 1 in keep or (hi + 1 < len(tokens) and _inner_punct(tokens, hi + 1, keep)):
        hi += 1
    if hi == head:
        hi = _one_of_group(tokens, head, blocked)
    # `ДОМ.РФ`, `Газета.Ru`: razdel splits a name written as an address.
    if lo >= 2 and site_name_end(tokens, lo - 2) == lo and not {lo - 2, lo - 1} & blocked:
        lo -= 2
    elif site_name_end(tokens, hi) > hi and not {hi + 1, hi + 2} & blocked:
        hi += 2
    while lo < head and tokens[lo].rel in {"case", "cc"}:
        lo += 1
    while hi > lo and (tokens[hi].pos == "PUNCT" and tokens[hi].text not in '»"”'):
        hi -= 1
    if hi > head and tokens[hi].feats.get("Case") == "Dat" and lemmas(tokens[hi].text) & _media():
        hi -= 1  # `В пресс-службе одного из маркетплейсов изданию`: the outlet told
    while lo < hi and tokens[lo].pos == "PUNCT" and tokens[lo].text not in '«"„“':
        lo += 1
    opened = next((i for i in range(head + 1, hi + 1) if tokens[i].text == "("), None)
    if opened is not None and not any(tokens[i].text == ")" for i in range(opened, hi + 1)):
        if hi + 1 < len(tokens) and tokens[hi + 1].text == ")" and hi + 1 not in blocked:
            hi += 1  # `Фолькера Буфье (Volker Bouffier)`: the bracket closes
        else:
            # `институте (ААНИИ)` cut short: the phrase without the bracket.
            hi = opened - 1
            while hi > lo and tokens[hi].pos == "PUNCT" and tokens[hi].text not in '»"”':
                hi -= 1
    ids = tuple(range(lo, hi + 1))
    return Mention(tokens[lo].start, tokens[hi].stop, sent, head, ids)


def _time_adverbial(tokens: list[Token], i: int) -> bool:
    """A time noun after a preposition: `в понедельник`, `на прошлой неделе`."""
    return bool(lemmas(tokens[i].text) & lexicon.words("circumstance_nouns", "time")) and any(
        tokens[k].rel == "case" and k < i for k in tokens[i].children
    )


def _where_said(tokens: list[Token], i: int) -> bool:
    """A platform or an act of speech after `в`/`на`: `в соцсети X`, `в своем
    Telegram-канале`, `в интервью РБК`, `в эфире` (circumstance_nouns.txt)."""
    word = tokens[i].text.lower()
    where = lemmas(word) & lexicon.words("circumstance_nouns", "where")
    return (bool(where) or word.startswith("telegram")) and any(
        tokens[k].rel == "case" and k < i and norm(tokens[k].text) in {"в", "во", "на"}
        for k in tokens[i].children
    )


def _one_of_group(tokens: list[Token], head: int, blocked: set[int]) -> int:
    """`один из опрошенных Уилсоном молодых людей` where the parser hung the
    group elsewhere: the last token of the group after `из`, up to its noun."""
    if head + 2 >= len(tokens) or tokens[head].text.lower() not in ONE_OF:
        return head
    if tokens[head + 1].text.lower() != "из":
        return head
    last = head
    for i in range(head + 2, min(head + 10, len(tokens))):
        tok = tokens[i]
        if i in blocked or tok.pos not in _GROUP_WORDS:
            break
        if tok.pos == "VERB" and tok.feats.get("VerbForm") != "Part":
            break
        if tok.pos in {"NOUN", "PROPN"} and tok.feats.get("Case") == "Gen":
            last = i
    return last


_GROUP_WORDS = frozenset({"ADJ", "NOUN", "PROPN", "VERB", "DET", "NUM"})


def _inner_punct(tokens: list[Token], i: int, keep: set[int]) -> bool:
    """A comma or quote mark between two kept tokens (`Иванов, Петров и Сидоров`)."""
    return tokens[i].pos == "PUNCT" and (i - 1 in keep and i + 1 in keep)


def with_preposition(mention: Mention) -> Mention:
    """`в Кремле` rather than `Кремле`: the gold writes the place as given."""
    tokens = mention.sent.tokens
    first = mention.tokens[0]
    if first > 0 and tokens[first - 1].rel == "case" and tokens[first - 1].head == mention.head:
        first -= 1
        return attrs.evolve(
            mention,
            start=tokens[first].start,
            tokens=(first, *mention.tokens),
            place=True,
        )
    return attrs.evolve(mention, place=True)


def genitive_run_end(tokens: Sequence[Token], i: int, stop_at: Iterable[int] = ()) -> int:
    """The last of the genitive nouns right after token `i`, with their
    adjectives (`департамента финансов`, `комитета Госдумы`, `Приморского
    края`), or `i`; the run ends before any index in `stop_at`."""
    blocked = set(stop_at)
    while True:
        j = i + 1
        if _short_in_brackets(tokens, j) and j + 3 < len(tokens) and j + 3 not in blocked:
            # `Центра общественных связей (ЦОС) ФСБ России`: past the short
            # name in brackets, the genitives go on.
            nxt = tokens[j + 3]
            if nxt.pos in {"NOUN", "PROPN"} and (
                nxt.feats.get("Case") == "Gen" or nxt.text.isupper()
            ):
                i = j + 2
                continue
        while j < len(tokens) and tokens[j].pos == "ADJ" and tokens[j].feats.get("Case") == "Gen":
            j += 1
        if j >= len(tokens) or any(k in blocked for k in range(i + 1, j + 1)):
            return i
        if tokens[j].pos not in {"NOUN", "PROPN"} or (
            tokens[j].feats.get("Case") != "Gen" and not _fixed_place(tokens[j])
        ):
            return i
        i = j


def _short_in_brackets(tokens: Sequence[Token], j: int) -> bool:
    """`(ЦОС)` from token j: a bracket, a short name in capitals, a bracket."""
    return (
        j + 2 < len(tokens)
        and tokens[j].text == "("
        and tokens[j + 2].text == ")"
        and tokens[j + 1].text.isupper()
        and len(tokens[j + 1].text) <= 12
    )


def _fixed_place(token: Token) -> bool:
    """`Республики Коми`: an indeclinable place the tagger reads nominative."""
    return any({"Fixd", "Geox"} <= p.tag.grammemes for p in parse(token.text.lower())[:1])


def with_genitives(mention: Mention, stop_at: Iterable[int] = ()) -> Mention:
    """The genitives right after the phrase that the parser hung elsewhere
    (`в пресс-службе судов общей юрисдикции столицы`)."""
    tokens = mention.sent.tokens
    last = genitive_run_end(tokens, mention.tokens[-1], stop_at)
    if last == mention.tokens[-1]:
        return mention
    more = tuple(range(mention.tokens[-1] + 1, last + 1))
    return attrs.evolve(mention, stop=tokens[last].stop, tokens=(*mention.tokens, *more))


def _child(sent: Sentence, i: int, rels: set[str], after: int | None = None) -> int | None:
    for c in sent.tokens[i].children:
        if sent.tokens[c].rel in rels and (after is None or c > after):
            return c
    return None


def _is_nominal(token: Token) -> bool:
    # natasha's tagger calls some hyphenated nouns PUNCT (`Интернет-компании`).
    return token.pos in {"NOUN", "PROPN", "PRON", "ADJ", "DET", "NUM", "X"} or (
        token.pos == "PUNCT" and any(c.isalpha() for c in token.text)
    )


def _participle_noun(token: Token) -> bool:
    """A participle standing alone as the subject (`пострадавший`, `задержанный`)."""
    f = token.feats
    return token.pos == "VERB" and f.get("VerbForm") == "Part" and f.get("Case") == "Nom"


def _names_people(word: str) -> bool:
    """`источник`, `эксперт`, `министр`: a word for people, not an outlet."""
    found = lemmas(word)
    return bool(found & lexicon.words("anonymous") or found & lexicon.words("person_descriptors"))


def number_clash(sent: Sentence, verb: int, subj: int) -> bool:
    """A singular cannot be the subject of a plural verb: a name in marks
    (`В Минфине «Ъ» сообщили`: the outlet told) or a person (`Гуров,
    которого называют`), unless others are joined to it or it counts people
    (`ряд экспертов считают`)."""
    tokens = sent.tokens
    tok = tokens[subj]
    if (
        tokens[verb].feats.get("Number") != "Plur"
        or tok.feats.get("Number") != "Sing"
        or any(tokens[c].rel in {"conj", "nummod", "nummod:gov"} for c in tok.children)
    ):
        return False
    if subj > 0 and tokens[subj - 1].text in {"«", '"', "„", "“"}:
        return True
    # A person as the tagger reads him: a body's name may take a plural
    # (`СБР обвинили`), and a case it misread says nothing of number.
    return (
        tokens[verb].feats.get("VerbForm") == "Fin"
        and tok.pos in {"NOUN", "PROPN"}
        and tok.feats.get("Animacy") == "Anim"
        and tok.feats.get("Case") == "Nom"
        and not tok.text.isupper()
        and not lemmas(tok.text) & _COUNTING
    )


# Nouns of a quantity of people, which a plural verb may agree with.
_COUNTING = frozenset(
    {"ряд", "большинство", "меньшинство", "часть", "половина", "треть", "четверть",
     "множество", "масса", "группа", "десяток", "сотня", "тысяча", "миллион", "процент"}
)  # fmt: skip


# Where a body publishes on the web: `на сайте суда`, `на странице клуба`.
_SITES = frozenset({"сайт", "страница", "портал", "аккаунт"})
# Where a body posts: `в Twitter клуба`, `в телеграм-канале ведомства`.
_FEEDS = frozenset({"twitter", "твиттер", "telegram-канал", "телеграм-канал", "блог", "микроблог"})


def site_owner(tokens: Sequence[Token], lo: int, hi: int) -> int | None:
    """`на (официальном) сайте («)X`, `в (официальном) Twitter X` within
    tokens[lo:hi]: the index of X, whose site it is; None if there is no
    such phrase."""
    for j in range(lo, hi):
        where = norm(tokens[j].text)
        if where not in {"на", "в", "во"}:
            continue
        k = j + 1
        while k < hi and tokens[k].pos == "ADJ":
            k += 1  # `на официальном сайте`
        if k >= hi or not lemmas(tokens[k].text) & (_SITES if where == "на" else _FEEDS):
            continue
        k += 1
        if k < hi and tokens[k].text in _OPENING_MARKS:
            k += 1  # `на сайте «Манчестер Юнайтед»`
        while where != "на" and k < hi and tokens[k].pos == "ADJ":
            k += 1  # `в Twitter петербургского клуба`
        return k if k < hi and tokens[k].pos in {"NOUN", "PROPN", "X"} else None
    return None


def site_name_end(tokens: Sequence[Token], i: int) -> int:
    """The last token of a site's name written as its address from token i
    (`Sports.ru`, `Газета.Ru`, `Motorsport.com`: word, full stop, domain, no
    space between, as razdel splits them), or i where there is none."""
    if (
        i + 2 < len(tokens)
        and tokens[i + 1].text == "."
        and tokens[i].stop == tokens[i + 1].start
        and tokens[i + 1].stop == tokens[i + 2].start
        and tokens[i + 2].text.lower() in _DOMAINS
    ):
        return i + 2
    return i


_DOMAINS = frozenset({"ru", "com", "org", "net", "su", "info", "io", "рф", "ua", "by", "kz",
                      "uk", "de", "fr", "it", "es", "tv", "fm", "media"})  # fmt: skip


def _media() -> frozenset[str]:
    """An outlet's nouns (`издание`, `агентство`, `газета`)."""
    return lexicon.words("institutions", "media")
