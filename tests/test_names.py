"""Tests for quoteattr.names (nominative speaker names) and quoteattr.morph."""

from __future__ import annotations

import json
import re
import threading
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quoteattr import morph
from quoteattr.names import gender_number, nominative_phrase, org_name, person_name

# The shared dev gold next to the project when there is one, else the copy
# bundled with the tests (identical), so that a plain clone runs the test too.
SHARED_GOLD = Path(__file__).resolve().parents[2] / "shared" / "gold" / "dev.jsonl"
BUNDLED_GOLD = Path(__file__).resolve().parent / "data" / "dev.jsonl"
GOLD = SHARED_GOLD if SHARED_GOLD.exists() else BUNDLED_GOLD

# (words as written, nominative).  Each name must be read jointly: one gender,
# number and case for all its words.
PERSONS = [
    # Кира alone is a woman's nominative; only masculine genitive fits both.
    ("Кира Стармера", "Кир Стармер"),
    # A foreign first name that stays as written keeps its surname whole.
    ("Криштиану Роналду", "Криштиану Роналду"),
    ("Путина", "Путин"),
    ("Владимира Путина", "Владимир Путин"),
    ("Марии Захаровой", "Мария Захарова"),
    ("Сергею Лаврову", "Сергей Лавров"),
    ("Марко Рубио", "Марко Рубио"),
    ("Эммануэля Макрона", "Эммануэль Макрон"),
    ("Дональдом Трампом", "Дональд Трамп"),
    ("Ангелы Меркель", "Ангела Меркель"),
    ("Юлии Тимошенко", "Юлия Тимошенко"),
    ("Владимиром Владимировичем Путиным", "Владимир Владимирович Путин"),
    ("Зеленского", "Зеленский"),
    ("Владимира Зеленского", "Владимир Зеленский"),
    ("Песков", "Песков"),
    ("Анны Поповой", "Анна Попова"),
    ("Джо Байдена", "Джо Байден"),
    ("Бориса Джонсона", "Борис Джонсон"),
    ("Терезы Мэй", "Тереза Мэй"),
    ("Терезу Мэй", "Тереза Мэй"),
    # Only the last part of an East Asian name declines.
    ("Ким Чен Ына", "Ким Чен Ын"),
    ("Си Цзиньпина", "Си Цзиньпин"),
    ("Хвана Чжан Епа", "Хван Чжан Еп"),
    ("Аун Сан Су Чжи", "Аун Сан Су Чжи"),
    # Unknown to the dictionary: the declension model decides.
    ("Рэппа", "Рэпп"),
    ("Рэппу", "Рэпп"),
    ("Стармером", "Стармер"),
    ("Гелетея", "Гелетей"),
    ("Ампелонского", "Ампелонский"),
    ("Хинштейна", "Хинштейн"),
    ("Лэнса Армстронга", "Лэнс Армстронг"),
    ("Паноса Камменоса", "Панос Камменос"),
    ("Андреем Фединым", "Андрей Федин"),
    ("Александра Мишарина", "Александр Мишарин"),
    ("Аси Мелкумовой", "Ася Мелкумова"),
    ("Юлии Сафарбаковой", "Юлия Сафарбакова"),
    ("Елену Сябренко", "Елена Сябренко"),
    ("Тимаковой", "Тимакова"),
    ("Обамой", "Обама"),
    ("Гуллитом", "Гуллит"),
    ("Елизаветы Глинки", "Елизавета Глинка"),
    ("Юлия Цезаря", "Юлий Цезарь"),
    # The text's spelling survives: ё stays ё, е stays е.
    ("Игоря Щеголёва", "Игорь Щеголёв"),
    ("Аксенова", "Аксенов"),
    # Hyphens, particles and initials.
    ("Ан-Нахайяна", "Ан-Нахайян"),
    ("Жан-Поля Сартра", "Жан-Поль Сартр"),
    ("Римского-Корсакова", "Римский-Корсаков"),
    ("Мухаммеда ибн Салмана", "Мухаммед ибн Салман"),
    ("Людвига ван Бетховена", "Людвиг ван Бетховен"),
    ("Урсулы фон дер Ляйен", "Урсула фон дер Ляйен"),
    ("Мейера де Хана", "Мейер де Хан"),
    ("Н.Прянишникова", "Н.Прянишников"),
    ("А. Провоторов", "А. Провоторов"),
    # A woman's name whose first word the dictionary also lists as the
    # genitive of a surname (Аделин, Катарин): a first name comes first, so
    # she keeps her gender.  Three words may be East Asian, surname first.
    ("Аделина Ивакина", "Аделина Ивакина"),
    ("Катарина Петрова", "Катарина Петрова"),
    ("Эльфрида Сабурова", "Эльфрида Сабурова"),
    ("Аделины Ивакиной", "Аделина Ивакина"),
    ("Германа Грефа", "Герман Греф"),
    ("Кима Чен Ира", "Ким Чен Ир"),
    # -йи is the genitive of -йя (Арайя), not a name of its own, while -ии,
    # -ие and other -и names stay.
    ("Рикардо Гарайи", "Рикардо Гарайя"),
    ("Луиса Мурайи", "Луис Мурайя"),
    ("Гарайи", "Гарайя"),
    ("Рикардо Гарайя", "Рикардо Гарайя"),
    ("Ашрафа Гани", "Ашраф Гани"),
    # The dative of a common first name outweighs an indeclinable namesake
    # in the dictionary (Марку); other indeclinable names are no case forms.
    ("Марку Рютте", "Марк Рютте"),
    ("Марку Цукербергу", "Марк Цукерберг"),
    ("Абу Мазена", "Абу Мазен"),
    ("Анне Хидальго", "Анне Хидальго"),
    ("Симоне Байлз", "Симоне Байлз"),
    ("Гоги Гогуа", "Гоги Гогуа"),
    # -ую is the feminine adjectival accusative, never a man's -уй.
    ("Юлию Навальную", "Юлия Навальная"),
    ("Евгению Толстую", "Евгения Толстая"),
    # Hyphenated and double-barrelled names decline in every part that can.
    ("Анны Петровой-Водкиной", "Анна Петрова-Водкина"),
    ("Петра Петрова-Водкина", "Петр Петров-Водкин"),
    ("Ханса-Юргена Шмидта", "Ханс-Юрген Шмидт"),
    ("Нгози Оконджо-Ивеалы", "Нгози Оконджо-Ивеала"),
    ("Габриэля Гарсиа Маркеса", "Габриэль Гарсиа Маркес"),
    # Already nominative: left alone, whatever the ending.
    ("Барак Обама", "Барак Обама"),
    ("Анджей Дуда", "Анджей Дуда"),
    ("Нил Басу", "Нил Басу"),
    ("Шауста Ян Ахади", "Шауста Ян Ахади"),
    ("Екатерина Сабирова", "Екатерина Сабирова"),
    ("Алина Загитова", "Алина Загитова"),
    ("Кира Найтли", "Кира Найтли"),
    ("Гурбангулы Бердымухамедов", "Гурбангулы Бердымухамедов"),
    ("Тоомас Хендрик Ильвес", "Тоомас Хендрик Ильвес"),
    ("Мейрид Корриган Магуайр", "Мейрид Корриган Магуайр"),
    ("Александра Семёновна", "Александра Семёновна"),
    ("Ким Чон Нам", "Ким Чон Нам"),
    ("Марзие Хашеми", "Марзие Хашеми"),
    ("Морриконе", "Морриконе"),
    # A woman's first name that never declines makes the surname hers.
    ("Нелли Игнатьева", "Нелли Игнатьева"),
    # Titles in lower case decline with the name.
    ("президента Путина", "президент Путин"),
    # Capitalisation is the text's.
    ("«Путина»", "«Путин»"),
]

