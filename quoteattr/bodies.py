"""Organisations a speaker phrase names or describes: `Белый дом`, `Издание
Asia Times` (the name proper is `Asia Times`), `ведомство` → the body named
or heard last with that noun.
"""

from __future__ import annotations

import bisect
import functools
import itertools
from collections.abc import Iterator

from . import lexicon, names
from .antecedents import common_animate
from .claims import Claim, Context
from .cues import norm
from .entities import _LOOKBACK, ORG, Resolver, _institutions, is_service, kind_nouns, word_before
from .mentions import _CLOSING_MARKS, _OPENING_MARKS, Mention, _media, genitive_run_end
from .morph import lemmas, parse
from .records import Speaker
from .speakers import is_outlet, outlet_kinds
from .text import Token, as_written


def _org_like(ctx: Context, m: Mention) -> bool:
    """An organisation or place NER found in the mention or at its head,
    headed by a proper name that is no person's the text names (`Лебедева
    из «ДОМ.РФ»` after `Марина Лебедева` is hers)."""
    spans = ctx.names[m.sent.index]
    head = m.head_token
    # The name may run on past the mention (`В ГКБ` of `ГКБ им. А. Ерамишанцева`).
    return (
        any(
            type_ in {"ORG", "LOC"} and ((m.start <= s and e <= m.stop) or s <= head.start < e)
            for s, e, type_ in spans
        )
        and head.pos in {"PROPN", "X"}
        and head.text not in ctx.person_words()
        and not common_animate(head)  # `Пенсионерка из Верхней Пышмы`
    )


@functools.cache
def _multiword_institutions() -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(e.split()) for e in lexicon.words("institutions") if " " in e)


def _named_institution(words: list[str]) -> bool:
    """`Белый дом`: an institution whose name is a phrase of common words."""
    entries = _multiword_institutions()
    for size in {len(e) for e in entries}:
        for i in range(len(words) - size + 1):
            options = [lemmas(w) for w in words[i : i + size]]
            if any(all(x in o for x, o in zip(e, options, strict=True)) for e in entries
                   if len(e) == size):  # fmt: skip
                return True
    return False


def _looks_personal(words: list[str]) -> bool:

    return any({"Surn", "Name"} & best.tag.grammemes for w in words for best in parse(w)[:1])


def _proper_part(words: list[str]) -> str | None:
    """The name after a kind noun (`издание`, `компания`, `банк`) when it is
    written to stay as it is: in marks, in Latin letters or in capitals."""
    if len(words) < 2 or not lemmas(words[0]) & kind_nouns():
        return None
    rest = words[1:]
    first = rest[0]
    if first in _NUMBER_SIGNS:
        return None  # `больнице N 2`: a number, the kind noun is the name's head
    fixed = (
        first[:1] in '«"„“'
        or (first[:1].isascii() and first[:1].isalpha())
        or (len(first) > 1 and first.isupper())
    )
    if not fixed:
        return None
    name = " ".join(rest)
    if name[:1] in '«"„“' and name[-1:] in '»"“”' and len(name) > 2:
        name = name[1:-1]  # one pair of marks: `«Банк «Россия»»` keeps the inner
    return name


_NUMBER_SIGNS = frozenset({"N", "No", "No.", "Nr", "№"})


def _speaker_called(
    r: Resolver, previous: list[tuple[Claim, Speaker]], offset: int, head: frozenset[str]
) -> str | None:
    """`Издание Asia Times пишет … Издание напоминает`: the organisation that
    spoke lately under the same noun. A noun that only refers back
    (`ведомство`) is the body that spoke last, if any spoke since: `В
    ведомстве (Минобороны) сообщили … В Росавиации пояснили … уточнили в
    ведомстве` is Росавиация."""
    anaphoric = any("anaphoric" in _institutions().get(x, ()) for x in head)
    media = any("media" in _institutions().get(x, ()) for x in head)
    for claim, speaker in _recent(previous):
        mention = speaker.mention
        if claim.start >= offset or speaker.type != ORG or mention is None:
            continue
        if anaphoric and _subject_since(r, max(claim.stop, mention.stop), offset):
            return None  # `СУ СК … возбудило дело. «…», — говорится в сообщении ведомства`
        if any(lemmas(w) & head for w in mention.text.split()):
            return speaker.name
        if anaphoric and _body_name(speaker.name) and not is_outlet(speaker.name):
            return None
        if media and is_outlet(speaker.name):
            return None  # `пишет «Коммерсантъ»` … `Как пишет The New York Times` … `Газета`
    return None


