"""The people and organisations a document names: entities clustered by
surname, with their canonical names, and the mentions that point at them.

`Resolver` collects them once per document (or, for a long document's
window, reads the document-wide table in `carried.py`); `coref.py` resolves
a claim's speaker mention against them.
"""

from __future__ import annotations

import bisect
import functools
import re
import sys
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

import attrs

from . import lexicon, names
from .claims import Context
from .cues import norm
from .mentions import _CLOSING_MARKS, _OPENING_MARKS
from .morph import NAME_GRAMMEMES, is_known, lemmas, parse
from .namecontext import HER_SURNAME_ENDS, stands_free, tagged_case, tagged_gender, verb_gender
from .speakers import PLACE_ADJECTIVE, Mention, is_institution, is_outlet
from .text import Sentence, Token

if TYPE_CHECKING:
    from .carried import Carried

PERSON, ORG, ANON = "person", "organization", "anonymous"
_PATRONYMIC_ENDS = ("вич", "вна", "ична", "чна")


@attrs.define(slots=True)
class Entity:
    key: str
    type: str
    # Each distinct form once, in the order first named: what is read of them
    # (the fullest, any with a space, the first that fits) needs no repeats,
    # and a long document names its people thousands of times.
    forms: list[str] = attrs.Factory(list)
    full_forms: list[str] = attrs.Factory(list)  # patronymics kept
    # A few full mentions as written, for a name read first in the wrong
    # gender (`Александра Панфилова` taken for a man's genitive).
    written: list[tuple[str, ...]] = attrs.Factory(list)
    titles: set[str] = attrs.Factory(set)  # lemmas of words set before the name
    gender: str | None = None
    sure_gender: str | None = None  # from a first name, not guessed
    gender_strength: int = 0  # what `gender` rests on: 1 a guess, 2 the tagger, 3 a first name
    number: str | None = "sing"
    name: str = ""  # the fullest form, kept as forms come in
    surnames: set[str] = attrs.Factory(set)  # last words of the forms

    def add(self, forms: list[str]) -> None:
        for form in forms:
            if form in self.forms:
                continue
            self.forms.append(form)
            self.surnames.add(form.split()[-1])
            if not self.name or _fullness(form) > _fullness(self.name):
                self.name = form

    @property
    def full(self) -> bool:
        return any(" " in form for form in self.forms)


def _surname_as_said(entity: Entity) -> None:
    """`Яне Ольховой` reads as `Ольховая` (the adjective `ольховый`) or as
    `Ольхова`; the surname alone in the nominative (`Ольхова отреагировала`)
    says which."""
    words = entity.name.split()
    if len(words) < 2 or not words[-1].endswith("ая"):
        return
    if any(written[-1] == words[-1] for written in entity.written):
        return  # `Ирина Яровая`, as written: hers, whatever `Яровой` reads as
    said = words[-1][:-2] + "а"
    if said in entity.forms:
        entity.name = " ".join([*words[:-1], said])


def _name_of_gender(entity: Entity) -> None:
    """`Милана Дорохова вышла в четвертьфинал` read first as a man's
    genitive (`Милан Дорохов`): once a verb or a first name settles the
    gender, a form as full that reads in that gender names the entity."""
    if names.gender_number(entity.name.split(), case="Nom")[0] in {None, entity.gender}:
        return
    for form in entity.forms:
        same = _fullness(form) == _fullness(entity.name)
        if same and names.gender_number(form.split(), case="Nom")[0] in {None, entity.gender}:
            entity.name = form
            return
    for words in entity.written:
        form = " ".join(words)
        if _fullness(form) == _fullness(entity.name) and _reads_as_written(words, entity.gender):
            entity.add([form])
            entity.name = form
            return
    if entity.gender_strength < 4:
        return
    for words in entity.written:
        # `глава делегации Бориана Стоянова сказала`, tagged a genitive: the
        # verb says she, and the words read in the nominative name a woman
        # (or no one in particular, a first name the dictionary lacks).
        firsts = _first_name_genders(words[0])
        if entity.gender != "femn" or not (
            words[-1].lower().endswith(HER_SURNAME_ENDS) or (len(words) > 1 and "femn" in firsts)
        ):
            continue  # (`Ван Цзюня` is his genitive, whoever the verb agrees with)
        if firsts and "femn" not in firsts:
            continue
        form = names.person_name(list(words), case="Nom")
        if (
            _fullness(form) == _fullness(entity.name)
            and names.gender_number(form.split(), case="Nom")[0] in {None, entity.gender}
            and form != entity.name
        ):
            entity.add([form])
            entity.name = form
            return
    for words in entity.written:
        # `Зоэ Константопулу сообщила`: read as a man's dative (`Константопул`),
        # but the verb says she, and a woman's foreign surname does not
        # decline: the words as written, which read as no gender.
        form = " ".join(words)
        if words[-1][-1:].lower() not in _INDECLINABLE_ENDS:
            continue  # (`Ван Цзюня` is the genitive of his name)
        if _fullness(form) == _fullness(entity.name) and names.gender_number(
            list(words), case="Nom"
        )[0] in {None, entity.gender}:
            entity.add([form])
            entity.name = form
            return


# A woman's foreign surname ending in one of these does not decline.
_INDECLINABLE_ENDS = frozenset("уюоеиы")


def _fullness(form: str) -> tuple[float, int]:
    # A patronymic stands between the first name and the surname; a last
    # word in `-вич` is a surname (`Лев Гурвич`, `Роман Абрамович`).
    split = form.split()
    words = [
        w
        for i, w in enumerate(split)
        if i in (0, len(split) - 1) or not w.endswith(_PATRONYMIC_ENDS)
    ]
    # More name words are fuller (`Хван Чжан Еп`, `Тоомас Хендрик Ильвес`); a
    # patronymic adds nothing, initials less than a name written out
    # (`Владислав Сурков` over `В. Ю. Сурков`).
    initials = [w for w in words if len(w) <= 3 and w.endswith(".")]
    count = len(words) - len(initials) + (0.5 if initials else 0)
    return (min(count, 4), -len(form.split()))


def _drop_patronymic(form: str) -> str:
    words = form.split()
    if len(words) == 3 and words[1].lower().endswith(_PATRONYMIC_ENDS):
        return f"{words[0]} {words[2]}"
    return form


@functools.cache
def _institutions() -> dict[str, frozenset[str]]:
    return lexicon.load("institutions")


def is_service(word: str) -> bool:
    """A body's service (`пресс-служба`, `сайт`): it speaks for a body, is none."""
    return any("service" in _institutions().get(x, ()) for x in lemmas(word))


