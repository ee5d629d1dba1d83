"""briefdoc's speed and memory, measured against WeasyPrint doing the same work.

    .venv/bin/python bench/bench.py            # everything (about 15-25 minutes on 2 cores)
    .venv/bin/python bench/bench.py --quick    # 3 runs, 10 articles for throughput (a few minutes)

Prints one table row per measure with its target:

1. render: briefdoc's render_pdf of one brief vs WeasyPrint on the same HTML, same process,
   WeasyPrint given the font configuration briefdoc renders with;
2. cold build: `briefdoc build SEED` (every layout x every locale, fresh process, empty cache)
   vs the `weasyprint` command once per PDF on the same HTML (from briefdoc's render_html),
   in wall time and in CPU time (the build and its workers, each `weasyprint` process);
3. rebuild with nothing changed, and `briefdoc --help`;
4. peak memory of the cold build, the build process and its workers together;
5. throughput on PolNeAR dev articles (read from ../shared/data, copied as .txt seeds into a
   temporary folder, never into the repository) x 2 layouts x 2 locales, --jobs 1 vs --jobs 2.

Times are medians over --runs runs (default 5). This is a measuring script, not a test.
Long articles (1k to 100k words: extraction and render CPU, memory, pages, passes, PDF size)
are measured by bench/long_articles.py."""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_3362ed2f4686983c.md"
POLNEAR = ROOT.parent / "shared" / "data" / "polnear" / "dev" / "text"
BIN = Path(sys.executable).parent
BRIEFDOC = [str(BIN / "briefdoc")] if (BIN / "briefdoc").exists() else [sys.executable, "-m", "briefdoc"]
WEASYPRINT = [str(BIN / "weasyprint")] if (BIN / "weasyprint").exists() else [sys.executable, "-m", "weasyprint"]

ROWS: list[tuple[str, str, str, str]] = []


def row(measure: str, value: str, target: str, ok: bool | None) -> None:
    verdict = "" if ok is None else ("ok" if ok else "MISSED")
    ROWS.append((measure, value, target, verdict))
    print(f"  {measure}: {value}  [{target}] {verdict}", file=sys.stderr, flush=True)


def median(xs: list[float]) -> float:
    return statistics.median(xs)


def timed(cmd: list[str], **kw) -> float:
    t = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT, **kw)
    return time.perf_counter() - t


def children_cpu() -> float:
    """User + system CPU seconds of this process's waited-for children (and theirs)."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def build_cmd(seeds, out: Path, *extra: str) -> list[str]:
    return [*BRIEFDOC, "build", *map(str, seeds), "-o", str(out), *extra]


class PeakMemory:
    """Samples a process and all its descendants: the peak of their summed RSS
    (shared pages counted in each process) and of their summed PSS (shared pages
    split between the processes that share them)."""

    def __init__(self, pid: int, interval: float = 0.05):
        import psutil

        self.root = psutil.Process(pid)
        self.interval = interval
        self.rss = self.pss = 0
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self):
        import psutil

        while not self.stop.is_set():
            try:
                procs = [self.root, *self.root.children(recursive=True)]
            except psutil.Error:
                break
            rss = pss = 0
            for p in procs:
                try:
                    info = p.memory_full_info()
                    rss += info.rss
                    pss += getattr(info, "pss", info.rss)
                except psutil.Error:
                    pass
            self.rss, self.pss = max(self.rss, rss), max(self.pss, pss)
            self.stop.wait(self.interval)

    def finish(self):
        self.stop.set()
        self.thread.join()


def load_brief(args, workdir: Path):
    """The seed's brief: --brief, else extracted by `briefdoc extract`."""
    from briefdoc.model.briefjson import load_brief as load

    if args.brief:
        return load(args.brief)
    path = workdir / "seed-brief.json"
    subprocess.run([*BRIEFDOC, "extract", str(SEED), "-o", str(path)], check=True, cwd=ROOT)
    return load(path)


def bench_render(args, brief) -> None:
    for locale in args.locale.split(","):
        bench_render_one(args, brief, locale.strip())


