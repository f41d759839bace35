"""Headlines `X: CONTENT`, where a short name before a colon speaks:
`Песков: «…»` (the speaker of a quote) and `Сергей Аксёнов: массовое
убийство устроил студент` (a claim of its own).
"""

from __future__ import annotations

import functools
import re

import attrs

from . import lexicon, speakers
from .claims import (
    ABOUT,
    CLOSING,
    DIRECT,
    INDIRECT,
    OPENING,
    Claim,
    Context,
    Spans,
    _trim,
    content_start,
)
from .cues import norm
from .entities import _anonymous, _roles
from .marks import Quoted
from .mentions import site_name_end
from .morph import NAME_GRAMMEMES, is_known, lemmas, parse
from .speakers import Mention
from .text import Sentence, Token


def _headline_speaker(ctx: Context, q: Quoted) -> Mention | None:
    """`Песков: «…»` — the name before the colon speaks."""
    sent = ctx.sentence_at(q.open)
    if sent is None:
        return None
    before = [t for t in sent.tokens if t.stop <= q.open]
    if not before or before[-1].text != ":":
        return None
    return _headline_name(ctx, sent, before[-1].index)


def _headline_name(ctx: Context, sent: Sentence, colon: int, begin: int = 0) -> Mention | None:
    """The speaker of a headline `X: CONTENT`: X, a short name with no verb,
    from token `begin` (past a page's label) to the colon.

    X must name someone who can speak (a person, an organisation, a role):
    `Итог расследования: …`, `Взрыв в Киеве: …` are topics, and a dateline
    (`ЛОНДОН, 26 ноя`) has digits and commas.
    """
    if not sent.parsed:
        return None
    tokens = sent.tokens
    ids = [i for i in range(begin, colon) if tokens[i].pos != "PUNCT"]
    dash = next((i for i in range(1, colon) if tokens[i].text in {"—", "–", "-"}), None)
    if dash is not None and (
        all(tokens[i].feats.get("Case") == "Dat" for i in ids if i > dash)
        or norm(tokens[dash + 1].text) in ABOUT
    ):
        # `Сафаров — Лебедеву: «…»`: to whom, after the dash; `Дегтярев — о
        # допуске спортсменов к Олимпиаде: «…»`: what of; who, before it.
        ids = [i for i in ids if i < dash]
        colon = dash
    if (
        not ids
        or len(ids) > _HEADLINE_WORDS
        or any(tokens[i].text in ",;" for i in range(begin, colon))
        or _page_label(ctx, sent, begin, colon)
    ):
        return None
    if any(tokens[i].pos in {"VERB", "AUX"} or _has_digit(tokens[i]) or _verb_form(tokens[i])
           for i in ids):  # fmt: skip
        return None  # `Читайте также: …`, a site's link line, is no one speaking
    heads = [i for i in ids if tokens[i].head not in ids]
    head = heads[0] if heads else ids[0]
    if not _can_speak(ctx, sent, head):
        return None
    return speakers.phrase(sent, head, range(colon, len(tokens)))


def _page_label(ctx: Context, sent: Sentence, begin: int, colon: int) -> bool:
    """`Теги`, `Фото`, `Читайте также` before the colon (page_labels.txt)."""
    tokens = sent.tokens
    if colon <= begin:
        return False
    words = ctx.view[tokens[begin].start : tokens[colon].start].lower().replace("ё", "е")
    return " ".join(words.split()) in lexicon.words("page_labels")


def _after_label(ctx: Context, sent: Sentence) -> tuple[int, int | None]:
    """Where a headline's name may begin, past a page's label (`Читайте также:
    Песков: …`), and the colon after it; (0, first colon) where there is none."""
    reach = 2 * _HEADLINE_WORDS + 2
    colons = [t.index for t in sent.tokens[: 2 * reach] if t.text == ":"]
    if not colons:
        return 0, None
    if len(colons) > 1 and _page_label(ctx, sent, 0, colons[0]):
        nxt = colons[1]
        return colons[0] + 1, nxt if nxt - colons[0] <= reach else None
    return 0, colons[0] if colons[0] < reach else None


