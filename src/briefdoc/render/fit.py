"""How much of a brief fits a layout's pages, predicted before laying it out.

A layout with ``max_pages`` shows its design when that fits, else the plan
(selection.Plan: a fit level, then a cap on the items of each kind) that is
predicted to fill its pages. The prediction counts lines: each item's text over the
layout's line length ([fit] in layout.toml: ``chars_per_line``, ``lines_per_page``,
``columns``), section by section (the sections are told apart by their class:
``key-points``, ``positions``, ``quotes``, ``timeline``, ``sources``, ``cast``).
Once a document is laid out, ``Measure`` reads each section's real height from it,
and the next prediction scales each section's lines by what a line of it really took
(``Calibrated``): the second layout pass, when one is needed, is the last."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from .layouts import Layout
from .selection import Plan

# Section classes and the items of the context they show.
SECTION_KINDS = {"key-points": "key_points", "positions": "positions", "quotes": "quotes", "timeline": "events",
                 "cast": "cast", "sources": "sources"}
# The [limits] entry that cuts each kind's text (an excerpt), if the layout sets it.
CHAR_LIMITS = {"key_points": "key_point_chars", "positions": "position_chars", "quotes": "quote_chars",
               "events": "event_chars"}
# The first guess, until a layout pass measures: a layout's [fit] table overrides these.
# levels: the fit levels the layout's stylesheet tightens through (fit-ge1 ... fit-geN) before the
# layout leaves items out; shrink: the share of a section's height a level past the first saves
# (smaller type and spacing): one share a level, or a list giving the saving at levels 2, 3...
DEFAULT_FIT = {"chars_per_line": 100, "lines_per_page": 55, "columns": 1, "levels": 1, "shrink": 0}
_SECTION = re.compile(r'<section\s+class="([^"]*)"')


def fit_settings(layout: Layout) -> dict:
    """The layout's [fit] table over DEFAULT_FIT."""
    return {**DEFAULT_FIT, **{k: v for k, v in layout.fit.items() if k in DEFAULT_FIT}}


def pages_to_fill(layout: Layout) -> float:
    """The pages a prediction may fill: ``max_pages``, less, in a layout of several
    columns, all but one column of the last page (the column box of a page whose
    columns run past the first takes the page's whole height, and what follows it, the
    legend, starts a page of its own)."""
    columns = fit_settings(layout)["columns"]
    return layout.max_pages - (1 - 1 / columns if columns > 1 else 0)


def sections_in(html: str) -> set[str]:
    """The kinds of section (SECTION_KINDS values) a layout's HTML has."""
    found = set()
    for classes in _SECTION.findall(html):
        found.update(SECTION_KINDS[c] for c in classes.split() if c in SECTION_KINDS)
    return found


# --- lines, predicted from the context ---------------------------------------------------

def _text(item) -> str:
    inner = getattr(item, "item", None)  # a dossier's timeline entry
    if inner is not None:
        item = inner
    for name in ("text", "statement", "event"):
        value = getattr(item, name, None)
        if isinstance(value, str):
            return value
    return " ".join([getattr(item, "name", ""), *getattr(item, "aliases", [])])


def _lines(chars: int, per_line: float) -> int:
    return max(1, math.ceil(chars / max(per_line, 10)))


def level_scale(settings: dict, level: int) -> float:
    """The height of a line at fit ``level`` against the design's: 1 to the first level (a
    compact sources appendix), then less by ``shrink``, the share each level from the second
    to the layout's last (``levels``) saves: one share for all, or a list, one a level."""
    step = min(level, int(settings["levels"])) - 1
    if step <= 0:
        return 1.0
    shrink = settings["shrink"]
    if isinstance(shrink, list):
        return 1 - (shrink[min(step, len(shrink)) - 1] if shrink else 0)
    return 1 - shrink * step


def section_lines(ctx: dict, kinds: set[str], cpl: float, settings: dict | None = None) -> dict[str, float]:
    """Kind -> the predicted lines of its section under ``ctx`` (a template context):
    its heading and each item shown, its text cut as the layout's [limits] say, in lines
    of the design's height (``settings``: the layout's [fit], for its levels' smaller type)."""
    scale = level_scale(settings, int(ctx.get("fit") or 0)) if settings else 1.0
    return {k: v * scale for k, v in _section_lines(ctx, kinds, cpl).items()}


def _section_lines(ctx: dict, kinds: set[str], cpl: float) -> dict[str, float]:
    limit = ctx["limit"]

    def items(kind: str, width: float, extra_chars: int, extra_lines: float) -> float:
        cut = limit(CHAR_LIMITS[kind]) if kind in CHAR_LIMITS else 0
        shown = ctx.get({"quotes": "direct_quotes"}.get(kind, kind)) or []
        total = sum(_lines(min(len(_text(i)), cut or 10**9) + extra_chars, cpl * width) + extra_lines for i in shown)
        return 2.2 + total if shown else 0.0

    out = {}
    if "key_points" in kinds:
        out["key_points"] = items("key_points", 0.96, 4, 0.25)
    if "positions" in kinds:
        out["positions"] = items("positions", 0.96, 25, 0.25) + 1.6 * len(ctx.get("parties") or [])
    if "quotes" in kinds:
        out["quotes"] = items("quotes", 0.93, 2, 1.3)
    if "events" in kinds:
        out["events"] = items("events", 0.68, 0, 0.35)
    if "cast" in kinds:
        out["cast"] = items("cast", 0.6, 0, 0.4)
    if "sources" in kinds and "compact_sources" in ctx:  # a brief's appendix: a line per item, or running refs
        groups = [ctx.get(k) or [] for k in ("key_points", "positions", "direct_quotes", "events")]
        if ctx["compact_sources"]:
            out["sources"] = 3 + sum(_lines(12 + 11 * len(g), cpl) + 0.4 for g in groups if g)
        else:
            out["sources"] = 5 + sum(1.6 + 1.25 * len(g) for g in groups if g)
    return out


