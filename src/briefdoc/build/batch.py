"""Building many briefs: seeds x layouts x locales into out/<seed>/<layout>.<locale>.pdf.

A build plans first and works second (plan.py): what each output is made from is
hashed and the outputs whose cache record still matches the file on disk are left
alone, without importing spaCy or WeasyPrint, so a build with nothing to do
finishes at once. The work is then done by a pool of worker processes
(workers.py), each of which loads spaCy and WeasyPrint's fonts once: every seed is
extracted once (or its brief comes from the cache) and its renders fan out from
there. A failure costs only the outputs it touches; the summary lists them and the
command exits with 4. With ``scheduler`` the same work goes to the workers of a Dask
cluster instead (distributed.py); this process still plans, writes every output and
keeps the cache."""

from __future__ import annotations

import os
import sys
import time
from collections import deque
from concurrent.futures import FIRST_COMPLETED, Future, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ..localize.locales import resolve, shipped_locales
from ..model.errors import InputError
from ..model.files import write_atomic
from ..read.seeds import find_seeds
from ..render.layouts import PDF_VARIANTS, discover
from ..render.layouts import get as get_layout
from . import cache as cache_mod
from .cache import fingerprint
from .plan import BRIEF_JSON, Output, SeedPlan, check_stems, make_plans
from .progress import Progress

MAX_POOL_RESTARTS = 2  # a worker that dies (out of memory, a crash in a C library) costs its task, not the build
DIED = "a worker process died under this task; out of memory?"


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


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
    scheduler: str | None = None  # a build on a Dask cluster: its scheduler (tcp://HOST:PORT, local:N)
    workers: dict[str, int] = field(default_factory=dict)  # the cluster's workers used: address -> tasks done

    @property
    def failed(self) -> int:
        """The number of outputs that failed."""
        return sum(f.outputs for f in self.failures)

    @property
    def total(self) -> int:
        return len(self.built) + len(self.up_to_date) + self.failed

    def lines(self, out_dir: Path, shown: set[str] = frozenset()) -> list[str]:
        """The summary: a line of counts, then a line per failure (but those in ``shown``,
        printed as they happened)."""
        head = (
            f"briefdoc: built {len(self.built)}, up to date {len(self.up_to_date)}, failed {self.failed}"
            f" ({self.total} PDFs in {out_dir}, {self.seconds:.1f} s)"
        )
        failures = [f"briefdoc: failed: {f.what}: {f.reason}" for f in self.failures]
        cluster = []
        if self.workers:  # a build on a cluster that ran tasks: which workers did them
            used = ", ".join(f"{address} ({n} task{'s' if n != 1 else ''})" for address, n in sorted(self.workers.items()))
            cluster = [f"briefdoc: on {self.scheduler}: {len(self.workers)} worker{'s' if len(self.workers) != 1 else ''}: {used}"]
        return [head] + cluster + [line for line in failures if line not in shown]

    def as_json(self, out_dir: Path) -> dict:
        """The summary as ``build --json`` prints it (README: "JSON output")."""
        return {
            "out": str(out_dir),
            "built": [str(p) for p in self.built],
            "up_to_date": [str(p) for p in self.up_to_date],
            "failed": [{"what": f.what, "reason": f.reason, "outputs": f.outputs} for f in self.failures],
            "planned": [{"path": str(p), "why": why} for p, why in self.planned],
            "extracted": self.extracted,
            "seconds": round(self.seconds, 3),
            "scheduler": self.scheduler,
            "workers": [{"address": address, "tasks": n} for address, n in sorted(self.workers.items())],
        }


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
    verbose: bool = False,
    summary: bool = True,
    catalogs_dir: Path | None = None,
    render_options: dict | None = None,
    content_options: dict | None = None,
    extractor: Callable | None = None,
    stream=None,
    scheduler: str | None = None,
) -> BuildSummary:
    """Render every seed with every layout in every locale; return what was done.

    ``jobs``: worker processes (default: the number of cores; 1 works in this
    process). ``force``: ignore the cache. ``dry_run``: only print, on stdout,
    each output that would be made and why, and return (nothing in
    ``summary.built``, the outputs to make in ``summary.planned``). ``progress``: draw a progress bar on
    ``stream`` (default: stderr, when it is a terminal); ``verbose``: a line per
    output made; ``summary``: print the summary (and the dry run's list) on ``stream``.
    ``catalogs_dir``: the content catalogs (<seed stem>.<locale>.po) are read there
    instead of beside each seed. ``render_options`` go to
    render_pdf, ``content_options`` to content.translator_for; both are part of
    the cache key. ``extractor`` (Article -> Brief) replaces the extraction
    pipeline; it must be picklable to run in worker processes. ``scheduler``: run the
    extractions and renders on a Dask cluster, "tcp://HOST:PORT" (a running scheduler)
    or "local:N" (a cluster of N worker processes started here); ``jobs`` is then unused."""
    started = time.perf_counter()
    cluster = _cluster(scheduler)  # checked before anything is planned (exit 2)
    stream = sys.stderr if stream is None else stream
    render_options = dict(render_options or {})
    content_options = dict(content_options or {})
    chosen_layouts, chosen_locales = _choose(layouts, locales, layouts_dirs, render_options)
    seed_files = find_seeds(list(seeds))
    check_stems(seed_files)
    out_dir = Path(out_dir)
    _make_out_dir(out_dir)

    cache = cache_mod.Cache(out_dir, read=not force)
    options = {"render": render_options, "content": content_options}
    plans = make_plans(seed_files, chosen_layouts, chosen_locales, out_dir, cache, options, catalogs_dir)
    if dry_run:
        return _dry_run(plans, out_dir, stream, started, listing=summary)

    report, summary = summary, BuildSummary(scheduler=cluster.name if cluster is not None else None)
    bar = Progress(sum(len(p.stale) for p in plans), stream, stream.isatty() if progress is None else progress,
                   verbose=verbose)
    _count_planned(plans, summary, bar)
    to_extract, ready = _queue_work(plans, cache, summary, bar)
    try:
        bar.start()
        _execute(to_extract, Outcomes(cache, ready, summary, bar), cluster, jobs=jobs, extractor=extractor,
                 render_options=render_options, content_options=content_options)
    finally:
        bar.close()
    if summary.extracted:  # a new brief may have replaced an older one of the same seed
        cache.prune_briefs({p.extraction for p in plans if p.extraction})
    summary.seconds = time.perf_counter() - started
    if report:
        for line in summary.lines(out_dir, bar.shown):
            print(line, file=stream)
    return summary


