"""What a template sees: the brief, the localizer, content translation, the
positions grouped by party, the quotes worth showing, the timeline graphic and the
print CSS that depends on the locale and the layout."""

from __future__ import annotations

import bisect
import datetime as dt
import os
import re
from dataclasses import dataclass

import pyphen

from ..localize.localizer import Localizer, css_string
from ..localize.locales import direction
from ..localize.translator import ContentTranslator, Translated
from ..model.brief import LANGUAGE_TAG, Brief, Quote
from ..model.errors import InputError
from .axis import timeline_axis
from .layouts import Layout
from .selection import KINDS, Plan, Ranking, as_plan, select, telling_order

# A PDF without SOURCE_DATE_EPOCH nor a publication date is dated from this fixed epoch.
FIXED_EPOCH = dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc)


@dataclass
class PartyPositions:
    """One party's positions, for a layout's "positions by party" section."""

    party: object  # Actor or None
    positions: list


def group_positions(brief: Brief, positions: list | None = None) -> list[PartyPositions]:
    """Positions (``positions``, default all the brief's) grouped by party (the top of
    each actor's affiliation chain), parties in order of first appearance."""
    groups: dict[str, PartyPositions] = {}
    for pos in brief.positions if positions is None else positions:
        party = brief.party(pos.actor)
        key = party.id if party else ""
        groups.setdefault(key, PartyPositions(party=party, positions=[])).positions.append(pos)
    return list(groups.values())


# Words that refer to a holder without naming it: a statement that names its holder only so
# ("He pledged ...", "his government's refusal ...") still needs the name before it.
_NOT_NAMES = frozenset("he she it they we i you his her its their our my your him them us this that".split())


def names_holder(text: str, pos) -> bool:
    """Whether a position's statement names its holder: the mention of the actor lies inside it and is
    a name or a description with one ("Azerbaijan's insistence ...", "the Azerbaijani accusations"),
    not a pronoun. A dossier's position is read through its first source."""
    src = pos.sources[0] if getattr(pos, "sources", None) else pos
    if src.actor_start is None or src.actor_end is None or not (src.start <= src.actor_start and src.actor_end <= src.end):
        return False
    words = [w.strip("’'s.,").lower() for w in text[src.actor_start:src.actor_end].split()]
    return any(w and w not in _NOT_NAMES for w in words) and any(
        c.isupper() for w in text[src.actor_start:src.actor_end].split() if w.lower() not in _NOT_NAMES for c in w[:1])


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
    """The 1-based number of the paragraph (non-empty line) holding ``offset`` (for
    many offsets into one text, ``paragraph_numbers(text)`` splits it once)."""
    return paragraph_numbers(text)(offset)


def paragraph_numbers(text: str):
    """``number(offset)``: the 1-based number of the paragraph of ``text`` holding
    ``offset``, the text split into paragraphs once."""
    starts = paragraph_starts(text)
    return lambda offset: max(1, bisect.bisect_right(starts, offset))


# --- choosing content for short layouts ----------------------------------------------

def telling_quotes(brief: Brief, n: int, max_chars: int = 0) -> list[Quote]:
    """The ``n`` most telling quotes: direct and attributed first, whole sentences
    of a readable length, speakers taken in turn, then in article order."""
    pool = [q for q in brief.quotes if (q.direct or q.mixed) and q.speaker]
    if len(pool) < n:
        pool = list(brief.quotes)
    chosen = telling_order(pool, max_chars)[:max(n, 0)]
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


# --- print CSS that depends on the locale and the layout -----------------------------

def hyphenation_languages(*langs: str) -> list[str]:
    """The languages among ``langs`` Pyphen has a dictionary for (language tags only:
    each is written into a CSS rule, :lang(...))."""
    return [lang for lang in dict.fromkeys(langs)
            if lang and re.fullmatch(LANGUAGE_TAG, lang) and pyphen.language_fallback(lang.replace("-", "_"))]


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


