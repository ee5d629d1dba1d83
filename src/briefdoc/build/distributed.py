"""A build on a Dask cluster (``briefdoc build --scheduler``): the same plan, cache and
outputs as a local build, with the extractions and renders done by the workers of a
Dask distributed cluster.

This process, the client, plans the build (plan.py), sends each task what it needs,
writes every output it gets back (atomically, as a local build does) and keeps the
cache; a worker needs only briefdoc installed (``pip install 'briefdoc[distributed]'``,
the same version as the client's) and the system's fonts, and reads nothing of the
build from its own disk:

- an extraction carries the seed's bytes and returns the brief's JSON text;
- a render carries its brief (the extraction's result, which stays on the workers, or
  a brief from the cache), its layout's files with the shared templates as one bundle,
  the UI catalogs of its locale as another, and the seed's content catalog for the
  locale; it returns the PDF's bytes. A bundle, a content catalog and a cached brief are
  each a task of their own, keyed by the digest of what they hold: a worker fetches one
  once, and one lost with a worker that dies is made again.

A task that fails for its input returns the reason, as in a local build: its outputs
fail, the others are written (exit 4). A worker that dies under a task: the scheduler
gives the task to another worker, up to its ``allowed-failures`` (3 by default); past
that the task's outputs fail with KilledWorker's reason, and the build goes on.

Before the first task, every worker's briefdoc is checked against this process's (the
code and data of extraction and rendering, the libraries' versions, the fonts): a
worker that would make other bytes is an error (exit 2)."""

from __future__ import annotations

import atexit
import dataclasses
import gc
import importlib.util
import logging
import os
import re
import shutil
import sys
import tempfile
import threading
import uuid
from collections import deque
from functools import lru_cache
from pathlib import Path

from ..localize import locales as locales_mod
from ..localize.content import find_catalog
from ..localize.locales import fallback_chain
from ..model.errors import InputError, one_line
from ..model.files import write_atomic
from ..model.resources import LAYOUTS, data_dir
from ..model.version import __version__
from ..read.seeds import MAX_BYTES, read_limited
from ..render.layouts import read_file
from . import cache as cache_mod
from .cache import fingerprint
from .plan import MAX_CATALOG_BYTES, Output, SeedPlan

LOCAL = re.compile(r"local:(\d{1,6})")
TCP = re.compile(r"tcp://(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\]):(\d{1,5})/?")
MAX_LOCAL_WORKERS = 256
CONNECT_SECONDS = 10.0  # BRIEFDOC_SCHEDULER_TIMEOUT: how long to wait for the scheduler, and for a first worker
RETRIES = 1  # a task that raises (not one that returns its input's failure) is tried once more
# Dask's background work, for the clusters briefdoc starts (local:N; the README gives the same
# settings for 'dask scheduler' and 'dask worker'): no statistical profiler (it samples the
# running task's stack every 10 ms, for a dashboard that is not there), and the event loop's
# health check, the memory monitor and the system monitor every second or five instead of every
# 20, 100 and 500 ms. An idle worker then costs 0.2% of a core instead of 2.4%, and the client
# with the scheduler 0.4% instead of 2.5%: on a build of a minute, seconds of CPU.
QUIET = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
}
# No dashboard; the scheduler's small HTTP server (health, metrics) on a free port of this machine, not 8787
NO_DASHBOARD = {"dashboard": False, "dashboard_address": "127.0.0.1:0"}
USAGE = "give tcp://HOST:PORT (a running 'dask scheduler') or local:N (N worker processes on this machine)"


def connect_seconds() -> float:
    raw = os.environ.get("BRIEFDOC_SCHEDULER_TIMEOUT", "").strip()
    if not raw:
        return CONNECT_SECONDS
    try:
        value = float(raw)
        if not value > 0:
            raise ValueError(raw)
    except ValueError:
        raise InputError(f"BRIEFDOC_SCHEDULER_TIMEOUT={raw!r} is not a number of seconds; fix or unset it") from None
    return value


