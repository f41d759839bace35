"""`pipe`: batches across documents, tuples, error records, worker processes.

The reference is always `analyze` on one text at a time: whatever `pipe`
does for speed, each document must come out exactly as `analyze` gives it.
"""

from __future__ import annotations

import itertools
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest

import quoteattr
from quoteattr import nlp as taggers
from quoteattr import pipeline, workers
from quoteattr.pipeline import Failure

CORPUS = Path(__file__).resolve().parent / "data" / "corpus"
ARTICLES = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]

SHORT = [
    "В Кремле заявили, что Россия открыта для переговоров.",
    "Акции «Газпрома» на Московской бирже подорожали на 3%.",
    "«Мы готовы, — сказал министр. — Но не сейчас».",
]


@pytest.fixture(scope="module")
def one_by_one(nlp):
    """`analyze` of each corpus article alone: what every batch must equal."""
    return [nlp(text) for text in ARTICLES]


def test_the_corpus_articles_are_there():
    assert len(ARTICLES) >= 5


@pytest.mark.parametrize("size", [1, 2, 32])
def test_pipe_equals_analyze_on_the_corpus_articles(nlp, one_by_one, size):
    assert list(nlp.pipe(ARTICLES, batch_size=size)) == one_by_one


def test_the_module_pipe_runs_the_shared_default(one_by_one):
    assert list(quoteattr.pipe(iter(ARTICLES))) == one_by_one


def test_as_tuples_carries_each_context_with_its_document(nlp, one_by_one):
    pairs = [(text, {"id": i}) for i, text in enumerate(ARTICLES)]
    out = list(nlp.pipe(pairs, batch_size=2, as_tuples=True))
    assert [context for _, context in out] == [{"id": i} for i in range(len(ARTICLES))]
    assert [doc for doc, _ in out] == one_by_one


def test_input_is_read_only_as_results_are_taken(nlp):
    read = []

    def texts():
        for i in itertools.count():
            read.append(i)
            yield SHORT[i % len(SHORT)]

    docs = list(itertools.islice(nlp.pipe(texts(), batch_size=2), 3))
    assert len(docs) == 3
    assert len(read) == 4  # the second batch, and no more


# --- options ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "options",
    [{"batch_size": 0}, {"n_process": 0}, {"n_process": -2}, {"errors": "skip"}],
    ids=["batch-size", "n-process-zero", "n-process-negative", "errors"],
)
def test_bad_options_fail_at_the_call(nlp, options):
    with pytest.raises(ValueError):
        nlp.pipe(SHORT, **options)


def test_raise_is_the_default_and_raises_the_type_error(nlp):
    with pytest.raises(TypeError, match="expects text as str, got NoneType"):
        list(nlp.pipe(["Путин заявил, что готов.", None]))


# --- error records ---------------------------------------------------------------


def test_record_puts_a_failure_in_the_place_of_a_non_text(nlp):
    texts = [SHORT[0], None, b"bytes", SHORT[2]]
    out = list(nlp.pipe(texts, errors="record"))
    assert out[0] == nlp(SHORT[0])
    assert out[3] == nlp(SHORT[2])
    assert out[1] == Failure(None, "TypeError: quoteattr expects text as str, got NoneType")
    assert out[2].error == "TypeError: quoteattr expects text as str, got bytes"
    assert out[1].to_dict() == {"text": None, "error": out[1].error}


def test_record_with_tuples_keeps_the_failing_documents_id(nlp):
    out = list(nlp.pipe([(SHORT[0], "a"), (42, "b")], as_tuples=True, errors="record"))
    assert [context for _, context in out] == ["a", "b"]
    assert isinstance(out[0][0], quoteattr.Document)
    assert out[1][0].error.startswith("TypeError")


def fail_on(monkeypatch, name, marker):
    """Make the stage `pipeline.<name>` fail on any document whose text holds `marker`."""
    stage = getattr(pipeline, name)

    def failing(doc):
        if marker in doc.text:
            raise RuntimeError("stage broke")
        return stage(doc)

    monkeypatch.setattr(pipeline, name, failing)


def test_a_failing_document_stage_loses_only_that_document(nlp, monkeypatch):
    expected = [nlp(t) for t in SHORT]
    fail_on(monkeypatch, "_document", "Газпрома")
    out = list(nlp.pipe(SHORT, errors="record"))
    assert out[0] == expected[0] and out[2] == expected[2]
    assert out[1] == Failure(SHORT[1], "RuntimeError: stage broke")
    with pytest.raises(RuntimeError, match="stage broke"):
        list(nlp.pipe(SHORT))