# With the case the caller knows, the forms that are ambiguous out of context.
PERSONS_WITH_CASE = [
    ("Сабирова", "nomn", "Сабирова"),
    ("Сабирова", "gent", "Сабиров"),
    ("Сабирова", "Nom", "Сабирова"),  # natasha / UD spelling
    ("Неруда", "Nom", "Неруда"),
    ("Неруды", "Gen", "Неруда"),
    ("Данна", "gent", "Данн"),
    ("Евгения Медведева", "nomn", "Евгения Медведева"),
    ("Евгения Медведева", "gent", "Евгений Медведев"),
    # Foreign names in -а and -и: only the case tells Танака (he) from the
    # genitive of Танак, or Танаки from an indeclinable name.
    ("Хироси Танака", "nomn", "Хироси Танака"),
    ("Хироси Танаки", "gent", "Хироси Танака"),
    ("Хосе Авила", "Nom", "Хосе Авила"),
    ("Криштиану Роналду", "nomn", "Криштиану Роналду"),
    ("Путина", "no such case", "Путин"),
]

GENDERS = [
    ("Кира Стармера", ("masc", "sing")),
    ("Марии Захаровой", ("femn", "sing")),
    ("Терезы Мэй", ("femn", "sing")),
    ("Зеленского", ("masc", "sing")),
    ("Ким Чен Ына", ("masc", "sing")),
    ("Нелли Игнатьева", ("femn", "sing")),
    ("Тимошенко", (None, "sing")),
    ("Саакашвили", (None, "sing")),
    ("Он", ("masc", "sing")),
    ("она", ("femn", "sing")),
    ("они", (None, "plur")),
    ("Reuters", (None, None)),
    ("", (None, None)),
]

