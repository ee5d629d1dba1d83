"""Building many briefs: seeds x layouts x locales into out/<seed>/<layout>.<locale>.pdf.

A build plans first and works second. Planning hashes what each output is made
from (see cache.py) and drops the outputs whose cache record still matches the
file on disk; it imports neither spaCy nor WeasyPrint, so a build with nothing
to do finishes at once. The work is then done by a pool of worker processes,
each of which loads spaCy and WeasyPrint's fonts once: every seed is extracted
once (or its brief comes from the cache) and its renders fan out from there.
A failure costs only the outputs it touches; the summary lists them and the
command exits with 4."""

from __future__ import annotations

import datetime as dt
import html

import os
import shutil
import sys
import time
from collections import deque
from concurrent.futures import FIRST_COMPLETED, Future, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from . import cache as cache_mod
from .errors import BriefdocError, InputError

SEED_SUFFIXES = {".md", ".txt", ".html", ".htm", ".markdown"}
BRIEF_JSON = "brief.json"
MAX_POOL_RESTARTS = 2  # a worker that dies (out of memory, a crash in a C library) costs its task, not the build


def find_seeds(paths: list[Path]) -> list[Path]:
    """Seed files from files and folders, in name order."""
    seeds: list[Path] = []
    for p in paths:
        p = Path(p)
        if p.is_dir():
            seeds.extend(sorted(f for f in p.iterdir() if f.is_file() and f.suffix.lower() in SEED_SUFFIXES))
        elif p.is_file():
            seeds.append(p)
        else:
            raise InputError(f"{p}: no such file or folder; check the seed path")
    if not seeds:
        raise InputError(f"no seed files in {', '.join(map(str, paths))}; add .md, .txt or .html articles")
    return seeds


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


# -- the plan ------------------------------------------------------------------------

@dataclass
class Output:
    """One PDF to make: a seed's brief in a layout and a locale."""

    seed: Path
    layout: object  # layouts.Layout
    locale: str
    path: Path
    key: str
    parts: dict = field(default_factory=dict)
    why: str | None = None  # why it is to be made; None when it is up to date


@dataclass
class SeedPlan:
    """One seed: where its outputs go, the key of its brief, the outputs still to make."""

    seed: Path
    target: Path
    extraction: str | None = None  # None when the seed could not be read
    error: str | None = None
    outputs: list[Output] = field(default_factory=list)
    stale: list[Output] = field(default_factory=list)
    brief_json_stale: bool = False
    brief_json: str | None = None  # the brief's JSON text, once known

    @property
    def needs_brief(self) -> bool:
        return bool(self.stale) or self.brief_json_stale


@dataclass
class Failure:
    """Something that failed: what (an output, or a seed and all its outputs), why, and how many outputs it cost."""

    what: str
    reason: str
    outputs: int = 1


@dataclass
class BuildSummary:
    """What a build did."""

    built: list[Path] = field(default_factory=list)
    up_to_date: list[Path] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    planned: list[tuple[Path, str]] = field(default_factory=list)  # dry run: (output, why)
    extracted: int = 0
    seconds: float = 0.0

    @property
    def failed(self) -> int:
        """The number of outputs that failed."""
        return sum(f.outputs for f in self.failures)

    @property
    def total(self) -> int:
        return len(self.built) + len(self.up_to_date) + self.failed

    def lines(self, out_dir: Path) -> list[str]:
        head = (
            f"briefdoc: built {len(self.built)}, up to date {len(self.up_to_date)}, failed {self.failed}"
            f" ({self.total} PDFs in {out_dir}, {self.seconds:.1f} s)"
        )
        return [head] + [f"briefdoc: failed: {f.what}: {f.reason}" for f in self.failures]


