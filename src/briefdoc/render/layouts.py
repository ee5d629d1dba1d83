"""Layouts: folders holding layout.toml, a Jinja2 template and CSS.

Built-in layouts are the shipped layouts/ folder (package data; the repository's
top-level layouts/ in a checkout), beside the shared base template; a user's folder
of layouts (``--layouts-dir``) is searched first."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from ..model.errors import InputError
from ..model.resources import LAYOUTS, data_dir

# The PDF variants a layout or a user may ask for (WeasyPrint's names); "none" is plain PDF.
PDF_VARIANTS = ("none", "pdf/a-1b", "pdf/a-2b", "pdf/a-3b", "pdf/a-2u", "pdf/a-3u", "pdf/ua-1")
PAGE_SIZES = {"A4", "A5", "A3", "Letter", "Legal", "B5"}
# page_size = "locale": the paper of the locale's territory (Letter for en_US, fr_CA,
# es_MX..., A4 elsewhere and for a locale without territory: i18n.page_size).
LOCALE_PAGE_SIZE = "locale"
# What a layout shows: one article's brief, or a dossier of several articles (a brief
# given to a dossier layout is shown as a dossier of one article).
KINDS = ("brief", "dossier")


@dataclass(frozen=True)
class Layout:
    """A print layout: its name, description, page size and files."""

    name: str
    description: str
    page_size: str
    path: Path
    template: str = "template.html.j2"
    stylesheet: str = "style.css"
    builtin: bool = True
    pdf_variant: str = "none"
    max_pages: int = 0  # 0: no limit; else the layout tightens (fit levels) until it fits
    max_pages_strict: bool = False  # fail when even the tightest fit has more pages
    limits: dict = field(default_factory=dict, hash=False, compare=False)  # [limits] in layout.toml
    kind: str = "brief"  # KINDS

    def paper(self, locale_page_size: str) -> str:
        """The page size to print on, given the locale's paper (i18n.page_size)."""
        return locale_page_size if self.page_size == LOCALE_PAGE_SIZE else self.page_size

    @property
    def files(self) -> list[Path]:
        """Every file the layout is made of (for cache keys)."""
        return sorted(p for p in self.path.rglob("*") if p.is_file())


def _load(folder: Path, builtin: bool) -> Layout:
    meta_path = folder / "layout.toml"
    try:
        meta = tomllib.loads(meta_path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"{meta_path}: not valid TOML ({exc}); fix the file") from None
    name = str(meta.get("name") or folder.name)
    page_size = str(meta.get("page_size", "A4"))
    if page_size not in PAGE_SIZES | {LOCALE_PAGE_SIZE}:
        raise InputError(f"{meta_path}: page_size {page_size!r} is not one of {', '.join(sorted(PAGE_SIZES))} "
                         f"or {LOCALE_PAGE_SIZE!r} (the locale's paper)")
    pdf_variant = str(meta.get("pdf_variant", "none"))
    if pdf_variant not in PDF_VARIANTS:
        raise InputError(f"{meta_path}: pdf_variant {pdf_variant!r} is not one of {', '.join(PDF_VARIANTS)}")
    limits = meta.get("limits", {})
    if not isinstance(limits, dict) or not all(isinstance(v, int) and v >= 0 for v in limits.values()):
        raise InputError(f"{meta_path}: [limits] must map names to whole numbers (e.g. quotes = 3)")
    kind = str(meta.get("kind", "brief"))
    if kind not in KINDS:
        raise InputError(f"{meta_path}: kind {kind!r} is not one of {', '.join(KINDS)}")
    max_pages = meta.get("max_pages", 0)
    if not isinstance(max_pages, int) or max_pages < 0:
        raise InputError(f"{meta_path}: max_pages must be a whole number (0 for no limit)")
    layout = Layout(
        name=name,
        description=str(meta.get("description", "")),
        page_size=page_size,
        path=folder.resolve(),
        template=str(meta.get("template", "template.html.j2")),
        stylesheet=str(meta.get("stylesheet", "style.css")),
        builtin=builtin,
        pdf_variant=pdf_variant,
        max_pages=max_pages,
        max_pages_strict=bool(meta.get("max_pages_strict", False)),
        limits=dict(limits),
        kind=kind,
    )
    for f in (layout.template, layout.stylesheet):
        if not (folder / f).is_file():
            raise InputError(f"{folder}: layout {name!r} has no {f}; add it or fix layout.toml")
    return layout


def discover(extra_dirs: tuple[Path, ...] | list[Path] = ()) -> dict[str, Layout]:
    """All layouts by name: user folders first (they may override built-ins)."""
    found: dict[str, Layout] = {}
    for root, builtin in [*((Path(d), False) for d in extra_dirs), (data_dir(LAYOUTS), True)]:
        if not root.is_dir():
            raise InputError(f"{root}: no such layouts folder; check --layouts-dir")
        # A user may point at one layout folder or at a folder of layouts.
        candidates = [root] if (root / "layout.toml").is_file() else sorted(p for p in root.iterdir() if (p / "layout.toml").is_file())
        for folder in candidates:
            layout = _load(folder, builtin)
            found.setdefault(layout.name, layout)
    return found


def get(name: str, extra_dirs: tuple[Path, ...] | list[Path] = ()) -> Layout:
    layouts = discover(extra_dirs)
    if name not in layouts:
        raise InputError(f"unknown layout {name!r}; available: {', '.join(sorted(layouts))}")
    return layouts[name]