@functools.cache
def _anonymous() -> frozenset[str]:
    return lexicon.words("anonymous")


@functools.cache
def _roles() -> frozenset[str]:
    """Nouns of a role or title: a person's description or an unnamed source."""
    return lexicon.words("person_descriptors") | _anonymous()


class Resolver:
    """Entities of one document, and the mentions resolved against them."""

    def __init__(self, ctx: Context | None, document: Carried | None = None) -> None:
        # ctx is None only for the table a long document's windows gather
        # their names into (carried.py); a window's Resolver then reads the
        # whole document's entities from `document`.
        self.ctx: Context = ctx  # type: ignore[assignment]
        self.document = document
        self.people: dict[str, Entity] = {}
        self.orgs: list[tuple[int, str]] = []  # (offset, nominative name)
        self.by_span: dict[tuple[int, int], Entity] = {}
        # The words of the claim being resolved (coref.resolve sets it): no
        # antecedent is taken from them.
        self.words_of: tuple[int, int] = (0, 0)
        if ctx is None:
            return
        if document is not None:
            self._window(document, ctx)
            return
        self.gather(ctx.text, ctx.view, ctx.sents, ctx.names)
        self.settle()

    def _window(self, document: Carried, ctx: Context) -> None:
        """The whole document's entities, and the mentions in this window's
        sentences; pronouns and descriptions look back over the whole
        document's names (`people_before`)."""
        self.people, self.orgs = document.entities.people, document.orgs
        if ctx.sents:
            self.by_span = document.people_within(ctx.sents[0].start, ctx.sents[-1].stop)
        self._starts = sorted(self.by_span)

    def gather(
        self,
        text: str,
        view: str,
        sents: Sequence[Sentence],
        found: Sequence[Sequence[tuple[int, int, str]]],
    ) -> None:
        """The people and organisations NER found in `sents`, in text order."""
        for sent, spans in zip(sents, found, strict=True):
            for start, stop, type_ in _joined_names(text, spans):
                words = text[start:stop].split()
                if not words:
                    continue
                if type_ == "PER" and "(" in words[0]:
                    continue
                if type_ == "PER" and any("(" in w for w in words):
                    # `Леннарт Юханссон (Lennart Johansson)`: the name before
                    # its transliteration.
                    stop = start + text[start:stop].index("(")
                    stop = start + len(text[start:stop].rstrip())
                    words = text[start:stop].split()
                if type_ == "PER" and _after_street(sent, start):
                    # `улицы Станиславского Ольга`: the street's namesake first.
                    if len(words) == 1:
                        continue
                    start = text.index(words[1], start + len(words[0]))
                    words = words[1:]
                while (
                    type_ == "PER"
                    and len(words) > 1
                    and (_title_word(words[0]) or _noun_of_genitive(sent, start, words))
                ):
                    # `Музыканты Шевчук`: NER took the title into the name;
                    # `Ученик Алферова`: a noun and the one it is of.
                    start = text.index(words[1], start + len(words[0]))
                    words = words[1:]
                if type_ == "PER" and _genitive_before_full_name(sent, start, words):
                    # `партнёрша Ланской Алла Кузьмина`: someone's surname in
                    # the genitive, then the full name of the one who is hers.
                    self._add_person(sent, start, start + len(words[0]), words[:1])
                    start = text.index(words[1], start + len(words[0]))
                    words = words[1:]
                if (
                    type_ == "PER"
                    and not _common_word(words)
                    and not _outlet_word(words)
                    and not _seat(words)
                    and not _place_of_body(sent, words, stop)
                ):
                    # (NER may read `Би-би-си` as a person: an outlet is none;
                    # nor is `Даунинг-стрит`, a seat that speaks for its body.)
                    self._add_person(sent, start, stop, words)
                elif type_ == "ORG":
                    stop = _with_place(view, spans, _closed(view, start, stop))
                    words = text[start:stop].split()
                    # One string for every mention of a name: a long document's
                    # table holds them all.
                    name = _name_after_kind(view, start, stop) or names.org_name(words)
                    self.orgs.append((start, sys.intern(name)))
        self._missed_surnames(sents, found)

    def _missed_surnames(
        self, sents: Sequence[Sentence], found: Sequence[Sequence[tuple[int, int, str]]]
    ) -> None:
        """A surname NER found elsewhere, where it missed it (`Немчинов, в свою
        очередь, остался недоволен` at a sentence's start, `Баринов в ответ
        лишь усмехнулся` as a paragraph): the same person named again, so that
        a pronoun after it finds him."""
        surnames = _Surnames.of(self.people.values(), shortest=3)
        if not surnames.stems and not surnames.soft:
            return
        for sent, spans in zip(sents, found, strict=True):
            for tok in sent.tokens:
                word = tok.text
                if (
                    len(word) < 3
                    or not word[0].isupper()
                    or word.isupper()
                    or surnames.owner([norm(word)]) is None
                    or any(s < tok.stop and tok.start < e for s, e, _type in spans)
                    or _common_noun(word)
                ):
                    continue
                self._add_person(sent, tok.start, tok.stop, [word])

    def settle(self) -> dict[int, Entity]:
        """Clusters merged once every name is in: a first name and patronymic,
        a lone surname in an oblique case. Returns where each merged entity
        went (by id), for mentions kept elsewhere (carried.py)."""
        moved: dict[int, Entity] = {}
        self._merge_first_patronymic(moved)
        self._merge_lone_surnames(moved)
        self._merge_lone_first_names(moved)
        for entity in self.people.values():
            _surname_as_said(entity)
        if moved:
            for span, owner in self.by_span.items():
                self.by_span[span] = owner_of(owner, moved)
        self._starts = sorted(self.by_span)
        return moved

    def _merge_lone_surnames(self, moved: dict[int, Entity]) -> None:
        """`Хинштейна` alone, which the words could not put in the nominative,
        is the `Александр Хинштейн` named in full: the surname plus a case ending."""
        surnames = _Surnames.of(e for e in self.people.values() if e.full)
        written: dict[int, set[str]] = {}
        if self.ctx is not None:
            # The words as written too: `Вихревой`, read as `Вихревая`, is the
            # genitive of `Тамара Вихрева` (stem + `а`).
            for (start, stop), entity in self.by_span.items():
                if not entity.full:
                    written.setdefault(id(entity), set()).add(norm(self.ctx.text[start:stop]))
        for key, entity in list(self.people.items()):
            if entity.full:
                continue
            words = set(map(norm, entity.forms)) | written.get(id(entity), set())
            target = surnames.owner(sorted(words))
            if target is not None:
                self._move(entity, target, moved)
                del self.people[key]

    def _merge_lone_first_names(self, moved: dict[int, Entity]) -> None:
        """`Мария рассказывает` is the `Мария Кравец` named in full, when she
        is the only person of the text with that first name (features and
        interviews call people by it)."""
        firsts: dict[str, list[Entity]] = {}
        for entity in self.people.values():
            for form in entity.forms:
                words = form.split()
                if len(words) > 1 and entity not in firsts.get(norm(words[0]), []):
                    firsts.setdefault(norm(words[0]), []).append(entity)
        for key, entity in list(self.people.items()):
            if entity.full or len(entity.forms) != 1:
                continue
            form = entity.forms[0]
            if not _first_name_genders(form) and is_known(form.lower()):
                continue  # a word the dictionary knows, but not as a first name
            # (A word the dictionary lacks may be a foreign first name.)
            owners = firsts.get(norm(entity.forms[0]), [])
            if len(owners) == 1 and owners[0] is not entity:
                self._move(entity, owners[0], moved)
                del self.people[key]

    @staticmethod
    def _move(entity: Entity, target: Entity, moved: dict[int, Entity]) -> None:
        target.add(entity.forms)
        target.titles |= entity.titles
        if entity.gender and entity.gender_strength > target.gender_strength:
            # `Однако Панфилова уточнила` settles whom `Александра Панфилова`
            # named: a woman, whatever the words alone suggested.
            target.gender, target.gender_strength = entity.gender, entity.gender_strength
            if target.gender_strength >= 3:
                _name_of_gender(target)
        moved[id(entity)] = target

    def _merge_first_patronymic(self, moved: dict[int, Entity]) -> None:
        """`Борис Николаевич` is the `Борис Николаевич Ельцин` named elsewhere."""
        full: dict[str, Entity] = {}
        for entity in self.people.values():
            for form in entity.full_forms:
                words = form.split()
                if len(words) == 3 and words[1].lower().endswith(_PATRONYMIC_ENDS):
                    full.setdefault(norm(" ".join(words[:2])), entity)
        for key, entity in list(self.people.items()):
            target = full.get(norm(entity.name))
            if (
                target is None
                or target is entity
                or not entity.name.lower().endswith(_PATRONYMIC_ENDS)
            ):
                continue
            self._move(entity, target, moved)
            del self.people[key]

    def family(self, key: str) -> list[Entity]:
        """The people that share a surname key, of either gender."""
        return [e for k in (key, f"{key}|masc", f"{key}|femn") if (e := self.people.get(k))]

    def _entity(
        self,
        key: str,
        written: str,
        sure: str | None,
        agreed: str | None = None,
        case: str | None = None,
    ) -> Entity:
        """The cluster for a surname; a man and a woman of one family stay apart.

        `Билл Клинтон` and `Хиллари Клинтон`, `Кшиштоф Пендерецкий` and
        `Эльжбета Пендерецкая` share a key. A lone surname goes to the one
        whose forms it repeats, else to the first.
        """
        family = self.family(key)
        settled = sure or agreed
        if settled:
            # `Соломон рассказал` and then `Холли Соломон убеждена`: the verb
            # settles a gender as a first name does.
            for entity in family:
                if _settled_gender(entity) in {None, settled}:
                    return entity
            for entity in family:
                if entity.gender_strength < 4 and _reads_as(entity, settled):
                    # `Александра Козлова` was read as a man's genitive by its
                    # first name alone; `Козлова уточнила` says whose it is.
                    entity.gender, entity.gender_strength = settled, 4
                    _name_of_gender(entity)
                    return entity
            entity = Entity(f"{key}|{settled}", PERSON)
            self.people[entity.key] = entity
            return entity
        if not family:
            entity = self.people[key] = Entity(key, PERSON)
            return entity
        for entity in family:
            if written in entity.surnames:
                return entity
        if len(family) > 1 and case not in {None, "Nom"}:
            # `цитирует издание Лисицыну` after `Артемий Лисицын` and
            # `Светлана Лисицына`: the oblique form shows whose.
            gender = names.gender_number([written], case=case)[0]
            fits = [e for e in family if gender is not None and e.gender == gender]
            if len(fits) == 1:
                return fits[0]
        return family[0]

    def _declined_from(self, word: str) -> str | None:
        """`цитирует Небензю ТАСС` after `Василий Небензя`: a case form of a
        surname in -а/-я named before, which the declension model did not
        take back to it (it reads few such foreign surnames); the one
        person's key, or None."""
        w = norm(word)
        found = {
            w[: -len(form)] + end
            for end, forms in _A_STEM_FORMS.items()
            for form in forms
            if w.endswith(form) and len(w) - len(form) >= 3 and self.family(w[: -len(form)] + end)
        }
        return found.pop() if len(found) == 1 else None

    def _written_so(self, key: str, words: list[str]) -> Entity | None:
        """The one written in these words whose gender a verb has settled."""
        found = [
            e for e in self.family(key) if e.gender_strength >= 4 and tuple(words) in e.written
        ]
        return found[0] if len(found) == 1 else None

    def _add_person(self, sent: Sentence, start: int, stop: int, words: list[str]) -> None:
        case = _case_at(sent, stop)
        tagged = tagged_gender(sent, start, stop)
        if (
            case is None
            and tagged
            and stands_free(sent, start)
            and names.gender_number(words)[0] != tagged
        ):
            # `Теннисистка Мирра Андреева вышла`: read alone, the words are
            # likelier a man's genitive (`Мирр Андреев`), or undecided
            # (`Камила Валиева`); the tagger, reading them in context, says
            # whose and in what case they are.
            tcase = tagged_case(sent, start, stop)
            if tcase and names.gender_number(words, case=tcase)[0] in {None, tagged}:
                case = tcase
        if (
            tagged == "femn"
            and len(words) == 1
            and _her_verb_next(sent, stop)
            and words[0][-1:] in {"а", "я"}
            and names.gender_number(words, case=case)[0] == "masc"
            and names.person_name(words, case="Nom") == words[0]
        ):
            # `Мать школьницы Дарима обратилась`: the tagger reads her name a
            # genitive, which would make it a man's (`Дарим`); hers, as it stands.
            case = "Nom"
        if (
            case not in {None, "Nom"}
            and len(words) > 1
            and _first_name_cases(words[0]) == {"nomn"}
            and _FEMALE_SURNAME.fullmatch(words[-1])
        ):
            # `тренирует Инна Лаврова`, `Мать боксера Галина Журавлева`: a
            # woman's first name that is a nominative and nothing else, and a
            # woman's surname, say the name's case, whatever the tagger read
            # of the surname (`Инн Лавров`, of him, would need `Инны`). (Not
            # `комиссара Эда Дэвиса`: Ed's genitive, no woman's name.)
            case = "Nom"
        agreed = verb_gender(sent, start, stop)
        if (
            agreed
            and case not in {None, "Nom"}
            and names.gender_number(words, case="Nom")[0] == agreed
        ):
            # `Ольхова … отреагировала`: the subject a verb agrees with is a
            # nominative, whatever case the tagger read (`Ольхов`'s genitive).
            case = "Nom"
        full = names.person_name(words, case=case)
        form = _drop_patronymic(full)
        key = surname_key(form.split()[-1])
        if len(words) == 1 and not self.family(key):
            key = self._declined_from(words[0]) or key
        gender, _number = names.gender_number(words, case=case)
        # A first name settles the gender; a lone surname may be either.
        sure = gender if len(words) > 1 and gender in _first_name_genders(words[0]) else None
        same = self._written_so(key, words) if len(words) > 1 else None
        if same is not None and not agreed:
            # `Мартина Биг` may be his genitive by its first name alone: where a
            # verb has settled whose the very same words are, they name that
            # one again.
            entity, sure = same, None
        else:
            entity = self._entity(key, words[-1], sure, agreed, case)
        entity.add([form])
        if full not in entity.full_forms:
            entity.full_forms.append(full)
        if len(words) > 1 and len(entity.written) < 3 and tuple(words) not in entity.written:
            entity.written.append(tuple(words))
        if sure:
            entity.sure_gender = sure
        # The tagger reads a name's gender from its context (`Флоранс Девуар
        # высказалась`), where the words alone are only guessed from their
        # endings: it outranks a guess, not a first name.
        strength = 3 if sure else 1
        if agreed:
            # The subject of `заявила`, `была назначена`: the predicate's
            # agreement outranks even a first name (`Мартина` is also his).
            gender, strength = agreed, 4
        elif not sure and tagged:
            gender, strength = tagged, 2
        if gender and strength > entity.gender_strength:
            entity.gender, entity.gender_strength = gender, strength
        if entity.gender_strength >= 3:
            _name_of_gender(entity)
        entity.titles |= _title_lemmas(sent, start)
        self.by_span[(start, stop)] = entity

    def people_in(self, start: int, stop: int) -> list[tuple[tuple[int, int], Entity]]:
        """Every person named inside [start, stop), in text order."""
        found = []
        i = bisect.bisect_left(self._starts, (start, start))
        while i < len(self._starts) and self._starts[i][0] < stop:
            if self._starts[i][1] <= stop:
                found.append((self._starts[i], self.by_span[self._starts[i]]))
            i += 1
        return found

    def person_at(self, start: int, stop: int) -> tuple[tuple[int, int], Entity] | None:
        """The person named inside [start, stop), preferring the last name."""
        found = None
        i = bisect.bisect_left(self._starts, (start, start))
        while i < len(self._starts) and self._starts[i][0] < stop:
            if self._starts[i][1] <= stop:
                found = (self._starts[i], self.by_span[self._starts[i]])
            i += 1
        return found

    def person_named(self, words: list[str], case: str | None = None) -> Entity | None:
        """The person whose surname the last word is, in any case; `case`,
        an oblique case the tagger read, tells a woman from a man of one
        family (`По словам Бельской` after `Бельская и Бельский`)."""
        if not words or len(words) > 3:
            return None
        for word in (words[-1], names.person_name(words).split()[-1]):
            family = self.family(surname_key(word))
            for entity in family:
                if words[-1] in entity.surnames:
                    return entity
            if len(family) > 1 and case not in {None, "Nom"}:
                # The one whose gender the oblique form shows.
                gender = names.gender_number(words, case=case)[0]
                fits = [e for e in family if gender is not None and e.gender == gender]
                if len(fits) == 1:
                    return fits[0]
            if family:
                return family[0]
        if len(words) == 1:
            # `Каринэ назвала …` after `Каринэ Арутюнян`: the one person of the
            # text with that first name.
            first = norm(words[0])
            owners = {
                id(e): e
                for e in self.people.values()
                if any(len(f.split()) > 1 and norm(f.split()[0]) == first for f in e.forms)
            }
            if len(owners) == 1:
                return next(iter(owners.values()))
        return None

    def people_before(self, offset: int) -> list[tuple[int, Entity]]:
        """Person mentions before `offset`, nearest first; only the last
        `_LOOKBACK` of them, so that a huge document stays linear."""
        if self.document is not None:
            # A long document's window looks back over the whole document's
            # names, as the whole document would (its sentences it has not).
            found = self.document.people_before(offset, _LOOKBACK)
        else:
            i = bisect.bisect_left(self._starts, (offset, offset))
            found = [
                (s, self.by_span[(s, e)])
                for s, e in reversed(self._starts[max(0, i - _LOOKBACK) : i])
            ]
        lo, hi = self.words_of
        # A person named in the claim's own words is what is said, never who
        # says it (`«Бетельгейзе вот-вот взорвется», — пояснил ученый`).
        return [(s, e) for s, e in found if not lo <= s < hi] if hi > lo else found


