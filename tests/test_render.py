"""HTML views: the article keeps its text, marks nest, everything is escaped.

Checked on real analysed articles (the seed and tests/data/corpus), on
hand-made documents whose spans overlap in every way the renderer must
survive, and on random ones (hypothesis).
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import pytest
from conftest import SEED, TESTS
from hypothesis import given, settings
from hypothesis import strategies as st

from quoteattr import Document, Quote, Span, Speaker, render

CORPUS = TESTS / "data" / "corpus"
FILES = [SEED.with_suffix(".txt"), *sorted(CORPUS.glob("*.txt"))]


# --- reading the HTML back -----------------------------------------------------------


class Reader(HTMLParser):
    """Text of the HTML, for each character the attributes of the spans around it.

    Fails on a closing tag that does not close the innermost open element.
    """

    VOID = frozenset({"meta", "br", "hr", "img", "link", "input"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []
        self.around: list[tuple[dict[str, str], ...]] = []
        self.ids: list[str] = []
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        found = {k: v or "" for k, v in attrs}
        if "id" in found:
            self.ids.append(found["id"])
        if tag == "a" and "href" in found:
            self.hrefs.append(found["href"])
        if tag not in self.VOID:
            self.stack.append((tag, found))

    def handle_endtag(self, tag):
        assert self.stack, f"</{tag}> closes nothing"
        open_tag, _ = self.stack.pop()
        assert open_tag == tag, f"</{tag}> closes <{open_tag}>"

    def handle_data(self, data):
        spans = tuple(a for t, a in self.stack if t == "span")
        self.text.append(data)
        self.around.extend([spans] * len(data))


def read(markup: str) -> Reader:
    reader = Reader()
    reader.feed(markup)
    reader.close()
    assert not reader.stack, f"unclosed: {reader.stack}"
    return reader


def stripped(markup: str) -> str:
    """The HTML with its tags removed and its entities unescaped."""
    return html.unescape(re.sub(r"<[^>]*>", "", markup))


def classes(attrs: dict[str, str]) -> set[str]:
    return set(attrs.get("class", "").split())


def check_article(doc: Document) -> Reader:
    """The article of ``doc`` gives back its text and marks each quote's parts."""
    markup = render.article(doc)
    assert markup.startswith('<div class="qa-text">') and markup.endswith("</div>")
    assert stripped(markup) == doc.text
    reader = read(markup)
    assert "".join(reader.text) == doc.text
    around = reader.around
    for q in doc.quotes:
        for at in range(q.start, q.stop):
            kinds = [a for a in around[at] if {"qa-q", f"qa-{q.kind.value}"} <= classes(a)]
            assert kinds, f"{doc.text[at]!r} at {at} of {q.text!r} is not marked {q.kind.value}"
            if q.speaker is not None:
                assert any(q.speaker.name in a["title"] for a in kinds), (at, q)
        if q.cue is not None:
            for at in range(q.cue.start, q.cue.stop):
                assert any("qa-cue" in classes(a) for a in around[at]), (at, q.cue)
        if q.speaker is not None and q.speaker.mention is not None:
            m = q.speaker.mention
            for at in range(m.start, m.stop):
                marks = [a for a in around[at] if "qa-mention" in classes(a)]
                assert any(q.speaker.name in a["title"] for a in marks), (at, m)
    inside = {at for q in doc.quotes for at in range(q.start, q.stop)}
    for at, spans in enumerate(around):
        if at not in inside:
            assert not any("qa-q" in classes(a) for a in spans), f"{at} marked as content"
    for i, _ in enumerate(doc.quotes):
        assert reader.ids.count(f"q{i}") == 1
    return reader


# --- real articles ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def real(analyze) -> dict[str, Document]:
    return {p.name: analyze(p.read_text(encoding="utf-8")) for p in FILES}


def test_the_real_articles_have_quotes_to_render(real):
    assert all(doc.quotes for doc in real.values())
    seed = real[SEED.with_suffix(".txt").name]
    # The seed has a mention inside a cue (`По его предположению`): nesting is real.
    assert any(
        q.cue
        and q.speaker
        and q.speaker.mention
        and q.cue.start <= q.speaker.mention.start < q.cue.stop
        for q in seed.quotes
    )


@pytest.mark.parametrize("name", [p.name for p in FILES])
def test_real_article_round_trips_and_marks_every_quote(real, name):
    check_article(real[name])


