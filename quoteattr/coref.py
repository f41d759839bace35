"""From a speaker's mention to a canonical speaker.

Names cluster by surname; a pronoun (`он`, `по ее словам`) or a description
(`глава российского государства`, `скульптор`) resolves to the nearest
earlier person that agrees with it; an institution's description
(`ведомство`) to the nearest earlier organisation. The name reported is the
fullest form the document gives, in the nominative.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterator, Sequence

import attrs

from . import lexicon, names
from .agreement import parted_gender
from .antecedents import (
    _SIDES,
    _bare_group,
    _pair_before,
    _plural_subject,
    _subject_first,
    _unnamed_subject,
    animate_noun,
    bare_role,
    common_animate,
    gender_fits,
    sex_clashes,
)
from .authors import (
    _bare_opening,
    _opening_body,
    _published_before,
    document_author_before,
    named_document_author,
    relative_source_author,
)
from .bodies import (
    _cited_outlet,
    _headed_by,
    _looks_personal,
    _named_institution,
    _named_since,
    _org_like,
    _proper_part,
    _recent_org,
    _same_noun_phrase,
    _speaker_called,
    _subject_since,
)
from .claims import Claim, Context, apposition_end, around_cue
from .cues import SOURCE, VERB, Cue, norm
from .entities import (
    _LOOKBACK,
    ANON,
    HER_OBLIQUE,
    ORG,
    PERSON,
    Entity,
    Resolver,
    _agrees,
    _anonymous,
    _case_at,
    _dependent,
    _institutions,
    _mention_case,
    _roles,
    _title_matches,
    aliases,
    is_service,
    surname_key,
)
from .mentions import _QUOTE_CHARS, _SITES, phrase
from .morph import lemmas, parse
from .namecontext import GENDERS, gender_of_verb
from .phrases import _POSSESSIVES
from .places import place_institution
from .records import Span, Speaker
from .speakers import (
    PRONOUNS,
    Mention,
    cites,
    colon_intro,
    is_document,
    is_institution,
    is_outlet,
    locative_body,
)
from .text import Sentence, Token


def _mention_words(ctx: Context, m: Mention, marks: bool = False) -> list[str]:
    """The words as written (`Лента.ру` stays one word), preposition dropped;
    guillemets kept only with `marks` (they tell a proper name)."""
    tokens = m.sent.tokens
    first = m.tokens[0]
    if m.place and tokens[first].rel == "case" and len(m.tokens) > 1:
        first = m.tokens[1]
    # Read from the typographic view, where a scraper's straight quotes are
    # already guillemets, so that `"Газпром"` reads as `«Газпром»` does.
    text = ctx.view[tokens[first].start : m.stop]
    if not marks:
        text = text.replace("«", "").replace("»", "")
    # Wiki markup around a name (`газеты ''Süddeutsche Zeitung''`) is no part of it.
    return [w for w in (w.strip("'") for w in text.split()) if w]


def _span(ctx: Context, start: int, stop: int) -> Span:
    return Span(start, stop, ctx.text[start:stop])


def resolve(
    ctx: Context, claims: Sequence[Claim], resolver: Resolver | None = None
) -> list[Speaker | None]:
    """A speaker for each claim, in order; claims must be in text order."""
    resolver = resolver or Resolver(ctx)
    result: list[Speaker | None] = []
    previous: list[tuple[Claim, Speaker]] = []
    # Claims that share a cue share its speaker: `«…», сказал Симони: «…»`
    # and the halves of an interrupted quote, whichever half found him.
    by_cue = {
        (c.cue.start, c.cue.stop): c.mention
        for c in reversed(claims)
        if c.cue is not None and c.mention is not None
    }
    for claim in claims:
        speaker = None
        # (`Актриса Анджелина Джоли перенесла операцию. Об этом она написала`:
        # the sentence `об этом` takes up is a narrative one, not the
        # speaker's words, and names whom the pronoun is.)
        mention = claim.mention
        about = claim.how == "about-this" and mention is not None and mention.pronoun
        resolver.words_of = (0, 0) if about else (claim.start, claim.stop)
        if mention is None and claim.cue is not None:
            mention = by_cue.get((claim.cue.start, claim.cue.stop))
        cue_start = claim.cue.start if claim.cue is not None else None
        if mention is not None and mention.pronoun:
            speaker = _resolve_mention(resolver, mention, previous, cue_start)
            result.append(speaker)
            if speaker is not None:
                previous.append((claim, speaker))
            continue
        if mention is None and claim.cue is None and claim.kind == "direct":
            mention = colon_intro(claim.sent, claim.start) or _intro_line(ctx, claim)
        if mention is None and claim.cue is not None:
            mention = _there(ctx, claim.cue)
        if mention is not None:
            speaker = _resolve_mention(resolver, mention, previous, cue_start)
        if speaker is None and mention is None:
            speaker = (
                relative_source_author(resolver, claim)
                or _published_before(resolver, claim)
                or _message_just_reported(claim, previous)
                or _document_just_cited(claim, previous)
            )
        if speaker is None:
            speaker = _inherit(ctx, claim, previous)
        result.append(speaker)
        if speaker is not None:
            previous.append((claim, speaker))
    resolver.words_of = (0, 0)
    return result


def _document_just_cited(claim: Claim, previous: list[tuple[Claim, Speaker]]) -> Speaker | None:
    """`Такие данные приводятся в исследовании Positive Technologies. …
    Отмечается, что …`: a bare impersonal cue opening its sentence goes on
    with the document a body's claim cited in this paragraph."""
    cue = claim.cue
    if cue is None or not previous or not _bare_opening(cue):
        return None
    last, speaker = previous[-1]
    if not last.document or speaker.type != ORG or last.cue is None:
        return None
    near = cue.sent.index - last.cue.sent.index
    return speaker if 0 < near <= 2 and last.cue.sent.paragraph >= cue.sent.paragraph - 1 else None


def _message_just_reported(claim: Claim, previous: list[tuple[Claim, Speaker]]) -> Speaker | None:
    """`Об этом сообщила пресс-служба банка в своем Telegram-канале. «…», —
    говорится в сообщении`: a bare `в сообщении` right after someone reported
    by a verb, in the sentence before, is that report, theirs."""
    cue = claim.cue
    if cue is None or not claim.document or not previous:
        return None
    tokens = cue.sent.tokens
    nouns = [t for t in around_cue(cue) if t.index > cue.last and is_document(t)]
    if len(nouns) != 1 or (
        nouns[0].index + 1 < len(tokens) and tokens[nouns[0].index + 1].pos != "PUNCT"
    ):
        return None  # `в сообщении ведомства`, `в его письме`: whose is said
    last, speaker = previous[-1]
    if last.cue is None or last.cue.type != VERB or last.cue.sent.index != cue.sent.index - 1:
        return None
    if last.cue.tags & {"impersonal", "cite"} or speaker.type != ORG:
        return None  # `«…», — приводятся в сообщении слова директора`: not his message
    return speaker