ORGS = [
    # A compound of two nouns in one case declines in both; a first part in
    # no case of the second's, or already a nominative, stays.
    ("компании-оператора станции TEPCO", "компания-оператор станции TEPCO"),
    ("компанией-перевозчиком", "компания-перевозчик"),
    ("пресс-службы Кремля", "пресс-служба Кремля"),
    ("Альфа-Банка", "Альфа-Банк"),
    # A camel-cased brand over a dictionary noun declines like it; one over
    # no word stays as written.
    ("«МегаФоне»", "«МегаФон»"),
    ("ВКонтакте", "ВКонтакте"),
    # Adjectives before the head agree with it, however many (a capitalised
    # one is no surname: `Московского`).
    ("Московского областного суда", "Московский областной суд"),
    # A ministry named by a genitive noun never declines; Минфин does.
    ("Минцифры", "Минцифры"),
    ("Минпросвещения", "Минпросвещения"),
    ("Минфина", "Минфин"),
    # An acronym after the head is its genitive and stays; a head drops the ending.
    ("Руководства ГАБТа", "Руководство ГАБТа"),
    ("МИДа России", "МИД России"),
    ("Министерства обороны США", "Министерство обороны США"),
    ("Кремле", "Кремль"),
    ("в Кремле", "Кремль"),
    ("Совбеза РФ", "Совбез РФ"),
    ("канцелярии премьер-министра Великобритании", "канцелярия премьер-министра Великобритании"),
    ("В канцелярии премьер-министра", "канцелярия премьер-министра"),
    ("Администрации США", "Администрация США"),
    ("МИД России", "МИД России"),
    ("МИДа", "МИД"),
    ("Государственной думы", "Государственная дума"),
    ("пресс-службы Кремля", "пресс-служба Кремля"),
    ("Белого дома", "Белый дом"),
    ("Даунинг-стрит", "Даунинг-стрит"),
    ("Пентагона", "Пентагон"),
    ("Министерстве иностранных дел", "Министерство иностранных дел"),
    ("Роскомнадзора", "Роскомнадзор"),
    ("агентства Reuters", "агентство Reuters"),
    ("газеты The Times", "газета The Times"),
    ("РИА Новости", "РИА Новости"),
    ("Европейской комиссии", "Европейская комиссия"),
    ("Следственного комитета России", "Следственный комитет России"),
    ("Верховной Рады", "Верховная Рада"),
    ("Верховной Радой", "Верховная Рада"),
    ("В Афинах", "Афины"),
    ("греческого Министерства обороны", "греческое Министерство обороны"),
    ("в российском Минфине", "российский Минфин"),
    ("шведского телевидения", "шведское телевидение"),
    ("делегации ОБСЕ", "делегация ОБСЕ"),
    ("городской станции скорой медицинской помощи", "городская станция скорой медицинской помощи"),
    ("Первого канала", "Первый канал"),
    ("Русской службе « Голоса Америки »", "Русская служба « Голоса Америки »"),
    ("Театре на Таганке", "Театр на Таганке"),
    ("Совета Федерации", "Совет Федерации"),
    ("Известиям", "Известия"),
    ("Ведомостей", "Ведомости"),
    ("«Коммерсанта»", "«Коммерсант»"),
    ("«Фонтанки»", "«Фонтанка»"),
    ("Telegram-канале", "Telegram-канал"),
    ("ВКонтакте", "ВКонтакте"),
    ("СМИ", "СМИ"),
    # Unknown to the dictionary.
    ("Роскомсвободы", "Роскомсвобода"),
    ("Росстата", "Росстат"),
    ("Росимущества", "Росимущество"),
    ("Россельхознадзором", "Россельхознадзор"),
    ("Амкаром", "Амкар"),
]

