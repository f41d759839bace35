"""quoteattr: quotations and reported claims in Russian news, and who made them."""

from .pipeline import Pipeline, analyze, pipe
from .records import Document, Kind, Quote, Span, Speaker, SpeakerType

__all__ = [
    "Document",
    "Kind",
    "Pipeline",
    "Quote",
    "Span",
    "Speaker",
    "SpeakerType",
    "analyze",
    "pipe",
]
__version__ = "0.1.0"
