"""Content translation catalogs: a brief's translatable content as a PO catalog
(one entry per item, the item's kind as message context, the source text as
msgid, its place in the article as reference), and the ContentTranslator that
a translated catalog makes for rendering.

    briefdoc translate update SEED --locale ru   # SEED_STEM.ru.po beside the seed, started or merged
    (translate it with any PO editor)
    briefdoc render SEED --locale ru             # finds it; so does rendering the seed's brief JSON

A seed's catalogs live beside it: seeds/<stem>.<locale>.po; merging (pofiles.merge)
never loses a translation: changed messages become fuzzy, removed ones obsolete."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from glob import escape as glob_escape
from pathlib import Path

from babel import Locale
from babel.messages.catalog import Catalog
from babel.messages.pofile import PoFileError

from ..model.errors import InputError, one_line
from ..model.files import write_output
from . import pofiles
from .locales import _parse_tag, fallback_chain
from .pofiles import now
from .sentences import split_sentences
from .translator import CONTENT_KINDS, ContentTranslator, MissingTranslationError, shorten

SENTENCE = "sentence"
# Where references point: the article's text, paragraph (line) numbers from 1.
REFERENCE_FILE = "article.txt"


@dataclass(frozen=True)
class Item:
    """One piece of translatable content: its kind (the message context), its
    source text, where it is in the article and a note for the translator."""

    kind: str
    text: str
    start: int | None = None
    end: int | None = None
    note: str = ""


def _paragraph(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _mention(text: str, names: list[str]) -> tuple[int | None, int | None]:
    """The first place in ``text`` where one of ``names`` occurs as a word."""
    best = None
    for name in names:
        if not name:
            continue
        m = re.search(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), m.end())
    return best if best else (None, None)


def content_items(brief) -> list[Item]:
    """Every piece of the brief a template translates with ``tr(kind, text)``, in
    reading order of the brief (title, key points, actors, positions, quotes,
    timeline); one Item per occurrence."""
    text = brief.article.text
    items: list[Item] = [Item("title", brief.article.title, note="The article's title.")]
    for k in brief.key_points:
        items.append(Item("key point", k.text, k.start, k.end, "A key point: a sentence of the article."))
    for a in brief.actors:
        s, e = _mention(text, [a.name, *a.aliases])
        items.append(Item("actor", a.name, s, e, f"Name of a {a.kind}" + (f" ({a.title})" if a.title else "") + "."))
        if a.title:
            items.append(Item("actor title", a.title, *_mention(text, [a.title]), note=f"Title of {a.name}."))
    for p in brief.positions:
        who = brief.actor(p.actor)
        quoted = "; the holder's own words, without quotation marks (the layout adds the locale's)" if p.direct else ""
        items.append(Item("position", p.statement, p.start, p.end, f"Position of {who.name if who else p.actor}{quoted}."))
    for q in brief.quotes:
        who = brief.actor(q.speaker)
        by = who.name if who else "an unnamed speaker"
        if q.direct:
            note = f"Quote by {by}; without quotation marks (the layout adds the locale's)."
        elif q.mixed:
            note = (f"Reported speech by {by} holding their own words in quotation marks: keep those marks "
                    "(in the locale's style) around the same words.")
        else:
            note = f"Reported speech by {by}."
        items.append(Item("quote", q.text, q.start, q.end, note))
    for e in brief.timeline:
        items.append(Item("event", e.reads, e.event_start, e.event_end, f"Timeline event dated {e.date} ({e.expression!r})."))
    return [i for i in items if i.text and i.text.strip()]


_QUOTED = re.compile(r"“([^“”]+)”")


def extra_items(text: str) -> list[Item]:
    """Entries that keep a catalog useful when the extractors change: every
    sentence of the article (context "sentence"; a translator composes items
    that are whole sentences from them) and every passage between quotation
    marks (context "quote")."""
    items = [Item(SENTENCE, text[s:e], s, e, "A sentence of the article (used for any item that is whole sentences).")
             for s, e in split_sentences(text)]
    for m in _QUOTED.finditer(text):
        items.append(Item("quote", m.group(1), m.start(1), m.end(1), "A passage in quotation marks; translate without the marks."))
    return items


def _header_comment(brief, loc: Locale | None, source_name: str | None) -> str:
    what = f"{source_name or 'a brief'} ({brief.article.title})"
    first = (f"# Content translations of {what} into {loc.get_display_name('en')}." if loc is not None
             else f"# Translation template for the content of {what}.")
    return (first + "\n"
            "# msgctxt is the kind of item; references are article.txt:PARAGRAPH; untranslated\n"
            "# items are shown in the source language, marked. Bring it up to date with the\n"
            "# article with 'briefdoc translate update' (see TRANSLATORS.md).")


def export_catalog(brief, locale: str | None, *, sentences: bool = False, source_name: str | None = None):
    """The brief's content as a babel Catalog for ``locale`` (None: a template,
    POT): one untranslated message per (kind, text), the kind as msgctxt,
    paragraph references; with ``sentences``, also every sentence of the article
    and every passage in quotation marks (see extra_items)."""
    loc = Locale.parse(locale) if locale is not None else None
    created = now()
    catalog = Catalog(
        locale=loc,
        domain=None,
        header_comment=_header_comment(brief, loc, source_name),
        project=f"briefdoc content: {source_name or brief.article.title}",
        version=brief.article.published.isoformat() if brief.article.published else None,
        copyright_holder=brief.article.source or "briefdoc",
        creation_date=created,
        revision_date=created,
        charset="utf-8",
        fuzzy=False,
    )
    text = brief.article.text
    all_items = content_items(brief) + (extra_items(text) if sentences else [])
    for item in all_items:
        refs = [(REFERENCE_FILE, _paragraph(text, item.start))] if item.start is not None else []
        existing = catalog.get(item.text, context=item.kind)
        if existing is not None:
            for ref in refs:
                if ref not in existing.locations:
                    existing.locations.append(ref)
            continue
        comments = [item.note] if item.note else []
        if item.start is not None:
            comments.append(f"chars {item.start}-{item.end}")
        catalog.add(item.text, "", locations=refs, auto_comments=comments, context=item.kind)
    return catalog


def has_sentences(catalog) -> bool:
    """Whether ``catalog`` holds the article's sentences (context "sentence"), live or obsolete."""
    return catalog is not None and any(m.context == SENTENCE for m in [*catalog, *catalog.obsolete.values()])


