"""Several briefs into one Dossier: articles numbered by publication date, then
actors merged first (every other item refers to them), then quotes, positions, the
timeline and the key points."""

from __future__ import annotations

import datetime as dt

from ..model.brief import Brief
from ..model.dossier import Dossier, DossierArticle
from ..model.errors import InputError
from .actors import ActorMerge
from .items import merge_key_points, merge_positions, merge_quotes
from .text import slug
from .timeline import merge_timeline


def article_ids(names: list[str]) -> list[str]:
    """Ids for articles from their names (file stems): slugs, made unique."""
    taken: set[str] = set()
    out = []
    for name in names:
        base = slug(name)[:60].strip("-") or "article"
        ident, n = base, 2
        while ident in taken:
            ident, n = f"{base}-{n}", n + 1
        taken.add(ident)
        out.append(ident)
    return out


def merge(briefs: list[Brief], *, ids: list[str] | None = None, title: str | None = None) -> Dossier:
    """The dossier of ``briefs``: one brief per article, each extracted with its own
    publication date. ``ids``: the articles' ids (default a1, a2...); ``title``
    (default: the headline of the first article). Articles are listed by
    publication date, undated ones last, the given order otherwise."""
    if not briefs:
        raise InputError("a dossier needs at least one article; give the articles to merge")
    ids = list(ids) if ids is not None else [f"a{i}" for i in range(1, len(briefs) + 1)]
    if len(ids) != len(briefs) or len(set(ids)) != len(ids):
        raise InputError("each article of a dossier needs its own id; give as many distinct ids as articles")
    order = sorted(range(len(briefs)), key=lambda i: (briefs[i].article.published is None,
                                                       briefs[i].article.published or dt.date.min, i))
    pairs = [(ids[i], briefs[i]) for i in order]
    actors = ActorMerge(pairs)
    articles = [DossierArticle(id=aid, title=b.article.title, published=b.article.published, source=b.article.source,
                               url=b.article.url, language=b.article.language, text=b.article.text)
                for aid, b in pairs]
    return Dossier(
        title=title or briefs[0].article.title,
        articles=articles,
        key_points=merge_key_points(pairs),
        actors=actors.actors(),
        quotes=merge_quotes(pairs, actors),
        positions=merge_positions(pairs, actors),
        timeline=merge_timeline(pairs, actors),
    )