def test_a_failing_model_stage_reruns_the_batch_one_document_at_a_time(nlp, monkeypatch):
    expected = [nlp(t) for t in SHORT]
    tag_ner = taggers.tag_ner
    calls = []

    def failing(docs):
        calls.append(len(docs))
        if any("Газпрома" in t.text for doc in docs for s in doc for t in s.tokens):
            raise RuntimeError("model broke")
        return tag_ner(docs)

    monkeypatch.setattr(taggers, "tag_ner", failing)
    out = list(nlp.pipe(SHORT, errors="record"))
    assert calls == [3, 1, 1, 1]
    assert out[0] == expected[0] and out[2] == expected[2]
    assert out[1] == Failure(SHORT[1], "RuntimeError: model broke")


# --- batching --------------------------------------------------------------------


def test_a_batch_goes_through_each_tagger_in_one_call(nlp, monkeypatch):
    calls = {}

    def counting(name):
        original = getattr(taggers, name)

        def counted(arg):
            calls.setdefault(name, []).append(arg)
            return original(arg)

        return counted

    for name in ("tag_morph", "parse_syntax", "tag_ner"):
        monkeypatch.setattr(taggers, name, counting(name))
    list(quoteattr.Pipeline(batch_size=32).pipe(ARTICLES))
    total = sum(len(pipeline._prepare(t).sents) for t in ARTICLES)
    assert [len(a) for a in calls["tag_morph"]] == [total]
    # Sentences that cannot hold a name (no proper noun, no capital past the
    # first word) skip NER; those with no cue and no quote mark skip the parser.
    assert len(calls["tag_ner"]) == 1
    assert 0 < sum(len(doc) for doc in calls["tag_ner"][0]) < total
    assert 0 < len(calls["parse_syntax"][0]) < total


def test_a_sentences_tags_do_not_depend_on_its_batch():
    # The premise of cross-document batches, on the models themselves.
    docs = [pipeline._prepare(t) for t in ARTICLES]
    sents = [s for doc in docs for s in doc.sents]
    taggers.tag_morph(sents)
    together = [[(t.pos, t.feats) for t in s.tokens] for s in sents]
    for sent in sents[:20]:
        taggers.tag_morph([sent])
    alone = [[(t.pos, t.feats) for t in s.tokens] for s in sents]
    assert alone == together


# --- worker processes ------------------------------------------------------------


def test_worker_processes_give_the_same_documents_in_order(one_by_one):
    texts = [*ARTICLES, None, *ARTICLES[:2]]
    out = list(quoteattr.pipe(texts, batch_size=2, n_process=2, errors="record"))
    n = len(ARTICLES)
    assert out[:n] == one_by_one
    assert isinstance(out[n], Failure)
    assert out[n + 1 :] == one_by_one[:2]
    with pytest.raises(TypeError):
        list(quoteattr.pipe([ARTICLES[0], None], n_process=2))


def test_the_workers_stay_for_the_next_call_until_shut_down():
    first = list(quoteattr.pipe(SHORT[:1], n_process=2))
    pool = workers.pool(2)
    assert list(quoteattr.pipe(SHORT[:1], n_process=2)) == first
    assert workers.pool(2) is pool  # the same processes, models loaded
    workers.shutdown()
    assert workers.pool(2) is not pool
    workers.shutdown()


def test_a_pool_whose_worker_died_is_replaced():
    pool = workers.pool(2)
    victim = next(iter(pool._processes.values()))  # (the executor's own record)
    victim.kill()
    victim.join()
    with pytest.raises(BrokenProcessPool):
        list(quoteattr.pipe(SHORT * 4, batch_size=1, n_process=2))
    assert [d.text for d in quoteattr.pipe(SHORT, n_process=2)] == SHORT
    assert workers.pool(2) is not pool
    workers.shutdown()


def test_the_worker_function_records_failures_as_the_parent_does(nlp, monkeypatch):
    fail_on(monkeypatch, "_document", "Газпрома")
    out = pipeline._work(SHORT, "record")
    assert out[1] == Failure(SHORT[1], "RuntimeError: stage broke")
    assert out[0] == nlp(SHORT[0])
    with pytest.raises(RuntimeError):
        pipeline._work(SHORT, "raise")
