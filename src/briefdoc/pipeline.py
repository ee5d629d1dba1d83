"""The pipeline's stages composed: a Brief from a seed or its JSON, and the commands
that read, extract and localize in one go (``translate export``, ``translate update``,
``translate status``, ``locales``, the locale a ``render`` may use). The CLI parses
options and calls these; the stages never import this."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from babel import Locale

from .localize import catalogs, pofiles, ui
from .localize.content import (
    catalog_locales, catalog_sources, coverage, export_catalog, find_catalog, has_sentences,
    new_catalog_path, read_catalog, write_catalog,
)
from .localize.locales import SOURCE_LOCALE, _parse_tag, canonical, negotiate, resolve, shipped_locales
from .localize.translator import MissingTranslationError, shorten
from .model.briefjson import is_brief_json, load_brief, loads
from .model.errors import InputError
from .model.files import is_stdio, read_stdin
from .read.seeds import MAX_BYTES, SEED_SUFFIXES

STDIN_NAME = "<stdin>"  # standard input in messages
STDIN_STEM = "stdin"  # standard input in file names: render's stdin.<layout>.<locale>.pdf, build's OUT/stdin/
_STDIN: dict = {}


def stdin_bytes() -> bytes:
    """Standard input (``-``), read once: a command may look at it twice (the locale
    a brief JSON has catalogs for, then the brief)."""
    if "data" not in _STDIN:
        _STDIN["data"] = read_stdin(MAX_BYTES)
    return _STDIN["data"]


def stdin_is_brief_json() -> bool:
    """Standard input holds a brief JSON (from ``briefdoc extract``), not an article."""
    return stdin_bytes().lstrip().startswith(b"{")


def article_from(path: str | Path):
    """The Article of a seed file, or of an article on standard input (``-``)."""
    # reading loads only now (rendering a brief JSON never needs it)
    from .read.article import decode, parse, read_article

    if not is_stdio(path):
        return read_article(path)
    if stdin_is_brief_json():
        raise InputError(f"{STDIN_NAME}: is a brief JSON, not an article; 'briefdoc render -' renders it")
    return parse(decode(stdin_bytes(), STDIN_NAME), STDIN_NAME)


def catalog_source(source: str | Path, brief=None) -> Path | None:
    """Where the content catalogs of ``source`` are looked for: beside it; for
    standard input, beside the seed a brief JSON remembers (``article.seed``, relative
    to the working folder, as ``extract`` to stdout records it), else nowhere."""
    if not is_stdio(source):
        return Path(source)
    return Path.cwd() / "-" if getattr(getattr(brief, "article", None), "seed", None) else None


def brief_from(path: str | Path):
    """A Brief from a brief JSON, or extracted from a seed; ``-``: from standard input
    (a brief JSON, or an article)."""
    p = Path(path)
    if is_stdio(p) and stdin_is_brief_json():
        return loads(stdin_bytes(), STDIN_NAME)
    if is_brief_json(p):
        return load_brief(p)
    if is_stdio(p):
        # extraction loads only now (rendering a brief JSON never needs it)
        from .extractors import extract

        article = article_from(p)
        return extract(article.text, article=article)
    # A seed: reading and extraction load only now (rendering a brief JSON never needs them).
    from .extractors import extract
    from .read.article import read_article

    article = read_article(p)
    return extract(article.text, article=article)


def remember_seed(brief, seed: Path, output: Path | None):
    """``brief`` with ``article.seed``: the seed's path relative to the folder of the
    JSON about to be written to ``output`` (the current folder for stdout), so that
    rendering or translating the JSON finds the seed's content catalogs."""
    if is_stdio(seed):
        return brief  # an article from standard input has no file to remember
    base = Path(output).parent if output is not None and not is_stdio(output) else Path(".")
    try:
        where = os.path.relpath(Path(seed).resolve(), base.resolve())
    except ValueError:  # another drive (Windows): only an absolute path reaches it
        where = str(Path(seed).resolve())
    article = brief.article.model_copy(update={"seed": Path(where).as_posix()})
    return brief.model_copy(update={"article": article})


