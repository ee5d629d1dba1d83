"""A brief as PDF: WeasyPrint's rendering of the fitted HTML, with reproducible
bytes (dates from SOURCE_DATE_EPOCH or the article, never the clock), the brief's
JSON attached, no missing glyph, tagged (a structure tree for screen readers and
reflow, in every variant), and for a right-to-left locale a viewer that reads right
to left."""

from __future__ import annotations

import base64
import functools
import hashlib
import lzma
import re
from dataclasses import dataclass

from ..model.brief import Brief
from ..model.briefjson import dumps
from ..model.errors import InputError, RenderError
from ..localize.locales import direction
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


# Past this size the attached brief.json is compressed with xz (brief.json.xz): Flate, the
# PDF's own compression, sees 32 KB back and misses that every item repeats a piece of the
# article; xz takes the 2 MB JSON of a 100k-word article to 271 KB, Flate to 519 KB.
JSON_XZ_BYTES = 256 * 1024
XZ_PRESET = 6  # xz's default: 0.9 CPU-s for 2 MB of JSON, paid once per brief and process (_xz)


@dataclass
class AttachedJSON:
    """The brief's JSON as the PDF carries it: its name, description and the
    arguments that give WeasyPrint its bytes (and their MIME type)."""

    name: str
    description: str
    source: dict


def attached_json(brief: Brief) -> AttachedJSON:
    """brief.json; past JSON_XZ_BYTES, brief.json.xz (the same JSON, compressed with xz)."""
    text = dumps(brief)
    data = text.encode("utf-8")
    if len(data) <= JSON_XZ_BYTES:
        return AttachedJSON("brief.json", "The brief as JSON (briefdoc extract)", {"string": text})
    packed = _xz(text)
    return AttachedJSON(
        "brief.json.xz",
        f"The brief as JSON (briefdoc extract), {len(data) // 1024} KB compressed with xz "
        "('xz -d brief.json.xz' gives brief.json)",
        {"url": f"data:application/x-xz;base64,{packed}"})


@functools.lru_cache(maxsize=2)
def _xz(text: str) -> str:
    """``text`` (UTF-8) compressed with xz, in base64: once per brief, for all its layouts and locales."""
    return base64.b64encode(lzma.compress(text.encode("utf-8"), preset=XZ_PRESET)).decode("ascii")


def _render_pdf(brief, layout, locale, content, variant, attach_json) -> bytes:
    Attachment = load_weasyprint().Attachment
    try:
        with fonts.no_missing_glyphs(locale, layout.name):
            attachment = attached_json(brief) if attach_json and variant not in ("pdf/a-1b", "pdf/a-2b", "pdf/a-2u") else None
            # the layout says what it leaves out is in the attachment (or, without one, in the brief's JSON)
            html, document = fitted(brief, layout, locale, content, attachment=attachment.name if attachment else None)
            when = pdf_datetime(brief).replace(tzinfo=None)
            options = {
                "pdf_variant": variant,
                "pdf_identifier": hashlib.md5(
                    "\0".join([html, str(variant), __version__, weasyprint_version()]).encode("utf-8"),
                    usedforsecurity=False).hexdigest().encode("ascii"),
                "uncompressed_pdf": False,
            }
            options["pdf_tags"] = True
            if attachment:
                options["attachments"] = [Attachment(
                    **attachment.source, name=attachment.name, description=attachment.description,
                    created=when, modified=when, relationship="Source")]
            return document.write_pdf(finisher=_finisher(direction(locale) == "rtl"), **options)
    except (RenderError, InputError, MemoryError):
        raise  # MemoryError: the render's memory limit (limits.py) names it
    except Exception as exc:  # WeasyPrint raises many kinds; the user needs one line
        raise RenderError(f"layout {layout.name!r}, locale {locale!r}: rendering failed: {type(exc).__name__}: {exc}") from None


