"""briefdoc: news articles to print-ready, translated PDF briefs.

Public API: :func:`read_article`, :func:`extract`, :func:`load_brief`,
:func:`render_brief`. The stages are the subpackages ``read``, ``extract``,
``localize``, ``render`` and ``build`` over the shared ``model``; the API
functions import them on first use, so that ``import briefdoc`` (and
``briefdoc --help``) loads neither spaCy nor WeasyPrint."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from .model.version import __version__

__all__ = ["__version__", "extract", "read_article", "load_brief", "render_brief"]


def read_article(path: str | Path):
    """Read a seed (text, Markdown or HTML, optional YAML front matter) into an Article."""
    # the stage loads on first use: importing briefdoc loads neither spaCy nor WeasyPrint
    from .read.article import read_article as _read

    return _read(path)


def extract(text: str, *, published: dt.date | None = None, title: str | None = None):
    """Extract a Brief (key points, actors, quotes, positions, timeline) from article text. Without a
    ``title``, the headline at the head of the text, not a byline or credit line ("" when it has none)."""
    # the stage loads on first use: importing briefdoc loads neither spaCy nor WeasyPrint
    from .extractors import extract as _extract
    from .read.byline import headline

    return _extract(text, published=published, title=headline(text)[0] if title is None else title)


def load_brief(path: str | Path):
    """Read a Brief from its JSON file, validated against the schema."""
    # the stage loads on first use: importing briefdoc loads neither spaCy nor WeasyPrint
    from .model.briefjson import load_brief as _load

    return _load(path)


def render_brief(brief, *, layout: str = "brief", locale: str = "en", format: str = "pdf", **options) -> bytes | str:
    """Render a Brief with a layout in a locale: PDF bytes, or HTML text."""
    # the stage loads on first use: importing briefdoc loads neither spaCy nor WeasyPrint
    from .localize.locales import negotiate
    from .render.html import render_html
    from .render.layouts import get as get_layout
    from .render.pdf import render_pdf

    lay = get_layout(layout)
    loc = negotiate(locale)
    if format == "html":
        return render_html(brief, lay, loc, **options)
    return render_pdf(brief, lay, loc, **options)
