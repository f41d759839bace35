"""Canonical nominative forms of speaker mentions.

A speaker is written in whatever case the sentence needs (``по словам Кира
Стармера``, ``в Кремле``, ``у местных жителей``) but is reported in the
nominative (``Кир Стармер``, ``Кремль``, ``местные жители``).

Persons and phrases need different treatment:

* The words of a person's name are inflected *jointly*: every word of
  ``Кира Стармера`` must be read in one shared gender, number and case.
  Word by word the reading is ambiguous (``Кира`` is also a woman's name in
  the nominative); only masculine genitive fits both words.  Dictionary
  readings are scored together with a small model of how Russian declines
  names, so that surnames the dictionary has never seen (``Стармера``,
  ``Ына``) still get a form.
* For organisations and descriptions only the head noun phrase changes: the
  leading adjectives and the noun they agree with go to the nominative, and
  dependents (``обороны США``, ``в правительстве``) stay as written.

Every function keeps the capitalisation of each word as written and returns
words it cannot analyse (Latin, digits, acronyms) unchanged.

This module gathers them; the work is done in ``persons.py`` (person names,
jointly), ``declension.py`` (the model of name declension), ``phrases.py``
(organisations and noun phrases) and ``wordforms.py`` (what they share).
"""

from __future__ import annotations

from .persons import gender_number, person_name
from .phrases import nominative_phrase, org_name

__all__ = ["gender_number", "nominative_phrase", "org_name", "person_name"]
