"""The batch build on Dask (issue 21): CPU per PDF of a local --jobs 1 build against the same
build on a LocalCluster of two workers (--scheduler local:2) and on a scheduler and two
workers started apart (dask scheduler, dask worker; --scheduler tcp://...), and the client's
overhead per task.

    .venv/bin/python bench/bench_distributed.py [--articles 100] [--words 800] [--layouts brief,memo]
        [--locales en,fr] [--no-tcp] [--json]

The articles are PolNeAR train texts (read from ../shared/data at run time; the first N files in
name order, each cut to at most --words words at a paragraph, with a publication date in front
matter), written as seeds to a temporary folder that is removed afterwards: nothing of the data
is kept. Each build runs in a fresh process with an empty output folder.

CPU is user + system time, steadier than wall time on a shared machine:

- a build's own process tree: getrusage(RUSAGE_CHILDREN) of this process around the build (it
  counts every descendant that was waited for: the LocalCluster's nannies and workers), and,
  as a check, the CPU of every process of the tree sampled with psutil while it runs;
- the tcp run: the client (the briefdoc process, alone), the scheduler and the workers
  (with their nannies), each read with psutil.

Client overhead per task: the client's CPU for the whole build less its CPU for the same build
with one output to make (startup, planning, connecting, the check of the workers, one task),
divided by the tasks left; and, as an upper bound, the whole build less a build with nothing to
do (no connection), divided by all the tasks."""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
TRAIN = ROOT.parent / "shared" / "data" / "polnear" / "train" / "text"
BIN = Path(sys.executable).parent


def make_seeds(folder: Path, n: int, words: int) -> int:
    """N seeds from the first N PolNeAR train texts; the total word count."""
    texts = sorted(TRAIN.glob("*.txt"))[:n]
    if len(texts) < n:
        raise SystemExit(f"{TRAIN}: {len(texts)} texts, fewer than {n}")
    total = 0
    folder.mkdir(parents=True)
    for i, path in enumerate(texts):
        kept, count = [], 0
        for para in path.read_text(encoding="utf-8").strip().split("\n"):
            n_words = len(para.split())
            if kept and count + n_words > words:
                break
            kept.append(para)
            count += n_words
        total += count
        body = "\n".join(kept)
        (folder / f"{i:03d}_{path.stem[:40]}.txt").write_text(f"---\npublished: 2016-09-30\n---\n{body}\n", encoding="utf-8")
    return total


def children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


class TreeSampler:
    """The CPU of a process and all its descendants, sampled every 0.1 s (the last reading of each)."""

    def __init__(self, pid: int):
        self.root = psutil.Process(pid)
        self.seen: dict[int, float] = {}
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self.loop, daemon=True)
        self.thread.start()

    def loop(self):
        while not self.stop.is_set():
            try:
                procs = [self.root, *self.root.children(recursive=True)]
            except psutil.Error:
                procs = []
            for p in procs:
                try:
                    t = p.cpu_times()
                    self.seen[p.pid] = t.user + t.system
                except psutil.Error:
                    pass
            self.stop.wait(0.1)

    def total(self) -> float:
        self.stop.set()
        self.thread.join()
        return sum(self.seen.values())


def build(seeds: Path, out: Path, args, *extra: str, sample: bool = True) -> dict:
    """One `briefdoc build` in a fresh process: wall time, CPU of its tree, its report."""
    cmd = [str(BIN / "briefdoc"), "build", str(seeds), "-o", str(out), "--layouts", args.layouts,
           "--locales", args.locales, "--json", *extra]
    before = children_cpu()
    wall = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    sampler = TreeSampler(proc.pid) if sample else None
    stdout, stderr = proc.communicate()
    wall = time.perf_counter() - wall
    sampled = sampler.total() if sampler else None
    if proc.returncode not in (0, 4):
        raise SystemExit(f"{' '.join(cmd)}: exit {proc.returncode}\n{stderr[-3000:]}")
    report = json.loads(stdout)
    return {"wall": wall, "cpu": children_cpu() - before, "sampled": sampled, "report": report,
            "built": len(report["built"]), "failed": sum(f["outputs"] for f in report["failed"])}


def cpu_of(procs) -> float:
    total = 0.0
    for p in procs:
        try:
            t = p.cpu_times()
            total += t.user + t.system
        except psutil.Error:
            pass
    return total


# The settings the README gives for a cluster's processes (briefdoc's local:N uses the same).
QUIET_ENV = {"DASK_DISTRIBUTED__WORKER__PROFILE__ENABLED": "False", "DASK_DISTRIBUTED__ADMIN__TICK__INTERVAL": "1s",
             "DASK_DISTRIBUTED__WORKER__MEMORY__MONITOR_INTERVAL": "1s",
             "DASK_DISTRIBUTED__ADMIN__SYSTEM_MONITOR__INTERVAL": "5s"}