@functools.lru_cache(maxsize=8)  # (a long document's windows ask again)
def closing_lists(text: str) -> int:
    """Where a page's closing lists begin (a `section` heading of
    page_labels.txt alone on its line), or the text's length."""
    headings = lexicon.words("page_labels", "section")
    for match in _LINE.finditer(text):
        if " ".join(match.group(1).lower().replace("ё", "е").split()).rstrip(":") in headings:
            return match.start()
    return len(text)


_LINE = re.compile(r"(?m)^[ \t]*([^\W\d_][^\n]{0,20}?)[ \t]*$")


def _verb_form(token: Token) -> bool:
    """The dictionary reads the word only as a verb (`Читайте`, `Смотрите`)."""
    parses = parse(token.text.lower())
    return bool(parses) and all(p.tag.POS in {"VERB", "INFN"} for p in parses)


def _has_digit(token: Token) -> bool:
    return any(c.isdigit() for c in token.text)


def _can_speak(ctx: Context, sent: Sentence, head: int) -> bool:
    """A person or organisation by NER, a proper name, or a role noun."""
    token = sent.tokens[head]
    tags = {t for s, e, t in ctx.names[sent.index] if s <= token.start < e}
    if tags & {"PER", "ORG"}:
        return True
    if "LOC" in tags:
        # `Москва: …` is a place line, not a speaker; `Кремль: …`, `Белый
        # дом: …` stand for an institution.
        phrase = " ".join(t.text.lower() for t in sent.tokens if t.stop <= token.stop)
        return phrase.replace("ё", "е") in lexicon.words("institutions", "place")
    if token.pos == "PROPN" and token.text[:1].isupper() and not _common_thing(token):
        return True
    if token.text[:1].isupper() and token.text in ctx.person_words():
        return True  # `Волк: …` over a text that names Ирина Волк
    if token.pos == "X" and token.text[:1].isupper():
        return True  # `Financial Times: …`: a Latin name the tagger leaves untagged
    if _profession_plural(token, head == 0):
        return True  # `Кардиологи: кофе по утрам связан с …`
    return bool(lemmas(token.text) & _roles())


def _states(tokens: list[Token]) -> bool:
    """A finite verb or a short form: the words state something."""
    return any(
        t.feats.get("VerbForm") == "Fin" or t.feats.get("Variant") == "Short" for t in tokens
    )


def _profession_plural(token: Token, alone: bool) -> bool:
    """A plural of people the dictionary reads first as a common animate noun
    (`Кардиологи`, `Синоптики`), alone before the colon: who say it."""
    if not alone or token.feats.get("Number") != "Plur" or not is_known(token.text.lower()):
        return False
    best = parse(token.text.lower())[:1]
    return (
        bool(best)
        and {"NOUN", "anim", "plur", "nomn"} <= best[0].tag.grammemes
        and not (NAME_GRAMMEMES & best[0].tag.grammemes)
    )


def _common_thing(token: Token) -> bool:
    """A word the dictionary knows only as a common inanimate noun
    (`Наводнение на Кубани: …`, capitalised by the headline), no name."""
    word = token.text.lower()
    if not is_known(word):
        return False
    found = parse(word)
    return bool(found) and all(
        p.tag.POS == "NOUN" and "inan" in p.tag.grammemes and not NAME_GRAMMEMES & p.tag.grammemes
        for p in found
    )


# At most this many words before the colon of a headline `X: …`, and
# after the dash of a headline `… — X`.
_HEADLINE_WORDS = 5
_CREDITED_WORDS = 3


def _quoted_to_end(sent: Sentence, opening: int) -> bool:
    """Do the marks opened at `opening` close only at the end of the line
    (`«…».`), not round a name the claim goes on from (`«Спартак» ведет …`)?"""
    tokens = sent.tokens
    words = [t for t in tokens[opening + 1 :] if t.pos != "PUNCT"]
    if not words:
        return True
    closing = [t for t in tokens[opening + 1 :] if t.text in CLOSING and t.start > words[0].start]
    return not closing or closing[0].start > words[-1].start