def bench_render_one(args, brief, locale: str) -> None:
    """briefdoc's render_pdf vs weasyprint.HTML(...).write_pdf() on the HTML render_html gives."""
    import weasyprint

    from briefdoc.localize import content as content_mod
    from briefdoc.render import html as html_mod
    from briefdoc.render import layouts
    from briefdoc.render import pdf as pdf_mod

    lay = layouts.get(args.layout)
    translator = content_mod.translator_for(brief, locale, SEED)
    html = html_mod.render_html(brief, lay, locale, content=translator)
    base = str(lay.path) + os.sep

    def ours():
        pdf_mod.render_pdf(brief, lay, locale, content=content_mod.translator_for(brief, locale, SEED))

    def ours_plain():
        pdf_mod.render_pdf(brief, lay, locale, content=content_mod.translator_for(brief, locale, SEED), variant="none")

    # WeasyPrint given the font configuration briefdoc renders with (one per process: fontconfig's
    # font list read once), so that the comparison is of the rest of the work, not of reading fonts.
    from briefdoc.render.weasy import font_config

    fonts = font_config()

    def theirs():
        weasyprint.HTML(string=html, base_url=base).write_pdf(font_config=fonts)

    from briefdoc.model.briefjson import dumps

    variant = lay.pdf_variant if lay.pdf_variant not in ("", "none") else None
    brief_json = dumps(brief)

    def theirs_same():  # the same kind of file: the layout's PDF variant and the brief.json attachment
        weasyprint.HTML(string=html, base_url=base).write_pdf(
            font_config=fonts, pdf_variant=variant, attachments=[weasyprint.Attachment(string=brief_json, name="brief.json")])

    import gc

    for f in (ours, ours_plain, theirs, theirs_same):  # warm up: fonts, caches
        f()
    times = {ours: [], ours_plain: [], theirs: [], theirs_same: []}
    cpu = {f: [] for f in times}
    funcs = list(times)
    for i in range(args.runs):
        # interleaved, so that load on the machine hits all alike, and in a rotating order,
        # so that none always runs first after the previous round's garbage; each call starts
        # with the garbage collected, so that no call pays for another's
        for f in funcs[i % len(funcs):] + funcs[:i % len(funcs)]:
            gc.collect()
            t, c = time.perf_counter(), time.process_time()
            f()
            times[f].append(time.perf_counter() - t)
            cpu[f].append(time.process_time() - c)
    t_ours, t_plain, t_theirs, t_same = (median(times[f]) for f in (ours, ours_plain, theirs, theirs_same))
    c_ours, c_same = median(cpu[ours]), median(cpu[theirs_same])

    # Where briefdoc's time goes beyond WeasyPrint's: the template, and layout passes (a
    # layout with max_pages lays the document out again with a smaller selection until it fits).
    html_times = []
    for _ in range(args.runs):
        t = time.perf_counter()
        try:  # fit=0: the template alone, without the layout passes that find the fitting selection
            html_mod.render_html(brief, lay, locale, content=content_mod.translator_for(brief, locale, SEED), fit=0)
        except TypeError:
            html_mod.render_html(brief, lay, locale, content=content_mod.translator_for(brief, locale, SEED))
        html_times.append(time.perf_counter() - t)
    passes = []
    inner = getattr(html_mod, "weasy_document", None)
    if inner is not None:
        def counting(*a, **kw):
            passes.append(1)
            return inner(*a, **kw)

        html_mod.weasy_document = counting
        try:
            ours()
        finally:
            html_mod.weasy_document = inner
    row(f"render {args.layout}.{locale}: of which render_html (Jinja2)", f"{median(html_times):.2f} s", "(reference)", None)
    if passes:
        row(f"render {args.layout}.{locale}: WeasyPrint layout passes in render_pdf", f"{len(passes)}", "(reference)", None)
    overhead = t_ours / t_same - 1
    row(f"render {args.layout}.{locale}: briefdoc ({lay.pdf_variant}, brief.json) vs WeasyPrint on the same HTML, same variant and attachment",
        f"{t_ours:.2f} s vs {t_same:.2f} s: overhead {overhead:+.0%}", "overhead <= 10%", overhead <= 0.10)
    overhead = c_ours / c_same - 1
    row(f"render {args.layout}.{locale}: the same, in CPU time (steadier on a shared machine)",
        f"{c_ours:.2f} s vs {c_same:.2f} s: overhead {overhead:+.0%}", "overhead <= 10%", overhead <= 0.10)
    overhead = t_plain / t_theirs - 1
    row(f"render {args.layout}.{locale}: briefdoc --pdf-variant none vs plain WeasyPrint on the same HTML",
        f"{t_plain:.2f} s vs {t_theirs:.2f} s: overhead {overhead:+.0%}", "overhead <= 10%", overhead <= 0.10)
    overhead = t_ours / t_theirs - 1
    row(f"render {args.layout}.{locale}: briefdoc ({lay.pdf_variant}) vs plain WeasyPrint (no variant, no attachment)",
        f"{t_ours:.2f} s vs {t_theirs:.2f} s: overhead {overhead:+.0%}", "(reference)", None)


