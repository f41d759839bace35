"""The data files under data/, read once per process: the word lists and
the fitted models shipped as JSON."""

from __future__ import annotations

import functools
import json
from importlib import resources
from typing import Any


def _normal(word: str) -> str:
    return word.strip().lower().replace("ё", "е")


@functools.cache
def load(name: str) -> dict[str, frozenset[str]]:
    """Entries of data/<name>.txt mapped to their tags.

    One entry a line, `#` starts a comment, tags follow a tab, separated by
    commas.
    """
    entries: dict[str, frozenset[str]] = {}
    path = resources.files("quoteattr") / "data" / f"{name}.txt"
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        entry, _, tags = line.partition("\t")
        entry = _normal(entry)
        found = frozenset(t.strip() for t in tags.replace("\t", ",").split(",") if t.strip())
        entries[entry] = entries.get(entry, frozenset()) | found
        for tag in found:
            # `lemma=X`: pymorphy3's lemma for the entry's forms differs from
            # the entry (`пострадавшие` → `пострадать`); match that too.
            if tag.startswith("lemma="):
                alias = _normal(tag[len("lemma=") :])
                entries[alias] = entries.get(alias, frozenset()) | found
    return entries


@functools.cache
def words(name: str, tag: str | None = None) -> frozenset[str]:
    """Entries of a list, or only those carrying `tag`."""
    table = load(name)
    if tag is None:
        return frozenset(table)
    return frozenset(e for e, tags in table.items() if tag in tags)


def has(name: str, entry: str, tag: str | None = None) -> bool:
    tags = load(name).get(_normal(entry))
    return tags is not None and (tag is None or tag in tags)


@functools.cache
def fitted(name: str) -> dict[str, Any]:
    """A fitted model shipped as data/<name> (JSON); empty when none was
    fitted, so that the rules decide alone."""
    path = resources.files("quoteattr") / "data" / name
    if not path.is_file():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))
