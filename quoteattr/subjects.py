"""Which of the parse's subjects a verb has: the nearest nominal one, not a
name set after an oblique title, not one past another finite verb."""

from __future__ import annotations

from .mentions import _OPENING_MARKS, _SUBJECT_RELS, _is_nominal
from .morph import NAME_GRAMMEMES, parse
from .text import Sentence, Token


def nominal_subject(sent: Sentence, verb: int) -> int | None:
    """The verb's subject; a participle the parser also calls one is its
    attribute (`сказал поддерживающий Чавеса законодатель Хосе Авила`)."""
    tokens = sent.tokens
    subjects = [c for c in tokens[verb].children if tokens[c].rel in _SUBJECT_RELS]
    if not subjects and tokens[verb].feats.get("VerbForm") == "Fin":
        # An indeclinable name before the verb (`Спейси ответил`) the parser
        # took for a fronted object; the tagger still reads it nominative.
        subjects = [
            c
            for c in tokens[verb].children
            if c < verb
            and tokens[c].rel == "obj"
            and tokens[c].pos == "PROPN"
            and tokens[c].feats.get("Case") == "Nom"
        ]
    nominal = [c for c in subjects if _is_nominal(tokens[c])]
    if len(nominal) > 1:
        # `Нарышкин пообещал …, Жириновский потребовал …, а Хинштейн назвал`:
        # the parse may give one verb every subject; a finite verb between
        # a subject and this one is that subject's own.
        own = [c for c in nominal if not finite_between(tokens, c, verb)]
        # `Лавров по итогам переговоров с главой МИД Индонезии Сугионо
        # заявил`: a name set after an oblique title is that title's, not
        # a second subject.
        free = [c for c in own if not after_oblique_title(tokens, c)]
        # `сказал «Коммерсантъ-Волга»`, `— заявил «Матч ТВ» директор клуба`:
        # a name in marks beside the verb is the outlet told (an indeclinable
        # dative the parser took for a second subject), not who speaks.
        unmarked = [c for c in free or own or nominal if not _in_marks(tokens, c)]
        # `Местные жители, впрочем, упрекают власти`: the parse made the
        # object a second subject; the tagger still reads it accusative.
        named = [c for c in unmarked if tokens[c].feats.get("Case") in {"Nom", None}]
        nominal = sorted(named or unmarked or free or own or nominal, key=lambda c: abs(verb - c))
        if len(nominal) > 1 and nominal[1] == nominal[0] - 1 and _role_word(tokens[nominal[1]]):
            # `Слесарь-сантехник МУП … рассказал`: the tagger misread the role
            # and made its body a second subject; the role is the subject.
            nominal = [nominal[1]]
    return (nominal or subjects or [None])[0]


def _role_word(token: Token) -> bool:
    """A hyphenated role whose parts the dictionary knows as animate common
    nouns (`слесарь-сантехник`, `историк-краевед`)."""
    parts = token.text.lower().split("-")
    return len(parts) == 2 and all(len(p) > 2 and _animate_noun(p) for p in parts)


def _animate_noun(word: str) -> bool:
    return any(
        {"NOUN", "anim"} <= p.tag.grammemes and not NAME_GRAMMEMES & p.tag.grammemes
        for p in parse(word)
    )


def _in_marks(tokens: list[Token], i: int) -> bool:
    """A word set in quote marks (its name's first word right after one)."""
    return i > 0 and tokens[i - 1].text in _OPENING_MARKS


def after_oblique_title(tokens: list[Token], i: int) -> bool:
    before = tokens[i - 1] if i > 0 else None
    return (
        before is not None
        and before.pos in {"NOUN", "PROPN"}
        and before.feats.get("Case") not in {"Nom", None}
    )


def finite_between(tokens: list[Token], a: int, b: int) -> bool:
    lo, hi = min(a, b), max(a, b)
    return any(
        t.pos in {"VERB", "AUX"} and t.feats.get("VerbForm") == "Fin" for t in tokens[lo + 1 : hi]
    )


def semicolon_between(sent: Sentence, a: int, b: int) -> bool:
    return any(t.text == ";" for t in sent.tokens[a + 1 : b])


def comma_between(sent: Sentence, a: int, b: int) -> bool:
    return any(t.text in {",", ";"} for t in sent.tokens[a + 1 : b])


def subject_on_left(sent: Sentence, verb: int, blocked: set[int]) -> int | None:
    """The nominative that opens the verb's clause, reading left to the comma."""
    found = named = None
    for i in range(verb - 1, -1, -1):
        tok = sent.tokens[i]
        if tok.text in {",", ";", ":"} or i in blocked:
            break
        if tok.pos in {"NOUN", "PROPN", "PRON"} and (
            tok.rel in _SUBJECT_RELS or (tok.head < 0 and tok.feats.get("Case") == "Nom")
        ):
            # The parser may leave a long subject as a second root
            # (`президент «Ростелекома» Александр Провоторов высказал …`).
            found = i
        elif tok.pos == "PROPN" and tok.rel == "appos" and tok.feats.get("Case") == "Nom":
            # `Врач-инфекционист … больницы № 52 Ольга Ивкина в беседе с …
            # обратила внимание`: a name hung on a title the parse lost.
            named = i
    return found if found is not None else named
