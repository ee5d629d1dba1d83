#!/usr/bin/env python
"""Score briefdoc.extractors.timex.tag on the TempEval-3 TBAQ-cleaned data (TimeBank, AQUAINT).

For each .tml file the document creation time is the anchor; the text between
<TEXT> and </TEXT> is stripped of tags and the gold TIMEX3 offsets recorded.
Prints TempEval-3-style scores: strict and relaxed extent P/R/F1, value F1
(value P = correct values / system timexes, value R = correct values / gold
timexes, a value counting only on a relaxed extent match) and type accuracy
(over relaxed matches), per corpus and overall.

    python scripts/eval_timex.py [--corpus TimeBank|AQUAINT|all] [--half A|B] [--errors N] [--spacy]
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import random
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from briefdoc.extractors import timex  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "timebank"

_TOKEN = re.compile(r"<[^>]+>|&[#\w]+;|[^<&]+|[<&]")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass
class Gold:
    start: int
    end: int
    type: str
    value: str


@dataclass
class Doc:
    name: str
    corpus: str
    anchor: dt.date
    text: str
    gold: list[Gold] = field(default_factory=list)


def read_tml(path: Path, corpus: str) -> Doc:
    raw = path.read_text(encoding="utf-8")
    dct = re.search(r'<DCT>\s*<TIMEX3[^>]*value="(\d{4})-?(\d\d)-?(\d\d)', raw)
    anchor = dt.date(int(dct[1]), int(dct[2]), int(dct[3]))
    body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)[1]
    out: list[str] = []
    pos = 0
    gold: list[Gold] = []
    open_: dict | None = None
    for tok in _TOKEN.findall(body):
        if tok.startswith("<") and len(tok) > 1:
            if tok.startswith("<TIMEX3"):
                attrs = dict(_ATTR.findall(tok))
                open_ = {"start": pos, **attrs}
            elif tok.startswith("</TIMEX3") and open_ is not None:
                gold.append(Gold(open_["start"], pos, open_.get("type", ""), open_.get("value", "")))
                open_ = None
            continue
        s = html.unescape(tok) if tok.startswith("&") else tok
        out.append(s)
        pos += len(s)
    text = "".join(out)
    # gold extents sometimes carry trailing blanks/punctuation ("that same day."); keep as annotated
    return Doc(path.stem, corpus, anchor, text, gold)


def load(corpus: str, half: str | None = None) -> list[Doc]:
    """The corpus' documents; ``half`` "A" keeps the files whose name sorts in the
    first half of each corpus, "B" the rest (tune on one, check on the other)."""
    docs = []
    for c in ("TimeBank", "AQUAINT"):
        if corpus not in ("all", c):
            continue
        paths = sorted((DATA / c).glob("*.tml"))
        cut = (len(paths) + 1) // 2
        if half == "A":
            paths = paths[:cut]
        elif half == "B":
            paths = paths[cut:]
        for p in paths:
            docs.append(read_tml(p, c))
    return docs


def prf(tp_p: int, n_sys: int, tp_r: int, n_gold: int) -> tuple[float, float, float]:
    p = tp_p / n_sys if n_sys else 0.0
    r = tp_r / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


_PARSED: dict = {}


def score(docs: list[Doc], use_spacy: bool, errors: list) -> dict:
    n_sys = n_gold = 0
    strict_sys = strict_gold = relax_sys = relax_gold = 0
    value_ok = type_ok = matched = 0
    elapsed = 0.0
    nlp = None
    if use_spacy:
        from briefdoc.extractors import nlp as nlp_mod

        nlp = nlp_mod.pipeline()
    for d in docs:
        parsed = None
        if nlp is not None:
            if d.name not in _PARSED:
                _PARSED[d.name] = nlp(d.text)
            parsed = _PARSED[d.name]
        t0 = time.perf_counter()
        sys_ = timex.tag(d.text, d.anchor, doc=parsed)
        elapsed += time.perf_counter() - t0
        n_sys += len(sys_)
        n_gold += len(d.gold)
        gold_hit = [False] * len(d.gold)
        gold_strict = [False] * len(d.gold)
        for t in sys_:
            best = None
            for i, g in enumerate(d.gold):
                if t.start < g.end and g.start < t.end:
                    ov = min(t.end, g.end) - max(t.start, g.start)
                    if best is None or ov > best[0]:
                        best = (ov, i)
            if best is None:
                errors.append(("FP", d.name, d.anchor, t.text, t.type, t.value, "", "", _ctx(d.text, t.start, t.end)))
                continue
            g = d.gold[best[1]]
            relax_sys += 1
            gold_hit[best[1]] = True
            if (t.start, t.end) == (g.start, g.end):
                strict_sys += 1
                gold_strict[best[1]] = True
            matched += 1
            if t.value == g.value:
                value_ok += 1
            else:
                errors.append(("VAL", d.name, d.anchor, t.text, t.type, t.value, d.text[g.start:g.end], g.value, _ctx(d.text, t.start, t.end)))
            if t.type == g.type:
                type_ok += 1
        for i, g in enumerate(d.gold):
            if not gold_hit[i]:
                errors.append(("FN", d.name, d.anchor, "", "", "", d.text[g.start:g.end], f"{g.type} {g.value}", _ctx(d.text, g.start, g.end)))
        relax_gold += sum(gold_hit)
        strict_gold += sum(gold_strict)
    sp, sr, sf = prf(strict_sys, n_sys, strict_gold, n_gold)
    rp, rr, rf = prf(relax_sys, n_sys, relax_gold, n_gold)
    vp, vr, vf = prf(value_ok, n_sys, value_ok, n_gold)
    return {
        "docs": len(docs), "gold": n_gold, "system": n_sys,
        "strict": (sp, sr, sf), "relaxed": (rp, rr, rf), "value": (vp, vr, vf),
        "type_acc": type_ok / matched if matched else 0.0,
        "value_acc": value_ok / matched if matched else 0.0,
        "seconds": elapsed, "chars": sum(len(d.text) for d in docs),
    }


def _ctx(text: str, s: int, e: int) -> str:
    return (text[max(0, s - 60):s] + "[" + text[s:e] + "]" + text[e:e + 40]).replace("\n", " ")


def show(name: str, r: dict) -> None:
    print(f"{name:9s} docs={r['docs']:3d} gold={r['gold']:4d} sys={r['system']:4d}  "
          f"strict P/R/F1 {r['strict'][0]:.3f}/{r['strict'][1]:.3f}/{r['strict'][2]:.3f}  "
          f"relaxed P/R/F1 {r['relaxed'][0]:.3f}/{r['relaxed'][1]:.3f}/{r['relaxed'][2]:.3f}  "
          f"value P/R/F1 {r['value'][0]:.3f}/{r['value'][1]:.3f}/{r['value'][2]:.3f}  "
          f"type acc {r['type_acc']:.3f}  value acc {r['value_acc']:.3f}  "
          f"({r['seconds'] * 1000:.0f} ms for {r['chars'] / 1000:.0f}k chars)")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", default="all", choices=["TimeBank", "AQUAINT", "all"])
    ap.add_argument("--errors", type=int, default=0, help="print N random mistakes")
    ap.add_argument("--kind", choices=["FP", "FN", "VAL"], help="only this kind of mistake")
    ap.add_argument("--spacy", action="store_true", help="pass a spaCy parse to tag() (tense from the parse)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--half", choices=["A", "B"], help="only the first (A) or second (B) half of each corpus, by file name")
    args = ap.parse_args(argv)
    corpora = ["TimeBank", "AQUAINT"] if args.corpus == "all" else [args.corpus]
    all_errors: list = []
    results = {}
    for c in corpora:
        results[c] = score(load(c, args.half), args.spacy, all_errors)
        show(c, results[c])
    if len(corpora) > 1:
        show("overall", score(load("all", args.half), args.spacy, []))
    if args.errors:
        errs = [e for e in all_errors if args.kind is None or e[0] == args.kind]
        random.Random(args.seed).shuffle(errs)
        for e in errs[: args.errors]:
            kind, name, anchor, stext, stype, sval, gtext, gval, ctx = e
            print(f"{kind:3s} {name} dct={anchor} sys=[{stext}] {stype} {sval} | gold=[{gtext}] {gval} | {ctx}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