def without_seed(brief):
    """``brief`` as rendered: the seed's path is where the JSON was, not part of the
    document (a PDF embeds the same brief.json whether rendered from the seed or its JSON)."""
    if getattr(brief.article, "seed", None) is None:
        return brief
    return brief.model_copy(update={"article": brief.article.model_copy(update={"seed": None})})


def _catalog_locale(locale: str) -> str:
    """The locale a new content catalog is for: a shipped language as the package
    ships it ("fr_CA" -> "fr"), any other as given ("de", "pt_BR")."""
    try:
        return negotiate(locale)
    except InputError:
        return canonical(locale)


def _same_language(catalog, locale: str, path: Path) -> None:
    if catalog is not None and catalog.locale is not None and catalog.locale.language != Locale.parse(locale).language:
        raise InputError(f"{path}: a catalog for {catalog.locale}, not {locale}; give the {locale} catalog")


def _with_sentences(source: Path, catalog, sentences: bool | None) -> bool:
    """Whether a template holds the article's sentences: as asked; else for a seed
    (whose extraction may change) and for a catalog that already holds them."""
    if sentences is not None:
        return sentences
    return not is_brief_json(source) or has_sentences(catalog)


def _source_name(source: Path, brief) -> str:
    return catalog_sources(source, brief)[-1].name


def _counts(progress) -> str:
    return f"{progress.translated} translated, {progress.fuzzy} fuzzy, {progress.untranslated} untranslated"


def export_to(source: Path, locale: str | None, output: Path | None = None, *, sentences: bool | None = None) -> bytes:
    """`briefdoc translate export`: the content catalog of the brief or seed at
    ``source`` for ``locale``, or its template (POT) when ``locale`` is None. An
    existing ``output`` catalog is merged, never overwritten (see update_catalog);
    a template is not written over a file that holds translations."""
    source = Path(source)
    existing = read_catalog(Path(output)) if output is not None and Path(output).is_file() else None
    if locale is None:
        done = sum(1 for m in existing or () if m.id and m.string)
        if done:
            raise InputError(f"{output}: holds {done} translation{'s' if done != 1 else ''} that a template would "
                             "replace; give --locale to merge into it, or write the template to another file")
        brief = brief_from(source)
        template = export_catalog(brief, None, sentences=_with_sentences(source, None, sentences),
                                  source_name=_source_name(source, brief))
        return write_catalog(template, output, template=True)
    wanted = _catalog_locale(locale)  # an unknown tag is an error before the (slow) extraction
    _same_language(existing, wanted, Path(output or "-"))
    loc = str(existing.locale) if existing is not None and existing.locale is not None else wanted
    brief = brief_from(source)
    template = export_catalog(brief, loc, sentences=_with_sentences(source, existing, sentences),
                              source_name=_source_name(source, brief))
    if existing is None:
        return write_catalog(template, output)
    result = pofiles.merge(existing, template)
    return write_catalog(existing, output if result.changed else None)