def headline_claims(ctx: Context, taken: list[Claim]) -> list[Claim]:
    """`Сергей Аксёнов: массовое убийство устроил студент`: X said CONTENT.

    Only a line of its own that opens with the name and a colon; the quote
    in marks after a colon (`Лавров: «…»`) is a direct claim found elsewhere.
    """
    found = []
    index = Spans(taken)
    lines, askers = _name_lines(ctx)
    for sent in ctx.sents:
        if sent.index > 0 and ctx.sents[sent.index - 1].paragraph == sent.paragraph:
            continue  # not the start of a line
        # (An interview's line is the speaker's words whatever it quotes or
        # reports inside: `Фёдорова: Каждый раз говорят «через неделю».`)
        if index.over(sent.start, sent.stop) and (sent.index == 0 or lines < 2):
            continue
        # Marks and hyphens count as tokens: `Глава банка «Восток» Павел Жданов:`.
        begin, colon = _after_label(ctx, sent)
        if colon is None and (claim := _credited_headline(ctx, sent)) is not None:
            found.append(claim)
            continue
        if colon is None or any(begin <= c.first < colon for c in ctx.cues[sent.index]):
            # A cue before the colon speaks for itself (`Путин заявил: …`);
            # one in the content (`передан Европе`, `Продолжайте`) is its words.
            continue
        nxt = colon + 1
        if nxt >= len(sent.tokens) or sent.tokens[nxt].start == sent.tokens[colon].stop:
            continue  # `File:Name.webm`: markup, not a headline
        first = content_start(sent, colon + 1)
        if first >= len(sent.tokens) - 1 or (
            sent.tokens[first].text in OPENING and _quoted_to_end(sent, first)
        ):
            continue  # `Песков: «…»` is a direct quote (direct.py)
        mention = _headline_name(ctx, sent, colon, begin)
        span = _trim(sent, first, len(sent.tokens) - 1)
        if mention is None or span is None or _credit(ctx, sent, first):
            continue
        if _profession_plural(mention.head_token, mention.head == begin) and not _states(
            sent.tokens[first:]
        ):
            continue  # `Дети: как уберечь ребенка от жары` names a topic
        end = _paragraph_end(ctx, sent)
        # (A link line, `Читайте также: Песков: …`, is a headline of its own.)
        if sent.index > 0 and not begin and (end is not sent or lines > 1):
            # `Мустафа Джемилев: Положительная была реакция! Он сказал, …`: a
            # line of an interview, the speaker's words set off by a colon
            # (GUIDELINES, Spans), the whole line; the interviewer's question
            # is left out, as in dialogue (interviews.py).
            stop = end.stop
            if ctx.view[sent.start : sent.tokens[colon].start].strip() in askers:
                continue
            while stop > span[0] and ctx.text[stop - 1] in " .":
                stop -= 1
            found.append(Claim(span[0], stop, DIRECT, sent, None, mention, "interview", 0.6))
            continue
        found.append(Claim(span[0], span[1], INDIRECT, sent, None, mention, "headline", 0.6))
    return found


def _credited_headline(ctx: Context, sent: Sentence) -> Claim | None:
    """`Саудовская Аравия готова поддержать увеличение добычи — источники`,
    `… - Bloomberg`: a headline line (one sentence, no full stop) ending with
    a dash and a short name of who said it; the rest of the line is the claim."""
    tokens = sent.tokens
    if _paragraph_end(ctx, sent) is not sent or tokens[-1].text in _SENTENCE_ENDS:
        return None
    dash = next(
        (i for i in range(len(tokens) - 2, 2, -1) if tokens[i].text in {"—", "–", "-"}), None
    )
    if dash is None or tokens[dash].start == tokens[dash - 1].stop:
        return None  # (a hyphen inside a word is no dash)
    if ctx.cues[sent.index] and any(c.first < dash for c in ctx.cues[sent.index]):
        return None  # `Песков заявил о … — ТАСС`: the cue's own claim, relayed
    ids = [i for i in range(dash + 1, len(tokens)) if tokens[i].pos != "PUNCT"]
    if not ids or len(ids) > _CREDITED_WORDS or not sent.parsed:
        return None
    if any(tokens[i].pos in {"VERB", "AUX"} or _has_digit(tokens[i]) for i in ids):
        return None
    heads = [i for i in ids if tokens[i].head not in ids]
    head = heads[0] if heads else ids[0]
    site = site_name_end(tokens, ids[0]) == ids[-1] > ids[0]  # `… - Дом.РФ`
    if not (site or _credited(ctx, sent, head)):
        return None
    mention = speakers.phrase(sent, ids[0] if site else head, range(0, dash))
    span = _trim(sent, content_start(sent), dash - 1)
    if mention is None or span is None:
        return None
    return Claim(span[0], span[1], INDIRECT, sent, None, mention, "headline", 0.6)


