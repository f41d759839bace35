"""Threads and processes: the same text gives the same result, however it is run.

The models, the pymorphy3 analyser and the look-up caches are shared by
every thread of a process; these tests run `analyze` from four threads at
once, on a warm process and on a cold one (where the threads race to load
the models), and compare with serial runs and with a process whose string
hashes differ (``PYTHONHASHSEED``), so that no result depends on set or dict
order.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import quoteattr

DATA = Path(__file__).parent / "data"


def _texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((DATA / "corpus").glob("*.txt"))]
    with (DATA / "dev.jsonl").open(encoding="utf-8") as lines:
        dev = [json.loads(line)["text"] for line in lines]
    # The shortest dev texts with quotes, and a few odd ones: enough to share
    # caches between threads at little cost.
    dev.sort(key=len)
    odd = [
        "",
        "«" * 300,
        "Песков\x00заявил: «Мы\u200bготовы». Путин\udcff сказал, что все хорошо.",
        '"Мы готовы", - сказал он. "Нет", - ответил она.\r\n- Да, - сказал он.',
    ]
    return texts + dev[:12] + odd


TEXTS = _texts()


@pytest.fixture(scope="module")
def serial(nlp) -> list[dict]:
    results = [nlp(text).to_dict() for text in TEXTS]
    assert sum(len(r["quotes"]) for r in results) > 20  # something to compare
    return results


def test_a_second_serial_run_is_the_same(nlp, serial):
    # Caches are warm now, and the texts come in the other order.
    again = [nlp(text).to_dict() for text in reversed(TEXTS)]
    assert again[::-1] == serial


def test_four_threads_give_the_serial_results(serial):
    # Each text three times, interleaved, so that threads hit the same words
    # and the same sentences at once.
    work = list(range(len(TEXTS))) * 3
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda i: quoteattr.analyze(TEXTS[i]).to_dict(), work))
    for i, result in zip(work, results, strict=True):
        assert result == serial[i], f"text {i} differs when run in threads"


def test_threads_with_their_own_pipelines_and_pipe(serial):
    def run(offset: int) -> list[dict]:
        texts = TEXTS[offset:] + TEXTS[:offset]
        docs = quoteattr.Pipeline(batch_size=5).pipe(texts)
        return [doc.to_dict() for doc in docs]

    with ThreadPoolExecutor(max_workers=4) as pool:
        runs = list(pool.map(run, [0, 7, 13, 19]))
    for offset, results in zip([0, 7, 13, 19], runs, strict=True):
        assert results == serial[offset:] + serial[:offset]


_COLD = textwrap.dedent(
    """
    import json, sys, threading
    import quoteattr

    texts = json.loads(sys.stdin.read())
    results = [None] * len(texts)
    start = threading.Barrier(4)

    def work(k):
        start.wait()  # all four ask for the models at once
        for i in range(k, len(texts), 4):
            results[i] = quoteattr.analyze(texts[i]).to_dict()

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    serial = [quoteattr.analyze(t).to_dict() for t in texts]
    json.dump({"hash": hash("quoteattr"), "threads": results, "serial": serial}, sys.stdout)
    """
)


def test_a_cold_process_with_another_hash_seed(serial):
    # One subprocess checks both: four threads that race to load the models,
    # and string hashes unlike this process's (set and dict order).
    seed = "1" if os.environ.get("PYTHONHASHSEED") != "1" else "2"
    env = dict(os.environ, PYTHONHASHSEED=seed)
    done = subprocess.run(
        [sys.executable, "-c", _COLD],
        input=json.dumps(TEXTS),
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="surrogatepass",
        env=env,
        timeout=600,
        check=True,
    )
    out = json.loads(done.stdout)
    assert out["hash"] != hash("quoteattr"), "the subprocess hashes strings alike"
    assert out["threads"] == out["serial"], "threads at a cold start differ from serial"
    assert out["serial"] == serial, "another process gives other results"