def update_catalog(source: Path, locale: str | None = None, catalog: Path | None = None, *,
                   sentences: bool | None = None, fuzzy_matching: bool = True) -> list[str]:
    """`briefdoc translate update`: merge the current extraction of ``source`` (a
    seed or a brief JSON) into its content catalog for ``locale`` (``catalog``, or
    <stem>.<locale>.po beside the seed; every catalog there when no locale is
    given), as msgmerge does: unchanged messages keep their translation, changed
    ones become fuzzy with the previous msgid, removed ones obsolete. A catalog
    that does not exist yet is started. One summary line per catalog."""
    source = Path(source)
    # Which catalogs, checked before the (slow) extraction: a brief JSON says where its seed is.
    known = _readable(source)
    if catalog is not None:
        path = Path(catalog)
        existing = read_catalog(path) if path.is_file() else None
        if locale is None and (existing is None or existing.locale is None):
            raise InputError(f"{path}: give --locale: the catalog {'does not exist yet' if existing is None else 'names no Language'}")
        targets = [(str(existing.locale) if locale is None else _catalog_locale(locale), path)]
    elif locale is not None:
        loc = _catalog_locale(locale)  # an unknown tag is an error before anything is read or written
        targets = [(loc, find_catalog(source, locale, known) or new_catalog_path(source, loc, known))]
    else:
        found = catalog_locales(source, known)
        if not found:
            raise InputError(f"no content catalog beside {source}; start one with "
                             f"'briefdoc translate update {source} --locale LOCALE'")
        targets = list(found.items())
    for _, path in targets:
        if not path.parent.is_dir():
            raise InputError(f"{path}: no folder {path.parent} to write the catalog in; check --catalog")
    brief = known if known is not None else brief_from(source)
    return [_update_one(brief, source, loc, path, sentences, fuzzy_matching) for loc, path in targets]


def _readable(source: Path):
    """The brief of a brief JSON (read now, it is quick), None for a seed; the
    reader's one-line error for a source that is missing."""
    if not source.is_file():
        brief_from(source)  # raises the reader's error for a missing or unreadable source
    return load_brief(source) if is_brief_json(source) else None


def _update_one(brief, source: Path, locale: str, path: Path, sentences, fuzzy_matching: bool) -> str:
    existing = read_catalog(path) if path.is_file() else None
    _same_language(existing, locale, path)
    if existing is not None and existing.locale is not None:
        locale = str(existing.locale)
    template = export_catalog(brief, locale, sentences=_with_sentences(source, existing, sentences),
                              source_name=_source_name(source, brief))
    if existing is None:
        write_catalog(template, path)
        return f"{path}: started, {pofiles.progress(template, template).total} entries to translate"
    result = pofiles.merge(existing, template, fuzzy_matching=fuzzy_matching)
    if result.changed:
        write_catalog(existing, path)
        return f"{path}: {result.summary()}; now {_counts(pofiles.progress(existing, template))}"
    return f"{path}: up to date; {_counts(pofiles.progress(existing, template))}"


def seed_files(seeds_dir: Path) -> list[Path]:
    if not Path(seeds_dir).is_dir():
        return []
    return sorted(p for p in Path(seeds_dir).iterdir() if p.is_file() and p.suffix.lower() in SEED_SUFFIXES)


def locales_rows(brief_path: Path | None = None, seeds_dir: Path = Path("seeds")) -> tuple[str, list[dict]]:
    """`briefdoc locales`: (what the content counts cover, one row per locale): each
    shipped locale (and each language that has content catalogs but no UI catalog)
    with its name, UI completeness (0..1; None without a UI catalog: English, marked)
    and content completeness over the briefs' items (None without items)."""
    ui_stats = catalogs.stats()
    sources = [Path(brief_path)] if brief_path is not None else seed_files(seeds_dir)
    briefs = []
    for src in sources:
        try:
            briefs.append((src, brief_from(src)))
        except Exception as exc:  # one unreadable seed must not hide the table
            print(f"briefdoc: warning: {src}: cannot extract ({exc}); content not counted", file=sys.stderr)
    what = str(brief_path) if brief_path is not None else f"{len(briefs)} seed(s) in {seeds_dir}"
    shipped = shipped_locales()
    extra = sorted({loc for src, brief in briefs for loc in catalog_locales(src, brief)} - set(shipped))
    rows = []
    for loc in shipped + extra:
        if loc == SOURCE_LOCALE:
            ui_done = 1.0
        elif loc in ui_stats:
            done, total = ui_stats[loc]
            ui_done = done / total if total else 1.0
        else:
            ui_done = None  # no UI catalog: English, marked
        translated = items = 0
        for src, brief in briefs:
            cov = coverage(brief, loc, src)
            translated += cov.translated
            items += cov.total
        rows.append({"locale": loc, "name": Locale.parse(loc).get_display_name(loc), "shipped": loc in shipped,
                     "ui": ui_done, "content": translated / items if items else None,
                     "content_translated": translated, "content_items": items})
    return what, rows


