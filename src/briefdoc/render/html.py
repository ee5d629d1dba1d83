"""A brief as HTML, with the least shrinking of the layout's selection that keeps
it within the layout's page limit (finding it lays the document out)."""

from __future__ import annotations

from ..model.brief import Brief
from ..model.errors import RenderError
from .layouts import Layout
from .limits import limited
from .template import template_html
from .weasy import weasy_document

# How many times a layout with max_pages may shrink its selection to fit.
MAX_FIT = 6


def render_html(brief: Brief, layout: Layout, locale: str, *, content=None, inline_css: bool = True,
                fit: int | None = None) -> str:
    """The brief as HTML. With ``inline_css`` the layout's CSS is placed in a <style>
    element, so the file stands alone. ``fit``: how far to shrink the selection of a
    layout with ``max_pages``; None finds the least shrinking that fits (this lays the
    document out with WeasyPrint). Under the render limits (limits.py): RenderError
    when the layout takes too long or too much memory."""
    return limited(layout.name, _render_html, brief, layout, locale, content, inline_css, fit)


def _render_html(brief, layout, locale, content, inline_css, fit):
    if fit is None:
        if layout.max_pages:
            return fitted(brief, layout, locale, content)[0]
        fit = 0
    return template_html(brief, layout, locale, content=content, inline_css=inline_css, fit=fit)


def fitted(brief, layout, locale, content):
    """(html, laid-out document) with the least shrinking of the layout's selection
    that keeps it within ``max_pages``."""
    for fit in range(MAX_FIT + 1):
        html = template_html(brief, layout, locale, content=content, fit=fit)
        document = weasy_document(html, layout)
        if not layout.max_pages or len(document.pages) <= layout.max_pages:
            return html, document
    if not layout.max_pages_strict:
        return html, document  # as tight as the layout goes; more pages than hoped for
    raise RenderError(
        f"layout {layout.name!r}: the brief does not fit in {layout.max_pages} page(s) even with the "
        f"smallest selection ({len(document.pages)} pages); shorten the title or key points, or use another layout")
