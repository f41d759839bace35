"""Throughput of quoteattr against bare natasha, side by side, on a corpus of articles.

    python benchmarks/throughput.py [CORPUS] [--limit N] [--blas-threads N]

CORPUS is a folder of *.txt articles (default: ../shared/corpus beside the
project). Five configurations, each in a fresh process so that its memory
and load time are its own:

    (a) natasha    bare natasha per document: segment, morph, syntax, NER (the floor)
    (b) analyze    quoteattr.analyze per document
    (c) pipe       quoteattr.pipe, one process
    (d) pipe x2    quoteattr.pipe with n_process=2, its workers started (and
                   their models loaded) by the warm-up call, as (c)'s models
                   load before the clock: pipe keeps them for the next call
    (d') first x2  the same as the process's first call with n_process=2:
                   starting the workers and loading their models inside
    (e) models     the three slovnet models alone, on exactly the sentences
                   (c) fed them, in the same batches, their forward passes
                   computed as (c) computes them (quoteattr.forward): the
                   floor for (c)

For each: wall and CPU seconds over the whole corpus (after one warm-up
document), chars/s, docs/s, the ratio of its throughput to (a)'s, peak RSS,
model load time and cold start (interpreter start to the first result).
Then the check that (c) and (d) give exactly (b)'s documents, and where
(c)'s time goes: in each slovnet model's forward passes (the network and
its decoding, from the encoded batch to the tags) and in everything else
(quoteattr's own code, razdel, pymorphy3, encoding), beside (e).

BLAS is pinned to one thread per process (``--blas-threads``) in every
configuration: all four then compare like for like, and (d)'s two workers do
not oversubscribe a two-core machine.
"""

from __future__ import annotations

import time

_STARTED = time.perf_counter()  # before any import: cold start counts from here

import argparse  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import resource  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
CONFIGS = {
    "natasha": "(a) natasha per doc",
    "analyze": "(b) analyze per doc",
    "pipe": "(c) pipe",
    "pipe2": "(d) pipe n_process=2",
    "pipe2cold": "(d') first call, n=2",
    "models": "(e) models alone",
}
MODELS = ("morph", "syntax", "ner")
# Issue 14's bars, against (a).
BARS = {"analyze": 1.2, "pipe": 2.2, "pipe2": 3.5}
OTHER_BAR = 0.30  # of (c)'s wall time, outside the models' forward passes
RSS_BAR_MB = 400
COLD_BAR_S = 1.5


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.child:
        return child(args)
    return compare(args)


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("corpus", nargs="?", default=str(ROOT.parent / "shared" / "corpus"))
    p.add_argument("--limit", type=int, default=None, help="only the first N articles")
    p.add_argument("--blas-threads", type=int, default=1, help="BLAS threads per process")
    p.add_argument("--batch-size", type=int, default=32, help="documents per pipe batch")
    p.add_argument(
        "--only", default=",".join(CONFIGS), help="configurations to run, comma-separated"
    )
    p.add_argument("--child", choices=list(CONFIGS), help=argparse.SUPPRESS)
    p.add_argument("--out", help=argparse.SUPPRESS)
    return p


def load_corpus(folder: str, limit: int | None) -> list[str]:
    paths = sorted(Path(folder).glob("*.txt"))[:limit]
    if not paths:
        raise SystemExit(f"no *.txt articles in {folder}")
    return [p.read_text(encoding="utf-8") for p in paths]


# --- one configuration, in its own process ---------------------------------------


def child(args: argparse.Namespace) -> int:
    texts = load_corpus(args.corpus, args.limit)
    run = {
        "natasha": natasha_run,
        "analyze": analyze_run,
        "pipe": pipe_run,
        "pipe2": pipe_run,
        "pipe2cold": pipe_run,
        "models": models_run,
    }
    stats, docs = run[args.child](texts, args)
    stats["peak_rss_mb"] = peak_rss_mb(resource.RUSAGE_SELF)
    stats["workers_peak_rss_mb"] = peak_rss_mb(resource.RUSAGE_CHILDREN)
    if docs is not None:
        with open(args.out, "w", encoding="utf-8") as out:
            json.dump(docs, out, ensure_ascii=False)
    print(json.dumps(stats))
    return 0


def timed(work: Any) -> tuple[float, float]:
    """Wall and CPU seconds of `work()`, the CPU of child processes included."""
    wall, cpu = time.perf_counter(), cpu_seconds()
    work()
    return time.perf_counter() - wall, cpu_seconds() - cpu


