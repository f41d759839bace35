"""Places and named bodies in a speaker's locative slot: `На Даунинг-стрит
заявили`, `В Белом доме заявили`, `сообщили в онлайн-кинотеатре «Кион»`.
"""

from __future__ import annotations

from . import lexicon
from .cues import norm
from .mentions import _CLOSING_MARKS, _OPENING_MARKS, phrase
from .morph import lemmas
from .names import nominative_phrase
from .text import Sentence, Token


def named_place(sent: Sentence, noun: int, blocked: set[int]) -> bool:
    """`Белом доме`: a place the institutions list names."""
    from .bodies import _named_institution

    words = [sent.tokens[i].text for i in phrase(sent, noun, blocked).tokens]
    return _named_institution(words)


def place_institution(token: Token) -> bool:
    """A seat that speaks for its body (`Даунинг-стрит`, `Старая площадь`)."""
    places = lexicon.words("institutions", "place")
    if lemmas(token.text) & places or norm(token.text) in places:
        return True
    before = token.sent.tokens[token.index - 1] if token.index > 0 else None
    if before is None or before.pos != "ADJ":
        return False
    # `На Смоленской площади`: the place is the adjective and its noun.
    return nominative_phrase([before.text, token.text]).lower().replace("ё", "е") in places


def name_in_marks_after(sent: Sentence, noun: int) -> bool:
    """A noun with a name in marks after it (`онлайн-кинотеатре «Кион»`):
    whatever the noun, it names a body."""
    tokens = sent.tokens
    return (
        noun + 2 < len(tokens)
        and tokens[noun + 1].text in _OPENING_MARKS
        and tokens[noun + 2].head == noun
        and tokens[noun + 2].text[:1].isupper()
    )


def named_in_marks(sent: Sentence, noun: int) -> bool:
    """A noun whose own phrase stands in marks, capitalised (`в «Саратовских
    авиалиниях»`, `в «Российских железных дорогах»`): a name, a body's."""
    tokens = sent.tokens
    first = noun
    while first > 0 and tokens[first - 1].text not in _OPENING_MARKS:
        if tokens[first - 1].head != noun or tokens[first - 1].pos not in {"ADJ", "PROPN", "NOUN"}:
            return False  # only the noun's own modifiers inside the marks
        first -= 1
    return (
        first > 0
        and tokens[first].text[:1].isupper()
        and noun + 1 < len(tokens)
        and tokens[noun + 1].text in _CLOSING_MARKS
    )
