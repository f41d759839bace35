"""A natasha `Doc` from an upstream pipeline: its annotations are reused.

A fully tagged Doc runs no tagger at all (the taggers are replaced by ones
that fail); a Doc that was only segmented gets the taggers it lacks; the
results are those of the plain text wherever natasha segments as quoteattr
does.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SEED, assert_invariants

import quoteattr
from quoteattr import nlp

CORPUS = sorted((Path(__file__).parent / "data" / "corpus").glob("*.txt"))


@pytest.fixture(scope="module")
def natasha_models():
    from natasha import NewsEmbedding, NewsMorphTagger, NewsNERTagger, NewsSyntaxParser, Segmenter

    emb = NewsEmbedding()
    return Segmenter(), NewsMorphTagger(emb), NewsSyntaxParser(emb), NewsNERTagger(emb)


def _doc(text: str, models, *, morph=True, syntax=True, ner=True):
    from natasha import Doc

    segmenter, morph_tagger, syntax_parser, ner_tagger = models
    doc = Doc(text)
    doc.segment(segmenter)
    if morph:
        doc.tag_morph(morph_tagger)
    if syntax:
        doc.parse_syntax(syntax_parser)
    if ner:
        doc.tag_ner(ner_tagger)
    return doc


@pytest.fixture
def no_taggers(monkeypatch):
    """Every tagger call fails the test; returns the names of the ones called."""
    called: list[str] = []

    def fail(name):
        def run(*args, **kwargs):
            called.append(name)
            raise AssertionError(f"the {name} tagger ran on an upstream Doc")

        return run

    for name in ("tag_morph", "parse_syntax", "tag_ner"):
        monkeypatch.setattr(nlp, name, fail(name))
    return called


def test_fully_tagged_doc_runs_no_tagger(natasha_models, no_taggers):
    text = Path(f"{SEED}.txt").read_text(encoding="utf-8")
    doc = quoteattr.analyze(_doc(text, natasha_models))
    assert no_taggers == []
    assert doc.text == text
    assert len(doc.quotes) >= 11
    assert_invariants(doc, text)


@pytest.mark.parametrize("path", [Path(f"{SEED}.txt"), *CORPUS], ids=lambda p: p.stem)
def test_upstream_doc_gives_what_the_text_gives(natasha_models, path):
    text = path.read_text(encoding="utf-8")
    from_text = quoteattr.analyze(text)
    from_doc = quoteattr.analyze(_doc(text, natasha_models))
    assert_invariants(from_doc, text)
    # natasha's segmenter may cut a sentence elsewhere than quoteattr's; the
    # quotes found stay the same.
    assert [q.text for q in from_doc.quotes] == [q.text for q in from_text.quotes]


@pytest.mark.parametrize(
    ("morph", "syntax", "ner", "expected"),
    [
        (False, False, False, {"tag_morph", "parse_syntax", "tag_ner"}),
        (True, False, True, {"parse_syntax"}),
        (True, True, False, {"tag_ner"}),
    ],
)
def test_only_missing_annotations_are_computed(
    natasha_models, monkeypatch, morph, syntax, ner, expected
):
    called: set[str] = set()
    for name in ("tag_morph", "parse_syntax", "tag_ner"):
        real = getattr(nlp, name)

        def spy(*args, _name=name, _real=real, **kwargs):
            called.add(_name)
            return _real(*args, **kwargs)

        monkeypatch.setattr(nlp, name, spy)
    text = "Песков заявил, что переговоры продолжатся. Лавров сказал: «Мы готовы»."
    doc = quoteattr.analyze(_doc(text, natasha_models, morph=morph, syntax=syntax, ner=ner))
    assert called == expected
    assert [q.speaker.name for q in doc.quotes] == ["Песков", "Лавров"]


def test_blank_line_cuts_an_upstream_sentence(natasha_models, no_taggers):
    # No full stop before the blank line: natasha's segmenter runs the two
    # paragraphs together; quoteattr cuts them apart, as it does in text,
    # and keeps each part's parse.
    text = "Заявление Кремля\n\nПесков заявил, что переговоры продолжатся."
    upstream = _doc(text, natasha_models)
    assert len(upstream.sents) == 1
    doc = quoteattr.analyze(upstream)
    assert no_taggers == []
    (quote,) = doc.quotes
    assert quote.text == "переговоры продолжатся"
    assert quote.speaker.name == "Песков"


def test_pipe_takes_docs_and_texts_together(natasha_models):
    texts = [Path(f"{SEED}.txt").read_text(encoding="utf-8"), "Песков заявил, что всё хорошо."]
    docs = list(quoteattr.pipe([_doc(texts[0], natasha_models), texts[1]]))
    assert [d.text for d in docs] == texts
    assert docs[1].quotes[0].speaker.name == "Песков"


def test_a_doc_without_text_is_a_type_error():
    from natasha import Doc

    with pytest.raises(TypeError, match="natasha Doc"):
        quoteattr.analyze(Doc(None))