@pytest.mark.parametrize("name", [p.name for p in FILES])
def test_notebook_view_of_a_real_article(real, name):
    doc = real[name]
    markup = doc._repr_html_()
    assert markup == render.document(doc)
    reader = read(markup)
    # The article, then one table row per quote with its speaker, kind and cue.
    rows = re.findall(r"<tr><td>(\d+)</td>(.*?)</tr>", markup)
    assert [int(n) for n, _ in rows] == list(range(1, len(doc.quotes) + 1))
    for (_, row), q in zip(rows, doc.quotes, strict=True):
        assert f'class="qa-kind-{q.kind.value}">{q.kind.value}<' in row
        if q.speaker is not None:
            assert html.escape(q.speaker.name, quote=False) in row
        if q.cue is not None:
            assert html.escape(q.cue.text, quote=False) in row
    for href in reader.hrefs:
        assert href.startswith("#") and href[1:] in reader.ids


def test_a_pronoun_mention_is_labelled_with_the_canonical_name(real):
    doc = real["factru_336.txt"]
    [said] = [q for q in doc.quotes if q.speaker and q.speaker.mention.text == "он"]
    markup = render.article(doc)
    assert f'data-name="{said.speaker.name}"' in markup
    # A mention that is the name itself needs no label.
    named = render.article(real["nerel_train_11952.txt"])
    assert (
        '<span class="qa-mention" title="speaker: Владимир Дорош (person)">Владимир Дорош<' in named
    )


def test_self_contained(real):
    page = render.report(list(real.items()))
    for markup in (page, *(render.document(d) for d in real.values())):
        lowered = markup.lower()
        for banned in ("<script", "http:", "https:", "src=", "@import", "url(", "<link"):
            assert banned not in lowered, banned


def test_report_links_every_quote_and_counts_speakers(real):
    pairs = list(real.items())
    page = render.report(pairs)
    assert page.startswith("<!DOCTYPE html>")
    reader = read(page)
    assert len(reader.ids) == len(set(reader.ids)), "ids are unique"
    assert all(h.startswith("#") and h[1:] in reader.ids for h in reader.hrefs)
    for n, (name, doc) in enumerate(pairs):
        assert f'<section id="d{n}"><h2>{name}</h2>' in page
        for i, _ in enumerate(doc.quotes):
            assert f'href="#d{n}-q{i}"' in page
    # The index row of each speaker counts their quotes over all documents.
    index = page[page.index("qa-speakers") : page.index("<h2>Documents</h2>")]
    names = [q.speaker.name for _, d in pairs for q in d.quotes if q.speaker]
    for name in set(names):
        row = re.search(rf"<tr><td>{re.escape(name)}</td><td>\w+</td><td>(\d+)</td>", index)
        assert row, name
        assert int(row[1]) == names.count(name)
    unnamed = sum(1 for _, d in pairs for q in d.quotes if q.speaker is None)
    if unnamed:
        assert f"no speaker</td><td></td><td>{unnamed}</td>" in index


def test_report_escapes_document_ids_and_handles_empty_documents():
    page = render.report([("<b>a&b</b>.txt", Document("Ничего. <i>")), ("пусто", Document(""))])
    read(page)
    assert "<h2>&lt;b&gt;a&amp;b&lt;/b&gt;.txt</h2>" in page
    assert "Ничего. &lt;i&gt;" in page
    assert page.count("no quotes found") == 3  # the index and both documents
    assert "2 documents, 0 attributions" in page


# --- hand-made overlaps --------------------------------------------------------------

TEXT = (
    "Иван Петров сказал: «Мы <script>alert(1)</script> & готовы», — и, по его словам,\n"
    "«ждём ответа»."
)


def span(text: str, nth: int = 0) -> Span:
    at = -1
    for _ in range(nth + 1):
        at = TEXT.index(text, at + 1)
    return Span(at, at + len(text), text)


def quote(content: Span, kind: str = "direct", cue: Span | None = None, mention=None) -> Quote:
    speaker = Speaker("Иван Петров", "person", mention) if mention else None
    return Quote(content.start, content.stop, content.text, kind, cue, speaker)