def write_catalog(catalog, path: Path | None = None, *, template: bool = False) -> bytes:
    """The catalog as PO bytes (POT with ``template``), written atomically to
    ``path`` when given."""
    data = pofiles.dumps(catalog, width=0, template=template)
    if path is not None:
        write_output(Path(path), data)
    return data


def read_catalog(path: Path, locale: str | None = None, data: bytes | None = None):
    """A content catalog read from ``path`` (or parsed from ``data``, the bytes of the
    file ``path`` names, read elsewhere); InputError (one line) when it is not one."""
    p = Path(path)
    if data is None and not p.is_file():
        raise InputError(f"{p}: no such content catalog; check the path, or start one with 'briefdoc translate update'")
    try:
        return pofiles.read(pofiles.read_bytes(p) if data is None else data, locale=locale, abort_invalid=True)
    except pofiles.CatalogTooLarge as exc:
        raise InputError(f"{p}: {exc}; is this the right file?") from None
    except LookupError as exc:  # the header's charset= names no encoding Python knows
        raise InputError(f"{p}: the catalog declares a charset Python does not know ({exc}); "
                         "declare charset=UTF-8 in its header and save it as UTF-8") from None
    except UnicodeDecodeError as exc:
        raise InputError(f"{p}: not text in the charset its header declares ({exc.encoding}, byte {exc.start}); "
                         "declare charset=UTF-8 in its header and save it as UTF-8") from None
    except (PoFileError, ValueError) as exc:
        raise InputError(f"{p}: not a valid PO catalog ({one_line(exc)}); fix it or export it again") from None
    except OSError as exc:
        raise InputError(f"{p}: cannot be read ({exc.strerror or exc}); check its permissions") from None


def catalog_sources(source_path: Path | None, brief=None) -> list[Path]:
    """Where a brief's content catalogs live: beside ``source_path`` (the seed, or
    the brief JSON), then beside the seed the brief JSON remembers
    (``article.seed``, relative to the JSON's folder)."""
    if source_path is None:
        return []
    source_path = Path(source_path)
    out = [source_path]
    seed = getattr(getattr(brief, "article", None), "seed", None)
    if seed:
        remembered = Path(os.path.normpath(source_path.parent / seed))
        if remembered != source_path:
            out.append(remembered)
    return out


def find_catalog(source_path: Path | None, locale: str, brief=None) -> Path | None:
    """The content catalog for ``locale`` beside a brief or seed, or beside the seed
    the brief remembers: <stem>.<locale>.po, trying "fr_CA" then "fr"."""
    for source in catalog_sources(source_path, brief):
        for candidate in fallback_chain(locale):
            path = source.with_name(f"{source.stem}.{candidate}.po")
            if path.is_file():
                return path
    return None


def catalog_locales(source_path: Path | None, brief=None) -> dict[str, Path]:
    """locale -> catalog for every <stem>.<locale>.po beside the source or its seed
    (the first found for a locale wins, as find_catalog takes it)."""
    found: dict[str, Path] = {}
    for source in catalog_sources(source_path, brief):
        if not source.parent.is_dir():
            continue
        prefix = source.stem + "."
        for path in sorted(source.parent.glob(f"{glob_escape(prefix)}*.po")):
            tag = path.name[len(prefix):-3]
            loc = _parse_tag(tag)
            if loc is not None and str(loc) == tag and tag not in found:
                found[tag] = path
    return found