def _resolve_mention(
    r: Resolver, m: Mention, previous: list[tuple[Claim, Speaker]], cue_start: int | None = None
) -> Speaker | None:
    ctx = r.ctx
    mention = _span(ctx, m.start, m.stop)
    named = _named_speaker(r, m)
    if named is not None and _dependent_name(m, named[0]):
        # `Лечащие Чавеса кубинские врачи сообщили`: the doctors speak, not
        # Чавес; a role with a name in the genitive is still a role.
        role = _role(r, m)
        if role is not None:
            return role
    if (
        named is None
        and cue_start is not None
        and m.start > cue_start
        and _cites(m)
        and not m.pronoun
    ):
        # `цитирует «Взгляд» Дмитрия Медведева`: the parse may make the
        # outlet the head; the person quoted follows in the same phrase.
        named = r.person_at(cue_start, m.sent.stop)
    if named is None and cue_start is not None and m.stop <= cue_start:
        # The parser may cut an apposition off its title: `наблюдатель от ОБСЕ
        # португальский парламентарий Хуан Суареш сообщил`.
        gap = ctx.view[m.stop : cue_start]
        between = [t for t in m.sent.tokens if m.stop <= t.start < cue_start]
        clause = any(t.feats.get("VerbForm") == "Fin" for t in between)
        if clause:
            # A finite verb between them starts another clause: `Болельщики
            # приветствовали … Тихонова баннерами «…»` is not Тихонов.
            pass
        elif "," not in gap and "." not in gap:
            named = r.person_at(m.start, cue_start)
            first = next((t for t in between if t.start == named[0][0]), None) if named else None
            if first is not None and first.feats.get("Case") not in {None, "Nom"}:
                # `представитель МИД КНР в ответ на просьбу прокомментировать
                # слова Трампа заявил`: a name in an oblique case is inside an
                # adverbial, no apposition (`… по безопасности Олег Мамонтов`).
                named = None
        else:
            # `Пресс-секретарь «Спутника», работающего с 22 мая, Дмитрий Чистов
            # сообщил`: the title's clause ends in the name before the cue.
            named = r.person_at(m.stop, cue_start)
            if named is not None and ctx.view[named[0][1] : cue_start].strip():
                named = None
    if named is None:
        # A name in apposition past a long title: `замглавы аппарата - начальник
        # управления по связям … Юрий Шувалов` (the span stops at the dash).
        for c in m.head_token.children:
            child = m.sent.tokens[c]
            if child.rel == "appos" and child.pos == "PROPN" and c > m.head:
                if r.words_of[0] <= child.start < r.words_of[1]:
                    # `По данным министерства …, за него проголосовали …, за
                    # кандидата … Сеголен Руаяль`: hung on the title from
                    # within what is reported.
                    continue
                named = r.person_at(child.start, m.sent.stop)
                if named is not None and named[0][0] == child.start:
                    break
                named = None
    if named is None:
        # `говорит пенсионерка Людмила Новикова`: the parser may make the name
        # a second subject beside its title; the name right after is hers.
        named = _name_right_after(r, m)
    if named is None and _one_of(m):
        named = _named_aside(r, m)
    if named is not None:
        (s, e), entity = named
        return Speaker(entity.name, PERSON, _span(ctx, s, e), aliases(entity))
    owned = _owner_by_pronoun(r, m, previous, mention)
    if owned is not None:
        return owned
    head = m.head_token
    word = norm(head.text)
    if m.pronoun:
        gender, number = PRONOUNS[word]
        found = _antecedent(r, m.start, gender, number, previous, mention)
        if found is None and number != "plur":
            found = _body_antecedent(r, m, gender, mention)
        if found is None and number != "plur":
            # No name agrees (`она` after an untagged foreign name): the last
            # person who spoke is the best guess; or one unnamed who spoke
            # just before (`Один из пассажиров рассказал …` … `добавил он`).
            for claim, speaker in _recent(previous):
                if speaker.type == PERSON or _one_unnamed(claim, speaker, m):
                    return attrs.evolve(speaker, mention=mention)
        return found
    documents = (
        [m.sent.tokens[i] for i in m.tokens if i > m.head and is_document(m.sent.tokens[i])]
        if lemmas(head.text) & {"автор"}
        else []
    )
    if documents:
        # `Авторы доклада приводят данные …`: the document's author, as
        # the text named it before.
        author = named_document_author(r, m.sent, documents[0])
        if author is not None:
            return attrs.evolve(author, mention=mention)
    if is_document(head) and not any(
        m.sent.tokens[i].pos in {"NOUN", "PROPN"} for i in m.tokens if i != m.head
    ):
        # A document never speaks: its author does (`«…», — цитирует
        # заявление агентство BSS` after `Правительство … в своем заявлении`;
        # `Указ № 311 гласит` after `Путин подписал указ`). (`Заявление МИД`
        # says whose it is.)
        # (`документ` is any document named before; `указ`, that one.)
        author = document_author_before(r, m.sent, head) or named_document_author(
            r, m.sent, head, any_kind="документ" in lemmas(head.text)
        )
        if author is not None:
            return attrs.evolve(author, mention=mention)
    words = _mention_words(ctx, m)
    head_lemmas = lemmas(head.text)
    if "-" in head.text[1:-1] and not head_lemmas & lexicon.words("institutions"):
        # `компания-дистрибьютор`: a compound headed by its first noun.
        head_lemmas = head_lemmas | lemmas(head.text.split("-")[0])
    if len(m.tokens) == 1 and word in _LATTER:
        # `Губернатор встретился с министром Павлом Гусевым. Последний заявил`:
        # the latter of those just named.
        latter = _latter(r, m, _LATTER[word])
        if latter is not None:
            return Speaker(latter.name, PERSON, mention, aliases(latter))
    pos = head.pos
    if (
        pos == "PROPN"
        and (head_lemmas & lexicon.words("person_descriptors") or common_animate(head))
        and not _named_at(ctx, m.sent, head)
    ):
        # `Канцлер заявила`, `Пенсионерка из Верхней Пышмы рассказала`: a role
        # the tagger capitalised into a name.
        pos = "NOUN"
    surname = pos == "PROPN" or (len(words) == 1 and words[0] in ctx.person_words())
    if surname and not m.place and not _org_like(ctx, m):
        # A surname NER missed here (`Алёхина, в свою очередь, подчеркнула`,
        # `Волк: …`, which the tagger reads as a noun) still belongs to the
        # person named in full elsewhere; failing the whole mention, the
        # name's own words (`Лебедева из «ДОМ.РФ»`), unless its head is a role.
        entity = r.person_named(words, case=_case_at(m.sent, m.stop))
        if entity is None and not head_lemmas & _roles():
            own = [
                t.text
                for t in m.sent.tokens
                if t.index == m.head or (t.head == m.head and t.rel in {"flat", "flat:name"})
            ]
            entity = r.person_named(own) if own != words else None
        if entity is not None:
            return Speaker(entity.name, PERSON, mention, aliases(entity))
    if (
        m.place
        or pos in {"PROPN", "X"}
        or _org_like(ctx, m)
        or head_lemmas & lexicon.words("institutions")
        or _named_institution(words)
        or _in_marks(ctx, m)
    ):
        desc = any("description" in _institutions().get(x, ()) for x in head_lemmas)
        words = _with_name_span(ctx, m, words)
        subject = _subject_served(r, m, words, cue_start)
        if subject is not None:
            found = _resolve_mention(r, subject, previous)
            if found is not None and found.type == ORG:
                return attrs.evolve(
                    found, mention=mention, aliases=(*found.aliases, words[0].lower())
                )
        if desc and _bare_description(m):
            # `ведомство`; `российского военного ведомства`, the body of that
            # country named before (an adjective of another kind, as in
            # `антикоррупционная комиссия`, brings in a body of its own).
            if len(words) == 1:
                org = (
                    _speaker_called(r, previous, m.start, head_lemmas)
                    or _last_body_speaking(r, previous, m, head_lemmas)
                    or _recent_org(r, m.start, head_lemmas)
                )
            else:
                org = _recent_org(r, m.start, head_lemmas, _country_of(m))
            if org:
                return Speaker(org, ORG, mention, (words[-1].lower(),))
        service = is_service(words[0])
        # Not `пресс-служба судов`: several courts are none named before.
        several = any(
            m.sent.tokens[i].feats.get("Number") == "Plur" for i in m.tokens if i != m.head
        )
        if service and len(words) == 2 and not several:
            # `пресс-служба суда`, `в пресс-службе ведомства`: the service of
            # the body the second noun describes.
            second = lemmas(words[1])
            if any("description" in _institutions().get(x, ()) for x in second):
                org = _recent_org(r, m.start, second)
                if org:
                    return Speaker(org, ORG, mention, (" ".join(words).lower(),))
        if (
            pos == "PROPN"
            and not _org_like(ctx, m)
            and not place_institution(head)  # (`Даунинг-стрит`, tagged animate)
            and (_looks_personal(words) or head.feats.get("Animacy") == "Anim")
        ):
            # `Песков` reads best as `песок`; the tagger knows he is animate.
            name = names.person_name(words, case=_case_at(m.sent, m.stop))
            return Speaker(name, PERSON, mention)
        proper = _proper_part(_with_name_span(ctx, m, _mention_words(ctx, m, marks=True)))
        if proper is not None:
            # `Издание Asia Times`, `газета «Коммерсантъ»`: the name proper; the
            # phrase with its noun is an alias.
            return Speaker(proper, ORG, mention, (" ".join(words),))
        return Speaker(names.org_name(words, case=_mention_case(m)), ORG, mention)
    plural = head.feats.get("Number") == "Plur"
    group = head_lemmas & lexicon.words("person_descriptors") or head_lemmas & _SIDES
    if plural and group and _bare_group(m):
        # `Путин и Си Цзиньпин подписали заявление. Лидеры заявили, что …`:
        # the pair named together just before.
        pair = _pair_before(r, m)
        if pair is not None:
            name = " и ".join(e.name for e in pair)
            return Speaker(name, PERSON, mention, tuple(e.name for e in pair))
    if head.pos == "VERB" and head.feats.get("VerbForm") == "Part" and not plural:
        # `задержанный заявил`: the one held, whom the text has just named.
        if _unnamed_before(r, m, head_lemmas):
            name = names.nominative_phrase(words, case=_mention_case(m))
            return Speaker(name, ANON, mention, tuple(sorted(head_lemmas))[:1])
        named = _nearby_person(r, m, subject_only=False)
        gender = GENDERS.get(head.feats.get("Gender", ""))
        if named is not None and (gender is None or named.gender in {None, gender}):
            return Speaker(named.name, PERSON, mention, aliases(named))
    unnamed = head_lemmas & _anonymous()
    if unnamed and not plural and bare_role(m, whose=True):
        # `Подсудимый Виктор Ляпин … — заявил подсудимый`: an unnamed role the
        # text has given a named person as a title is that person.
        dep = _dependent([m.sent.tokens[i] for i in m.tokens if i > m.head])
        for _start, entity in r.people_before(m.start):
            if _title_matches(entity, head_lemmas, dep):
                return Speaker(entity.name, PERSON, mention, aliases(entity))
    if head_lemmas & _PLAIN_PEOPLE and not plural and bare_role(m):
        # `Соседка одной из пострадавших рассказала … «…», — сказала женщина`:
        # a plain `женщина` goes on with the unnamed one who spoke just before.
        gender = GENDERS.get(head.feats.get("Gender", ""))
        unnamed_before = _unnamed_one_before(r, previous, m.start, gender)
        if unnamed_before is not None:
            return attrs.evolve(unnamed_before, mention=mention)
    described = head_lemmas & lexicon.words("person_descriptors") or (
        animate_noun(head) and bare_role(m) and not unnamed
    )
    if described and not plural:
        # `Лидеры двух стран`, `девушки` are several people, never one named.
        # A bare animate noun the lists lack (`Синоптик добавил`, `наставница`,
        # `Бразилец признался`) is a description too.
        entity = _described(r, m, head_lemmas, previous)
        if entity is not None:
            return Speaker(entity.name, PERSON, mention, aliases(entity))
    if (word in _MANY_OF or _others_of_some(m)) and len(m.tokens) == 1:
        # `Поклонники певицы выразили ей поддержку. Многие написали, что …`:
        # many of the group the sentence before was about.
        group = _plural_subject(r, m.start)
        if group is not None and group.sent.paragraph != m.sent.paragraph:
            group = None  # a paragraph on, `Некоторые` are some people at large
        if group is not None and _named_in_words(r, group.head_token):
            # `… конкуренты. Некоторые считают, что …, чтобы противодействовать
            # конкурентам`: the words speak of that group, so not some of it.
            group = None
        found = _resolve_mention(r, group, previous) if group is not None else None
        if found is not None and found.type == ANON:
            return attrs.evolve(found, mention=mention)
    if head_lemmas & _INSCRIPTIONS:
        return None  # `Надпись на плакате гласила: «…»`: written, by no one named
    if (
        pos in {"NOUN", "ADJ", "PUNCT"}
        or head_lemmas & _anonymous()
        or _one_of(m)
        or word in _SOME_PEOPLE
        or head.text == "%"  # `34% опрошенных`: a share of people
    ):
        name = names.nominative_phrase(words, case=_mention_case(m))
        return Speaker(name, ANON, mention, tuple(sorted(head_lemmas))[:1])
    return None


def _named_in_words(r: Resolver, token: Token) -> bool:
    """The lemma of `token` stands in the words of the claim being resolved."""
    start, stop = r.words_of
    if stop <= start:
        return False
    sent = r.ctx.sentence_at(start)
    wanted = lemmas(token.text)
    while sent is not None and sent.start < stop:
        if any(start <= t.start < stop and lemmas(t.text) & wanted for t in sent.tokens):
            return True
        nxt = sent.index + 1
        sent = r.ctx.sents[nxt] if nxt < len(r.ctx.sents) else None
    return False