def _finisher(rtl: bool):
    """What is done to the PDF before it is written: the tags made lighter
    (_fold_text_spans) and, for a right-to-left locale, the viewer's reading order."""
    def finish(document, pdf) -> None:
        _fold_text_spans(pdf)
        if rtl:
            # /Direction /R2L: a viewer lays out facing pages and the page order right to left
            prefs = pdf.catalog.get("ViewerPreferences")
            if prefs is None:
                prefs = pdf.catalog["ViewerPreferences"] = _pydyf().Dictionary({})
            prefs["Direction"] = "/R2L"
    return finish


def _pydyf():
    # WeasyPrint's PDF writer, loaded with WeasyPrint (never at start-up)
    import pydyf

    return pydyf


_REF = re.compile(rb"^(\d+) 0 R$")


def _number(ref) -> int | None:
    m = _REF.match(ref if isinstance(ref, bytes) else str(ref).encode("ascii", "replace"))
    return int(m.group(1)) if m else None


def _fold_text_spans(pdf) -> None:
    """WeasyPrint tags every run of text as a Span of its own (a structure element
    holding one marked-content id), and an element it has no tag for as NonStruct. A
    Span or NonStruct with nothing else to say (no language, no alternative text) is
    the same as its content directly in its parent, and costs some 15 bytes a line:
    each is replaced by its content in its parent (its children and the ParentTree
    updated to match), and the objects renumbered. This halves the tags' weight."""
    pydyf = _pydyf()
    objects = pdf.objects
    root = pdf.catalog.get("StructTreeRoot")
    if root is None:
        return
    parent_tree = objects[_number(objects[_number(root)]["ParentTree"])]
    folded: dict[int, bytes] = {}
    for obj in reversed(objects):  # children were made after their parents: they fold first
        if not (isinstance(obj, pydyf.Dictionary) and obj.get("Type") == "/StructElem"
                and obj.get("S") in ("/Span", "/NonStruct") and set(obj) <= {"Type", "S", "K", "Pg", "P"}):
            continue
        parent = objects[_number(obj["P"])]
        marks = [kid for kid in obj["K"] if isinstance(kid, int)]
        if parent.get("Type") != "/StructElem" or (marks and parent.get("Pg") != obj.get("Pg")):
            continue  # its content is on another page than its parent's: it says which
        kids = parent["K"]
        at = kids.index(obj.reference)
        kids[at:at + 1] = list(obj["K"])
        for kid in obj["K"]:
            if not isinstance(kid, int):
                child = objects[_number(kid)]
                if "P" in child:
                    child["P"] = parent.reference
        folded[obj.number] = parent.reference
    if not folded:
        return

    def holder(ref):
        while _number(ref) in folded:
            ref = folded[_number(ref)]
        return ref

    nums = parent_tree["Nums"]
    for i in range(1, len(nums), 2):  # [page, [struct element of each marked-content id], ..., annotation, element]
        if isinstance(nums[i], list):
            nums[i][:] = [holder(ref) for ref in nums[i]]
        else:
            nums[i] = holder(nums[i])
    _renumber(pdf, set(folded))


def _renumber(pdf, dropped: set[int]) -> None:
    """Drop the objects numbered ``dropped`` and number the others again, each
    reference to them rewritten (WeasyPrint holds references as b"N 0 R", and the
    page tree its kids as [N, 0, "R"])."""
    pydyf = _pydyf()
    kept = [obj for obj in pdf.objects if obj.number not in dropped]
    new = {obj.number: i for i, obj in enumerate(kept)}

    def fix(value):
        if isinstance(value, (bytes, str)):
            n = _number(value)
            return value if n is None else f"{new[n]} 0 R".encode("ascii")
        if isinstance(value, dict):
            for key in value:
                value[key] = fix(value[key])
        elif isinstance(value, list):
            value[:] = [fix(item) for item in value]
        return value

    for obj in kept:
        fix(obj.extra if isinstance(obj, pydyf.Stream) else obj)
    kids = pdf.pages["Kids"]
    for i in range(0, len(kids), 3):
        kids[i] = new[kids[i]]
    pdf.objects[:] = kept
    for i, obj in enumerate(kept):
        obj.number = i