def source_form(ctx: dict) -> bool | None:
    """The form of a brief's sources appendix (compact or not), for calibration."""
    return ctx.get("compact_sources")


# --- heights, measured in a laid-out document ----------------------------------------------

@dataclass
class Measure:
    """What a laid-out document's pages hold: each section kind's height (CSS px), that
    of everything else (headers, timeline graphics, notes), and each page's total."""

    sections: dict = field(default_factory=dict)
    fixed: float = 0.0
    pages: list = field(default_factory=list)

    @classmethod
    def of(cls, document) -> "Measure":
        m = cls()
        for page in document.pages:
            used = [0.0]
            for child in page._page_box.children:
                if getattr(child, "element_tag", None) is not None:  # the html box (margin boxes have none)
                    m._visit(child, used)
            m.pages.append(used[0])
        return m

    def _visit(self, box, used: list) -> None:
        element = getattr(box, "element", None)
        tag = getattr(box, "element_tag", None)
        height = box.margin_height()
        if tag == "section":
            kinds = [SECTION_KINDS[c] for c in (element.get("class") or "").split() if c in SECTION_KINDS]
            graphic = _graphic_height(box)
            if kinds:
                self.sections[kinds[0]] = self.sections.get(kinds[0], 0.0) + height - graphic
                self.fixed += graphic
            else:
                self.fixed += height
            used[0] += height
            return
        children = getattr(box, "children", None)
        if children and _holds_section(box):
            for child in children:
                self._visit(child, used)
            return
        self.fixed += height
        used[0] += height

    @property
    def total(self) -> float:
        return self.fixed + sum(self.sections.values())

    def capacity(self) -> float:
        """What a page holds: the mean of the full pages (all but the last), breaks and all."""
        full = self.pages[:-1] or self.pages
        return sum(full) / len(full) if full else 0.0


def _holds_section(box) -> bool:
    for child in getattr(box, "children", None) or ():
        if getattr(child, "element_tag", None) == "section" or _holds_section(child):
            return True
    return False


def _graphic_height(box) -> float:
    """The height of the timeline graphics in ``box`` (their height does not grow with the events)."""
    total = 0.0
    for child in getattr(box, "children", None) or ():
        element = getattr(child, "element", None)
        if element is not None and "timeline-graphic" in (element.get("class") or "").split():
            total += child.margin_height()
        elif getattr(child, "children", None):
            total += _graphic_height(child)
    return total


# --- predictions ----------------------------------------------------------------------------

class Prior:
    """Pages predicted from lines alone (no layout pass yet)."""

    def __init__(self, layout: Layout, kinds: set[str]):
        self.settings = fit_settings(layout)
        self.kinds = kinds

    def pages(self, ctx: dict) -> float:
        s = self.settings
        lines = 14 + sum(section_lines(ctx, self.kinds, s["chars_per_line"], s).values())  # 14: title block, graphic
        return lines / (s["lines_per_page"] * s["columns"])


class Calibrated:
    """Pages predicted from a laid-out document: each section's lines scaled by what a
    line of that section took there (a section whose form changed, by the mean of all)."""

    def __init__(self, layout: Layout, kinds: set[str], ctx: dict, measure: Measure):
        self.settings = fit_settings(layout)
        self.cpl = self.settings["chars_per_line"]
        self.kinds = kinds
        self.measure = measure
        self.lines = section_lines(ctx, kinds, self.cpl, self.settings)
        self.form = source_form(ctx)
        measured = {k: h for k, h in measure.sections.items() if self.lines.get(k)}
        self.scale = {k: h / self.lines[k] for k, h in measured.items()}
        self.mean = (sum(measured.values()) / sum(self.lines[k] for k in measured)) if measured else 0.0
        self.unmeasured = measure.total - sum(measured.values())
        self.page = measure.capacity()

    def pages(self, ctx: dict) -> float:
        if not self.page:
            return 0.0
        lines = section_lines(ctx, self.kinds, self.cpl, self.settings)
        same_form = source_form(ctx) == self.form
        height = self.unmeasured
        for kind, n in lines.items():
            scale = self.scale.get(kind) if (kind != "sources" or same_form) else None
            height += n * (scale if scale is not None else self.mean)
        return height / self.page


def candidates(counts: int, levels: int = 1) -> list[Plan]:
    """Plans from the loosest to the tightest: the design, the fit levels to ``levels``
    (the layout's [fit] levels: its stylesheet's tighter type, all items kept; a brief that
    nearly fits, as the seed in French or Armenian, keeps them all as it always did), then
    the first level, the design's type, with fewer and fewer items of each kind
    (``counts``: the most of any kind)."""
    return [Plan(level) for level in range(max(levels, 1) + 1)] + [Plan(1, cap) for cap in range(max(counts, 1), 0, -1)]


def loosest(plans: list[Plan], fits) -> Plan:
    """The first plan in ``plans`` that ``fits`` (a predicate), else the last: the fit
    levels (all items kept) in turn, then, among the plans with fewer items (whose
    predictions shrink along the list), by bisection."""
    capped = next((i for i, p in enumerate(plans) if p.cap is not None), len(plans))
    for plan in plans[:capped]:
        if fits(plan):
            return plan
    lo, hi = capped, len(plans) - 1
    if lo > hi:
        return plans[-1]
    if fits(plans[lo]):
        return plans[lo]
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if fits(plans[mid]):
            hi = mid
        else:
            lo = mid
    return plans[hi]