def _cluster(scheduler: str | None):
    """The Dask cluster a build runs on (distributed.Cluster), or None: this machine."""
    if scheduler is None:
        return None
    # the Dask side loads only for a build on a cluster (a local build never imports it)
    from .distributed import Cluster

    return Cluster(scheduler)


def _execute(to_extract: deque, outcomes: Outcomes, cluster, *, jobs, extractor, render_options, content_options) -> None:
    """The extractions of ``to_extract`` and the renders of ``outcomes.ready``, on the
    cluster or in local worker processes (none when there is nothing to do)."""
    n_tasks = len(to_extract) + sum(len(p.stale) for p in to_extract) + len(outcomes.ready)
    if not n_tasks:
        return
    if cluster is not None:
        cluster.run(outcomes, to_extract, extractor=extractor, render_options=render_options,
                    content_options=content_options)
        return
    _Execution(to_extract, outcomes, jobs=default_jobs() if jobs is None else max(1, jobs), n_tasks=n_tasks,
               extractor=extractor, render_options=render_options, content_options=content_options).run()


def _choose(layouts, locales, layouts_dirs, render_options: dict) -> tuple[list, list[str]]:
    """The layouts and locales to build (default: all), checked."""
    variant = render_options.get("variant")
    if variant is not None and variant not in PDF_VARIANTS:
        raise InputError(f"--pdf-variant {variant!r}: choose one of {', '.join(PDF_VARIANTS)}")
    available = discover(layouts_dirs)
    # by default the layouts of one article's brief; a dossier layout when named (it shows the brief as a dossier)
    chosen_layouts = ([get_layout(name, layouts_dirs) for name in layouts] if layouts
                      else [lay for lay in available.values() if lay.kind == "brief"])
    chosen_locales = list(dict.fromkeys(resolve(loc) for loc in locales)) if locales else shipped_locales()
    return chosen_layouts, chosen_locales