def start_cluster(folder: Path, workers: int):
    """`dask scheduler` and `dask worker` (N processes, one thread each), as the README says."""
    sched_file = folder / "scheduler.json"
    log = open(folder / "dask.log", "w")
    env = {**os.environ, **QUIET_ENV}
    scheduler = subprocess.Popen([str(BIN / "dask"), "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
                                  "--dashboard-address", "127.0.0.1:0", "--scheduler-file", str(sched_file)],
                                 stdout=log, stderr=log, start_new_session=True, env=env)
    for _ in range(300):
        if sched_file.exists() and sched_file.stat().st_size:
            break
        time.sleep(0.1)
    address = json.loads(sched_file.read_text())["address"]
    worker = subprocess.Popen([str(BIN / "dask"), "worker", address, "--nworkers", str(workers), "--nthreads", "1",
                               "--no-dashboard", "--memory-limit", "0"], stdout=log, stderr=log, start_new_session=True, env=env)
    # wait for the workers (the check a build makes would wait too, but not count their start here)
    code = (f"from distributed import Client\nc = Client({address!r}, timeout=60)\nc.wait_for_workers({workers}, timeout=120)\n"
            "c.close()\n")
    subprocess.run([sys.executable, "-c", code], check=True)
    return address, scheduler, worker, log