def _plan(seed_files, chosen_layouts, chosen_locales, out_dir: Path, cache, options: dict) -> list[SeedPlan]:
    from . import i18n
    from .layouts import BUILTIN_DIR

    layout_digests = {lay.name: cache_mod.layout_digest(lay, BUILTIN_DIR) for lay in chosen_layouts}
    chains = {loc: i18n.fallback_chain(loc) for loc in chosen_locales}
    ui_digests = {loc: cache_mod.ui_catalog_digest(chains[loc], i18n.translations_dir()) for loc in chosen_locales}
    plans = []
    for seed in seed_files:
        plan = SeedPlan(seed=seed, target=out_dir / seed.stem)
        try:
            plan.extraction = cache_mod.extraction_key(seed.read_bytes())
        except OSError as exc:
            plan.error = f"cannot read the seed ({exc.strerror}); check its permissions"
        for lay in chosen_layouts:
            for loc in chosen_locales:
                path = plan.target / f"{lay.name}.{loc}.pdf"
                output = Output(seed=seed, layout=lay, locale=loc, path=path, key="", why=plan.error)
                if plan.extraction:
                    output.parts = cache_mod.render_parts(
                        extraction=plan.extraction,
                        layout_digest=layout_digests[lay.name],
                        ui_digest=ui_digests[loc],
                        content_digest=cache_mod.content_catalog_digest(seed, chains[loc]),
                        options={"locale": loc, **options},
                    )
                    output.key = cache_mod.render_key(output.parts)
                    output.why = cache.why_stale(path, output.key, output.parts)
                plan.outputs.append(output)
                if output.why:
                    plan.stale.append(output)
        if plan.extraction:
            plan.brief_json_stale = not cache.is_current(plan.target / BRIEF_JSON, plan.extraction)
        plans.append(plan)
    return plans


def _check_stems(seed_files: list[Path]) -> None:
    seen: dict[str, Path] = {}
    for seed in seed_files:
        if seed.stem in seen and seen[seed.stem].resolve() != seed.resolve():
            raise InputError(f"{seen[seed.stem]} and {seed} would both be built into {seed.stem}/; rename one of them")
        seen[seed.stem] = seed


# -- the workers -----------------------------------------------------------------------

_WORKER: dict = {"extractor": None, "briefs": {}}


def _default_extract(article):
    from .extractors import extract

    return extract(article.text, article=article)


def _init_worker(extractor, preload_nlp: bool, in_process: bool = False) -> None:
    """Set up a worker: what extracts, and spaCy loaded now when every worker will
    start by extracting (otherwise it loads on first use, once per process)."""
    _WORKER["extractor"] = extractor
    _WORKER["briefs"] = {}
    if in_process:
        return
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and stops the pool
    if preload_nlp and extractor is None:
        try:
            from . import nlp

            nlp.pipeline()
        except Exception:
            pass  # the extraction that needs it fails with the reason


def _warm_here(layouts: list, locales: list[str]) -> None:
    """Load, in this process, what the renders of ``layouts`` x ``locales`` will use,
    before the render workers are forked from it (they inherit all of it): WeasyPrint,
    the font configuration and each locale's faces (regular, bold, italic; serif and
    sans), the hyphenation dictionaries, and each layout's templates, compiled by
    rendering a tiny brief. Then the objects loaded so far are moved out of the garbage
    collector's sight (gc.freeze), so that the workers' collections neither scan them
    again nor copy the pages they are on. A failure here is ignored: it shows again,
    with its reason, in the renders."""
    import gc

    try:
        from . import content, fonts, i18n, render  # noqa: F401  (Jinja2, Babel, the layouts' code)

        weasyprint = render.load_weasyprint()
        from .brief import Article, Brief

        pages = []
        for locale in locales:
            sample = html.escape(" ".join(i18n.Localizer(locale).date_long(dt.date(2023, 2, 28)).split()[:3]) + " 0123")
            pages.append(
                f'<section lang="{locale}" style="font-family: {html.escape(fonts.css_family(fonts.stack(locale, "serif")))}">'
                f"<p>{sample} <b>{sample}</b> <i>{sample}</i></p>"
                f'<p style="font-family: {html.escape(fonts.css_family(fonts.stack(locale, "sans")))}">{sample} <b>{sample}</b></p></section>'
            )
        weasyprint.HTML(string="".join(pages)).write_pdf(font_config=render._font_config())
        import pyphen

        for locale in locales:
            for lang in render.hyphenation_languages(i18n.Localizer(locale).lang):
                pyphen.Pyphen(lang=pyphen.language_fallback(lang.replace("-", "_")))
        tiny = Brief(article=Article(title="Briefdoc", text="Briefdoc.", published=dt.date(2023, 2, 28)))
        for layout in layouts:
            for locale in locales[:1]:
                render.render_html(tiny, layout, locale, fit=0)  # base and macros too
    except Exception:
        pass
    gc.freeze()