def _make_out_dir(out_dir: Path) -> None:
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"{out_dir}: cannot create the output folder ({exc.strerror})") from None
    if not os.access(out_dir, os.W_OK):
        raise InputError(f"{out_dir}: cannot write there; choose another output folder")


def _count_planned(plans: list[SeedPlan], summary: BuildSummary, bar: Progress) -> None:
    """The outputs that are up to date, and those of seeds that cannot be read, counted."""
    for plan in plans:
        stale = {id(o) for o in plan.stale}
        current = [o.path for o in plan.outputs if id(o) not in stale]
        summary.up_to_date.extend(current)
        if plan.error:
            summary.failures.append(Failure(str(plan.seed), plan.error, len(plan.outputs)))
            bar.counts["failed"] += len(plan.outputs)
            bar.note_failure(str(plan.seed), plan.error)
        bar.counts["up to date"] += len(current)


def _queue_work(plans: list[SeedPlan], cache, summary: BuildSummary, bar: Progress):
    """(seeds to extract, renders ready to go): a seed whose brief is cached goes straight to its renders."""
    to_extract: deque[SeedPlan] = deque()
    ready: deque[tuple[SeedPlan, Output]] = deque()
    for plan in plans:
        if not (plan.extraction and plan.needs_brief):
            continue
        plan.brief_json = cache.load_brief(plan.extraction)
        if plan.brief_json is None:
            to_extract.append(plan)
        else:
            _brief_known(plan, cache, ready, summary, bar)
    return to_extract, ready


def _dry_run(plans: list[SeedPlan], out_dir: Path, stream, started: float, listing: bool = True) -> BuildSummary:
    summary = BuildSummary()
    for plan in plans:
        for output in plan.outputs:
            if output.why:
                summary.planned.append((output.path, output.why))
                if listing:
                    print(f"{output.path}: {output.why}")
            else:
                summary.up_to_date.append(output.path)
        if listing and plan.extraction and plan.brief_json_stale:
            print(f"{plan.target / BRIEF_JSON}: {'extract' if plan.stale else 'write'}")
    summary.seconds = time.perf_counter() - started
    if not listing:
        return summary
    print(f"briefdoc: would build {len(summary.planned)}, up to date {len(summary.up_to_date)}"
          f" ({len(summary.planned) + len(summary.up_to_date)} PDFs in {out_dir})", file=stream)
    return summary


def _brief_known(plan: SeedPlan, cache, ready: deque, summary: BuildSummary, bar: Progress) -> None:
    """A seed's brief is at hand: write brief.json if it is stale and queue its renders."""
    if plan.brief_json_stale:
        path = plan.target / BRIEF_JSON
        try:
            plan.target.mkdir(parents=True, exist_ok=True)
            st = write_atomic(path, plan.brief_json)
            cache.record_output(path, plan.extraction, fingerprint(st))
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
        bar.advance("failed", len(plan.stale), str(plan.seed), reason)
    else:  # only brief.json was to be written
        summary.failures.append(Failure(str(plan.seed), reason, 0))


