"""The examples run on the bundled articles and say what the library finds there.

tests/data/corpus holds five short articles of the shared corpus (licences
in its SOURCES.md), chosen to have quotes of every kind, pronoun and
organisation speakers, and one quote without a speaker.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import subprocess
import sys

import pytest
from conftest import TESTS

from quoteattr import Document, Quote, Speaker
from quoteattr.evaluate import normalize

ROOT = TESTS.parent
EXAMPLES = ROOT / "examples"
CORPUS = TESTS / "data" / "corpus"
SCRIPT = EXAMPLES / "speakers.py"
NOTEBOOK = EXAMPLES / "speakers.ipynb"
ARTICLES = sorted(CORPUS.glob("*.txt"))
NO_SPEAKER = "(no speaker)"


@pytest.fixture(scope="module")
def speakers():
    """examples/speakers.py as a module, for its functions."""
    spec = importlib.util.spec_from_file_location("speakers_example", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run(*args: str, cwd=ROOT, env=None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=600,
    )


@pytest.fixture(scope="module")
def docs(analyze):
    return [analyze(p.read_text(encoding="utf-8")) for p in ARTICLES]


def table(stdout: str) -> tuple[str, dict[str, dict[str, str]], list[str]]:
    """The summary line, the rows by speaker and any lines after the table."""
    lines = stdout.splitlines()
    head = lines.index(next(x for x in lines if x.startswith("speaker ")))
    columns = re.split(r"\s{2,}", lines[head])
    rows, rest = {}, []
    for line in lines[head + 1 :]:
        if line.startswith("... "):
            rest.append(line)
            continue
        cells = re.split(r"\s{2,}", line)
        assert len(cells) == len(columns), line
        rows[cells[0]] = dict(zip(columns, cells, strict=True))
    return lines[0], rows, rest


def test_the_bundled_corpus_is_five_articles_with_quotes_and_its_licences(docs):
    assert len(ARTICLES) == 5
    assert all(doc.quotes for doc in docs)
    sources = (CORPUS / "SOURCES.md").read_text(encoding="utf-8")
    for path in ARTICLES:
        assert path.name in sources
    assert "CC BY 2.5" in sources and "CC BY-SA 3.0" in sources


@pytest.fixture(scope="module")
def output() -> str:
    done = run(str(SCRIPT), str(CORPUS), "--top", "0")
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_speakers_script_counts_every_attribution(output, docs):
    summary, rows, rest = table(output)
    total = sum(len(d.quotes) for d in docs)
    named = [n for n in rows if n != NO_SPEAKER]
    assert summary == f"5 articles, {total} attributions, {len(named)} speakers"
    assert not rest
    assert sum(int(r["quotes"]) for r in rows.values()) == total
    # Quotes without a speaker, if the pipeline leaves any, are one last row.
    unnamed = sum(1 for d in docs for q in d.quotes if q.speaker is None)
    assert int(rows.get(NO_SPEAKER, {"quotes": 0})["quotes"]) == unnamed
    assert list(rows)[: len(named)] == named
    counts = [int(rows[n]["quotes"]) for n in named]
    assert counts == sorted(counts, reverse=True), "most quoted first"


@pytest.mark.parametrize(
    ("speaker", "type_", "article", "noun"),
    [
        # Four quotes, two through `он`; his quotes are about the tax code.
        ("Владимир Дорош", "person", "nerel_train_11952.txt", "кодекс"),
        # Named once as `Калоев`, then `он`.
        ("Виталий Калоев", "person", "factru_336.txt", "родина"),
        ("Полиция Нью-Йорка", "organization", "nerel_dev_216586.txt", "пуля"),
        ("свидетели", "anonymous", "nerel_dev_216586.txt", "машина"),
    ],
)
def test_a_quoted_speaker_is_listed_with_their_count(output, docs, speaker, type_, article, noun):
    _, rows, _ = table(output)
    row = rows[speaker]
    doc = docs[[p.name for p in ARTICLES].index(article)]
    mine = [q for q in doc.quotes if q.speaker and normalize(q.speaker.name) == normalize(speaker)]
    assert int(row["quotes"]) == len(mine) >= 1
    assert row["type"] == type_
    assert row["articles"] == "1"
    assert noun in row["about"].split(", ")


def test_top_limits_the_named_rows_and_sums_the_rest(output):
    _, every, _ = table(output)
    done = run(str(SCRIPT), str(CORPUS), "--top", "2")
    assert done.returncode == 0, done.stderr
    _, rows, rest = table(done.stdout)
    named = [n for n in every if n != NO_SPEAKER]
    assert list(rows) == [*named[:2], *([NO_SPEAKER] if NO_SPEAKER in every else [])]
    skipped = sum(int(every[n]["quotes"]) for n in named[2:])
    assert rest == [f"... {len(named) - 2} more speakers, {skipped} quotes"]


def speaker(name: str, type_: str = "person") -> Speaker:
    return Speaker(name, type_)


def said(*speakers: Speaker | None) -> Document:
    text = "«Да», — сказал он."
    return Document(text, [Quote(1, 3, "Да", "direct", None, s) for s in speakers])


def test_speaker_table_merges_a_lone_surname_and_puts_the_unnamed_last(speakers):
    docs = [
        said(speaker("Владимир Путин"), None),
        said(speaker("Путин"), speaker("путин")),
        said(speaker("Иван Иванов"), speaker("Пётр Иванов"), speaker("Иванов")),
        said(speaker("Кремль", "organization"), speaker("Москва", "organization")),
        said(speaker("Москва", "organization"), speaker("Сергей Москва")),
    ]
    rows = {r["speaker"]: r for r in speakers.speaker_table(docs)}
    # One article's `Путин` is another's `Владимир Путин`; a surname two full
    # names share, or an organisation's name, stays apart.
    assert (rows["Владимир Путин"]["quotes"], rows["Владимир Путин"]["articles"]) == (3, 2)
    assert "Путин" not in rows
    assert rows["Иванов"]["quotes"] == rows["Иван Иванов"]["quotes"] == 1
    assert rows["Москва"]["quotes"] == 2 and rows["Москва"]["type"] == "organization"
    assert list(rows)[-1] == NO_SPEAKER and rows[NO_SPEAKER]["quotes"] == 1
    assert sum(r["quotes"] for r in rows.values()) == sum(len(d.quotes) for d in docs)


@pytest.mark.parametrize(
    ("folder", "message"),
    [
        pytest.param(CORPUS / "missing", "not a folder", id="missing"),
        pytest.param(TESTS / "__no_such__", "not a folder", id="no-such"),
        pytest.param(EXAMPLES, "no *.txt files", id="no-articles"),
    ],
)
def test_speakers_script_refuses_a_folder_without_articles(folder, message):
    done = run(str(SCRIPT), str(folder))
    assert done.returncode == 2
    assert message in done.stderr


# --- the notebook ------------------------------------------------------------------


def test_notebook_is_valid_nbformat_4_with_outputs_cleared():
    nb = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    assert nb["nbformat"] == 4 and nb["nbformat_minor"] >= 4
    assert nb["metadata"]["kernelspec"]["language"] == "python"
    assert {c["cell_type"] for c in nb["cells"]} == {"markdown", "code"}
    for cell in nb["cells"]:
        assert isinstance(cell["source"], list) and all(isinstance(s, str) for s in cell["source"])
        assert isinstance(cell["metadata"], dict) and cell["id"]
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [] and cell["execution_count"] is None


def test_notebook_runs_on_the_bundled_corpus(tmp_path, docs):
    nb = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    code = "\n\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code")
    script = tmp_path / "notebook.py"
    script.write_text(code, encoding="utf-8")
    report = tmp_path / "report.html"
    env = {**os.environ, "CORPUS": str(CORPUS), "REPORT": str(report)}
    done = run(str(script), cwd=EXAMPLES, env=env)
    assert done.returncode == 0, done.stderr
    total = sum(len(d.quotes) for d in docs)
    assert f"5 articles, {total} attributions" in done.stdout
    page = report.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    for path in ARTICLES:
        assert f"<h2>{path.name}</h2>" in page
    assert page.count('class="qa-q ') >= total