class Cluster:
    """Where a build's tasks go: ``scheduler`` is "tcp://HOST:PORT" (a running Dask
    scheduler) or "local:N" (a LocalCluster of N worker processes, started for the build
    and stopped after it). InputError (exit 2) for anything else, or when Dask is not
    installed. Nothing is connected or started until :meth:`run`."""

    def __init__(self, scheduler: str):
        self.name = str(scheduler).strip()
        self.local = None
        local = LOCAL.fullmatch(self.name)
        tcp = TCP.fullmatch(self.name)
        if local:
            self.local = int(local.group(1))
            if not 1 <= self.local <= MAX_LOCAL_WORKERS:
                raise InputError(f"--scheduler {self.name}: a local cluster has 1 to {MAX_LOCAL_WORKERS} worker processes; "
                                 "give local:N with N of at least 1")
        elif not tcp or not 1 <= int(tcp.group(1)) <= 65535:
            raise InputError(f"--scheduler {self.name[:200]!r}: {USAGE}")
        if importlib.util.find_spec("distributed") is None:
            raise InputError("--scheduler: Dask is not installed here; install it with pip install 'briefdoc[distributed]'")

    def run(self, outcomes, to_extract: deque, *, extractor=None, render_options: dict, content_options: dict) -> None:
        """Do the build's tasks on the cluster: the seeds of ``to_extract`` and the renders
        in ``outcomes.ready``; each outcome goes to ``outcomes`` (batch.Outcomes)."""
        client, cluster = self._connect()
        try:
            env = _check_workers(client, self.name)
            _Run(client, outcomes, to_extract, env, extractor, render_options, content_options).run()
        finally:
            _close(client, cluster)

    def _connect(self):
        # Dask loads only for a build on a cluster (a local build, and --help, never import it)
        import dask
        import distributed

        timeout = connect_seconds()
        # Dask's own log lines (a worker restarted, a task given up) would break the one-line
        # report of a build; the outcome of every task is in the summary.
        quiet_logs = logging.CRITICAL
        logging.getLogger("distributed").setLevel(quiet_logs)
        if self.local is not None:
            with dask.config.set(QUIET):
                cluster = distributed.LocalCluster(n_workers=self.local, threads_per_worker=1, processes=True,
                                                   dashboard_address=None, silence_logs=quiet_logs,
                                                   scheduler_kwargs=NO_DASHBOARD)
            return distributed.Client(cluster, timeout=timeout), cluster
        try:
            client = distributed.Client(self.name, timeout=timeout)
        except (OSError, TimeoutError, ValueError) as exc:
            raise InputError(f"--scheduler {self.name}: no Dask scheduler answered within {timeout:g} s "
                             f"({one_line(exc, 120)}); start one with 'dask scheduler' and check the address") from None
        try:
            client.wait_for_workers(1, timeout=timeout)
        except (OSError, TimeoutError) as exc:
            _close(client, None)
            raise InputError(f"--scheduler {self.name}: the scheduler has no worker (waited {timeout:g} s); "
                             f"start one with 'dask worker {self.name}'") from None
        return client, None


def _close(client, cluster) -> None:
    for thing in (client, cluster):
        if thing is None:
            continue
        try:
            thing.close()
        except Exception:  # a scheduler already gone: nothing left to close
            pass


# -- what a worker must be -----------------------------------------------------------

@lru_cache(maxsize=1)
def environment() -> dict:
    """What decides the bytes this process extracts and renders: briefdoc's version, the
    code digests of extraction and rendering (code, data, libraries, Python) and the
    fonts the layouts use."""
    return {
        "briefdoc": __version__,
        "python": ".".join(map(str, sys.version_info[:2])),
        "extraction": cache_mod.code_digest("extraction"),
        "rendering": cache_mod.code_digest("rendering"),
        "fonts": _fonts_digest(),
    }


def _fonts_digest() -> str:
    # the font stacks and fontconfig's list: only to compare a cluster's workers with the client
    from ..render import fonts

    families = {f for table in (fonts.SERIF, fonts.SANS) for stack in table.values() for f in stack}
    families |= {f for stack in fonts.FALLBACK.values() for f in stack}
    faces = []
    for family in sorted(families):
        for face in fonts.installed_faces().get(family, []):
            try:
                size = os.path.getsize(face.path)
            except OSError:
                size = -1
            faces.append((family, face.style, os.path.basename(face.path), size))
    return cache_mod.digest(sorted(faces))