def _read_article(seed: Path):
    """The seed's Article, or None when it cannot be read (the extraction says why)."""
    try:
        from .article import read_article

        return read_article(seed)
    except Exception:
        return None


def _no_job() -> tuple[bool, str]:
    """Nothing: submitted once per worker so that the pool forks its workers now."""
    return True, ""


def _reason(exc: BaseException) -> str:
    if isinstance(exc, BriefdocError):
        return str(exc)
    return f"internal error: {type(exc).__name__}: {exc}"


def _extract_job(seed: str, article=None) -> tuple[bool, str]:
    """Read and extract one seed: (True, brief JSON text) or (False, reason).
    ``article``: the seed already read (by the build process, meanwhile)."""
    try:
        from .article import read_article
        from .briefio import dumps

        if article is None:
            article = read_article(seed)
        brief = (_WORKER["extractor"] or _default_extract)(article)
        return True, dumps(brief)
    except Exception as exc:
        return False, _reason(exc)


def _brief(extraction: str, brief_json: str):
    """The Brief for ``brief_json``, parsed once per worker."""
    briefs = _WORKER["briefs"]
    if extraction not in briefs:
        from .brief import Brief

        if len(briefs) > 8:
            briefs.clear()
        briefs[extraction] = Brief.model_validate_json(brief_json)
    return briefs[extraction]


def _content_translator(brief, locale: str, seed: Path, content_options: dict):
    """The seed's content translations for ``locale`` (``<seed stem>.<locale>.po``)."""
    from . import content

    return content.translator_for(brief, locale, seed, **content_options)


def _render_job(spec: dict) -> tuple[bool, dict | str]:
    """Render one PDF and write it: (True, fingerprint of the file) or (False, reason)."""
    try:
        from .render import render_pdf

        brief = _brief(spec["extraction"], spec["brief_json"])
        content = _content_translator(brief, spec["locale"], Path(spec["seed"]), spec["content_options"])
        pdf = render_pdf(brief, spec["layout"], spec["locale"], content=content, **spec["render_options"])
        st = cache_mod.write_atomic(Path(spec["path"]), pdf)
        return True, cache_mod.fingerprint(st)
    except Exception as exc:
        return False, _reason(exc)


class _InProcess:
    """The executor for --jobs 1: runs each task at once, in this process."""

    def submit(self, fn, *args) -> Future:
        fut: Future = Future()
        try:
            fut.set_result(fn(*args))
        except BaseException as exc:  # the jobs catch their own errors; this is KeyboardInterrupt
            raise exc
        return fut

    def shutdown(self, wait: bool = True, cancel_futures: bool = False) -> None:
        pass


def _pool(workers: int, initargs: tuple):
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # fork: workers start at once and share the parent's already-imported modules
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
    return ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context(method),
        initializer=_init_worker,
        initargs=initargs,
    )


# -- progress ----------------------------------------------------------------------------

class Progress:
    """A one-line progress bar on a terminal; silent on anything else."""

    def __init__(self, total: int, stream, enabled: bool):
        self.total = total
        self.stream = stream
        self.enabled = enabled
        self.counts = {"built": 0, "up to date": 0, "failed": 0}
        self.last = ""

    def advance(self, status: str, n: int = 1, label: str = "") -> None:
        self.counts[status] += n
        self.draw(label)

    def draw(self, label: str = "") -> None:
        if not self.enabled:
            return
        done = sum(self.counts.values())
        width = shutil.get_terminal_size((80, 20)).columns
        bar_width = 20
        filled = bar_width * done // max(self.total, 1)
        c = self.counts
        line = (
            f"[{'#' * filled}{'.' * (bar_width - filled)}] {done}/{self.total}"
            f"  built {c['built']}  up to date {c['up to date']}  failed {c['failed']}  {label}"
        )
        line = line[: max(width - 1, 10)]
        self.stream.write("\r" + line + "\x1b[K")
        self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


