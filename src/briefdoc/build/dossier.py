"""`briefdoc dossier`: several articles on one story into OUT/dossier.json and
OUT/<layout>.<locale>.pdf.

Each article is read and extracted once, with its own publication date, and its
brief is kept in the build cache (OUT/.briefdoc-cache, the same records as
`briefdoc build`), so a second dossier over the same articles, or over one more,
extracts only what is new. The briefs are merged (the dossier stage), the dossier
is written, and each PDF is rendered unless its cache record says that it was made
from this very dossier, layout, catalogs and code. Extraction runs in worker
processes when there are several articles to extract; the first render runs here
(WeasyPrint loads once) and the others in worker processes forked from this warm
process (--jobs 1: all here, one after the other)."""

from __future__ import annotations

import hashlib
import json
import sys
import time
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ..localize import locales as locales_mod
from ..localize.content import read_catalog, write_catalog
from ..localize.locales import fallback_chain, resolve, shipped_locales
from ..model.brief import Brief
from ..model.briefjson import is_brief_json, load_brief
from ..model.dossier import Dossier
from ..model.dossierjson import DOSSIER_JSON, dumps_dossier, is_dossier_data, load_dossier
from ..model.errors import InputError
from ..model.files import write_atomic
from ..model.resources import LAYOUTS, data_dir
from ..read.seeds import find_seeds
from ..render.layouts import PDF_VARIANTS, discover
from ..render.layouts import get as get_layout
from . import cache as cache_mod
from .batch import Failure, _make_out_dir, default_jobs

DOSSIER_STEM = Path(DOSSIER_JSON).stem  # dossier.<locale>.po beside dossier.json


@dataclass
class DossierSummary:
    """What a dossier run did."""

    articles: int = 0
    extracted: int = 0
    built: list[Path] = field(default_factory=list)
    up_to_date: list[Path] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    catalogs: list[Path] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    dossier: Dossier | None = None
    from_json: bool = False
    seconds: float = 0.0

    def lines(self, out_dir: Path) -> list[str]:
        total = len(self.built) + len(self.up_to_date) + len(self.failures)
        what = (f"{self.articles} article(s) from {DOSSIER_JSON}" if self.from_json else
                f"{self.articles} article(s), {self.extracted} extracted, {self.articles - self.extracted} from the cache")
        head = (f"briefdoc: dossier of {what}: built {len(self.built)}, up to date "
                f"{len(self.up_to_date)}, failed {len(self.failures)} ({total} PDFs and {DOSSIER_JSON} in {out_dir}, "
                f"{self.seconds:.1f} s)")
        return ([f"briefdoc: warning: {w}" for w in self.warnings] + [head]
                + [f"briefdoc: failed: {f.what}: {f.reason}" for f in self.failures])


class _DossierCache(cache_mod.Cache):
    """The build cache of OUT, the dossier's output records apart from the seeds' ones."""

    def _output_record(self, output: Path) -> Path:
        return self.root / "dossier-outputs" / f"{Path(output).name}.json"


def choose_layouts(names, layouts_dirs) -> list:
    """The dossier layouts to render (default: every layout of kind "dossier")."""
    available = discover(layouts_dirs)
    if not names:
        return [lay for lay in available.values() if lay.kind == "dossier"]
    chosen = [get_layout(name, layouts_dirs) for name in names]
    for lay in chosen:
        if lay.kind != "dossier":
            kinds = ", ".join(n for n, lay2 in available.items() if lay2.kind == "dossier") or "none"
            raise InputError(f"--layouts: {lay.name!r} shows one article's brief, not a dossier; "
                             f"choose a dossier layout ({kinds})")
    return chosen


def _translations_by_locale(paths, chosen_locales: list[str]) -> dict[str, Path]:
    """--translations: .po files (each for the locale its header names) or folders
    holding dossier.<locale>.po."""
    found: dict[str, Path] = {}
    for p in map(Path, paths or ()):
        if p.is_dir():
            for loc in chosen_locales:
                for candidate in fallback_chain(loc):
                    f = p / f"{DOSSIER_STEM}.{candidate}.po"
                    if f.is_file() and loc not in found:
                        found[loc] = f
            continue
        catalog = read_catalog(p)
        if catalog.locale is None:
            raise InputError(f"{p}: the catalog names no language (its Language header); set it or name the file dossier.<locale>.po in a folder")
        for loc in chosen_locales:
            if catalog.locale.language == loc.split("_")[0]:
                found.setdefault(loc, p)
    return found