def _difference(theirs: dict, mine: dict) -> str | None:
    """How a worker's environment differs from this process's, in a few words, or None."""
    if not isinstance(theirs, dict):
        return "it answered no environment"
    if theirs.get("briefdoc") != mine["briefdoc"] or theirs.get("python") != mine["python"]:
        return (f"it runs briefdoc {theirs.get('briefdoc')} on Python {theirs.get('python')}, "
                f"this client briefdoc {mine['briefdoc']} on Python {mine['python']}")
    for key, what in (("extraction", "extraction code or libraries"), ("rendering", "rendering code or libraries"),
                      ("fonts", "fonts")):
        if theirs.get(key) != mine[key]:
            return f"its {what} differ from this client's"
    return None


def _check_workers(client, name: str) -> dict:
    """This process's environment, once every worker connected now is checked to have
    the same (InputError naming the first that does not)."""
    mine = environment()
    try:
        theirs = client.run(environment)
    except Exception as exc:  # a worker that cannot import briefdoc cannot unpickle the call
        raise InputError(f"--scheduler {name}: the workers cannot run briefdoc's tasks ({one_line(exc, 160)}); "
                         "install briefdoc[distributed], the same version as here, on every worker") from None
    for address, env in sorted(theirs.items()):
        problem = _difference(env, mine)
        if problem:
            raise InputError(f"--scheduler {name}: worker {address} would not make the same files: {problem}; "
                             "install the same briefdoc (and fonts-noto-core) on every worker as here")
    return mine


# -- the worker's side -------------------------------------------------------------------

_UNPACKED: dict[str, Path] = {}
_LOCK = threading.Lock()
_STATE: dict = {"init": False, "root": None}


def _where() -> str:
    """This worker's address ("-" outside a worker)."""
    # only ever called inside a task, on a worker (the import is cheap there: dask is loaded)
    from distributed import get_worker

    try:
        return get_worker().address
    except ValueError:
        return "-"


def _mismatch(expected: dict) -> str | None:
    problem = _difference(environment(), expected)
    return None if problem is None else f"worker {_where()} would not make the same file: {problem}"


def _workers_module(extractor):
    """briefdoc's worker side (workers.py), set up once per process; ``extractor`` set for this task."""
    # the worker side loads every stage: only on a cluster's workers, never in the client
    from . import workers

    with _LOCK:
        if not _STATE["init"]:
            workers.init_worker(extractor, False, in_process=True)
            _STATE["init"] = True
        workers._WORKER["extractor"] = extractor
    return workers


def _warm(stage: str, load) -> None:
    """Before this process's first task of ``stage``: ``load`` what the stage uses (spaCy's
    pipeline; WeasyPrint, the fonts, a layout's templates), then move every object loaded
    so far out of the garbage collector's sight (gc.freeze), as the local pool's workers
    do: a full collection no longer scans the model and the libraries (they are a fifth
    of a render's or an extraction's time otherwise)."""
    with _LOCK:
        if stage in _STATE:
            return
        _STATE[stage] = True
    try:
        load()
    except Exception:
        pass  # the task fails with the reason
    gc.freeze()


def _bundles_root() -> Path:
    """Where this process unpacks bundles: a folder in its Dask worker's own directory,
    which Dask removes when the worker stops (and purges when a worker that was killed
    left it behind); outside a worker, a temporary folder removed when the process ends."""
    if _STATE["root"] is None:
        # only ever called inside a task, on a worker (the import is cheap there: dask is loaded)
        from distributed import get_worker

        try:
            root = Path(tempfile.mkdtemp(prefix="briefdoc-", dir=get_worker().local_directory))
        except (ValueError, AttributeError, OSError):  # not in a worker
            root = Path(tempfile.mkdtemp(prefix="briefdoc-worker-"))
        atexit.register(shutil.rmtree, root, True)
        _STATE["root"] = root
    return _STATE["root"]


