"""Fonts: the explicit font stacks per script, the CSS that names them, and the
checks that no character comes out as a missing glyph (``briefdoc doctor``).

Faces are named explicitly: a generic family (serif, sans-serif) silently falls
back to DejaVu through fontconfig, and a character no face in the stack has would
be printed as an empty box (.notdef)."""

from __future__ import annotations

import logging
import subprocess
import unicodedata
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache

from .errors import RenderError

# The faces for each script, best first; DejaVu is the last resort for any script.
SERIF = {
    "latin": ["Noto Serif"],
    "cyrillic": ["Noto Serif"],
    "armenian": ["Noto Serif Armenian", "Noto Sans Armenian"],
    "arabic": ["Noto Naskh Arabic", "Noto Sans Arabic"],
}
SANS = {
    "latin": ["Noto Sans"],
    "cyrillic": ["Noto Sans"],
    "armenian": ["Noto Sans Armenian", "Noto Serif Armenian"],
    "arabic": ["Noto Sans Arabic", "Noto Naskh Arabic"],
}
FALLBACK = {"serif": ["DejaVu Serif", "DejaVu Sans"], "sans": ["DejaVu Sans"]}

# The script a locale's text is written in (default: latin).
LOCALE_SCRIPT = {"ru": "cyrillic", "uk": "cyrillic", "be": "cyrillic", "bg": "cyrillic", "sr": "cyrillic",
                 "hy": "armenian", "ar": "arabic", "fa": "arabic", "ur": "arabic"}


def script_of(locale: str) -> str:
    return LOCALE_SCRIPT.get(locale.replace("-", "_").split("_")[0], "latin")


def stack(locale: str, kind: str = "serif") -> list[str]:
    """The font families for text in ``locale``: the locale's own script first (its
    digits and punctuation then come from the same face), then Latin (content left
    in the source language), then the other scripts, then DejaVu."""
    table = SERIF if kind == "serif" else SANS
    own = script_of(locale)
    order = [own, "latin"] + [s for s in table if s not in (own, "latin")]
    families: list[str] = []
    for script in order:
        for fam in table[script]:
            if fam not in families:
                families.append(fam)
    return families + [f for f in FALLBACK[kind] if f not in families]


def css_family(families: list[str]) -> str:
    return ", ".join(f'"{f}"' for f in families)


def font_css(locale: str) -> str:
    """CSS custom properties --serif and --sans with the locale's stacks, and the
    body text in the serif stack. Layouts use ``font-family: var(--sans)``."""
    return (
        f":root {{ --serif: {css_family(stack(locale, 'serif'))}; --sans: {css_family(stack(locale, 'sans'))}; }}\n"
        f"html {{ font-family: {css_family(stack(locale, 'serif'))}; }}\n"
    )


# --- what fontconfig has -------------------------------------------------------------

@dataclass
class FontFile:
    family: str
    path: str
    style: str


@lru_cache(maxsize=None)
def installed_faces() -> dict[str, list[FontFile]]:
    """Installed faces by family name, from ``fc-list``."""
    try:
        out = subprocess.run(["fc-list", "--format", "%{family[0]}\t%{file}\t%{style[0]}\n"],
                             capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return {}
    faces: dict[str, list[FontFile]] = {}
    for line in out.splitlines():
        parts = line.split("\t")
        if len(parts) == 3:
            faces.setdefault(parts[0], []).append(FontFile(*parts))
    return faces


@lru_cache(maxsize=None)
def _cmap(path: str) -> frozenset[int]:
    from fontTools.ttLib import TTFont

    try:
        font = TTFont(path, lazy=True, fontNumber=0)
        return frozenset(font.getBestCmap() or {})
    except Exception:
        return frozenset()


def regular_file(family: str) -> str | None:
    """The file of the family's regular face (or any face), if installed."""
    faces = installed_faces().get(family, [])
    for f in faces:
        if f.style in ("Regular", "Book", "Normal"):
            return f.path
    return faces[0].path if faces else None


def covering_font(ch: str, families: list[str]) -> str | None:
    """The first family in ``families`` that has a glyph for ``ch`` (as Pango picks)."""
    for fam in families:
        path = regular_file(fam)
        if path and ord(ch) in _cmap(path):
            return fam
    return None


def _ignorable(ch: str) -> bool:
    # Spaces, controls and formatting marks (ZWJ, bidi marks) are not drawn as glyphs.
    return ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf", "Zs", "Zl", "Zp")


@dataclass
class Coverage:
    """Which font renders which characters of a text, and which it cannot."""

    by_font: dict[str, str] = field(default_factory=dict)  # family -> the characters it renders
    missing: str = ""

    def add(self, ch: str, fam: str | None) -> None:
        if fam is None:
            if ch not in self.missing:
                self.missing += ch
        elif ch not in self.by_font.setdefault(fam, ""):
            self.by_font[fam] += ch


def coverage(text: str, families: list[str]) -> Coverage:
    cov = Coverage()
    for ch in sorted(set(text)):
        if not _ignorable(ch):
            cov.add(ch, covering_font(ch, families))
    return cov


def describe(ch: str) -> str:
    return f"U+{ord(ch):04X} {unicodedata.name(ch, '?')} ({ch!r})"


# --- missing glyphs while rendering --------------------------------------------------

class _GlyphLog(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.missing: list[str] = []

    def emit(self, record):
        if record.msg.startswith(".notdef glyph") and len(record.args) >= 2:
            ch = record.args[0]
            if ch not in self.missing:
                self.missing.append(ch)


@contextmanager
def no_missing_glyphs(locale: str, layout_name: str):
    """Fail with RenderError naming the character (U+XXXX) and the locale when
    WeasyPrint draws a .notdef glyph (a character no installed face has)."""
    logger = logging.getLogger("weasyprint")
    handler = _GlyphLog()
    logger.addHandler(handler)
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
    if handler.missing:
        chars = ", ".join(describe(c) for c in handler.missing[:5])
        raise RenderError(
            f"locale {locale!r}, layout {layout_name!r}: missing glyph for {chars}: no installed font has it; "
            f"install a font that does (e.g. a Noto face for that script) or remove the character")


# --- briefdoc doctor -----------------------------------------------------------------

def locale_sample(locale: str) -> str:
    """Text a brief in ``locale`` prints besides its content: the UI catalog's
    translations, month and day names, digits and the quotation marks."""
    from babel import Locale

    from .i18n import Localizer, ui_translations

    loc = Locale.parse(locale)
    parts = list(loc.months["format"]["wide"].values()) + list(loc.days["format"]["wide"].values())
    l10n = Localizer(locale)
    parts += [l10n.number(1234567.89), l10n.quote("x"), l10n.partial_date("2023-02-28"), l10n.date_long(__import__("datetime").date(2023, 2, 28))]
    catalog = getattr(ui_translations(locale), "_catalog", {}) or {}
    for value in catalog.values():
        parts.extend(value if isinstance(value, (list, tuple)) else [value])
    return "\n".join(str(p) for p in parts)


def pdf_fonts(pdf: bytes) -> list[str]:
    """The font names embedded in a PDF (subset prefix removed)."""
    import io

    from pypdf import PdfReader

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
    import io

    from pypdf import PdfReader

    from .errors import BriefdocError
    from .render import render_pdf

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
