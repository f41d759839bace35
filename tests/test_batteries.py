"""The helper-written batteries hold their level (tests/data/batteries/README.md).

Each floor sits a little under the end-to-end F1 the library reached when
the battery's errors had been read: a change that loses more than that on
text nobody here wrote has broken something general.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from quoteattr.evaluate import load_gold, score

BATTERIES = Path(__file__).parent / "data" / "batteries"

FLOORS = [
    ("wire", 0.92),
    ("outsider", 0.94),
    ("regional", 0.90),
    ("long", 0.91),
    ("silver3", 0.84),
    ("wikinews", 0.95),
    ("factru", 0.96),
    ("genres", 0.85),
    ("messy", 0.92),
    ("features", 0.90),
    ("wikiraw", 0.91),
    ("politics", 0.92),
    ("society", 0.94),
    ("economy", 0.91),
    ("culture", 0.90),
    ("regions", 0.89),
    ("courts", 0.85),
    ("people", 0.87),
    ("world", 0.93),
    ("flashes", 0.95),
    ("parliament", 0.89),
    ("security", 0.93),
    ("intl", 0.92),
    ("science", 0.91),
    ("sport", 0.92),
    ("business", 0.88),
    ("incidents", 0.90),
    ("wikilong", 0.89),
    ("factrulong", 0.91),
    ("pressreview", 0.80),
    ("social", 0.85),
    ("wire2", 0.88),
    ("city", 0.91),
    ("diplomacy", 0.89),
    ("sentences", 0.94),
    ("tech", 0.91),
    ("showbiz", 0.89),
    ("ecology", 0.92),
    ("experts", 0.91),
    ("factru3", 0.90),
    ("wikinews3", 0.85),
    ("factrubiz", 0.90),
    ("wikidisaster", 0.89),
    ("wikiworld", 0.87),
    ("wikiobit", 0.83),
    ("wikisport", 0.90),
    ("factruop", 0.80),
    ("factrureg", 0.90),
    ("wikiru", 0.93),
]


@pytest.mark.parametrize(("name", "floor"), FLOORS)
def test_battery_holds_its_level(nlp, name, floor):
    gold = load_gold(BATTERIES / f"{name}.jsonl")
    report = score(gold, list(nlp.pipe([d["text"] for d in gold])))
    assert report.overall.e2e_f1 >= floor, f"{name}: {report.overall.e2e_f1:.3f} < {floor}"