def _entity_in_words(r: Resolver, entity: Entity) -> bool:
    """The words being resolved name the person, by first name or surname
    (a speaker does not call himself so)."""
    start, stop = r.words_of
    parts = entity.name.split()
    if stop <= start or not parts:
        return False
    first, key = parts[0], surname_key(parts[-1])
    for word in r.ctx.text[start:stop].split():
        word = word.strip('.,!?:;«»"„“()—-')
        if word[:1].isupper() and (word == first or (len(parts) > 1 and surname_key(word) == key)):
            return True
    return False


def _said_end(claim: Claim, mention: Span | None) -> int:
    """Where a claim and the naming of its speaker end (`… . Об этом сообщило
    Министерство обороны РФ`: the speaker after the words)."""
    return max(claim.stop, mention.stop if mention is not None else 0)


def _last_body_speaking(
    r: Resolver, previous: list[tuple[Claim, Speaker]], m: Mention, head: frozenset[str]
) -> str | None:
    """`В Роскомнадзоре сообщили, что не замедляют WhatsApp и Telegram.
    Ведомство также напомнило`: a category noun in the paragraph after a body
    spoke, or in its own, is that body, not one named in its words."""
    if not any("generic" in _institutions().get(x, ()) for x in head):
        return None
    here = r.ctx.sentence_at(m.start)
    last = next(((c, s) for c, s in _recent(previous) if c.start < m.start), None)
    if here is None or last is None:
        return None
    claim, speaker = last
    mention = speaker.mention
    phrase = _same_noun_phrase(r.ctx, m.start, head)
    anaphoric = any("anaphoric" in _institutions().get(x, ()) for x in head)
    if (
        (phrase is not None and phrase[0] > claim.start)
        or _named_since(r, claim.start, m.start, head)
        or (anaphoric and _subject_since(r, _said_end(claim, mention), m.start))
    ):
        # `агентство «Эксперт РА» понизило …. В пресс-релизе агентства`: a body
        # of that noun named since it spoke.
        return None
    if (
        phrase is not None
        and not anaphoric
        and not any(_headed_by(w, head) for w in speaker.name.split())
    ):
        # `авиакомпании «СибАэро»` … `По данным Росавиации` … `в сообщении
        # авиакомпании`: a body of that kind named before is it, not the last
        # body of some other kind that spoke (`ведомство` fits any).
        return None
    if (_media_name(speaker.name) or is_outlet(speaker.name)) and not _media_name(" ".join(head)):
        return None  # `сообщают Пятый канал …` … `на сайте клуба`: no outlet
    if here.paragraph - claim.sent.paragraph > 1 or speaker.type != ORG or mention is None:
        return None
    # Not an outlet passing others' words on (`передает Интерфакс`), but a
    # body named so (`сообщает Федеральное агентство …`).
    relayed = claim.cue is not None and claim.cue.type != SOURCE
    service = is_service(speaker.name.split()[0])
    if (
        relayed
        and _cited_outlet(r.ctx, mention.start)
        and not _body_head(speaker.name)
        and not service  # (`сообщает пресс-служба СКЖД`: a body's own)
    ):
        return None  # (`по данным Росстата` is Росстат's own)
    return speaker.name


def _media_name(name: str) -> bool:
    """Is a word of the name a medium's noun (`канал`, `газета`, `издание`)?"""
    return any(
        "media" in _institutions().get(x, frozenset()) for w in name.split() for x in lemmas(w)
    )


def _body_head(name: str) -> bool:
    """Is the name headed by an institution's noun other than a medium's,
    and not a kind noun before a proper name (`агентство Bloomberg` is an
    outlet; `Федеральное агентство воздушного транспорта` a body)?"""
    words = name.split()
    for i, word in enumerate(words):
        tags = [_institutions().get(x, frozenset()) for x in lemmas(word)]
        if any("head" in t and "media" not in t for t in tags):
            after = words[i + 1] if i + 1 < len(words) else ""
            return not after or not (after[0].isupper() or after[0] in '«"' or after[0].isascii())
    return False


def _bare_description(m: Mention) -> bool:
    """The head noun with adjectives before it and nothing else
    (`ведомство`, `эмиратского министерства`), no name with it."""
    tokens = m.sent.tokens
    own = [i for i in m.tokens if tokens[i].rel != "case"]
    if own[-1:] != [m.head]:
        return False
    if len(own) > 1 and tokens[m.head].feats.get("Number") == "Plur":
        return False  # `правоохранительные органы`: several, not one body
    countries = lexicon.load("country_adjectives")
    for i in own[:-1]:
        tok = tokens[i]
        if tok.pos != "ADJ":
            return False
        # A capital makes it part of a name (`Верховный суд`), but the first
        # word of a sentence has one anyway.
        if tok.text[:1].isupper() and not (i == 0 and lemmas(tok.text) & countries.keys()):
            return False
    if len(own) == 1 or _country_of(m) is not None:
        return True
    # `в надзорном ведомстве`: a noun that only refers back, whatever its kind.
    return any("anaphoric" in _institutions().get(x, ()) for x in lemmas(tokens[m.head].text))


def _in_marks(ctx: Context, m: Mention) -> bool:
    """`«Газпром» сообщил`: a head word in marks is a proper name, though the
    tagger calls it a common noun."""
    head = m.head_token
    return ctx.view[head.start - 1 : head.start] == "«" and "»" in ctx.view[head.stop : m.stop + 1]


def _named_at(ctx: Context, sent: Sentence, tok: Token) -> bool:
    """NER gave the token to a name."""
    return any(s <= tok.start < e for s, e, _type in ctx.names[sent.index])


# `Некоторые считают, что …`, `Многие полагают`: unnamed people, a group.
_SOME_PEOPLE = frozenset({"некоторые", "многие", "другие", "иные", "одни", "кое-кто", "кто-то"})
# Some of a group named before (`другие` are others, not some of them, but
# in `Одни считают …, другие жалуются` both halves are of the group).
_MANY_OF = frozenset({"некоторые", "многие", "одни"})
# What is written up where people see it, with no author: a placard's words.
_INSCRIPTIONS = frozenset({"надпись", "плакат", "транспарант", "табличка", "вывеска"})


def _others_of_some(m: Mention) -> bool:
    """`Одни считают …, другие жалуются`: `другие` after `одни` in its sentence."""
    tokens = m.sent.tokens
    return norm(tokens[m.head].text) == "другие" and any(
        norm(t.text) == "одни" for t in tokens[: m.head]
    )


def _with_name_span(ctx: Context, m: Mention, words: list[str]) -> list[str]:
    """The parse may split a name NER read whole (`S&P` as `S`, `&`, `P`)."""
    for s, e, type_ in ctx.names[m.sent.index]:
        if type_ == "ORG" and m.start <= s < m.stop < e:
            return ctx.text[m.start : e].split()
    return words


_NAME_RELS = frozenset({"appos", "flat:name", "flat"})


def _named_speaker(r: Resolver, m: Mention) -> tuple[tuple[int, int], Entity] | None:
    """The person a speaker phrase names: the last one, unless the phrase
    opens with a name and the later ones stand in its apposition's genitives
    (`Маатье Мостарт, представитель фонда Анны Франк`)."""
    people = r.people_in(m.start, m.stop)
    if len(people) < 2:
        return people[-1] if people else None
    head = m.head_token
    tokens = m.sent.tokens
    verb = tokens[head.head] if head.rel == "nsubj" and head.head >= 0 else None
    sex = gender_of_verb(verb) if verb is not None else None
    agreeing = [(span, e) for span, e in people if e.gender in {None, sex}] if sex else people
    if agreeing and len(agreeing) < len(people):
        # `Внучка Ван Цзюня, Клэр Ван, … писала`: the verb says which of them.
        people = agreeing
        if len(people) == 1:
            return people[0]
    for span, entity in people:
        if span[0] <= head.start < span[1]:
            return span, entity
        first = next((t for t in tokens if t.start >= span[0]), None)
        last = next((t for t in reversed(tokens) if t.stop <= span[1]), None)
        genitive = first is not None and (
            first.feats.get("Case") == "Gen" != head.feats.get("Case")
            # `Коллега Лосевой …`: the tagger calls her oblique case nominative.
            or (
                last is not None
                and head.feats.get("Case") == "Nom"
                and norm(last.text).endswith(HER_OBLIQUE)
            )
        )
        if first is not None and first.head == m.head and first.rel in _NAME_RELS and not genitive:
            # `Принцесса Мако Акисино, внучка … Акихито`; not `Адвокат спортсмена
            # Дмитрия Лаврентьева Алексей Панкратов`, whose genitive the parse
            # may set in apposition.
            return span, entity
    return people[-1]


