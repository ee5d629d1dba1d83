"""A dossier of five articles of about 800 words against building the five briefs alone,
in CPU time (user + system, the command and every process it starts).

    .venv/bin/python bench/bench_dossier.py [--runs 3] [--locales en --locales en,ru,hy,fr,az,ar]

The articles are five PolNeAR dev articles of 700 to 900 words (read from
../shared/data and written with a front matter, title, outlet and date from their
file names, into a temporary folder: never into the repository). Every run starts
cold (a new output folder, so an empty cache). Measured, each as the median of
--runs runs:

1. dossier: `briefdoc dossier A B C D E -o OUT --locales L` (the dossier layout), with
   the default worker processes and with --jobs 1;
2. the five briefs alone: `briefdoc build A B C D E --layouts brief --locales L` (the
   same locales, one layout), and their extraction alone in one process (read, extract,
   write the brief JSON, no PDF);

for L = en and for all six locales. The floor: the dossier under 2.5x the time of
building the five briefs. The ratio to their extraction alone is printed too: a
dossier renders its PDFs, which the extraction alone does not. This is a
measuring script, not a test."""

from __future__ import annotations

import argparse
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = ROOT.parent / "shared" / "data" / "polnear" / "dev" / "text"
BIN = Path(sys.executable).parent
BRIEFDOC = [str(BIN / "briefdoc")] if (BIN / "briefdoc").exists() else [sys.executable, "-m", "briefdoc"]
FLOOR = 2.5

EXTRACT_ONLY = """
import sys
from pathlib import Path
from briefdoc.extractors import extract
from briefdoc.model.briefjson import dumps
from briefdoc.read.article import read_article
out = Path(sys.argv[1])
for seed in sys.argv[2:]:
    article = read_article(seed)
    (out / (Path(seed).stem + ".json")).write_text(dumps(extract(article.text, article=article)), encoding="utf-8")
"""


def articles(folder: Path, n: int = 5) -> list[Path]:
    """``n`` PolNeAR dev articles of 700-900 words as seeds with a front matter."""
    chosen = []
    for p in sorted(POLNEAR.glob("*.txt")):
        text = p.read_text(encoding="utf-8").strip()
        words = len(text.split())
        m = re.match(r"^([a-z-]+)_(\d{4}-\d\d-\d\d)_", p.name)
        if not m or not 700 <= words <= 900:
            continue
        title = text.split("\n", 1)[0].strip().replace('"', "'")[:120]
        seed = folder / f"{p.stem[:40]}.md"
        seed.write_text(f'---\ntitle: "{title}"\npublished: {m[2]}\nsource: {m[1]}\n---\n{text}\n', encoding="utf-8")
        chosen.append((seed, words))
        if len(chosen) == n:
            break
    if len(chosen) < n:
        sys.exit(f"bench_dossier: fewer than {n} PolNeAR dev articles of 700-900 words in {POLNEAR}")
    return chosen


def cpu_of(cmd: list[str]) -> tuple[float, float]:
    """(CPU seconds of ``cmd`` and its descendants, wall seconds)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), wall


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--locales", action="append", help="a comma-separated locale set (may repeat; default: en, and all six)")
    args = ap.parse_args(argv)
    sets = args.locales or ["en", "en,ru,hy,fr,az,ar"]
    with tempfile.TemporaryDirectory(prefix="bench-dossier-") as tmp:
        tmp = Path(tmp)
        (tmp / "seeds").mkdir()
        chosen = articles(tmp / "seeds")
        seeds = [str(s) for s, _ in chosen]
        print(f"articles: {', '.join(f'{Path(s).name} ({w} words)' for s, w in chosen)}", file=sys.stderr)
        measures = {"5 briefs: extraction only": lambda out: [sys.executable, "-c", EXTRACT_ONLY, str(out), *seeds]}
        for locs in sets:
            measures[f"dossier, locales {locs}"] = lambda out, locs=locs: [
                *BRIEFDOC, "dossier", *seeds, "-o", str(out), "--locales", locs]
            measures[f"dossier --jobs 1, locales {locs}"] = lambda out, locs=locs: [
                *BRIEFDOC, "dossier", *seeds, "-o", str(out), "--locales", locs, "-j", "1"]
            measures[f"5 briefs: build --layouts brief, locales {locs}"] = lambda out, locs=locs: [
                *BRIEFDOC, "build", *seeds, "-o", str(out), "--layouts", "brief", "--locales", locs]
        results: dict[str, list[tuple[float, float]]] = {k: [] for k in measures}
        for run in range(args.runs):
            for k, (name, cmd) in enumerate(measures.items()):
                out = tmp / f"out-{run}-{k}"
                out.mkdir()
                results[name].append(cpu_of(cmd(out)))
                print(f"  run {run + 1}: {name}: {results[name][-1][0]:.2f} s CPU, {results[name][-1][1]:.2f} s wall",
                      file=sys.stderr, flush=True)
    med = {k: (statistics.median(c for c, _ in v), statistics.median(w for _, w in v)) for k, v in results.items()}
    print(f"\n| measure ({args.runs} runs, median) | CPU s | wall s |")
    print("| --- | ---: | ---: |")
    for name, (c, w) in med.items():
        print(f"| {name} | {c:.2f} | {w:.2f} |")
    print()
    extract_only = med["5 briefs: extraction only"][0]
    ok = True
    for locs in sets:
        build = med[f"5 briefs: build --layouts brief, locales {locs}"][0]
        for name in (f"dossier, locales {locs}", f"dossier --jobs 1, locales {locs}"):
            c = med[name][0]
            print(f"{name}: {c / build:.2f}x building the 5 briefs in the same locales [floor < {FLOOR}x] "
                  f"{'ok' if c / build < FLOOR else 'MISSED'}; {c / extract_only:.2f}x their extraction alone")
            ok = ok and c / build < FLOOR
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
