"""Interviews in dialogue form: `— Как вы попали в проект?` / `— Меня позвал …`.

The questions are the interviewer's, who is seldom named and whose words are
not what a reader of the news is after; the answers are the interviewee's
words, each a direct quote with no cue of its own, which continues the
person the text introduced. Both outside annotators of this project's
sample sets read interviews that way (questions left out).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from . import lexicon
from .claims import Context
from .mentions import Mention
from .morph import lemmas
from .pairing import Quoted
from .text import Sentence

# A run needs at least this many questions answered in it.
_MIN_QUESTIONS = 2


def questions(text: str, quoted: Sequence[Quoted]) -> set[Quoted]:
    """The interviewer's questions: dialogue lines that are one question (no
    narrator's remark after it: `— Кого бы вы предложили? — спросил
    ведущий` says who asked, and is reported) answered by the next line, when
    the text holds at least two such exchanges."""
    lines = [q for q in quoted if q.style == "—" and q.depth == 0]
    asked = [
        q
        for q, nxt in itertools.pairwise(lines)
        if _asks(text, q) and not _only_asks(text, nxt) and _next_line(text, q, nxt)
    ]
    return set(asked) if len(asked) >= _MIN_QUESTIONS else set()


def _asks(text: str, q: Quoted) -> bool:
    return text[q.start : q.stop].rstrip().endswith("?")


def _only_asks(text: str, q: Quoted) -> bool:
    """A line that is a question and nothing else: an answer may end with
    one of its own (`… А потом главврач пришел. Как тут уедешь?`)."""
    inner = text[q.start : q.stop].rstrip()
    return inner.endswith("?") and not any(ch in inner[:-1] for ch in ".!")


def _next_line(text: str, q: Quoted, nxt: Quoted) -> bool:
    """`nxt` opens the paragraph right after `q`'s (blank lines between)."""
    between = text[q.stop : nxt.open]
    return not between.strip() and "\n" in between


def answers(text: str, quoted: Sequence[Quoted], asked: set[Quoted]) -> set[Quoted]:
    """The lines that answer the questions."""
    lines = [q for q in quoted if q.style == "—" and q.depth == 0]
    return {nxt for q, nxt in itertools.pairwise(lines) if q in asked}


def interviewee(ctx: Context, asked: set[Quoted]) -> Mention | None:
    """The person the text names last before the first question: the one
    the interview is with (`Социолог Андрей Мельников ответил на вопросы`)."""
    if not asked:
        return None
    first = min(q.open for q in asked)
    for sent in reversed(ctx.sents):
        if sent.start >= first:
            continue
        people = [
            (s, e)
            for s, e, kind in ctx.names[sent.index]
            if kind == "PER"
            and e <= first
            and not _interviewer(sent, s)
            # (not `Баир` of an answer's `«Баир, у нас хирурга нет»`)
            and not any(q.start <= s < q.stop for q in ctx.quoted)
        ]
        if people:
            s, e = people[-1]
            tokens = tuple(t.index for t in sent.tokens if s <= t.start and t.stop <= e)
            if tokens:
                return Mention(s, e, sent, tokens[-1], tokens)
    return None


def _interviewer(sent: Sentence, start: int) -> bool:
    """A name titled as the one who asks (`корреспондент газеты Алсу
    Гарипова`, `ведущий`), not the one the interview is with."""
    before = [t for t in sent.tokens if t.stop <= start][-6:]
    askers = lexicon.words("person_descriptors", "press")
    return any(lemmas(t.text) & askers for t in before)