def _inputs(paths) -> tuple[Dossier | None, list[Path]]:
    """(an edited dossier.json given alone, or None; the article files)."""
    paths = [Path(p) for p in paths]
    if not paths:
        raise InputError("no articles given; name the articles of the dossier (files or folders)")
    files = []
    for p in paths:
        if p.is_file() and is_brief_json(p):
            files.append(p)
        else:
            files.extend(find_seeds([p]))
    jsons = [f for f in files if is_brief_json(f)]
    dossiers = [f for f in jsons if _is_dossier_file(f)]
    if dossiers:
        if len(files) > 1:
            raise InputError(f"{dossiers[0]}: a dossier.json is rendered alone; give it without articles, or give the articles")
        return load_dossier(dossiers[0]), []
    seen: dict[Path, Path] = {}
    for f in files:
        if f.resolve() in seen:
            raise InputError(f"{f}: given twice; name each article once")
        seen[f.resolve()] = f
    return None, files


def _is_dossier_file(path: Path) -> bool:
    try:
        return is_dossier_data(json.loads(path.read_bytes()))
    except (OSError, ValueError, RecursionError):
        return False


def _briefs(files: list[Path], cache, jobs: int, extractor: Callable | None, summary: DossierSummary) -> list[Brief]:
    """Each article's brief: from a brief JSON, from the cache, or extracted (and cached)."""
    briefs: dict[int, Brief] = {}
    todo: list[tuple[int, Path, str]] = []
    for i, f in enumerate(files):
        if is_brief_json(f):
            briefs[i] = load_brief(f)
            continue
        try:
            key = cache_mod.extraction_key(f.read_bytes())
        except OSError as exc:
            raise InputError(f"{f}: cannot be read ({exc.strerror}); check its permissions") from None
        cached = cache.load_brief(key)
        if cached is not None:
            try:
                briefs[i] = Brief.model_validate_json(cached)
                continue
            except ValueError:
                pass  # a record that no longer validates is a miss
        todo.append((i, f, key))
    if todo:
        for (i, f, key), text in zip(todo, _extract([f for _, f, _ in todo], jobs, extractor)):
            cache.store_brief(key, text)
            briefs[i] = Brief.model_validate_json(text)
        summary.extracted = len(todo)
    return [briefs[i] for i in range(len(files))]


def _extract(files: list[Path], jobs: int, extractor: Callable | None) -> list[str]:
    """The brief JSON of each article; InputError (one line) for the first that fails."""
    # the extraction side (spaCy) loads only when there is something to extract
    from ..read.article import read_article
    from . import workers

    articles = [read_article(f) for f in files]  # an unreadable article stops the dossier here, with its reason
    if jobs > 1 and len(files) > 1:
        pool = workers.pool(min(jobs, len(files)), (extractor, True))
        try:
            results = list(pool.map(workers.extract_job, map(str, files), articles))
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
    else:
        workers.init_worker(extractor, False, in_process=True)
        results = [workers.extract_job(str(f), a) for f, a in zip(files, articles)]
    out = []
    for f, (ok, result) in zip(files, results):
        if not ok:
            raise InputError(f"{f}: cannot be extracted: {result}")
        out.append(result)
    return out


