"""Long articles: extraction and render cost and peak memory by article length (issue 19).

    .venv/bin/python bench/long_articles.py [--sizes 1000,5000,20000,50000,100000] [--runs 1]
        [--layouts brief,memo,handout] [--locale en] [--briefs DIR] [--no-extract] [--json]

An article of N words is PolNeAR train texts (read in place from ../shared/data, never copied
into the repository or a temporary file: the measuring process reads and joins them) in file
order, paragraphs kept, until N words, the last one cut to make N. Each measure runs in a fresh
process, so that its peak memory is its own:

- extraction: the spaCy model loaded first and not counted, then ``extract`` of the text; CPU
  time (user + system, steadier than wall time on a shared machine), CPU per 1,000 words, and
  peak memory (ru_maxrss, the model included); the brief is written to --briefs DIR (default: a
  temporary folder) as brief-N.json;
- render: that brief read back, then each layout rendered to PDF in --locale; CPU time, pages,
  layout passes (WeasyPrint layouts of the document), PDF size and what it attaches, and the
  peak memory of the render process (the brief and WeasyPrint, no spaCy).

--no-extract renders the briefs already in --briefs DIR (extraction rows are then left out).
With --runs R each measure runs R times and the median is shown."""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRAIN = ROOT.parent / "shared" / "data" / "polnear" / "train" / "text"

# The article of N words: the texts in file order, joined by blank lines, the last cut.
ARTICLE = r"""
def article(words, folder):
    import glob, os
    parts, count = [], 0
    for path in sorted(glob.glob(os.path.join(folder, "*.txt"))):
        with open(path, encoding="utf-8") as fh:
            body = fh.read().strip()
        n = len(body.split())
        if count + n > words:  # the last text cut to make N words, at a paragraph or a word
            kept = body.split(" ")[: max(words - count, 0) * 12 // 10]
            while kept and len(" ".join(kept).split()) > words - count:
                kept.pop()
            body = " ".join(kept)
        parts.append(body)
        count += len(body.split())
        if count >= words:
            break
    return "\n\n".join(p for p in parts if p)
"""

EXTRACT = ARTICLE + r"""
import json, resource, sys, time, datetime as dt
sys.setrecursionlimit(10000)
words, folder, out = int(sys.argv[1]), sys.argv[2], sys.argv[3]
text = article(words, folder)
from briefdoc.extractors import extract, nlp
from briefdoc.model.briefjson import dumps
nlp.pipeline()
c0 = time.process_time(); w0 = time.perf_counter()
brief = extract(text, published=dt.date(2016, 9, 30), title="Long article")
result = {"words": len(text.split()), "extract_cpu": time.process_time() - c0, "extract_wall": time.perf_counter() - w0,
          "extract_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
          "quotes": len(brief.quotes), "events": len(brief.timeline), "positions": len(brief.positions)}
with open(out, "w", encoding="utf-8") as fh:
    fh.write(dumps(brief))
print(json.dumps(result))
"""

RENDER = r"""
import io, json, resource, sys, time
from briefdoc.model.briefjson import load_brief
from briefdoc.render import html as html_mod, layouts, pdf as pdf_mod
from briefdoc.render.weasy import load_weasyprint, font_config
from pypdf import PdfReader
path, names, locale = sys.argv[1], sys.argv[2].split(","), sys.argv[3]
load_weasyprint(); font_config()  # start-up, not the render
rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
brief = load_brief(path)
passes = []
inner = html_mod.weasy_document
def counting(*a, **k):
    passes.append(1)
    return inner(*a, **k)
html_mod.weasy_document = counting
result = {"words": len(brief.article.text.split()), "render_start_rss_mb": rss0}
for name in names:
    passes.clear()
    c0 = time.process_time()
    data = pdf_mod.render_pdf(brief, layouts.get(name), locale)
    result[name] = {"cpu": time.process_time() - c0, "pages": len(PdfReader(io.BytesIO(data)).pages),
                    "passes": len(passes), "kb": len(data) / 1024,
                    "attached": list(PdfReader(io.BytesIO(data)).attachments)}
result["render_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(result))
"""


def run(code: str, *args: str) -> dict:
    proc = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=ROOT)
    if proc.returncode:
        sys.exit(f"long_articles: {' '.join(args)} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def median_of(runs: list[dict]) -> dict:
    """Each number the median of the runs (nested: per layout), the rest as in the first."""
    first = runs[0]
    out = {}
    for key, value in first.items():
        if isinstance(value, dict):
            out[key] = median_of([r[key] for r in runs])
        elif isinstance(value, float):
            out[key] = statistics.median(r[key] for r in runs)
        else:
            out[key] = value
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1000,5000,20000,50000,100000")
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("--layouts", default="brief,memo,handout")
    ap.add_argument("--locale", default="en")
    ap.add_argument("--briefs", type=Path, help="folder for the extracted briefs (brief-N.json); default: temporary")
    ap.add_argument("--no-extract", action="store_true", help="render the briefs already in --briefs")
    ap.add_argument("--no-render", action="store_true")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    if args.no_extract and not args.briefs:
        sys.exit("long_articles: --no-extract needs --briefs DIR")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.briefs or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        for n in (int(s) for s in args.sizes.split(",")):
            brief = folder / f"brief-{n}.json"
            row = {"size": n}
            if not args.no_extract:
                row.update(median_of([run(EXTRACT, str(n), str(TRAIN), str(brief)) for _ in range(args.runs)]))
                print(f"{row['words']:>7} words: extract {row['extract_cpu']:6.1f} CPU-s "
                      f"({1000 * row['extract_cpu'] / row['words']:.3f} s per 1k words), {row['extract_wall']:.1f} s wall, "
                      f"peak {row['extract_rss_mb']:.0f} MiB; {row['quotes']} quotes, {row['events']} events, "
                      f"{row['positions']} positions", flush=True)
            if not args.no_render:
                row.update(median_of([run(RENDER, str(brief), args.layouts, args.locale) for _ in range(args.runs)]))
                print(f"{row['words']:>7} words: render " + "; ".join(
                    f"{k} {row[k]['pages']} p, {row[k]['passes']} passes, {row[k]['cpu']:.2f} CPU-s, {row[k]['kb']:.0f} KB"
                    f" ({', '.join(row[k]['attached']) or 'nothing'} attached)" for k in args.layouts.split(","))
                    + f"; peak {row['render_rss_mb']:.0f} MiB ({row['render_start_rss_mb']:.0f} at start)", flush=True)
            rows.append(row)
    if args.json:
        print(json.dumps(rows))


if __name__ == "__main__":
    main()