# -- the build --------------------------------------------------------------------------

def run_build(
    seeds,
    *,
    layouts=None,
    locales=None,
    out_dir=Path("out"),
    layouts_dirs=(),
    jobs: int | None = None,
    force: bool = False,
    dry_run: bool = False,
    progress: bool | None = None,
    render_options: dict | None = None,
    content_options: dict | None = None,
    extractor: Callable | None = None,
    stream=None,
) -> BuildSummary:
    """Render every seed with every layout in every locale; return what was done.

    ``jobs``: worker processes (default: the number of cores; 1 works in this
    process). ``force``: ignore the cache. ``dry_run``: only print, on stdout,
    each output that would be made and why, and return (nothing in
    ``summary.built``, the outputs to make in ``summary.planned``). ``progress``: draw a progress bar on
    ``stream`` (default: stderr, when it is a terminal). ``render_options`` go to
    render_pdf, ``content_options`` to content.translator_for; both are part of
    the cache key. ``extractor`` (Article -> Brief) replaces the extraction
    pipeline; it must be picklable to run in worker processes."""
    from . import i18n
    from . import layouts as layouts_mod

    started = time.perf_counter()
    stream = sys.stderr if stream is None else stream
    render_options = dict(render_options or {})
    content_options = dict(content_options or {})
    variant = render_options.get("variant")
    if variant is not None and variant not in layouts_mod.PDF_VARIANTS:
        raise InputError(f"--pdf-variant {variant!r}: choose one of {', '.join(layouts_mod.PDF_VARIANTS)}")
    available = layouts_mod.discover(layouts_dirs)
    chosen_layouts = [layouts_mod.get(name, layouts_dirs) for name in layouts] if layouts else list(available.values())
    chosen_locales = list(dict.fromkeys(i18n.resolve(loc) for loc in locales)) if locales else i18n.shipped_locales()
    seed_files = find_seeds(list(seeds))
    _check_stems(seed_files)
    out_dir = Path(out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"{out_dir}: cannot create the output folder ({exc.strerror})") from None
    if not os.access(out_dir, os.W_OK):
        raise InputError(f"{out_dir}: cannot write there; choose another output folder")

    cache = cache_mod.Cache(out_dir, read=not force)
    options = {"render": render_options, "content": content_options}
    plans = _plan(seed_files, chosen_layouts, chosen_locales, out_dir, cache, options)
    if dry_run:
        return _dry_run(plans, out_dir, stream, started)

    summary = BuildSummary()
    total = sum(len(p.outputs) for p in plans)
    bar = Progress(total, stream, stream.isatty() if progress is None else progress)
    for plan in plans:
        stale = {id(o) for o in plan.stale}
        current = [o.path for o in plan.outputs if id(o) not in stale]
        summary.up_to_date.extend(current)
        if plan.error:
            summary.failures.append(Failure(str(plan.seed), plan.error, len(plan.outputs)))
            bar.counts["failed"] += len(plan.outputs)
        bar.counts["up to date"] += len(current)
    bar.draw()

    work = [p for p in plans if p.extraction and p.needs_brief]
    to_extract: deque[SeedPlan] = deque()
    ready: deque[tuple[SeedPlan, Output]] = deque()
    for plan in work:
        plan.brief_json = cache.load_brief(plan.extraction)
        if plan.brief_json is None:
            to_extract.append(plan)
        else:
            _brief_known(plan, cache, ready, summary, bar)

    try:
        n_tasks = len(to_extract) + sum(len(p.stale) for p in to_extract) + len(ready)
        if n_tasks:
            _execute(
                to_extract, ready, cache, summary, bar,
                jobs=default_jobs() if jobs is None else max(1, jobs),
                n_tasks=n_tasks, extractor=extractor,
                render_options=render_options, content_options=content_options,
            )
    finally:
        bar.close()
    if summary.extracted:  # a new brief may have replaced an older one of the same seed
        cache.prune_briefs({p.extraction for p in plans if p.extraction})
    summary.seconds = time.perf_counter() - started
    for line in summary.lines(out_dir):
        print(line, file=stream)
    return summary


