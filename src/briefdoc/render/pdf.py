"""A brief as PDF: WeasyPrint's rendering of the fitted HTML, with reproducible
bytes (dates from SOURCE_DATE_EPOCH or the article, never the clock), the brief's
JSON attached, and no missing glyph."""

from __future__ import annotations

import hashlib

from ..model.brief import Brief
from ..model.briefjson import dumps
from ..model.errors import InputError, RenderError
from ..model.version import __version__
from . import fonts
from .context import pdf_datetime
from .html import fitted
from .layouts import PDF_VARIANTS, Layout
from .limits import limited
from .weasy import load_weasyprint, weasyprint_version


def render_pdf(brief: Brief, layout: Layout, locale: str, *, content=None, variant: str | None = None,
               attach_json: bool = True) -> bytes:
    """The brief as PDF bytes. ``content`` is an i18n.ContentTranslator (default:
    no content translations); ``variant`` a PDF variant ("pdf/a-3b", "pdf/ua-1",
    "none"; default: the layout's ``pdf_variant``). The brief's JSON is attached as
    brief.json (unless the variant forbids attachments). Raises RenderError naming
    the character and the locale when a glyph would be missing, and naming the
    layout when it takes too long or too much memory (limits.py)."""
    variant = variant if variant is not None else layout.pdf_variant
    if variant in ("", "none"):
        variant = None
    if variant is not None and variant not in PDF_VARIANTS:
        raise InputError(f"--pdf-variant {variant!r}: choose one of {', '.join(PDF_VARIANTS)}")
    return limited(layout.name, _render_pdf, brief, layout, locale, content, variant, attach_json)


def _render_pdf(brief, layout, locale, content, variant, attach_json) -> bytes:
    Attachment = load_weasyprint().Attachment
    try:
        with fonts.no_missing_glyphs(locale, layout.name):
            html, document = fitted(brief, layout, locale, content)
            when = pdf_datetime(brief).replace(tzinfo=None)
            options = {
                "pdf_variant": variant,
                "pdf_identifier": hashlib.md5(
                    "\0".join([html, str(variant), __version__, weasyprint_version()]).encode("utf-8"),
                    usedforsecurity=False).hexdigest().encode("ascii"),
                "uncompressed_pdf": False,
            }
            if variant == "pdf/ua-1":
                options["pdf_tags"] = True
            if attach_json and variant not in ("pdf/a-1b", "pdf/a-2b", "pdf/a-2u"):
                options["attachments"] = [Attachment(
                    string=dumps(brief), name="brief.json", description="The brief as JSON (briefdoc extract)",
                    created=when, modified=when, relationship="Source")]
            return document.write_pdf(**options)
    except (RenderError, InputError, MemoryError):
        raise  # MemoryError: the render's memory limit (limits.py) names it
    except Exception as exc:  # WeasyPrint raises many kinds; the user needs one line
        raise RenderError(f"layout {layout.name!r}, locale {locale!r}: rendering failed: {type(exc).__name__}: {exc}") from None
