"""The decision layer: speaker candidates, their features, the fitted weights."""

from __future__ import annotations

from pathlib import Path

import pytest

from quoteattr import decide, pipeline, train
from quoteattr.candidates import Candidate
from quoteattr.evaluate import load_gold

DEV = Path(__file__).parent / "data" / "dev.jsonl"


def candidates_of(text: str) -> list[list[Candidate]]:
    ctx, claims = pipeline.drafts([text])[0]
    return decide.proposals(ctx, claims)


def by_name(cands: list[Candidate]) -> dict[str | None, Candidate]:
    return {c.speaker.name if c.speaker else None: c for c in cands}


# (text, the speaker chosen for its one claim): the rules propose, the weights choose.
SPEAKERS = [
    # A description points back to the person just named with that title.
    (
        "Министр финансов Антон Силуанов выступил на форуме в Москве. "
        "Глава ведомства подчеркнул, что дефицит сократится.",
        "Антон Силуанов",
    ),
    # The cue verb's gender picks the woman of two people named.
    (
        "Анна Петрова и Иван Сидоров встретились в Москве. "
        "Она рассказала, что переговоры прошли успешно.",
        "Анна Петрова",
    ),
    (
        "Анна Петрова и Иван Сидоров встретились в Москве. "
        "Он рассказал, что переговоры прошли успешно.",
        "Иван Сидоров",
    ),
    # The cue's subject, not a person inside the content.
    ("Депутат Иван Иванов заявил, что министр Петр Сидоров ввёл всех в обман.", "Иван Иванов"),
    ("Как рассказал главный врач Сергей Орлов, медики сделали всё возможное.", "Сергей Орлов"),
    # A relaying outlet is not the speaker.
    ("«Мы ждём ответа», — сказал Сергей Лавров, передаёт ТАСС.", "Сергей Лавров"),
    # Oblique names come out in the nominative.
    ("По данным Росстата, инфляция замедлилась.", "Росстат"),
    ("По словам Джона Смита, сделка сорвалась.", "Джон Смит"),
    # An impersonal cue with no document named: nobody.
    ("Отмечается, что переговоры продолжатся.", None),
]


@pytest.mark.parametrize(("text", "expected"), SPEAKERS)
def test_speaker_chosen(text: str, expected: str | None) -> None:
    quotes = pipeline.analyze(text).quotes
    assert len(quotes) == 1
    speaker = quotes[0].speaker
    assert (speaker.name if speaker else None) == expected


def test_every_claim_has_nobody_and_the_rules_choice_among_its_candidates() -> None:
    (cands,) = candidates_of("Депутат Иван Иванов заявил, что министр Петр Сидоров ошибся.")
    named = by_name(cands)
    assert None in named
    assert named["Иван Иванов"].features.get("rule") == 1.0
    # A person named inside the content competes, and says where he stands.
    assert named["Петр Сидоров"].features.get("m_in_content") == 1.0
    assert named["Иван Иванов"].features.get("m_subject_of_cue") == 1.0


@pytest.mark.parametrize(
    ("pronoun", "agrees", "clashes"),
    [("Она рассказала", "Анна Петрова", "Иван Сидоров"),
     ("Он рассказал", "Иван Сидоров", "Анна Петрова")],
)  # fmt: skip
def test_gender_of_the_cue_against_each_person(pronoun: str, agrees: str, clashes: str) -> None:
    text = f"Анна Петрова и Иван Сидоров встретились. {pronoun}, что всё прошло хорошо."
    (cands,) = candidates_of(text)
    named = by_name(cands)
    assert named[agrees].features.get("gender_agrees") == 1.0
    assert named[agrees].features.get("nearest_agreeing") == 1.0
    # Both first names settle a gender: the pronoun cannot point to the other.
    assert clashes not in named


def test_a_lone_surname_joins_the_full_name() -> None:
    text = (
        "Президент Владимир Путин прилетел в Казань. Путин осмотрел завод. "
        "Путин заявил, что работа продолжится."
    )
    cands = candidates_of(text)[-1]
    people = [c.speaker.name for c in cands if c.speaker and c.speaker.type.value == "person"]
    assert people == ["Владимир Путин"]


def test_the_last_speaker_competes_for_a_quote_with_no_cue() -> None:
    text = (
        "Министр Антон Силуанов выступил в Думе.\n\n"
        "«Бюджет будет исполнен», — заявил он.\n\n"
        "«Дефицит сократится, а доходы вырастут»."
    )
    cands = candidates_of(text)
    last = by_name(cands[-1])
    assert last["Антон Силуанов"].features.get("last_speaker") == 1.0


