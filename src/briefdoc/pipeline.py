"""The pipeline's stages composed: a Brief from a seed or its JSON, and the commands
that read, extract and localize in one go (``translate export``, ``translate status``,
``locales``). The CLI parses options and calls these; the stages never import this."""

from __future__ import annotations

import sys
from pathlib import Path

from babel import Locale

from .localize import catalogs
from .localize.content import coverage, export_catalog, read_catalog, write_catalog
from .localize.locales import SOURCE_LOCALE, negotiate, shipped_locales
from .localize.translator import shorten
from .model.briefjson import is_brief_json, load_brief
from .read.seeds import SEED_SUFFIXES


def brief_from(path: str | Path):
    """A Brief from a brief JSON, or extracted from a seed."""
    p = Path(path)
    if is_brief_json(p):
        return load_brief(p)
    # A seed: reading and extraction load only now (rendering a brief JSON never needs them).
    from .extractors import extract
    from .read.article import read_article

    article = read_article(p)
    return extract(article.text, article=article)


def export_to(source: Path, locale: str, output: Path | None = None, *, sentences: bool | None = None) -> bytes:
    """`briefdoc translate export`: the content catalog of the brief or seed at
    ``source`` for ``locale``; an existing ``output`` keeps its translations."""
    source = Path(source)
    loc = negotiate(locale)
    brief = brief_from(source)
    if sentences is None:
        sentences = not is_brief_json(source)
    previous = read_catalog(Path(output)) if output is not None and Path(output).is_file() else None
    catalog = export_catalog(brief, loc, sentences=sentences, previous=previous, source_name=source.name)
    return write_catalog(catalog, output)


def seed_files(seeds_dir: Path) -> list[Path]:
    if not Path(seeds_dir).is_dir():
        return []
    return sorted(p for p in Path(seeds_dir).iterdir() if p.is_file() and p.suffix.lower() in SEED_SUFFIXES)


def locales_table(brief_path: Path | None = None, seeds_dir: Path = Path("seeds")) -> list[str]:
    """`briefdoc locales`: each shipped locale, its name, UI and content completeness."""
    ui = catalogs.stats()
    sources = [Path(brief_path)] if brief_path is not None else seed_files(seeds_dir)
    briefs = []
    for src in sources:
        try:
            briefs.append((src, brief_from(src)))
        except Exception as exc:  # one unreadable seed must not hide the table
            print(f"briefdoc: warning: {src}: cannot extract ({exc}); content not counted", file=sys.stderr)
    what = str(brief_path) if brief_path is not None else f"{len(briefs)} seed(s) in {seeds_dir}"
    lines = [f"{'locale':<7}{'name':<22}{'UI':>7}{'content':>9}   (content: {what})"]
    for loc in shipped_locales():
        name = Locale.parse(loc).get_display_name(loc)
        done, total = ui.get(loc, (1, 1)) if loc != SOURCE_LOCALE else (1, 1)
        ui_pct = f"{100 * done / total:.0f}%" if total else "100%"
        translated = items = 0
        for src, brief in briefs:
            cov = coverage(brief, loc, src)
            translated += cov.translated
            items += cov.total
        content_pct = f"{100 * translated / items:.0f}%" if items else "-"
        lines.append(f"{loc:<7}{name:<22}{ui_pct:>7}{content_pct:>9}")
    return lines


def status_lines(source: Path, locale: str | None = None, translations: Path | None = None) -> list[str]:
    """`briefdoc translate status`: coverage per locale and the items missing."""
    brief = brief_from(Path(source))
    locales = [negotiate(locale)] if locale else [l for l in shipped_locales() if l != brief.article.language]
    lines = []
    for loc in locales:
        cov = coverage(brief, loc, Path(source), translations)
        where = cov.catalog or "no catalog"
        lines.append(f"{loc:<6} {cov.translated:>4}/{cov.total:<4} {cov.percent:5.1f}%  {where}")
        for item in cov.missing:
            lines.append(f"       missing {item.kind}: {shorten(item.text, 90)}")
    return lines