_LOOKBACK = 300  # person mentions; a description or pronoun reaches no further


def owner_of(entity: Entity, moved: dict[int, Entity]) -> Entity:
    """Where a merged entity went, through every later merge."""
    while id(entity) in moved:
        entity = moved[id(entity)]
    return entity


# Her surname in the nominative, then in the oblique cases (`Вихревой`,
# `Чирковой`, which the dictionary may read as an adjective's forms).
_FEMININE = (("ская", "ский"), ("цкая", "цкий"), ("ова", "ов"), ("ева", "ев"), ("ёва", "ёв"),
             ("ина", "ин"), ("ына", "ын"), ("ской", "ский"), ("цкой", "цкий"),
             ("овой", "ов"), ("евой", "ев"), ("ёвой", "ёв"), ("иной", "ин"),
             ("ыной", "ын"))  # fmt: skip
HER_OBLIQUE = tuple(fem for fem, _ in _FEMININE if fem.endswith("ой"))


# The oblique endings of a noun in -а/-я (Небензя: Небензи, Небензе, Небензю).
_A_STEM_FORMS = {
    "а": frozenset({"ы", "и", "е", "у", "ой", "ою"}),
    "я": frozenset({"и", "е", "ю", "ей", "ею"}),
}


def _seat(words: list[str]) -> bool:
    """A place that stands for its body (institutions.txt `place`)."""
    return len(words) == 1 and norm(words[0]) in lexicon.words("institutions", "place")


