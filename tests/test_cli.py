from __future__ import annotations

import csv
import io
import json
import os
import re
import signal
import subprocess
import sys
import textwrap
import time
import types
from pathlib import Path

import pytest

import quoteattr
from quoteattr.cli import CSV_COLUMNS, interrupts_deferred, main
from quoteattr.evaluate import CLASSES, MISS, WRONG_KIND, as_quote, load_gold
from quoteattr.records import Document, Quote, Span, Speaker

ROOT = Path(__file__).parent.parent
DEV = Path(__file__).parent / "data" / "dev.jsonl"


def marks_analyzer(text: str) -> Document:
    """Every «…» is a direct quote by Путин: enough to see the plumbing."""
    found = [
        Quote(m.start(1), m.end(1), m.group(1), "direct", speaker=Speaker("Путин", "person"))
        for m in re.finditer("«([^»]*)»", text)
    ]
    return Document(text, found)


def gold_analyzer(text: str) -> Document:
    for doc in load_gold(DEV):
        if doc["text"] == text:
            return Document(text, [as_quote(q) for q in doc["quotes"]])
    raise KeyError(text[:40])


def empty_analyzer(text: str) -> Document:
    return Document(text)


def table_of(out: str) -> list[list[str]]:
    return [line.split() for line in out.splitlines()[-4:]]


def test_evaluate_prints_the_table(capsys):
    assert main(["evaluate", str(DEV)], analyze=gold_analyzer) == 0
    header, overall, direct, indirect = table_of(capsys.readouterr().out)
    assert header[:2] == ["gold", "pred"]
    assert overall[0] == "overall" and overall[3:] == ["1.000"] * 7
    assert direct[0] == "direct" and direct[3:] == ["1.000"] * 7
    assert indirect[0] == "indirect+mixed" and indirect[3:] == ["1.000"] * 7


def test_evaluate_errors_come_before_the_table(capsys):
    assert main(["evaluate", "--errors", str(DEV)], analyze=empty_analyzer) == 0
    out = capsys.readouterr().out
    gold = sum(len(doc["quotes"]) for doc in load_gold(DEV))
    lines = out.splitlines()
    assert lines[0].startswith(f"errors: {gold} miss, 0 false hit, 0 boundary")
    # counts, then the listing, then the figures
    assert out.index("class ") < out.index(f"## miss: {gold}") < out.index("det P")
    overall = table_of(out)[1]
    assert overall[0] == "overall" and overall[3:] == ["0.000"] * 7


def test_evaluate_errors_are_grouped_by_class(capsys):
    assert main(["evaluate", "--errors", str(DEV)], analyze=marks_analyzer) == 0
    out = capsys.readouterr().out
    counts = dict.fromkeys(CLASSES, 0)
    for line in out.splitlines()[2:8]:
        *name, direct, indirect, total = line.split()
        assert int(direct) + int(indirect) == int(total)
        counts[" ".join(name)] = int(total)
    sections = [line[3:].split(":")[0] for line in out.splitlines() if line.startswith("## ")]
    assert sections == [c for c in CLASSES if counts[c]]
    assert counts[MISS] and counts[WRONG_KIND]
    for c in CLASSES:
        listed = out.split(f"## {c}:")[1].split("\n## ")[0] if counts[c] else ""
        assert listed.count(f"  {c} ") == counts[c]
    assert out.splitlines()[-4].split()[:2] == ["gold", "pred"]


def test_evaluate_ascii_hands_over_ascii_text(capsys):
    seen = []

    def analyze(text):
        seen.append(text)
        return Document(text)

    assert main(["evaluate", str(DEV), "--ascii"], analyze=analyze) == 0
    assert len(seen) == len(load_gold(DEV))
    assert not any(set("«»—") & set(text) for text in seen)


