#!/usr/bin/env python
"""Evaluate briefdoc's quote extractor on the Gender Gap Tracker dev set (read in place, never copied).

Data: ``../shared/data/ggt-dev/ggt_dev_49.jsonl`` (see ``../shared/data/README.md``), one article a
line: ``text`` and ``quotes`` [{quote, quote_start, quote_end, speaker, reference, verb, align}].
Gold quotes whose ``align`` is ``not_found`` have no offsets and are skipped (12 of 727: one article,
a CTV piece whose ``text`` is only an id, has all 11 of its quotes not found, so it scores nothing).

Only the public API is used: ``briefdoc.extract(text)`` and ``brief.actor(id)``.

Spans. ``text[quote_start:quote_end]`` is exactly the gold ``quote`` string (checked on all 715
aligned quotes). A gold direct quote *includes* its quotation marks and the punctuation inside them
(``"Our school ... to the point,"``); a gold indirect quote has neither marks nor the final period
(``the school has a number of issues``); a mixed quote starts with its reporting words and ends with
the mark (``that there was "no collusion"``). A briefdoc direct Quote is what stands *between* the
marks (``Our school ... to the point,``), an indirect one is the reported clause without its period.
To make the two comparable, both gold and predicted spans are trimmed at both ends of whitespace,
quotation marks (" “ ” „ « » ‘ ’ ') and the punctuation . , ; : ! ? … before scoring. That changes
only a few characters per span, which matters at the 0.8 threshold for short quotes, and it does
not favour either side. Gold splits ``"A," he said. "B."`` into two quotes, as briefdoc does, so
nothing is merged; every predicted quote is scored as the brief shows it (a partial quote that
briefdoc also reports inside a reported clause is its own prediction and, unmatched, a false
positive; ``--merge-nested`` drops such nested predictions first, to see how much that costs).

Matching: overlap = |intersection| / length of the LONGER span; pairs with overlap >= the
threshold (0.3 and 0.8) are matched one-to-one, greedily, best overlap first (all pairs sorted by
overlap descending, ties by gold then predicted order). P = matched predictions / predictions,
R = matched gold / gold. The "direct only" row keeps only predictions with ``direct`` true and
matches them again against all gold (so its recall is over all gold quotes).

Speaker accuracy, over the gold quotes matched at 0.3 whose ``reference`` is non-empty: right when
the matched prediction's speaker actor (``brief.actor(q.speaker)``) has a name or alias that names
the reference: the same last word (case-insensitive, ignoring a possessive 's and punctuation), or
one string contains the other (case-insensitive). A predicted speaker of None is wrong. Gold with an
empty/None reference is counted apart ("no reference") and left out of the denominator (there are
none in this file, but the rule is there).

Also: predicted quotes of three words or fewer (and how many of them match gold), and extraction
time, wall clock of ``briefdoc.extract`` (parse included, the model loaded beforehand) per 1,000
words of article text (``len(text.split())``).

    python scripts/eval_ggt.py [--data DIR] [--limit N] [--errors N] [--json] [--merge-nested]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "ggt-dev"
FILE = "ggt_dev_49.jsonl"
TRIM = set(" \t\r\n\u00a0\"“”„«»‘’'.,;:!?…")
THRESHOLDS = (0.3, 0.8)


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without surrounding whitespace, quotation marks and punctuation (see the docstring)."""
    s, e = start, end
    while s < e and text[s] in TRIM:
        s += 1
    while e > s and text[e - 1] in TRIM:
        e -= 1
    return (s, e) if s < e else (start, end)


def overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    if inter <= 0:
        return 0.0
    return inter / max(a[1] - a[0], b[1] - b[0])


def match(gold: list[tuple[int, int]], pred: list[tuple[int, int]], thr: float) -> dict[int, int]:
    """One-to-one greedy matching, best overlap first: {gold index: predicted index}."""
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            o = overlap(g, p)
            if o > 0 and o >= thr:
                pairs.append((-o, gi, pi))
    pairs.sort()
    used_p: set[int] = set()
    m: dict[int, int] = {}
    for _, gi, pi in pairs:
        if gi in m or pi in used_p:
            continue
        m[gi] = pi
        used_p.add(pi)
    return m


def _norm(s: str) -> str:
    s = re.sub(r"['’]s\b", "", s.lower())
    return " ".join(re.findall(r"\w+", s))


def names_reference(names: list[str], reference: str) -> bool:
    """Does one of ``names`` name ``reference``: same last word, or one contains the other (case-insensitive)."""
    ref = _norm(reference)
    if not ref:
        return False
    for name in names:
        n = _norm(name)
        if not n:
            continue
        if n.split()[-1] == ref.split()[-1]:
            return True
        if n in ref or ref in n:
            return True
    return False