def surname_key(surname: str) -> str:
    """One key for both genders of a surname: `Мелкумова` and `Мелкумов` meet.

    A lone surname in an oblique case is ambiguous in gender (`Мелкумова` is a
    woman's nominative or a man's genitive), so clusters must not split on it.
    """
    word = norm(surname)
    for fem, masc in _FEMININE:
        if word.endswith(fem) and len(word) > len(fem) + 1:
            return word[: -len(fem)] + masc
    return word


def _noun_of_genitive(sent: Sentence, start: int, words: list[str]) -> bool:
    """`Ученик Алферова` opening a sentence: a capitalised common noun, then a
    name in the genitive, which NER read as one name."""
    tokens = [t for t in sent.tokens if t.start >= start][:2]
    if len(tokens) < 2 or tokens[0].text != words[0] or tokens[1].feats.get("Case") != "Gen":
        return False
    if tokens[0].pos == "PROPN" or tokens[0].feats.get("Case") == "Gen":
        # The tagger may read the capitalised noun as part of the name
        # (`Однокурсница Вайнштейна`): the dictionary's nominative decides.
        best = parse(words[0])[:1]
        if not best or "nomn" not in best[0].tag.grammemes:
            return False
    elif tokens[0].pos != "NOUN":
        return False
    return _common_word([words[0]])