def _dependent_name(m: Mention, span: tuple[int, int]) -> bool:
    """A name that hangs on the mention's head noun as a dependent
    (`врачи Гиффордс`, `защитники Алёхиной`), not in apposition to it."""
    head = m.head_token
    animate = head.feats.get("Animacy") == "Anim" or any(
        {"NOUN", "anim"} <= p.tag.grammemes for p in parse(head.text.lower())[:1]
    )
    # (`Защита Чуприна`: a body of people someone has, though a thing by grammar)
    someones = bool(lemmas(head.text) & lexicon.words("anonymous", "for"))
    nounish = head.pos == "NOUN" or (someones and head.pos == "PROPN")  # (capitalised)
    if head.pos == "NOUN" and is_institution(head) and span[0] > head.start:
        # `Администрация президента Южной Кореи Мун Чжэ Ина заявила`: the
        # body speaks, the one whose it is hangs on it in another case.
        first = next((t for t in m.sent.tokens if t.start >= span[0]), None)
        if first is not None and first.feats.get("Case") not in {head.feats.get("Case"), None}:
            return True
    if not (nounish and (animate or someones)) and not _one_of(m):
        # `заявление Владимира Путина` is his; `один из опрошенных Уилсоном
        # молодых людей` is not Уилсон.
        return False
    if span[0] <= head.start < span[1]:
        return False
    inside = [t for t in m.sent.tokens if span[0] <= t.start < span[1]]
    top = [t for t in inside if not (span[0] <= m.sent.tokens[t.head].start < span[1])]
    if not top:
        return False
    if m.sent.parsed:
        tokens = m.sent.tokens
        t, steps = top[0], 0
        parent = tokens[t.head] if t.head >= 0 else None
        if (
            t.rel == "appos"
            and parent is not None
            and parent.index != m.head
            and parent.pos == "NOUN"
            and parent.feats.get("Animacy") == "Inan"
            and t.feats.get("Case") == head.feats.get("Case")
        ):
            # `доцента кафедры экономики … университета Олега Кудрявцева`: no
            # name stands in apposition to a department; the parse hung the
            # title's own name on the last noun of its genitives.
            return False
        while t.index != m.head and t.head >= 0 and steps < 8:
            if t.rel not in _NAME_RELS and (nounish or t.rel == "obl:agent"):
                # `Врачи, лечащие Гиффордс`, `представитель генсека ООН Антониу
                # Гутерриша`: the name hangs below the head, not beside it; of
                # a group (`один из …`), only the agent of its participle.
                return True
            t, steps = tokens[t.head], steps + 1
        # `Менеджер Мии Фэрроу`: the parse says apposition, the case says genitive.
        return t.index == m.head and inside[0].feats.get("Case") == "Gen" != head.feats.get("Case")
    case = head.feats.get("Case")
    return case not in {None, "Gen"} and top[0].feats.get("Case") == "Gen"


def _one_said(claim: Claim, speaker: Speaker) -> bool:
    """An unnamed one of a group spoke (`один из опрошенных`): not `они`."""
    # (Not `Ряд экспертов`, `часть депутатов`: a singular noun for a group.)
    said = claim.mention
    return speaker.type == ANON and said is not None and _one_of(said)


def _one_unnamed(claim: Claim, speaker: Speaker, m: Mention) -> bool:
    """An unnamed source of one person, who spoke in this paragraph or the
    one before the pronoun's."""
    said = claim.mention
    return (
        speaker.type == ANON
        and said is not None
        and said.head_token.feats.get("Number") != "Plur"
        and 0 <= m.sent.paragraph - claim.sent.paragraph <= 1
    )


def _role(r: Resolver, m: Mention) -> Speaker | None:
    """A role noun as an anonymous speaker, when the text gives it to no one."""
    lem = lemmas(m.head_token.text)
    if lem & lexicon.words("person_descriptors") and not lem & _anonymous():
        return None  # `президент Франции`: a title, resolved as such
    words = _mention_words(r.ctx, m)
    name = names.nominative_phrase(words, case=_mention_case(m))
    # (`Администрация президента …` is a body; `Защита Чуприна`, people for him)
    body = is_institution(m.head_token) and not lem & lexicon.words("anonymous", "for")
    kind = ORG if body else ANON
    return Speaker(name, kind, _span(r.ctx, m.start, m.stop), tuple(sorted(lem))[:1])


def _named_aside(r: Resolver, m: Mention) -> tuple[tuple[int, int], Entity] | None:
    """`Одна из потерпевших, 78-летняя Зинаида Колесникова, рассказала`: the
    person named between commas right after `one of`."""
    tokens = m.sent.tokens
    after = m.tokens[-1] + 1
    if after >= len(tokens) or tokens[after].text != ",":
        return None
    close = next((i for i in range(after + 1, len(tokens)) if tokens[i].text == ","), None)
    if close is None and tokens[-1].text in {".", "!", "?", "…"}:
        # `— сказал один из них, директор центра «Образовательная политика»
        # Глеб Ильин.`: the aside may run to the sentence's end.
        close = len(tokens) - 1
    if close is None or close - after > 10:
        return None
    return r.person_at(tokens[after + 1].start, tokens[close - 1].stop)


def _one_of(m: Mention) -> bool:
    """`один из посетителей`, `двое из задержанных`: some of a group."""
    tokens = m.sent.tokens
    if m.head_token.pos != "NUM":
        return False
    # (The parser may hang the group elsewhere: `из` right after still says so.)
    after = m.head + 1 < len(tokens) and norm(tokens[m.head + 1].text) == "из"
    return after or any(
        norm(tokens[c].text) == "из" for k in m.head_token.children for c in tokens[k].children
    )


def _cites(m: Mention) -> bool:
    tokens = m.sent.tokens
    cite = lexicon.words("speech_verbs", "cite")
    return any(lemmas(t.text) & cite for t in tokens[: m.tokens[0]][-4:])


def _body_antecedent(r: Resolver, m: Mention, gender: str | None, mention: Span) -> Speaker | None:
    """`Похожую картину фиксирует и Сбербанк. По его данным, …`: where no
    person agrees, the body named as the subject of the sentence before,
    its noun of the pronoun's gender (`его`: masculine or neuter)."""
    if m.sent.index == 0:
        return None
    return _body_subject(r, m.sent.index - 1, gender, mention)


def _body_subject(
    r: Resolver, k: int, gender: str | None, mention: Span, before: int | None = None
) -> Speaker | None:
    """The body named in the nominative in sentence `k` (before `before`),
    its noun of the gender asked."""
    ctx = r.ctx
    sent = ctx.sents[k]
    for s, e, type_ in reversed(ctx.names[k]):
        if type_ != "ORG" or (before is not None and e > before):
            continue
        tok = next((t for t in sent.tokens if t.start >= s), None)
        phrase = s
        if tok is not None and tok.index > 0:
            # `компания «Яндекс»`: the noun before the name is the head.
            noun = sent.tokens[tok.index - 1]
            if noun.text in _QUOTE_CHARS and tok.index > 1:
                noun = sent.tokens[tok.index - 2]
            if noun.pos == "NOUN" and noun.stop <= s:
                tok, phrase = noun, noun.start
        # (The sentence before may hold no cue, and so have no parse: its
        # subject is the nominative.)
        if tok is None or tok.feats.get("Case") != "Nom" or tok.pos == "ADP":
            continue
        if tok.index > 0 and sent.tokens[tok.index - 1].pos == "ADP":
            continue
        if (tok.feats.get("Gender") == "Fem") != (gender == "femn"):
            continue
        words = ctx.text[s:e].replace("«", "").replace("»", "").split()
        return Speaker(names.org_name(words), ORG, mention, (ctx.text[phrase:e].lower(),))
    return None


def _subject_served(
    r: Resolver, m: Mention, words: list[str], cue_start: int | None
) -> Mention | None:
    """`Надзорное ведомство, как уточнили в пресс-службе, оценит …`: a bare
    service set off inside a sentence speaks for the body that is the
    sentence's subject, before it, not for a service named earlier."""
    if cue_start is None or len(words) != 1:
        return None
    if not is_service(words[0]):
        return None
    tokens = m.sent.tokens
    for t in tokens:
        if t.start >= cue_start:
            return None
        if (
            t.rel in {"nsubj", "nsubj:pass"}
            and t.pos in {"NOUN", "PROPN"}
            and 0 <= t.head < len(tokens)
            and tokens[t.head].start > m.stop
            and is_institution(t)
        ):
            return phrase(m.sent, t.index, range(m.tokens[0], len(tokens)))
    return None


def _owner_by_pronoun(
    r: Resolver, m: Mention, previous: list[tuple[Claim, Speaker]], mention: Span
) -> Speaker | None:
    """`Прокуратура Республики Коми, по информации ее пресс-службы, …`, `по
    данным ее сайта`: a body's service or site, owned by a pronoun, speaks for
    the body (or person) the pronoun stands for."""
    tokens = m.sent.tokens
    # (past the preposition of `как сообщили в ее пресс-службе`)
    own = [k for k in m.tokens if tokens[k].rel != "case"]
    if not own or norm(tokens[own[0]].text) not in _POSSESSIVES or m.head == own[0]:
        return None
    word = norm(tokens[own[0]].text)
    head = lemmas(m.head_token.text)
    service = any("service" in _institutions().get(x, ()) for x in head)
    if not service and not head & _SITES:
        return None
    gender, number = PRONOUNS[word]
    if number == "plur":
        return None
    owner = _body_subject(r, m.sent.index, gender, mention, before=m.start)
    if owner is None:
        # (`Прокуратура Республики Коми`, which NER leaves untagged)
        owner = _opening_body(r.ctx, m.sent)
    if owner is None and m.sent.index > 0:
        prev = r.ctx.sents[m.sent.index - 1]
        owner = _body_subject(r, prev.index, gender, mention) or _opening_body(r.ctx, prev)
    if owner is None:
        owner = _antecedent(r, m.start, gender, number, previous, mention)
    if owner is None:
        return None
    phrase = r.ctx.text[m.start : m.stop].lower()
    return attrs.evolve(owner, mention=mention, aliases=(*owner.aliases, phrase))