def test_choose_takes_the_highest_score_and_the_first_of_equals() -> None:
    a, b = Candidate(None, {"x": 1.0}), Candidate(None, {"y": 1.0})
    assert decide.choose([a, b], {"x": 1.0, "y": 2.0}) is b
    assert decide.choose([a, b], {}) is a


def test_folds_keep_articles_whole_and_follow_the_seed() -> None:
    gold = load_gold(DEV)[:20]
    arts = [train.Article(g, None, [], [], []) for g in gold]  # type: ignore[arg-type]
    first = train.folds(arts, 5, 13)
    assert first == train.folds(arts, 5, 13)
    assert sorted(set(first)) == [0, 1, 2, 3, 4]
    assert first != train.folds(arts, 5, 14)


# (text, the content of its one claim): the rules run a clause to the end of
# the sentence and propose cuts; the cut model ends it at the speaker's next
# act, and keeps a clause that goes on with the content.
CUTS = [
    (
        "Главный редактор Regnum Виген Акопян подтвердил, что у агентства сменился "
        "собственник, но не сообщил, кому именно теперь принадлежит компания.",
        "у агентства сменился собственник",
    ),
    (
        "После скандала Шкрели заявил в интервью ABC News, что цена будет снижена, но так и не "
        "объявил на сколько.",
        "цена будет снижена",
    ),
    (
        "Министр заявил, что завод закроют, а рабочих переведут на другие предприятия.",
        "завод закроют, а рабочих переведут на другие предприятия",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CUTS)
def test_content_ends_where_the_cut_model_says(text: str, expected: str) -> None:
    _ctx, claims = pipeline.drafts([text])[0]
    assert len(claims) == 1
    assert any(text[: cut.stop].endswith(expected) for cut in claims[0].cuts) or (
        text[claims[0].start : claims[0].stop] == expected
    ), "the rules propose no cut at the expected end"
    quotes = pipeline.analyze(text).quotes
    assert [q.text for q in quotes] == [expected]


def test_shipped_weights_are_what_training_gives_on_the_bundled_dev() -> None:
    """The weights file is the training command's output on this dev copy:
    refit when the rules change (`python -m quoteattr.train tests/data/dev.jsonl`)."""
    pytest.importorskip("scipy")
    shipped = decide.weights()
    assert shipped["meta"]["articles"] == len(load_gold(DEV))
    articles = train.prepare(load_gold(DEV))
    meta = shipped["meta"]
    for model, fitted in [
        ("speaker", train.fit(articles, meta["C"])),
        ("cut", train.fit_cuts(articles, meta["C_cut"])),
    ]:
        expected = shipped[model]
        names = set(fitted) | set(expected)
        worst = max(abs(fitted.get(n, 0.0) - expected.get(n, 0.0)) for n in names)
        assert worst < 0.02, f"{model} weights differ by up to {worst:.3f}: retrain"


def test_cross_validation_predicts_every_article_from_the_other_folds() -> None:
    """The training command's cross-validation runs end to end (rules, fits
    per fold, documents assembled) and scores every article it was given."""
    articles = train.prepare(load_gold(DEV)[:12])
    docs = train.cross_validate(articles, k=3)
    assert len(docs) == len(articles)
    assert [d.text for d in docs] == [a.ctx.text for a in articles]
    report = train._report(articles, docs, set(range(len(articles))))
    assert report.overall.e2e_f1 > 0.5
    rules = [train.predict(a, None) for a in articles]
    assert all(d.text == a.ctx.text for d, a in zip(rules, articles, strict=True))


@pytest.mark.parametrize(
    ("text", "group"),
    [("Многие эксперты раскритиковали реформу: «Она провалилась». Министр Анна Петрова "
      "выступила в Думе. {} сказала: «Реформа продолжится».", "Многие эксперты"),
     ("Аналитики сказали, что цены вырастут. Глава банка Иван Сидоров с ними не согласен. "
      "{} считает, что цены останутся прежними.", "Аналитики")],
)  # fmt: skip
def test_a_singular_pronoun_never_stands_for_a_group(text: str, group: str) -> None:
    # Named, the speaker has the group that spoke last as a rival candidate;
    # a singular pronoun cannot stand for the group.
    named = candidates_of(text.format("Петрова" if "Петрова" in text else "Сидоров"))
    assert group in by_name(named[-1])
    pronoun = candidates_of(text.format("Она" if "Петрова" in text else "Он"))
    assert group not in by_name(pronoun[-1])