def _genitive_before_full_name(sent: Sentence, start: int, words: list[str]) -> bool:
    """Three words: a surname, then a first name and a surname. A name of
    three words is a first name, a patronymic and a surname, or a surname, a
    first name and a patronymic; a first name in the middle and no
    patronymic after it makes the first word someone else's."""
    if len(words) != 3 or not all(w[:1].isupper() and w.isalpha() for w in words):
        return False
    if words[2].lower().endswith(_PATRONYMIC_ENDS) or _first_name_genders(words[0]):
        return False
    # The first word in an oblique case only (`Ланской`, `Ивановой`), not a
    # title or a name that may stand as it is (`Сэр Алекс Фергюсон`,
    # `Муджахид Юсуф Рава`).
    if any("nomn" in p.tag.grammemes for p in parse(words[0].lower())):
        return False
    return bool(_first_name_genders(words[1]))


def _title_word(word: str) -> bool:
    """A role noun NER may take into a name (`Музыканты Шевчук`), but not a
    first name that is also a word (`Роман`, `Вера`, `Хорхе`)."""
    if "-" in word[1:-1] and not _common_word([word]):
        # `Экс-советник`, `Вице-премьер`: a prefixed role the dictionary lacks.
        word = word.rsplit("-", 1)[1]
    if not _common_word([word]):
        return False
    return bool(lemmas(word) & _roles())


_NEVER_NAMES = frozenset({"INFN", "VERB", "GRND", "ADVB", "PRED"})
_VERB_ENDINGS = ("ться", "тись")


def _outlet_word(words: list[str]) -> bool:
    """One word NER read as a person that names an outlet (`Би-би-си`)."""
    return len(words) == 1 and is_outlet(words[0])


def _common_word(words: list[str]) -> bool:
    """NER's false names: one capitalised dictionary word (`Политик`, `Побритый`)."""
    if len(words) != 1:
        return False
    parts = words[0].split("-")
    if len(parts) == 2 and all(len(p) > 2 for p in parts) and all(map(_common_noun, parts)):
        return True  # `Историк-краевед`, `Врач-педиатр`: a compound role
    found = parse(words[0])
    if not found:
        return False
    tag = found[0].tag
    if tag.POS in _NEVER_NAMES and not any(NAME_GRAMMEMES & p.tag.grammemes for p in found):
        # `«Вакцинироваться сейчас уже поздно»`: a verb or an adverb that a
        # quote mark capitalised; an unknown word only where its ending is
        # a verb's for sure.
        return found[0].is_known or norm(words[0]).endswith(_VERB_ENDINGS)
    return (
        found[0].is_known
        and tag.POS in {"NOUN", "ADJF", "PRTF"}
        and not NAME_GRAMMEMES & tag.grammemes
        # `пояснил Песков`: the genitive of `песок` first, but a surname too.
        and not any({"Surn", "Patr"} & p.tag.grammemes for p in found[1:])
    )


def _mention_case(m: Mention) -> str | None:
    """The case a mention is in, when the parse is sure of it: a subject is
    nominative (`Власти успокаивают` keeps its plural)."""
    head = m.head_token
    if m.sent.parsed and head.rel in {"nsubj", "nsubj:pass"}:
        return "Nom"
    case = head.feats.get("Case")
    return case if case not in {None, "Nom"} else None


def _with_place(view: str, spans: list[tuple[int, int, str]], stop: int) -> int:
    """NER splits `Министерство обороны | России`, `ГУ МВД России | по |
    Новосибирской области`: the country or the region it serves is part of
    the name."""
    for s, e, type_ in spans:
        if type_ == "LOC" and (s == stop + 1 or (s > stop and view[stop:s] == " по ")):
            stop = e  # (and on: `МВД России по Новосибирской области`)
    return stop


def _closed(view: str, start: int, stop: int) -> int:
    """NER leaves out the closing mark of `ОАО «Банк ВТБ»`: take it back."""
    inside = view[start:stop]
    if inside.count("«") > inside.count("»") and view[stop : stop + 1] == "»":
        return stop + 1
    return stop


@attrs.define(slots=True)
class _Surnames:
    """People's surnames, to tell whose a declined word is: `Хинштейна`,
    `Лесового` (an adjective's stem), `Юя` (a soft stem's), `Ивановой`."""

    stems: dict[str, Entity] = attrs.Factory(dict)
    soft: dict[str, Entity] = attrs.Factory(dict)

    @classmethod
    def of(cls, people: Iterable[Entity], shortest: int = 0) -> _Surnames:
        found = cls()
        for entity in people:
            for surname in entity.surnames:
                word = norm(surname)
                if len(word) < shortest:
                    continue
                found.stems.setdefault(word, entity)
                if word.endswith(_ADJECTIVE_ENDS):
                    # `Яровой`, `Яровую` (read as `Ярова`) are `Ирина Яровая`.
                    found.stems.setdefault(word[:-2], entity)
                elif word.endswith(("й", "ь")) and len(word) >= 2:
                    # `Юя`, `Гайдая`, `Гоголя`: a soft stem's own endings.
                    found.soft.setdefault(word[:-1], entity)
        return found

    def owner(self, words: Sequence[str]) -> Entity | None:
        """Whose surname one of `words` (normalised) is: as written first
        (`сказал Баррозу`, read as the dative of `Барроз`, is the very
        surname of `Жозе Мануэл Баррозу`), then with a case ending."""
        stems, soft = self.stems, self.soft
        return (
            next((stems[w] for w in words if w in stems), None)
            or next(
                (
                    stems.get(w[: -len(end)]) or stems[w[: -len(end)] + "а"]
                    for w in words
                    for end in _CASE_ENDS
                    if w.endswith(end)
                    and (w[: -len(end)] in stems or w[: -len(end)] + "а" in stems)
                ),
                None,
            )
            or next(
                (
                    soft[w[: -len(end)]]
                    for w in words
                    for end in _SOFT_ENDS
                    if w.endswith(end) and w[: -len(end)] in soft
                ),
                None,
            )
        )