def run_dossier(
    inputs,
    *,
    out_dir: Path,
    title: str | None = None,
    layouts=None,
    locales=None,
    layouts_dirs=(),
    translations=(),
    export_translations: bool = False,
    jobs: int | None = None,
    force: bool = False,
    variant: str | None = None,
    use_fuzzy: bool = False,
    require_complete: bool = False,
    extractor: Callable | None = None,
    stream=None,
) -> DossierSummary:
    """Merge the articles ``inputs`` (files or folders; brief JSON files are taken as
    extracted; a dossier.json alone is rendered as it is) into ``out_dir``/dossier.json
    and render it with each layout in each locale. Returns what was done; failed
    renders are in ``summary.failures`` (the other outputs are written)."""
    started = time.perf_counter()
    stream = sys.stderr if stream is None else stream
    if variant is not None and variant not in PDF_VARIANTS:
        raise InputError(f"--pdf-variant {variant!r}: choose one of {', '.join(PDF_VARIANTS)}")
    chosen_layouts = choose_layouts(layouts, layouts_dirs)
    if not chosen_layouts:
        raise InputError("no dossier layout found; add one (kind = \"dossier\" in its layout.toml) or check --layouts-dir")
    chosen_locales = list(dict.fromkeys(resolve(loc) for loc in locales)) if locales else shipped_locales()
    out_dir = Path(out_dir)
    given, files = _inputs(inputs)
    by_locale = _translations_by_locale(translations, chosen_locales)
    _make_out_dir(out_dir)
    cache = _DossierCache(out_dir, read=not force)
    summary = DossierSummary()

    if given is not None:
        dossier = given.model_copy(update={"title": title}) if title else given
        summary.articles = len(dossier.articles)
        summary.from_json = True
    else:
        briefs = _briefs(files, cache, default_jobs() if jobs is None else max(1, jobs), extractor, summary)
        summary.articles = len(briefs)
        for f, b in zip(files, briefs):
            if b.article.published is None:
                summary.warnings.append(f"{f}: no publication date; its relative dates ('on Monday') are left out of the timeline")
        # the merge loads only now: a dossier rendered from its JSON does not need it
        from ..dossier.merge import article_ids, merge

        dossier = merge(briefs, ids=article_ids([f.stem for f in files]), title=title)
    summary.dossier = dossier
    dossier_text = dumps_dossier(dossier)
    dossier_path = out_dir / DOSSIER_JSON
    try:
        if not dossier_path.is_file() or dossier_path.read_text(encoding="utf-8") != dossier_text:
            write_atomic(dossier_path, dossier_text)
    except OSError as exc:
        raise InputError(f"{dossier_path}: cannot write ({exc.strerror}); free some space or choose another -o") from None

    if export_translations:
        summary.catalogs = _export(dossier, out_dir, chosen_locales)
    _render_all(dossier, dossier_text, files, out_dir, chosen_layouts, chosen_locales, by_locale, cache, summary,
                variant=variant, use_fuzzy=use_fuzzy, require_complete=require_complete,
                jobs=default_jobs() if jobs is None else max(1, jobs))
    summary.seconds = time.perf_counter() - started
    for line in summary.lines(out_dir):
        print(line, file=stream)
    return summary


def _export(dossier: Dossier, out_dir: Path, chosen_locales: list[str]) -> list[Path]:
    """OUT/dossier.<locale>.po for each locale but the dossier's own language; the
    translations an existing catalog has are kept."""
    # catalogs are made only when asked for
    from ..dossier.catalog import export_catalog

    written = []
    for loc in chosen_locales:
        if loc.split("_")[0] == dossier.language.split("_")[0]:
            continue
        path = out_dir / f"{DOSSIER_STEM}.{loc}.po"
        previous = read_catalog(path) if path.is_file() else None
        write_catalog(export_catalog(dossier, loc, previous=previous), path)
        written.append(path)
    return written


def _catalog_for(out_dir: Path, loc: str, by_locale: dict[str, Path]) -> Path | None:
    if loc in by_locale:
        return by_locale[loc]
    for candidate in fallback_chain(loc):
        path = out_dir / f"{DOSSIER_STEM}.{candidate}.po"
        if path.is_file():
            return path
    return None


