"""Quotation marks and dialogue-dash speech in raw Russian news text.

Scrapers hand over text in two shapes: typographic (``«…»``, ``„…“``, ``—``)
and flattened (every quotation mark turned into ASCII ``"`` and every dash into
``-``). Both must yield the same quotes. All offsets are Python slice offsets
into the text exactly as given.

This module gathers the three jobs: ``pairing.py`` pairs the marks and finds
dialogue speech (:func:`find_quoted`, :class:`Quoted`, :func:`paragraphs`),
``parts.py`` splits a quote the narrator interrupts (:func:`quoted_parts`,
:class:`Part`), and ``typography.py`` gives the same-length typographic view
the models read (:func:`typographic`).
"""

from __future__ import annotations

from .pairing import Quoted, find_quoted, paragraphs
from .parts import Part, quoted_parts
from .typography import typographic

__all__ = ["Part", "Quoted", "find_quoted", "paragraphs", "quoted_parts", "typographic"]