def test_evaluate_default_analyze_is_quoteattr_analyze(monkeypatch, capsys):
    import quoteattr

    monkeypatch.setattr(quoteattr, "analyze", gold_analyzer, raising=False)
    assert main(["evaluate", str(DEV)]) == 0
    assert table_of(capsys.readouterr().out)[1][3:] == ["1.000"] * 7


def test_evaluate_missing_gold(tmp_path, capsys):
    assert main(["evaluate", str(tmp_path / "nope.jsonl")], analyze=empty_analyzer) == 1
    assert "nope.jsonl" in capsys.readouterr().err


def test_files_print_one_json_line_per_quote(tmp_path, capsys):
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text("Путин заявил: «Мы готовы». Он добавил: «Но не сейчас».", encoding="utf-8")
    b.write_text("Без цитат.", encoding="utf-8")
    assert main([str(a), str(b)], analyze=marks_analyzer) == 0
    lines = capsys.readouterr().out.splitlines()
    records = [json.loads(line) for line in lines]
    assert [r["text"] for r in records] == ["Мы готовы", "Но не сейчас"]
    assert all(r["path"] == str(a) for r in records)
    assert list(records[0]) == ["path", *Quote(0, 0, "", "direct").to_dict()]
    assert records[0]["speaker"]["name"] == "Путин"
    assert "Мы готовы" in lines[0]  # not \u-escaped


def test_files_go_on_after_a_failure(tmp_path, capsys):
    good = tmp_path / "good.txt"
    good.write_text("«Да»", encoding="utf-8")
    missing = tmp_path / "missing.txt"
    assert main([str(missing), str(good)], analyze=marks_analyzer) == 1
    captured = capsys.readouterr()
    assert str(missing) in captured.err
    assert json.loads(captured.out)["path"] == str(good)


def test_stdin(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.StringIO("Он сказал: «Да»."))
    assert main(["-"], analyze=marks_analyzer) == 0
    record = json.loads(capsys.readouterr().out)
    assert (record["path"], record["text"]) == ("-", "Да")


@pytest.mark.parametrize("argv", [[], ["evaluate"], ["evaluate", "a", "b"], ["--nope", "x"]])
def test_usage_errors(argv, capsys):
    with pytest.raises(SystemExit) as excinfo:
        main(argv, analyze=empty_analyzer)
    assert excinfo.value.code == 2