def new_catalog_path(source_path: Path, locale: str, brief=None) -> Path:
    """Where a new catalog for ``locale`` goes: beside the seed (the one a brief
    JSON remembers, when it is there), else beside ``source_path``."""
    sources = catalog_sources(source_path, brief)
    home = sources[-1] if len(sources) > 1 and sources[-1].is_file() else Path(source_path)
    return home.with_name(f"{home.stem}.{locale}.po")


def messages_from(catalog, *, use_fuzzy: bool = False) -> tuple[dict, int]:
    """(kind, source text) -> translation for the usable entries of ``catalog``,
    and how many fuzzy entries were used. Obsolete entries count too, below the
    live ones: an item the current extraction no longer finds (a reviewed brief
    JSON may keep it) still has the translation it was given, text for text."""
    messages: dict[tuple[str, str], str] = {}
    fuzzy_used = 0
    for m in [*catalog.obsolete.values(), *catalog]:
        if not m.id or not isinstance(m.id, str) or not m.string or not isinstance(m.string, str):
            continue
        if m.fuzzy:
            if not use_fuzzy:
                continue
            fuzzy_used += 1
        messages[(m.context or "", m.id)] = m.string
    return messages, fuzzy_used


def translator_for(brief, locale: str, source_path: Path | str | None = None, translations: Path | str | None = None,
                   use_fuzzy: bool = False, require_complete: bool = False,
                   shipped: tuple[Path | str | None, bytes | None] | None = None) -> ContentTranslator:
    """The ContentTranslator for rendering ``brief`` in ``locale``: from the
    catalog ``translations`` or, when None, the one beside ``source_path``
    (<stem>.<locale>.po) or beside the seed the brief remembers. With ``require_complete``, raises
    MissingTranslationError (exit code 2) when any content item would fall back
    to the source text; without, such items are marked and counted in
    ``translator.missing`` (see ``translator.report()``). ``shipped``: the catalog
    found and read already, (its path, its bytes), or (None, None) for none (a build
    on a cluster ships it to the worker): no file is looked for or read."""
    source_language = brief.article.language or "en"
    if shipped is not None:
        path, data = (Path(shipped[0]), shipped[1]) if shipped[0] is not None else (None, None)
    else:
        path, data = Path(translations) if translations is not None else find_catalog(source_path, locale, brief), None
    messages: dict = {}
    fuzzy_used = 0
    if path is not None:
        catalog = read_catalog(path, data=data)
        if catalog.locale is not None and catalog.locale.language != locale.replace("-", "_").split("_")[0]:
            raise InputError(f"{path}: a catalog for {catalog.locale}, not {locale}; give the {locale} catalog")
        messages, fuzzy_used = messages_from(catalog, use_fuzzy=use_fuzzy)
    translator = ContentTranslator(locale, source_language, messages, catalog_path=path, fuzzy_used=fuzzy_used)
    if require_complete and not translator.same_language:
        missing = untranslated(brief, translator)
        if missing:
            first = missing[0]
            total = len({(i.kind, i.text) for i in content_items(brief)})
            where = f"in {path}" if path else f"(no {stem_hint(source_path, locale)} found)"
            raise MissingTranslationError(
                f"{locale}: {len(missing)} of {total} content items have no translation {where}; "
                f"first: {first.kind} {shorten(first.text)!r}; translate them or drop --require-complete"
            )
        translator.strict = True
    return translator


def stem_hint(source_path, locale: str) -> str:
    if source_path is None:
        return f"content catalog for {locale}"
    p = Path(source_path)
    return str(p.with_name(f"{p.stem}.{locale}.po"))


def untranslated(brief, translator: ContentTranslator) -> list[Item]:
    """The brief's distinct content items that ``translator`` cannot translate."""
    seen, out = set(), []
    for item in content_items(brief):
        key = (item.kind, item.text)
        if key in seen:
            continue
        seen.add(key)
        if not translator.same_language and translator.lookup(item.kind, item.text) is None:
            out.append(item)
    return out


@dataclass
class Coverage:
    """How much of a brief's content one locale translates."""

    locale: str
    total: int
    translated: int
    catalog: Path | None
    missing: list

    @property
    def percent(self) -> float:
        return 100.0 * self.translated / self.total if self.total else 100.0


def coverage(brief, locale: str, source_path: Path | None = None, translations: Path | None = None,
             use_fuzzy: bool = False) -> Coverage:
    """The share of the brief's distinct content items that have a translation in ``locale``."""
    tr = translator_for(brief, locale, source_path, translations, use_fuzzy=use_fuzzy)
    items = {(i.kind, i.text): i for i in content_items(brief)}
    missing = [] if tr.same_language else untranslated(brief, tr)
    return Coverage(locale, len(items), len(items) - len(missing), tr.catalog_path, missing)


__all__ = [
    "CONTENT_KINDS", "Coverage", "Item", "MissingTranslationError", "content_items", "coverage", "export_catalog",
    "catalog_locales", "catalog_sources", "extra_items", "find_catalog", "has_sentences", "messages_from",
    "new_catalog_path", "read_catalog", "translator_for", "untranslated", "write_catalog",
]