def locales_table(brief_path: Path | None = None, seeds_dir: Path = Path("seeds")) -> list[str]:
    """`briefdoc locales` as text: a header, then a line per locale (see locales_rows)."""
    what, rows = locales_rows(brief_path, seeds_dir)
    lines = [f"{'locale':<7}{'name':<22}{'UI':>7}{'content':>9}   (content: {what})"]
    for row in rows:
        ui_pct = "-" if row["ui"] is None else f"{100 * row['ui']:.0f}%"
        content_pct = "-" if row["content"] is None else f"{100 * row['content']:.0f}%"
        lines.append(f"{row['locale']:<7}{row['name']:<22}{ui_pct:>7}{content_pct:>9}")
    return lines


@dataclass
class LocaleStatus:
    """One locale's content catalog against the current extraction."""

    locale: str
    catalog: Path | None
    progress: pofiles.Progress


def translation_status(source: Path, locale: str | None = None, catalog: Path | None = None,
                       *, sentences: bool | None = None) -> list[LocaleStatus]:
    """`briefdoc translate status`: per locale (the one asked; else every shipped
    locale but the article's own, and every locale with a catalog beside the seed),
    the catalog's translated, fuzzy and untranslated entries against the current
    extraction (entries it lacks count as untranslated)."""
    source = Path(source)
    if locale is not None:
        _catalog_locale(locale)  # an unknown tag is an error before the (slow) extraction
    if catalog is not None and not Path(catalog).is_file():
        read_catalog(Path(catalog))  # the one-line error for a catalog that is not there, before the extraction
    brief = brief_from(source)
    if catalog is not None:
        existing = read_catalog(Path(catalog))
        loc = _catalog_locale(locale) if locale else str(existing.locale or "")
        if not loc:
            raise InputError(f"{catalog}: the catalog names no Language; give --locale")
        _same_language(existing, loc, Path(catalog))
        targets = [(loc, Path(catalog), existing)]
    else:
        found = catalog_locales(source, brief)
        if locale is not None:
            path = find_catalog(source, locale, brief)
            wanted = [(_catalog_locale(locale), path)]
        else:
            language = (brief.article.language or SOURCE_LOCALE).split("_")[0]
            wanted = [(loc, found.get(loc)) for loc in shipped_locales() if loc.split("_")[0] != language]
            wanted += [(loc, path) for loc, path in found.items() if loc not in shipped_locales()]
        targets = [(loc, path, read_catalog(path) if path is not None else None) for loc, path in wanted]
    out = []
    for loc, path, existing in targets:
        if existing is not None and existing.locale is not None:
            loc = str(existing.locale)
        template = export_catalog(brief, loc, sentences=_with_sentences(source, existing, sentences),
                                  source_name=_source_name(source, brief))
        out.append(LocaleStatus(loc, path, pofiles.progress(existing, template)))
    return out


def status_lines(source: Path, statuses: list[LocaleStatus], quiet: bool = False) -> list[str]:
    """The status as text: a line per locale (with -q only incomplete ones), then
    each fuzzy or untranslated entry of an existing catalog."""
    lines = []
    for st in statuses:
        p = st.progress
        if quiet and p.complete:
            continue
        if st.catalog is None:
            where = f"no catalog: start one with 'briefdoc translate update {source} --locale {st.locale}'"
        else:
            where = str(st.catalog)
            notes = []
            if p.absent or p.extra:
                notes.append(f"{p.absent + p.extra} entries differ from the extraction: run 'briefdoc translate update'")
            if p.obsolete:
                notes.append(f"{p.obsolete} obsolete")
            if notes:
                where += f" ({'; '.join(notes)})"
        lines.append(f"{st.locale:<6} {p.translated:>4} translated {p.fuzzy:>4} fuzzy {p.untranslated:>4} untranslated  {where}")
        if st.catalog is not None:
            for state, m in p.problems:
                lines.append(f"       {state} {m.context or 'entry'}: {shorten(m.id if isinstance(m.id, str) else m.id[0], 90)}")
    return lines


