"""Who is quoted most in a folder of articles, and about what.

    python examples/speakers.py FOLDER [--top N]

Reads every *.txt under FOLDER (recursively), runs them through
``quoteattr.pipe`` and prints one row per speaker: the number of quotes, the
number of articles, the speaker type and the nouns their quotes use most
(lemmas, via ``quoteattr.morph``). Quotes whose speaker the text does not
name are counted on a last ``(no speaker)`` row, so the counts add up to all
attributions found. Columns are separated by at least two spaces.
"""

from __future__ import annotations

import argparse
import collections
import math
import re
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

import quoteattr
from quoteattr import morph
from quoteattr.evaluate import normalize

NO_SPEAKER = "(no speaker)"
WORD = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*")


def read(folder: Path) -> list[tuple[Path, str]]:
    """The *.txt files under ``folder``, in path order."""
    return [(p, p.read_text(encoding="utf-8")) for p in sorted(folder.rglob("*.txt"))]


def nouns(text: str) -> list[str]:
    """Noun lemmas of ``text``, in order."""
    found = []
    for word in WORD.findall(text):
        parses = morph.parse(word)
        # Short words are mostly abbreviations and particles pymorphy tags as nouns.
        if parses and parses[0].tag.POS == "NOUN" and len(word) > 3:
            found.append(morph.lemma(word))
    return found


def speaker_key(q: quoteattr.Quote) -> str:
    """Quotes with one key are one speaker: the normalised canonical name."""
    return normalize(q.speaker.name) if q.speaker else ""


def surnames(keys: Iterable[str], types: dict[str, str]) -> dict[str, str]:
    """A lone surname → the one full name of a person in the corpus that ends with it.

    Each article names its speakers as fully as it can, but one article's
    ``Путин`` is another's ``Владимир Путин``; a surname shared by two full
    names stays apart.
    """
    full: dict[str, list[str]] = collections.defaultdict(list)
    for key in keys:
        words = key.split()
        if len(words) > 1 and types[key] == "person":
            full[words[-1]].append(key)
    return {
        key: full[key][0]
        for key in keys
        if types[key] == "person" and len(key.split()) == 1 and len(full[key]) == 1
    }


def speaker_table(docs: Sequence[quoteattr.Document]) -> list[dict[str, object]]:
    """One row per speaker, most quoted first; the unnamed last."""
    types = {speaker_key(q): q.speaker.type.value for d in docs for q in d.quotes if q.speaker}
    merge = surnames(types, types)
    quotes: dict[str, list[quoteattr.Quote]] = collections.defaultdict(list)
    where: dict[str, set[int]] = collections.defaultdict(set)
    # How many quotes use each noun: the nouns a speaker uses more than the
    # corpus does say what they talk about (tf-idf), not `год` and `человек`.
    lemmas: dict[int, list[str]] = {}
    spread: collections.Counter[str] = collections.Counter()
    for n, doc in enumerate(docs):
        for q in doc.quotes:
            key = speaker_key(q)
            key = merge.get(key, key)
            quotes[key].append(q)
            where[key].add(n)
            lemmas[id(q)] = nouns(q.text)
            spread.update(set(lemmas[id(q)]))
    total = sum(len(found) for found in quotes.values())
    rows = []
    for key, found in quotes.items():
        speakers = [q.speaker for q in found if q.speaker and speaker_key(q) == key] or [
            q.speaker for q in found if q.speaker
        ]
        counts = collections.Counter(w for q in found for w in lemmas[id(q)])
        for word in key.split():
            counts.pop(word, None)  # the speaker's own name says nothing new
        weight = {w: c * math.log((1 + total) / spread[w]) for w, c in counts.items()}
        about = sorted(weight, key=lambda w: (-weight[w], w))[:3]
        rows.append(
            {
                "speaker": _most_common(s.name for s in speakers) if key else NO_SPEAKER,
                "type": _most_common(s.type.value for s in speakers) if key else "-",
                "quotes": len(found),
                "articles": len(where[key]),
                "about": ", ".join(about) or "-",
            }
        )
    rows.sort(key=lambda r: (r["speaker"] == NO_SPEAKER, -r["quotes"], r["speaker"]))
    return rows


def _most_common(items: Iterable[str]) -> str:
    return collections.Counter(items).most_common(1)[0][0]


def format_table(rows: Sequence[dict[str, object]], top: int) -> str:
    """The rows as aligned text; past ``top`` speakers (0: no limit) one summary line."""
    named = [r for r in rows if r["speaker"] != NO_SPEAKER]
    unnamed = [r for r in rows if r["speaker"] == NO_SPEAKER]
    shown = named if top <= 0 else named[:top]
    rest = named[len(shown) :]
    columns = ["speaker", "type", "quotes", "articles", "about"]
    cells = [columns] + [[str(r[c]) for c in columns] for r in [*shown, *unnamed]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(columns))]
    lines = [
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in cells
    ]
    if rest:
        lines.append(f"... {len(rest)} more speakers, {sum(r['quotes'] for r in rest)} quotes")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="folder of *.txt articles (searched recursively)")
    parser.add_argument("--top", type=int, default=20, help="speakers to list (0: all)")
    args = parser.parse_args(argv)
    if not args.folder.is_dir():
        parser.error(f"not a folder: {args.folder}")
    files = read(args.folder)
    if not files:
        parser.error(f"no *.txt files under {args.folder}")
    docs = list(quoteattr.pipe(text for _, text in files))
    total = sum(len(d.quotes) for d in docs)
    rows = speaker_table(docs)
    named = sum(1 for r in rows if r["speaker"] != NO_SPEAKER)
    print(f"{len(files)} articles, {total} attributions, {named} speakers\n")
    print(format_table(rows, args.top))
    return 0


if __name__ == "__main__":
    sys.exit(main())