def _antecedent(
    r: Resolver,
    offset: int,
    gender: str | None,
    number: str | None,
    previous: list[tuple[Claim, Speaker]],
    mention: Span,
) -> Speaker | None:
    """Nearest earlier person agreeing in gender and number; subjects first."""
    if number == "plur":
        group = _plural_subject(r, offset)
        for claim, speaker in _recent(previous):
            if claim.start < offset and speaker.type != PERSON and not _one_said(claim, speaker):
                if group is not None and group.start > claim.start:
                    break  # a group named since is nearer
                return attrs.evolve(speaker, mention=mention)
        if group is not None:
            found = _resolve_mention(r, group, previous)
            return attrs.evolve(found, mention=mention) if found is not None else None
        return None
    before = r.people_before(offset)
    agreeing = [(s, e) for s, e in before if _agrees(e, gender, number)]
    # Not a name in someone's quoted words (`«Я восхищалась Памелой Андерсон»`).
    spoke = [sp.mention for _c, sp in _recent(previous) if sp.mention is not None]
    candidates = _outside_quotes(r, _not_kin_aside(r, agreeing, spoke), 1)
    candidates = _not_in_own_adjunct(r, offset, candidates)
    candidates = _not_in_question(r, offset, candidates)
    if not candidates:
        # A foreign name's gender is a guess (`Аун Сан Су Чжи`): let it go.
        guessed = [(s, e) for s, e in before if e.sure_gender is None and e.full]
        candidates = _outside_quotes(r, guessed, 1)
    sent_of = r.ctx.sentence_at
    source = _unnamed_speaker_before(r, previous, offset, gender)
    if source is not None and (
        not candidates
        or source.mention.start > candidates[0][0]
        or _all_reported(previous, offset, _in_nearest_sentence(r, candidates))
    ):
        # `Дипломатический источник рассказал, что … По его словам, …`: the
        # unnamed source who spoke last, nearer than any name but those it
        # reported on (`рассказал, что де Мистура принял решение … — добавил он`).
        return attrs.evolve(source, mention=mention)
    described = _described_speaker_before(r, previous, offset, gender)
    if described is not None and (
        not candidates or described.mention.start > candidates[0][0]  # type: ignore[union-attr]
    ):
        # `«…», — заявила американка. Она также сообщила`: who spoke last,
        # by a description nearer than any name, goes on.
        return attrs.evolve(described, mention=mention)
    noun = _noun_antecedent(r, offset, gender, spoke)
    if noun is not None and (not candidates or noun[0].index > _index(sent_of(candidates[0][0]))):
        # `Она ответила` after `жена нападавшего`: a role, not a name.
        _sent, words = noun
        name = names.nominative_phrase(words)
        return Speaker(name, ANON, mention, tuple(sorted(lemmas(words[0])))[:1])
    unnamed = _unnamed_subject(r, offset, gender)
    if unnamed is not None and (not candidates or unnamed[0] > _index(sent_of(candidates[0][0]))):
        return Speaker(unnamed[1].name, PERSON, mention, aliases(unnamed[1]))
    if not candidates:
        return None
    asked = _asked_one(r, previous, offset, gender)
    if asked is not None:
        return Speaker(asked.name, PERSON, mention, aliases(asked))
    nearest = sent_of(candidates[0][0])
    same = _in_nearest_sentence(r, candidates)
    reporter = _reporter_of(r, previous, offset, same, gender)
    if reporter is not None:
        return attrs.evolve(reporter, mention=mention)
    entity = _subject_first(r, same, True) or _dropped_subject(r, agreeing, nearest)
    entity = entity or _subject_first(r, same)
    assert entity is not None  # (only subject_only gives None)
    return Speaker(entity.name, PERSON, mention, aliases(entity))


def _not_in_question(
    r: Resolver, offset: int, candidates: list[tuple[int, Entity]]
) -> list[tuple[int, Entity]]:
    """`На вопрос журналистов, можно ли назвать действия Лубица самоубийством,
    он ответил`: the one who answers is not whom the question is about."""
    sent = r.ctx.sentence_at(offset)
    if sent is None:
        return candidates
    tokens = [t for t in sent.tokens if t.start < offset]
    if len(tokens) < 3 or norm(tokens[0].text) != "на" or not lemmas(tokens[1].text) & {"вопрос"}:
        return candidates
    commas = [t.start for t in tokens if t.text == ","]
    if not commas:
        return candidates
    return [(s, e) for s, e in candidates if not sent.start <= s < commas[-1]]


def _not_kin_aside(
    r: Resolver, candidates: list[tuple[int, Entity]], spoke: Sequence[Span]
) -> list[tuple[int, Entity]]:
    """`Джоли пояснила … Ее мать, актриса Маршелин Бертран, умерла от рака.
    Она отметила`: someone brought in as a relation of the one the text is
    about (`ее мать`, `его брат`) is an aside, unless they have spoken
    (`Его отец сказал …`, mentioned by one of `spoke`); the pronoun goes on
    with the one they are a relation of, where anyone else agrees."""
    kept = []
    # (The nearest few only: a look back stays bounded.)
    for start, entity in candidates[:_ASIDE_REACH]:
        sent = r.ctx.sentence_at(start)
        before = [t for t in sent.tokens if t.stop <= start][-5:] if sent is not None else []
        aside = any(
            _kin_owned(before, i) and not _spoken_at(spoke, tok.start)
            for i, tok in enumerate(before)
        )
        if not aside:
            kept.append((start, entity))
    kept += candidates[_ASIDE_REACH:]
    return kept or candidates


_ASIDE_REACH = 8


def _kin_owned(tokens: list[Token], i: int) -> bool:
    """`ее мать`: a relation noun after a possessive pronoun."""
    return (
        i > 0 and norm(tokens[i - 1].text) in _POSSESSIVES and bool(lemmas(tokens[i].text) & _kin())
    )


def _spoken_at(spoke: Sequence[Span], offset: int) -> bool:
    return any(span.start <= offset < span.stop for span in spoke)


def _in_nearest_sentence(
    r: Resolver, candidates: list[tuple[int, Entity]]
) -> list[tuple[int, Entity]]:
    nearest = r.ctx.sentence_at(candidates[0][0])
    return [c for c in candidates if r.ctx.sentence_at(c[0]) is nearest]


def _not_in_own_adjunct(
    r: Resolver, offset: int, candidates: list[tuple[int, Entity]]
) -> list[tuple[int, Entity]]:
    """`Выступая перед встречей с королем Иордании Абдаллой II, он
    предупредил`: the adverbial participle's subject is the pronoun's
    referent, so a name within its clause is someone else."""
    sent = r.ctx.sentence_at(offset)
    if sent is None or not sent.parsed:
        return candidates
    tokens = sent.tokens
    pronoun = next((t for t in tokens if t.start == offset), None)
    if pronoun is None or pronoun.rel not in {"nsubj", "nsubj:pass"} or pronoun.head < 0:
        return candidates
    inside: set[int] = set()
    for c in tokens[pronoun.head].children:
        if c < pronoun.index and tokens[c].feats.get("VerbForm") == "Conv":
            inside |= {t.start for t in sent.subtree(c)}
    return [(s, e) for s, e in candidates if s not in inside] if inside else candidates


_GENDER = {"masc": "Masc", "femn": "Fem"}


def _dropped_subject(
    r: Resolver, candidates: list[tuple[int, Entity]], nearest: Sentence | None
) -> Entity | None:
    """`Владимир является учеником Олега Табакова. Был привлекателем зрителей
    в Театр п/р Олега Табакова. По его словам …`: a sentence that opens with
    its verb and names no subject goes on about the subject before it, and so
    does the pronoun after it; a name it holds only in an oblique case is
    whose or where, not who."""
    sent_of = r.ctx.sentence_at
    sent = nearest
    for _ in range(2):
        if sent is None or not _opens_with_verb(sent) or sent.index == 0:
            return None
        earlier = r.ctx.sents[sent.index - 1]
        if earlier.paragraph < sent.paragraph - 1:
            return None
        found = [c for c in candidates if sent_of(c[0]) is earlier]
        entity = _subject_first(r, found, True) if found else None
        if entity is not None:
            return entity
        sent = earlier
    return None


def _opens_with_verb(sent: Sentence) -> bool:
    """The sentence's first word is a finite verb with no subject of its own."""
    first = next((t for t in sent.tokens if t.pos != "PUNCT"), None)
    if first is None or first.feats.get("VerbForm") != "Fin" or first.pos not in {"VERB", "AUX"}:
        return False
    if not sent.parsed:
        return True
    return not any(sent.tokens[c].rel in {"nsubj", "nsubj:pass"} for c in first.children)


def _index(sent: Sentence | None) -> int:
    """A sentence's index; -1 for a name before a long document's window
    (what it is in stands before every sentence of the window)."""
    return -1 if sent is None else sent.index


def _unnamed_speaker_before(
    r: Resolver, previous: list[tuple[Claim, Speaker]], offset: int, gender: str | None
) -> Speaker | None:
    """The speaker of the last claim before `offset`, if an unnamed source
    of the pronoun's gender named in this paragraph or the one before."""
    speaker = _unnamed_one_before(r, previous, offset, gender)
    if speaker is None:
        return None
    lemma = lemmas((speaker.aliases or (speaker.name.split()[-1],))[0])
    if not lemma & _anonymous() or lemma & lexicon.words("person_descriptors"):
        return None  # a role (`модель`, `дочь`) may be someone named: not this rule's
    return speaker


def _last_speaker_near(
    r: Resolver, previous: list[tuple[Claim, Speaker]], offset: int, gender: str | None
) -> Speaker | None:
    """The speaker of the last claim before `offset`, said in a mention, in
    the pronoun's paragraph or the one before; None for a pronoun of no
    gender."""
    if gender is None or not previous:
        return None
    claim, speaker = previous[-1]
    here = r.ctx.sentence_at(offset)
    if (
        speaker.mention is None
        or here is None
        or claim.start >= offset
        or here.paragraph - claim.sent.paragraph > 1
    ):
        return None
    return speaker


def _name_right_after(r: Resolver, m: Mention) -> tuple[tuple[int, int], Entity] | None:
    """The person named by the words right after a role noun's mention."""
    if m.head_token.pos != "NOUN" or m.pronoun:
        return None
    nxt = next((t for t in m.sent.tokens if t.start >= m.stop), None)
    if nxt is not None and nxt.text == ",":
        return _named_in_apposition(r, m, nxt.index)
    if nxt is None or nxt.pos != "PROPN" or r.ctx.view[m.stop : nxt.start].strip():
        return None
    if nxt.feats.get("Case") != m.head_token.feats.get("Case") or is_institution(m.head_token):
        return None  # `в канцелярии премьер-министра Кира Стармера`: whose, not who
    if r.words_of[0] <= nxt.start < r.words_of[1]:
        return None  # `По данным следствия Ахмад Рахами приобрел …`: the content's
    tokens = m.sent.tokens
    last = nxt.index
    while last + 1 < len(tokens) and tokens[last + 1].pos == "PROPN":
        last += 1
    found = r.person_at(nxt.start, tokens[last].stop)
    return found if found is not None and found[0][0] == nxt.start else None


def _named_in_apposition(
    r: Resolver, m: Mention, comma: int
) -> tuple[tuple[int, int], Entity] | None:
    """`По мнению вирусолога, профессора … Алексея Аграновского, …`: the
    person named at the end of a title set off after a role noun, in its case."""
    tokens = m.sent.tokens
    close = apposition_end(m.sent, comma)
    if close is None or tokens[comma + 1].feats.get("Case") != m.head_token.feats.get("Case"):
        return None
    first = close - 1
    while first - 1 > comma and tokens[first - 1].pos == "PROPN":
        first -= 1
    found = r.person_at(tokens[first].start, tokens[close - 1].stop)
    return found if found is not None and found[0][0] == tokens[first].start else None


