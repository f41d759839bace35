"""Precision against coverage as the confidence threshold rises, on held-out gold.

    python benchmarks/precision_coverage.py                  # ../shared/gold/check.jsonl
    python benchmarks/precision_coverage.py GOLD.jsonl --ascii -o docs/other.png

Runs `quoteattr.analyze` on every gold text and orders the predictions by
confidence. At a threshold t, *coverage* is the share of predictions with
confidence >= t and *precision* the share of those right end to end (content
matched and speaker right, as `quoteattr evaluate` counts). The curve is
drawn into ``docs/precision_coverage.png`` with the thresholds 0.5, 0.7 and
0.9 marked; the reliability table is printed. The confidence model is
fitted on the dev split only: on check.jsonl the curve is what a user gets.
Needs matplotlib (the ``dev`` extra).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import quoteattr
from quoteattr import reliability
from quoteattr.evaluate import load_gold, to_ascii

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT.parent / "shared" / "gold" / "check.jsonl"
OUTPUT = ROOT / "docs" / "precision_coverage.png"
MARKED = (0.5, 0.7, 0.9)


def curve(pairs: list[reliability.Pair]) -> tuple[list[float], list[float], list[float]]:
    """Coverage, precision and threshold at every distinct confidence, surest first."""
    ordered = sorted(pairs, key=lambda p: -(p[0] or 0.0))
    coverage, precision, thresholds = [], [], []
    right = 0
    for n, (conf, ok) in enumerate(ordered, 1):
        right += ok
        if n < len(ordered) and (ordered[n][0] or 0.0) == (conf or 0.0):
            continue  # ties go in together: one threshold keeps them all
        coverage.append(n / len(ordered))
        precision.append(right / n)
        thresholds.append(conf or 0.0)
    return coverage, precision, thresholds


def draw(pairs: list[reliability.Pair], title: str, output: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    coverage, precision, _ = curve(pairs)
    fig, ax = plt.subplots(figsize=(6.4, 4.4), dpi=120)
    ax.plot(coverage, precision, color="#0969da", lw=2, label="confidence ≥ t, t falling")
    for t in MARKED:
        p, cov, _ = reliability.at(pairs, t)
        ax.plot([cov], [p], "o", color="#cf222e")
        ax.annotate(f"t = {t}: P {p:.2f}, {cov:.0%} kept", (cov, p), textcoords="offset points",
                    xytext=(-8, -16), ha="right", fontsize=9)  # fmt: skip
    base = sum(ok for _, ok in pairs) / len(pairs)
    ax.axhline(base, color="#8c959f", ls="--", lw=1, label=f"all predictions: {base:.2f}")
    ax.set_xlabel("coverage (share of predictions kept)")
    ax.set_ylabel("precision (right end to end)")
    ax.set_xlim(0, 1.02)
    ax.set_ylim(max(0.0, min(precision) - 0.05), 1.0)
    ax.grid(alpha=0.3)
    ax.set_title(title, fontsize=10)
    ax.legend(loc="lower left", fontsize=9)
    fig.tight_layout()
    output.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(output)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", nargs="?", type=Path, default=GOLD)
    parser.add_argument("--ascii", action="store_true", help="texts with ASCII marks and dashes")
    parser.add_argument("-o", "--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    if not args.gold.exists():
        print(f"{args.gold}: no such file (the shared gold sits beside the project)")
        return 2
    gold = load_gold(args.gold)
    texts = [to_ascii(d["text"]) if args.ascii else d["text"] for d in gold]
    pairs = reliability.of_documents(gold, quoteattr.pipe(texts))
    print(reliability.table(pairs))
    variant = " (ASCII marks)" if args.ascii else ""
    title = f"{args.gold.name}{variant}: {len(gold)} articles, {len(pairs)} predictions"
    draw(pairs, title, args.output)
    print(f"wrote {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
