"""What a dossier layout's template sees: the dossier, its articles numbered as in
its sources table, each item's sources as labels (article number and paragraph),
the selection each section shows within the layout's page budget, positions by
party, and the merged timeline with its graphic. A Brief given to a dossier layout
is shown as the dossier of its one article."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from types import SimpleNamespace

from ..localize.localizer import Localizer
from ..localize.locales import direction
from ..localize.translator import ContentTranslator
from ..model.brief import Brief, date_bounds
from ..model.dossier import Dossier, DossierEvent
from .axis import timeline_axis
from .context import (
    _TrackedTranslator, hyphenation_css, hyphenation_languages, limiter, names_holder, paragraph_numbers, pdf_datetime,
)
from .layouts import Layout
from .selection import as_plan


def as_dossier(source: Brief | Dossier) -> Dossier:
    return source if isinstance(source, Dossier) else Dossier.from_brief(source)


def dossier_datetime(dossier: Dossier) -> dt.datetime:
    """The PDF's date, as for a brief (SOURCE_DATE_EPOCH, else the publication date,
    else a fixed epoch), from the latest of the articles' publication dates."""
    # pdf_datetime reads brief.article.published only
    return pdf_datetime(SimpleNamespace(article=SimpleNamespace(published=dossier.published)))


@dataclass
class Ref:
    """One source of an item, as a label: the article's number in the sources table
    and the paragraph the item is in there."""

    number: int
    paragraph: int
    article: str


@dataclass
class PartyPositions:
    party: object  # DossierActor or None
    positions: list


@dataclass
class TimelineEntry:
    """A timeline entry as the graphic places it (``date``: its first date,
    ``start``: its order) with the merged event."""

    date: str
    start: int
    item: DossierEvent


def _most_reported(items: list, n: int) -> list:
    """The ``n`` items most articles report (all when ``n`` is 0), in their order."""
    if not n or len(items) <= n:
        return list(items)
    keep = set(sorted(range(len(items)), key=lambda i: (-len(items[i].sources), i))[:n])
    return [item for i, item in enumerate(items) if i in keep]


def dossier_context(source: Brief | Dossier, layout: Layout, locale: str, content=None, *, fit=0) -> dict:
    """What a dossier template sees. ``fit``: a Plan (selection.py) or a fit level; its
    level shrinks the layout's [limits], its cap bounds each section's count."""
    plan = as_plan(fit)
    dossier = as_dossier(source)
    l10n = Localizer(locale)
    if content is None:
        content = ContentTranslator(locale, dossier.language)
    tr = content if isinstance(content, _TrackedTranslator) else _TrackedTranslator(content)
    source_lang = dossier.language.replace("_", "-")
    source_dir = direction(source_lang.replace("-", "_"))
    hyph = hyphenation_languages(l10n.lang, *([source_lang] if source_dir == l10n.dir else []))
    when = dossier_datetime(dossier)
    limit = limiter(layout, plan.level)
    numbers = {a.id: i for i, a in enumerate(dossier.articles, 1)}
    paragraphs = {a.id: paragraph_numbers(a.text) for a in dossier.articles}  # each text split once
    texts = {a.id: a.text for a in dossier.articles}
    outlets = list(dict.fromkeys(a.source for a in dossier.articles if a.source))
    return {
        "tr": tr,
        "dossier": dossier,
        "brief": dossier,  # the base template lists brief.actors and titles the document with article.title
        "article": dossier,
        "articles": [(numbers[a.id], a) for a in dossier.articles],
        "layout": layout,
        "l10n": l10n,
        "lang": l10n.lang,
        "dir": l10n.dir,
        "source_lang": source_lang,
        "source_dir": source_dir,
        "source_language": l10n.language_name(dossier.language),
        "hyphenate": l10n.lang in hyph,
        **_selection(dossier, limit, plan.cap),
        "counts": {"key_points": len(dossier.key_points), "actors": len(dossier.actors),
                   "quotes": sum(1 for q in dossier.quotes if q.direct), "positions": len(dossier.positions),
                   "events": len(dossier.timeline)},
        "actor": dossier.actor,
        "party": dossier.party,
        "refs": lambda item: _refs(item, paragraphs, numbers),
        "names_holder": lambda pos: names_holder(texts[pos.sources[0].article], pos),
        "dated_sources": lambda event: _dated_sources(event, numbers),
        "timeline_axis": lambda events, **kw: timeline_axis(events, l10n, **kw),
        "limit": limit,
        "fit": plan.level,
        "running_date": _running_date(dossier, l10n),
        "publisher": l10n.list(outlets) if outlets else "briefdoc",
        "pdf_date": when.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "_css": {"hyphenation": hyphenation_css(hyph)},
    }


def _selection(dossier: Dossier, limit, cap: int | None = None) -> dict:
    """The items the layout shows within its limits (and at most ``cap`` of each): the
    most reported first."""

    def most(items: list, name: str) -> list:
        n = limit(name)
        return _most_reported(items, n if cap is None else min(n or len(items), cap))

    quotes = sorted((q for q in dossier.quotes if q.direct), key=lambda q: -len(q.sources))
    quotes = most(quotes, "quotes")
    positions = most(dossier.positions, "positions")
    groups: dict[str, PartyPositions] = {}
    for pos in positions:
        party = dossier.party(pos.actor)
        groups.setdefault(party.id if party else "", PartyPositions(party, [])).positions.append(pos)
    events = most(dossier.timeline, "events")
    cast = [a for a in dossier.actors if a.kind == "person"] + [a for a in dossier.actors if a.kind != "person"]
    cast = sorted(cast, key=lambda a: (a.kind != "person", -len({s.article for s in a.sources})))
    return {
        "key_points": most(dossier.key_points, "key_points"),
        "cast": most(cast, "actors"),
        "parties": list(groups.values()),
        "positions": positions,
        "direct_quotes": quotes,
        "events": [TimelineEntry(e.dates[0], i, e) for i, e in enumerate(events)],
    }


def _refs(item, paragraphs: dict, numbers: dict) -> list[Ref]:
    """The item's sources as labels, in the order of the sources table (``paragraphs``:
    article id -> its paragraph_numbers)."""
    out = []
    for s in item.sources:
        offset = getattr(s, "event_start", None)
        offset = s.start if offset is None else offset
        para = paragraphs[s.article](offset) if offset is not None else 0
        out.append(Ref(numbers[s.article], para, s.article))
    return sorted(out, key=lambda r: (r.number, r.paragraph))


def _dated_sources(event: DossierEvent, numbers: dict) -> list[tuple[str, list[int]]]:
    """For an entry whose reports differ: each date and the articles that give it."""
    out = []
    for d in event.dates:
        lo, hi = date_bounds(d)
        nums = sorted({numbers[s.article] for s in event.sources
                       if date_bounds(s.date)[0] <= hi and lo <= date_bounds(s.date)[1]})
        out.append((d, nums))
    return out


def _running_date(dossier: Dossier, l10n: Localizer) -> str:
    """The running header's date: the dossier's span of publication dates."""
    first = min((a.published for a in dossier.articles if a.published), default=None)
    last = dossier.published
    if first and last and first != last:
        return l10n.date_long(first) + " – " + l10n.date_long(last)
    return l10n.date_long(last) if last else ""