class _Execution:
    """Runs the extractions and renders, renders first, at most ``jobs`` at a time.

    With fewer seeds to extract than workers (a build of one seed), the extractions
    get processes of their own, started first; meanwhile this process loads WeasyPrint,
    the fonts and the templates, and the render workers are forked from it once it is
    warm, so that none of them loads WeasyPrint again. Otherwise every worker both
    extracts and renders."""

    def __init__(self, to_extract, outcomes: Outcomes, *, jobs, n_tasks, extractor, render_options, content_options):
        # The worker side loads every stage; a build with nothing to do never imports it.
        from . import workers

        self.workers_mod = workers
        self.to_extract, self.outcomes = to_extract, outcomes
        self.ready, self.summary, self.bar = outcomes.ready, outcomes.summary, outcomes.bar
        self.extractor = extractor
        self.options = {"render_options": render_options, "content_options": content_options}
        self.workers = min(jobs, n_tasks)
        self.split = self.workers > 1 and 0 < len(to_extract) < self.workers
        self.initargs = (extractor, len(to_extract) >= self.workers)
        self.inflight: dict[Future, tuple] = {}
        self.extracting: dict[Future, tuple] = {}  # split: the extractions, in their own pool
        self.ext_pool = None
        self.pool = None

    def make_pool(self):
        if self.workers <= 1:
            self.workers_mod.init_worker(self.extractor, False, in_process=True)
            return self.workers_mod.InProcess()
        return self.workers_mod.pool(self.workers, self.initargs)

    def spec(self, plan: SeedPlan, output: Output) -> dict:
        return {
            "extraction": plan.extraction, "brief_json": plan.brief_json, "seed": str(plan.catalogs),
            "layout": output.layout, "locale": output.locale, "path": str(output.path), **self.options,
        }

    def run(self) -> None:
        try:
            if self.split:
                self.start_extractions()
            self.pool = self.make_pool()
            if self.split:
                for _ in range(self.workers):  # fork the workers now, while the extraction runs
                    self.inflight[self.pool.submit(self.workers_mod.no_job)] = ("warm", None, None)
            restarts = 0
            while self.ready or self.to_extract or self.inflight or self.extracting:
                if self.step():
                    restarts += 1
                    if not self.restart(give_up=restarts > MAX_POOL_RESTARTS):
                        break
        except BaseException:
            for p in (self.pool, self.ext_pool):
                if p is not None:
                    p.shutdown(wait=False, cancel_futures=True)
            raise
        self.pool.shutdown(wait=True)
        if self.ext_pool is not None:
            self.ext_pool.shutdown(wait=True)

    def start_extractions(self) -> None:
        """Split: the extraction processes start loading spaCy, each seed is read here
        and sent to them, and this process warms up for the renders meanwhile."""
        w = self.workers_mod
        self.ext_pool = w.pool(len(self.to_extract), (self.extractor, True))
        try:
            self.ext_pool.submit(w.no_job)  # fork the extraction processes now: they start loading spaCy
        except BrokenProcessPool:
            pass  # the extractions below fail with the reason
        while self.to_extract:
            # The seed is read (YAML front matter and all) here, while the extraction
            # process loads spaCy; it fails there, with its reason, if it cannot be read.
            plan = self.to_extract.popleft()
            try:
                fut = self.ext_pool.submit(w.extract_job, str(plan.seed), w.read_seed(plan.seed))
                self.extracting[fut] = ("extract", plan, None)
            except BrokenProcessPool:
                _fail_seed(plan, DIED, self.summary, self.bar)
        stale = [o for task in self.extracting.values() for o in task[1].stale]
        w.warm_here(list({o.layout.name: o.layout for o in stale}.values()), list(dict.fromkeys(o.locale for o in stale)))

    def step(self) -> bool:
        """Submit what fits, take in what finished; True when the pool died."""
        broken = self.submit()
        if broken:  # the pool died before we noticed: everything in it has finished or failed
            done = set(self.inflight)
            wait(done)
        else:
            done, _ = wait([*self.inflight, *self.extracting], return_when=FIRST_COMPLETED)
        for fut in done:
            if fut in self.extracting:  # a dead extraction process fails its seed, not the render pool
                self.handle(fut, *self.extracting.pop(fut))
                if not self.extracting:
                    self.ext_pool.shutdown(wait=False)  # spaCy's memory is given back before the renders peak
            elif not self.handle(fut, *self.inflight.pop(fut)):
                broken = True
        return broken

    def submit(self) -> bool:
        """Keep the pool one task ahead of its workers; True when it turned out dead."""
        w = self.workers_mod
        while len(self.inflight) < self.workers + 1 and (self.ready or self.to_extract):
            task = ("render", *self.ready.popleft()) if self.ready else ("extract", self.to_extract.popleft(), None)
            try:
                if task[0] == "render":
                    fut = self.pool.submit(w.render_job, self.spec(task[1], task[2]))
                else:
                    fut = self.pool.submit(w.extract_job, str(task[1].seed))
            except BrokenProcessPool:
                (self.ready.appendleft(task[1:]) if task[0] == "render" else self.to_extract.appendleft(task[1]))
                return True
            self.inflight[fut] = task
        return False

    def restart(self, give_up: bool) -> bool:
        """The tasks still in the dead pool fail with it; the rest go to a new pool, or,
        when workers keep dying, fail too. False when the build stops here."""
        wait(list(self.inflight))
        for fut in list(self.inflight):
            self.handle(fut, *self.inflight.pop(fut))
        self.pool.shutdown(wait=False, cancel_futures=True)
        if not give_up:
            self.pool = self.make_pool()
            return True
        why = "not built: worker processes keep dying"
        for plan, output in self.ready:
            self.summary.failures.append(Failure(str(output.path), why))
        for plan in [*self.to_extract, *(task[1] for task in self.extracting.values())]:
            _fail_seed(plan, why, self.summary, self.bar)
        self.ready.clear()
        self.to_extract.clear()
        if self.extracting:
            self.extracting.clear()
            self.ext_pool.shutdown(wait=False, cancel_futures=True)
        return False

    def handle(self, fut: Future, kind: str, plan, output) -> bool:
        """Take in one finished task; False when its worker died (and the pool with it)."""
        try:
            ok, result = fut.result()
        except BrokenProcessPool:  # a worker died; every task still in the pool fails with it
            ok, result = False, DIED
        except Exception as exc:  # the task could not be sent or its result not returned (pickling)
            ok, result = False, self.workers_mod.reason(exc)
        if kind == "extract":
            self.outcomes.extracted(plan, ok, result)
        elif kind == "render":
            self.outcomes.rendered(output, ok, result)
        # "warm": a failure here shows again, with its reason, in the renders
        return result is not DIED


