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

from fontTools.ttLib import TTFont

from ..model.errors import RenderError

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