def _render_all(dossier, dossier_text, files, out_dir, chosen_layouts, chosen_locales, by_locale, cache, summary, *,
                variant, use_fuzzy, require_complete, jobs: int = 1) -> None:
    dossier_key = hashlib.sha256(dossier_text.encode("utf-8")).hexdigest()
    article_files = [f for f in files if not is_brief_json(f)]
    options = {"variant": variant, "use_fuzzy": use_fuzzy, "require_complete": require_complete}
    pending = []
    for lay in chosen_layouts:
        layout_digest = cache_mod.layout_digest(lay, data_dir(LAYOUTS))
        for loc in chosen_locales:
            chain = fallback_chain(loc)
            catalog = _catalog_for(out_dir, loc, by_locale)
            catalogs = [catalog] if catalog else []
            catalogs += [f.with_name(f"{f.stem}.{c}.po") for f in article_files for c in chain]
            parts = cache_mod.render_parts(
                extraction=dossier_key, layout_digest=layout_digest,
                ui_digest=cache_mod.ui_catalog_digest(chain, locales_mod.translations_dir()),
                content_digest=cache_mod.digest([(str(p), cache_mod.file_digest(p)) for p in catalogs]),
                options={"locale": loc, **options})
            key = cache_mod.render_key(parts)
            path = out_dir / f"{lay.name}.{loc}.pdf"
            if cache.why_stale(path, key, parts) is None:
                summary.up_to_date.append(path)
            else:
                pending.append((lay, loc, path, key, parts, catalog))
    if not pending:
        return
    _RENDERS.update(dossier=dossier, pending=pending, article_files=article_files,
                    options={"variant": variant, "use_fuzzy": use_fuzzy, "require_complete": require_complete})
    try:
        results = _run_renders(len(pending), jobs)
    finally:
        _RENDERS.clear()
    untranslated = []
    for (lay, loc, path, key, parts, catalog), (ok, result, missing) in zip(pending, results):
        if not ok:
            cache.forget_output(path)
            summary.failures.append(Failure(str(path), result))
            continue
        cache.record_output(path, key, result, parts)
        summary.built.append(path)
        if missing and loc not in untranslated:
            untranslated.append(loc)
    if untranslated:
        summary.warnings.append(
            f"content not translated into {', '.join(untranslated)} (shown in the source language, marked): "
            f"translate {out_dir / (DOSSIER_STEM + '.<locale>.po')} (write them with --export-translations) "
            "or give catalogs with --translations")


# What the renders of one dossier share: set before the render workers are forked, so
# that they inherit it (the dossier is not sent to them with every task).
_RENDERS: dict = {}


def _render_one(i: int) -> tuple[bool, dict | str, bool]:
    """Render and write the ``i``-th pending PDF: (True, fingerprint, some content left
    untranslated) or (False, reason, False). Never raises for its input."""
    # the render side (WeasyPrint, the catalogs) loads only when there is something to render
    from ..dossier.catalog import translator_for
    from ..render.dossierpdf import render_dossier_pdf
    from .workers import reason

    lay, loc, path, _, _, catalog = _RENDERS["pending"][i]
    options = _RENDERS["options"]
    try:
        content = translator_for(_RENDERS["dossier"], loc, catalog, article_files=_RENDERS["article_files"],
                                 use_fuzzy=options["use_fuzzy"], require_complete=options["require_complete"])
        pdf = render_dossier_pdf(_RENDERS["dossier"], lay, loc, content=content, variant=options["variant"])
        st = write_atomic(path, pdf)
    except Exception as exc:  # one output's failure costs that output
        return False, reason(exc), False
    return True, cache_mod.fingerprint(st), bool(content.missing and not content.same_language)


def _run_renders(n: int, jobs: int) -> list:
    """The results of the ``n`` pending renders. The first renders here (WeasyPrint, the
    fonts and the templates load); with jobs > 1 the others go to worker processes
    forked from this warm process, so none of them loads WeasyPrint again."""
    first = _render_one(0)
    if n == 1 or jobs <= 1:
        return [first] + [_render_one(i) for i in range(1, n)]
    # the worker side loads only when there are renders to share out
    from . import workers

    pool = workers.pool(min(jobs, n - 1), (None, False))
    try:
        rest = list(pool.map(_render_one, range(1, n)))
    except BrokenProcessPool:  # a worker died (out of memory?): what is left renders here
        rest = [_render_one(i) for i in range(1, n)]
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    return [first] + rest