def test_python_m_quoteattr():
    result = subprocess.run(
        [sys.executable, "-m", "quoteattr", "evaluate", "--help"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0
    assert "--ascii" in result.stdout


# --- analysis command: helpers ---------------------------------------------

# One direct quote with cue and mention, one indirect claim with neither
# speaker nor cue; the content has characters csv and html must escape.
SAID = 'Владимир Путин заявил: «Мы <готовы>, "да" & рады». Говорят, что всё решено.'


def said_analyzer(text: str) -> Document:
    """``SAID``'s two attributions wherever their content occurs, else none."""
    quotes = []
    if (start := text.find("Мы <готовы>")) >= 0:
        stop = text.index("»", start)
        quotes.append(
            Quote(
                start,
                stop,
                text[start:stop],
                "direct",
                cue=span_of(text, "заявил"),
                speaker=Speaker("Владимир Путин", "person", span_of(text, "Владимир Путин")),
                confidence=0.9,
                content_confidence=0.95,
                speaker_confidence=0.94,
            )
        )
    if (start := text.find("всё решено")) >= 0:
        stop = start + len("всё решено")
        quotes.append(Quote(start, stop, text[start:stop], "indirect", confidence=0.5))
    return Document(text, quotes)


def span_of(text: str, part: str) -> Span:
    start = text.index(part)
    return Span(start, start + len(part), part)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def cli(capsys, *argv, analyze=said_analyzer) -> tuple[int, str, str]:
    """Exit status, stdout and stderr of one run."""
    status = main([str(arg) for arg in argv], analyze=analyze)
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def recording(analyze=empty_analyzer):
    """An analyzer that keeps the texts it was given, in order."""
    seen: list[str] = []

    def run(text: str) -> Document:
        seen.append(text)
        return analyze(text)

    return run, seen


@pytest.fixture
def pair(tmp_path) -> list[Path]:
    """Two documents: ``SAID`` and one without attributions."""
    return [write(tmp_path / "a.txt", SAID), write(tmp_path / "b.txt", "Без цитат.")]


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


# --- output formats ----------------------------------------------------------


def test_jsonl_records_carry_the_quote_and_its_parts(pair, capsys):
    status, out, _ = cli(capsys, *pair)
    assert status == 0
    records = [json.loads(line) for line in out.splitlines()]
    expected = said_analyzer(SAID).quotes
    assert records == [{"path": str(pair[0]), **quote.to_dict()} for quote in expected]


@pytest.mark.parametrize("with_text", [True, False])
def test_json_is_one_array_of_documents(pair, capsys, with_text):
    status, out, _ = cli(capsys, *pair, "--format", "json", *([] if with_text else ["--no-text"]))
    assert status == 0
    docs = json.loads(out)
    assert [doc["path"] for doc in docs] == [str(path) for path in pair]
    assert [len(doc["quotes"]) for doc in docs] == [2, 0]
    if with_text:
        assert Document.from_dict(docs[0]) == said_analyzer(SAID)
    else:
        assert all(set(doc) == {"path", "quotes"} for doc in docs)


def test_json_of_nothing_is_an_empty_array(tmp_path, capsys):
    status, out, _ = cli(capsys, write(tmp_path / "a.txt", "Тишина."), "-f", "json")
    assert (status, json.loads(out)) == (
        0,
        [{"path": str(tmp_path / "a.txt"), "text": "Тишина.", "quotes": []}],
    )
    (tmp_path / "empty").mkdir()
    status, out, _ = cli(capsys, tmp_path / "empty", "-f", "json")
    assert (status, json.loads(out)) == (0, [])


def test_csv_has_a_row_per_attribution_in_flat_columns(pair, capsys):
    status, out, _ = cli(capsys, *pair, "--format", "csv")
    assert status == 0
    reader = csv.DictReader(io.StringIO(out))
    assert tuple(reader.fieldnames) == CSV_COLUMNS
    direct, indirect = list(reader)
    assert direct == {
        "path": str(pair[0]),
        "kind": "direct",
        "start": str(SAID.index("Мы")),
        "stop": str(SAID.index("»")),
        "text": 'Мы <готовы>, "да" & рады',  # comma and quotes survive the quoting
        "cue": "заявил",
        "cue_start": str(SAID.index("заявил")),
        "cue_stop": str(SAID.index("заявил") + len("заявил")),
        "speaker": "Владимир Путин",
        "speaker_type": "person",
        "mention": "Владимир Путин",
        "mention_start": "0",
        "mention_stop": str(len("Владимир Путин")),
        "confidence": "0.9",
        "content_confidence": "0.95",
        "speaker_confidence": "0.94",
    }
    assert (indirect["kind"], indirect["text"], indirect["speaker"], indirect["cue"]) == (
        "indirect",
        "всё решено",
        "",
        "",
    )


def test_csv_keeps_multiline_content_in_one_record(tmp_path, capsys):
    text = "Он сказал: «Первый абзац.\n\nВторой абзац»."
    status, out, _ = cli(
        capsys, write(tmp_path / "a.txt", text), "-f", "csv", analyze=marks_analyzer
    )
    assert status == 0
    (row,) = csv.DictReader(io.StringIO(out))
    assert row["text"] == "Первый абзац.\n\nВторой абзац"


def test_text_says_who_said_what(pair, capsys):
    status, out, _ = cli(capsys, *pair, "--format", "text")
    assert status == 0
    assert out.split("\n") == [
        f"{pair[0]}: 2 attributions",
        "",
        "Владимир Путин  [direct]  confidence 0.90",
        "    cue: заявил",
        '    «Мы <готовы>, "да" & рады»',
        "",
        "— (no speaker)  [indirect]  confidence 0.50",
        "    «всё решено»",
        "",
        f"{pair[1]}: 0 attributions",
        "",
        "",
    ]


def test_text_puts_each_content_in_one_paragraph(tmp_path, capsys):
    text = "«Первый\n\nи второй»"
    status, out, _ = cli(
        capsys, write(tmp_path / "a.txt", text), "-f", "text", analyze=marks_analyzer
    )
    assert status == 0
    assert out.splitlines()[2:4] == ["Путин  [direct]  confidence ?", "    «Первый и второй»"]


@pytest.mark.parametrize(
    ("threshold", "expected"),
    [("0", ["direct", "indirect"]), ("0.5", ["direct", "indirect"]),
     ("0.6", ["direct"]), ("0.95", [])],
)  # fmt: skip
def test_min_confidence_keeps_the_surer_attributions(pair, capsys, threshold, expected):
    status, out, _ = cli(capsys, *pair, "-f", "jsonl", "--min-confidence", threshold)
    assert status == 0
    assert [json.loads(line)["kind"] for line in out.splitlines()] == expected


@pytest.mark.parametrize("bad", ["1.5", "-0.1", "high"])
def test_min_confidence_must_be_a_probability(pair, capsys, bad):
    with pytest.raises(SystemExit) as exit_:
        cli(capsys, *pair, "--min-confidence", bad)
    assert exit_.value.code == 2


def fake_render(monkeypatch) -> list:
    """Stand in for ``quoteattr.render``: record what ``report`` is given."""
    calls: list = []
    module = types.ModuleType("quoteattr.render")

    def report(pairs):
        calls.append(list(pairs))
        return "<html>report</html>\n"

    module.report = report
    monkeypatch.setitem(sys.modules, "quoteattr.render", module)
    return calls


def test_html_hands_every_document_to_the_renderer(pair, capsys, monkeypatch):
    calls = fake_render(monkeypatch)
    status, out, _ = cli(capsys, *pair, "--format", "html")
    assert (status, out) == (0, "<html>report</html>\n")
    (pairs,) = calls
    assert [path for path, _ in pairs] == [str(path) for path in pair]
    assert pairs[0][1] == said_analyzer(SAID)


def test_html_without_the_renderer_is_refused_before_any_work(pair, capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "quoteattr.render", None)  # import fails
    analyze, seen = recording()
    status, out, err = cli(capsys, *pair, "-f", "html", analyze=analyze)
    assert (status, out, seen) == (2, "", [])
    assert "--format html" in err


def test_html_with_the_real_renderer(pair, capsys):
    pytest.importorskip("quoteattr.render", reason="quoteattr.render is not written yet")
    status, out, _ = cli(capsys, *pair, "--format", "html")
    assert status == 0
    assert "<html" in out.lower() and out.rstrip().lower().endswith("</html>")
    assert "Мы &lt;готовы&gt;" in out and "&amp; рады" in out
    assert "<готовы>" not in out


# --- inputs ------------------------------------------------------------------


def test_folders_are_read_recursively_in_sorted_order(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    for name in ["b.txt", "a.txt", "sub/c.txt", "sub/notes.md", "a/z.txt"]:
        write(corpus / name, name)
    analyze, seen = recording()
    status, out, _ = cli(capsys, corpus, "-f", "json", analyze=analyze)
    assert status == 0
    names = ["a/z.txt", "a.txt", "b.txt", "sub/c.txt"]
    assert seen == names
    assert [doc["path"] for doc in json.loads(out)] == [str(corpus / name) for name in names]


def test_an_empty_folder_is_no_error(tmp_path, capsys):
    (tmp_path / "empty").mkdir()
    status, out, err = cli(capsys, tmp_path / "empty")
    assert (status, out) == (0, "")
    assert "no *.txt files" in err


def jsonl(path: Path, *lines: object) -> Path:
    text = "\n".join(line if isinstance(line, str) else json.dumps(line) for line in lines)
    return write(path, text + "\n")


def test_jsonl_input_one_document_a_line(tmp_path, capsys):
    path = jsonl(tmp_path / "news.jsonl", {"id": "n1", "text": SAID}, "", {"text": "«Да»", "x": 1})
    status, out, _ = cli(capsys, path, "-f", "json", "--no-text")
    assert status == 0
    docs = json.loads(out)
    # The id field names the document; a line without one is PATH:LINE.
    assert [doc["path"] for doc in docs] == ["n1", f"{path}:3"]
    assert [len(doc["quotes"]) for doc in docs] == [2, 0]


def test_jsonl_text_and_id_fields_are_chosen(tmp_path, capsys):
    path = jsonl(tmp_path / "news.jsonl", {"id": "ignored", "doc": 7, "body": SAID, "text": "x"})
    status, out, _ = cli(capsys, path, "--text-field", "body", "--id-field", "doc")
    assert status == 0
    records = [json.loads(line) for line in out.splitlines()]
    assert [(r["path"], r["kind"]) for r in records] == [("7", "direct"), ("7", "indirect")]


def test_jsonl_bad_lines_fail_alone(tmp_path, capsys):
    path = jsonl(
        tmp_path / "news.jsonl",
        "{not json",
        [1, 2],
        {"id": "no-text"},
        {"id": "number", "text": 5},
        {"id": "good", "text": SAID},
    )
    status, out, err = cli(capsys, path)
    assert status == 1
    assert {json.loads(line)["path"] for line in out.splitlines()} == {"good"}
    assert f"{path}:1: not JSON" in err
    assert f"{path}:2: not a JSON object" in err
    assert 'no-text: no "text" field' in err
    assert 'number: a non-string "text" field' in err
    assert "4 of 5 documents failed" in err


def test_the_dev_gold_file_is_an_input(capsys):
    status, out, _ = cli(capsys, DEV, "-f", "json", "--no-text", analyze=gold_analyzer)
    assert status == 0
    docs = json.loads(out)
    gold = load_gold(DEV)
    assert [doc["path"] for doc in docs] == [doc["id"] for doc in gold]
    assert sum(len(doc["quotes"]) for doc in docs) == sum(len(doc["quotes"]) for doc in gold)


def test_stdin_in_another_encoding(monkeypatch, capsys):
    raw = "Он сказал: «Да».\r\nИ всё.".encode("cp1251")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8"))
    analyze, seen = recording(marks_analyzer)
    status, out, _ = cli(capsys, "-", "--encoding", "cp1251", analyze=analyze)
    assert status == 0
    assert seen == ["Он сказал: «Да».\nИ всё."]  # and Windows line ends read as \n
    assert json.loads(out)["path"] == "-"


def test_a_byte_order_mark_is_not_text(tmp_path, capsys):
    path = tmp_path / "bom.txt"
    path.write_text("«Да»", encoding="utf-8-sig")
    analyze, seen = recording()
    assert cli(capsys, path, analyze=analyze)[0] == 0
    assert seen == ["«Да»"]


BAD_UTF8 = "«Привет»".encode("cp1251")


def test_an_undecodable_file_fails_alone(tmp_path, capsys, pair):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(BAD_UTF8)
    status, out, err = cli(capsys, bad, pair[0])
    assert status == 1
    assert f"{bad}: not utf-8-sig text" in err and "--encoding" in err
    assert {json.loads(line)["path"] for line in out.splitlines()} == {str(pair[0])}


@pytest.mark.parametrize(
    ("options", "text"),
    [
        (["--errors", "replace"], BAD_UTF8.decode("utf-8", "replace")),
        (["--errors", "ignore"], ""),
        (["--encoding", "cp1251"], "«Привет»"),
    ],
)
def test_undecodable_bytes_on_request(tmp_path, capsys, options, text):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(BAD_UTF8)
    analyze, seen = recording()
    assert cli(capsys, bad, *options, analyze=analyze)[0] == 0
    assert seen == [text]


def test_an_undecodable_jsonl_file_fails_from_the_bad_line(tmp_path, capsys):
    path = tmp_path / "news.jsonl"
    path.write_bytes(
        json.dumps({"id": "ok", "text": SAID}, ensure_ascii=False).encode()
        + b"\n"
        + b'{"id": "bad", "text": "'
        + BAD_UTF8
        + b'"}\n'
        + json.dumps({"id": "after", "text": SAID}).encode()
    )
    status, out, err = cli(capsys, path)
    assert status == 1
    assert {json.loads(line)["path"] for line in out.splitlines()} == {"ok", "after"}
    assert f"{path}:2: not utf-8-sig text" in err
    assert "1 of 3 documents failed" in err


# --- output file, exit statuses ---------------------------------------------


def test_output_file(pair, tmp_path, capsys):
    target = tmp_path / "out" / "quotes.csv"
    target.parent.mkdir()
    status, out, _ = cli(capsys, *pair, "-f", "csv", "-o", target)
    assert (status, out) == (0, "")
    rows = list(csv.DictReader(target.open(encoding="utf-8", newline="")))
    assert [row["kind"] for row in rows] == ["direct", "indirect"]


def test_output_dash_is_stdout(pair, capsys):
    status, out, _ = cli(capsys, pair[0], "-o", "-")
    assert status == 0 and len(out.splitlines()) == 2


def test_an_unwritable_output_is_a_usage_error(pair, tmp_path, capsys):
    status, _, err = cli(capsys, *pair, "-o", tmp_path / "no" / "such" / "dir.jsonl")
    assert status == 2 and "dir.jsonl" in err


def test_the_output_may_not_overwrite_an_input(pair, capsys):
    status, _, err = cli(capsys, *pair, "-o", pair[0])
    assert status == 2 and "overwrite" in err
    assert pair[0].read_text(encoding="utf-8") == SAID


def test_no_path_exists_is_a_usage_error(tmp_path, capsys):
    analyze, seen = recording()
    status, out, err = cli(capsys, tmp_path / "x.txt", tmp_path / "y", analyze=analyze)
    assert (status, out, seen) == (2, "", [])
    assert "x.txt: no such file" in err and "y: no such file" in err


def test_a_failing_document_does_not_stop_the_others(tmp_path, capsys):
    def analyze(text: str) -> Document:
        if "boom" in text:
            raise ValueError("cannot parse")
        return said_analyzer(text)

    paths = [write(tmp_path / f"{i}.txt", text) for i, text in enumerate([SAID, "boom", SAID])]
    status, out, err = cli(capsys, *paths, analyze=analyze)
    assert status == 1
    assert [json.loads(line)["path"] for line in out.splitlines()] == [str(paths[0])] * 2 + [
        str(paths[2])
    ] * 2
    assert f"{paths[1]}: ValueError: cannot parse" in err
    assert "1 of 3 documents failed" in err


@pytest.mark.parametrize(
    "argv",
    [["--format", "xml", "a.txt"], ["--batch-size", "0", "a.txt"], ["--errors", "loose", "a.txt"]],
)
def test_bad_options_are_usage_errors(argv, capsys):
    with pytest.raises(SystemExit) as excinfo:
        main(argv, analyze=empty_analyzer)
    assert excinfo.value.code == 2


def test_version(capsys):
    with pytest.raises(SystemExit) as excinfo:
        main(["--version"])
    assert excinfo.value.code == 0
    assert capsys.readouterr().out == f"quoteattr {quoteattr.__version__}\n"


def test_help_has_examples(capsys):
    with pytest.raises(SystemExit) as excinfo:
        main(["--help"])
    out = capsys.readouterr().out
    assert excinfo.value.code == 0
    assert "examples:" in out and "quoteattr corpus/ -o out.jsonl" in out
    assert "--text-field" in out and "exit status" in out


def test_a_closed_pipe_stops_quietly(pair, capsys, monkeypatch):
    class Closed(io.StringIO):
        def write(self, text: str) -> int:
            raise BrokenPipeError

    monkeypatch.setattr(sys, "stdout", Closed())
    assert main([str(pair[0])], analyze=said_analyzer) == 141
    assert capsys.readouterr().err == ""


# --- progress bar ------------------------------------------------------------


@pytest.mark.parametrize(
    ("tty", "extra", "bar"),
    [
        (False, [], False),  # stderr not a terminal
        (True, [], True),
        (True, ["--quiet"], False),
        (True, ["-q"], False),
    ],
)
def test_progress_bar(pair, capsys, monkeypatch, tty, extra, bar):
    stderr = Terminal() if tty else io.StringIO()
    monkeypatch.setattr(sys, "stderr", stderr)
    assert main([*map(str, pair), *extra], analyze=said_analyzer) == 0
    assert len(capsys.readouterr().out.splitlines()) == 2  # the output is untouched
    assert ("2/2" in stderr.getvalue()) is bar
    if not bar:
        assert stderr.getvalue() == ""


def test_no_progress_bar_for_one_document(pair, monkeypatch):
    monkeypatch.setattr(sys, "stderr", Terminal())
    assert main([str(pair[0])], analyze=said_analyzer) == 0
    assert sys.stderr.getvalue() == ""


def test_the_bar_counts_jsonl_lines(tmp_path, capsys, monkeypatch):
    path = jsonl(tmp_path / "n.jsonl", {"text": "a"}, "", {"text": "b"}, {"text": "c"})
    monkeypatch.setattr(sys, "stderr", Terminal())
    assert main([str(path)], analyze=empty_analyzer) == 0
    assert "3/3" in sys.stderr.getvalue()


# --- batching and streaming --------------------------------------------------


def fake_pipe(monkeypatch, analyze=said_analyzer) -> list[list[str]]:
    """Replace ``quoteattr.pipe``; return the batches it is given."""
    batches: list[list[str]] = []

    def pipe(texts, batch_size=None):
        texts = list(texts)
        batches.append(texts)
        assert batch_size == len(texts)
        return [analyze(text) for text in texts]

    monkeypatch.setattr(quoteattr, "pipe", pipe)
    return batches


def test_without_analyze_documents_go_through_pipe_in_batches(tmp_path, capsys, monkeypatch):
    batches = fake_pipe(monkeypatch)
    paths = [write(tmp_path / f"{i}.txt", f"{i} {SAID}") for i in range(5)]
    status = main([*map(str, paths), "--batch-size", "2", "-f", "json"])
    assert status == 0
    assert [len(batch) for batch in batches] == [2, 2, 1]
    assert [doc["path"] for doc in json.loads(capsys.readouterr().out)] == list(map(str, paths))


def test_a_failing_batch_is_run_again_text_by_text(tmp_path, capsys, monkeypatch):
    def analyze(text: str) -> Document:
        if "boom" in text:
            raise RuntimeError("model crashed")
        return said_analyzer(text)

    batches = fake_pipe(monkeypatch, analyze)
    paths = [write(tmp_path / f"{i}.txt", text) for i, text in enumerate([SAID, "boom", SAID])]
    status = main([*map(str, paths), "-f", "json"])
    captured = capsys.readouterr()
    assert status == 1
    assert [len(batch) for batch in batches] == [3, 1, 1, 1]
    assert [doc["path"] for doc in json.loads(captured.out)] == [str(paths[0]), str(paths[2])]
    assert f"{paths[1]}: RuntimeError: model crashed" in captured.err


@pytest.mark.parametrize("form", ["jsonl", "json", "csv", "text"])
def test_each_document_is_written_as_soon_as_it_is_done(tmp_path, capsys, form):
    target = tmp_path / "out"
    written: list[str] = []

    def analyze(text: str) -> Document:
        written.append(target.read_text(encoding="utf-8") if target.exists() else "")
        return said_analyzer(text)

    paths = [write(tmp_path / f"{i}.txt", SAID) for i in range(2)]
    assert main([*map(str, paths), "-f", form, "-o", str(target)], analyze=analyze) == 0
    assert "Мы <готовы>" not in written[0]
    assert "Мы <готовы>" in written[1]  # the first document was out before the second began


# --- Ctrl-C ------------------------------------------------------------------


def interrupting(after: int):
    """An analyzer that gets Ctrl-C on text number ``after`` (from 0)."""
    calls = []

    def analyze(text: str) -> Document:
        if len(calls) == after:
            raise KeyboardInterrupt
        calls.append(text)
        return said_analyzer(text)

    return analyze


def parsed(form: str, content: str) -> list:
    """The records of an output, each parsed: it must be whole to parse."""
    if form == "jsonl":
        return [json.loads(line) for line in content.splitlines()]
    if form == "json":
        return json.loads(content)
    return list(csv.DictReader(io.StringIO(content)))


@pytest.mark.parametrize(("form", "records"), [("jsonl", 4), ("json", 2), ("csv", 4)])
def test_ctrl_c_leaves_whole_records(tmp_path, capsys, form, records):
    target = tmp_path / "out"
    paths = [write(tmp_path / f"{i}.txt", SAID) for i in range(4)]
    status = main([*map(str, paths), "-f", form, "-o", str(target)], analyze=interrupting(2))
    assert status == 130
    assert "interrupted" in capsys.readouterr().err
    content = target.read_text(encoding="utf-8")
    assert content.endswith("\n")
    assert len(parsed(form, content)) == records  # two documents, complete


def test_interrupts_are_held_until_a_write_is_over():
    reached = False
    with pytest.raises(KeyboardInterrupt), interrupts_deferred():
        os.kill(os.getpid(), signal.SIGINT)
        for _ in range(1000):  # give Python's handler every chance to run
            pass
        reached = True
    assert reached
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_an_ignored_ctrl_c_stays_ignored():
    # A background job of a non-interactive shell starts with SIGINT ignored.
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        with interrupts_deferred():
            os.kill(os.getpid(), signal.SIGINT)
        assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
    finally:
        signal.signal(signal.SIGINT, previous)


SLOW = textwrap.dedent(
    """
    import sys, time
    from quoteattr.cli import main
    from quoteattr.records import Document, Quote

    def slow(text):
        time.sleep(0.2)
        return Document(text, [Quote(0, len(text), text, "direct")] * 50)

    sys.exit(main(sys.argv[1:], analyze=slow))
    """
)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_ctrl_c_in_a_real_process(tmp_path):
    paths = [str(write(tmp_path / f"{i:02}.txt", f"Документ {i}. " * 200)) for i in range(30)]
    target = tmp_path / "out.jsonl"
    child = subprocess.Popen(
        [sys.executable, "-c", SLOW, *paths, "-o", str(target)],
        cwd=ROOT,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 30
    while not (target.exists() and target.read_text()) and time.monotonic() < deadline:
        time.sleep(0.05)
    child.send_signal(signal.SIGINT)
    _, err = child.communicate(timeout=30)
    assert child.returncode == 130, err
    lines = target.read_text(encoding="utf-8").splitlines()
    assert 0 < len(lines) < 30 * 50
    assert len(lines) % 50 == 0  # whole documents
    assert all(json.loads(line)["kind"] == "direct" for line in lines)


# --- the real pipeline (models load: a few seconds) ---------------------------


def test_the_real_pipeline(tmp_path, capsys):
    text = "Президент России Владимир Путин заявил: «Мы готовы к переговорам»."
    status, out, _ = cli(capsys, write(tmp_path / "a.txt", text), "-f", "text", analyze=None)
    assert status == 0
    assert "Владимир Путин  [direct]  confidence " in out
    assert "    cue: заявил\n    «Мы готовы к переговорам»" in out
