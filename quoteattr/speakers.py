"""Who is speaking: the speaker's mention found from the cue by syntax.

The parse gives the speaker as the cue verb's subject (`Путин заявил`), the
locative of an institution (`В Кремле заявили`), the genitive or possessive of
a `по словам` noun, the head noun of a participle cue (`эксперт, считающий`),
the subject of the verb a gerund cue hangs on (`…, отметив`), or the object
of `цитирует`. When the parse has none of these, the nearest name after a
postposed cue stands in.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Sequence

from . import lexicon, morph, places
from .cues import SOURCE, Cue, norm
from .mentions import (
    _CLOSING_MARKS,
    _OPENING_MARKS,
    _QUOTE_CHARS,
    _SUBJECT_RELS,
    PRONOUNS,
    Mention,
    _child,
    _is_nominal,
    _names_people,
    _participle_noun,
    number_clash,
    phrase,
    site_name_end,
    site_owner,
    with_genitives,
    with_preposition,
)
from .morph import lemmas
from .phrases import _POSSESSIVES
from .subjects import (
    comma_between,
    finite_between,
    nominal_subject,
    semicolon_between,
    subject_on_left,
)
from .text import Sentence, Token, as_written


def _stray_subject(sent: Sentence, verb: int, blocked: set[int]) -> Mention | None:
    """A subject the parser hung on a verb inside the quote (`X сообщил: «Мы …»`).

    Only a subject outside the content and on the cue's side of it counts.
    """
    tokens = sent.tokens
    near = None
    for t in tokens:
        if t.index in blocked or t.rel not in _SUBJECT_RELS or not _is_nominal(t):
            continue
        outside = t.head in blocked or t.head < 0
        if outside and (near is None or abs(t.index - verb) < abs(near - verb)):
            near = t.index
    return phrase(sent, near, blocked) if near is not None else None


def _nominative_object(sent: Sentence, verb: int, blocked: set[int]) -> Mention | None:
    """`…, сообщила компания-дистрибьютор «Арт Кино»`: a nominative after the
    verb that agrees with it, which the parser took for an object."""
    tokens = sent.tokens
    feats = tokens[verb].feats
    for c in tokens[verb].children:
        tok = tokens[c]
        if c <= verb or c in blocked or tok.pos not in {"NOUN", "PROPN"}:
            continue
        if tok.rel not in {"obj", "iobj", "obl", "nmod"} or not _agreeing_nominative(tok, feats):
            continue
        return phrase(sent, c, blocked)
    return None


def _agreeing_nominative(tok: Token, verb_feats: dict[str, str]) -> bool:
    """A nominative that agrees with the verb in number, and in gender where
    the verb has one (past tense)."""
    if tok.feats.get("Case") != "Nom" or tok.feats.get("Number") != verb_feats.get("Number"):
        return False
    gender = verb_feats.get("Gender")
    return gender is None or tok.feats.get("Gender") in {None, gender}


def _nominative_after(sent: Sentence, verb: int, blocked: set[int]) -> Mention | None:
    """`— предупредил в интервью газете «Звезда» профессор … Юрий Ханов`:
    a nominative after the verb, in its clause and agreeing with it, that
    the parser hung on nothing between (not `«Звезда»`, the paper's name)."""
    tokens = sent.tokens
    feats = tokens[verb].feats
    marked = False
    for k in range(verb + 1, len(tokens)):
        tok = tokens[k]
        if tok.text in _QUOTE_CHARS:
            marked = not marked  # a name in marks is the outlet's or the work's
            continue
        if tok.pos == "PUNCT" and tok.text in {",", ";", ":", ".", "(", "!", "?"}:
            return None
        if marked or k in blocked or tok.pos not in {"NOUN", "PROPN"}:
            continue
        if not _agreeing_nominative(tok, feats):
            continue
        if verb < tok.head < k:
            title = tokens[tok.head]
            if tok.rel == "appos" and title.pos == "NOUN" and title.feats.get("Animacy") == "Anim":
                # `— заявила на сходе мать троих детей Елена Гусева`: the
                # parser hung the title on `сходе`, the name on the title.
                return phrase(sent, tok.head, blocked)
            if tok.rel == "appos" and tok.pos == "PROPN" and title.pos not in {"NOUN", "PROPN"}:
                # `— написала в комментариях партнёрша Ланской по сериалу Алла
                # Кузьмина`, the title misread as a verb: the name alone.
                return phrase(sent, k, blocked)
            continue
        return phrase(sent, k, blocked)
    return None


def _subject_under_participle(sent: Sentence, verb: int, blocked: set[int]) -> Mention | None:
    """`Пенсионерка из Верхней Пышмы, потерявшая 1,8 млн рублей, рассказала`:
    the parser may make the set-off participle the verb's dependent and the
    subject the participle's; a nominative participle before the verb
    agreeing with it brings its subject back."""
    tokens = sent.tokens
    feats = tokens[verb].feats
    for c in tokens[verb].children:
        part = tokens[c]
        if (
            c > verb
            or part.feats.get("VerbForm") != "Part"
            or part.feats.get("Case") != "Nom"
            or part.feats.get("Number") != feats.get("Number")
        ):
            continue
        for k in part.children:
            if (
                k < c
                and k not in blocked
                and tokens[k].rel in _SUBJECT_RELS
                and _is_nominal(tokens[k])
            ):
                return phrase(sent, k, blocked | {c})
    return None


def _subject(sent: Sentence, verb: int, blocked: set[int]) -> Mention | None:
    subj = nominal_subject(sent, verb)
    if subj is not None and subj in blocked:
        # `— рассказал ИА Регнум министр …`: the parse made the outlet told a
        # subject too; the verb's other subject speaks.
        subj = next(
            (
                c
                for c in sent.tokens[verb].children
                if c not in blocked and sent.tokens[c].rel in {"nsubj", "nsubj:pass"}
            ),
            subj,
        )
    if subj is not None and _told_outlet(sent, verb, subj):
        # `Один из депутатов … сказал Asahi, что`: the outlet told, which the
        # parser made a second subject; the other one speaks.
        told = subj
        subj = next(
            (
                c
                for c in sent.tokens[verb].children
                if c != subj and sent.tokens[c].rel in {"nsubj", "nsubj:pass"}
            ),
            subj,
        )
        after = (
            _marks_then_nominative(sent.tokens, told - 1) or site_name_end(sent.tokens, told) + 1
        )
        while after < len(sent.tokens) and _age_or_adjective(sent.tokens[after]):
            after += 1  # (`35-летний Максим`)
        if subj == told and after < len(sent.tokens) and _nominative_one(sent.tokens[after]):
            subj = after  # `— рассказал Sports.ru один из болельщиков`, parsed apart
    if subj is not None and subj < verb and semicolon_between(sent, subj, verb):
        subj = None  # `Начало было намечено на 19 часов; подчёркивалось, что …`
    if (
        subj is not None
        and subj > verb
        and comma_between(sent, verb, subj)
        and finite_between(sent.tokens, subj, len(sent.tokens))
    ):
        # `X объявил о …, однако лидер оппозиции Y назвал …`: a subject past a
        # comma with a verb after it belongs to the next clause; the parser
        # mixed the two up (`сообщили в пятницу, 5 марта, турецкие СМИ` is one).
        subj = subject_on_left(sent, verb, blocked)
    if subj is not None and subj < verb:
        subj = _conjoined_subject(sent, subj, verb, blocked)
    if subj is None or subj in blocked:
        return None
    tok = sent.tokens[subj]
    if (
        tok.feats.get("Case") == "Gen"
        and subj > 0
        and sent.tokens[subj - 1].pos == "NOUN"
        and sent.tokens[subj - 1].feats.get("Case") == "Loc"
    ):
        return None  # `Во Всероссийском союзе пациентов выразили`: whose union, not who
    if number_clash(sent, verb, subj):
        return None  # `В Минфине «Ъ» сообщили`: the outlet told, the ministry spoke
    # A lone participle is a subject too (`задержанный успел сказать`).
    nominal = _is_nominal(tok) or _participle_noun(tok) or _share_sign(sent, subj)
    return phrase(sent, subj, blocked) if nominal else None


def _share_sign(sent: Sentence, i: int) -> bool:
    """`34% опрошенных признались`: the parser makes the sign the subject, the
    people it counts hang on it."""
    tok = sent.tokens[i]
    return tok.text == "%" and any(sent.tokens[c].pos == "NUM" for c in tok.children)


def _told_outlet(sent: Sentence, verb: int, subj: int) -> bool:
    """The subject is an outlet right after the verb (`сказал Asahi`)."""
    tok = sent.tokens[subj]
    if subj == verb + 2 and _marks_then_nominative(sent.tokens, verb + 1):
        return True  # `— рассказал «Омск Здесь» 35-летний Максим`: the channel told
    if subj != verb + 1:
        return False
    if site_name_end(sent.tokens, subj) > subj:
        return True  # `рассказал Sports.ru один из болельщиков`: a site was told
    return tok.pos in {"PROPN", "X"} and is_outlet(tok.text)


def _marks_then_nominative(tokens: Sequence[Token], i: int) -> int | None:
    """A name in marks from token i, a nominative after it: the index past the
    closing mark, else None."""
    if tokens[i].text not in _OPENING_MARKS:
        return None
    close = next(
        (k for k in range(i + 1, min(i + 6, len(tokens))) if tokens[k].text in _CLOSING_MARKS), None
    )
    if close is None or close + 1 >= len(tokens):
        return None
    k = close + 1
    while k < len(tokens) and _age_or_adjective(tokens[k]):
        k += 1
    if (
        k < len(tokens)
        and tokens[k].pos in {"NOUN", "PROPN"}
        and tokens[k].feats.get("Case") == "Nom"
    ):
        return close + 1
    return None


def _age_or_adjective(tok: Token) -> bool:
    """`35-летний`, `местный`: before the noun of who spoke (not `один`)."""
    return tok.feats.get("Case") in {"Nom", None} and (
        tok.pos == "ADJ" or (tok.pos == "NUM" and any(c.isdigit() for c in tok.text))
    )


def _nominative_one(tok: Token) -> bool:
    """A noun or a number in the nominative: who, after the outlet told."""
    return tok.pos in {"NOUN", "PROPN", "NUM"} and tok.feats.get("Case") == "Nom"


def _counted_subject(sent: Sentence, verb: int, blocked: set[int]) -> Mention | None:
    """`… заявили не менее десяти депутатов`: a counted plural after a verb
    with no subject is its subject, whatever the parser made it."""
    tokens = sent.tokens
    if tokens[verb].feats.get("Number") == "Sing" and tokens[verb].feats.get("Gender") != "Neut":
        return None
    if any(tokens[c].rel in _SUBJECT_RELS for c in tokens[verb].children):
        return None
    for i in range(verb + 1, min(verb + 6, len(tokens))):
        tok = tokens[i]
        if tok.pos == "PUNCT" or i in blocked:
            return None
        feats = tok.feats
        if tok.pos == "NOUN" and feats.get("Case") == "Gen" and feats.get("Number") == "Plur":
            counted = any(tokens[c].pos == "NUM" for c in tok.children) or (
                i > 0 and tokens[i - 1].pos == "NUM"
            )
            return phrase(sent, i, blocked) if counted else None
    return None


def _conjoined_subject(sent: Sentence, subj: int, verb: int, blocked: set[int]) -> int:
    """`Саакян заявил, что …, а его грузинский коллега Беридзе сообщил`: the
    parser may join the second subject to the first; a nominative joined so,
    after `, а` / `, но` and before the verb, is the verb's own."""
    tokens = sent.tokens
    for i in range(subj + 1, verb - 1):
        if tokens[i].text != "," or norm(tokens[i + 1].text) not in {"а", "но", "однако"}:
            continue
        for k in range(i + 2, verb):
            tok = tokens[k]
            if (
                k not in blocked
                and tok.rel == "conj"
                and tok.head == subj
                and tok.pos in {"NOUN", "PROPN"}
                and tok.feats.get("Case") == "Nom"
            ):
                return k
    return subj


def _name_before(sent: Sentence, verb: int, blocked: set[int]) -> Mention | None:
    """`На заседании кабинета Нетаньяху заявил`: the parser hung an
    indeclinable name before the verb on the noun before it; a nominative
    name right before a verb with no subject, agreeing with it, is the subject."""
    subject = nominal_subject(sent, verb)
    if verb == 0 or (subject is not None and _is_nominal(sent.tokens[subject])):
        return None
    tok, feats = sent.tokens[verb - 1], sent.tokens[verb].feats
    if tok.pos != "PROPN" or verb - 1 in blocked:
        return None
    if tok.feats.get("Case") != "Nom" and not _indeclinable_surname(tok.text):
        return None  # (`Чиквиладзе настаивает`: any case the tagger reads is this one)
    if any(tok.feats.get(f) != feats[f] for f in ("Gender", "Number") if f in feats):
        return None
    head = tok.index
    # Up from the surname to the first name and to a title it stands beside
    # (`руководитель полета Владимир Соловьев`, which the parse may also misplace).
    while sent.tokens[head].rel in {"flat:name", "flat", "appos"} and sent.tokens[head].head >= 0:
        up = sent.tokens[head].head
        if up > head or sent.tokens[up].pos not in {"PROPN", "NOUN"}:
            break  # (a title and a first name stand before the surname)
        if sent.tokens[up].feats.get("Case") != "Nom":
            break
        head = up
    return phrase(sent, head, blocked)


def _indeclinable_surname(word: str) -> bool:
    """A surname the dictionary lists as indeclinable (`Чиквиладзе`, `Гюго`)."""
    return any({"Fixd", "Surn"} <= p.tag.grammemes for p in morph.parse(word.lower()))


def _nominative_before(sent: Sentence, verb: int, blocked: set[int]) -> Mention | None:
    """`…, прибывшие поддержать его украинцы в зале ответили`: the parser made
    the noun an object of the participle's clause; a nominative noun agreeing
    with a verb that has no subject, before it past a place or a time at most,
    is the subject."""
    tokens = sent.tokens
    feats = tokens[verb].feats
    if nominal_subject(sent, verb) is not None:
        return None
    opened = _clause_set_off_before(tokens, verb)
    if opened is not None:
        # `Пять розничных сетей, имеющих представительство в Англии, объявили`:
        # the noun the participle's clause qualifies, right before it.
        i = opened - 1
        if i < 0 or i in blocked or tokens[i].pos not in {"NOUN", "PROPN"}:
            return None
        counted = tokens[i].feats.get("Case") == "Gen" and any(
            t.pos == "NUM" for t in tokens[max(0, i - 3) : i]
        )
        nominative = tokens[i].feats.get("Case") == "Nom" and (
            tokens[i].feats.get("Animacy") == "Anim" or is_institution(tokens[i])
        )
        if feats.get("Number") == "Plur" and (counted or nominative):
            return phrase(sent, i, blocked)
        return None
    for i in range(verb - 1, max(verb - 6, -1), -1):
        tok = tokens[i]
        if i in blocked or tok.pos in {"PUNCT", "VERB", "AUX", "CCONJ", "SCONJ"}:
            return None
        case = tok.feats.get("Case")
        if tok.pos in {"NOUN", "PROPN"} and case == "Nom":
            if any(tok.feats.get(f) != feats[f] for f in ("Gender", "Number") if f in feats):
                return None
            if tok.feats.get("Animacy") != "Anim" and not is_institution(tok):
                return None  # `Её исчезновение породило слухи`: a thing
            return phrase(sent, i, blocked)
        if case == "Nom":
            return None  # (an adjective or pronoun: the phrase is not a noun's)
    return None


def _clause_set_off_before(tokens: list[Token], verb: int) -> int | None:
    """The opening comma of a participle's clause set off right before the
    verb (`…, имеющих широкое представительство в Англии, объявили`)."""
    if verb < 3 or tokens[verb - 1].text != ",":
        return None
    for k in range(verb - 2, max(verb - 16, 0), -1):
        if tokens[k].text == ",":
            first = tokens[k + 1]
            return k if first.feats.get("VerbForm") == "Part" else None
        if tokens[k].pos == "PUNCT" and tokens[k].text not in {"«", "»", '"'}:
            return None
    return None


def _locative(sent: Sentence, verb: int, blocked: set[int]) -> Mention | None:
    """`В Кремле заявили`, `в пресс-службе компании сообщили`.

    A document in that slot (`говорится в заявлении, опубликованном
    Даунинг-стрит`) is not the speaker; its author is.
    """
    if _subject_past_place(sent, verb, blocked):
        return None  # `написал в Telegram-канале «Трасса Сибирь» один из водителей`
    for c in sent.tokens[verb].children:
        token = sent.tokens[c]
        if c in blocked or token.rel != "obl":
            continue
        if norm(token.text) in _RELATIVE_LOC and _prepositions(sent, c) & {"в", "во", "на"}:
            # `Пентагон опубликовал справку, в которой говорилось, что …`
            found = _relative_document(sent, verb, c, blocked)
            if found is not None:
                return found
            continue
        if token.pos not in {"NOUN", "PROPN"}:
            continue
        if _own(sent, c):
            continue
        cases = _prepositions(sent, c)
        if cases & {"в", "во", "на"} and is_document(token):
            # `говорится в заявлении Кремля`, `сообщается на сайте министерства`
            return document_author(sent, c, blocked)
        if (
            cases & {"в", "во"}
            and token.feats.get("Case") in {"Loc", None}
            and (is_institution(token) or _counts_bodies(sent, c))
        ):
            return with_preposition(with_genitives(phrase(sent, c, blocked), blocked))
        if "на" in cases and places.place_institution(token):
            return with_preposition(phrase(sent, c, blocked))  # `На Даунинг-стрит заявили`
        if "на" in cases and token.feats.get("Case") in {"Loc", None} and _spoken_of_on(token):
            # `заверили на заводе`, `на предприятии сообщили`
            return with_preposition(with_genitives(phrase(sent, c, blocked), blocked))
        if cases & {"в", "во"} and places.named_place(sent, c, blocked):
            return with_preposition(phrase(sent, c, blocked))  # `В Белом доме заявили`
        if cases & {"в", "во"} and places.named_in_marks(sent, c):
            return with_preposition(phrase(sent, c, blocked))  # `В «Саратовских авиалиниях»`
        if cases & {"в", "во"} and places.name_in_marks_after(sent, c):
            # `сообщили в онлайн-кинотеатре «Кион»`: any noun with a name in
            # marks names a body.
            return with_preposition(phrase(sent, c, blocked))
    return _locative_after(sent, verb, blocked) or _locative_opening(sent, verb, blocked)


def _counts_bodies(sent: Sentence, i: int) -> bool:
    """`В ряде Telegram-каналов`, `в части СМИ`: a count of bodies, which
    speak as the bodies would."""
    tokens = sent.tokens
    if not lemmas(tokens[i].text) & _COUNT_HEADS:
        return False
    return any(
        tokens[c].rel == "nmod"
        and tokens[c].feats.get("Case") in {"Gen", None}  # (`Telegram-каналов`: no case read)
        and is_institution(tokens[c])
        for c in tokens[i].children
    )


_COUNT_HEADS = frozenset({"ряд", "часть", "большинство", "множество"})


def _spoken_of_on(token: Token) -> bool:
    """A body spoken of with `на` (institutions.txt, tag `on`)."""
    return bool(lemmas(token.text) & lexicon.words("institutions", "on"))


def locative_body(sent: Sentence, verb: int) -> Mention | None:
    """The institution named in the verb's `в`-locative (`В Кремле заявили`,
    `В Госдепартаменте призвали`)."""
    return _locative(sent, verb, set())


def _subject_past_place(sent: Sentence, verb: int, blocked: set[int]) -> bool:
    """A nominative right after the verb's `в …` phrase: the subject the parse
    hung elsewhere, the place only where it was said."""
    tokens = sent.tokens
    places = [c for c in tokens[verb].children if c > verb and tokens[c].rel == "obl"]
    if not places:
        return False
    within = {t.index for c in places for t in sent.subtree(c)}
    nxt = next((i for i in range(verb + 1, len(tokens)) if i not in within), None)
    if nxt is None or nxt in blocked or nxt != max(within) + 1:
        return False
    tok = tokens[nxt]
    return (
        tok.pos in {"NOUN", "NUM", "PROPN"}
        and tok.feats.get("Case") == "Nom"
        and tok.rel in {"nsubj", "nsubj:pass"}
    )


def _locative_opening(sent: Sentence, verb: int, blocked: set[int]) -> Mention | None:
    """`В Федерации фигурного катания на коньках России заявили, что …`: an
    institution in the locative opening the sentence, before a verb with no
    subject, is where it was said, wherever the parser hung it."""
    tokens = sent.tokens
    # The clause opens the sentence or follows its colon (`Часть из них были
    # оправданы: в WADA в апреле признали, что …`).
    opening = next((i + 1 for i in range(verb - 1, -1, -1) if tokens[i].text in ":;"), 0)
    if verb < opening + 2 or norm(tokens[opening].text) not in {"в", "во"} or opening in blocked:
        return None
    if any(t.pos in {"VERB", "AUX"} or t.text in ",;:" for t in tokens[opening + 1 : verb]):
        return None
    noun = next((i for i in range(opening + 1, verb) if tokens[i].pos in {"NOUN", "PROPN"}), None)
    # (`В «Балтийской паромной линии» назвали`: after `в` the tagger may read
    # a genitive or a dative, never a locative's rival, the nominative.)
    if noun is None or noun in blocked or tokens[noun].feats.get("Case") not in _AFTER_V:
        return None
    if not is_institution(tokens[noun]) and not places.named_in_marks(sent, noun):
        return None
    # Up to a second place or time (`в апреле`), which is no part of the name
    # (as `на коньках` is of `Федерации фигурного катания на коньках`).
    end = next((i for i in range(noun + 1, verb) if norm(tokens[i].text) in {"в", "во"}), verb)
    span = tuple(range(opening + 1, end))
    mention = Mention(tokens[opening + 1].start, tokens[end - 1].stop, sent, noun, span)
    return with_preposition(mention)


_AFTER_V = frozenset({"Loc", "Gen", "Dat", None})


def _locative_after(sent: Sentence, verb: int, blocked: set[int]) -> Mention | None:
    """`…, сообщили в Арктическом и антарктическом институте`: an
    institution in the locative right after the verb is where it was said,
    wherever the parser hung it."""
    tokens = sent.tokens
    at = verb + 1
    outlet = addressee_outlet(sent, verb)
    while at < len(tokens) and at in outlet and at - verb <= 4:
        at += 1  # `сообщили РИА Новости в Камчатском филиале …`: past whom it was told
    if at >= len(tokens) or norm(tokens[at].text) not in {"в", "во"} or at in blocked:
        return None
    noun = tokens[at].head
    if noun <= at or noun in blocked or any(k in blocked for k in range(at, noun)):
        return None
    token = tokens[noun]
    if token.pos != "NOUN" or token.feats.get("Case") not in {"Loc", None}:
        return None
    if not is_institution(token) or _own(sent, noun):
        return None
    return with_preposition(with_genitives(phrase(sent, noun, blocked), blocked))


def _own(sent: Sentence, noun: int) -> bool:
    """`написал в своем Telegram-канале губернатор`: the speaker's own place
    (`свой`), never the speaker."""
    return any(lemmas(sent.tokens[k].text) & {"свой"} for k in sent.tokens[noun].children)


_RELATIVE_LOC = {"которой", "котором", "которых"}


def _relative_document(sent: Sentence, verb: int, rel: int, blocked: set[int]) -> Mention | None:
    """`справку, в которой говорилось`: the document the relative clause
    hangs on, and its author: named on it, or the subject of the verb that
    takes it (`Пентагон опубликовал справку`)."""
    tokens = sent.tokens
    noun = _agreeing_left(sent, rel)
    if noun is None:
        noun = tokens[verb].head if tokens[verb].rel in {"acl:relcl", "acl"} else -1
    if noun is None or noun < 0 or not is_document(tokens[noun]):
        return None
    found = document_author(sent, noun, blocked)
    if found is not None:
        return found
    head = tokens[noun].head
    if tokens[noun].rel in {"obj", "nsubj:pass"} and head >= 0:
        for k in tokens[head].children:
            if k not in blocked and tokens[k].rel == "nsubj" and tokens[k].pos in {"PROPN", "NOUN"}:
                return phrase(sent, k, blocked)
    return None


def _prepositions(sent: Sentence, i: int) -> set[str]:
    """The prepositions a noun takes: `в` in `в заявлении`."""
    tokens = sent.tokens
    return {norm(tokens[k].text) for k in tokens[i].children if tokens[k].rel == "case"}


def is_institution(token: Token) -> bool:
    """`Кремле`, `МИД`, `пресс-службе`: a place or body that can speak."""

    if token.pos == "PROPN" or (token.text[:1].isupper() and token.index > 0):
        return True
    bodies = lexicon.words("institutions")
    if lemmas(token.text) & bodies:
        return True
    # `в компании-перевозчике`: a compound headed by its first noun.
    return "-" in token.text[1:-1] and bool(lemmas(token.text.split("-")[0]) & bodies)


def is_document(token: Token) -> bool:

    return bool(lemmas(token.text) & lexicon.words("document_nouns"))


def _can_write(token: Token) -> bool:
    """A name, someone, or a body: not `материалы дела`, `выводы расследования`."""
    if token.pos != "NOUN" or token.feats.get("Animacy") == "Anim":
        return True
    return bool(lemmas(token.text) & _writers()) or is_institution(token)


@functools.cache
def _writers() -> frozenset[str]:
    return (
        lexicon.words("institutions")
        | lexicon.words("anonymous")
        | lexicon.words("person_descriptors")
    )


def document_author(sent: Sentence, noun: int, blocked: set[int]) -> Mention | None:
    """`заявлении, опубликованном Даунинг-стрит`, `сообщении МИД`, `заявлении Кремля`."""
    tokens = sent.tokens
    for c in tokens[noun].children:
        t = tokens[c]
        if c in blocked:
            continue
        if t.rel in {"det", "nmod:poss"} and norm(t.text) in _POSSESSIVES and c < noun:
            # `говорится в их заявлении`: the pronoun's antecedent wrote it.
            return Mention(t.start, t.stop, sent, c, (c,))
        if (
            t.rel in {"nmod", "appos"}
            and t.pos in {"PROPN", "NOUN", "X"}
            # (a site's name, `в обзоре Дом.РФ`, is in no case the tagger knows)
            and (t.feats.get("Case") in {"Gen", None} or site_name_end(tokens, c) > c)
            and c > noun
            and _can_write(t)
        ):
            # `в докладе S&P`: a foreign name comes as an apposition
            return _town_body(sent, c, blocked) or phrase(sent, c, blocked)
        if t.rel in {"acl", "acl:relcl"}:
            for k in t.children:
                if tokens[k].rel in {"obl:agent", "nsubj", "obl"} and tokens[k].pos in {
                    "PROPN",
                    "NOUN",
                }:
                    has_case = any(tokens[m].rel == "case" for m in tokens[k].children)
                    if tokens[k].rel != "obl" or not has_case:
                        return phrase(sent, k, blocked)
    # `говорится в сообщении в официальном Twitter клуба`: whose feed carried it.
    owner = site_owner(tokens, noun + 1, min(len(tokens), noun + 6))
    if (
        owner is not None
        and owner not in blocked
        and tokens[owner].feats.get("Case") in {"Gen", None}
    ):
        return phrase(sent, owner, blocked)
    return None


def _town_body(sent: Sentence, i: int, blocked: set[int]) -> Mention | None:
    """`в приговоре Березовского городского суда`: the parse hangs a town's
    adjective the tagger took for a name beside the body it names; the body
    with it."""
    tokens = sent.tokens
    if not PLACE_ADJECTIVE.fullmatch(tokens[i].text):
        return None
    case = tokens[i].feats.get("Case")
    k = i + 1
    while k < len(tokens) and tokens[k].pos == "ADJ" and tokens[k].feats.get("Case") == case:
        k += 1
    if k == i + 1 or k >= len(tokens) or k in blocked:
        return None
    body = tokens[k]
    if body.pos != "NOUN" or body.feats.get("Case") != case or not is_institution(body):
        return None
    end = max(phrase(sent, k, blocked).tokens)
    return Mention(tokens[i].start, tokens[end].stop, sent, k, tuple(range(i, end + 1)))


# A town's or region's adjective, capitalised: `Березовского`, `Магнитогорский`.
PLACE_ADJECTIVE = re.compile(r"[А-ЯЁ][а-яё-]+(?:ск|цк)(?:ий|ой|ая|ое|ого|ому|им|ом|ую)")

_PASSING = frozenset({"передать", "передавать"})


def _words_of(sent: Sentence, cue: Cue, blocked: set[int]) -> Mention | None:
    """`приводятся на сайте слова директора Франсиса Каффу`, `цитирует
    газета слова министра`: whose words a citing verb brings is its speaker,
    however the parse hangs `слова`."""

    tokens = sent.tokens
    # (`передает агентство слова одного из собеседников`: passed on as cited)
    if not lemmas(tokens[cue.head].text) & (_citing() | _PASSING):
        return None
    for i in range(cue.last + 1, min(len(tokens) - 1, cue.last + 8)):
        if i in blocked:
            return None
        if norm(tokens[i].text) == "слова" and "слово" in lemmas(tokens[i].text):
            own = tokens[i - 1]
            if norm(own.text) in PRONOUNS and i - 1 not in blocked and i - 1 > cue.last:
                # `приводит его слова агентство`: his words, so he speaks.
                return phrase(sent, i - 1, blocked | {i})
            j = i + 1
            while j < len(tokens) and tokens[j].pos == "ADJ":
                j += 1
            if (
                j < len(tokens)
                and j not in blocked
                # (`слова одного из сотрудников`: one of a group too;
                # `слова пострадавшей`: a participle for the one it names)
                and (
                    tokens[j].pos in {"NOUN", "PROPN", "NUM"}
                    or tokens[j].feats.get("VerbForm") == "Part"
                )
                and (tokens[j].feats.get("Case") in {"Gen", None})
            ):
                return phrase(sent, j, blocked | {i})
            return None
    return None


def cites(cue: Cue) -> bool:
    """`цитирует`, `приводятся слова`: the words are someone's the document
    or outlet brings, not its own."""
    return bool(lemmas(cue.sent.tokens[cue.head].text) & _citing())


@functools.cache
def _citing() -> frozenset[str]:
    """The lexicon's citing verbs (`cite`) and their passives (`приводятся`)."""
    cite = lexicon.words("speech_verbs", "cite")
    return cite | {verb + "ся" for verb in cite}


@functools.cache
def _speech_acts() -> frozenset[str]:
    """Nouns of a speech act, not a text (`слова`, `заявление`: `nodoc`)."""
    return lexicon.words("document_nouns", "nodoc")


def words_object(sent: Sentence, verb: int) -> bool:
    """`передает Reuters слова Кира Стармера`: a verb whose object is someone's
    words cites them, as `цитирует` does."""
    if not sent.parsed:
        return False
    tokens = sent.tokens
    nouns = _speech_acts()
    return any(
        tokens[c].rel == "obj"
        and c > verb
        and c + 1 < len(tokens)
        and lemmas(tokens[c].text) & nouns
        # whose: `слова Кира Стармера`, not `породило слухи`
        and tokens[c + 1].pos in {"PROPN", "NOUN", "ADJ"}
        and tokens[c + 1].feats.get("Case") == "Gen"
        for c in tokens[verb].children
    )


def _mere_thing(token: Token, speech_acts: frozenset[str]) -> bool:
    """A thing brought, not someone whose words are: an inanimate common
    noun that is no body and no act of speech (`данные`, `цифры`)."""
    return (
        token.pos == "NOUN"
        and token.feats.get("Animacy") == "Inan"
        and not morph.common_animate(token.text)  # (the tagger's `наставницу`: a thing)
        and not is_institution(token)
        and not is_document(token)  # (`цитирует заявление объединения`: whose it is)
        and not lemmas(token.text) & speech_acts
    )


def _quoted_person(sent: Sentence, verb: int, blocked: set[int]) -> Mention | None:
    """`цитирует «Взгляд» Дмитрия Медведева`: the one quoted speaks.

    The object is preferred; a nominative is the outlet that quotes, however
    the parser labelled it (`цитирует РБК российского лидера`).
    """
    tokens = sent.tokens
    nouns = _speech_acts()
    for i in range(verb):
        # `Слова Татьяны Голиковой приводит «Интерфакс»: «…»`: whose words,
        # put first, whatever clause the parser hung them on.
        nxt = tokens[i + 1]
        if (
            nxt.pos in {"PROPN", "NOUN"}
            and nxt.feats.get("Case") == "Gen"
            and i not in blocked
            and lemmas(tokens[i].text) & nouns
        ):
            return _whose_words(sent, i, blocked)
    right = _quoted_right_after(sent, verb, blocked)
    if right is not None:
        return right
    found = [
        c
        for c in tokens[verb].children
        if c not in blocked
        and tokens[c].rel in {"obj", "iobj", "nmod"}
        and tokens[c].pos in {"PROPN", "NOUN", "PRON"}
        and not _mere_thing(tokens[c], nouns)  # `приводят данные о том, что`
    ]
    subjects = [c for c in tokens[verb].children if tokens[c].rel in _SUBJECT_RELS]
    if not found and len(subjects) > 1:
        # `цитирует агентство Reuters источник в Еврокомиссии`: the parse makes
        # both subjects; the outlet quotes, the person or source is quoted.
        # A case other than the nominative first: `цитирует издание политика`.
        for c in sorted(subjects, key=lambda c: tokens[c].feats.get("Case") == "Nom"):
            t = tokens[c]
            if c not in blocked and (
                t.feats.get("Animacy") == "Anim"
                or _names_people(t.text)
                or t.feats.get("Case") in {"Acc", "Gen"}
            ):
                return phrase(sent, c, blocked)
    if not found:
        # `цитирует издание французского лидера`: the parse may hang the one
        # quoted on the outlet, as its genitive; a person is not the outlet's.
        for subj in (c for c in tokens[verb].children if tokens[c].rel in _SUBJECT_RELS):
            for c in tokens[subj].children:
                t = tokens[c]
                if c == verb + 1 and c not in blocked and norm(t.text) in _POSSESSIVES:
                    # `процитировали ее участники заседания`: right after the
                    # verb, `ее` is whom they quote, not whose they are.
                    return Mention(t.start, t.stop, sent, c, (c,))
                if (
                    c > subj
                    and c not in blocked
                    and t.rel == "nmod"
                    and (t.feats.get("Animacy") == "Anim" and t.pos in {"NOUN", "PROPN"})
                ):
                    return phrase(sent, c, blocked)
        return None
    best = min(
        found,
        key=lambda c: (sent.tokens[c].feats.get("Case") == "Nom", sent.tokens[c].rel != "obj"),
    )
    return _whose_words(sent, best, blocked)


def _quoted_right_after(sent: Sentence, verb: int, blocked: set[int]) -> Mention | None:
    """`— цитирует ученого пресс-служба института`, `цитирует японку агентство
    Kyodo`: a person in the accusative right after the verb is the one quoted,
    whatever the parser made of it; the outlet comes after."""
    tokens = sent.tokens
    k = verb + 1
    while k < len(tokens) and tokens[k].pos in {"ADJ", "DET"} and k not in blocked:
        k += 1  # `цитирует 28-летнего форварда`
    if k >= len(tokens) or k in blocked or tokens[k].pos not in {"NOUN", "PROPN"}:
        return None
    tok = tokens[k]
    if tok.feats.get("Case") not in {"Acc", "Gen"} or tok.feats.get("Animacy") != "Anim":
        return None
    if _is_outlet([tok]):
        return None
    nxt = tokens[k + 1] if k + 1 < len(tokens) else None
    if nxt is None or not (
        nxt.feats.get("Case") == "Nom" or lemmas(nxt.text) & outlet_kinds() or _is_outlet([nxt])
    ):
        return None  # no outlet after it: the general rules decide
    return Mention(tokens[verb + 1].start, tok.stop, sent, k, tuple(range(verb + 1, k + 1)))


def _whose_words(sent: Sentence, i: int, blocked: set[int]) -> Mention:
    """`слова представителя компании` → `представителя компании`, `его
    слова` → `его`: whose the quoted words are; any other object as it is."""
    tokens = sent.tokens
    if not lemmas(tokens[i].text) & _speech_acts():
        return phrase(sent, i, blocked)
    after = i + 1
    if (
        after < len(tokens)
        and after not in blocked
        and tokens[after].pos in {"NOUN", "PROPN"}
        and tokens[after].feats.get("Case") == "Gen"
    ):
        return phrase(sent, after, blocked)
    for k in (i - 1, i + 1):
        if 0 <= k < len(tokens) and k not in blocked and norm(tokens[k].text) in _POSSESSIVES:
            return Mention(tokens[k].start, tokens[k].stop, sent, k, (k,))
    return phrase(sent, i, blocked)


def _reference(sent: Sentence, verb: int, blocked: set[int]) -> Mention | None:
    """`со ссылкой на Y`, `ссылаясь на Y`: the words are Y's."""
    for i in range(verb + 1, len(sent.tokens) - 2):
        if norm(sent.tokens[i].text) in _REFERRING and norm(sent.tokens[i + 1].text) == "на":
            target = i + 2
            while target + 1 < len(sent.tokens) and sent.tokens[target].pos in {"ADJ", "DET"}:
                target += 1  # `на региональный оперативный штаб`: the noun
            for c in sent.tokens[i].children:
                if sent.tokens[c].rel in {"nmod", "obl"} and c > i:
                    target = c
            if lemmas(sent.tokens[target].text) & _data_nouns():
                # `ссылаясь на данные Росстата`: the body whose data they are;
                # `на данные бортового самописца`: no one's, the subject speaks.
                target = _data_owner(sent, target)
                if target is None:
                    return None
            if target not in blocked:
                return phrase(sent, target, blocked)
    return None


@functools.cache
def _data_nouns() -> frozenset[str]:
    return lexicon.words("source_nouns", "data")


def _data_owner(sent: Sentence, noun: int) -> int | None:
    """Whose data: the genitive after the noun, a name, a body or a person."""
    for c in sent.tokens[noun].children:
        tok = sent.tokens[c]
        if c > noun and tok.rel == "nmod" and tok.feats.get("Case") == "Gen":
            agent = tok.pos == "PROPN" or is_institution(tok) or tok.feats.get("Animacy") == "Anim"
            return c if agent else None
    return None


_REFERRING = frozenset({"ссылкой", "ссылаясь"})

_RELATIVE = {"который", "которая", "которое", "которые"}


def _antecedent_of_relative(mention: Mention | None) -> Mention | None:
    """`Бекенбауэра, который отшучивается`: the relative clause's noun speaks."""
    if mention is None or norm(mention.head_token.text) not in _RELATIVE:
        return mention
    sent = mention.sent
    verb = mention.head_token.head
    after_comma = mention.head > 0 and sent.tokens[mention.head - 1].text == ","
    if verb < 0 or (sent.tokens[verb].rel not in {"acl:relcl", "acl"} and not after_comma):
        # (`…, который призвал`: a relative however the parse hung its verb,
        # even as the sentence's root)
        return mention
    noun = _agreeing_left(sent, mention.head)
    if noun is None:
        noun = sent.tokens[verb].head
    if noun < 0:
        return mention
    return phrase(sent, noun, {verb})


def _agreeing_left(sent: Sentence, rel: int) -> int | None:
    """The noun just before `, который` that agrees with it in number and
    gender: `конкурентов: сенатор Барак Обама, который заявил` is Обама,
    wherever the parser hung the clause."""
    tokens = sent.tokens
    want = tokens[rel].feats
    i = rel - 1
    while i >= 0 and tokens[i].pos == "PUNCT":
        i -= 1
    for j in range(i, max(i - 6, -1), -1):
        tok = tokens[j]
        if tok.pos == "PUNCT":
            return None
        if tok.pos not in {"NOUN", "PROPN"}:
            continue
        if all(tok.feats.get(f) == want.get(f) for f in ("Number", "Gender") if want.get(f)):
            # The name's head, not its last word: `Барак` <- `Обама` (flat:name).
            while tokens[j].rel in {"flat:name", "flat"} and 0 <= tokens[j].head < j:
                j = tokens[j].head
            return j
    return None


def of_cue(cue: Cue, content: tuple[int, int] | None = None) -> Mention | None:
    """The speaker mention the parse links to a cue, or None."""
    return _antecedent_of_relative(_of_cue(cue, content))


def addressee_outlet(sent: Sentence, verb: int) -> set[int]:
    """`В Минобороны ТАСС сообщили`, `Песков «Известиям» сказал`: an outlet
    named right before the verb, after a place or a topic, or in the dative,
    is whom it was told (outlets.txt); its tokens, marks included, or
    nothing."""
    tokens = sent.tokens
    end = verb
    while end > 0 and tokens[end - 1].text in _QUOTE_CHARS:
        end -= 1
    for size in (4, 3, 2, 1):
        first = end - size
        if first < 1 or not _is_outlet(tokens[first:end]):
            continue
        while first > 0 and tokens[first - 1].text in _QUOTE_CHARS:
            first -= 1
        told = any(t.rel == "iobj" or t.feats.get("Case") == "Dat" for t in tokens[first:end])
        if told or _after_place_or_topic(tokens, first):
            return set(range(first, verb))
        return set()
    return _outlet_after(tokens, verb)


def _outlet_after(tokens: Sequence[Token], verb: int) -> set[int]:
    """`сообщили E1.RU в пресс-службе мэрии`, `сообщил ТАСС источник`: an
    outlet right after the verb, someone else after it, was told."""
    start = verb + 1
    while start < len(tokens) and tokens[start].text in _QUOTE_CHARS:
        start += 1
    for size in (4, 3, 2, 1):
        stop = start + size
        if stop >= len(tokens) or not _is_outlet(tokens[start:stop]):
            continue
        while stop < len(tokens) and tokens[stop].text in _QUOTE_CHARS:
            stop += 1
        nxt = tokens[stop] if stop < len(tokens) else None
        if nxt is not None and (
            (nxt.pos == "ADP" and norm(nxt.text) in {"в", "во", "на"})
            or (nxt.pos in {"NOUN", "PROPN"} and nxt.feats.get("Case") == "Nom")
        ):
            return set(range(verb + 1, stop))
        return set()
    return set()


def _is_outlet(words: Sequence[Token]) -> bool:
    if any(t.text in _QUOTE_CHARS for t in words):
        return False
    return is_outlet(as_written(words), tuple(t.text for t in words))


# Cached: a description is resolved against every body named before it.
@functools.lru_cache(maxsize=20_000)
def is_outlet(written: str, words: tuple[str, ...] | None = None) -> bool:
    """A news outlet of outlets.txt: `written` as is, or `words` (default:
    its words) lemma by lemma (`Интерфаксу`, `РИА Новости`)."""
    outlets = lexicon.words("outlets")
    if words is None:
        words = tuple(written.replace("«", " ").replace("»", " ").replace('"', " ").split())
    if not words or len(words) > 4:
        return False
    if len(words) > 1 and lemmas(words[0]) & outlet_kinds():
        words = words[1:]  # `ИА Регнум`, `агентству Bloomberg`
        written = " ".join(words)
    return norm(written.strip('«»" ')) in outlets or any(
        " ".join(combo) in outlets
        for combo in itertools.product(*((lemmas(w) | {norm(w)}) for w in words))
    )


@functools.cache
def outlet_kinds() -> frozenset[str]:
    """Kind nouns set before an outlet's name: the media nouns, `агентство`,
    which also heads state bodies and so is not tagged media, and `ИА`."""
    return lexicon.words("institutions", "media") | {"агентство", "иа"}


def _after_place_or_topic(tokens: Sequence[Token], first: int) -> bool:
    """`В Кремле`, `В пресс-службе ведомства`, `Об этом` right before the
    outlet: it was told, not telling. (A subject before it may own it
    instead: `Источник Интерфакса сообщил`.)"""
    for token in reversed(tokens[:first]):
        if token.pos == "ADP":
            return norm(token.text) in {"в", "во", "на", "об", "о"}
        if token.pos not in {"NOUN", "PROPN", "ADJ", "DET", "PRON", "NUM"} and (
            token.text not in _QUOTE_CHARS
        ):
            return False
    return False


def _of_cue(cue: Cue, content: tuple[int, int] | None = None) -> Mention | None:
    sent = cue.sent
    tokens = sent.tokens
    blocked = set(range(cue.first, cue.last + 1)) - {cue.head}
    if content is not None:
        blocked |= {t.index for t in tokens if content[0] <= t.start < content[1]}
        if content[0] <= tokens[cue.head].start < content[1]:
            # A cue set off inside its own claim (`Такой переход, считает
            # вице-губернатор, повысит …`): its subject sits in the content span.
            blocked -= {t.index for t in sent.subtree(cue.head)}
    blocked.discard(cue.head)
    if not sent.parsed:
        return None
    if cue.type == SOURCE:
        return _of_source(cue, blocked)
    blocked |= addressee_outlet(sent, cue.first)

    verb = cue.head
    tags = cue.tags
    token = tokens[verb]
    found = None
    found = _words_of(sent, cue, blocked)
    if found is None and ("cite" in tags or ("naming" not in tags and words_object(sent, verb))):
        found = _quoted_person(sent, verb, blocked)
    found = found or _conjoined_participle(sent, verb, blocked)
    found = found or _reference(sent, verb, blocked) or _subject(sent, verb, blocked)
    found = found or _counted_subject(sent, verb, blocked)
    found = found or _name_before(sent, verb, blocked)
    found = found or _nominative_before(sent, verb, blocked)
    if found is None:
        form = token.feats.get("VerbForm")
        if (
            form == "Part"
            and token.rel in {"acl", "acl:relcl", "amod"}
            and token.head >= 0
            # (not the cue's own noun: `выразивший убеждение`, misparsed)
            and not cue.first <= token.head <= cue.last
        ):
            found = phrase(sent, token.head, blocked | {verb})
        elif (
            token.rel in {"conj", "advcl", "xcomp"}
            and token.head >= 0
            and "impersonal" not in tags
            and not semicolon_between(sent, token.head, verb)
        ):
            # `заявил …, отметив` / `заявил и добавил`: the first verb's subject.
            first = _outside_clause(sent, token.head)
            while (
                tokens[first].rel == "xcomp"
                and tokens[first].head >= 0
                and nominal_subject(sent, first) is None
            ):
                # `Ряд организаций потребовал снять …, назвав её «…»`: the
                # infinitive's subject is the verb's it completes.
                first = tokens[first].head
            found = (
                _subject(sent, first, blocked)
                or _locative(sent, first, blocked)
                or _name_before(sent, first, blocked)
            )
        if found is None and "impersonal" not in tags:
            # `Гитарист Стюарт Ганн, покинувший …, написал в Twitter: «Мы …»`:
            # a subject before the verb that the parser hung inside the quote
            # outranks where it was written.
            stray = _stray_subject(sent, verb, blocked)
            if (
                stray is not None
                and stray.stop <= token.start
                and (
                    stray.head_token.pos == "PROPN"
                    or stray.head_token.feats.get("Animacy") == "Anim"
                )
            ):
                found = stray
        if found is None:
            found = _locative(sent, verb, blocked)
        if found is None and "impersonal" not in tags and form != "Part":
            left = subject_on_left(sent, verb, blocked)
            found = phrase(sent, left, blocked) if left is not None else None
        if found is None and "impersonal" not in tags and form == "Fin":
            found = _shared_subject(sent, verb, blocked)
        if found is None and "impersonal" not in tags:
            found = _subject_under_participle(sent, verb, blocked)
        if found is None and "impersonal" not in tags and form == "Fin":
            found = _nominative_object(sent, verb, blocked)
        if found is None and "impersonal" not in tags and form == "Fin":
            found = _nominative_after(sent, verb, blocked)
        if found is None and "impersonal" not in tags:
            found = _stray_subject(sent, verb, blocked)
        if found is None and "impersonal" in tags:
            found = _stray_document(sent, blocked)
    return found


def _outside_clause(sent: Sentence, verb: int) -> int:
    """`объявляет, что мир катится в ад, а во второй спрашивает`: the parse
    joins the second verb to the reported clause's; it is the cue's partner."""
    tokens = sent.tokens
    marked = any(
        tokens[m].rel == "mark" and norm(tokens[m].text) in _THAT for m in tokens[verb].children
    )
    up = tokens[verb].head
    if marked and tokens[verb].rel == "ccomp" and up >= 0 and tokens[up].pos == "VERB":
        return up
    if marked and tokens[verb].rel == "acl" and up >= 0 and tokens[up].head >= 0:
        # `выразил уверенность, что рост сохранится, но предупредил`: the
        # clause hangs on the cue's noun, the noun on the cue's verb.
        noun_head = tokens[up].head
        if tokens[noun_head].pos == "VERB":
            return noun_head
    return verb


_THAT = frozenset({"что", "чтобы", "будто"})


def _shared_subject(sent: Sentence, verb: int, blocked: set[int]) -> Mention | None:
    """`он летал в Тбилиси …, а не так давно заявил, что …`: a predicate with
    no subject of its own shares the one of the finite verb before it, when
    they agree (the parser need not have linked the two)."""
    tokens = sent.tokens
    cue = tokens[verb].feats
    for i in range(verb - 1, -1, -1):
        tok = tokens[i]
        if tok.pos != "VERB" or tok.feats.get("VerbForm") != "Fin" or i in blocked:
            continue
        if any(tok.feats.get(f) != cue.get(f) for f in ("Number", "Gender") if cue.get(f)):
            return None
        subj = _child(sent, i, _SUBJECT_RELS)
        if subj is None or subj in blocked or not _is_nominal(tokens[subj]):
            return None
        return phrase(sent, subj, blocked)
    return None


def _stray_document(sent: Sentence, blocked: set[int]) -> Mention | None:
    """`В заявлении Гелетея … говорится: «…»` where the parser hung the
    document on a verb inside the quote: any document outside the content."""
    tokens = sent.tokens
    for t in tokens:
        if t.index in blocked or t.pos != "NOUN" or not is_document(t):
            continue
        if _prepositions(sent, t.index) & {"в", "во", "на"}:
            found = document_author(sent, t.index, blocked)
            if found is not None:
                return found
    return None


def _of_source(cue: Cue, blocked: set[int]) -> Mention | None:
    """`по словам X`, `по его словам`, `согласно X`."""
    sent = cue.sent
    noun = cue.head
    tokens = sent.tokens
    if "name" in cue.tags:
        return phrase(sent, noun, blocked - {noun})  # `Согласно Bloomberg`
    for c in tokens[noun].children:
        if c in blocked and c not in range(cue.first, cue.last + 1):
            continue
        t = tokens[c]
        if t.rel in {"det", "nmod:poss"} and norm(t.text) in PRONOUNS:
            return Mention(t.start, t.stop, sent, c, (c,))
    for c in tokens[noun].children:
        t = tokens[c]
        if (
            c > noun
            and c not in blocked
            and t.rel in {"nmod", "appos", "flat", "obl"}
            # An acronym's case is the tagger's guess (`по данным того же ВЦИОМ`).
            and (t.feats.get("Case") != "Nom" or (t.text.isupper() and len(t.text) > 1))
            # `По данным на 1 декабря`: a date or a place, not the source
            # (which is a bare genitive, or `от X`).
            and not any(
                tokens[k].rel == "case" and norm(tokens[k].text) not in {"от", "из"}
                for k in t.children
            )
            # `Согласно материалам дела`: a document of no one who writes.
            and ("document" not in cue.tags or _can_write(t))
        ):
            end = max(phrase(sent, c, blocked).tokens)
            agent = _participle_agent(sent, end, blocked)
            if agent is None and not _can_write(t):
                agent = _relative_agent(sent, end, blocked)
            if agent is not None and (
                is_document(t) or lemmas(t.text) & _SURVEYS or not _can_write(t)
            ):
                # `По данным опроса, проведенного центром`, `По данным
                # мониторинга, которые приводит институт`: who gives them.
                return phrase(sent, agent, blocked | {noun})
            return phrase(sent, c, blocked | {noun})
    # The parse may hang the source elsewhere; take the genitive that follows.
    i = cue.last + 1
    if (
        i + 1 < len(tokens)
        and tokens[i].text in _OPENING_MARKS
        and tokens[i + 1].pos in {"NOUN", "PROPN"}
        and i + 1 not in blocked
    ):
        # `По данным «Газета.Ru»`: a title in marks stays in the nominative.
        return phrase(sent, i + 1, blocked | {noun})
    if (
        i < len(tokens)
        and tokens[i].pos in {"NOUN", "PROPN"}
        and i not in blocked
        and tokens[i].feats.get("Case") in {"Gen", None}
        and ("document" not in cue.tags or _can_write(tokens[i]))
    ):
        # `По официальным данным Уго Чавес скончался`: a nominative after
        # the cue starts the content; it is not the source.
        return phrase(sent, i, blocked | {noun})
    agent = _participle_agent(sent, i - 1, blocked)
    if agent is not None:
        # `Согласно опросу, проведенному газетой «Асахи симбун», …`,
        # `Согласно заявлению, распространенному Даунинг-стрит, …`: the
        # participle's agent made the survey.
        return phrase(sent, agent, blocked | {noun})
    return None


_SURVEYS = frozenset({"опрос", "анкетирование", "расчет", "мониторинг"})


def _relative_agent(sent: Sentence, i: int, blocked: set[int]) -> int | None:
    """The subject of a relative clause set off right after token `i` whose
    verb brings the data (`, которые приводит институт`), or None."""
    tokens = sent.tokens
    if not (
        i + 3 < len(tokens)
        and tokens[i + 1].text == ","
        and norm(tokens[i + 2].text).startswith("котор")
    ):
        return None
    verb = tokens[i + 3]
    if not lemmas(verb.text) & _citing():
        return None
    for k in verb.children:
        if tokens[k].rel in _SUBJECT_RELS and k > verb.index and k not in blocked:
            return k
    return None


def _participle_agent(sent: Sentence, i: int, blocked: set[int]) -> int | None:
    """The agent of a participle set off right after token `i`
    (`опросу, проведенному газетой`), or None."""
    tokens = sent.tokens
    if not (
        i + 3 < len(tokens)
        and tokens[i + 1].text == ","
        and tokens[i + 2].feats.get("VerbForm") == "Part"
        and tokens[i + 3].pos in {"NOUN", "PROPN"}
        and i + 3 not in blocked
    ):
        return None
    case = tokens[i + 3].feats.get("Case")
    # (an indeclinable name the tagger reads as a genitive)
    if case == "Ins" or (tokens[i + 3].pos == "PROPN" and case in {"Gen", None}):
        return i + 3
    return None


def _conjoined_participle(sent: Sentence, verb: int, blocked: set[int]) -> Mention | None:
    """`Илья Пономарев, охарактеризовавший … и выразивший убеждение, что …`:
    a participle joined to another speaks for the noun the first describes."""
    tokens = sent.tokens
    token = tokens[verb]
    if token.feats.get("VerbForm") != "Part" or token.rel != "conj":
        return None
    up = token
    while up.rel == "conj" and up.head >= 0 and tokens[up.head].feats.get("VerbForm") == "Part":
        up = tokens[up.head]
    if up is token or up.rel not in {"acl", "acl:relcl", "amod"} or up.head < 0:
        return None
    return phrase(sent, up.head, blocked | {verb})


def after_cue(cue: Cue, names: list[tuple[int, int, str]]) -> Mention | None:
    """Fallback for a postposed cue the parse got wrong: the next name."""
    sent = cue.sent
    for start, stop, _type in names:
        if start >= cue.stop and start - cue.stop < 40:
            ids = tuple(t.index for t in sent.tokens if start <= t.start < stop)
            if ids:
                return Mention(start, stop, sent, ids[-1], ids)
    return None


def colon_intro(sent: Sentence, start: int) -> Mention | None:
    """Who speaks in `X высказал мнение: «…»`, `Комментарий шведского
    телевидения: «…»`: a quote after a colon, brought in by no speech cue,
    belongs to the subject of the clause before the colon (or to the owner of
    a noun that heads it), when that is someone who can speak."""
    tokens = sent.tokens
    before = [t for t in tokens if t.stop <= start]
    while before and before[-1].text in _QUOTE_CHARS:
        before.pop()
    if len(before) < 2 or before[-1].text != ":" or not sent.parsed:
        return None
    intro = {t.index for t in before[:-1]}
    blocked = {t.index for t in tokens} - intro
    tops = [t for t in before[:-1] if t.head not in intro and t.pos != "PUNCT"]
    for top in sorted(tops, key=lambda t: t.pos != "VERB"):
        if top.pos == "VERB":
            found = _subject(sent, top.index, blocked)
            if found is None and top.rel in {"conj", "advcl"} and top.head in intro:
                found = _subject(sent, top.head, blocked)
        elif top.pos == "NOUN":
            owner = _child(sent, top.index, {"nmod"})
            if owner is not None and not _genitive_owner(sent, owner):
                owner = None  # `на встрече с журналистами:` is not theirs
            found = phrase(sent, owner, blocked) if owner is not None else None
        else:
            continue
        if found is not None and _can_speak(found.head_token):
            return found
    return None


def _genitive_owner(sent: Sentence, i: int) -> bool:
    """A genitive with no preposition: whose the noun is."""
    tokens = sent.tokens
    prepositioned = any(tokens[k].rel == "case" for k in tokens[i].children)
    return tokens[i].feats.get("Case") in {"Gen", None} and not prepositioned


def _can_speak(token: Token) -> bool:

    return (
        token.pos == "PROPN"
        or token.feats.get("Animacy") == "Anim"
        or bool(lemmas(token.text) & lexicon.words("institutions"))
    )


def thing_as_subject(sent: Sentence, verb: int) -> bool:
    """The verb's subject is a common noun for a thing (`проверка`, `опрос`,
    `его закрытие отвечает интересам`), not a body or a person."""
    if not sent.parsed:
        return False
    tokens = sent.tokens
    subject = nominal_subject(sent, verb)  # the nearest of two
    if subject is None:
        return False
    t = tokens[subject]
    if t.rel == "nsubj" and t.pos == "NOUN" and t.feats.get("Animacy") == "Inan":
        if any(
            tokens[c].rel == "nmod"
            and tokens[c].feats.get("Case") == "Gen"
            and (tokens[c].feats.get("Animacy") == "Anim" or tokens[c].pos == "PRON")
            for c in t.children
        ):
            # `Ряд экспертов считает`, `часть депутатов`, `Часть из них`: people
            return False
        # (`СМИ предполагают`: the press speaks, though the tagger calls it a thing)
        return not is_institution(t) and not lemmas(t.text) & _speaking_things()
    return False


@functools.cache
def _speaking_things() -> frozenset[str]:
    return lexicon.words("anonymous") | lexicon.words("person_descriptors")