def _recent_org(
    r: Resolver, offset: int, head: frozenset[str], country: str | None = None
) -> str | None:
    """The organisation a description stands for: the last one named with the
    same noun (`полиция` → `Британская полиция`), else, for a category noun
    (`ведомство`, `агентство`), the last one. With a `country` (`эмиратского
    министерства`), only the last one of that country (`МИД ОАЭ`), or none."""
    i = bisect.bisect_left(r.orgs, (offset, ""))
    # Not a body named in someone's quoted words (`«Британское правительство
    # сделало свой выбор …», — говорится в заявлении … на сайте ведомства`);
    # one in reported words may be (`В Mail.ru, как рассказали в пресс-службе, …`).
    before = [
        (s, n) for s, n in r.orgs[max(0, i - _LOOKBACK) : i] if not _in_quoted_words(r.ctx, s)
    ]
    if country is not None:
        # (Not a lone adjective NER took for a name: `Украинскую делегацию`.)
        ours = [n for _s, n in before if _of_country(n, country) and " " in n.strip()]
        return ours[-1] if ours else None  # not some other country's body
    same = [
        (s, n)
        for s, n in before
        if any(_headed_by(word, head) for word in n.split()) and not _kind_alone(n)
    ]
    phrase = _same_noun_phrase(r.ctx, offset, head)
    if any("business" in _institutions().get(x, ()) for x in head):
        # `Компания F.A.C.C.T. …. В «Гемотест-Плюс» инцидент признали. …
        # компания сообщила`: a firm named in this sentence or the one
        # before, over one the noun named further back.
        here = r.ctx.sentence_at(offset)
        since = r.ctx.sents[max(0, here.index - 1)].start if here is not None else offset
        named = [s for s, _n in same] + ([phrase[0]] if phrase else [])
        older = bool(named) and max(named) < since
        near = [
            n for s, n in before
            if s >= since and _body_name(n) and not _state_body(n) and not is_outlet(n)
        ]  # fmt: skip
        if older and near:
            return near[-1]
    if phrase is not None and (not same or phrase[0] > same[-1][0]):
        return phrase[1]
    if same:
        return same[-1][1]
    media = any("media" in _institutions().get(x, ()) for x in head)
    generic = any("generic" in _institutions().get(x, ()) for x in head)
    if media and not generic:
        # `пишет «Коммерсантъ» … По данным газеты`, `Газета отмечает`: the
        # outlet the text cites, or one it named with this noun (`телеграм-
        # канал «Утечки информации»` … `По данным канала`); not any it names
        # (`журнала Playboy`, a magazine the story is about).
        cited = [
            n
            for s, n in reversed(before)
            if (is_outlet(n) and _cited_outlet(r.ctx, s)) or _noun_before(r.ctx, s, head)
        ]
        if cited:
            return cited[0]
    if not generic:
        return None
    here = r.ctx.sentence_at(offset)
    since = r.ctx.sents[max(0, here.index - 1)].start if here is not None else offset
    if any("wire" in _institutions().get(x, ()) for x in head):
        # `Как пишет Reuters … По данным агентства`: the news agency just cited.
        cited = [n for s, n in reversed(before) if s >= since and _cited_outlet(r.ctx, s)]
        if cited:
            return cited[0]
    business = any("business" in _institutions().get(x, ()) for x in head)
    bodies = [
        (start, name)
        for start, name in reversed(before)
        if _body_name(name)
        and not (business and _state_body(name))
        and (
            media
            or not (_cited_outlet(r.ctx, start) or is_outlet(name) or _kind_before(r.ctx, start))
        )
    ]
    if media:
        # `По информации издания`: an outlet the text cites, not the company
        # it writes about.
        outlets = [n for s, n in reversed(before) if is_outlet(n) or _noun_before(r.ctx, s, head)]
        if outlets:
            return outlets[0]
    # `Минфин ввел санкции против «Лукойла». В ведомстве заявили`: the body
    # that acted, named as a subject, not the one acted upon; looked for in
    # this sentence and the one before only, where the description follows
    # on from what that body did.
    for start, name in bodies:
        if start < since:
            break
        if _subject_case(r.ctx, start):
            return name
    # `Следственный комитет возбудил дело. В ведомстве уточнили`: a body NER
    # did not tag, the subject of what came just before.
    subject = _subject_body(r.ctx, since, offset)
    if subject is not None:
        return subject
    # `Следственный комитет … возбудил дело. Как выяснили следователи, лодка
    # принадлежала базе «Павловка Лайф» … — уточнили в ведомстве`: the body
    # that acted as a subject in this paragraph, over one named in passing.
    paragraph = here.paragraph if here is not None else None
    for start, name in bodies:
        there = r.ctx.sentence_at(start)
        if there is None or there.paragraph != paragraph:
            break
        if _subject_case(r.ctx, start):
            return name
    return bodies[0][1] if bodies else None