def cpu_seconds() -> float:
    """This process's CPU seconds and its children's: the finished ones (from
    getrusage) and the live ones, such as (d)'s workers, which outlive the
    call (from /proc; Linux, as ru_maxrss in KiB already assumes)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime + live_children_cpu()


def live_children_cpu() -> float:
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for task in Path("/proc/self/task").iterdir():
        for pid in (task / "children").read_text().split():
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue  # ended meanwhile: getrusage counts it
            total += (int(fields[11]) + int(fields[12])) / tick  # utime, stime
    return total


def peak_rss_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # KiB on Linux


def natasha_run(texts: list[str], args: argparse.Namespace) -> tuple[dict[str, Any], None]:
    imported = time.perf_counter()
    from natasha import (
        Doc,
        NewsEmbedding,
        NewsMorphTagger,
        NewsNERTagger,
        NewsSyntaxParser,
        Segmenter,
    )

    load = time.perf_counter()
    segmenter, emb = Segmenter(), NewsEmbedding()
    morph, syntax, ner = NewsMorphTagger(emb), NewsSyntaxParser(emb), NewsNERTagger(emb)
    loaded = time.perf_counter()

    def one(text: str) -> None:
        doc = Doc(text)
        doc.segment(segmenter)
        doc.tag_morph(morph)
        doc.parse_syntax(syntax)
        doc.tag_ner(ner)

    one(texts[0])
    cold = time.perf_counter() - _STARTED
    wall, cpu = timed(lambda: [one(t) for t in texts])
    return stats(texts, wall, cpu, loaded - load, cold, load - imported), None


def analyze_run(texts: list[str], args: argparse.Namespace) -> tuple[dict[str, Any], list]:
    imported = time.perf_counter()
    import quoteattr
    from quoteattr import nlp

    load = time.perf_counter()
    nlp.model("morph")
    loaded = time.perf_counter()
    quoteattr.analyze(texts[0])
    cold = time.perf_counter() - _STARTED
    docs: list[Any] = []
    wall, cpu = timed(lambda: docs.extend(quoteattr.analyze(t) for t in texts))
    result = stats(texts, wall, cpu, loaded - load, cold, load - imported)
    return result, [d.to_dict() for d in docs]


def pipe_run(texts: list[str], args: argparse.Namespace) -> tuple[dict[str, Any], list]:
    imported = time.perf_counter()
    import quoteattr
    from quoteattr import nlp

    workers = 2 if args.child in ("pipe2", "pipe2cold") else 1
    warm = args.child != "pipe2cold"
    load = time.perf_counter()
    if workers == 1:
        nlp.model("morph")
    loaded: float | None = time.perf_counter()
    # With workers, the warm-up call starts them and each loads its models;
    # they stay for the timed call (quoteattr.workers), as (c)'s models stay
    # loaded: (d)'s load time is that call's, one document included. (d')
    # has no warm-up: its workers start inside the timed call.
    if warm:
        next(iter(quoteattr.pipe(texts[:1], n_process=workers)))
        loaded = time.perf_counter() if workers > 1 else loaded
    else:
        loaded = None
    cold = time.perf_counter() - _STARTED
    feed = Feed.watch() if workers == 1 else None
    docs: list[Any] = []

    def run() -> None:
        nonlocal cold
        for doc in quoteattr.pipe(texts, batch_size=args.batch_size, n_process=workers):
            if not warm and not docs:
                cold = time.perf_counter() - _STARTED
            docs.append(doc)

    wall, cpu = timed(run)
    if workers > 1:
        from quoteattr import workers as pools

        pools.shutdown()  # reaped, so that their peak RSS is known
    took = None if loaded is None else loaded - load
    result = stats(texts, wall, cpu, took, cold, load - imported)
    if feed is not None:
        result["forward"] = feed.seconds
        result["sentences"] = {name: len(sents) for name, sents in feed.sentences().items()}
        feed.save(feed_path(args.out))
    return result, [d.to_dict() for d in docs]


class Feed:
    """What (c) hands the slovnet models: each call's sentences, as words in
    the order fed, and the seconds spent in each model's forward passes.

    The taggers in quoteattr.nlp are wrapped where they meet slovnet: a
    call's sentences at `predict`, the time at `infer.process` (the network
    and its decoding; the encoding of words to ids before it is not counted).
    """

    def __init__(self) -> None:
        self.seconds = {name: 0.0 for name in MODELS}
        self.calls: list[tuple[str, list[list[str]]]] = []

    @classmethod
    def watch(cls) -> Feed:
        from quoteattr import nlp

        feed = cls()
        for name in MODELS:
            tagger = nlp._tagger(name)
            tagger.predict = feed._fed(name, tagger.predict)
            tagger.infer.process = feed._timed(name, tagger.infer.process)
        return feed

    def _fed(self, name: str, predict: Any) -> Any:
        def fed(sents: Any) -> Any:
            self.calls.append((name, [s.words() for s in sents]))
            return predict(sents)

        return fed

    def _timed(self, name: str, process: Any) -> Any:
        def timed_process(inputs: Any) -> Any:
            outputs = process(inputs)
            while True:
                start = time.perf_counter()
                try:
                    output = next(outputs)
                except StopIteration:
                    self.seconds[name] += time.perf_counter() - start
                    return
                self.seconds[name] += time.perf_counter() - start
                yield output

        return timed_process

    def sentences(self) -> dict[str, list[list[str]]]:
        found: dict[str, list[list[str]]] = {name: [] for name in MODELS}
        for name, sents in self.calls:
            found[name].extend(sents)
        return found

    def save(self, path: str) -> None:
        with open(path, "w", encoding="utf-8") as out:
            json.dump(self.calls, out, ensure_ascii=False)


def feed_path(out: str) -> str:
    return str(Path(out).with_name("feed.json"))


def models_run(texts: list[str], args: argparse.Namespace) -> tuple[dict[str, Any], None]:
    """(e): natasha's slovnet models on (c)'s sentences, batched as (c) batched them."""
    imported = time.perf_counter()
    from natasha import NewsEmbedding, NewsMorphTagger, NewsNERTagger, NewsSyntaxParser

    with open(feed_path(args.out), encoding="utf-8") as file:
        calls = json.load(file)
    load = time.perf_counter()
    emb = NewsEmbedding()
    models = {
        "morph": NewsMorphTagger(emb),
        "syntax": NewsSyntaxParser(emb),
        "ner": NewsNERTagger(emb),
    }
    loaded = time.perf_counter()
    from quoteattr import nlp
    from quoteattr.forward import Forward

    # The forward passes as (c) computes them: slovnet's models through
    # quoteattr.forward (the same predictions as slovnet's own `process`,
    # with less copying), so that (e) stays the floor of (c)'s own work.
    forward = {name: Forward(models[name].infer) for name in MODELS}
    # Encoded first, outside the clock: only the forward passes are timed.
    # Each call's sentences are cut into batches where (c) cut them.
    batches = []
    for name, sents in calls:
        encoder = models[name].infer.encoder
        for start, stop in nlp.calls([len(words) for words in sents]):
            encoder.batch_size = stop - start
            batches.extend((name, batch) for batch in encoder(sents[start:stop]))
    seconds = {name: 0.0 for name in MODELS}
    cpu_before = cpu_seconds()
    cold = time.perf_counter() - _STARTED
    for name, batch in batches:
        start = time.perf_counter()
        for _ in forward[name].process([batch]):
            pass
        seconds[name] += time.perf_counter() - start
    cpu = cpu_seconds() - cpu_before
    result = stats(texts, sum(seconds.values()), cpu, loaded - load, cold, load - imported)
    result["forward"] = seconds
    return result, None


def stats(
    texts: list[str], wall: float, cpu: float, load: float | None, cold: float, imports: float
) -> dict[str, Any]:
    return {
        "docs": len(texts),
        "chars": sum(len(t) for t in texts),
        "wall": wall,
        "cpu": cpu,
        "load": load,
        "cold": cold,
        "import": imports,
    }


# --- the side-by-side run ----------------------------------------------------------


def compare(args: argparse.Namespace) -> int:
    only = [c for c in args.only.split(",") if c]
    unknown = set(only) - set(CONFIGS)
    if unknown:
        raise SystemExit(f"unknown configurations: {', '.join(sorted(unknown))}")
    if "models" in only and "pipe" not in only:
        raise SystemExit("(e) runs the models on what (c) fed them: --only needs pipe too")
    texts = load_corpus(args.corpus, args.limit)
    print(
        f"corpus {args.corpus}: {len(texts)} documents, {sum(map(len, texts)):,} chars; "
        f"BLAS threads {args.blas_threads}; load average {os.getloadavg()[0]:.2f}",
        flush=True,
    )
    results: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name in only:
            results[name] = run_child(name, args, Path(tmp) / f"{name}.json")
            print(f"  {CONFIGS[name]}: done, load average {os.getloadavg()[0]:.2f}", flush=True)
        table(results)
        ok = check(results, Path(tmp))
    breakdown(results)
    bars(results)
    return 0 if ok else 1


def run_child(name: str, args: argparse.Namespace, out: Path) -> dict[str, Any]:
    env = dict(os.environ)
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        env[var] = str(args.blas_threads)
    command = [sys.executable, __file__, args.corpus, "--child", name, "--out", str(out)]
    command += ["--batch-size", str(args.batch_size)]
    if args.limit:
        command += ["--limit", str(args.limit)]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{name} failed:\n{done.stderr}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["out"] = str(out) if out.exists() else None
    return result


def table(results: dict[str, dict[str, Any]]) -> None:
    base = results.get("natasha")
    head = ("config", "wall s", "cpu s", "chars/s", "docs/s", "x(a) wall", "x(a) cpu")
    head += ("peak RSS MB", "load s", "cold s")
    print("\n" + "  ".join(f"{h:>11}" if i else f"{h:<22}" for i, h in enumerate(head)))
    for name, r in results.items():
        rss_text = f"{r['peak_rss_mb']:.0f}"
        if name in ("pipe2", "pipe2cold"):
            rss_text += f"+{r['workers_peak_rss_mb']:.0f}w"
        cells = [
            f"{r['wall']:.2f}",
            f"{r['cpu']:.2f}",
            f"{r['chars'] / r['wall']:,.0f}",
            f"{r['docs'] / r['wall']:.1f}",
            f"{base['wall'] / r['wall']:.2f}" if base else "-",
            f"{base['cpu'] / r['cpu']:.2f}" if base else "-",
            rss_text,
            f"{r['load']:.2f}" if r["load"] is not None else "in workers",
            f"{r['cold']:.2f}" if name != "models" else "-",
        ]
        print(f"{CONFIGS[name]:<22}  " + "  ".join(f"{c:>11}" for c in cells))
    print("x(a): throughput relative to (a); cpu counts worker processes too.")
    if "models" in results:
        print("(e): the forward passes only, on (c)'s sentences, in a fresh process.")


def check(results: dict[str, dict[str, Any]], tmp: Path) -> bool:
    """(c) and (d) give exactly (b)'s documents."""
    if "analyze" not in results:
        return True
    with open(results["analyze"]["out"], encoding="utf-8") as file:
        reference = json.load(file)
    ok = True
    for name in ("pipe", "pipe2", "pipe2cold"):
        if name not in results:
            continue
        with open(results[name]["out"], encoding="utf-8") as file:
            docs = json.load(file)
        same = sum(a == b for a, b in zip(reference, docs, strict=True))
        ok = ok and same == len(reference)
        print(f"check: {CONFIGS[name]} equals (b) on {same}/{len(reference)} documents")
    return ok