def _there(ctx: Context, cue: Cue) -> Mention | None:
    """`В Госдепартаменте США призвали Москву … Там заявили, что …`: `там`
    before a cue with no subject is the institution the sentence before
    named in the locative, in the same paragraph."""
    sent = cue.sent
    j = cue.first - 1
    while j >= 0 and cue.first - j <= 2 and sent.tokens[j].pos == "ADV" and not _is_there(sent, j):
        j -= 1  # `Там также заявили`
    if cue.type != VERB or j < 0 or not _is_there(sent, j) or sent.index == 0:
        return None
    before = ctx.sents[sent.index - 1]
    if before.paragraph != sent.paragraph or not before.parsed:
        return None
    root = next((t.index for t in before.tokens if t.rel == "root"), None)
    return locative_body(before, root) if root is not None else None


def _is_there(sent: Sentence, i: int) -> bool:
    return norm(sent.tokens[i].text) == "там"


# Nouns that say only that someone is a man or a woman.
_PLAIN_PEOPLE = frozenset({"мужчина", "женщина", "девушка", "парень", "юноша"})


def _unnamed_one_before(
    r: Resolver, previous: list[tuple[Claim, Speaker]], offset: int, gender: str | None
) -> Speaker | None:
    """The speaker of the last claim before `offset`, in this paragraph or the
    one before, if someone unnamed (`соседка одной из пострадавших`) whose
    noun agrees with `gender`."""
    speaker = _last_speaker_near(r, previous, offset, gender)
    if speaker is None or speaker.type != ANON:
        return None
    head = (speaker.aliases or (speaker.name.split()[-1],))[0]
    if head == "один":
        # `Одна из пострадавших, …`: the group's alias is `один`; the words
        # say whether she or he.
        head = speaker.name.split()[0]
    best = parse(head.lower())[:1]
    if not best or best[0].tag.number != "sing" or best[0].tag.gender != gender:
        return None
    if _counted_group(speaker.name):
        return None  # `два источника`: its noun is singular, the speakers are not one
    return speaker


def _counted_group(name: str) -> bool:
    """A phrase that opens with a number (`два источника`, `3 эксперта`)."""
    first = name.split()[:1]
    if not first:
        return False
    return first[0].isdigit() or any(p.tag.POS == "NUMR" for p in parse(first[0].lower())[:1])


def _asked_one(
    r: Resolver, previous: list[tuple[Claim, Speaker]], offset: int, gender: str | None
) -> Entity | None:
    """`Журналисты спросили Мединского, будет ли Путин участвовать. «…», —
    ответил он`: right after a question, the pronoun is the one asked (named
    in an oblique case before the question), not someone the question names."""
    last = next((c for c, _s in _recent(previous) if c.stop <= offset), None)
    if last is None or last.cue is None or "question" not in last.cue.tags:
        return None
    here = r.ctx.sentence_at(offset)
    sent = last.cue.sent
    if here is None or here.index < sent.index or last.start < last.cue.start:
        return None
    between = r.ctx.sents[sent.index + 1 : here.index]
    if any(not (r.ctx.in_quote(b.start) or r.ctx.in_quote(b.start + 1)) for b in between):
        return None  # (the answer follows the question, its own words between at most)
    for (start, _stop), entity in r.people_in(sent.start, last.start):
        tok = next((t for t in sent.tokens if t.start == start), None)
        if (
            tok is not None
            and tok.feats.get("Case") in {"Acc", "Gen", "Dat"}
            and _agrees(entity, gender, "sing")
        ):
            return entity
    return None


def _reporter_of(
    r: Resolver,
    previous: list[tuple[Claim, Speaker]],
    offset: int,
    nearest: list[tuple[int, Entity]],
    gender: str | None,
) -> Speaker | None:
    """`Колеров сообщил, что Борис Сорокин покинул компанию. По его словам, …`:
    where every name of the nearest sentence stands in what the last claims
    reported, the pronoun goes on with the one who reported last, not with
    someone reported on (the tagger may have missed the reporter's name)."""
    speaker = _last_speaker_near(r, previous, offset, gender)
    if speaker is None or speaker.type != PERSON or speaker.mention is None:
        return None
    if not _all_reported(previous, offset, nearest):
        return None
    entity = _entity_of(r, speaker)
    return speaker if entity is not None and _agrees(entity, gender, "sing") else None


def _all_reported(
    previous: list[tuple[Claim, Speaker]], offset: int, names: list[tuple[int, Entity]]
) -> bool:
    """Every one of `names` stands in what the last claims before `offset` reported."""
    reported = [(c.start, c.stop) for c, _s in _recent(previous) if c.stop <= offset]
    return bool(reported) and all(any(a <= s < b for a, b in reported) for s, _e in names)


def _entity_of(r: Resolver, speaker: Speaker) -> Entity | None:
    """The person entity a speaker chosen earlier names."""
    return next((e for e in r.people.values() if e.name == speaker.name), None)


def _described_speaker_before(
    r: Resolver, previous: list[tuple[Claim, Speaker]], offset: int, gender: str | None
) -> Speaker | None:
    """The speaker of the last claim before `offset`, a person the text
    named but who spoke under a description (`американка`, `тренер`) in
    this paragraph or the one before, of the pronoun's gender."""
    speaker = _last_speaker_near(r, previous, offset, gender)
    mention = speaker.mention if speaker is not None else None
    if (
        speaker is None
        or mention is None
        or speaker.type != PERSON
        or mention.start >= offset
        or r.ctx.in_quote(mention.start)
        or r.person_at(mention.start, mention.stop) is not None
    ):
        return None
    entity = _entity_of(r, speaker)
    return speaker if entity is not None and entity.gender == gender else None


def _own_clause(sent: Sentence, offset: int) -> set[int]:
    """The tokens of the clause whose subject is the pronoun at `offset`."""
    pronoun = next((t for t in sent.tokens if t.start == offset), None)
    if pronoun is None or pronoun.rel not in {"nsubj", "nsubj:pass"} or pronoun.head < 0:
        return set()
    return {t.index for t in sent.subtree(pronoun.head)}


def _participle_as_noun(tokens: list[Token], i: int) -> bool:
    """`Нападавшего задержали`: a participle standing for the one who did it,
    with no noun after it to qualify."""
    tok = tokens[i]
    if tok.pos != "VERB" or tok.feats.get("VerbForm") != "Part" or tok.feats.get("Case") is None:
        return False
    if tok.feats.get("Variant") == "Short":
        return False  # `был задержан`: a predicate
    if i > 1 and tokens[i - 1].text == "," and tokens[i - 2].pos in {"NOUN", "PROPN"}:
        before = tokens[i - 2].feats
        if all(before.get(f) == tok.feats.get(f) for f in ("Case", "Number")):
            return False  # `Партия, проходившая в Ханты-Мансийске`: the noun's
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if nxt is None:
        return True
    if nxt.pos == "VERB" and nxt.feats.get("VerbForm") == "Part":
        return nxt.feats.get("Case") != tok.feats.get("Case")  # (`ранее задержанный …`)
    return nxt.pos not in {"NOUN", "PROPN", "ADJ", "NUM", "DET"}


def _unnamed_before(r: Resolver, m: Mention, head_lemmas: frozenset[str]) -> bool:
    """The same participle stood for someone earlier with no name beside it
    (`Нападавшего задержали … — сказал нападавший`): the one the text has
    not named, not the person it named nearby."""
    here = m.sent.index
    for sent in r.ctx.sents[max(0, here - 6) : here + 1]:
        for tok in sent.tokens:
            if tok.stop > m.start:
                break
            if (
                _participle_as_noun(sent.tokens, tok.index)
                and lemmas(tok.text) & head_lemmas
                and not r.ctx.in_quote(tok.start)
            ):
                return True
    return False


def _noun_antecedent(
    r: Resolver, offset: int, gender: str | None, spoke: Sequence[Span] = ()
) -> tuple[Sentence, list[str]] | None:
    """A person named by a role, not a name, in a recent sentence:
    the nearest animate noun agreeing with the pronoun, and its
    genitives (`жена Микаэля Арпона`, `пресс-секретарь губернатора`)."""
    here = r.ctx.sentence_at(offset)
    if here is None or gender is None:
        return None
    sents = r.ctx.sents
    # The pronoun's own clause holds no antecedent for it: `В разговоре с
    # корреспондентом он сообщил` is not the correspondent speaking.
    own = _own_clause(here, offset)
    for k in range(here.index, max(here.index - 3, -1), -1):
        sent = sents[k]
        tokens = [t for t in sent.tokens if t.stop <= offset]
        for i, tok in enumerate(tokens):
            f = tok.feats
            if k == here.index and tok.index in own:
                continue
            person = (
                tok.pos == "NOUN"
                # The tagger leaves some out (`Менеджер`): the dictionary knows.
                and (f.get("Animacy") == "Anim" or ("Animacy" not in f and animate_noun(tok)))
            ) or _participle_as_noun(tokens, i)
            if not (person and f.get("Number") == "Sing" and f.get("Gender") == _GENDER[gender]):
                continue
            if _mentioned_in_passing(sent, tok):
                # `Звонарев родился в семье железнодорожника`, `она вспоминает
                # фронтовую медсестру`: the sentence is about its subject, not
                # someone it names in passing (`Нападавшего задержали`, with no
                # subject, is about him).
                continue
            if r.ctx.in_quote(tok.start):
                continue  # `«… потерю любимого мужа»`: someone's words, not a person here
            if _kin_owned(tokens, i) and not _spoken_at(spoke, tok.start):
                continue  # `Ее мать, актриса …`: an aside (_not_kin_aside)
            # (A common noun is named in lower case, whatever opened the sentence.)
            taken = [tok]
            for nxt in tokens[i + 1 : i + 7]:
                if nxt.text in _QUOTE_CHARS:
                    taken.append(nxt)  # `представитель «Аэрофлота»`
                    continue
                rest_of_name = nxt.rel == "flat:name" and nxt.pos == "PROPN"  # `Мии Фэрроу`
                body = nxt.pos == "PROPN" and _org_at(r.ctx, sent, nxt)  # `представитель TEPCO`
                if nxt.pos not in {"NOUN", "PROPN", "ADJ"} or (
                    nxt.feats.get("Case") != "Gen" and not rest_of_name and not body
                ):
                    break
                taken.append(nxt)
            marks = sum(t.text in _QUOTE_CHARS for t in taken)
            while taken[-1].text in "«„" or (taken[-1].text == '"' and marks % 2):
                taken.pop()  # an opening mark with nothing after it
                marks -= 1
            words = r.ctx.text[tok.start : taken[-1].stop].split()
            if i == 0:
                words[0] = words[0].lower()
            if any(
                nxt.pos == "PROPN"
                and nxt.feats.get("Case") != "Gen"
                # (not `представитель TEPCO`, a body's name the tagger leaves caseless)
                and not _org_at(r.ctx, sent, nxt)
                for nxt in tokens[i + 1 : i + 2]
            ):
                # `пресс-секретарь Дмитрий Песков`: the name follows (`Менеджер
                # Мии Фэрроу`, whose name is not given, is the antecedent).
                continue
            for _start, entity in r.people_before(offset):
                if entity.titles & lemmas(tok.text):
                    return None  # `велогонщик` is `велогонщик Лэнс Армстронг`
            return sent, words
    return None