def _noun_before(ctx: Context, offset: int, head: frozenset[str]) -> bool:
    """The name at `offset` comes right after the noun `head` (`канал «…»`)."""
    word = word_before(ctx.view, offset)
    return bool(word) and _headed_by(word, head)


def _kind_before(ctx: Context, offset: int) -> bool:
    """A name right after a medium's noun (`в эфире телеканала «Россия 24»`,
    `газета «Коммерсантъ»`): an outlet, whatever the verb."""
    word = word_before(ctx.view, offset)
    return bool(word) and bool(lemmas(word) & outlet_kinds())


def _cited_outlet(ctx: Context, offset: int) -> bool:
    """The name at `offset` is an outlet the text cites, not a body it is
    about: told something (`сообщили РБК`, `рассказал Интерфаксу`, a
    dative) or passing words on (`передает Интерфакс`, right after the verb)."""
    sent = ctx.sentence_at(offset)
    if sent is None:
        return False
    at = next((t for t in sent.tokens if t.start >= offset), None)
    if at is None:
        return False
    if at.feats.get("Case") == "Dat":
        return True
    before = [t for t in sent.tokens[: at.index] if t.pos != "PUNCT"]
    if len(before) > 1 and lemmas(before[-1].text) & outlet_kinds():
        before.pop()  # `сообщает агентство Bloomberg`, `пишет газета «Коммерсантъ»`
    return bool(before) and any(c.head == before[-1].index for c in ctx.cues[sent.index])


def _in_quoted_words(ctx: Context, offset: int) -> bool:
    """Within someone's quoted words: a quote whose stretch from `offset` to
    its closing mark holds a finite verb (`«Британское правительство сделало
    …»`), not a name in marks (`«Аэрофлот»`, `«Российские железные дороги»`)."""
    if not ctx.in_quote(offset):
        return False
    sent = ctx.sentence_at(offset)
    if sent is None:
        return True
    for tok in sent.tokens:
        if tok.start < offset:
            continue
        if tok.text in _CLOSING_MARKS:
            return False
        if tok.feats.get("VerbForm") == "Fin":
            return True
    return False


def _subject_body(ctx: Context, since: int, offset: int) -> str | None:
    """The last phrase between `since` and `offset` that names a body in the
    nominative with no preposition before it: headed by an institution noun
    and more than that noun (`Следственный комитет`, `Министерство финансов`),
    or a name in marks (`«Аэрофлот» возобновит`)."""
    heads = lexicon.words("institutions")
    found = None
    first = ctx.sentence_at(since)
    for sent in ctx.sents[first.index if first is not None else 0 :]:
        if sent.start >= offset:
            break
        if sent.stop <= since:
            continue
        tokens = [t for t in sent.tokens if t.start >= since and t.stop <= offset]
        for i, tok in enumerate(tokens):
            if tok.feats.get("Case") != "Nom" or tok.pos not in {"NOUN", "PROPN"}:
                continue
            if _in_quoted_words(ctx, tok.start):
                continue  # a body in someone's quoted words did not act here
            marked = (
                ctx.view[tok.start - 1 : tok.start] == "«"
                and ctx.view[tok.stop : tok.stop + 1] == "»"
            )
            if not (marked or lemmas(tok.text) & heads):
                continue
            if is_outlet(tok.text):
                continue  # `Как сообщал «Ъ»`: an outlet cited, no body that acted
            lo = i
            while (
                lo > 0 and tokens[lo - 1].pos == "ADJ" and tokens[lo - 1].feats.get("Case") == "Nom"
            ):
                lo -= 1
            j = lo - 1
            while j >= 0 and tokens[j].pos == "PUNCT" and tokens[j].text in '«"':
                j -= 1
            if j >= 0 and tokens[j].pos == "ADP":
                continue
            if is_service(tok.text):
                continue  # `пресс-служба холдинга` speaks for a body, is none
            hi = genitive_run_end(tokens, i)
            words = [t.text for t in tokens[lo : hi + 1]]
            named = any("name" in _institutions().get(x, ()) for x in lemmas(tok.text))
            if len(words) > 1 or marked or named:  # not a bare `Компания`
                found = names.org_name(words)
    return found


