#!/usr/bin/env python
"""Evaluate briefdoc's quote extractor against PolNeAR (read in place, never copied).

Gold items are PolNeAR Content spans: a direct quote when the span contains a
quotation mark (" “ ” or the '' of some newspapers), reported speech otherwise. Predicted items are briefdoc Quotes
(direct and indirect). Spans are matched one-to-one, greedily by best overlap;
overlap = |intersection| / |union| of the character spans (``--overlap max``
divides by the longer span instead). A pair matches when the overlap is at
least the threshold (0.3 and 0.8, the Gender Gap Tracker convention).

Before matching, a predicted quote that lies inside another predicted quote
with the same speaker is merged into it: PolNeAR annotates "X said that Y
“called it a disaster”" as one attribution whose content holds the partial
quote, while briefdoc reports both the reported content and the partial quote.

Rows: "direct" scores gold direct items (recall) and predicted direct items
(precision), each matched against all items of the other side; "indirect"
likewise; "all" scores everything.

Likewise consecutive direct quotes attributed through the same mention and cue
(“A,” he said. “B.”, and quote paragraphs that continue it) are joined into one
item, as PolNeAR annotates them as one attribution with a discontinuous
content; gold discontinuous spans are taken from their first to last character.

Speaker accuracy (of gold items matched at 0.3): right when the gold Source
span overlaps the predicted speaker mention (speaker_start:speaker_end), or
when the gold Source text and the predicted actor's name or aliases share a
name token.

    python scripts/eval_quotes.py [--split dev|train] [--limit N] [--errors N] [--agreement]
    python scripts/eval_quotes.py --heldout 120 --model /tmp/held.json.gz [--docbin /tmp/polnear-train.spacy]

``--heldout N`` scores N train articles spread over all outlets (``heldout``), the ones
scripts/train_attribution.py holds out to choose its threshold; with ``--model`` the weights that script writes with ``--heldout-model`` (fitted without
them), this is an error-analysis set the model never saw (the shipped model is refitted on all of train).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear"
QUOTE_CHARS = set('"“”')
STOP = {"the", "a", "an", "of", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "his", "her", "its", "their",
        "and", "for", "to", "in", "on", "at", "by", "'s", "’s"}


def read_gold(ann: Path) -> list[dict]:
    spans: dict[str, tuple[str, int, int, str]] = {}
    events = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        if line.startswith("T"):
            parts = line.split("\t")
            if len(parts) < 2:
                continue
            head = parts[1].split(" ", 1)
            label = head[0]
            offs = [tuple(map(int, o.split())) for o in head[1].split(";")]
            s = min(o[0] for o in offs)
            e = max(o[1] for o in offs)
            spans[parts[0]] = (label, s, e, parts[2] if len(parts) > 2 else "")
        elif line.startswith("E"):
            parts = line.split("\t")
            roles = dict(r.split(":", 1) for r in parts[1].split() if ":" in r)
            events.append(roles)
    gold = []
    for roles in events:
        c = spans.get(roles.get("Content", ""))
        if c is None:
            continue
        src = spans.get(roles.get("Source", ""))
        cue = spans.get(roles.get("Cue", ""))
        gold.append({
            "start": c[1], "end": c[2],
            "source": (src[1], src[2], src[3]) if src else None,
            "cue": cue[3] if cue else None,
            "cue_span": (cue[1], cue[2]) if cue else None,
        })
    return gold


def files(split: str) -> list[tuple[Path, Path]]:
    text_dir = ROOT / split / "text"
    ann_dir = ROOT / split / "attributions"
    by_article: dict[str, list[Path]] = defaultdict(list)
    for ann in sorted(ann_dir.glob("*.ann")):
        art = ann.stem.rsplit("_", 1)[0]
        by_article[art].append(ann)
    out = []
    for art in sorted(by_article):
        txt = text_dir / f"{art}.txt"
        if txt.exists():
            out.append((txt, sorted(by_article[art])[0]))
    return out


def heldout(n_articles: int, n: int) -> list[int]:
    """Indices of the n train articles held out to choose the learned model's threshold (and for error
    analysis): spread evenly over the list, which is sorted by outlet, so every outlet is in it."""
    if n <= 0:
        return []
    return sorted({min(n_articles - 1, int((k + 0.5) * n_articles / n)) for k in range(n)})


def overlap(a: tuple[int, int], b: tuple[int, int], mode: str) -> float:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    if inter <= 0:
        return 0.0
    if mode == "max":
        return inter / max(a[1] - a[0], b[1] - b[0])
    return inter / (max(a[1], b[1]) - min(a[0], b[0]))


def match(gold: list[dict], pred: list[dict], thr: float, mode: str) -> dict[int, int]:
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            o = overlap((g["start"], g["end"]), (p["start"], p["end"]), mode)
            if o >= thr:
                pairs.append((o, gi, pi))
    pairs.sort(reverse=True)
    used_g, used_p, m = set(), set(), {}
    for o, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        m[gi] = pi
    return m


def merge_pieces(pred: list[dict]) -> list[dict]:
    """Join the pieces of one attribution (“A,” he said. “B.” and continuation paragraphs):
    consecutive direct quotes attributed through the same mention and cue."""
    out: list[dict] = []
    for p in sorted(pred, key=lambda p: (p["start"], p["end"])):
        if p["kind"] == "direct" and p["sstart"] is not None:
            for q in reversed(out):
                if q["kind"] != "direct":
                    continue
                if (q["sstart"], q["send"], q["cue"]) == (p["sstart"], p["send"], p["cue"]):
                    q["end"] = max(q["end"], p["end"])
                    p = None
                break
        if p is not None:
            out.append(dict(p))
    return out


def merge_nested(pred: list[dict]) -> list[dict]:
    out = []
    for p in pred:
        inside = any(
            q is not p and q["start"] <= p["start"] and p["end"] <= q["end"] and (q["end"] - q["start"]) > (p["end"] - p["start"])
            and q["speaker"] == p["speaker"]
            for q in pred
        )
        if not inside:
            out.append(p)
    return out


def tokens(s: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9’'.]+", s.lower()) if w not in STOP and len(w) > 1}


def speaker_right(g: dict, p: dict, names: dict[str, list[str]]) -> bool:
    src = g["source"]
    if src is None:
        return p["speaker"] is None and p["sstart"] is None
    if p["sstart"] is not None and min(src[1], p["send"]) > max(src[0], p["sstart"]):
        return True
    if p["speaker"]:
        gt = tokens(src[2])
        for n in names.get(p["speaker"], []):
            if gt & tokens(n):
                return True
    return False


def prf(tp_p: int, n_p: int, tp_g: int, n_g: int) -> tuple[float, float, float]:
    p = tp_p / n_p if n_p else 0.0
    r = tp_g / n_g if n_g else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def _lemmas(word: str) -> set[str]:
    """Crude candidate lemmas of an English verb form (enough to look it up in a lexicon)."""
    w = word.strip(".,:;")
    irregular = {"said": "say", "says": "say", "told": "tell", "tells": "tell", "wrote": "write", "writes": "write",
                 "spoke": "speak", "added": "add"}
    out = {w, irregular.get(w, w)}
    for suf, rep in (("ied", "y"), ("ies", "y"), ("ed", ""), ("ed", "e"), ("es", ""), ("s", ""), ("ing", ""), ("ing", "e")):
        if w.endswith(suf):
            out.add(w[: -len(suf)] + rep)
    return out


def agreement(split: str) -> int:
    """How far PolNeAR's two annotators agree, scored like the extractor (annotator 2 as the prediction,
    annotator 1 as the gold), on the articles that have two annotators: a ceiling for any extractor."""
    ann_dir, text_dir = ROOT / split / "attributions", ROOT / split / "text"
    by_article: dict[str, list[Path]] = defaultdict(list)
    for ann in sorted(ann_dir.glob("*.ann")):
        by_article[ann.stem.rsplit("_", 1)[0]].append(ann)
    c: dict[tuple[float, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    spk = [0, 0]
    n = 0
    for art, anns in sorted(by_article.items()):
        if len(anns) < 2 or not (text_dir / f"{art}.txt").exists():
            continue
        n += 1
        text = (text_dir / f"{art}.txt").read_text(encoding="utf-8")
        g1, g2 = read_gold(sorted(anns)[0]), read_gold(sorted(anns)[1])
        for g in g1 + g2:
            seg = text[g["start"]:g["end"]]
            g["kind"] = "direct" if (QUOTE_CHARS & set(seg) or "''" in seg) else "indirect"
        for thr in (0.3, 0.8):
            m = match(g1, g2, thr, "union")
            inv = {v: k for k, v in m.items()}
            for k in ("direct", "indirect", "all"):
                a = [i for i, g in enumerate(g1) if k == "all" or g["kind"] == k]
                b = [i for i, g in enumerate(g2) if k == "all" or g["kind"] == k]
                row = c[(thr, k)]
                row[0] += sum(i in inv for i in b)
                row[1] += len(b)
                row[2] += sum(i in m for i in a)
                row[3] += len(a)
            if thr == 0.3:
                for gi, pi in m.items():
                    s1, s2 = g1[gi]["source"], g2[pi]["source"]
                    spk[1] += 1
                    spk[0] += (s1 is None and s2 is None) or (
                        s1 is not None and s2 is not None and min(s1[1], s2[1]) > max(s1[0], s2[0]))
    print(f"PolNeAR {split}: annotator agreement on {n} articles with two annotators (2nd scored against 1st)")
    for k in ("direct", "indirect", "all"):
        cells = []
        for thr in (0.3, 0.8):
            p, r, f = prf(*c[(thr, k)])
            cells.append(f"@{thr}: P {p:.3f} R {r:.3f} F1 {f:.3f}")
        print(f"  {k:9} {c[(0.3, k)][3]:5d} items | " + " | ".join(cells))
    print(f"  same source span for matched items: {spk[0] / max(1, spk[1]):.3f} ({spk[0]}/{spk[1]})")
    return 0


def single_quote_style(text: str) -> str:
    """``text`` as a British outlet would quote it, character for character: the
    double marks of each quote become single ones (“ ‘, ” ’, " '), and single marks
    nested inside become double ones. Two-apostrophe marks ('') stay as they are."""
    from briefdoc.extractors import _marks

    chars = list(text)
    swap = {"“": "‘", "”": "’", '"': "'"}
    for m in _marks._find(text, _marks.DOUBLE):
        for at in (m.open_at, m.close_at):
            if at is not None and text[at] in swap and text[at + 1:at + 2] != _marks.PAD:
                chars[at] = swap[text[at]]
        nested = False
        for i in range(m.start, m.end):
            if text[i] == "‘":
                chars[i], nested = "“", True
            elif text[i] == "’" and nested and not text[i + 1:i + 2].isalnum():
                chars[i], nested = "”", False
    return "".join(chars)


def _miss_class(text: str, g: dict, pred: list[dict], m: dict[int, int]) -> tuple[str, dict | None, float]:
    """A rough class for an indirect gold item missed at 0.3: where its cue stands, and what the nearest
    prediction did with it (none near, cut too short or too long, or taken by another gold item)."""
    best, bo = None, 0.0
    for p in pred:
        o = overlap((g["start"], g["end"]), (p["start"], p["end"]), "union")
        if o > bo:
            best, bo = p, o
    cs = g["cue_span"]
    where = "cue-before" if cs and cs[1] <= g["start"] else "cue-after" if cs and cs[0] >= g["end"] else "cue-inside"
    if best is None:
        what = "no-pred"
    elif pred.index(best) in m.values():
        what = "pred-taken"
    elif best["end"] - best["start"] < g["end"] - g["start"]:
        what = "pred-short"
    else:
        what = "pred-long"
    return f"{where}/{what}", best, bo


def speech_misses(text, name, gold, pred, m03, m08, is_speech, args, errors, classes) -> None:
    """Collect the indirect speech-cue gold items missed at 0.3, and the indirect items matched at 0.3 but not at
    0.8, with the nearest prediction, for --speech-misses."""
    for gi, g in enumerate(gold):
        if g["kind"] != "indirect":
            continue
        src = g["source"][2] if g["source"] else None
        ctx = text[max(0, min(g["start"], (g["cue_span"] or (g["start"],))[0]) - 80):
                   max(g["end"], (g["cue_span"] or (0, g["end"]))[1]) + 40].replace("\n", " | ")
        if gi not in m03 and g["cue"] and is_speech(g["cue"]):
            cls, best, bo = _miss_class(text, g, pred, m03)
            classes["miss:" + cls] += 1
            if len(errors["miss"]) < args.errors:
                near = (f"{best['kind']} {overlap((g['start'], g['end']), (best['start'], best['end']), 'union'):.2f} "
                        f"cue {best['cue']!r}: {text[best['start']:best['end']][:200]!r}") if best else "-"
                errors["miss"].append(f"{name} [{cls}] cue {g['cue']!r} source {src!r}\n    gold {text[g['start']:g['end']][:200]!r}"
                                      f"\n    pred {near}\n    ctx  {ctx[:400]!r}")
        elif gi in m03 and gi not in m08:
            p = pred[m03[gi]]
            gl, pl = (g["start"], g["end"]), (p["start"], p["end"])
            side = ("start" + ("+" if pl[0] < gl[0] else "-") if pl[0] != gl[0] else "") + \
                   (" end" + ("+" if pl[1] > gl[1] else "-") if pl[1] != gl[1] else "")
            classes["bound:" + side.strip()] += 1
            if len(errors["bound"]) < args.errors:
                errors["bound"].append(f"{name} [{side.strip()}] cue {g['cue']!r}\n    gold {text[gl[0]:gl[1]][:200]!r}"
                                       f"\n    pred {text[pl[0]:pl[1]][:200]!r}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="dev", choices=["dev", "train"])
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--errors", type=int, default=0, help="show up to N misses, false alarms and misattributions")
    ap.add_argument("--speech-misses", action="store_true",
                    help="with --errors: list only indirect gold with a speech cue missed at 0.3, each with the "
                         "nearest prediction and a rough class; and indirect items matched at 0.3 but not at 0.8")
    ap.add_argument("--overlap", default="union", choices=["union", "max"])
    ap.add_argument("--agreement", action="store_true",
                    help="score the two PolNeAR annotators against each other instead (a ceiling)")
    ap.add_argument("--heldout", type=int, default=0,
                    help="score only the N train articles that train_attribution.py holds out")
    ap.add_argument("--model", type=Path, help="use these learned attribution weights instead of the shipped ones")
    ap.add_argument("--docbin", type=Path, help="the train parses cached by train_attribution.py --docbin")
    ap.add_argument("--single-quotes", action="store_true",
                    help="rewrite each article in the British style first (‘...’ outside, “...” inside; same offsets)")
    args = ap.parse_args(argv)
    if args.agreement:
        return agreement(args.split)
    if args.heldout:
        args.split = "train"

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    from briefdoc.extractors import nlp
    from briefdoc.extractors import actors, quotes

    if args.model:
        import gzip
        import json

        from briefdoc.extractors import _learned

        weights = json.loads(gzip.decompress(args.model.read_bytes()).decode("utf-8"))
        _learned.model = lambda: weights  # noqa: E731
    pairs = files(args.split)
    cached = None
    if args.docbin and args.docbin.exists() and args.split == "train" and not args.single_quotes:
        from spacy.tokens import DocBin

        cached = list(DocBin().from_bytes(args.docbin.read_bytes()).get_docs(nlp.pipeline().vocab))
        assert len(cached) == len(pairs)
    if args.heldout:
        ix = heldout(len(pairs), args.heldout)
        pairs = [pairs[i] for i in ix]
        cached = [cached[i] for i in ix] if cached else None
    if args.limit:
        pairs = pairs[: args.limit]
    parsed = dict(zip((t for t, _ in pairs), cached)) if cached else {}
    thresholds = (0.3, 0.8)
    kinds = ("direct", "indirect", "all")
    c = {(t, k, x): 0 for t in thresholds for k in kinds for x in ("tp_p", "n_p", "tp_g", "n_g")}
    spk = {k: [0, 0] for k in kinds}
    errors: dict[str, list[str]] = {"miss": [], "false": [], "speaker": [], "bound": []}
    classes: dict[str, int] = defaultdict(int)
    m08: dict[int, int] = {}
    speech_cue = [0, 0]
    sp = [0, 0, 0, 0]  # speech-only row: tp_p, n_p, tp_g, n_g
    speech = quotes.SPEECH - {"call", "describe", "label", "dub", "thank", "praise", "blast", "slam", "criticize",
                              "hail", "read", "mock", "tout", "continue", "post", "share", "sing", "question"}
    t_extract = 0.0
    n_words = 0
    for txt, ann in pairs:
        text = txt.read_text(encoding="utf-8")
        gold = read_gold(ann)
        for g in gold:
            g["kind"] = "direct" if (QUOTE_CHARS & set(text[g["start"]:g["end"]]) or "''" in text[g["start"]:g["end"]]) else "indirect"
        if args.single_quotes:
            text = single_quote_style(text)
        doc = parsed.get(txt) or nlp.parse(text)
        t0 = time.perf_counter()
        cast = actors.find(doc)
        found = quotes.find(doc, cast)
        t_extract += time.perf_counter() - t0
        n_words += len(text.split())
        names = {a.id: [a.name, *a.aliases] for a in cast.actors.values()}
        pred = [{"start": q.start, "end": q.end, "speaker": q.speaker, "sstart": q.speaker_start, "send": q.speaker_end,
                 "kind": "direct" if q.direct else "indirect", "cue": q.cue} for q in found]
        pred = merge_nested(merge_pieces(pred))
        for thr in thresholds:
            m = match(gold, pred, thr, args.overlap)
            inv = {pi: gi for gi, pi in m.items()}
            if thr == 0.8:
                m08 = m
            for k in kinds:
                gs = [i for i, g in enumerate(gold) if k == "all" or g["kind"] == k]
                ps = [i for i, p in enumerate(pred) if k == "all" or p["kind"] == k]
                c[(thr, k, "n_g")] += len(gs)
                c[(thr, k, "n_p")] += len(ps)
                c[(thr, k, "tp_g")] += sum(1 for i in gs if i in m)
                c[(thr, k, "tp_p")] += sum(1 for i in ps if i in inv)
            if thr == 0.3:
                def is_speech(cue: str | None) -> bool:
                    words = (cue or "").lower().split()
                    return "according" in words or any(_lemmas(w) & speech for w in words)

                for gi, g in enumerate(gold):
                    if g["kind"] == "indirect" and g["cue"]:
                        if is_speech(g["cue"]):
                            speech_cue[1] += 1
                            speech_cue[0] += gi in m
                    if g["kind"] == "direct" or is_speech(g["cue"]):
                        sp[3] += 1
                        sp[2] += gi in m
                for pi, p in enumerate(pred):
                    if p["kind"] == "direct" or is_speech(p["cue"]):
                        sp[1] += 1
                        sp[0] += pi in inv
                for gi, pi in m.items():
                    ok = speaker_right(gold[gi], pred[pi], names)
                    for k in ("all", gold[gi]["kind"]):
                        spk[k][0] += ok
                        spk[k][1] += 1
                    if not ok and len(errors["speaker"]) < args.errors:
                        g, p = gold[gi], pred[pi]
                        src = g["source"][2] if g["source"] else None
                        who = text[p["sstart"]:p["send"]] if p["sstart"] is not None else None
                        errors["speaker"].append(f"{txt.name}: gold source {src!r} / predicted {p['speaker']!r} via {who!r} ({p['cue']!r})\n    {text[g['start']:g['end']][:160]!r}")
                m03 = m
                for gi, g in enumerate(gold):
                    if args.speech_misses:
                        continue
                    if gi not in m and len(errors["miss"]) < args.errors:
                        src = g["source"][2] if g["source"] else None
                        errors["miss"].append(f"{txt.name} [{g['kind']}] cue {g['cue']!r} source {src!r}\n    {text[g['start']:g['end']][:200]!r}")
                for pi, p in enumerate(pred):
                    if pi not in inv and len(errors["false"]) < args.errors:
                        errors["false"].append(f"{txt.name} [{p['kind']}] cue {p['cue']!r} speaker {p['speaker']!r}\n    {text[p['start']:p['end']][:200]!r}")
        if args.speech_misses:
            speech_misses(text, txt.name, gold, pred, m03, m08, is_speech, args, errors, classes)
    print(f"PolNeAR {args.split}: {len(pairs)} articles; overlap = |intersection| / {'|union|' if args.overlap == 'union' else 'max length'}; match when overlap >= threshold")
    print(f"{'':9} {'gold':>6} {'pred':>6} | {'P@0.3':>6} {'R@0.3':>6} {'F1@0.3':>6} | {'P@0.8':>6} {'R@0.8':>6} {'F1@0.8':>6} | {'speaker acc':>11}")
    for k in kinds:
        row = [f"{k:9}", f"{c[(0.3, k, 'n_g')]:6d}", f"{c[(0.3, k, 'n_p')]:6d} |"]
        for thr in thresholds:
            p, r, f = prf(c[(thr, k, "tp_p")], c[(thr, k, "n_p")], c[(thr, k, "tp_g")], c[(thr, k, "n_g")])
            row.append(f"{p:6.3f} {r:6.3f} {f:6.3f} |")
        a, n = spk[k]
        row.append(f"{(a / n if n else 0):6.3f} ({a}/{n})")
        print(" ".join(row))
    p_, r_, f_ = prf(*sp)
    print(f"speech only (direct, or a speech cue on both sides; closest to the Gender Gap Tracker's quotes): "
          f"gold {sp[3]} pred {sp[1]} | P@0.3 {p_:.3f} R@0.3 {r_:.3f} F1@0.3 {f_:.3f}")
    if speech_cue[1]:
        print(f"indirect gold with a speech cue (say, tell, according to, ...): recall@0.3 {speech_cue[0] / speech_cue[1]:.3f} ({speech_cue[0]}/{speech_cue[1]})")
    print(f"extraction time (actors+quotes, after parsing): {1000 * t_extract / max(1, n_words) * 1000:.1f} ms per 1,000 words")
    if classes:
        print("speech-cue misses and 0.3-not-0.8 indirect items by rough class: " + ", ".join(
            f"{k} {v}" for k, v in sorted(classes.items(), key=lambda kv: -kv[1])))
    if args.errors:
        for key, title in (("bound", "INDIRECT MATCHED AT 0.3, NOT AT 0.8 (span boundaries)"), ("miss", "MISSED (gold not matched at 0.3)"), ("false", "FALSE ALARMS (predicted, not matched at 0.3)"), ("speaker", "WRONG SPEAKER (matched at 0.3)")):
            print(f"\n== {title}")
            for e in errors[key]:
                print(e)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