PHRASES = [
    ("источника в правительстве", "источник в правительстве"),
    # Only `один` declines in `один из X`; `из` governs the rest.
    ("одного из собеседников издания", "один из собеседников издания"),
    ("один из сотрудников Уилсона", "один из сотрудников Уилсона"),
    ("одной из сотрудниц", "одна из сотрудниц"),
    ("местных жителей", "местные жители"),
    ("экспертов", "эксперты"),
    ("Эксперты", "Эксперты"),
    ("очевидцев", "очевидцы"),
    ("СМИ", "СМИ"),
    ("официальных лиц", "официальные лица"),
    ("организаторами акции", "организаторы акции"),
    ("представителя Сбербанка", "представитель Сбербанка"),
    ("бывшего сотрудника компании", "бывший сотрудник компании"),
    (
        "менеджера одной из перечисленных интернет-компаний",
        "менеджер одной из перечисленных интернет-компаний",
    ),
    ("Источник Интерфакса", "Источник Интерфакса"),
    ("другой собеседник РБК", "другой собеседник РБК"),
    ("Его дочь", "Его дочь"),
    ("его сторонников", "его сторонники"),
    # Modifiers with dependents of their own.
    ("близкого к ней источника", "близкий к ней источник"),
    ("лечащих Чавеса кубинских врачей", "лечащие Чавеса кубинские врачи"),
    # Adjectives standing for nouns.
    ("задержанного", "задержанный"),
    ("собравшихся", "собравшиеся"),
    # Coordination.
    ("блоггеров и журналистов", "блоггеры и журналисты"),
    ("блоггеров и СМИ", "блоггеры и СМИ"),
    # Numerals change what they govern.
    ("двух источников", "два источника"),
    ("двум экспертам", "два эксперта"),
    ("двух женщин", "две женщины"),
    ("трех высокопоставленных чиновников", "три высокопоставленных чиновника"),
    ("пяти экспертов", "пять экспертов"),
    ("нескольких источников", "несколько источников"),
]

ODD = [[], [""], ["  "], ["123"], ["Reuters"], ["-"], ["«", "»"], ["2024"], ["Ё"], ["A."]]


@pytest.mark.parametrize(("mention", "expected"), PERSONS)
def test_person_name(mention: str, expected: str) -> None:
    assert person_name(mention.split()) == expected


@pytest.mark.parametrize(("mention", "case", "expected"), PERSONS_WITH_CASE)
def test_person_name_with_case(mention: str, case: str, expected: str) -> None:
    assert person_name(mention.split(), case=case) == expected


@pytest.mark.parametrize(("mention", "expected"), GENDERS)
def test_gender_number(mention: str, expected: tuple[str | None, str | None]) -> None:
    assert gender_number(mention.split()) == expected


def test_gender_number_with_case() -> None:
    assert gender_number(["Сабирова"]) == (None, "sing")
    assert gender_number(["Сабирова"], case="nomn") == ("femn", "sing")
    assert gender_number(["Сабирова"], case="Gen") == ("masc", "sing")


@pytest.mark.parametrize(("mention", "expected"), ORGS)
def test_org_name(mention: str, expected: str) -> None:
    assert org_name(mention.split()) == expected


@pytest.mark.parametrize(("mention", "expected"), PHRASES)
def test_nominative_phrase(mention: str, expected: str) -> None:
    assert nominative_phrase(mention.split()) == expected


def test_a_whole_string_is_read_as_its_words() -> None:
    assert person_name("Кира Стармера") == "Кир Стармер"  # type: ignore[arg-type]
    assert org_name("в Кремле") == "Кремль"  # type: ignore[arg-type]


