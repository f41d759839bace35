from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from quoteattr.cli import main
from quoteattr.evaluate import as_quote, load_gold
from quoteattr.records import Document, Quote, Speaker

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
    assert "miss" in out.split("errors:")[0]
    overall = table_of(out)[1]
    assert overall[0] == "overall" and overall[3:] == ["0.000"] * 7


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
