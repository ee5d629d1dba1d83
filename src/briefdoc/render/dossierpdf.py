"""A dossier as HTML or PDF: a dossier layout's template fitted to its page budget
(as a brief's is), the PDF with reproducible bytes, the dossier's JSON attached as
dossier.json, and no missing glyph."""

from __future__ import annotations

import hashlib

from ..model.dossier import Dossier
from ..model.dossierjson import DOSSIER_JSON, dumps_dossier
from ..model.errors import InputError, RenderError
from ..model.version import __version__
from . import fonts
from .dossier import dossier_datetime
from .html import fitted, render_html
from .layouts import PDF_VARIANTS, Layout
from .weasy import load_weasyprint, weasyprint_version


def _check(layout: Layout) -> None:
    if layout.kind != "dossier":
        raise InputError(f"layout {layout.name!r} shows one article's brief; a dossier needs a dossier layout "
                         f"(see 'briefdoc layouts': kind = \"dossier\" in layout.toml)")


def render_dossier_html(dossier: Dossier, layout: Layout, locale: str, *, content=None) -> str:
    """The dossier as self-contained HTML, fitted to the layout's page budget."""
    _check(layout)
    return render_html(dossier, layout, locale, content=content)


def render_dossier_pdf(dossier: Dossier, layout: Layout, locale: str, *, content=None, variant: str | None = None) -> bytes:
    """The dossier as PDF bytes (``variant``: a PDF variant, default the layout's),
    its JSON attached as dossier.json unless the variant forbids attachments. Raises
    RenderError naming the character and the locale when a glyph would be missing."""
    _check(layout)
    Attachment = load_weasyprint().Attachment
    variant = variant if variant is not None else layout.pdf_variant
    if variant in ("", "none"):
        variant = None
    if variant is not None and variant not in PDF_VARIANTS:
        raise InputError(f"--pdf-variant {variant!r}: choose one of {', '.join(PDF_VARIANTS)}")
    try:
        with fonts.no_missing_glyphs(locale, layout.name):
            html, document = fitted(dossier, layout, locale, content)
            when = dossier_datetime(dossier).replace(tzinfo=None)
            options = {
                "pdf_variant": variant,
                "pdf_identifier": hashlib.md5(
                    "\0".join([html, str(variant), __version__, weasyprint_version()]).encode("utf-8"),
                    usedforsecurity=False).hexdigest().encode("ascii"),
                "uncompressed_pdf": False,
            }
            if variant == "pdf/ua-1":
                options["pdf_tags"] = True
            if variant not in ("pdf/a-1b", "pdf/a-2b", "pdf/a-2u"):
                options["attachments"] = [Attachment(
                    string=dumps_dossier(dossier), name=DOSSIER_JSON, description="The dossier as JSON (briefdoc dossier)",
                    created=when, modified=when, relationship="Source")]
            return document.write_pdf(**options)
    except (RenderError, InputError):
        raise
    except Exception as exc:  # WeasyPrint raises many kinds; the user needs one line
        raise RenderError(f"layout {layout.name!r}, locale {locale!r}: rendering failed: {type(exc).__name__}: {exc}") from None