def stop(proc) -> None:
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def tcp_run(tmp: Path, seeds: Path, args, n_workers: int) -> dict:
    address, scheduler, worker, log = start_cluster(tmp, n_workers)
    try:
        s_proc = psutil.Process(scheduler.pid)
        w_procs = [psutil.Process(worker.pid), *psutil.Process(worker.pid).children(recursive=True)]
        s0, w0 = cpu_of([s_proc]), cpu_of(w_procs)
        full = build(seeds, tmp / "out-tcp", args, "--scheduler", address, sample=False)
        s1, w1 = cpu_of([s_proc]), cpu_of(w_procs)
        noop = build(seeds, tmp / "out-tcp", args, "--scheduler", address, sample=False)
        victim = sorted((tmp / "out-tcp").glob("*/*.pdf"))[0]
        victim.unlink()
        one = build(seeds, tmp / "out-tcp", args, "--scheduler", address, sample=False)
    finally:
        stop(worker)
        stop(scheduler)
        log.close()
    return {"full": full, "noop": noop, "one": one, "scheduler_cpu": s1 - s0, "workers_cpu": w1 - w0,
            "workers": len(full["report"]["workers"])}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--words", type=int, default=800)
    parser.add_argument("--layouts", default="brief,memo")
    parser.add_argument("--locales", default="en,fr")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--runs", type=int, default=1, help="pairs of local runs (--jobs 1, local:N); the median pair is shown")
    parser.add_argument("--no-tcp", action="store_true", help="skip the run on a scheduler and workers started apart")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="briefdoc-bench-dask-"))
    try:
        seeds = tmp / "seeds"
        words = make_seeds(seeds, args.articles, args.words)
        pdfs = args.articles * len(args.layouts.split(",")) * len(args.locales.split(","))
        tasks = args.articles + pdfs
        pairs, same = [], True
        for run in range(args.runs):  # interleaved, so that a noisy minute hurts both alike
            for out in ("out-local", "out-dask"):
                shutil.rmtree(tmp / out, ignore_errors=True)
            local = build(seeds, tmp / "out-local", args, "--jobs", "1")
            dask_local = build(seeds, tmp / "out-dask", args, "--scheduler", f"local:{args.workers}")
            same = same and all((tmp / "out-local" / p.relative_to(tmp / "out-dask")).read_bytes() == p.read_bytes()
                                for p in (tmp / "out-dask").glob("*/*") if p.is_file())
            pairs.append((local, dask_local))
            print(f"run {run + 1}: --jobs 1 {local['cpu']:.1f} CPU-s, local:{args.workers} {dask_local['cpu']:.1f} CPU-s",
                  file=sys.stderr)
        tcp = None if args.no_tcp else tcp_run(tmp, seeds, args, args.workers)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    # the pair whose ratio is the median of the runs' ratios
    pairs.sort(key=lambda pair: pair[1]["cpu"] / pair[0]["cpu"])
    local, dask_local = pairs[len(pairs) // 2]
    report(args, words, pdfs, tasks, local, dask_local, same, tcp,
           ratios=[round(d["cpu"] / lo["cpu"] - 1, 3) for lo, d in pairs])


def report(args, words, pdfs, tasks, local, dask_local, same, tcp, ratios=()) -> None:
    rows = []
    per_pdf = lambda run: max(run["cpu"], run["sampled"] or 0) / pdfs  # noqa: E731
    rows.append((f"{args.articles} articles ({words:,} words) x {args.layouts} x {args.locales} = {pdfs} PDFs, "
                 f"{tasks} tasks", "", ""))
    for name, run in (("--jobs 1", local), (f"--scheduler local:{args.workers}", dask_local)):
        rows.append((f"{name}: wall, PDFs/s", f"{run['wall']:.1f} s, {pdfs / run['wall']:.2f} PDFs/s", "(reference)"))
        rows.append((f"{name}: CPU of the process tree (rusage; psutil samples)",
                     f"{run['cpu']:.1f} s; {run['sampled']:.1f} s", "(reference)"))
        rows.append((f"{name}: CPU per PDF", f"{per_pdf(run):.3f} s", "(reference)"))
    ratio = per_pdf(dask_local) / per_pdf(local)
    rows.append((f"CPU per PDF, local:{args.workers} vs --jobs 1" + (f" (median of {len(ratios)} pairs of runs)" if len(ratios) > 1 else ""),
                 f"{ratio - 1:+.1%}", "within +15%", "ok" if ratio <= 1.15 else "OVER"))
    if len(ratios) > 1:
        rows.append(("the same, each pair of runs", " ".join(f"{r:+.1%}" for r in sorted(ratios)), "(reference)"))
    rows.append(("outputs byte-identical, local:N vs --jobs 1", "yes" if same else "NO", "yes", "ok" if same else "FAIL"))
    data = {"articles": args.articles, "words": words, "pdfs": pdfs, "tasks": tasks,
            "local": {k: v for k, v in local.items() if k != "report"},
            "dask_local": {k: v for k, v in dask_local.items() if k != "report"}, "cpu_ratio": ratio, "ratios": list(ratios),
            "byte_identical": same}
    if tcp is not None:
        full, noop, one = tcp["full"], tcp["noop"], tcp["one"]
        marginal = (full["cpu"] - one["cpu"]) / (tasks - 1)
        upper = (full["cpu"] - noop["cpu"]) / tasks
        total = full["cpu"] + tcp["scheduler_cpu"] + tcp["workers_cpu"]
        n = tcp["workers"]
        rows += [
            (f"tcp (dask scheduler + dask worker --nworkers {args.workers} --nthreads 1): wall, PDFs/s",
             f"{full['wall']:.1f} s, {pdfs / full['wall']:.2f} PDFs/s", "(reference)"),
            ("tcp: CPU of client, scheduler, workers (with nannies)",
             f"{full['cpu']:.1f} s, {tcp['scheduler_cpu']:.1f} s, {tcp['workers_cpu']:.1f} s", "(reference)"),
            ("tcp: CPU per PDF, all of them", f"{total / pdfs:.3f} s ({total / pdfs / per_pdf(local) - 1:+.1%} vs --jobs 1)",
             "(reference)"),
            ("tcp: worker CPU per PDF (extraction included) -> PDFs/s per worker",
             f"{tcp['workers_cpu'] / pdfs:.3f} s -> {pdfs / tcp['workers_cpu']:.2f} PDFs/s", "(reference)"),
            ("tcp: PDFs/s per worker, wall", f"{pdfs / full['wall'] / n:.2f}", "(reference)"),
            ("client overhead per task (marginal: whole build less a build of one task)",
             f"{marginal * 1000:.2f} ms", "< 5 ms", "ok" if marginal < 0.005 else "OVER"),
            ("client overhead per task (upper bound: whole build less a build with nothing to do)",
             f"{upper * 1000:.2f} ms", "(reference)"),
            ("client: a build with nothing to do; with one task", f"{noop['cpu']:.2f} s; {one['cpu']:.2f} s", "(reference)"),
            ("scheduler CPU per task", f"{tcp['scheduler_cpu'] / tasks * 1000:.2f} ms", "(reference)"),
        ]
        data["tcp"] = {"client_cpu": full["cpu"], "scheduler_cpu": tcp["scheduler_cpu"], "workers_cpu": tcp["workers_cpu"],
                       "wall": full["wall"], "noop_cpu": noop["cpu"], "one_task_cpu": one["cpu"],
                       "client_ms_per_task": marginal * 1000, "client_ms_per_task_upper": upper * 1000,
                       "workers": n}
    if args.json:
        print(json.dumps(data, indent=2))
        return
    width = max(len(r[0]) for r in rows)
    vwidth = max(len(r[1]) for r in rows)
    print(f"{'measure':<{width}}  {'value':<{vwidth}}  target")
    print(f"{'-' * width}  {'-' * vwidth}  ------")
    for row in rows:
        print(f"{row[0]:<{width}}  {row[1]:<{vwidth}}  {row[2]:<14} {row[3] if len(row) > 3 else ''}".rstrip())


if __name__ == "__main__":
    main()