def _unpack(bundle: dict) -> Path:
    """The folder holding ``bundle``'s files, written once per process in a private
    folder (_bundles_root) under the bundle's digest."""
    key = bundle["digest"]
    with _LOCK:
        if key in _UNPACKED:
            return _UNPACKED[key]
        folder = _bundles_root() / key[:32]
        for rel, data, mtime_ns in bundle["files"]:
            parts = Path(rel).parts
            if Path(rel).is_absolute() or ".." in parts or not parts:
                raise ValueError(f"a bundle file named {rel!r}")
            path = folder.joinpath(*parts)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            if mtime_ns is not None:
                os.utime(path, ns=(mtime_ns, mtime_ns))
        _UNPACKED[key] = folder
        return folder


def hold(value):
    """A value the client sends once for many tasks (a bundle, a catalog, a cached brief)."""
    return value


def extract_task(seed: str, data: bytes, extractor, expected: dict) -> tuple:
    """Extract a seed from its bytes: (True, brief JSON text, worker) or (False, reason, worker)."""
    problem = _mismatch(expected)
    if problem:
        return False, problem, _where()
    workers = _workers_module(extractor)
    if extractor is None:
        _warm("extraction", workers.nlp.pipeline)
    ok, result = workers.extract_job(seed, data=data)
    return ok, result, _where()


def render_task(spec: dict, brief: tuple, layout_bundle: dict, ui_bundle: dict, catalog: tuple, expected: dict) -> tuple:
    """Render one PDF: (True, its bytes, worker) or (False, reason, worker). ``brief`` is
    an extraction's result, ``catalog`` the content catalog (path, bytes) or (None, None)."""
    problem = _mismatch(expected)
    if problem:
        return False, problem, _where()
    # the UI catalogs of the build, not the worker's: loaded only on a worker
    from ..localize.ui import only_catalog_dirs

    workers = _workers_module(None)
    theirs = spec["layout"]
    folder = _unpack(layout_bundle)
    layout = dataclasses.replace(theirs, path=folder / "layout", shared=folder / "shared")
    with only_catalog_dirs([_unpack(ui_bundle)]):
        _warm("rendering", lambda: workers.warm_here([layout], [spec["locale"]]))
        ok, result = workers.render_bytes({**spec, "layout": layout, "brief_json": brief[1], "catalog": catalog})
    if not ok:  # say where the layout's files are on the client, not here
        result = result.replace(str(layout.path), str(theirs.path)).replace(str(layout.shared), str(theirs.shared_dir))
    return ok, result, _where()


# -- the client's side -------------------------------------------------------------------

def layout_bundle(layout) -> dict:
    """A layout's files and the shared templates (as cache.layout_digest counts them)."""
    builtin = data_dir(LAYOUTS)
    files = []
    for path in layout.files:
        rel = path.relative_to(layout.path)
        files.append((f"layout/{rel.as_posix()}", read_file(layout.path, str(rel)), None))
    for path in cache_mod.shared_layout_files(builtin):
        rel = path.relative_to(builtin)
        files.append((f"shared/{rel.as_posix()}", read_file(builtin, str(rel)), None))
    return {"digest": cache_mod.digest("layout", [(rel, data) for rel, data, _ in files]), "files": files}


def ui_bundle(locale: str) -> dict:
    """The UI catalogs of ``locale``'s fallback chain (as cache.ui_catalog_digest counts
    them), with their times: a .mo is used when it is not older than its .po."""
    root = locales_mod.translations_dir()
    files = []
    for loc in fallback_chain(locale):
        folder = root / loc / "LC_MESSAGES"
        if not folder.is_dir():
            continue
        for path in sorted(folder.iterdir()):
            if path.is_file() and path.suffix in (".po", ".mo"):
                files.append((f"{loc}/LC_MESSAGES/{path.name}", path.read_bytes(), path.stat().st_mtime_ns))
    return {"digest": cache_mod.digest("ui", [(rel, data, t) for rel, data, t in files]), "files": files}


