"""``briefdoc doctor``: for each layout and locale, render a brief and report the
embedded fonts, which face of the stack renders the locale's characters, and any
character no installed face has."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

from babel import Locale
from pypdf import PdfReader

from ..localize.localizer import Localizer
from ..localize.ui import ui_translations
from ..model.brief import Actor, Article, Brief, Event, KeyPoint, Quote
from ..model.errors import BriefdocError
from .fonts import coverage, describe, stack
from .pdf import render_pdf


def locale_sample(locale: str) -> str:
    """Text a brief in ``locale`` prints besides its content: the UI catalog's
    translations, month and day names, digits and the quotation marks."""
    loc = Locale.parse(locale)
    parts = list(loc.months["format"]["wide"].values()) + list(loc.days["format"]["wide"].values())
    l10n = Localizer(locale)
    parts += [l10n.number(1234567.89), l10n.quote("x"), l10n.partial_date("2023-02-28"), l10n.date_long(dt.date(2023, 2, 28))]
    catalog = getattr(ui_translations(locale), "_catalog", {}) or {}
    for value in catalog.values():
        parts.extend(value if isinstance(value, (list, tuple)) else [value])
    return "\n".join(str(p) for p in parts)


def pdf_fonts(pdf: bytes) -> list[str]:
    """The font names embedded in a PDF (subset prefix removed)."""
    names: set[str] = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        fonts = (page.get("/Resources") or {}).get("/Font") or {}
        for ref in fonts.values():
            name = str(ref.get_object().get("/BaseFont", ""))
            names.add(name.lstrip("/").split("+", 1)[-1])
    return sorted(names)


@dataclass
class DoctorRow:
    locale: str
    layout: str
    fonts: list[str]
    by_font: dict[str, str]
    missing: str
    error: str = ""
    pages: int = 0
    size: int = 0


def doctor(brief, layouts, locales) -> list[DoctorRow]:
    """For each layout and locale: render ``brief`` and report the embedded fonts,
    which stack face renders the locale's characters and any missing glyph."""
    rows = []
    for lay in layouts:
        for loc in locales:
            sample = locale_sample(loc) + "\n" + brief.article.title
            cov = coverage(sample, stack(loc, "serif"))
            row = DoctorRow(loc, lay.name, [], cov.by_font, cov.missing)
            try:
                pdf = render_pdf(brief, lay, loc)
                row.fonts = pdf_fonts(pdf)
                row.pages = len(PdfReader(io.BytesIO(pdf)).pages)
                row.size = len(pdf)
            except BriefdocError as exc:
                row.error = str(exc)
            rows.append(row)
    return rows


def format_doctor(rows: list[DoctorRow]) -> tuple[str, bool]:
    """The doctor's report and whether everything is fine."""
    lines, ok = [], True
    for r in rows:
        status = "ok" if not (r.error or r.missing) else "FAIL"
        ok = ok and status == "ok"
        lines.append(f"{r.layout:<8} {r.locale:<5} {status:<4} {r.pages} page(s), {r.size / 1024:.1f} KB; embedded: {', '.join(r.fonts) or '-'}")
        for fam, chars in r.by_font.items():
            letters = "".join(c for c in chars if c.isalpha())
            shown = letters[:24] + ("…" if len(letters) > 24 else "")
            lines.append(f"    {fam}: {len(chars)} characters{(' (' + shown + ')') if shown else ''}")
        if r.missing:
            lines.append(f"    no face in the stack has: {', '.join(describe(c) for c in r.missing)}")
        if r.error:
            lines.append(f"    {r.error}")
    return "\n".join(lines), ok


def sample_brief() -> Brief:
    """A small brief to render when ``doctor`` is given no article: one item of each
    kind, in English. The locale's own script comes from its UI catalog, month and
    day names, digits and quotation marks (locale_sample)."""
    text = "The font check prints every script. “Nothing may print as a box,” the team said on 28 February 2023."
    said, unsaid = text.index("Nothing"), text.index("”")
    date = text.index("28 February")
    return Brief(
        article=Article(title="briefdoc font check", text=text, published=dt.date(2023, 2, 28)),
        key_points=[KeyPoint(start=0, end=text.index(".") + 1, text=text[: text.index(".") + 1])],
        actors=[Actor(id="team", name="The team", kind="group")],
        quotes=[Quote(start=said, end=unsaid, text=text[said:unsaid], speaker="team", cue="said")],
        timeline=[Event(start=date, end=len(text) - 1, expression=text[date:-1], date="2023-02-28",
                        event=text[said:-1], event_start=said, event_end=len(text) - 1)],
    )