def _dry_run(plans: list[SeedPlan], out_dir: Path, stream, started: float) -> BuildSummary:
    summary = BuildSummary()
    for plan in plans:
        for output in plan.outputs:
            if output.why:
                summary.planned.append((output.path, output.why))
                print(f"{output.path}: {output.why}")
            else:
                summary.up_to_date.append(output.path)
        if plan.extraction and plan.brief_json_stale:
            print(f"{plan.target / BRIEF_JSON}: {'extract' if plan.stale else 'write'}")
    summary.seconds = time.perf_counter() - started
    print(f"briefdoc: would build {len(summary.planned)}, up to date {len(summary.up_to_date)}"
          f" ({len(summary.planned) + len(summary.up_to_date)} PDFs in {out_dir})", file=stream)
    return summary


def _brief_known(plan: SeedPlan, cache, ready: deque, summary: BuildSummary, bar: Progress) -> None:
    """A seed's brief is at hand: write brief.json if it is stale and queue its renders."""
    if plan.brief_json_stale:
        path = plan.target / BRIEF_JSON
        try:
            plan.target.mkdir(parents=True, exist_ok=True)
            st = cache_mod.write_atomic(path, plan.brief_json)
            cache.record_output(path, plan.extraction, cache_mod.fingerprint(st))
        except OSError as exc:
            summary.failures.append(Failure(str(path), f"cannot write ({exc.strerror})", 0))
    if plan.stale:
        try:
            plan.target.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            _fail_seed(plan, f"cannot create {plan.target} ({exc.strerror})", summary, bar)
            return
    # Longest renders first (a layout's page budget as the estimate; unbounded counts as
    # three pages), so that no worker is left with a long render while the others idle.
    ready.extend((plan, output) for output in sorted(plan.stale, key=lambda o: -(getattr(o.layout, "max_pages", 0) or 3)))


def _fail_seed(plan: SeedPlan, reason: str, summary: BuildSummary, bar: Progress) -> None:
    if plan.stale:
        summary.failures.append(Failure(str(plan.seed), reason, len(plan.stale)))
        bar.advance("failed", len(plan.stale), plan.seed.name)
    else:  # only brief.json was to be written
        summary.failures.append(Failure(str(plan.seed), reason, 0))