def _org_at(ctx: Context, sent: Sentence, tok: Token) -> bool:
    """NER found an organisation starting at `tok`."""
    return any(s == tok.start and t == "ORG" for s, _e, t in ctx.names[sent.index])


def _mentioned_in_passing(sent: Sentence, tok: Token) -> bool:
    """A noun beside the subject of its sentence, which is someone else."""
    if not sent.parsed:
        # No parse (a sentence with no cue): a name in the nominative is the
        # subject, a noun in another case is not.
        return tok.feats.get("Case") not in {"Nom", None} and any(
            t.pos == "PROPN" and t.feats.get("Case") == "Nom" for t in sent.tokens
        )
    if tok.rel in {"nsubj", "nsubj:pass", "appos"}:
        return False
    return any(
        t.rel in {"nsubj", "nsubj:pass"} and t.pos in {"NOUN", "PROPN"} and t is not tok
        for t in sent.tokens
    )


def _country_of(m: Mention) -> str | None:
    """The country an adjective of the description names (`американский
    президент`, `Французский лидер`: data/country_adjectives.txt)."""
    countries = lexicon.load("country_adjectives")
    for i in m.tokens:
        tok = m.sent.tokens[i]
        if tok.pos == "ADJ":
            for lemma in lemmas(tok.text):
                if countries.get(lemma):
                    return next(iter(countries[lemma]))
    return None


def _demonym_country(head: frozenset[str]) -> str | None:
    """`канадец`, `бразильянка`: the country a nationality noun names."""
    demonyms = lexicon.load("demonyms")
    return next((c for lemma in head for c in demonyms.get(lemma, ())), None)


def _titled_in(entity: Entity, head: frozenset[str], country: str) -> bool:
    """Was the person titled with this noun (or one it stands for) and this
    country (`президент США`; `лидер` stands for `президент`)?"""
    nouns = {t.split("|", 1)[0] for t in entity.titles}
    return bool(nouns & head) and any(t.endswith("|" + country) for t in entity.titles)


def _described(
    r: Resolver, m: Mention, head_lemmas: frozenset[str], previous: list[tuple[Claim, Speaker]]
) -> Entity | None:
    """`скульптор` → the person earlier titled `Скульптор`; `глава государства` → recent speaker."""
    tokens = m.sent.tokens
    if any(
        lemmas(tokens[i].text) & _ANOTHER and tokens[i].feats.get("Number") != "Plur"
        for i in m.tokens
        if i < m.head
    ):
        return None  # `Другая пассажирка сказала`: not the one who spoke before
    dep = _dependent([tokens[i] for i in m.tokens if i > m.head])
    country = _country_of(m)
    nation = _demonym_country(head_lemmas)
    # `избранный президент`: only one titled so (`бывший премьер-министр
    # Италии Сильвио Берлускони`), not the one titled `Президент России`.
    moved = any(lemmas(tokens[i].text) & _title_modifiers() for i in m.tokens if i < m.head)
    if nation is not None and bare_role(m):
        # `— сказал канадец`: the one the text titled `Канадский форвард`.
        for start, entity in r.people_before(m.start):
            if moved and not _moved_title_before(r.ctx.text, start):
                continue
            if any(t.endswith("|" + nation) for t in entity.titles) and gender_fits(entity, m):
                return entity
    for start, entity in r.people_before(m.start):
        if r.ctx.in_quote(start) or not gender_fits(entity, m):
            continue  # named in someone's words; `Монарх призвал` is not a queen
        if moved and not _moved_title_before(r.ctx.text, start):
            continue  # `избранный президент` is not the one titled `Президент России`
        if country and _titled_in(entity, head_lemmas, country):
            return entity  # `американский президент` → the one titled `президент США`
        if not country and _title_matches(entity, head_lemmas, dep):
            if _entity_in_words(r, entity):
                continue  # `«Егор сегодня был сильнее», — заявил пловец`: another one
            return entity
    if head_lemmas & _anonymous() and not bare_role(m):
        # `представитель компании`, `другой эксперт`: a role that names no one
        # unless the text gave that title to a named person.
        return None
    if head_lemmas & lexicon.words("anonymous", "for") and bare_role(m):
        # `Его адвокат сообщил … По словам адвоката, …`: someone's by nature,
        # so not the person the text is about, unless titled so (above).
        return None
    bare = bool(head_lemmas & _anonymous())
    # A bare role (`Политик заявил`) is who the text is about: a subject
    # named lately, not a name in an oblique case (`со сторонником Траини`).
    if _someone_new(m):
        # `Пенсионерка из Верхней Пышмы, потерявшая …`, `Профессор, пожелавший
        # не называть имя`: introduced here, no one named before.
        return None
    besides = _set_apart(m, previous) | _reported_only(r, m, previous)
    if bare:
        # `По мнению аналитика Дмитрия Смолина, … «…», — отметил эксперт`: a
        # generic role right after someone spoke in this paragraph goes on
        # with them, even where they were named in an oblique case.
        just = _just_spoke(r, m, previous)
        asking = _asker(head_lemmas) and _asking(m)
        if just is not None and not (asking and not _asker(frozenset(just.titles))):
            # (`Корреспондент спросила его` is no one the story quoted)
            return just
    # Nor one named in the words of a quote whose marks were lost (`подтвердил
    # эту информацию:` and the paragraph after).
    said = [(c.start, c.stop) for c, _s in _recent(previous) if c.kind == "direct"]
    named = _nearby_person(r, m, subject_only=bare, besides=besides, said=said)
    parted = parted_gender(m)
    if named is None and bare and parted is not None:
        # `Марию Захарову спросили … Дипломат ответила`: a verb that parts
        # from its noun's gender points at the person just named, subject or not.
        near = _nearby_person(r, m)
        named = near if near is not None and near.gender == parted else None
    if named is not None and not gender_fits(named, m):
        named = None
    kin = GENDERS.get(m.head_token.feats.get("Gender", "")) if head_lemmas & _kin() else None
    if named is not None and kin is not None and named.gender not in {None, kin}:
        # `Анна … ей позвонил брат`: her brother, not Анна; a relation keeps
        # its noun's gender (`супруга` may be the wife named before).
        return None
    if named is not None and _affiliated_elsewhere(named, head_lemmas, dep):
        named = None  # `Директор шахты заявил` after `лидер профсоюза Кудрин`: someone else
    if named is not None and _asker(head_lemmas) and not _asker(frozenset(named.titles)):
        return None  # `— спросил журналист` after the coach answered: someone else
    if named is not None and (
        not named.titles & head_lemmas or _title_matches(named, head_lemmas, dep)
    ):
        return named
    for claim, speaker in _recent(previous):
        if speaker.type == PERSON and claim.start < m.start:
            for entity in r.family(surname_key(speaker.name.split()[-1])):
                if speaker.name != entity.name:
                    continue
                if kin is not None and entity.gender not in {None, kin}:
                    return None
                if sex_clashes(entity, m) or not gender_fits(entity, m):
                    # `Глава союза допустил` is not the economist who spoke;
                    # `мужчина в пуховике` is not Татьяна, who spoke before.
                    return None
                if _asker(head_lemmas) and _asking(m) and not _asker(frozenset(entity.titles)):
                    return None  # `Корреспондент спросила его`: not who spoke
                return None if _affiliated_elsewhere(entity, head_lemmas, dep) else entity
    return None


def _just_spoke(r: Resolver, m: Mention, previous: list[tuple[Claim, Speaker]]) -> Entity | None:
    """The person of the last claim, when it stands in the mention's paragraph
    and two sentences before at most, and agrees with the mention's gender."""
    claim, speaker = next(_recent(previous), (None, None))
    if claim is None or speaker is None or speaker.type != PERSON or claim.start >= m.start:
        return None
    if claim.sent.paragraph != m.sent.paragraph or m.sent.index - claim.sent.index > 2:
        return None
    entity = _entity_of(r, speaker)
    return entity if entity is not None and gender_fits(entity, m) else None


@functools.cache
def _title_modifiers() -> frozenset[str]:
    return lexicon.words("title_modifiers")


def _moved_title_before(text: str, start: int) -> bool:
    """A name introduced with a title moved in time (`бывший министр X`):
    one of title_modifiers.txt among the few words before it, in its sentence."""
    before = re.split(r"[.!?\n]", text[max(0, start - _TITLE_REACH) : start])[-1]
    return any(lemmas(w) & _title_modifiers() for w in re.findall(r"[\w-]+", before)[-6:])


_TITLE_REACH = 80  # characters: a long title with its body's name


@functools.cache
def _kin() -> frozenset[str]:
    return lexicon.words("anonymous", "kin")


def _set_apart(m: Mention, previous: list[tuple[Claim, Speaker]]) -> frozenset[str]:
    """`Сам спортсмен признал` after his lawyer spoke: `сам` sets the role
    apart from the one who spoke last."""
    if not any(norm(m.sent.tokens[i].text) in {"сам", "сама"} for i in m.tokens):
        return frozenset()
    for claim, speaker in _recent(previous):
        if claim.start < m.start and speaker.type == PERSON:
            return frozenset({speaker.name})
    return frozenset()