def limiter(layout: Layout, fit: int):
    """``limit(name)``: the layout's [limits] entry, shrunk by 15% for each ``fit`` step
    (0 when the layout sets no limit)."""

    def limit(name: str, default: int = 0) -> int:
        base = int(layout.limits.get(name, default))
        if not base:
            return 0
        return max(1, round(base * (1 - 0.15 * fit)))

    return limit


def build_context(brief: Brief, layout: Layout, locale: str, content=None, *, fit=0,
                  ranking: Ranking | None = None, attachment: str | None = None) -> dict:
    """What a template sees. ``fit``: a Plan (selection.py) or a fit level; past its
    design a layout shows the most important items (the ``ranking``, computed here
    when not given) within its [limits] shrunk to the plan's level and the plan's cap.
    ``attachment``: the name the brief's JSON is attached under (None: not attached)."""
    l10n = Localizer(locale)
    if content is None:
        content = ContentTranslator(locale, brief.article.language)
    tr = content if isinstance(content, _TrackedTranslator) else _TrackedTranslator(content)
    source_lang = brief.article.language.replace("_", "-")
    source_dir = direction(source_lang.replace("-", "_"))
    # A hyphen at the end of a left-to-right run inside a right-to-left line lands on
    # the wrong side: embedded text of the other direction is not hyphenated.
    hyph = hyphenation_languages(l10n.lang, *([source_lang] if source_dir == l10n.dir else []))
    when = pdf_datetime(brief)
    plan = as_plan(fit)
    limit = limiter(layout, plan.level)

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
        **selection_context(brief, layout, l10n, plan, ranking or Ranking(brief), attachment),
        "actor": brief.actor,
        "party": brief.party,
        "paragraph": paragraph_numbers(brief.article.text),
        "names_holder": lambda pos: names_holder(brief.article.text, pos),
        "timeline_axis": lambda events, **kw: timeline_axis(events, l10n, **kw),
        "limit": limit,
        "fit": plan.level,
        "publisher": brief.article.source or "briefdoc",
        "pdf_date": when.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "_css": {"hyphenation": hyphenation_css(hyph)},
    }


# The words a count of each kind is said with (Localizer.counted).
_COUNTED = {"key_points": "key point", "positions": "position", "quotes": "quote", "events": "event"}


def selection_context(brief: Brief, layout: Layout, l10n: Localizer, plan: Plan, ranking: Ranking,
                      attachment: str | None) -> dict:
    """The items a template shows under ``plan`` (selection.py), the brief's counts and
    what is left out."""
    sel = select(ranking, plan, limiter(layout, plan.level), limiter(layout, 0))
    left_out = sel.left_out()

    def left_out_list(kinds=KINDS):
        """ "3 key points, 12 quotes and 40 events": what is not shown, of ``kinds``."""
        return l10n.list([l10n.counted(_COUNTED[k], left_out[k]) for k in kinds if left_out.get(k)])

    def telling(n: int, max_chars: int = 0) -> list[Quote]:
        return telling_quotes(brief, n if plan.cap is None else min(n, plan.cap), max_chars)

    shown = len(sel.key_points) + len(sel.positions) + len(sel.quotes) + len(sel.events)
    return {
        "key_points": sel.key_points,
        "positions": sel.positions,
        "parties": group_positions(brief, sel.positions),
        # The quotes section holds the words in quotation marks: direct quotes, and reported content
        # that holds the speaker's own words (mixed quotes); other reported speech is among the positions.
        "direct_quotes": sel.quotes,
        "events": sel.events,
        "telling_quotes": telling,
        "counts": dict(sel.totals),
        "left_out": left_out,
        "left_out_list": left_out_list,
        "cut": sel.cut,
        # The sources appendix as running text rather than a table: past the design, or with many items.
        "compact_sources": plan.level >= 1 or shown > 40,
        "attachment": attachment,
    }