WHOLE = Span(0, len(TEXT), TEXT)
CASES = [
    pytest.param(Document(TEXT), id="no-quotes"),
    pytest.param(
        Document(
            TEXT,
            [
                quote(
                    span("Мы <script>alert(1)</script> & готовы"),
                    cue=span("сказал"),
                    mention=span("Иван Петров"),
                )
            ],
        ),
        id="plain",
    ),
    pytest.param(
        Document(TEXT, [quote(WHOLE, "mixed", span("сказал"), span("Иван Петров"))]),
        id="cue-and-mention-inside-content-at-both-ends",
    ),
    pytest.param(
        Document(
            TEXT,
            [quote(span("сказал: «Мы"), "indirect", span("Петров сказал"), span("Иван Петров"))],
        ),
        id="cue-crosses-content-and-mention",
    ),
    pytest.param(
        Document(
            TEXT,
            [
                quote(span("Мы <script>"), cue=span("сказал")),
                quote(span("<script>alert"), "indirect", span("сказал"), span("Иван Петров")),
                quote(span("<script>alert"), "mixed"),
            ],
        ),
        id="crossing-and-identical-contents-shared-cue",
    ),
    pytest.param(
        Document(
            TEXT,
            [
                quote(span("«ждём ответа»"), "direct", span("по его словам"), span("его")),
                quote(span("его словам,\n«ждём"), "indirect", span("словам"), span("его")),
            ],
        ),
        id="mention-inside-cue-line-break",
    ),
]


@pytest.mark.parametrize("doc", CASES)
def test_overlapping_spans_nest_and_keep_the_text(doc):
    check_article(doc)
    read(render.document(doc))


def test_a_script_in_the_article_stays_text():
    doc = CASES[1].values[0]
    markup = render.document(doc)
    assert "<script" not in markup
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; готовы" in markup


def test_a_split_mark_keeps_its_id_and_label_once():
    # The mention `Петров` starts inside the content `Иван Пет` and runs on:
    # it is cut in two and must show its label once, after its last piece.
    doc = Document(
        TEXT, [Quote(0, 8, TEXT[:8], "indirect", None, Speaker("Пётр", "person", span("Петров")))]
    )
    markup = render.article(doc)
    assert markup.count('id="q0"') == 1
    assert markup.count('data-name="Пётр"') == 2  # each piece carries it …
    assert markup.count("qa-more") == 1  # … the first hides it
    check_article(doc)


# --- random overlaps ---------------------------------------------------------------


@st.composite
def documents(draw) -> Document:
    text = draw(st.text(alphabet="аб <>&\"'«»\n;", min_size=1, max_size=40))
    size = len(text)

    def spans() -> st.SearchStrategy[tuple[int, int]]:
        return (
            st.tuples(st.integers(0, size), st.integers(0, size))
            .map(sorted)
            .filter(lambda p: p[0] < p[1])
        )

    quotes = []
    for start, stop in draw(st.lists(spans(), max_size=5)):
        cue = draw(st.none() | spans())
        mention = draw(st.none() | spans())
        speaker = None
        if mention is not None or draw(st.booleans()):
            m = Span(mention[0], mention[1], text[mention[0] : mention[1]]) if mention else None
            speaker = Speaker(draw(st.sampled_from(["А", "<Б>", "В&Г"])), "person", m)
        quotes.append(
            Quote(
                start,
                stop,
                text[start:stop],
                draw(st.sampled_from(["direct", "indirect", "mixed"])),
                Span(cue[0], cue[1], text[cue[0] : cue[1]]) if cue else None,
                speaker,
            )
        )
    return Document(text, quotes)


@settings(max_examples=300, deadline=None)
@given(documents())
def test_any_overlap_round_trips(doc):
    check_article(doc)
    read(render.document(doc))


# --- confidence: shading and hover ----------------------------------------------------


@pytest.mark.parametrize(
    ("confidence", "classes", "hover"),
    [
        (0.93, "qa-q qa-direct qa-c9", "confidence 0.93"),
        (0.71, "qa-q qa-direct qa-c7", "confidence 0.71"),
        (0.42, "qa-q qa-direct qa-c4 qa-unsure", "confidence 0.42"),
        (None, "qa-q qa-direct", "confidence unknown"),
    ],
)
def test_quotes_are_shaded_by_confidence_with_the_value_on_hover(confidence, classes, hover):
    text = "Путин заявил: «Мы готовы»."
    start = text.index("Мы")
    quote = Quote(start, start + 8, "Мы готовы", "direct", confidence=confidence)
    page = render.article(Document(text, [quote]))
    (span,) = re.findall(r'<span class="([^"]*)" id="q0" title="([^"]*)">', page)
    assert span[0] == classes
    assert span[1].endswith(hover)
    assert f"<td>{hover.split()[-1]}</td>" in render.table(Document(text, [quote]))
