"""Time per MB of one document of 1 to 20 MB: does the work grow linearly?

    python benchmarks/linearity.py                       # cheap stages, 1-20 MB
    python benchmarks/linearity.py --stage full          # the whole pipeline
    python benchmarks/linearity.py --stage full --sizes 0.1 0.2 0.5 1 --timeout 900
    python benchmarks/linearity.py --variants news ascii

A document is built from the corpus (``../shared/corpus``, or the articles in
``tests/data/corpus``) to the size asked, in millions of characters ("MB"),
in four shapes:

* ``news``: the articles one after another, blank lines between them;
* ``ascii``: the same as a scraper flattens it, every quotation mark an
  ASCII ``"`` and every dash a hyphen (opening and closing told apart only by
  what flanks them);
* ``unbalanced``: every closing mark removed and a ``«`` added every 200
  characters, so that no mark pairs;
* ``paragraph``: every line break a space, one giant paragraph.

Stages: ``cheap`` is mark pairing, the typographic view and segmentation
(where a quadratic scan over marks or sentences would show); ``full`` is
`quoteattr.analyze` (models loaded before the clock starts). Each run is a
fresh process, so its peak RSS is its own; a run over ``--timeout`` seconds
is stopped and the larger sizes of that shape skipped. The bars: time per MB
flat within 2x from the smallest size to the largest; for ``full``, peak RSS
flat too (the largest size's within 1.25x of the smallest's: a long document
is read in windows), and every size at least a third of news speed, measured
first in the same run: `quoteattr.analyze` on each corpus article in turn
(``x news``: characters per second over news's).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT.parent / "shared" / "corpus", ROOT / "tests" / "data" / "corpus"]

CHILD = textwrap.dedent(
    """
    import importlib.util, json, resource, sys, time
    spec = importlib.util.spec_from_file_location("linearity", sys.argv[1])
    linearity = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(linearity)
    document = linearity.document
    variant, size, stage = sys.argv[2], float(sys.argv[3]), sys.argv[4]
    if variant == "articles":
        import quoteattr
        texts = linearity.articles()
        quoteattr.analyze("Путин заявил, что переговоры продолжатся.")
        start = time.perf_counter()
        found = sum(len(quoteattr.analyze(t).quotes) for t in texts)
        seconds = time.perf_counter() - start
        chars = sum(map(len, texts))
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps({"seconds": seconds, "rss_mb": rss, "found": found, "chars": chars}))
        sys.exit()
    text = document(variant, int(size * 1_000_000))
    if stage == "full":
        import quoteattr
        quoteattr.analyze("Путин заявил, что переговоры продолжатся.")
        start = time.perf_counter()
        doc = quoteattr.analyze(text)
        found = len(doc.quotes)
    else:
        from quoteattr import marks
        from quoteattr.text import segment
        start = time.perf_counter()
        quoted = marks.find_quoted(text)
        found = len(segment(marks.typographic(text, quoted)))
    seconds = time.perf_counter() - start
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "rss_mb": rss, "found": found}))
    """
)


# BLAS on one thread, as in throughput.py: the runs compare, not race.
ENV = {**os.environ, "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


def articles() -> list[str]:
    for folder in SOURCES:
        files = sorted(folder.glob("*.txt"))
        if files:
            return [f.read_text(encoding="utf-8").strip() for f in files]
    raise SystemExit("no corpus: neither ../shared/corpus nor tests/data/corpus")


def corpus() -> str:
    return "\n\n".join(articles())


def document(variant: str, size: int) -> str:
    base = corpus()
    if variant == "ascii":
        base = base.translate(str.maketrans({c: '"' for c in "«»„“”"} | {"—": "-", "–": "-"}))
    elif variant == "unbalanced":
        base = "".join(c for c in base if c not in "»”“")
        base = "«".join(base[i : i + 200] for i in range(0, len(base), 200))
    elif variant == "paragraph":
        base = " ".join(base.split("\n"))
    elif variant != "news":
        raise ValueError(f"unknown variant {variant!r}")
    text = base + "\n\n"
    return (text * (size // len(text) + 1))[:size]


def run(variant: str, size: float, stage: str, timeout: float) -> dict | None:
    try:
        done = subprocess.run(
            [sys.executable, "-c", CHILD, __file__, variant, str(size), stage],
            env=ENV,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=True,
        )
    except subprocess.TimeoutExpired:
        return None
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[1, 2, 5, 10, 20])
    parser.add_argument(
        "--variants", nargs="+", default=["news", "ascii", "unbalanced", "paragraph"]
    )
    parser.add_argument("--stage", choices=["cheap", "full"], default="cheap")
    parser.add_argument("--timeout", type=float, default=1800, help="seconds per run")
    args = parser.parse_args(argv)
    flat = True
    print(f"stage: {args.stage}; MB = million characters; one fresh process per run")
    news = None
    if args.stage == "full":
        base = run("articles", 0, "full", args.timeout)
        if base is None:
            raise SystemExit("news speed: stopped")
        news = base["chars"] / base["seconds"]
        print(
            f"news: analyze per article, {base['chars']:,} characters in {base['seconds']:.1f} s "
            f"({news / 1000:.1f} k chars/s), peak RSS {base['rss_mb']:.0f} MB"
        )
    header = ("variant", "MB", "seconds", "s/MB", "x 1st", "peak RSS", "x news", "found")
    print("{:<11}{:>6}{:>10}{:>9}{:>8}{:>11}{:>8}{:>10}".format(*header))
    for variant in args.variants:
        first = None
        low_rss = None
        for size in args.sizes:
            result = run(variant, size, args.stage, args.timeout)
            if result is None:
                print(f"{variant:<11}{size:>6g}   stopped after {args.timeout:g} s")
                flat = False
                break
            per_mb = result["seconds"] / size
            first = first or per_mb
            ratio = per_mb / first
            flat = flat and ratio <= 2
            speed = ""
            if news is not None:
                low_rss = low_rss or result["rss_mb"]
                against = size * 1_000_000 / result["seconds"] / news
                flat = flat and against >= 1 / 3 and result["rss_mb"] <= 1.25 * low_rss
                speed = f"{against:.2f}"
            print(
                f"{variant:<11}{size:>6g}{result['seconds']:>10.2f}{per_mb:>9.2f}"
                f"{ratio:>8.2f}{result['rss_mb']:>9.0f}MB{speed:>8}{result['found']:>10}",
                flush=True,
            )
    bars = "time per MB flat within 2x"
    if news is not None:
        bars += ", peak RSS flat within 1.25x, each at least 1/3 of news speed"
    print(f"{bars}:", "yes" if flat else "NO")
    return 0 if flat else 1


if __name__ == "__main__":
    sys.exit(main())
