#!/usr/bin/env python
"""Score briefdoc.extractors.timex.tag on the hand-made PolNeAR TIMEX3 gold.

The gold is standoff (scripts/timex_polnear_gold.tsv: file, start, end, type,
value, split); the article texts are read at run time from
../shared/data/polnear/dev/text/ (never copied into the repository).  The
document creation time is the date in each file name.  Scoring is the one of
scripts/eval_timex.py (imported, not copied): strict and relaxed extent P/R/F1,
value P/R/F1 (a value counts only on a relaxed extent match with an equal value
string) and type accuracy over relaxed matches.  Prints dev, test and all.

    python scripts/eval_timex_polnear.py [--errors N] [--kind FP|FN|VAL] [--spacy]

--errors / --all-errors show mistakes on the DEV articles only (kinds FP, FN,
VAL, and EXT / TYPE = right value but wrong extent / type): the test half stays unseen.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from eval_timex import Doc, Gold, _ctx, score, show  # noqa: E402  (it also puts src/ on sys.path)

from briefdoc.extractors import timex  # noqa: E402

ROOT = HERE.parent
TEXTS = ROOT.parent / "shared" / "data" / "polnear" / "dev" / "text"
GOLD = HERE / "timex_polnear_gold.tsv"
TYPES = ("DATE", "TIME", "DURATION", "SET")
_DCT = re.compile(r"_(\d{4})-(\d\d)-(\d\d)_")


def read_gold(path: Path = GOLD) -> dict[str, tuple[str, list[Gold]]]:
    """file name -> (split, gold timexes sorted by offset)."""
    out: dict[str, tuple[str, list[Gold]]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, start, end, typ, value, split = line.split("\t")
        entry = out.setdefault(name, (split, []))
        if entry[0] != split:
            raise ValueError(f"{name}: mixed splits")
        entry[1].append(Gold(int(start), int(end), typ, value))
    for _, gold in out.values():
        gold.sort(key=lambda g: (g.start, g.end))
    return out


def dct(name: str) -> dt.date:
    m = _DCT.search(name)
    return dt.date(int(m[1]), int(m[2]), int(m[3]))


def load(split: str = "all", texts: Path = TEXTS) -> list[Doc]:
    docs = []
    for name, (sp, gold) in sorted(read_gold().items()):
        if split not in ("all", sp):
            continue
        text = (texts / name).read_text(encoding="utf-8")
        docs.append(Doc(name, sp, dct(name), text, list(gold)))
    return docs


def extent_errors(docs: list[Doc]) -> list[tuple]:
    """Mistakes score() does not list (it lists FP, FN and wrong values): a relaxed
    match with the right value but another extent ("EXT") or another type
    ("TYPE"), in the same tuple shape.  Tagged without a spaCy parse."""
    out = []
    for d in docs:
        for t in timex.tag(d.text, d.anchor):
            over = [g for g in d.gold if t.start < g.end and g.start < t.end]
            if not over:
                continue
            g = max(over, key=lambda g: min(t.end, g.end) - max(t.start, g.start))
            if t.value != g.value:
                continue  # score() lists it as VAL
            for kind, bad in (("EXT", (t.start, t.end) != (g.start, g.end)), ("TYPE", t.type != g.type)):
                if bad:
                    out.append((kind, d.name, d.anchor, t.text, t.type, t.value,
                                d.text[g.start:g.end], f"{g.type} {g.value}", _ctx(d.text, t.start, t.end)))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--errors", type=int, default=0, help="print N random mistakes on the dev articles")
    ap.add_argument("--kind", choices=["FP", "FN", "VAL", "EXT", "TYPE"], help="only this kind of mistake")
    ap.add_argument("--all-errors", action="store_true", help="print every dev mistake, in document order")
    ap.add_argument("--spacy", action="store_true", help="pass a spaCy parse to tag()")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    if not TEXTS.is_dir():
        print(f"no PolNeAR texts at {TEXTS}", file=sys.stderr)
        return 2
    dev_errors: list = []
    dev = load("dev")
    show("dev", score(dev, args.spacy, dev_errors))
    show("test", score(load("test"), args.spacy, []))
    show("all", score(load("all"), args.spacy, []))
    if args.errors or args.all_errors:
        dev_errors += extent_errors(dev)
        errs = [e for e in dev_errors if args.kind is None or e[0] == args.kind]
        if not args.all_errors:
            random.Random(args.seed).shuffle(errs)
            errs = errs[: args.errors]
        for e in errs:
            kind, name, anchor, stext, stype, sval, gtext, gval, ctx = e
            print(f"{kind:3s} {name} dct={anchor} sys=[{stext}] {stype} {sval} | gold=[{gtext}] {gval} | {ctx}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