def _of_country(name: str, country: str) -> bool:
    """`Минобороны России`, `МИД ОАЭ`, `российский Минфин`: a name that
    says its country by the country's name or adjective (country_adjectives.txt)."""
    countries = lexicon.load("country_adjectives")
    for word in name.split():
        for lemma in lemmas(word.strip('«»"')):
            if lemma == country or country in countries.get(lemma, ()):
                return True
    return False


def _subject_case(ctx: Context, offset: int) -> bool:
    """Does the name at `offset` stand in the nominative, with no preposition
    before it (through the noun a name in marks is set after: `банка «X»`)?"""
    sent = ctx.sentence_at(offset)
    if sent is None:
        return False
    tokens = sent.tokens
    i = next((t.index for t in tokens if t.start >= offset), None)
    if i is None:
        return False
    while i < len(tokens) - 1 and tokens[i].pos == "PUNCT":
        i += 1  # the opening mark
    j = i - 1
    while j >= 0 and tokens[j].pos == "PUNCT":
        j -= 1
    head = tokens[i]
    if j >= 0 and norm(tokens[j].text) == "и" and j > 0:
        # `операторов «Телесеть» и «Мобилайн»`: the case of the first of the two.
        k = j - 1
        while k > 0 and tokens[k].pos == "PUNCT":
            k -= 1
        while k > 0 and tokens[k - 1].pos not in {"PUNCT", "CCONJ", "ADP", "VERB"}:
            k -= 1
        return k < j - 1 and _subject_case(ctx, tokens[k].start)
    if (
        j >= 0
        and tokens[j].pos == "NOUN"
        and (
            j < i - 1
            or lemmas(tokens[j].text) & lexicon.words("institutions", "head")
            or (
                head.text[:1].isascii()  # not `редактор Lenta.ru`: his, not it
                and tokens[j].feats.get("Animacy") != "Anim"
                and not lemmas(tokens[j].text) & lexicon.words("person_descriptors")
            )
        )
    ):
        # `банка «Финансовый стандарт»`, `газета The Times`, `мессенджера
        # WhatsApp`: the noun's case
        head = tokens[j]
        j -= 1
        while j >= 0 and tokens[j].pos == "ADJ":
            j -= 1
    if j >= 0 and tokens[j].pos == "ADP":
        return False
    if sent.parsed and head.rel in {"nsubj", "nsubj:pass"}:
        return True  # `Минобороны России сообщило`: the tagger reads a genitive
    if j < 0 and head.text.isupper():
        return True  # `СУ СК по … возбудило дело`: a short name opening the sentence
    return head.feats.get("Case") == "Nom"


def _named_since(r: Resolver, since: int, offset: int, head: frozenset[str]) -> bool:
    """Whether a body named with the description's noun stands between
    `since` and `offset` (`Минздрав России рекомендует …` for `в министерстве`)."""
    i = bisect.bisect_left(r.orgs, (offset, ""))
    for start, name in reversed(r.orgs[max(0, i - _LOOKBACK) : i]):
        if start < since:
            return False
        if any(_headed_by(word, head) for word in name.split()):
            return True
    return False


def _subject_since(r: Resolver, since: int, offset: int) -> bool:
    """Whether a body other than an outlet stands as a subject between
    `since` and `offset` (`Министерство обороны России опровергло сообщения
    о нарушении. «…», — говорится в сообщении ведомства`): what a noun that
    only refers back then takes up."""
    i = bisect.bisect_left(r.orgs, (offset, ""))
    for start, name in reversed(r.orgs[max(0, i - _LOOKBACK) : i]):
        if start < since:
            return False
        words = r.words_of  # (a subject of the words being resolved is theirs)
        if (
            _body_name(name)
            and not is_outlet(name)
            and not words[0] <= start < words[1]
            and not _in_quoted_words(r.ctx, start)
            and _subject_case(r.ctx, start)
        ):
            return True
    return False


def _headed_by(word: str, head: frozenset[str]) -> bool:
    """`Британская полиция` for `полиция`; a compound ending in the noun too
    (`Сбербанк`, `Альфа-Банк` for `банк`, `Авиакомпания` for `компания`),
    and the ministries' short names (`Минздрав`, `Минфин` for `министерство`)."""
    found = lemmas(word)
    if "министерство" in head and word[:3] == "Мин" and len(word) > 4 and word[3:4].islower():
        return True
    return bool(found & head) or any(
        len(h) >= 4 and any(f.endswith(h) for f in found) for h in head
    )


