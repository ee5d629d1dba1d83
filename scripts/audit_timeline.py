#!/usr/bin/env python
"""A hand-checked audit of the timelines of 30 PolNeAR dev articles (read in place from
../shared/data, never copied here).

The 30 articles are every 84/30-th of the dev split in file-name order (all outlets are in
it); each is extracted as `briefdoc extract` does it, with its publication date from the file
name (outlet_YYYY-MM-DD_slug.txt). Every timeline entry is printed with the paragraph its time
expression stands in (the expression in brackets), so that a reader can judge it:

  right     the event happened (or is to happen) on the entry's date;
  wrong     an event, with the wrong date;
  no-event  the entry is no event (a thing, a name, a generic or hypothetical time).

The judgments are kept in scripts/timeline_audit.tsv: article id, the entry's date,
expression and event as the timeline shows them (what the entry itself quotes), and the
verdict. An entry without a judgment (the extraction changed) is printed as "?" and
counted apart: judge it and add it to the file.

    python scripts/audit_timeline.py [--show all|unjudged|wrong|none] [--write-unjudged] [--judgments FILE]

scripts/timeline_audit_before.tsv holds the same judgments of the timelines before issue 15's work
(commit 14eb0fd): check that commit out and run this script with --judgments on it for the "before"
counts.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import briefdoc  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "polnear" / "dev" / "text"
JUDGMENTS = ROOT / "scripts" / "timeline_audit.tsv"
VERDICTS = ("right", "wrong", "no-event")
N_ARTICLES = 30


def articles() -> list[Path]:
    files = sorted(DATA.glob("*.txt"))
    return [files[i * len(files) // N_ARTICLES] for i in range(N_ARTICLES)]


def published(path: Path) -> dt.date:
    return dt.date.fromisoformat(path.name.split("_")[1])


def one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def entries():
    """(article id, event, the paragraph around its expression) for every timeline entry."""
    for path in articles():
        text = path.read_text(encoding="utf-8")
        brief = briefdoc.extract(text, published=published(path))
        for e in brief.timeline:
            yield path.stem, e, context(text, e.start, e.end)


def context(text: str, start: int, end: int, width: int = 220) -> str:
    """The paragraph the expression stands in, cut to ``width`` characters on each side of it."""
    s = text.rfind("\n", 0, start) + 1
    e = text.find("\n", end)
    e = len(text) if e < 0 else e
    before = text[max(s, start - width):start]
    after = text[end:min(e, end + width)]
    return one_line(("…" if start - width > s else "") + before + "[" + text[start:end] + "]" + after
                    + ("…" if end + width < e else ""))


def key(article: str, e) -> tuple[str, str, str, str]:
    return article, e.date, one_line(e.expression), one_line(e.reads)


def load_judgments(path: Path = JUDGMENTS) -> dict:
    if not path.exists():
        return {}
    out = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.reader(fh, delimiter="\t"):
            if not row or row[0].startswith("#"):
                continue
            article, date, expression, event, verdict = row[:5]
            if verdict == "?":
                continue  # appended by --write-unjudged, not judged yet
            if verdict not in VERDICTS:
                raise SystemExit(f"{path.name}: {verdict!r} is not one of {', '.join(VERDICTS)}")
            out[(article, date, expression, event)] = verdict
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--show", choices=["all", "unjudged", "wrong", "none"], default="all")
    ap.add_argument("--write-unjudged", action="store_true",
                    help="append the unjudged entries to the judgments file with the verdict '?' to fill in")
    ap.add_argument("--judgments", type=Path, default=JUDGMENTS, help=f"the verdicts (default {JUDGMENTS.name})")
    args = ap.parse_args(argv)
    judged = load_judgments(args.judgments)
    counts: Counter = Counter()
    unjudged = []
    last = None
    for article, e, sentence in entries():
        k = key(article, e)
        verdict = judged.get(k, "?")
        counts[verdict] += 1
        if verdict == "?":
            unjudged.append(k)
        show = args.show == "all" or (args.show == "unjudged" and verdict == "?") or (
            args.show == "wrong" and verdict in ("wrong", "no-event", "?"))
        if show:
            if article != last:
                print(f"== {article} (published {article.split('_')[1]})")
                last = article
            print(f"  [{verdict}] {e.date} | {k[2]} | {k[3]}\n      in: {sentence}")
    total = sum(counts.values())
    judged_n = total - counts["?"]
    print(f"\n{N_ARTICLES} articles, {total} timeline entries: right {counts['right']}, wrong date {counts['wrong']}, "
          f"not an event {counts['no-event']}, unjudged {counts['?']}")
    if judged_n:
        print(f"right date: {counts['right'] / judged_n:.1%} of the judged entries "
              f"(wrong date {counts['wrong'] / judged_n:.1%}, not an event {counts['no-event'] / judged_n:.1%})")
    if args.write_unjudged and unjudged:
        with args.judgments.open("a", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh, delimiter="\t", lineterminator="\n")
            for k in unjudged:
                w.writerow([*k, "?"])
        print(f"{len(unjudged)} unjudged entries appended to {args.judgments.name} with '?': judge them")
    return 0


if __name__ == "__main__":
    sys.exit(main())
