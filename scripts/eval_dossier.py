#!/usr/bin/env python
"""The dossier's merged timeline on the SemEval-2015 Task 4 trial data: 30 Wikinews
articles about Apple, with gold cross-document timelines (read in place from
../shared/data, never copied here).

Each article is extracted as `briefdoc dossier` does it (briefdoc.extract with the
article's own publication date: sentence 1 of the document, as in eval_timeline.py),
then the 30 briefs are merged into one dossier. For every gold event with a calendar
date (not "XXXX-XX-XX"):

  * found - an event of the article, in that sentence, whose clause holds the word;
  * dated - ... with a date within the gold's (at the gold's granularity).

Before the merge these are the articles' own timelines; after it, the dossier's
entries, through the sources they list (an entry's dates are what it shows: one date,
or several when the reports conflict; "dated, one date" counts only entries that show
the gold's date alone). The merge must lose none.

The gold also says which mentions in different articles are one event (one line of a
timeline file lists them all): for those seen in two articles or more before the
merge, it reports how many the merge puts in one entry, and how many entries unite
mentions that the gold keeps apart with different dates (a wrong merge).

    python scripts/eval_dossier.py [--show N]
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

from eval_timeline import DATA, read_doc, same  # noqa: E402

from briefdoc.dossier.merge import merge  # noqa: E402
from briefdoc.extractors import extract  # noqa: E402
from briefdoc.model.brief import Article  # noqa: E402


def load_gold_lines() -> list[tuple[str, int, str, list[tuple[str, int, str]]]]:
    """(timeline, line number, date, [(doc, sentence, word)]) for every gold line."""
    out = []
    for f in sorted((DATA / "TimeLines_trial_data_task4_v1.2").iterdir()):
        for n, line in enumerate(f.read_text(encoding="utf-8").splitlines()[1:], 1):
            parts = line.split("\t")
            if len(parts) < 3:
                continue
            mentions = []
            for ev in parts[2:]:
                m = re.match(r"^(\d+)-(\d+)-(.+)$", ev.strip())
                if m:
                    mentions.append((m[1], int(m[2]), m[3].split("_")[0]))
            out.append((f.stem, n, parts[1], mentions))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--show", type=int, default=0, help="print N gold events missed after the merge")
    args = ap.parse_args(argv)

    docs, briefs, ids = {}, [], []
    t0 = time.process_time()
    for p in sorted((DATA / "Corpus-trial-data_task4").glob("*.xml")):
        doc_id, text, offsets, anchor = read_doc(p)
        s, e = offsets[0]
        article = Article(title=text[s:e], published=anchor, text=text, source=f"wikinews {doc_id}")
        briefs.append(extract(text, article=article))
        ids.append(f"d{doc_id}")
        docs[doc_id] = offsets
    t_extract = time.process_time() - t0
    t0 = time.process_time()
    dossier = merge(briefs, ids=ids)
    t_merge = time.process_time() - t0

    def sentence_of(doc_id: str, offset: int) -> int | None:
        return next((n for n, (s, e) in docs[doc_id].items() if s <= offset < e), None)

    # before: each article's own events; after: each source of each entry, with the entry
    before = defaultdict(list)  # (doc, sentence) -> [(clause, date)]
    for doc_id, b in zip((i[1:] for i in ids), briefs):
        for ev in b.timeline:
            before[(doc_id, sentence_of(doc_id, ev.start))].append((ev.event, ev.date))
    after = defaultdict(list)  # (doc, sentence) -> [(clause, entry index)]
    for k, entry in enumerate(dossier.timeline):
        for src in entry.sources:
            doc_id = src.article[1:]
            after[(doc_id, sentence_of(doc_id, src.start))].append((src.event, k))

    def hit(clause: str, word: str) -> bool:
        return re.search(rf"\b{re.escape(word)}", clause, re.I) is not None

    lines = [g for g in load_gold_lines() if re.match(r"^\d{4}", g[2])]
    gold = list(dict.fromkeys((doc, sent, word, date) for _, _, date, ms in lines for doc, sent, word in ms if doc in docs))
    n = len(gold)
    found_b = dated_b = found_a = dated_a = single_a = 0
    lost, missed = [], []
    entry_of: dict[tuple, set[int]] = {}
    for doc, sent, word, date in gold:
        cands = [d for c, d in before.get((doc, sent), []) if hit(c, word)]
        fb, db = bool(cands), any(same(d, date) for d in cands)
        entries = {k for c, k in after.get((doc, sent), []) if hit(c, word)}
        entry_of[(doc, sent, word)] = entries
        fa = bool(entries)
        da = any(same(d, date) for k in entries for d in dossier.timeline[k].dates)
        sa = any(dossier.timeline[k].dates == [dossier.timeline[k].dates[0]] and same(dossier.timeline[k].dates[0], date)
                 for k in entries)
        found_b, dated_b, found_a, dated_a, single_a = found_b + fb, dated_b + db, found_a + fa, dated_a + da, single_a + sa
        if (fb and not fa) or (db and not da):
            lost.append((doc, sent, word, date))
        if not da:
            missed.append((doc, sent, word, date, sorted({d for k in entries for d in dossier.timeline[k].dates})))

    # cross-document events: gold lines whose mentions are in two articles or more
    cross = united = 0
    for _, _, date, ms in lines:
        seen = {(doc, sent, word) for doc, sent, word in ms if doc in docs and entry_of.get((doc, sent, word))}
        if len({m[0] for m in seen}) < 2:
            continue
        cross += 1
        common = set.intersection(*(entry_of[m] for m in seen))
        united += bool(common)
    gold_dates = {(doc, sent, word): date for doc, sent, word, date in gold}
    wrong = 0
    for k, entry in enumerate(dossier.timeline):
        arts = {src.article for src in entry.sources}
        if len(arts) < 2:
            continue
        dates = {gold_dates[m] for m, ks in entry_of.items() if k in ks and m in gold_dates}
        wrong += len(dates) > 1 and not all(same(a, b) or same(b, a) for a in dates for b in dates)

    events = sum(len(b.timeline) for b in briefs)
    multi = sum(1 for e in dossier.timeline if len({s.article for s in e.sources}) > 1)
    conflicts = sum(1 for e in dossier.timeline if len(e.dates) > 1)
    print(f"articles: {len(briefs)}; events in their timelines: {events}; dossier entries: {len(dossier.timeline)} "
          f"({multi} reported by several articles, {conflicts} with conflicting dates)")
    print(f"gold dated events: {n}")
    print(f"  before the merge: found {found_b} ({found_b / n:.3f}), with the gold date {dated_b} ({dated_b / n:.3f})")
    print(f"  after the merge:  found {found_a} ({found_a / n:.3f}), with the gold date {dated_a} ({dated_a / n:.3f}); "
          f"the gold date alone {single_a} ({single_a / n:.3f})")
    print(f"  lost by the merge: {len(lost)}" + (f" {lost}" if lost else ""))
    print(f"gold events in two articles or more (as found before the merge): {cross}; in one dossier entry: {united}")
    print(f"dossier entries uniting gold events of different dates: {wrong}")
    print(f"CPU: extraction {t_extract:.1f} s, merge {t_merge:.2f} s")
    for m in missed[: args.show]:
        print("MISS", *m)
    return 1 if lost else 0


if __name__ == "__main__":
    sys.exit(main())