# Sentences back a description's fuller phrase is sought: a body is named
# once in full (`комитет Госдумы по экологии`) and then by its noun.
_PHRASE_LOOKBACK = 15


def _same_noun_phrase(ctx: Context, offset: int, head: frozenset[str]) -> tuple[int, str] | None:
    """A fuller phrase with the description's noun that NER did not tag:
    `от областного департамента финансов` … `в сообщении департамента`."""
    here = ctx.sentence_at(offset)
    if here is None:
        return None
    for k in range(here.index, max(here.index - _PHRASE_LOOKBACK, -1), -1):
        tokens = [t for t in ctx.sents[k].tokens if t.stop <= offset]
        for i in range(len(tokens) - 1, -1, -1):
            if not (tokens[i].pos == "NOUN" and lemmas(tokens[i].text) & head):
                continue
            named = _name_after(tokens, i)
            if named is not None:
                # `агентство Reuters`, `агентство «Эксперт РА»`: the name.
                return tokens[i].start, named
            lo = i
            while lo > 0 and tokens[lo - 1].pos == "ADJ":
                lo -= 1
            hi = genitive_run_end(tokens, i)
            if hi > lo:
                words = [t.text for t in tokens[lo : hi + 1]]
                return tokens[lo].start, names.org_name(words)
    return None


def _name_after(tokens: list[Token], i: int) -> str | None:
    """The name right after a kind noun: Latin or proper words (`Reuters`,
    `Financial Times`), or words in marks (`«Эксперт РА»`)."""
    j = i + 1
    if j < len(tokens) and tokens[j].text in _OPENING_MARKS:
        near = range(j + 1, min(j + 8, len(tokens)))
        close = next((k for k in near if tokens[k].text in _CLOSING_MARKS), None)
        if close is None or close == j + 1:
            return None
        return " ".join(t.text for t in tokens[j + 1 : close])
    run: list[Token] = []
    while j < len(tokens):
        tok = tokens[j]
        latin = tok.text[:1].isascii() and tok.text[:1].isupper()
        # (`F.A.C.C.T.`: the full stops inside a name written close)
        nxt = tokens[j + 1] if j + 1 < len(tokens) else None
        glued = (
            bool(run)
            and tok.text == "."
            and tok.start == run[-1].stop
            and nxt is not None
            and nxt.start == tok.stop
            and nxt.text[:1].isascii()
            and nxt.text[:1].isalpha()
        )
        if not (latin or glued):
            break
        run.append(tok)  # a Latin name: `Reuters`, `Financial Times`
        j += 1
    if not run:
        return None
    return as_written(run)


def _state_body(name: str) -> bool:
    """A name with an institution's word that is no company's (`МЧС России`,
    `Министерство финансов`, `ГУ МВД`): not what `компания` stands for."""
    found = _institutions()
    for word in name.split():
        for lemma in lemmas(word.strip('«»"')) | {word.lower()}:
            tags = found.get(lemma)
            if tags is not None and "business" not in tags and ("name" in tags or "head" in tags):
                return True
    return False


def _kind_alone(name: str) -> bool:
    """`Telegram-канал`, which NER tags apart from `Baza` after it: a kind,
    no body's name."""
    words = name.split()
    return len(words) == 1 and bool(lemmas(words[0].split("-")[-1]) & _media())


def _body_name(name: str) -> bool:
    """A name that can be an institution's: headed by a body noun
    (`Министерство обороны`) or a proper name (`Роскосмос`, `Standard & Poors`),
    not by some other common noun (`Аэропорт Куала-Лумпур`)."""
    from .morph import is_known

    first = name.split()[0].strip('«»"')
    if lemmas(first) & lexicon.words("institutions"):
        return True
    if len(first) > 1 and first.isupper():
        return True  # a short name in capitals (`СУ СК`, `ГУ МЧС`), whatever `су` is
    if not is_known(first.lower()):
        return True
    best = parse(first.lower())[0].tag
    return best.POS != "NOUN" or bool({"Orgn", "Geox", "Abbr", "Name"} & best.grammemes)


def _recent(previous: list[tuple[Claim, Speaker]]) -> Iterator[tuple[Claim, Speaker]]:
    return itertools.islice(reversed(previous), _LOOKBACK)