def bench_full_build(args, workdir: Path) -> None:
    import resource

    from briefdoc.localize import content as content_mod
    from briefdoc.localize import locales as locales_mod
    from briefdoc.render import layouts

    # what `build SEED` renders: the brief layouts (a dossier layout only when named)
    lays = [lay for lay in layouts.discover().values() if lay.kind == "brief"]
    locs = locales_mod.shipped_locales()
    n_pdfs = len(lays) * len(locs)

    # Timed runs and memory runs are separate: sampling /proc/*/smaps every 50 ms costs
    # CPU that a 2-core machine would take from the build being timed. Cold builds and
    # baseline runs are interleaved, in alternating order, so that load on a shared
    # machine hits both alike.
    cold, baseline, peaks_rss, peaks_pss = [], [], [], []
    # CPU time too (user + system of the build and its workers, of each `weasyprint` run): on
    # two busy cores a wall-time ratio halves, a CPU-time ratio does not.
    cold_cpu, baseline_cpu = [], []

    def cold_build(i: int) -> None:
        out = workdir / f"cold-{i}"
        t, c = time.perf_counter(), children_cpu()
        proc = subprocess.run(build_cmd([SEED], out), cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        cold.append(time.perf_counter() - t)
        cold_cpu.append(children_cpu() - c)
        if proc.returncode != 0:
            sys.exit(f"bench: briefdoc build failed ({proc.returncode}):\n{proc.stderr}")

    cold_build(0)
    for i in range(2):
        out = workdir / f"mem-{i}"
        proc = subprocess.Popen(build_cmd([SEED], out), cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        mem = PeakMemory(proc.pid)
        _, err = proc.communicate()
        mem.finish()
        if proc.returncode != 0:
            sys.exit(f"bench: briefdoc build failed ({proc.returncode}):\n{err}")
        peaks_rss.append(mem.rss)
        peaks_pss.append(mem.pss)
    # the largest single process, before any `weasyprint` run is a child too
    maxrss_children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024

    # the same HTML briefdoc renders, then one `weasyprint` command per PDF
    brief_json = workdir / "cold-0" / SEED.stem / "brief.json"
    from briefdoc.localize import locales as locales_mod
    from briefdoc.render import layouts
    from briefdoc.model.briefjson import load_brief as load

    from briefdoc.render import html as html_mod
    brief = load(brief_json)
    htmls = []
    for lay in lays:
        for loc in locs:
            html = workdir / "html" / f"{lay.name}.{loc}.html"
            html.parent.mkdir(exist_ok=True)
            html.write_text(html_mod.render_html(brief, lay, loc, content=content_mod.translator_for(brief, loc, SEED)), encoding="utf-8")
            htmls.append((html, lay))

    def weasyprint_runs() -> None:
        t, c = time.perf_counter(), children_cpu()
        for html, lay in htmls:
            subprocess.run([*WEASYPRINT, "-q", "-u", str(lay.path) + os.sep, str(html), str(html.with_suffix(".pdf"))],
                           check=True, cwd=ROOT)
        baseline.append(time.perf_counter() - t)
        baseline_cpu.append(children_cpu() - c)

    weasyprint_runs()
    for i in range(1, args.runs):
        if i % 2:
            cold_build(i)
            weasyprint_runs()
        else:
            weasyprint_runs()
            cold_build(i)

    t_cold, t_base = median(cold), median(baseline)
    row(f"cold build, 1 seed x {len(lays)} layouts x {len(locs)} locales = {n_pdfs} PDFs (fresh process, empty cache)",
        f"{t_cold:.1f} s vs {t_base:.1f} s for {n_pdfs} `weasyprint` runs: {t_base / t_cold:.1f}x faster",
        ">= 4x faster", t_base / t_cold >= 4)
    row("cold build: each run (s), then each baseline run (s)",
        " ".join(f"{x:.1f}" for x in cold) + " | " + " ".join(f"{x:.1f}" for x in baseline), "(reference)", None)
    c_cold, c_base = median(cold_cpu), median(baseline_cpu)
    row(f"cold build in CPU time (the build and its workers vs the {n_pdfs} `weasyprint` processes)",
        f"{c_cold:.1f} CPU-s vs {c_base:.1f} CPU-s: {c_base / c_cold:.1f}x less", ">= 4x less", c_base / c_cold >= 4)
    row("cold build in CPU time: each run (CPU-s), then each baseline run (CPU-s)",
        " ".join(f"{x:.1f}" for x in cold_cpu) + " | " + " ".join(f"{x:.1f}" for x in baseline_cpu), "(reference)", None)

    # In a tree that others are editing, a source change between runs makes a rebuild
    # render (correctly): such runs are redone, not counted.
    rebuild, redone = [], 0
    out = workdir / "cold-0"
    while len(rebuild) < args.runs and redone < 3 * args.runs:
        t = time.perf_counter()
        run = subprocess.run(build_cmd([SEED], out), cwd=ROOT, capture_output=True, text=True, check=True)
        elapsed = time.perf_counter() - t
        if "built 0," in run.stderr:
            rebuild.append(elapsed)
        else:
            redone += 1
    if rebuild:
        t = median(rebuild)
        note = f" ({redone} runs redone: the tree changed)" if redone else ""
        row(f"rebuild with nothing changed ({n_pdfs} PDFs up to date){note}", f"{t:.2f} s", "< 1 s", t < 1)
    else:
        row("rebuild with nothing changed", "n/a: the source tree kept changing", "< 1 s", None)

    helps = [timed([*BRIEFDOC, "--help"]) for _ in range(max(args.runs, 10))]
    t = median(helps)
    row("briefdoc --help", f"{t:.3f} s", "< 0.2 s", t < 0.2)

    mb = 1024 * 1024
    row("peak memory of the cold build, process + workers (sum of PSS)", f"{max(peaks_pss) / mb:.0f} MB",
        "< 500 MB", max(peaks_pss) < 500 * mb)
    row("peak memory of the cold build, process + workers (sum of RSS, shared pages counted twice)",
        f"{max(peaks_rss) / mb:.0f} MB", "(reference)", None)
    row("largest single process (getrusage RUSAGE_CHILDREN maxrss)", f"{maxrss_children / mb:.0f} MB", "(reference)", None)


def bench_throughput(args, workdir: Path) -> None:
    from briefdoc.render import layouts

    # The first N texts in name order: a fixed sample, the same on every run.
    texts = sorted(POLNEAR.glob("*.txt"))[: args.articles]
    if len(texts) < args.articles:
        sys.exit(f"bench: {POLNEAR} has {len(texts)} texts, {args.articles} wanted")
    seeds = workdir / "polnear-seeds"
    seeds.mkdir()
    for t in texts:
        shutil.copyfile(t, seeds / t.name)
    available = layouts.discover()
    lays = [name for name in args.throughput_layouts.split(",") if name in available] or sorted(available)[:2]
    locs = args.throughput_locales.split(",")
    n = len(texts) * len(lays) * len(locs)
    rates = {}
    for jobs in (1, 2):
        walls = []
        for i in range(args.throughput_runs):
            out = workdir / f"tp-{jobs}-{i}"
            walls.append(timed(build_cmd([seeds], out, "--layouts", ",".join(lays), "--locales", ",".join(locs), "--jobs", str(jobs))))
        rates[jobs] = n / median(walls)
        row(f"throughput, {len(texts)} articles x {len(lays)} layouts ({', '.join(lays)}) x {len(locs)} locales = {n} PDFs, --jobs {jobs}",
            f"{median(walls):.0f} s, {rates[jobs]:.2f} PDFs/s", "(reference)", None)
    row("throughput speed-up, --jobs 2 vs --jobs 1", f"{rates[2] / rates[1]:.2f}x", f"(2 cores; {os.cpu_count()} CPUs)", None)


def bench_extract(args) -> None:
    """briefdoc.extract on news articles of about 1,000 words (PolNeAR dev texts,
    read from ../shared), once the spaCy model is loaded."""
    import briefdoc

    texts = []
    for path in sorted(POLNEAR.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        if 900 <= len(text.split()) <= 1100:
            texts.append(text)
    if not texts:
        row("extraction of a 1,000-word article", "n/a: no PolNeAR dev texts of that length", "< 0.5 s", None)
        return
    texts = texts[:5]
    briefdoc.extract(texts[0])  # loads the model and the rules
    per_article = []
    for text in texts:
        times = []
        for _ in range(args.runs):
            t = time.perf_counter()
            briefdoc.extract(text)
            times.append(time.perf_counter() - t)
        per_article.append(median(times) * 1000 / len(text.split()))
    worst = max(per_article)
    row(f"extraction per 1,000 words, model loaded ({len(texts)} PolNeAR articles of 900-1,100 words; median, worst)",
        f"{median(per_article):.2f} s, {worst:.2f} s", "< 0.5 s", worst < 0.5)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="3 runs and 10 articles: a few minutes")
    ap.add_argument("--runs", type=int, default=None, help="runs per timing (default 5; 3 with --quick)")
    ap.add_argument("--articles", type=int, default=None, help="PolNeAR articles for throughput (default 50; 10 with --quick)")
    ap.add_argument("--throughput-runs", type=int, default=1, help="runs per --jobs setting for throughput (default 1: each is 200 PDFs)")
    ap.add_argument("--throughput-layouts", default="brief,memo")
    ap.add_argument("--throughput-locales", default="en,ru")
    ap.add_argument("--layout", default="brief", help="layout for the render comparison")
    ap.add_argument("--locale", default="en,ru", help="locales for the render comparison (comma-separated)")
    ap.add_argument("--brief", type=Path, help="a brief JSON for the render comparison (default: extract the seed)")
    ap.add_argument("--only", choices=["extract", "render", "build", "throughput"], action="append", help="run only these parts")
    args = ap.parse_args()
    args.runs = args.runs or (3 if args.quick else 5)
    args.articles = args.articles or (10 if args.quick else 50)
    parts = args.only or ["extract", "render", "build", "throughput"]

    import briefdoc

    print(f"briefdoc {briefdoc.__version__}, Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, "
          f"load {os.getloadavg()[0]:.1f}; medians of {args.runs} runs", file=sys.stderr)
    with tempfile.TemporaryDirectory(prefix="briefdoc-bench-") as tmp:
        workdir = Path(tmp)
        if "extract" in parts:
            bench_extract(args)
        if "render" in parts:
            bench_render(args, load_brief(args, workdir))
        if "build" in parts:
            bench_full_build(args, workdir)
        if "throughput" in parts:
            bench_throughput(args, workdir)

    widths = [max(len(r[i]) for r in ROWS + [("measure", "value", "target", "")]) for i in range(4)]
    print()
    for r in [("measure", "value", "target", ""), tuple("-" * w for w in widths), *ROWS]:
        print("  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip())


if __name__ == "__main__":
    main()
