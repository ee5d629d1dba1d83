"""Extraction CPU time per 1,000 words on real news: the ggt-dev and PolNeAR dev articles (read
in place from ../shared/data, never copied), parsing included, the spaCy model loaded first.

    .venv/bin/python bench/extraction_speed.py [--runs 3] [--set ggt|polnear|both]

CPU time (process time) rather than wall time: the machine is shared. Prints the median of the
runs per set."""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


def texts(name: str) -> list[str]:
    if name == "ggt":
        return [json.loads(line)["text"] for line in (DATA / "ggt-dev" / "ggt_dev_49.jsonl").open(encoding="utf-8")]
    return [p.read_text(encoding="utf-8") for p in sorted((DATA / "polnear" / "dev" / "text").glob("*.txt"))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--set", default="both", choices=("ggt", "polnear", "both"))
    args = ap.parse_args()
    import briefdoc
    from briefdoc.extractors import nlp

    nlp.pipeline()
    briefdoc.extract("Warm-up: the model loads here, officials said.")
    for name in (("ggt", "polnear") if args.set == "both" else (args.set,)):
        docs = texts(name)
        words = sum(len(t.split()) for t in docs)
        runs = []
        for _ in range(args.runs):
            c = time.process_time()
            for t in docs:
                briefdoc.extract(t)
            runs.append(time.process_time() - c)
        cpu = statistics.median(runs)
        print(f"{name}: {len(docs)} articles, {words} words: {cpu:.1f} CPU-s, {1000 * cpu / words:.3f} CPU-s per 1,000 words "
              f"(runs: {', '.join(f'{r:.1f}' for r in runs)})")


if __name__ == "__main__":
    main()
