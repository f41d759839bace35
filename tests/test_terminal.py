"""``quoteattr article.txt`` as a person sees it: a pseudo-terminal, the real command.

On a terminal the readable view comes by default, in colour; ``NO_COLOR``
turns the colour off; a pipe gets JSON lines. The stand-in analyser keeps
these fast; the last test runs the real pipeline on the seed, as ``make run``.
"""

from __future__ import annotations

import json
import os
import pty
import re
import subprocess
import sys

import pytest
from conftest import SEED

ESC = "\033["
# A stand-in for the pipeline: one sure direct quote, one unsure claim.
STAND_IN = """
import sys
from quoteattr.cli import main
from quoteattr.records import Document, Quote, Span, Speaker

def analyze(text):
    said = text.index("заявил")
    start = text.index("«") + 1
    stop = text.index("»")
    speaker = Speaker("Владимир Путин", "person", Span(0, 14, text[:14]))
    sure = Quote(start, stop, text[start:stop], "direct", Span(said, said + 6, "заявил"),
                 speaker, 0.93, 0.97, 0.96)
    end = text.index("решено") + 6
    unsure = Quote(end - 10, end, text[end - 10 : end], "indirect", confidence=0.41)
    return Document(text, [sure, unsure])

sys.exit(main(sys.argv[1:], analyze=analyze))
"""
TEXT = "Владимир Путин заявил: «Мы готовы». Говорят, что всё решено."


def run(argv: list[str], *, tty: bool, env: dict[str, str] | None = None) -> str:
    """What the command writes to its standard output: a pseudo-terminal or a pipe."""
    environ = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    environ.update({"TERM": "xterm-256color", "COLUMNS": "80"}, **(env or {}))
    if not tty:
        done = subprocess.run(argv, capture_output=True, text=True, env=environ, timeout=300)
        assert done.returncode == 0, done.stderr
        return done.stdout
    leader, follower = pty.openpty()
    proc = subprocess.Popen(
        argv, stdin=subprocess.DEVNULL, stdout=follower, stderr=subprocess.DEVNULL, env=environ
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # EIO: the terminal's other end is closed
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    assert proc.wait(timeout=300) == 0
    # A terminal turns "\n" into "\r\n" on the way out.
    return b"".join(chunks).decode("utf-8").replace("\r\n", "\n")


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(TEXT, encoding="utf-8")
    return str(path)


def stand_in(article: str, *args: str) -> list[str]:
    return [sys.executable, "-c", STAND_IN, article, *args]


def plain(text: str) -> str:
    """The text without its colour codes."""
    return re.sub(r"\033\[[0-9;]*m", "", text)


@pytest.mark.parametrize(
    ("env", "coloured"),
    [({}, True), ({"NO_COLOR": "1"}, False), ({"TERM": "dumb"}, False)],
)
def test_a_terminal_gets_the_readable_view(article, env, coloured):
    out = run(stand_in(article), tty=True, env=env)
    assert (ESC in out) is coloured
    assert plain(out).splitlines() == [
        f"{article}: 2 attributions",
        "",
        "Владимир Путин  [direct]  confidence 0.93",
        "    cue: заявил",
        "    «Мы готовы»",
        "",
        "— (no speaker)  [indirect]  confidence 0.41",
        "    «всё решено»",
        "",
    ]
    if coloured:  # sure in green, unsure in red
        assert f"{ESC}32mconfidence 0.93" in out and f"{ESC}31mconfidence 0.41" in out


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ([], ["direct", "indirect"]),
        (["--min-confidence", "0.9"], ["direct"]),
        (["-f", "jsonl"], ["direct", "indirect"]),
    ],
)
def test_a_pipe_gets_json_lines(article, args, expected):
    out = run(stand_in(article, *args), tty=False)
    assert ESC not in out
    assert [json.loads(line)["kind"] for line in out.splitlines()] == expected


def test_jsonl_on_a_terminal_when_asked(article):
    out = run(stand_in(article, "-f", "jsonl"), tty=True)
    assert ESC not in out
    assert json.loads(out.splitlines()[0])["confidence"] == 0.93


def test_the_seed_on_a_terminal(tmp_path):
    """``make run``: the real pipeline, the seed article, a person's view."""
    out = run([sys.executable, "-m", "quoteattr", f"{SEED}.txt"], tty=True)
    text = plain(out)
    assert ESC in out
    assert text.startswith(f"{SEED}.txt: ")
    blocks = text.split("\n\n")[1:]
    heads = [b.splitlines()[0] for b in blocks if b.strip()]
    assert heads and all("  [" in h and "  confidence " in h for h in heads)