def _reported_only(
    r: Resolver, m: Mention, previous: list[tuple[Claim, Speaker]]
) -> frozenset[str]:
    """`Наставник также сообщил, что полузащитник Вендел получил повреждение.
    По словам специалиста, …`: people the last claims named only in what
    they reported are what was said about, not the role who speaks next."""
    reported = [(c.start, c.stop) for c, _s in _recent(previous) if c.stop <= m.start][:2]
    if not reported:
        return frozenset()
    near = r.people_before(m.start)[:_NEAR_NAMES]
    inside = {e.name for s, e in near if any(a <= s < b for a, b in reported)}
    outside = {e.name for s, e in near if not any(a <= s < b for a, b in reported)}
    return frozenset(inside - outside)


_NEAR_NAMES = 6


# `Тот ответил`: the demonstrative, like `последний`, points past the
# subject to the one named last.
_LATTER = {"последний": "masc", "последняя": "femn", "тот": "masc", "та": "femn"}


def _latter(r: Resolver, m: Mention, gender: str) -> Entity | None:
    """The person named last in the sentence before, of `gender`."""
    here = m.sent
    for start, entity in r.people_before(m.start):
        sent = r.ctx.sentence_at(start)
        if sent is None or here.index - sent.index > 1:
            return None
        if entity.gender in {None, gender} and not r.ctx.in_quote(start):
            return entity
    return None


_ANOTHER = frozenset({"другой", "второй"})


def _someone_new(m: Mention) -> bool:
    """A role with where it is from (`из Верхней Пышмы`) or a participle's
    clause set on it: the text introduces someone (`министр, которого цитирует
    РИА «Новости»` still points back)."""
    tokens = m.sent.tokens
    for c in m.head_token.children:
        tok = tokens[c]
        if tok.rel == "acl" and tok.feats.get("VerbForm") == "Part":
            return True
        if tok.rel == "nmod" and any(
            tokens[k].rel == "case" and norm(tokens[k].text) == "из" for k in tok.children
        ):
            return True
    return False


def _asking(m: Mention) -> bool:
    """The mention is the subject of a verb of asking (`Корреспондент спросила`)
    or whose question it is (`На вопрос корреспондента, какими …`)."""
    head = m.head_token
    if head.head < 0:
        return False
    governor = lemmas(m.sent.tokens[head.head].text)
    return bool(governor & _ASKING) or (head.rel == "nmod" and "вопрос" in governor)


_ASKING = frozenset({"спросить", "спрашивать", "поинтересоваться", "интересоваться"})


def _asker(head: frozenset[str]) -> bool:
    return bool(head & lexicon.words("person_descriptors", "press"))


def _affiliated_elsewhere(entity: Entity, head: frozenset[str], dep: frozenset[str]) -> bool:
    """A title of some body (`директор шахты`) for a person the text has
    titled only with other bodies (`лидер профсоюза`), under another noun."""
    if not dep or entity.titles & head or _title_matches(entity, head, dep):
        return False
    if head & lexicon.words("person_descriptors", "leader"):
        return False  # `глава Минсвязи` may be the one titled `министр связи`
    if any("description" in _institutions().get(d, ()) for d in dep):
        return False  # `глава ведомства`: whichever body the text is about
    of = {t.split("|", 1)[1] for t in entity.titles if "|" in t}
    if not of and entity.titles and not head & lexicon.words("person_descriptors", "common"):
        # `Кинокритик Евгений Малышев` … `Программный директор фестиваля
        # сообщил`: a post at some body for one the text titled otherwise
        # (`звезда Голливуда` is no post: fame, which anyone may have).
        return not entity.titles & lexicon.words("person_descriptors", "leader")
    return bool(of) and not of & dep


def _nearby_person(
    r: Resolver,
    m: Mention,
    subject_only: bool = False,
    besides: frozenset[str] = frozenset(),
    said: Sequence[tuple[int, int]] = (),
) -> Entity | None:
    """The person named last before a description, in its paragraph or the one
    before: `Дмитрий Медведев назвал … «…», - заявил тогда премьер`; never one
    of `besides`, nor one named inside the spans `said`."""
    # A name in someone's quoted words (`«Костя сыграл отлично», — сказал
    # он. Тренер также признал …`) is what was said about, not a speaker.
    people = [
        (s, e)
        for s, e in r.people_before(m.start)
        if e.name not in besides and not any(a <= s < b for a, b in said)
    ]
    found = _outside_quotes(r, people, 3 if subject_only else 1)
    if not found:
        return None
    sent_of = r.ctx.sentence_at
    nearest = sent_of(found[0][0])
    if nearest is None or m.sent.paragraph - nearest.paragraph > 1:
        return None
    if not subject_only:
        return _subject_first(r, [c for c in found if sent_of(c[0]) is nearest])
    # The nearest sentence that has a person for its subject, a few back at most.
    sents: list[Sentence] = []
    for start, _entity in found[:_LOOKBACK]:
        sent = sent_of(start)
        if sent is None or m.sent.paragraph - sent.paragraph > 1:
            break
        if sent not in sents:
            sents.append(sent)
    for sent in sents[:3]:
        entity = _subject_first(r, [c for c in found if sent_of(c[0]) is sent], True)
        if entity is not None:
            return entity
    return None


def _outside_quotes(
    r: Resolver, found: list[tuple[int, Entity]], sentences: int
) -> list[tuple[int, Entity]]:
    """The people of `found` (nearest first) not named in someone's quoted
    words, from the first `sentences` sentences that hold one: read no
    further than that, so that each look back stays short."""
    kept: list[tuple[int, Entity]] = []
    sents: list[Sentence | None] = []
    for start, entity in found:
        sent = r.ctx.sentence_at(start)
        if sent not in sents and len(sents) == sentences:
            break
        if r.ctx.in_quote(start):
            continue
        if sent not in sents:
            sents.append(sent)
        kept.append((start, entity))
    return kept


def _recent(previous: list[tuple[Claim, Speaker]]) -> Iterator[tuple[Claim, Speaker]]:
    """The last claims, nearest first; a bounded window keeps long texts linear."""
    return itertools.islice(reversed(previous), _LOOKBACK)


def _document_before(claim: Claim, previous: list[tuple[Claim, Speaker]]) -> Speaker | None:
    """The speaker of a recent claim that cited a document, a few paragraphs
    back at most: the author of the text a later impersonal cue quotes."""
    for prior, speaker in _recent(previous):
        if prior.cue is not None and cites(prior.cue):
            # `приводятся в сообщении слова гендиректора`: his words, not
            # the document's author.
            continue
        # `«…», — пишет актриса. … «…», — говорится в статье`: what she wrote
        # is the text a cue over a document quotes.
        wrote = (
            claim.document
            and prior.cue is not None
            and bool(lemmas(prior.cue.token.text) & _WRITING)
        )
        if (prior.document or wrote) and claim.sent.paragraph - prior.sent.paragraph <= 3:
            return speaker
        if not claim.document:
            # A bare `Предполагается, что …` goes on with a document only
            # right after it, not past someone else's words since.
            return None
    return None


_WRITING = frozenset({"писать", "написать"})


def _intro_line(ctx: Context, claim: Claim) -> Mention | None:
    """`Посольство России в Кито распространило сообщение:` and its words on
    the lines below: the subject of the line that ends in the colon, where
    that line names a message or a document."""
    k = claim.sent.index
    if k == 0 or ctx.sents[k].start < claim.start:
        return None
    prev = ctx.sents[k - 1]
    if not ctx.view[prev.start : prev.stop].rstrip().endswith(":"):
        return None
    if not any(is_document(t) for t in prev.tokens):
        return None  # `его фонд инвестировал … в проекты:` is not whose words follow
    return colon_intro(prev, prev.stop)


def _answered(ctx: Context, previous: list[tuple[Claim, Speaker]]) -> Speaker | None:
    """Who answers a question just quoted: when the last claim asks (a
    question's cue, its words ending in `?`), the speaker before it, if
    someone else."""
    if len(previous) < 2:
        return None
    (before_claim, before), (asked, asker) = previous[-2], previous[-1]
    if asked.cue is None or "question" not in asked.cue.tags:
        return None
    if not ctx.text[asked.start : asked.stop].rstrip().endswith("?"):
        return None
    if before.name == asker.name or asked.sent.paragraph - before_claim.sent.paragraph > 3:
        return None
    return before


def _inherit(ctx: Context, claim: Claim, previous: list[tuple[Claim, Speaker]]) -> Speaker | None:
    """No mention: an impersonal cue takes its document's author; a quote
    with no cue continues the previous speaker."""
    if not previous:
        return None
    last_claim, last = previous[-1]
    gap = claim.sent.paragraph - last_claim.sent.paragraph
    if claim.cue is None:
        answered = _answered(ctx, previous)
        if answered is not None and gap <= 2:
            # `— Почему Лукин вышел только на 70-й минуте? — спросил
            # корреспондент. — Он восстанавливался …`: the answer is the one
            # asked, who spoke before the question.
            return answered
        return last if gap <= 2 else None
    verb = claim.cue.token
    # `где было официально объявлено о …`: a short passive is impersonal too.
    passive = verb.feats.get("Variant") == "Short" and verb.feats.get("Voice") == "Pass"
    if "impersonal" in claim.cue.tags or passive:
        if verb.feats.get("Tense") == "Past" and not claim.document:
            return None  # `Ранее сообщалось, что …`: reports of before, no one's
        author = _document_before(claim, previous)
        if author is not None:
            return author
        if (
            last.type == ORG
            and gap == 0
            and claim.sent.index - last_claim.sent.index == 1
            and last_claim.cue is not None
            and "impersonal" not in last_claim.cue.tags
        ):
            # `NEWSru.com отмечает, что … Подчеркивается, что …`: the outlet's
            # report goes on in the next sentence.
            return last
        return None
    if claim.cue.type == SOURCE:
        if any(is_document(t) for t in claim.cue.sent.tokens[claim.cue.first : claim.cue.last + 1]):
            # `Об этом говорится в сообщении ведомства. Согласно документу, …`
            return _document_before(claim, previous)
        return None  # `По официальным данным, …` names no one
    if verb.pos == "VERB" and verb.feats.get("Number") == "Plur" and last.type == PERSON:
        # `Британцев призвали не трогать …`, `его называли «…»`: a plural verb
        # with no subject is anyone's, not the one person who spoke last.
        return None
    # A subjectless verb (`Заявил также, что …`) continues the last speaker.
    return last if claim.sent.index - last_claim.sent.index <= 2 else None
