"""HTML and PDF: a Brief, a layout and a locale to a document.

The HTML comes from the layout's Jinja2 template (autoescaped) and holds
everything that decides the look (CSS, page size, fonts, hyphenation, metadata),
so that ``weasyprint out.html out.pdf`` gives the same-looking PDF. The PDF comes
from WeasyPrint, which may read only the layout's own files, the shared base
folder's files and data: URIs. The same inputs give byte-identical PDFs: dates
come from SOURCE_DATE_EPOCH or the article, never from the clock."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from .brief import Brief, Event, Quote
from .errors import InputError, RenderError
from .i18n import Localizer, Translated, css_string, direction
from .layouts import BUILTIN_DIR, PDF_VARIANTS, Layout

# A PDF without SOURCE_DATE_EPOCH nor a publication date is dated from this fixed epoch.
FIXED_EPOCH = dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc)
# How many times a layout with max_pages may shrink its selection to fit.
MAX_FIT = 6


@dataclass
class PartyPositions:
    """One party's positions, for a layout's "positions by party" section."""

    party: object  # Actor or None
    positions: list


def group_positions(brief: Brief) -> list[PartyPositions]:
    """Positions grouped by party (the top of each actor's affiliation chain), parties
    in order of first appearance."""
    groups: dict[str, PartyPositions] = {}
    for pos in brief.positions:
        party = brief.party(pos.actor)
        key = party.id if party else ""
        groups.setdefault(key, PartyPositions(party=party, positions=[])).positions.append(pos)
    return list(groups.values())


# --- where an item is in the article ---------------------------------------------------

def paragraph_starts(text: str) -> list[int]:
    """Offsets at which each paragraph starts; a paragraph is a non-empty line."""
    starts, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            starts.append(pos)
        pos += len(line) + 1
    return starts


def paragraph_number(text: str, offset: int) -> int:
    """The 1-based number of the paragraph (non-empty line) holding ``offset``."""
    import bisect

    starts = paragraph_starts(text)
    return max(1, bisect.bisect_right(starts, offset))


# --- choosing content for short layouts ----------------------------------------------

def telling_quotes(brief: Brief, n: int, max_chars: int = 0) -> list[Quote]:
    """The ``n`` most telling quotes: direct and attributed first, whole sentences
    of a readable length, speakers taken in turn, then in article order."""

    def score(q: Quote) -> float:
        length = len(q.text)
        s = 0.0
        s += 3 if q.direct else 0
        s += 2 if q.speaker else 0
        s += 1 if q.text[:1].isupper() else 0  # a whole sentence, not a fragment
        s += 1 if 50 <= length <= (max_chars or 240) else 0
        s -= 2 if max_chars and length > max_chars * 1.6 else 0
        return s

    pool = [q for q in brief.quotes if q.direct and q.speaker]
    if len(pool) < n:
        pool = list(brief.quotes)
    ranked = sorted(pool, key=lambda q: (-score(q), q.start))
    chosen: list[Quote] = []
    speakers_used: dict[str | None, int] = {}
    while ranked and len(chosen) < n:
        # prefer a speaker heard least so far, then the best score
        best = min(ranked, key=lambda q: (speakers_used.get(q.speaker, 0), -score(q), q.start))
        chosen.append(best)
        ranked.remove(best)
        speakers_used[best.speaker] = speakers_used.get(best.speaker, 0) + 1
    return sorted(chosen, key=lambda q: q.start)


def excerpt(text: str, max_chars: int) -> str:
    """``text`` cut to at most ``max_chars`` at a sentence end, else at a word, with "…".
    A Translated text stays Translated (same language, direction and marks)."""
    if not max_chars or len(text) <= max_chars:
        return text
    plain = str.__str__(text)
    cut = plain[:max_chars]
    sentence = max(cut.rfind(". "), cut.rfind("! "), cut.rfind("? "), cut.rfind("。"))
    if sentence > max_chars // 2:
        short = cut[: sentence + 1].rstrip() + " …"
    else:
        word = cut.rfind(" ")
        short = (cut[:word] if word > max_chars // 2 else cut).rstrip(" ,;:") + "…"
    if isinstance(text, Translated):
        return Translated(short, translated=text.translated, original=text.original,
                          **{k: getattr(text, k) for k in ("lang", "how", "rtl_document") if hasattr(text, k)})
    return short


def plain(value) -> str:
    """The text alone, for attributes and <title> (a Translated's HTML marks dropped)."""
    return "" if value is None else str.__str__(value) if isinstance(value, str) else str(value)


# --- the timeline graphic ------------------------------------------------------------

def date_range(value: str) -> tuple[dt.date, dt.date]:
    """The first and last day a timeline date ("2023", "2023-02", "2023-02-28",
    "2023-W09", "2023-Q1") covers."""
    from .brief import date_bounds

    return date_bounds(value)


@dataclass
class Mark:
    """An event on the timeline graphic: its number in the table, where its date
    falls (percent of the axis from the inline start) and its label's lane."""

    number: int
    event: Event
    label: str
    start: float
    end: float
    lane: int
    style: Markup  # position of the mark and label (physical sides, mirrored for RTL)
    span_style: Markup
    anchor_end: bool


@dataclass
class TimelineAxis:
    marks: list[Mark]
    ticks: list[tuple[Markup, str]]  # (style, label)
    lanes: int


def sorted_events(events: list[Event]) -> list[Event]:
    return sorted(events, key=lambda e: (date_range(e.date)[0], e.start))


def timeline_axis(events: list[Event], l10n: Localizer, *, width_mm: float = 170, font_pt: float = 7.5,
                  lane_mm: float = 4.2) -> TimelineAxis:
    """Place events on an axis by date. Labels (number and date) go in lanes so that
    none overlaps another; everything is positioned in HTML, mirrored for RTL."""
    events = sorted_events(events)
    if not events:
        return TimelineAxis([], [], 0)
    ranges = [date_range(e.date) for e in events]
    lo = min(r[0] for r in ranges)
    hi = max(r[1] for r in ranges)
    span_days = max((hi - lo).days, 30)
    pad = 0.02

    def pct(d: dt.date) -> float:
        return 100 * (pad + (1 - 2 * pad) * (d - lo).days / span_days)

    start_side, end_side = ("right", "left") if l10n.dir == "rtl" else ("left", "right")
    char_mm = font_pt * 0.3528 * 0.56  # average advance of a character
    # Labels on the first half of the axis run towards the end, on the second half
    # towards the start; placing each half from the middle outwards keeps leaders
    # from crossing labels.
    items = []
    for i, (e, (a, b)) in enumerate(zip(events, ranges), 1):
        label = f"{l10n.number(i)} · {l10n.partial_date(e.date)}"
        width = 100 * (len(label) * char_mm + 2.5) / width_mm
        x0, x1 = pct(a), pct(b)
        xa = (x0 + x1) / 2  # a day, or the middle of a month or year
        anchor_end = xa > 50 and xa - width >= 0 or xa + width > 100
        items.append((i, e, label, width, xa, x0, x1, anchor_end))
    order = sorted((it for it in items if not it[7]), key=lambda it: -it[4]) + sorted(
        (it for it in items if it[7]), key=lambda it: it[4])
    boxes: list[tuple[int, float, float]] = []  # (lane, from, to) taken by labels
    leaders: list[tuple[int, float]] = []  # (lane, x): a leader crosses every lane below its own
    placed = {}
    gap = 0.6
    for i, e, label, width, x, x0, x1, anchor_end in order:
        lo_edge, hi_edge = (x - width, x) if anchor_end else (x, x + width)

        def free(lane: int, strict: bool = True) -> bool:
            if any(k == lane and lo_edge - gap < t and f < hi_edge + gap for k, f, t in boxes):
                return False  # the label would overlap another label
            if not strict:
                return True
            if any(k < lane and f + 0.3 < x < t - 0.3 for k, f, t in boxes):
                return False  # the leader would cross a label below
            return not any(k > lane and lo_edge + 0.3 < lx < hi_edge - 0.3 for k, lx in leaders)

        lanes_range = range(len(events) + 1)
        lane = next((k for k in lanes_range if free(k)), None)
        if lane is None:
            lane = next(k for k in lanes_range if free(k, strict=False))
        boxes.append((lane, lo_edge, hi_edge))
        leaders.append((lane, x))
        height = f"height: {(lane + 1) * lane_mm:.1f}mm; bottom: 0"
        if anchor_end:
            style = f"{end_side}: {100 - x:.2f}%; {height}"
        else:
            style = f"{start_side}: {x:.2f}%; {height}"
        span_style = f"{start_side}: {x0:.2f}%; width: {max(x1 - x0, 0):.2f}%"
        placed[i] = Mark(i, e, label, x0, x1, lane, Markup(style), Markup(span_style), anchor_end)
    marks = [placed[k] for k in sorted(placed)]
    lanes = 1 + max((k for k, _, _ in boxes), default=0)
    ticks = []
    for year in range(lo.year, hi.year + 2):
        d = dt.date(year, 1, 1)
        if lo <= d <= hi:
            ticks.append((Markup(f"{start_side}: {pct(d):.2f}%"), l10n.partial_date(str(year))))
    return TimelineAxis(marks, ticks, lanes)


# --- print CSS that depends on the locale and the layout -----------------------------

def hyphenation_languages(*langs: str) -> list[str]:
    """The languages among ``langs`` Pyphen has a dictionary for."""
    import pyphen

    return [lang for lang in dict.fromkeys(langs) if lang and pyphen.language_fallback(lang.replace("-", "_"))]


def hyphenation_css(langs: list[str]) -> str:
    """``hyphens: auto`` for the languages Pyphen knows, none elsewhere."""
    css = "html { hyphens: manual; }\n"
    if langs:
        css += ", ".join(f":lang({lang})" for lang in langs) + " { hyphens: auto; }\n"
    # Titles and headings are never broken at a hyphen.
    css += "h1, h2, h3, h1 *, h2 *, h3 * { hyphens: manual; }\n"
    return css


def page_css(layout: Layout, l10n: Localizer, running_date: str) -> str:
    """@page: the layout's size (or the locale's paper), a running header (title, date) from page 2 on and
    the localized "page X of Y" footer; header sides mirrored for RTL."""
    start, end = ("right", "left") if l10n.dir == "rtl" else ("left", "right")
    return (
        f"@page {{ size: {layout.paper(l10n.page_size)};\n"
        f"  @top-{start} {{ content: string(doctitle); }}\n"
        f"  @top-{end} {{ content: {css_string(running_date)}; }}\n"
        f"  @bottom-center {{ content: {l10n.page_footer_css()}; }}\n"
        "}\n"
        f"@page :first {{ @top-{start} {{ content: none; }} @top-{end} {{ content: none; }} }}\n"
    )


def pdf_datetime(brief: Brief) -> dt.datetime:
    """The PDF's date: SOURCE_DATE_EPOCH when set, else the article's publication
    date, else a fixed epoch; never the clock, so that builds are reproducible."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc)
        except (ValueError, OverflowError):
            raise InputError(f"SOURCE_DATE_EPOCH={epoch!r} is not a number of seconds; unset it or fix it") from None
    if brief.article.published:
        return dt.datetime.combine(brief.article.published, dt.time(), tzinfo=dt.timezone.utc)
    return FIXED_EPOCH


# --- content translation, tracked ----------------------------------------------------

class _TrackedTranslator:
    """Wraps the ContentTranslator: each (kind, text) is asked once per render, and
    whether anything came back untranslated is known for the legend."""

    def __init__(self, inner):
        self._inner = inner
        self._seen: dict = {}

    def __call__(self, kind, text):
        key = (kind, text)
        if key not in self._seen:
            self._seen[key] = self._inner(kind, text)
        return self._seen[key]

    @property
    def untranslated(self) -> bool:
        return any(not getattr(t, "translated", True) for t in self._seen.values())

    def __getattr__(self, name):
        return getattr(self._inner, name)


# --- HTML ----------------------------------------------------------------------------

def _inside(path: Path, folder: Path) -> bool:
    """Whether ``path``, symlinks followed, lies in ``folder``."""
    real, root = Path(path).resolve(), Path(folder).resolve()
    return real == root or root in real.parents


def _ConfinedLoader(searchpath):
    """A FileSystemLoader that refuses a template whose real path (symlinks
    followed) leaves its search folder: a layout reads only its own files."""
    import jinja2

    class ConfinedLoader(jinja2.FileSystemLoader):
        def get_source(self, environment, template):
            source, filename, uptodate = super().get_source(environment, template)
            if not any(_inside(filename, root) for root in self.searchpath):
                raise jinja2.TemplateNotFound(template, f"{template} points outside the layout folder")
            return source, filename, uptodate

    return ConfinedLoader(searchpath)


_UNSAFE_ATTRIBUTES = {"parse_file", "parse_raw", "from_orm", "model_construct", "load", "merge", "add", "mro"}


def _sandbox_class():
    """Jinja2's immutable sandbox, also closed to the filesystem: no attribute of a
    path (``layout.path.joinpath('/etc/passwd').read_text()``), class or module, and
    none of the few model methods that read files or mutate shared state."""
    import types
    from pathlib import PurePath

    from jinja2.sandbox import ImmutableSandboxedEnvironment

    class LayoutSandbox(ImmutableSandboxedEnvironment):
        def is_safe_attribute(self, obj, attr, value):
            if isinstance(obj, (PurePath, type, types.ModuleType)) or attr in _UNSAFE_ATTRIBUTES:
                return False
            return super().is_safe_attribute(obj, attr, value)

    return LayoutSandbox


@functools.lru_cache(maxsize=16)
def _environment(layout: Layout):
    """The Jinja2 environment of a layout, built once per process (templates are
    compiled once; gettext translations are installed per render)."""
    import jinja2

    loader = _ConfinedLoader([str(layout.path), str(BUILTIN_DIR)])
    # Layouts come from other teams: templates run sandboxed (no __class__, __globals__...).
    env = _sandbox_class()(
        loader=loader,
        autoescape=True,
        extensions=["jinja2.ext.i18n"],
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["excerpt"] = excerpt
    env.filters["plain"] = plain
    return env


def build_context(brief: Brief, layout: Layout, locale: str, content=None, *, fit: int = 0) -> dict:
    """What a template sees. ``fit`` > 0 shrinks the layout's [limits] (for layouts
    that must fit a page count)."""
    from .i18n import ContentTranslator

    l10n = Localizer(locale)
    if content is None:
        content = ContentTranslator(locale, brief.article.language)
    tr = content if isinstance(content, _TrackedTranslator) else _TrackedTranslator(content)
    text = brief.article.text
    source_lang = brief.article.language.replace("_", "-")
    source_dir = direction(source_lang.replace("-", "_"))
    # A hyphen at the end of a left-to-right run inside a right-to-left line lands on
    # the wrong side: embedded text of the other direction is not hyphenated.
    hyph = hyphenation_languages(l10n.lang, *([source_lang] if source_dir == l10n.dir else []))
    when = pdf_datetime(brief)

    def limit(name: str, default: int = 0) -> int:
        base = int(layout.limits.get(name, default))
        if not base:
            return 0
        return max(1, round(base * (1 - 0.15 * fit)))

    return {
        "tr": tr,
        "brief": brief,
        "article": brief.article,
        "layout": layout,
        "l10n": l10n,
        "lang": l10n.lang,
        "dir": l10n.dir,
        "source_lang": source_lang,
        "source_dir": source_dir,
        "source_language": l10n.language_name(brief.article.language),
        "hyphenate": l10n.lang in hyph,
        "parties": group_positions(brief),
        "actor": brief.actor,
        "party": brief.party,
        "events": sorted_events(brief.timeline),
        # Reported speech is shown among the positions; the quotes section holds the
        # words in quotation marks.
        "direct_quotes": [q for q in brief.quotes if q.direct],
        "telling_quotes": lambda n, max_chars=0: telling_quotes(brief, n, max_chars),
        "paragraph": lambda offset: paragraph_number(text, offset),
        "timeline_axis": lambda events, **kw: timeline_axis(events, l10n, **kw),
        "limit": limit,
        "fit": fit,
        "publisher": brief.article.source or "briefdoc",
        "pdf_date": when.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "_css": {"hyphenation": hyphenation_css(hyph)},
    }


def render_html(brief: Brief, layout: Layout, locale: str, *, content=None, inline_css: bool = True,
                fit: int | None = None) -> str:
    """The brief as HTML. With ``inline_css`` the layout's CSS is placed in a <style>
    element, so the file stands alone. ``fit``: how far to shrink the selection of a
    layout with ``max_pages``; None finds the least shrinking that fits (this lays the
    document out with WeasyPrint)."""
    if fit is None:
        if layout.max_pages:
            return _fitted(brief, layout, locale, content)[0]
        fit = 0
    return _render_html(brief, layout, locale, content=content, inline_css=inline_css, fit=fit)


def _render_html(brief, layout, locale, *, content=None, inline_css=True, fit=0) -> str:
    import jinja2

    from . import fonts

    env = _environment(layout)
    ctx = build_context(brief, layout, locale, content, fit=fit)
    l10n = ctx["l10n"]
    env.install_gettext_translations(l10n.translations, newstyle=True)
    css_path = layout.path / layout.stylesheet
    if not _inside(css_path, layout.path):
        raise RenderError(f"{layout.path / 'layout.toml'}: stylesheet {layout.stylesheet!r} points outside the layout folder; keep it in the folder")
    try:
        css = css_path.read_text(encoding="utf-8") if inline_css else ""
    except (OSError, UnicodeDecodeError) as exc:
        raise RenderError(f"{css_path}: cannot read the stylesheet ({exc}); save it as UTF-8 in the layout folder") from None
    running_date = l10n.date_long(brief.article.published) if brief.article.published else ""
    # Markup: CSS must not be HTML-escaped (quotes would become &#34; and drop font rules);
    # values inside it are CSS-escaped with css_string.
    ctx["font_css"] = Markup(fonts.font_css(locale))
    ctx["print_css"] = Markup(page_css(layout, l10n, running_date) + ctx["_css"]["hyphenation"])
    ctx["inline_css"] = Markup(css.replace("</", "<\\/"))
    ctx["page_footer_css"] = Markup(l10n.page_footer_css())
    try:
        template = env.get_template(layout.template)
        html = template.render(**ctx, untranslated_legend=False)
        if ctx["tr"].untranslated:
            html = template.render(**ctx, untranslated_legend=True)
        return html
    except jinja2.TemplateSyntaxError as exc:
        where = exc.filename or layout.template
        raise RenderError(f"{where}:{exc.lineno}: template syntax error: {exc.message}; fix the layout") from None
    except jinja2.TemplateError as exc:
        raise RenderError(f"{layout.path / layout.template}: template error: {exc}; fix the layout") from None


# --- PDF -----------------------------------------------------------------------------

def load_weasyprint():
    """``import weasyprint``, with its shared libraries found in one read of the
    linker's cache.

    WeasyPrint opens GObject, Pango, HarfBuzz and fontconfig by trying several names
    for each ("libgobject-2.0-0", "gobject-2.0-0", "gobject-2.0", ...); for every name
    that is not a file, cffi asks ``ctypes.util.find_library``, which on Linux runs
    ``ldconfig -p`` and then, on a miss, ``gcc`` and ``ld``: some twenty processes and
    0.2 s of every start. While WeasyPrint is imported, find_library answers from one
    ``ldconfig -p`` read with the same match as CPython's, and a name the cache does not
    know is a miss (WeasyPrint goes on to the next name, ending with the plain
    "libpango-1.0.so.0" that dlopen finds on its own). Without ldconfig, nothing changes."""
    import sys

    if "weasyprint" in sys.modules:
        return sys.modules["weasyprint"]
    import ctypes.util

    original = ctypes.util.find_library
    finder = _ldconfig_finder() if sys.platform.startswith("linux") else None
    if finder is not None:
        ctypes.util.find_library = finder
    try:
        import weasyprint
    finally:
        ctypes.util.find_library = original
    _open_arrays_in_font_subsetting()
    return weasyprint


class _OpenArrayFFI:
    """WeasyPrint's cffi object as its font subsetting sees it, with one difference:
    ``new("T[N]", items)`` with N items is ``new("T[]", items)``, the same array.

    The subsetting asks for ``hb_codepoint_t[N]`` with N the glyph count of each font,
    and cffi parses every new type string with pycparser (about 2.5 ms, cached per
    string): some 75 parses and 0.2 s of CPU over the 18 renders of a seed, for arrays
    that differ only in length. ``T[]`` is one type, parsed once."""

    def __init__(self, ffi):
        self._ffi = ffi

    def __getattr__(self, name):
        return getattr(self._ffi, name)

    def new(self, cdecl, init=None):
        if isinstance(cdecl, str) and cdecl.endswith("]") and init is not None:
            base, _, count = cdecl[:-1].partition("[")
            if count.isdigit() and base.isidentifier() and hasattr(init, "__len__") and len(init) == int(count):
                return self._ffi.new(base + "[]", init)
        return self._ffi.new(cdecl, init)


def _open_arrays_in_font_subsetting() -> None:
    try:
        from weasyprint.pdf import fonts as pdf_fonts
    except ImportError:
        return
    if not isinstance(pdf_fonts.__dict__.get("ffi"), _OpenArrayFFI) and "ffi" in pdf_fonts.__dict__:
        pdf_fonts.ffi = _OpenArrayFFI(pdf_fonts.ffi)


def _ldconfig_finder():
    """A find_library that reads ``ldconfig -p`` once; None when ldconfig cannot be run."""
    import re
    import struct
    import subprocess

    try:
        listing = subprocess.run(["/sbin/ldconfig", "-p"], stdin=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                 stdout=subprocess.PIPE, env={"LC_ALL": "C", "LANG": "C"}, timeout=10,
                                 check=True).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    # the ABI tag CPython's ctypes.util matches on (glibc's ldconfig -p)
    machine = os.uname().machine + ("-32" if struct.calcsize("l") == 4 else "-64")
    abi = {"x86_64-64": "libc6,x86-64", "ppc64-64": "libc6,64bit", "sparc64-64": "libc6,64bit",
           "s390x-64": "libc6,64bit", "ia64-64": "libc6,IA-64"}.get(machine, "libc6")

    def find_library(name: str) -> str | None:
        found = re.search(os.fsencode(r"\s+(lib%s\.[^\s]+)\s+\(%s" % (re.escape(name), abi)), listing)
        return os.fsdecode(found.group(1)) if found else None

    return find_library


def _weasy_document(html: str, layout: Layout):
    weasyprint = load_weasyprint()
    try:
        return weasyprint.HTML(string=html, base_url=str(layout.path) + os.sep, url_fetcher=_fetcher(layout)).render(
            font_config=_font_config())
    except Exception as exc:  # also reached from render_html (fitting): one line, exit 3
        raise RenderError(f"layout {layout.name!r}: laying out the document failed: {type(exc).__name__}: {exc}") from None


@functools.lru_cache(maxsize=1)
def _font_config():
    """One font configuration per process: fontconfig's font list is read once, not
    for every PDF (layouts declare no @font-face, so nothing is document-specific)."""
    load_weasyprint()
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()


def _fitted(brief, layout, locale, content):
    """(html, laid-out document) with the least shrinking of the layout's selection
    that keeps it within ``max_pages``."""
    for fit in range(MAX_FIT + 1):
        html = _render_html(brief, layout, locale, content=content, fit=fit)
        document = _weasy_document(html, layout)
        if not layout.max_pages or len(document.pages) <= layout.max_pages:
            return html, document
    if not layout.max_pages_strict:
        return html, document  # as tight as the layout goes; more pages than hoped for
    raise RenderError(
        f"layout {layout.name!r}: the brief does not fit in {layout.max_pages} page(s) even with the "
        f"smallest selection ({len(document.pages)} pages); shorten the title or key points, or use another layout")


def render_pdf(brief: Brief, layout: Layout, locale: str, *, content=None, variant: str | None = None,
               attach_json: bool = True) -> bytes:
    """The brief as PDF bytes. ``content`` is an i18n.ContentTranslator (default:
    no content translations); ``variant`` a PDF variant ("pdf/a-3b", "pdf/ua-1",
    "none"; default: the layout's ``pdf_variant``). The brief's JSON is attached as
    brief.json (unless the variant forbids attachments). Raises RenderError naming
    the character and the locale when a glyph would be missing."""
    Attachment = load_weasyprint().Attachment

    from . import __version__, fonts
    from .briefio import dumps

    variant = variant if variant is not None else layout.pdf_variant
    if variant in ("", "none"):
        variant = None
    if variant is not None and variant not in PDF_VARIANTS:
        raise InputError(f"--pdf-variant {variant!r}: choose one of {', '.join(PDF_VARIANTS)}")
    try:
        with fonts.no_missing_glyphs(locale, layout.name):
            html, document = _fitted(brief, layout, locale, content)
            when = pdf_datetime(brief).replace(tzinfo=None)
            options = {
                "pdf_variant": variant,
                "pdf_identifier": hashlib.md5(
                    "\0".join([html, str(variant), __version__, _weasyprint_version()]).encode("utf-8"),
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
    except (RenderError, InputError):
        raise
    except Exception as exc:  # WeasyPrint raises many kinds; the user needs one line
        raise RenderError(f"layout {layout.name!r}, locale {locale!r}: rendering failed: {type(exc).__name__}: {exc}") from None


def _weasyprint_version() -> str:
    return load_weasyprint().__version__


def _fetcher(layout: Layout):
    """A URL fetcher that serves the layout folder's files, the shared base folder's
    own files (not other layouts') and data: URIs, nothing else."""
    weasyprint = load_weasyprint()
    root = layout.path.resolve()
    base = BUILTIN_DIR.resolve()

    class LayoutOnlyFetcher(weasyprint.URLFetcher):
        def fetch(self, url, headers=None):
            from urllib.parse import unquote, urlparse

            parsed = urlparse(url)
            if parsed.scheme == "data":
                return super().fetch(url, headers)
            if parsed.scheme == "file":
                path = Path(unquote(parsed.path)).resolve()
                if path == root or root in path.parents or path.parent == base:
                    return super().fetch(url, headers)
            raise ValueError(f"briefdoc does not fetch {url!r}: only the layout's own files and data: URIs")

    return LayoutOnlyFetcher()


def write_atomic(path: Path, data: bytes | str) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename
    (``cache.write_atomic``), so that a reader never sees half a file; a path that
    cannot be written is one clear InputError."""
    from .cache import write_atomic as _write

    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        what = "is a file, not a folder" if folder.exists() else "output folder does not exist"
        raise InputError(f"{folder}: {what}; create the folder or choose another -o")
    if path.is_dir():
        raise InputError(f"{path}: is a folder; give a file name for the output (-o {path / path.name}.pdf)")
    try:
        _write(path, data)
    except OSError as exc:  # no permission, a full disk, a read-only mount
        raise InputError(f"{path}: cannot write ({exc.strerror or exc}); free some space or choose another output folder") from None