def prf(tp_p: int, n_p: int, tp_g: int, n_g: int) -> dict[str, float]:
    p = tp_p / n_p if n_p else 0.0
    r = tp_g / n_g if n_g else 0.0
    return {"P": p, "R": r, "F1": 2 * p * r / (p + r) if p + r else 0.0}


def ctx(text: str, start: int, end: int, width: int = 60, limit: int = 160) -> str:
    """The span in brackets with a little text around it, on one line."""
    inner = text[start:end]
    if len(inner) > limit:
        inner = inner[: limit // 2] + " … " + inner[-limit // 2:]
    s = text[max(0, start - width):start] + "[[" + inner + "]]" + text[end:end + width]
    return re.sub(r"\s+", " ", s)


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def nested(pred: list[dict]) -> set[int]:
    """Indices of predictions inside a longer prediction with the same speaker."""
    out = set()
    for i, p in enumerate(pred):
        for j, q in enumerate(pred):
            if i != j and q["start"] <= p["start"] and p["end"] <= q["end"] and \
                    (q["end"] - q["start"]) > (p["end"] - p["start"]) and q["speaker"] == p["speaker"]:
                out.add(i)
                break
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DATA, help=f"folder holding {FILE} (default: {DATA})")
    ap.add_argument("--limit", type=int, default=0, help="score only the first N articles")
    ap.add_argument("--errors", type=int, default=0,
                    help="print N false positives, N false negatives and N speaker errors (at 0.3)")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON instead of a table")
    ap.add_argument("--merge-nested", action="store_true",
                    help="drop predictions nested in a longer prediction with the same speaker before scoring")
    args = ap.parse_args(argv)

    import briefdoc

    path = args.data / FILE if args.data.is_dir() else args.data
    if args.errors and path.name.startswith("test_"):
        print(f"eval_ggt: {path.name} is a held-out test set: its errors are not shown (score it without --errors)",
              file=sys.stderr)
        return 2
    rows = load(path)
    if args.limit:
        rows = rows[: args.limit]
    briefdoc.extract("Warm-up: the model loads here, outside the timing, officials said.")

    counts = {(k, t): [0, 0, 0, 0] for k in ("all", "direct") for t in THRESHOLDS}  # tp_p, n_p, tp_g, n_g
    spk = {"right": 0, "wrong": 0, "none_predicted": 0, "no_reference": 0}
    short = {"pred": 0, "pred_matched": 0, "gold": 0}
    skipped = 0
    n_nested = 0
    words = 0
    seconds = 0.0
    errors: dict[str, list[str]] = {"fp": [], "fn": [], "speaker": []}

    for ai, row in enumerate(rows):
        text = row["text"]
        gold_items = []
        for g in row["quotes"]:
            if g.get("align") == "not_found" or g.get("quote_start") is None:
                skipped += 1
                continue
            gold_items.append(g)
        gold = [trim(text, g["quote_start"], g["quote_end"]) for g in gold_items]

        t0 = time.perf_counter()
        brief = briefdoc.extract(text)
        seconds += time.perf_counter() - t0
        words += len(text.split())

        pred = [{"start": q.start, "end": q.end, "speaker": q.speaker, "direct": q.direct, "cue": q.cue,
                 "sstart": q.speaker_start, "send": q.speaker_end} for q in brief.quotes]
        drop = nested(pred)
        if args.merge_nested:
            pred = [p for i, p in enumerate(pred) if i not in drop]
        else:
            n_nested += len(drop)
        spans = [trim(text, p["start"], p["end"]) for p in pred]
        direct_ix = [i for i, p in enumerate(pred) if p["direct"]]

        short["gold"] += sum(1 for s, e in gold if len(text[s:e].split()) <= 3)
        m03: dict[int, int] = {}
        for thr in THRESHOLDS:
            m = match(gold, spans, thr)
            c = counts[("all", thr)]
            c[0] += len(m)
            c[1] += len(spans)
            c[2] += len(m)
            c[3] += len(gold)
            md = match(gold, [spans[i] for i in direct_ix], thr)
            c = counts[("direct", thr)]
            c[0] += len(md)
            c[1] += len(direct_ix)
            c[2] += len(md)
            c[3] += len(gold)
            if thr == 0.3:
                m03 = m
        matched_p = set(m03.values())
        for pi, (s, e) in enumerate(spans):
            if len(text[s:e].split()) <= 3:
                short["pred"] += 1
                short["pred_matched"] += pi in matched_p

        for gi, pi in m03.items():
            g, p = gold_items[gi], pred[pi]
            ref = (g.get("reference") or "").strip()
            if not ref:
                spk["no_reference"] += 1
                continue
            actor = brief.actor(p["speaker"]) if p["speaker"] else None
            ok = actor is not None and names_reference([actor.name, *actor.aliases], ref)
            spk["right" if ok else "wrong"] += 1
            spk["none_predicted"] += actor is None
            if not ok and len(errors["speaker"]) < args.errors:
                who = text[p["sstart"]:p["send"]] if p["sstart"] is not None else None
                name = f"{actor.name} {actor.aliases}" if actor else None
                errors["speaker"].append(
                    f"#{ai} gold {ref!r} (as written {g.get('speaker')!r}) / predicted {name} via mention {who!r}, "
                    f"cue {p['cue']!r}\n    {ctx(text, *gold[gi])}")
        for gi, (s, e) in enumerate(gold):
            if gi not in m03 and len(errors["fn"]) < args.errors:
                g = gold_items[gi]
                errors["fn"].append(f"#{ai} verb {g.get('verb')!r} speaker {g.get('speaker')!r}\n    {ctx(text, s, e)}")
        for pi, (s, e) in enumerate(spans):
            if pi not in matched_p and len(errors["fp"]) < args.errors:
                p = pred[pi]
                who = brief.actor(p["speaker"]).name if p["speaker"] and brief.actor(p["speaker"]) else None
                errors["fp"].append(f"#{ai} {'direct' if p['direct'] else 'indirect'} cue {p['cue']!r} "
                                    f"speaker {who!r}\n    {ctx(text, s, e)}")

    n_spk = spk["right"] + spk["wrong"]
    figures = {
        "articles": len(rows),
        "gold_quotes": counts[("all", 0.3)][3],
        "gold_skipped_not_found": skipped,
        "predicted_quotes": counts[("all", 0.3)][1],
        "predicted_direct": counts[("direct", 0.3)][1],
        "overlap": "intersection / longer span, one-to-one greedy best-first",
        "all": {str(t): prf(*counts[("all", t)]) for t in THRESHOLDS},
        "direct_only": {str(t): prf(*counts[("direct", t)]) for t in THRESHOLDS},
        "matched": {str(t): counts[("all", t)][0] for t in THRESHOLDS},
        "matched_direct_only": {str(t): counts[("direct", t)][0] for t in THRESHOLDS},
        "speaker": {"accuracy": spk["right"] / n_spk if n_spk else 0.0, "right": spk["right"], "scored": n_spk,
                    "wrong_none_predicted": spk["none_predicted"], "no_reference_excluded": spk["no_reference"]},
        "short_quotes_le3_words": short,
        "nested_predictions": None if args.merge_nested else n_nested,
        "merge_nested": args.merge_nested,
        "words": words,
        "seconds": seconds,
        "seconds_per_1000_words": 1000 * seconds / words if words else 0.0,
    }
    if args.json:
        json.dump(figures, sys.stdout, indent=2)
        print()
    else:
        print(f"GGT dev: {len(rows)} articles, {figures['gold_quotes']} gold quotes ({skipped} not_found skipped), "
              f"{figures['predicted_quotes']} predicted ({figures['predicted_direct']} direct)"
              + (" [nested predictions dropped]" if args.merge_nested else ""))
        print("overlap = |intersection| / longer span; spans trimmed of marks, spaces and end punctuation")
        print(f"{'':12} {'pred':>5} | {'P@0.3':>6} {'R@0.3':>6} {'F1@0.3':>6} | {'P@0.8':>6} {'R@0.8':>6} {'F1@0.8':>6}")
        for key, label in (("all", "all"), ("direct", "direct only")):
            cells = []
            for t in THRESHOLDS:
                f = prf(*counts[(key, t)])
                cells.append(f"{f['P']:6.3f} {f['R']:6.3f} {f['F1']:6.3f}")
            print(f"{label:12} {counts[(key, 0.3)][1]:5d} | " + " | ".join(cells))
        s = figures["speaker"]
        print(f"speaker accuracy (resolved name, gold matched at 0.3): {s['accuracy']:.3f} ({s['right']}/{s['scored']}; "
              f"{s['wrong_none_predicted']} wrong for no speaker; {s['no_reference_excluded']} without a gold reference, excluded)")
        print(f"predicted quotes of <= 3 words: {short['pred']} ({short['pred_matched']} match gold at 0.3); gold: {short['gold']}"
              + ("" if args.merge_nested else f"; predictions nested in a same-speaker prediction: {n_nested}"))
        print(f"extraction: {figures['seconds_per_1000_words']:.2f} s per 1,000 words ({words} words, {seconds:.1f} s)")
        for key, title in (("fp", "FALSE POSITIVES (predicted, unmatched at 0.3)"),
                           ("fn", "FALSE NEGATIVES (gold, unmatched at 0.3)"),
                           ("speaker", "SPEAKER ERRORS (matched at 0.3)")):
            if args.errors:
                print(f"\n== {title}")
                for e in errors[key]:
                    print(e)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