class Outcomes:
    """What a build does with each task's outcome, wherever the task ran (a local
    worker process, a Dask worker): a brief extracted is cached, its brief.json
    written and its renders queued on ``ready``; an output made is recorded in the
    cache; a failure is counted and shown."""

    def __init__(self, cache, ready: deque, summary: BuildSummary, bar: Progress):
        self.cache, self.ready, self.summary, self.bar = cache, ready, summary, bar

    def extracted(self, plan: SeedPlan, ok: bool, result: str) -> None:
        """A seed's extraction ended: ``result`` is its brief JSON text, or why it failed."""
        if ok:
            self.summary.extracted += 1
            plan.brief_json = result
            self.cache.store_brief(plan.extraction, result)
            _brief_known(plan, self.cache, self.ready, self.summary, self.bar)
        else:
            _fail_seed(plan, result, self.summary, self.bar)

    def rendered(self, output: Output, ok: bool, result) -> None:
        """An output was written (``result``: the fingerprint of the file), or failed (why)."""
        if ok:
            self.cache.record_output(output.path, output.key, result, output.parts)
            self.summary.built.append(output.path)
            self.bar.advance("built", 1, str(output.path))
        else:
            self.cache.forget_output(output.path)
            self.summary.failures.append(Failure(str(output.path), result))
            self.bar.advance("failed", 1, str(output.path), result)

    def fail_seed(self, plan: SeedPlan, reason: str) -> None:
        """A seed whose brief cannot be had: all its outputs still to make fail."""
        _fail_seed(plan, reason, self.summary, self.bar)