def _common_noun(word: str) -> bool:
    """A word the dictionary knows, but not as a name (`Волк`, `Орел`)."""
    lower = word.lower()
    return is_known(lower) and not any(NAME_GRAMMEMES & p.tag.grammemes for p in parse(lower))


def _joined_names(text: str, spans: Sequence[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """NER's names, two person spans a space apart made one (`Каринэ` and
    `Арутюнян` for `Каринэ Арутюнян`)."""
    out: list[tuple[int, int, str]] = []
    for start, stop, type_ in spans:
        if (
            out
            and type_ == "PER" == out[-1][2]
            and text[out[-1][1] : start] == " "
            and _one_name_cut(text[out[-1][0] : out[-1][1]], text[start:stop])
        ) or (
            # `ГУ` and `МВД` for `ГУ МВД`: a unit's short name before its body's.
            out
            and type_ == "ORG" == out[-1][2]
            and text[out[-1][1] : start] == " "
            and _unit_short_name(text[out[-1][0] : out[-1][1]])
        ):
            out[-1] = (out[-1][0], stop, type_)
        elif (
            # `Магнитогорский` and `Металлург` for `Магнитогорский «Металлург»`:
            # a place's adjective before the name in marks it qualifies.
            out
            and type_ == "ORG" == out[-1][2]
            and text[out[-1][1] : start] in {" «", ' "', " „", " “"}
            and PLACE_ADJECTIVE.fullmatch(text[out[-1][0] : out[-1][1]])
        ):
            close = stop + 1 if text[stop : stop + 1] in {"»", '"', "“", "”"} else stop
            out[-1] = (out[-1][0], close, type_)
        else:
            out.append((start, stop, type_))
    return out


def _place_of_body(sent: Sentence, words: list[str], stop: int) -> bool:
    """`Березовского городского суда`: a town's adjective NER took for a
    surname, before the body it names (in the same case)."""
    if len(words) != 1 or not PLACE_ADJECTIVE.fullmatch(words[0]):
        return False
    after = [t for t in sent.tokens if t.start >= stop][:3]
    case = next((t.feats.get("Case") for t in sent.tokens if t.stop == stop), None)
    for tok in after:
        if tok.pos == "ADJ" and tok.feats.get("Case") == case:
            continue
        return tok.pos == "NOUN" and tok.feats.get("Case") == case and is_institution(tok)
    return False


def _her_verb_next(sent: Sentence, stop: int) -> bool:
    """A woman's past-tense verb right after the name (`Дарима обратилась`)."""
    nxt = next((t for t in sent.tokens if t.start >= stop), None)
    return (
        nxt is not None
        and nxt.pos in {"VERB", "AUX"}
        and nxt.feats.get("Gender") == "Fem"
        and nxt.feats.get("Number") == "Sing"
    )


def _name_after_kind(view: str, start: int, stop: int) -> str | None:
    """`телеграм-канала «Утечки информации»`, `компании «Лунария»`: a name in
    marks after its kind's noun does not decline; it is what the marks hold."""
    inner = view[start:stop].strip()
    opened = inner[:1] in '«"' or view[start - 1 : start] in ("«", '"')
    if not opened or not lemmas(word_before(view, start)) & kind_nouns():
        return None
    name = inner.strip('«»"“”„')
    return name or None


def word_before(view: str, offset: int) -> str:
    """The word right before `offset`, past white space and an opening mark
    (`газета «` → `газета`), or `` at the text's start."""
    before = view[max(0, offset - 40) : offset].rstrip(' «"„“').split()
    return before[-1].strip(".,:;") if before else ""


@functools.cache
def kind_nouns() -> frozenset[str]:
    """Nouns of a kind set before a name (`компания`, `телеканал`): name_nouns.txt untagged."""
    return frozenset(e for e, tags in lexicon.load("name_nouns").items() if not tags)


def _unit_short_name(word: str) -> bool:
    """`ГУ`, `УМВД`, `ОМВД`: a short name in capitals, one word."""
    return word.isalpha() and word.isupper() and len(word) <= 4


def _one_name_cut(first: str, second: str) -> bool:
    """A first name (or a word the dictionary does not know), then one more
    word: someone's first name and surname that NER cut apart (`Каринэ` and
    `Арутюнян`), not two people (`Путиным Меркель`)."""
    return (
        " " not in first
        and " " not in second
        and first[:1].isupper()
        and first.isalpha()
        and (not is_known(first.lower()) or bool(_first_name_genders(first)))
    )


def _after_street(sent: Sentence, start: int) -> bool:
    """Is the word before `start` a street's noun (`улицы`, `проспекте`)?"""
    before = [t for t in sent.tokens if t.stop <= start]
    return bool(before) and bool(lemmas(before[-1].text) & lexicon.words("name_nouns", "street"))


def _first_name_genders(word: str) -> set[str]:
    """The genders of a first name the dictionary knows: there a gender is a
    fact, not a guess. Unknown words (`Флоранс`, `Крессида`) get the guesser's
    readings, which know no gender of foreign names."""
    return {str(tag.gender) for tag in _first_name_tags(word)}


def _first_name_cases(word: str) -> set[str]:
    """The cases a first name the dictionary knows may stand in."""
    return {str(tag.case) for tag in _first_name_tags(word)}


def _first_name_tags(word: str) -> list:
    """The tags of the dictionary's first-name readings of `word`; none for a
    word it does not know."""
    if not is_known(word):
        return []
    return [p.tag for p in parse(word) if "Name" in p.tag.grammemes]


_FEMALE_SURNAME = re.compile(r"[А-ЯЁ][а-яё-]+(?:(?:ов|ев|ёв|ин|ын)а|(?:ск|цк)ая)")


def _case_at(sent: Sentence, stop: int) -> str | None:
    """The tagger's case of a name's last word: it settles `Сабирова` (she) from
    `Сабирова` (of him), which the words alone cannot."""
    if _labels_a_line(sent, stop):
        return "Nom"
    for tok in sent.tokens:
        if tok.stop == stop and tok.pos == "PROPN":
            case = tok.feats.get("Case")
            agreed = _apposition_case(sent, tok) or _title_case_before(sent, tok)
            if agreed == "Nom":
                return agreed  # `пианист Маурицио Кампанелла, …`: the title's case
            if agreed is not None and agreed != case:
                # `премьер-министра Японии Есихико Ноду`: the tagger reads
                # `Ноду` as a genitive; the first name and the title it
                # stands beside agree on the accusative.
                return agreed
            # The tagger calls many an oblique name nominative (`Рэппу`,
            # `по словам Кира Стармера`): a nominative counts only for a
            # subject, and not against an oblique ending.
            if case == "Nom" and (
                norm(tok.text).endswith(_OBLIQUE_ENDS)
                or not _is_subject(sent, tok.index)
                or _after_oblique_noun(sent, tok.index)
            ):
                return None
            return case
    return None


def _after_oblique_noun(sent: Sentence, i: int) -> bool:
    """`приводит Reuters слова Кира Стармера`: a name right after a noun in
    an oblique case is its genitive, whatever the parser made it (not after
    a genitive, which may end a phrase before the subject: `В ходе церемонии
    Папа подчеркнул`)."""
    prev = _word_before_name(sent, i)
    return (
        prev is not None
        and prev.pos == "NOUN"
        and prev.feats.get("Case") in {"Acc", "Dat", "Ins", "Loc"}
    )


def _word_before_name(sent: Sentence, i: int) -> Token | None:
    """The token before the name whose word `i` is (past its other proper nouns)."""
    tokens = sent.tokens
    while i > 0 and tokens[i - 1].pos == "PROPN":
        i -= 1
    return tokens[i - 1] if i > 0 else None


def _labels_a_line(sent: Sentence, stop: int) -> bool:
    """`Набиуллина: ЦБ не планирует …`: a name that opens its sentence and a
    colon follows is who the line is by, a nominative (headlines, interview
    lines); the tagger, reading a verbless line, often makes it a genitive."""
    tokens = sent.tokens
    at = next((i for i, tok in enumerate(tokens) if tok.stop == stop), None)
    if at is None or at + 1 >= len(tokens) or tokens[at + 1].text != ":":
        return False
    return all(tok.pos == "PROPN" or tok.text in {"-", "—", "–"} for tok in tokens[:at])


def _apposition_case(sent: Sentence, tok: Token) -> str | None:
    """The case a name's first word shares with the title it stands in
    apposition to, or None."""
    if not sent.parsed:
        return None
    tokens = sent.tokens
    first = tok
    while first.rel in {"flat:name", "flat"} and 0 <= first.head < first.index:
        first = tokens[first.head]
    if first is tok or first.rel != "appos" or first.head < 0:
        return None
    case = first.feats.get("Case")
    title = tokens[first.head]
    if case is None or title.pos != "NOUN" or title.feats.get("Case") != case:
        return None
    return case


def _title_case_before(sent: Sentence, tok: Token) -> str | None:
    """In a sentence left unparsed, the case of a title right before the name
    (`режиссера Чжан Вэймина`, `профессор Университета Хоккайдо Такэси
    Ямада`, past the proper nouns between): the tagger, reading a foreign
    name alone, guesses its case; the title's it reads well."""
    if sent.parsed:
        return None
    title = _word_before_name(sent, tok.index)
    case = title.feats.get("Case") if title is not None else None
    if title is None or title.pos != "NOUN" or case is None:
        return None
    descriptors = lexicon.words("person_descriptors")
    if not lemmas(title.text) & descriptors:
        return None
    head = sent.tokens[title.index - 1] if title.index > 0 else None
    own = tok.feats.get("Case")
    if (
        case == "Gen"
        and head is not None
        and own not in {None, "Nom", "Gen"}
        and head.feats.get("Case") == own
        and lemmas(head.text) & descriptors
    ):
        # `со спецпосланником президента США Стивом Уиткоффом`: the genitive
        # title depends on the one before it, whose case the name shares.
        return own
    return case


def _reads_as(entity: Entity, gender: str) -> bool:
    """Was the entity written once in words that read as `gender`?"""
    return any(_reads_as_written(words, gender) for words in entity.written)


def _reads_as_written(words: tuple[str, ...], gender: str | None) -> bool:
    """The words as they stand, a first name of `gender` first, are each a
    nominative of that gender (`Александра Панфилова`: hers)."""
    return (
        gender is not None
        and gender in _first_name_genders(words[0])
        and all(
            any(p.tag.case == "nomn" and p.tag.gender == gender for p in parse(word))
            for word in words
        )
    )


def _settled_gender(entity: Entity) -> str | None:
    """The gender a first name or a verb's agreement gave, not a guess."""
    return entity.gender if entity.gender_strength >= 3 else None


def _is_subject(sent: Sentence, i: int) -> bool:
    if not sent.parsed:
        return False
    tokens = sent.tokens
    for _ in range(3):  # up the name: `Хорхе` <- `Арреаза` (flat:name)
        if tokens[i].rel in {"nsubj", "nsubj:pass"}:
            return True
        if tokens[i].rel not in {"flat:name", "appos", "flat"} or tokens[i].head < 0:
            return False
        i = tokens[i].head
    return False


_ADJECTIVE_ENDS = ("ая", "ий", "ый", "ой")
_CASE_ENDS = {"а", "у", "ом", "е", "ым", "ой", "ем", "ы", "ую", "ого", "ому", "его", "ему"}
_SOFT_ENDS = ("я", "ю", "ем", "е")
_OBLIQUE_ENDS = ("у", "ю", "ой", "ом", "ым", "ем", "им", "ому", "ему", "ей")


def _titles_someone(token: Token) -> bool:
    """A noun that can title a person: animate, or a role the tagger took
    for a thing. Not a thing whose form only a role shares (`социальной
    политике` is policy, though `политике` is also the role's)."""
    if token.feats.get("Animacy") != "Inan":
        return True
    best = parse(token.text)[:1]
    roles = lexicon.words("person_descriptors")
    return bool(best) and best[0].normal_form.replace("ё", "е") in roles


def _title_lemmas(sent: Sentence, start: int) -> set[str]:
    """Lemmas of the words just before a name: `Скульптор`, `Президент РФ`."""
    before = [t for t in sent.tokens if t.stop <= start]
    head = None
    run = []
    marked = False  # inside a name in marks: `тренер «Зенита» Сергей Семак`
    skipped = commanding = False
    window = before[-12:]
    for k in range(len(window) - 1, -1, -1):
        tok = window[k]
        if tok.text in _CLOSING_MARKS and not marked and run == []:
            marked = True
            continue
        if marked:
            marked = tok.text not in _OPENING_MARKS
            continue
        if (
            not skipped
            and run
            and norm(tok.text) == "по"
            and k > 0
            and window[k - 1].pos in {"NOUN", "PROPN"}
        ):
            # `Глава комитета Совфеда по экономической политике Андрей
            # Клименко`: what the committee is on is not the title.
            skipped, run, head = True, [], None
            continue
        if tok.pos == "PUNCT" or tok.pos in {"VERB", "AUX", "ADP"} or len(run) == 5:
            # (`Командующий вооружёнными силами`: a participle for a title)
            commanding = tok.feats.get("VerbForm") == "Part"
            break  # five words at most, as many as a title takes
        run.append(tok)
        if tok.pos == "NOUN" or (
            # `Обозреватель «Спорт-Экспресса» …` opening a sentence: the
            # tagger may capitalise a role into a name.
            tok.pos == "PROPN" and lemmas(tok.text) & lexicon.words("person_descriptors")
        ):
            head = tok  # the first noun of the run heads it: `заместитель министра`
    if (
        head is not None
        and not _titles_someone(head)
        and head.index > 0
        and sent.tokens[head.index - 1].pos == "ADP"
    ):
        # `После игры главный тренер ростовчан Андрей Сорокин`: the run went
        # back past the title into a prepositional phrase before it; the
        # title is the leftmost noun after it that names a role.
        head = next((t for t in reversed(run) if t.pos == "NOUN" and _titles_someone(t)), head)
    if head is not None and commanding and not _titles_someone(head):
        # `Командующий вооружёнными силами Египта генерал Абдель …`: the run
        # reached into what a title commands; the role nearest the name is his.
        head = next((t for t in run if t.pos == "NOUN" and _titles_someone(t)), head)
    if head is None or not _titles_someone(head):
        return set()  # `решение Юханссона` gives him no title (an `Обозреватель` does)
    name = next((t for t in sent.tokens if t.start >= start), None)
    if (
        name is not None
        and name.feats.get("Case") == "Gen"
        and head.feats.get("Case") not in {None, "Gen"}
    ):
        return set()  # `Менеджер Мии Фэрроу` is hers, not she
    titles = set(lemmas(head.text))
    # `Канадский форвард`: the country an adjective of the title names, as
    # `президент США` names it (for `канадец` later, demonyms.txt).
    countries = lexicon.load("country_adjectives")
    titles |= {
        f"{t}|{c}"
        for tok in run
        if tok.pos == "ADJ" and tok.index < head.index
        for lemma in lemmas(tok.text)
        for c in countries.get(lemma, ())
        for t in lemmas(head.text)
    }
    # What the title is of (`глава космического центра`), so that `глава
    # правительства` is not taken for him.
    dep = _dependent(before[head.index - before[0].index + 1 :])
    found = titles | {f"{t}|{d}" for t in titles for d in dep}
    # `министр обороны Южной Кореи`: the country further down the genitives
    # (for `корейский министр`, `южнокорейский министр`).
    after = [t for t in before[head.index - before[0].index + 1 :] if t.pos == "PROPN"]
    if after and all(t.feats.get("Case") == "Gen" for t in after):
        place = names.org_name([t.text for t in after]).lower().replace("ё", "е")
        last = lemmas(after[-1].text)
        found |= {f"{t}|{p}" for t in titles for p in {place, *last}}
    equivalents = lexicon.load("title_equivalents")
    # A title may be listed with what it heads (`глава область`: a governor).
    keyed = [*titles, *(f"{t} {d}" for t in titles for d in dep)]
    for key in keyed:
        for description in equivalents.get(key, ()):
            # `губернатор` is also `глава региона`; `пресс-секретарь Кремля`
            # also `представитель Кремля`.
            # Only with what it is of, when there is something; and a noun
            # that is always someone's never alone (`представитель` would fit
            # `представитель компании` too; `защитник` for `адвокат` may).
            noun, _, of = description.partition(" ")
            pairs = {f"{noun}|{of}"} if of else {f"{noun}|{d}" for d in dep}
            found |= pairs or ({noun} - lexicon.words("anonymous", "of"))
    return found


def _dependent(tokens: Sequence[Token]) -> frozenset[str]:
    """Lemmas of the first noun after a title's head noun."""
    for tok in tokens:
        if tok.pos in {"NOUN", "PROPN"}:
            return lemmas(tok.text)
        if tok.pos not in {"ADJ", "DET"}:
            break
    return frozenset()


def _title_matches(entity: Entity, head: frozenset[str], dep: frozenset[str]) -> bool:
    """`глава правительства` fits a person titled `глава правительства` or just
    `глава`, not one titled `глава центра`."""
    if any(f"{h}|{d}" in entity.titles for h in head for d in dep):
        return True  # the very title, or one that stands for it (title_equivalents.txt)
    if not dep and any(t.split("|", 1)[0] in head for t in entity.titles):
        return True  # `монарх` alone for `король Иордании`, `Дипломат` for `посол Монголии`
    leaders = lexicon.words("person_descriptors", "leader")
    if dep and head & leaders:
        # `Глава союза птицеводов` for the one titled `генеральный директор
        # Национального союза птицеводов`: whoever heads that body.
        heads = leaders | lexicon.words("person_descriptors", "heads")
        for title in entity.titles:
            noun, _, of = title.partition("|")
            if of in dep and noun in heads:
                return True
    if not entity.titles & head:
        return False
    of = {t.split("|", 1)[1] for t in entity.titles if "|" in t and t.split("|", 1)[0] in head}
    if any(_describes_any(d) for d in dep):
        return True  # `генсек альянса` for `генсек НАТО`: the body described, not named
    return not dep or not of or bool(of & dep)


def _describes_any(noun: str) -> bool:
    """A description that may stand for whatever body a title names: an
    anaphoric one (`ведомство`) or one of a kind (`альянс`); not a category
    of business (`перевозчик`, `компания`), which is some other body than
    the one a spokeswoman's title names (`представитель СКР` …
    `представителя перевозчика`)."""
    tags = _institutions().get(noun, ())
    return "description" in tags and ("generic" not in tags or "anaphoric" in tags)


def _agrees(entity: Entity, gender: str | None, number: str | None) -> bool:
    if number == "plur":
        return False
    return gender is None or entity.gender is None or entity.gender == gender


def aliases(entity: Entity) -> tuple[str, ...]:
    """The entity's other forms, for a speaker's `aliases`."""
    return tuple(sorted({f for f in entity.forms if f != entity.name}))