def _credited(ctx: Context, sent: Sentence, head: int) -> bool:
    """Who a headline credits after its dash: a named body, a Latin name
    (`— Bloomberg`) or an unnamed source (`— источники`, `— СМИ`); not any
    noun (`Россия и Китай — партнеры` says what they are), nor a person
    (`Правительство возглавила женщина — Аленка Братушек` says who she is)."""
    token = sent.tokens[head]
    tags = {t for s, e, t in ctx.names[sent.index] if s <= token.start < e}
    if "ORG" in tags or (token.pos == "X" and token.text[:1].isupper()):
        return True
    return bool(lemmas(token.text) & _anonymous())


def _credit(ctx: Context, sent: Sentence, first: int) -> bool:
    """`Автор: Игорь Ветлугин`, `Фото: Иван Петров / ТАСС`: a line that gives
    only names after its colon, and no full stop, credits someone; it says
    nothing (`Кравцова: Отчасти. Многие …` is a line of an interview)."""
    if _paragraph_end(ctx, sent) is not sent or sent.tokens[-1].text in _SENTENCE_ENDS:
        return False
    words = [t for t in sent.tokens[first:] if t.pos != "PUNCT" and t.text != "/"]
    return 0 < len(words) <= _CREDIT_WORDS and all(t.text[:1].isupper() for t in words)


_SENTENCE_ENDS = frozenset({".", "!", "?", "…", "?!", "!?", "..."})


_CREDIT_WORDS = 5


def _name_lines(ctx: Context) -> tuple[int, set[str]]:
    """How many lines after the first open with a short name and a colon
    (`Корреспондент: …`, `Иван Петров: …`): two or more make an interview;
    and the names that ask (a line of theirs ends with `?`): the interviewer."""
    count = 0
    asked: dict[str, list[int]] = {}  # name -> [lines that ask, lines]
    for sent, name in _labelled_lines(ctx):
        count += 1
        asks = ctx.view[sent.start : _paragraph_end(ctx, sent).stop].rstrip()[-1:] == "?"
        tally = asked.setdefault(name, [0, 0])
        tally[0] += asks
        tally[1] += 1
    # Most lines of the interviewer's ask, or more than anyone else's: an
    # answer may end on a question of its own (`Им как мыться?`), and a
    # question line may thank (`Спасибо!`).
    ratio = {name: asks / all_ for name, (asks, all_) in asked.items()}
    askers = {name for name, r in ratio.items() if r > 0.5}
    if not askers and ratio and max(ratio.values()) > 0:
        top = max(ratio.values())
        askers = {name for name, r in ratio.items() if r == top}
    return count, askers


@attrs.frozen(slots=True)
class Line:
    """A stretch of text: an interview's question line (`questions`)."""

    start: int
    stop: int


def questions(ctx: Context) -> list[Line]:
    """The interviewer's lines of an interview set out as `Имя: …` lines
    (`Корреспондент: Вам объясняли, когда дадут воду?`): what is asked, no
    claim of the text."""
    lines, askers = _name_lines(ctx)
    if lines < 2 or not askers:
        return []
    return [
        Line(sent.start, _paragraph_end(ctx, sent).stop)
        for sent, name in _labelled_lines(ctx)
        if name in askers
    ]


def _labelled_lines(ctx: Context) -> list[tuple[Sentence, str]]:
    """The lines after the first that open with a short capitalised name and
    a colon (`Корреспондент: …`, `Иван Петров: …`), each with that name."""
    found = []
    for sent in ctx.sents[1:]:
        if ctx.sents[sent.index - 1].paragraph == sent.paragraph:
            continue
        head = ctx.view[sent.start : sent.start + 60].split(":", 1)
        if len(head) == 2 and 0 < len(head[0].split()) <= 3 and head[0][:1].isupper():
            found.append((sent, head[0].strip()))
    return found


def _paragraph_end(ctx: Context, sent: Sentence) -> Sentence:
    """The last sentence of the paragraph `sent` opens."""
    end = sent
    while end.index + 1 < len(ctx.sents) and ctx.sents[end.index + 1].paragraph == sent.paragraph:
        end = ctx.sents[end.index + 1]
    return end
