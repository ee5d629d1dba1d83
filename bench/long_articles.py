"""Long articles: extraction and render cost and peak memory by article length.

    .venv/bin/python bench/long_articles.py [--sizes 1000,5000,20000,50000,100000] [--runs 1] [--render]

Articles of N words are PolNeAR train texts (read in place from ../shared/data, never copied
into the repository) joined in file order, paragraphs kept, until N words. Each measure runs
in a fresh process (so that peak memory is that run's alone): extraction of the text (the
spaCy model loaded first and not counted), then, with --render, the brief and memo layouts in
English with their layout passes counted. CPU time is the process's user + system time over
the measured part (steadier than wall time on a shared machine); peak memory is the process's
maximum resident set (ru_maxrss), the model included."""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRAIN = ROOT.parent / "shared" / "data" / "polnear" / "train" / "text"

CHILD = r"""
import json, resource, sys, time, datetime as dt
sys.setrecursionlimit(10000)
words, render = int(sys.argv[1]), sys.argv[2] == "1"
text = open(sys.argv[3], encoding="utf-8").read()
from briefdoc.extractors import extract, nlp
nlp.pipeline()
c0 = time.process_time(); w0 = time.perf_counter()
brief = extract(text, published=dt.date(2016, 9, 30), title="Long article")
out = {"words": len(text.split()), "extract_cpu": time.process_time() - c0, "extract_wall": time.perf_counter() - w0,
       "quotes": len(brief.quotes), "events": len(brief.timeline), "positions": len(brief.positions)}
out["extract_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
if render:
    from briefdoc.render import html as html_mod, layouts, pdf as pdf_mod
    from pypdf import PdfReader
    import io
    passes = []
    inner = html_mod.weasy_document
    def counting(*a, **k):
        passes.append(1)
        return inner(*a, **k)
    html_mod.weasy_document = counting
    for name in ("brief", "memo"):
        passes.clear()
        c0 = time.process_time()
        data = pdf_mod.render_pdf(brief, layouts.get(name), "en")
        out[f"{name}_cpu"] = time.process_time() - c0
        out[f"{name}_pages"] = len(PdfReader(io.BytesIO(data)).pages)
        out[f"{name}_passes"] = len(passes)
        out[f"{name}_kb"] = len(data) / 1024
    out["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(out))
"""


def article(words: int, folder: Path) -> Path:
    """A text of about ``words`` words from PolNeAR train articles, paragraphs kept."""
    parts, count = [], 0
    for path in sorted(TRAIN.glob("*.txt")):
        body = path.read_text(encoding="utf-8").strip()
        parts.append(body)
        count += len(body.split())
        if count >= words:
            break
    text = "\n\n".join(parts)
    tokens = text.split(" ")
    while len(text.split()) > words * 1.02 and len(tokens) > 10:  # trim to about N words
        tokens = tokens[: int(len(tokens) * words / len(text.split()))]
        text = " ".join(tokens)
    path = folder / f"long-{words}.txt"
    path.write_text(text, encoding="utf-8")
    return path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1000,5000,20000,50000,100000")
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("--render", action="store_true")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    import tempfile

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in (int(s) for s in args.sizes.split(",")):
            path = article(n, Path(tmp))
            runs = []
            for _ in range(args.runs):
                proc = subprocess.run([sys.executable, "-c", CHILD, str(n), "1" if args.render else "0", str(path)],
                                      capture_output=True, text=True, cwd=ROOT)
                if proc.returncode:
                    sys.exit(f"long_articles: {n} words failed:\n{proc.stderr[-3000:]}")
                runs.append(json.loads(proc.stdout.strip().splitlines()[-1]))
            best = {k: (statistics.median(r[k] for r in runs) if isinstance(runs[0][k], float) else runs[0][k]) for k in runs[0]}
            rows.append(best)
            line = (f"{best['words']:>7} words: extract {best['extract_cpu']:6.1f} CPU-s "
                    f"({1000 * best['extract_cpu'] / best['words']:.3f} s per 1k words), peak {best['extract_rss_mb']:.0f} MiB"
                    f"; {best['quotes']} quotes, {best['events']} events, {best['positions']} positions")
            if args.render:
                line += "".join(f"; {k} {best[k + '_pages']} p, {best[k + '_passes']} passes, {best[k + '_cpu']:.1f} CPU-s, {best[k + '_kb']:.0f} KB"
                                for k in ("brief", "memo")) + f"; peak {best['rss_mb']:.0f} MiB"
            print(line, flush=True)
    if args.json:
        print(json.dumps(rows))


if __name__ == "__main__":
    main()
