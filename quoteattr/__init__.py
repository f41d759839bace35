"""quoteattr: quotations and reported claims in Russian news, and who made them."""

from .frame import to_dataframe
from .pipeline import Failure, Pipeline, analyze, pipe
from .records import Document, Kind, Quote, Span, Speaker, SpeakerType, from_dict

__all__ = [
    "Document",
    "Failure",
    "Kind",
    "Pipeline",
    "Quote",
    "Span",
    "Speaker",
    "SpeakerType",
    "analyze",
    "from_dict",
    "pipe",
    "to_dataframe",
]
__version__ = "0.1.0"