@pytest.mark.parametrize("words", ODD)
def test_odd_input_is_returned_not_raised(words: list[str]) -> None:
    for f in (person_name, org_name, nominative_phrase):
        out = f(words)
        assert out == " ".join(" ".join(words).split())
    assert gender_number(words)[0] is None


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(max_size=12), max_size=5))
def test_never_raises(words: list[str]) -> None:
    for f in (person_name, org_name, nominative_phrase):
        assert isinstance(f(words), str)
    gender, number = gender_number(words)
    assert gender in (None, "masc", "femn")
    assert number in (None, "sing", "plur")


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(["Кира", "Стармера", "ибн", "Ан-Нахайяна", "А.", "США"]),
        min_size=1,
        max_size=4,
    )
)
def test_same_number_of_words(words: list[str]) -> None:
    assert len(person_name(words).split()) == len(words)
    assert len(org_name(words).split()) <= len(words)


# ------------------------------------------------------------------ morph


def test_one_shared_analyzer_under_concurrent_first_use() -> None:
    seen = []
    threads = [threading.Thread(target=lambda: seen.append(morph.analyzer())) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len({id(a) for a in seen}) == 1


def test_parse_is_cached_and_case_blind() -> None:
    assert morph.parse("Путина") is morph.parse("путина")
    assert morph.parse("Путина")[0].normal_form == "путин"
    assert morph.parse("") is not None


def test_lemmas() -> None:
    assert morph.lemma("Заявили") == "заявить"
    assert morph.lemma("ёлки") == "елка"
    assert "заявить" in morph.lemmas("заявил")
    assert morph.lemmas("Reuters") == frozenset({"reuters"})
    assert morph.lemma("") == ""


# ------------------------------------------------------------------ gold


def _norm(text: str) -> str:
    return text.lower().replace("ё", "е")


def _surname(word: str) -> str:
    return _norm(re.sub(r"^.*\.", "", word))


def gold_name_pairs() -> list[tuple[list[str], list[str]]]:
    """(mention, gold name) for gold person speakers whose mention is a name.

    A mention counts as a name when every word is capitalised and its last
    word is a form of the gold surname (the first four letters agree), so
    that pronouns, titles and descriptions (Он, Президент, глава RT) and
    first-name-only mentions are left out.
    """
    pairs = []
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        for quote in json.loads(line)["quotes"]:
            speaker = quote["speaker"]
            if not speaker or speaker["type"] != "person":
                continue
            mention, name = speaker["mention"].split(), speaker["name"].split()
            if not all(w[:1].isupper() for w in mention):
                continue
            last = _surname(mention[-1])
            if len(last) >= 2 and last[:4] == _norm(name[-1])[:4]:
                pairs.append((mention, name))
    return pairs


def name_accuracy(pairs: list[tuple[list[str], list[str]]]) -> tuple[float, float, int]:
    """Share right by surname, share right in full (same word count), count."""
    surname_ok = full_ok = full_n = 0
    for mention, name in pairs:
        out = person_name(mention).split()
        surname_ok += _surname(out[-1]) == _norm(name[-1])
        if len(mention) == len(name) and not any("." in w for w in mention):
            full_n += 1
            full_ok += _norm(" ".join(out)) == _norm(" ".join(name))
    return surname_ok / len(pairs), full_ok / max(full_n, 1), len(pairs)


@pytest.mark.skipif(not GOLD.exists(), reason="dev gold data not present")
def test_gold_person_names() -> None:
    pairs = gold_name_pairs()
    oblique = [(m, n) for m, n in pairs if _surname(m[-1]) != _norm(n[-1])]
    unique = sorted({(tuple(m), tuple(n)) for m, n in pairs})
    unique_oblique = [(m, n) for m, n in unique if _surname(m[-1]) != _norm(n[-1])]
    report = {
        "per quote, all": name_accuracy(pairs),
        "per quote, oblique": name_accuracy(oblique),
        "unique, all": name_accuracy([(list(m), list(n)) for m, n in unique]),
        "unique, oblique": name_accuracy([(list(m), list(n)) for m, n in unique_oblique]),
    }
    for label, (surname, full, n) in report.items():
        print(f"gold person names, {label}: n={n} surname {surname:.1%} full {full:.1%}")
    assert report["per quote, oblique"][0] >= 0.9
    assert report["per quote, all"][0] >= 0.9