def status_json(statuses: list[LocaleStatus]) -> list[dict]:
    """`translate status --json`: a record per locale (README: "JSON output")."""
    out = []
    for st in statuses:
        p = st.progress
        out.append({
            "locale": st.locale, "catalog": str(st.catalog) if st.catalog is not None else None,
            "translated": p.translated, "fuzzy": p.fuzzy, "untranslated": p.untranslated, "obsolete": p.obsolete,
            "differ": p.absent + p.extra, "complete": p.complete,
            "problems": [{"state": state, "kind": m.context, "text": m.id if isinstance(m.id, str) else m.id[0]}
                         for state, m in (p.problems if st.catalog is not None else ())],
        })
    return out


def doctor_json(rows) -> list[dict]:
    """`doctor --json`: a record per layout and locale (README: "JSON output")."""
    return [{"layout": r.layout, "locale": r.locale, "ok": not (r.error or r.missing), "pages": r.pages, "size": r.size,
             "fonts": list(r.fonts), "characters_by_font": {fam: len(chars) for fam, chars in r.by_font.items()},
             "missing": [f"U+{ord(c):04X}" for c in r.missing], "error": r.error or None} for r in rows]


def require_complete(statuses: list[LocaleStatus]) -> None:
    """MissingTranslationError (exit code 2, one line) while a locale has fuzzy or untranslated entries."""
    bad = [st for st in statuses if not st.progress.complete]
    if not bad:
        return
    parts = []
    for st in bad:
        p = st.progress
        parts.append(f"{st.locale} " + ("no catalog" if st.catalog is None else
                                        ", ".join(x for x in (f"{p.fuzzy} fuzzy" if p.fuzzy else "",
                                                              f"{p.untranslated} untranslated" if p.untranslated else "") if x)))
    raise MissingTranslationError(f"content translations incomplete: {'; '.join(parts)}; "
                                  "translate and review them (fuzzy entries too) or drop --require-complete")


def render_locale(locale: str, source: Path, translations: Path | None = None) -> str:
    """The locale ``render`` uses for ``locale`` (see locales.resolve): a shipped
    one, or a language the package does not ship that has a catalog for this
    source: a content catalog beside it or its seed, the ``translations`` file, or
    a UI catalog the user gives (ui.use_catalog_dirs)."""
    try:
        return resolve(locale)
    except InputError:
        if _parse_tag(locale) is None:
            raise
    source = Path(source)
    if is_stdio(source):
        brief = loads(stdin_bytes(), STDIN_NAME) if stdin_is_brief_json() else None
    else:
        brief = load_brief(source) if is_brief_json(source) else None
    available = set(catalog_locales(catalog_source(source, brief), brief))
    available |= {p.parent.parent.name for d in ui.catalog_dirs()[:-1] for p in Path(d).glob("*/LC_MESSAGES/messages.[pm]o")}
    if translations is not None and Path(translations).is_file():
        found = read_catalog(Path(translations))
        if found.locale is not None:
            available.add(str(found.locale))
    try:
        return resolve(locale, available)
    except InputError:
        shipped = ", ".join(shipped_locales())
        raise InputError(f"locale {locale!r} is not shipped and has no catalog for {source}; start one with "
                         f"'briefdoc translate update {source} --locale {canonical(locale)}' (or give a UI catalog "
                         f"with --translations-dir), or choose one of: {shipped}") from None