class _Run:
    """One build's tasks on the cluster: extractions first submitted, renders as their
    brief is known (renders go first on the workers: their priority is higher); each
    outcome taken in as it comes."""

    def __init__(self, client, outcomes, to_extract: deque, env: dict, extractor, render_options, content_options):
        self.client, self.outcomes, self.to_extract, self.env = client, outcomes, to_extract, env
        self.extractor = extractor
        self.options = {"render_options": render_options, "content_options": content_options}
        self.tasks: dict = {}  # future -> ("extract", plan, None) | ("render", plan, output)
        self.briefs: dict[str, object] = {}  # extraction key -> the future of its brief
        self.renders_left: dict[str, int] = {}  # extraction key -> its renders not yet taken in
        self.held: dict[str, object] = {}  # task key -> the future of a value sent once
        self.layouts: dict[str, dict] = {}
        self.ui: dict[str, dict] = {}
        self.catalogs: dict[tuple, tuple] = {}
        self.token = uuid.uuid4().hex[:12]
        self.count = 0

    def key(self, kind: str, name: str) -> str:
        self.count += 1
        return f"briefdoc-{kind}-{name[:60]}-{self.token}-{self.count}"

    def run(self) -> None:
        # the client's side of Dask: loaded by Cluster.run already
        from distributed import as_completed

        self.done = as_completed([])
        try:
            self.submit_extractions()
            self.submit_renders()
            # Whatever has finished is taken in at once: one gather for its results, one
            # submission for the renders it makes ready (a message each, not one per task).
            for batch in self.done.batches():
                for future, result in self.results(batch):
                    kind, plan, output = self.tasks.pop(future)
                    ok, value = self.outcome(result)
                    if kind == "extract":
                        self.extracted(future, plan, ok, value)
                    else:
                        self.rendered(plan, output, ok, value)
                self.submit_renders()
        except BaseException:
            try:
                self.client.cancel(list(self.tasks))
            except Exception:
                pass
            raise

    def results(self, batch: list) -> list:
        """(future, its result or its exception) for each future of ``batch``."""
        finished = [f for f in batch if f.status == "finished"]
        try:
            values = self.client.gather(finished)
        except Exception:  # one of them failed since (its data lost with a worker, and remade wrong): one by one
            values = [self.one(f) for f in finished]
        found = dict(zip(finished, values))
        return [(f, found[f] if f in found else self.one(f)) for f in batch]

    @staticmethod
    def one(future):
        try:
            return future.result()
        except BaseException as exc:  # KilledWorker, a cancellation, a task that raised
            if isinstance(exc, KeyboardInterrupt):
                raise
            return exc

    def outcome(self, result) -> tuple[bool, object]:
        """(ok, the task's result or why it failed); counts the worker that did it."""
        # a result that came back is the result, even if the worker that made it has died since
        if isinstance(result, tuple) and len(result) == 3 and isinstance(result[0], bool):
            ok, value, where = result
            self.outcomes.summary.workers[where] = self.outcomes.summary.workers.get(where, 0) + 1
            return ok, value
        name = type(result).__name__
        if name == "KilledWorker":
            return False, ("not made: every worker that ran this task died under it (out of memory? a crash in a "
                           "library?); see the workers' logs")
        if name in ("CancelledError", "FutureCancelledError"):
            return False, "not made: the task was cancelled (the scheduler lost it, or the connection to it)"
        return False, f"internal error on a worker: {name}: {one_line(result, 200)}"

    def submit(self, fn, tasks: list, args: list[tuple], keys: list[str], priority: int) -> None:
        """``fn`` on each of ``args`` (futures among them are the results of other tasks),
        in one submission."""
        if not tasks:
            return
        futures = self.client.map(fn, *zip(*args), key=keys, priority=priority, retries=RETRIES)
        for future, task in zip(futures, tasks):
            self.tasks[future] = task
        self.done.update(futures)

    # extractions
    def submit_extractions(self) -> None:
        tasks, args, keys = [], [], []
        while self.to_extract:
            plan = self.to_extract.popleft()
            try:
                data = read_limited(plan.seed)
            except OSError as exc:
                self.outcomes.fail_seed(plan, f"cannot read the seed ({exc.strerror or exc}); check its permissions")
                continue
            if data is None:
                self.outcomes.fail_seed(plan, f"over the {MAX_BYTES / 1e6:.0f} MB limit for one article; split it or trim it")
                continue
            tasks.append(("extract", plan, None))
            args.append((str(plan.seed), data, self.extractor, self.env))
            keys.append(self.key("extract", plan.seed.stem))
        self.submit(extract_task, tasks, args, keys, priority=0)

    def extracted(self, future, plan: SeedPlan, ok: bool, value) -> None:
        if ok and plan.stale:
            self.briefs.setdefault(plan.extraction, future)  # its renders take the brief from the workers
        self.outcomes.extracted(plan, ok, value)  # writes brief.json, caches the brief, queues the renders

    # renders
    def submit_renders(self) -> None:
        ready = self.outcomes.ready
        tasks, args, keys = [], [], []
        while ready:
            plan, output = ready.popleft()
            spec = {"extraction": plan.extraction, "seed": str(plan.catalogs), "layout": output.layout,
                    "locale": output.locale, "path": str(output.path), **self.options}
            try:
                args.append((spec, self.brief(plan), self.layout(output.layout), self.ui_catalogs(output.locale),
                             self.catalog(plan, output.locale), self.env))
            except (OSError, InputError) as exc:
                self.outcomes.rendered(output, False, one_line(exc))
                continue
            tasks.append(("render", plan, output))
            keys.append(self.key("render", f"{plan.seed.stem}-{output.path.name}"))
            self.renders_left[plan.extraction] = self.renders_left.get(plan.extraction, 0) + 1
        self.submit(render_task, tasks, args, keys, priority=1)

    def rendered(self, plan: SeedPlan, output: Output, ok: bool, value) -> None:
        if ok:
            try:
                written = fingerprint(write_atomic(output.path, value))
            except OSError as exc:
                ok, written = False, f"cannot write ({exc.strerror or exc})"
            self.outcomes.rendered(output, ok, written)
        else:
            self.outcomes.rendered(output, False, value)
        self.renders_left[plan.extraction] -= 1
        if not self.renders_left[plan.extraction]:  # (a seed's renders are submitted together)
            self.briefs.pop(plan.extraction, None)  # the workers may forget the brief now

    def hold(self, kind: str, digest: str, value):
        """The future of ``value``, sent once per build under a key of its digest."""
        key = f"briefdoc-{kind}-{digest}"
        if key not in self.held:
            self.held[key] = self.client.submit(hold, value, key=key, priority=2)
        return self.held[key]

    def brief(self, plan: SeedPlan):
        if plan.extraction not in self.briefs:  # from the cache: sent once
            self.briefs[plan.extraction] = self.hold("brief", plan.extraction, (True, plan.brief_json, "-"))
        return self.briefs[plan.extraction]

    def layout(self, layout):
        if layout.name not in self.layouts:
            self.layouts[layout.name] = layout_bundle(layout)
        bundle = self.layouts[layout.name]
        return self.hold("layout", bundle["digest"], bundle)

    def ui_catalogs(self, locale: str):
        if locale not in self.ui:
            self.ui[locale] = ui_bundle(locale)
        bundle = self.ui[locale]
        return self.hold("ui", bundle["digest"], bundle)

    def catalog(self, plan: SeedPlan, locale: str):
        """The seed's content catalog for ``locale``, as the render would find it beside the
        seed: (path, bytes), sent once; (None, None) when there is none."""
        where = (str(plan.catalogs), locale)
        if where not in self.catalogs:
            path = find_catalog(plan.catalogs, locale)
            if path is None:
                self.catalogs[where] = (None, None)
            else:
                data = read_limited(path, MAX_CATALOG_BYTES)
                if data is None:
                    raise InputError(f"{path.name}: over the {MAX_CATALOG_BYTES // 1_000_000} MB limit for a content catalog")
                self.catalogs[where] = (str(path), data)
        found = self.catalogs[where]
        if found[0] is None:
            return found
        return self.hold("catalog", cache_mod.digest(*found), found)