def _execute(to_extract, ready, cache, summary, bar, *, jobs, n_tasks, extractor, render_options, content_options) -> None:
    """Run the extractions and renders, renders first, at most ``jobs`` at a time.

    With fewer seeds to extract than workers (a build of one seed), the extractions
    get processes of their own, started first; meanwhile this process loads WeasyPrint,
    the fonts and the templates, and the render workers are forked from it once it is
    warm, so that none of them loads WeasyPrint again. Otherwise every worker both
    extracts and renders."""
    workers = min(jobs, n_tasks)
    split = workers > 1 and 0 < len(to_extract) < workers
    initargs = (extractor, len(to_extract) >= workers)
    if workers <= 1:
        _init_worker(extractor, False, in_process=True)
        make_pool = _InProcess
    else:
        def make_pool():
            return _pool(workers, initargs)

    def spec(plan: SeedPlan, output: Output) -> dict:
        return {
            "extraction": plan.extraction, "brief_json": plan.brief_json, "seed": str(plan.seed),
            "layout": output.layout, "locale": output.locale, "path": str(output.path),
            "render_options": render_options, "content_options": content_options,
        }

    from concurrent.futures.process import BrokenProcessPool

    died = "a worker process died under this task; out of memory?"

    def handle(fut: Future, kind: str, plan, output) -> bool:
        """Take in one finished task; False when its worker died (and the pool with it)."""
        try:
            ok, result = fut.result()
        except BrokenProcessPool:  # a worker died; every task still in the pool fails with it
            ok, result = False, died
        except Exception as exc:  # the task could not be sent or its result not returned (pickling)
            ok, result = False, _reason(exc)
        if kind == "warm":
            pass  # a failure here shows again, with its reason, in the renders
        elif kind == "extract":
            if ok:
                summary.extracted += 1
                plan.brief_json = result
                cache.store_brief(plan.extraction, result)
                _brief_known(plan, cache, ready, summary, bar)
            else:
                _fail_seed(plan, result, summary, bar)
        elif ok:
            cache.record_output(output.path, output.key, result, output.parts)
            summary.built.append(output.path)
            bar.advance("built", 1, f"{plan.seed.stem}/{output.path.name}")
        else:
            cache.forget_output(output.path)
            summary.failures.append(Failure(str(output.path), result))
            bar.advance("failed", 1, f"{plan.seed.stem}/{output.path.name}")
        return result is not died

    inflight: dict[Future, tuple] = {}
    extracting: dict[Future, tuple] = {}  # split: the extractions, in their own pool
    ext_pool = None
    pool = None
    try:
        if split:
            ext_pool = _pool(len(to_extract), (extractor, True))
            try:
                ext_pool.submit(_no_job)  # fork the extraction processes now: they start loading spaCy
            except BrokenProcessPool:
                pass  # the extractions below fail with the reason
            while to_extract:
                # The seed is read (YAML front matter and all) here, while the extraction
                # process loads spaCy; it fails there, with its reason, if it cannot be read.
                plan = to_extract.popleft()
                try:
                    extracting[ext_pool.submit(_extract_job, str(plan.seed), _read_article(plan.seed))] = ("extract", plan, None)
                except BrokenProcessPool:
                    _fail_seed(plan, died, summary, bar)
            stale = [o for task in extracting.values() for o in task[1].stale]
            _warm_here(list({o.layout.name: o.layout for o in stale}.values()), list(dict.fromkeys(o.locale for o in stale)))
        pool = make_pool()
        if split:
            for _ in range(workers):  # fork the workers now, while the extraction runs
                inflight[pool.submit(_no_job)] = ("warm", None, None)
        restarts = 0
        while ready or to_extract or inflight or extracting:
            broken = False
            while len(inflight) < workers + 1 and (ready or to_extract):
                task = ("render", *ready.popleft()) if ready else ("extract", to_extract.popleft(), None)
                try:
                    if task[0] == "render":
                        fut = pool.submit(_render_job, spec(task[1], task[2]))
                    else:
                        fut = pool.submit(_extract_job, str(task[1].seed))
                except BrokenProcessPool:
                    (ready.appendleft(task[1:]) if task[0] == "render" else to_extract.appendleft(task[1]))
                    broken = True
                    break
                inflight[fut] = task
            if broken:  # the pool died before we noticed: everything in it has finished or failed
                done = set(inflight)
                wait(done)
            else:
                done, _ = wait([*inflight, *extracting], return_when=FIRST_COMPLETED)
            for fut in done:
                if fut in extracting:  # a dead extraction process fails its seed, not the render pool
                    handle(fut, *extracting.pop(fut))
                    if not extracting:
                        ext_pool.shutdown(wait=False)  # spaCy's memory is given back before the renders peak
                elif not handle(fut, *inflight.pop(fut)):
                    broken = True
            if broken:
                # The tasks still in the dead pool fail with it; the rest go to a new pool.
                wait(list(inflight))
                for fut in list(inflight):
                    handle(fut, *inflight.pop(fut))
                pool.shutdown(wait=False, cancel_futures=True)
                restarts += 1
                if restarts > MAX_POOL_RESTARTS:
                    for plan, output in ready:
                        summary.failures.append(Failure(str(output.path), "not built: worker processes keep dying"))
                    for plan in to_extract:
                        _fail_seed(plan, "not built: worker processes keep dying", summary, bar)
                    for plan in (task[1] for task in extracting.values()):
                        _fail_seed(plan, "not built: worker processes keep dying", summary, bar)
                    ready.clear()
                    to_extract.clear()
                    if extracting:
                        extracting.clear()
                        ext_pool.shutdown(wait=False, cancel_futures=True)
                    break
                pool = make_pool()
    except BaseException:
        for p in (pool, ext_pool):
            if p is not None:
                p.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown(wait=True)
    if ext_pool is not None:
        ext_pool.shutdown(wait=True)
