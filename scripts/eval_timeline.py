#!/usr/bin/env python
"""A rough check of briefdoc.extractors.timeline on the SemEval-2015 Task 4 trial data.

The corpus is 30 tokenized Wikinews articles; sentence 0 is the title and
sentence 1 the publication date (used as the anchor). The gold timelines list,
for a few target entities, events as ``<docid>-<sentence>-<word>`` with a date.

For every gold event with a calendar date (not "XXXX-XX-XX"):
  * found  - the timeline has an event in that sentence whose clause contains the word;
  * dated  - ... and its date equals the gold date (compared at the gold's granularity).
For every timeline event in a sentence that the gold dates, precision counts
whether its date equals one of the gold dates of that sentence. The gold covers
only events of the target entities, so this is a partial view, not a score for
the whole timeline.

    python scripts/eval_timeline.py [--show N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from briefdoc.extractors import nlp, timeline, timex  # noqa: E402
from briefdoc.model.brief import date_bounds  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "semeval2015-timeline-trial"


def read_doc(path: Path):
    root = ET.parse(path).getroot()
    doc_id = root.get("doc_id")
    sents: dict[int, list[str]] = defaultdict(list)
    for tok in root.iter("token"):
        sents[int(tok.get("sentence"))].append(tok.text or "")
    parts, offsets, pos = [], {}, 0
    for n in sorted(sents):
        line = _detok(" ".join(sents[n]))
        offsets[n] = (pos, pos + len(line))
        parts.append(line)
        pos += len(line) + 1
    text = "\n".join(parts)
    anchor = None
    if 1 in offsets:
        s, e = offsets[1]
        for t in timex.tag(text[s:e]):
            m = re.match(r"^(\d{4})-(\d\d)-(\d\d)$", t.value)
            if m:
                anchor = dt.date(int(m[1]), int(m[2]), int(m[3]))
                break
    return doc_id, text, offsets, anchor


def _detok(s: str) -> str:
    s = re.sub(r" ([,.;:!?%)])", r"\1", s)
    s = re.sub(r"([($]) ", r"\1", s)
    s = re.sub(r" (['’]s)\b", r"\1", s)
    return s


def load_gold() -> list[tuple[str, int, str, str]]:
    out = []
    for f in sorted((DATA / "TimeLines_trial_data_task4_v1.2").iterdir()):
        for line in f.read_text(encoding="utf-8").splitlines()[1:]:
            parts = line.split("\t")
            if len(parts) < 3:
                continue
            date = parts[1]
            for ev in parts[2:]:
                m = re.match(r"^(\d+)-(\d+)-(.+)$", ev.strip())
                if m:
                    out.append((m[1], int(m[2]), m[3].split("_")[0], date))
    return out


def same(date: str, gold: str) -> bool:
    """The timeline's date agrees with the gold at the gold's granularity: it lies
    within the gold's period ("2006-03-28" or "2006-W13" for gold "2006-03"); a
    coarser date ("2006" for "2006-03") does not."""
    try:
        first, last = date_bounds(date)
        gfirst, glast = date_bounds(gold)
    except ValueError:
        return False
    return gfirst <= first and last <= glast


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--show", type=int, default=0, help="print N misses")
    args = ap.parse_args(argv)
    docs = {}
    for p in sorted((DATA / "Corpus-trial-data_task4").glob("*.xml")):
        doc_id, text, offsets, anchor = read_doc(p)
        events = timeline.build(nlp.parse(text), anchor)
        docs[doc_id] = (text, offsets, anchor, events)
    gold = [g for g in load_gold() if re.match(r"^\d{4}", g[3]) and g[0] in docs]
    gold = list(dict.fromkeys(gold))
    found = dated = 0
    misses = []
    gold_by_sent = defaultdict(set)
    for doc_id, sent, word, date in gold:
        gold_by_sent[(doc_id, sent)].add(date)
        text, offsets, anchor, events = docs[doc_id]
        s, e = offsets.get(sent, (0, 0))
        cands = [ev for ev in events if s <= ev.start < e and re.search(rf"\b{re.escape(word)}", ev.event, re.I)]
        if cands:
            found += 1
            if any(same(ev.date, date) for ev in cands):
                dated += 1
            else:
                misses.append((doc_id, sent, word, date, [ev.date for ev in cands], text[s:e]))
        else:
            misses.append((doc_id, sent, word, date, None, text[s:e]))
    sys_n = sys_ok = 0
    for doc_id, (text, offsets, anchor, events) in docs.items():
        for ev in events:
            sent = next((n for n, (s, e) in offsets.items() if s <= ev.start < e), None)
            dates = gold_by_sent.get((doc_id, sent))
            if not dates:
                continue
            sys_n += 1
            sys_ok += any(same(ev.date, d) for d in dates)
    n = len(gold)
    print(f"gold dated events: {n}; in a timeline clause: {found} ({found / n:.3f}); "
          f"with the gold date: {dated} ({dated / n:.3f})")
    print(f"timeline events in gold-dated sentences: {sys_n}; date agrees with the gold: {sys_ok} "
          f"({sys_ok / sys_n if sys_n else 0:.3f})")
    print(f"timeline events in all {len(docs)} documents: {sum(len(d[3]) for d in docs.values())}")
    for m in misses[: args.show]:
        doc_id, sent, word, date, got, sentence = m
        print(f"MISS {doc_id}-{sent}-{word} gold={date} got={got} | {sentence[:160]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
