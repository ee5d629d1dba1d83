"""Layouts: folders holding layout.toml, a Jinja2 template and CSS.

Built-in layouts are the shipped layouts/ folder (package data; the repository's
top-level layouts/ in a checkout), beside the shared base template; a user's folder
of layouts (``--layouts-dir``) is searched first."""

from __future__ import annotations

import os
import re
import stat
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
# [fit]: a layout's line length in characters, lines on a page, and columns (fit.py).
FIT_KEYS = ("chars_per_line", "lines_per_page", "columns", "levels", "shrink")


def _fit_value(key: str, value) -> bool:
    if key == "shrink" and isinstance(value, list):
        return len(value) <= 10 and all(_fit_value("shrink", v) for v in value)
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        return False
    if key == "shrink":
        return 0 <= value <= 0.5
    if key == "levels":
        return isinstance(value, int) and 1 <= value <= 10
    return 0 < value <= 10_000


# A layout's name is one path segment (it names output files: <layout>.<locale>.pdf):
# letters, digits, "_", "-" and ".", starting with a letter or digit, no "..".
_NAME = re.compile(r"[^\W_][\w.-]{0,63}")
NAME_RULE = "1 to 64 letters, digits, '_', '-' or '.', starting with a letter or digit, without '..'"
# The files of a layout are small text and images; a bigger one is a mistake (or an
# attack: each is read, and hashed for the build cache).
MAX_FILE_BYTES = 20_000_000
MAX_FILES = 1000


def valid_name(name: str) -> bool:
    """Whether ``name`` can name a layout: one path segment, see NAME_RULE."""
    return bool(_NAME.fullmatch(name)) and ".." not in name


def inside(path: Path, folder: Path) -> bool:
    """Whether ``path``, symlinks followed, lies in ``folder``."""
    try:
        real, root = Path(path).resolve(), Path(folder).resolve()
    except (OSError, RuntimeError):  # a symlink loop
        return False
    return real == root or root in real.parents


def read_file(folder: Path, name: str, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of the layout file ``name`` in ``folder``; OSError (strerror says
    what) when it leaves the folder (symlinks followed), is not a regular file (a
    FIFO, a device, /proc/self/mem) or is over ``limit`` bytes."""
    path = Path(folder) / name
    if not inside(path, folder):
        raise OSError(0, "it points outside the layout folder; keep it in the folder")
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)  # a FIFO must not block the open
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise OSError(0, "not a regular file; give a file")
        if st.st_size > limit:
            raise OSError(0, f"{st.st_size / 1e6:.0f} MB is over the {limit / 1e6:.0f} MB limit for a layout file")
        with os.fdopen(os.dup(fd), "rb") as fh:
            data = fh.read(limit + 1)
        if len(data) > limit:  # a file that says it is empty (/proc) and is not
            raise OSError(0, f"over the {limit / 1e6:.0f} MB limit for a layout file")
        return data
    finally:
        os.close(fd)


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
    max_pages: int = 0  # 0: no limit; else past it the layout shows fewer items (html.fitted)
    max_pages_strict: bool = False  # fail when even the selection predicted to fit has more pages
    limits: dict = field(default_factory=dict, hash=False, compare=False)  # [limits] in layout.toml
    kind: str = "brief"  # KINDS
    # [fit] in layout.toml: the first guess of how much fits a page (fit.py), before a layout pass measures
    fit: dict = field(default_factory=dict, hash=False, compare=False)
    # The folder of the shared templates (base.html.j2, _macros.html.j2) the layout may extend or
    # include; None: the shipped layouts folder. A build's worker on a cluster gets them from the build.
    shared: Path | None = None

    @property
    def shared_dir(self) -> Path:
        return self.shared if self.shared is not None else data_dir(LAYOUTS)

    def paper(self, locale_page_size: str) -> str:
        """The page size to print on, given the locale's paper (i18n.page_size)."""
        return locale_page_size if self.page_size == LOCALE_PAGE_SIZE else self.page_size

    @property
    def files(self) -> list[Path]:
        """Every file the layout is made of (for cache keys): its regular files, links
        to files in the folder included, links out of it not (nothing outside the
        folder is read). InputError for a folder of more than MAX_FILES files or a
        file over MAX_FILE_BYTES: they would be read whole to hash them."""
        found = []
        for dirpath, _dirs, names in os.walk(self.path):
            for name in names:
                p = Path(dirpath) / name
                try:
                    st = p.stat()
                except OSError:
                    continue
                if not stat.S_ISREG(st.st_mode) or not inside(p, self.path):
                    continue
                if st.st_size > MAX_FILE_BYTES:
                    raise InputError(f"{p}: {st.st_size / 1e6:.0f} MB is over the {MAX_FILE_BYTES / 1e6:.0f} MB limit "
                                     f"for a file of layout {self.name!r}; make it smaller or move it out of the layout folder")
                found.append(p)
                if len(found) > MAX_FILES:
                    raise InputError(f"{self.path}: layout {self.name!r} has more than {MAX_FILES} files; "
                                     "keep only the layout's own files in its folder")
        return sorted(found)


def _load(folder: Path, builtin: bool) -> Layout:
    meta_path = folder / "layout.toml"
    try:
        raw = read_file(folder, "layout.toml", limit=1_000_000)
    except OSError as exc:
        raise InputError(f"{meta_path}: cannot be read ({exc.strerror or exc})") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{meta_path}: not UTF-8 text (byte {exc.start}); save it as UTF-8") from None
    try:
        meta = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"{meta_path}: not valid TOML ({exc}); fix the file") from None
    except RecursionError:
        raise InputError(f"{meta_path}: nested too deeply to be a layout.toml; fix the file") from None
    name = str(meta.get("name") or folder.name)
    if not valid_name(name):
        raise InputError(f"{meta_path}: name {name[:80]!r} is not a layout name ({NAME_RULE}); rename it")
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
    fit = meta.get("fit", {})
    if not isinstance(fit, dict) or not all(k in FIT_KEYS and _fit_value(k, v) for k, v in fit.items()):
        raise InputError(f"{meta_path}: [fit] may set {', '.join(FIT_KEYS)}: numbers from 1 to 10000, levels a whole "
                         "number from 1 to 10, shrink a share from 0 to 0.5 or a list of them (e.g. chars_per_line = 100)")
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
        fit=dict(fit),
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