def breakdown(results: dict[str, dict[str, Any]]) -> None:
    """(c)'s wall time: each model's forward passes, everything else, and (e) beside it."""
    pipe = results.get("pipe")
    if not pipe or "forward" not in pipe:
        return
    wall = pipe["wall"]
    floor = results.get("models")
    print("\n(c) pipe, where the wall time goes      seconds   share   sentences      (e) alone")
    for name in MODELS:
        spent = pipe["forward"][name]
        alone = f"{floor['forward'][name]:>14.2f}" if floor else ""
        sents = f"{pipe['sentences'][name]:>12,}"
        print(f"  {name + ' forward passes':<36}{spent:>9.2f}{spent / wall:>8.0%}{sents}{alone}")
    models = sum(pipe["forward"].values())
    alone = f"{floor['wall']:>14.2f}" if floor else ""
    print(f"  {'all three models':<36}{models:>9.2f}{models / wall:>8.0%}{'':>12}{alone}")
    other = wall - models
    print(f"  {'everything else':<36}{other:>9.2f}{other / wall:>8.0%}")
    print(f"  {'(c) wall':<36}{wall:>9.2f}{1:>8.0%}")
    if floor:
        print(f"(c) takes {wall / floor['wall']:.2f}x the models alone (e).")


def bars(results: dict[str, dict[str, Any]]) -> None:
    base = results.get("natasha")
    lines = []
    for name, bar in BARS.items():
        if base and name in results:
            wall = base["wall"] / results[name]["wall"]
            cpu = base["cpu"] / results[name]["cpu"]
            lines.append(f"{CONFIGS[name]}/(a) >= {bar}: wall {wall:.2f}, cpu {cpu:.2f}")
    if "pipe" in results:
        lines.append(f"(c) peak RSS <= {RSS_BAR_MB} MB: {results['pipe']['peak_rss_mb']:.0f} MB")
        pipe = results["pipe"]
        if "forward" in pipe:
            other = 1 - sum(pipe["forward"].values()) / pipe["wall"]
            lines.append(f"(c) outside the forward passes <= {OTHER_BAR:.0%} of wall: {other:.0%}")
    for name in ("analyze", "pipe"):
        if name in results:
            cold = results[name]["cold"]
            lines.append(f"{CONFIGS[name]} cold start <= {COLD_BAR_S} s: {cold:.2f} s")
    print("\n".join(lines))


if __name__ == "__main__":
    sys.exit(main())
