"""A dossier's content translations, through the same PO workflow as a brief's: its
content as a catalog for translators (one entry per item, the kind as msgctxt,
references ``<article id>.txt:PARAGRAPH`` for each article that reports it), and the
ContentTranslator a render uses.

A dossier's catalog is ``dossier.<locale>.po`` beside its dossier.json (or given
with --translations). Each article's own content catalog (``<stem>.<locale>.po``
beside the article) is read first: whatever its translators did for the article
serves the dossier too, and the dossier's catalog overrides it."""

from __future__ import annotations

from pathlib import Path

from babel import Locale
from babel.messages.catalog import Catalog

from ..localize.content import Item, find_catalog, messages_from, read_catalog
from ..localize.locales import negotiate
from ..localize.translator import ContentTranslator, MissingTranslationError, shorten
from ..model.dossier import Dossier
from ..model.errors import InputError


def _paragraph(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def content_items(dossier: Dossier) -> list[tuple[Item, list[tuple[str, int]]]]:
    """Every piece of the dossier a template translates with ``tr(kind, text)``, with
    its references (article id, paragraph); in the dossier's reading order."""
    texts = {a.id: a.text for a in dossier.articles}

    def refs(sources, offset_field: str = "start") -> list[tuple[str, int]]:
        return [(s.article, _paragraph(texts[s.article], getattr(s, offset_field))) for s in sources
                if getattr(s, offset_field, None) is not None]

    out: list[tuple[Item, list]] = [(Item("title", dossier.title, note="The dossier's title."), [])]
    for a in dossier.articles:
        out.append((Item("title", a.title, note=f"Headline of {a.source or a.id}."), [(a.id, 1)]))
    for k in dossier.key_points:
        out.append((Item("key point", k.text, note="A key point: a sentence of an article."), refs(k.sources)))
    for a in dossier.actors:
        out.append((Item("actor", a.name, note=f"Name of a {a.kind}" + (f" ({a.title})" if a.title else "") + "."),
                    refs(a.sources)))
        if a.title:
            out.append((Item("actor title", a.title, note=f"Title of {a.name}."), []))
    for p in dossier.positions:
        who = dossier.actor(p.actor)
        out.append((Item("position", p.statement, note=f"Position of {who.name if who else p.actor}."), refs(p.sources)))
    for q in dossier.quotes:
        who = dossier.actor(q.speaker)
        kind = "Quote" if q.direct else "Reported speech"
        out.append((Item("quote", q.text, note=f"{kind} by {who.name if who else 'an unnamed speaker'}; without "
                         "quotation marks (the layout adds the locale's)."), refs(q.sources)))
    for e in dossier.timeline:
        out.append((Item("event", e.event, note=f"Timeline event dated {' or '.join(e.dates)}."),
                    refs(e.sources, "event_start")))
    return [(i, r) for i, r in out if i.text and i.text.strip()]


def export_catalog(dossier: Dossier, locale: str, *, previous=None) -> Catalog:
    """The dossier's content as a babel Catalog for ``locale``; translations from
    ``previous`` (a Catalog) are kept for the messages that are still there."""
    loc = Locale.parse(negotiate(locale))
    catalog = Catalog(
        locale=loc, domain=None, project=f"briefdoc dossier: {dossier.title}", charset="utf-8", fuzzy=False,
        copyright_holder="briefdoc",
        header_comment=(
            f"# Content translations of the dossier {dossier.title!r} into {loc.get_display_name('en')}.\n"
            "# msgctxt is the kind of item; references are ARTICLE-ID.txt:PARAGRAPH; untranslated items are\n"
            "# shown in the source language, marked. Regenerate with 'briefdoc dossier ... --export-translations'."
        ),
    )
    for item, refs in content_items(dossier):
        locations = [(f"{aid}.txt", para) for aid, para in refs]
        existing = catalog.get(item.text, context=item.kind)
        if existing is not None:
            existing.locations.extend(r for r in locations if r not in existing.locations)
            continue
        string, flags = "", ()
        if previous is not None:
            old = previous.get(item.text, context=item.kind)
            if old is not None and old.string:
                string, flags = old.string, tuple(f for f in old.flags if f == "fuzzy")
        catalog.add(item.text, string, locations=locations, auto_comments=[item.note] if item.note else [],
                    context=item.kind, flags=flags)
    return catalog


def translator_for(dossier: Dossier, locale: str, catalog: Path | None = None, *,
                   article_files: list[Path | None] = (), use_fuzzy: bool = False,
                   require_complete: bool = False) -> ContentTranslator:
    """The ContentTranslator for rendering ``dossier`` in ``locale``: the articles' own
    catalogs (``<stem>.<locale>.po`` beside each of ``article_files``), overridden by
    the dossier's ``catalog``. With ``require_complete``, MissingTranslationError
    (exit 2) when any item would be shown untranslated."""
    messages: dict = {}
    fuzzy_used = 0
    lang = locale.replace("-", "_").split("_")[0]
    paths = [p for p in (find_catalog(Path(f), locale) for f in article_files if f is not None) if p is not None]
    if catalog is not None:
        paths.append(Path(catalog))
    for path in dict.fromkeys(paths):
        cat = read_catalog(path)
        if cat.locale is not None and cat.locale.language != lang:
            raise InputError(f"{path}: a catalog for {cat.locale}, not {locale}; give the {locale} catalog")
        found, fuzzy = messages_from(cat, use_fuzzy=use_fuzzy)
        messages.update(found)
        fuzzy_used += fuzzy
    translator = ContentTranslator(locale, dossier.language, messages, catalog_path=catalog, fuzzy_used=fuzzy_used)
    if require_complete and not translator.same_language:
        missing = untranslated(dossier, translator)
        if missing:
            where = f"in {catalog}" if catalog else "(no dossier catalog found)"
            raise MissingTranslationError(
                f"{locale}: {len(missing)} content items of the dossier have no translation {where}; first: "
                f"{missing[0].kind} {shorten(missing[0].text)!r}; translate them or drop --require-complete")
        translator.strict = True
    return translator


def untranslated(dossier: Dossier, translator: ContentTranslator) -> list[Item]:
    """The dossier's distinct content items ``translator`` cannot translate."""
    seen, out = set(), []
    for item, _ in content_items(dossier):
        key = (item.kind, item.text)
        if key in seen:
            continue
        seen.add(key)
        if not translator.same_language and translator.lookup(item.kind, item.text) is None:
            out.append(item)
    return out
