#!/usr/bin/env python
"""Speaker accuracy by resolved name on a small hand-annotated PolNeAR set (scripts/speaker_polnear_gold.tsv).

PolNeAR's Source spans are mentions as written ("he", "the senator"), so scripts/eval_quotes.py cannot
tell whether briefdoc resolved a pronoun to the right person. ``speaker_polnear_gold.tsv`` gives, for the
quotes of 25 PolNeAR *train* articles (chosen by ``select``, annotated by hand before briefdoc was run on
them), the speaker resolved to a full name or body, keyed by the offsets of the PolNeAR Content span. The
articles are read in place from ``../shared/data/polnear/train`` (never copied); the gold file holds
only file names, offsets and names.

A QUOTE here (``is_quote``) is a gold attribution whose Content contains a quotation mark (“ ” or ")
or whose Cue is a verb of saying or writing (``SPEECH``: say, tell, add, write, tweet, ... "according
to"), and whose Cue is not only a verb of belief, plan or perception (``BELIEF``: think, believe, want,
hope, know, feel, see, ...). A discontinuous Content is taken from its first to its last character.

Scoring reuses scripts/eval_ggt.py (imported, not copied): spans trimmed of spaces, quotation marks and end
punctuation (``trim``), overlap = |intersection| / longer span, one-to-one greedy best-first matching at
0.3 (``match``), and a speaker is right when the matched prediction's actor name or one of its aliases
names the gold name (``names_reference``: same last word, ignoring a possessive 's and punctuation, or
one contains the other, case-insensitive). A predicted speaker of None is wrong. Gold names ``?`` (a
careful reader cannot tell) are left out of everything and counted apart.

Caveat: briefdoc's learned cue/content/source weights (src/briefdoc/extractors/attribution.json.gz) were
fitted on all of PolNeAR train, so span recall here is not on unseen text; the rules were checked on
PolNeAR dev and on a held-out slice of train (``eval_quotes.heldout``), and ``--errors`` marks those
articles. Resolution of speakers to names was tuned on ggt-dev, never on these articles.

    python scripts/eval_speakers_polnear.py [--gold TSV] [--data DIR] [--errors N] [--json]
    python scripts/eval_speakers_polnear.py --select     # list the selection (no briefdoc run)

A second, separate set, ``speaker_polnear_test.tsv`` (25 other train articles, annotated the same way),
is a held-out TEST set: score it with ``--gold scripts/speaker_polnear_test.tsv`` and do not tune rules on
it (no ``--errors`` there). Its selection:

    python scripts/eval_speakers_polnear.py --select --seed 2027 --exclude scripts/speaker_polnear_gold.tsv

A third set, ``speaker_polnear_test2.tsv`` (25 more train articles, annotated blind the same way by another
session), is a second held-out TEST set, made when the first had been scored at several commits; the same
rules apply (``--errors`` refuses every ``*_test*`` set). Its selection:

    python scripts/eval_speakers_polnear.py --select --seed 2028 --exclude scripts/speaker_polnear_gold.tsv \
        --exclude scripts/speaker_polnear_test.tsv

A fourth, ``speaker_polnear_dev2.tsv`` (seed 2029, excluding the three above; annotated blind the same way),
is a second DEVELOPMENT set, made when the first had been tuned on: its errors may be looked at.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from glob import glob
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import eval_ggt  # noqa: E402
import eval_quotes  # noqa: E402

DATA = HERE.parents[1] / "shared" / "data" / "polnear" / "train"
GOLD = HERE / "speaker_polnear_gold.tsv"
TEST_GOLD = HERE / "speaker_polnear_test.tsv"  # held-out test set: never tune on it
TEST_SEED = 2027
SEED, N_ARTICLES, MIN_CHARS, MAX_CHARS, MIN_QUOTES = 2026, 25, 2000, 7000, 3
QUOTE_MARKS = set('“”"')
SPEECH = re.compile(
    r"\b(?:say|says|said|saying|tell|tells|told|telling|add|adds|added|adding|write|writes|wrote|written|writing"
    r"|tweet\w*|post|posts|posted|posting|announc\w*|warn\w*|argu\w*|insist\w*|claim\w*|according"
    r"|state|states|stated|stating|statement\w*|note|notes|noted|noting|explain\w*|ask|asks|asked|asking"
    r"|repl\w*|respond\w*|comment\w*|declar\w*|report|reports|reported|reporting|testif\w*|acknowledg\w*"
    r"|admit\w*|deny|denies|denied|denying|contend\w*|assert\w*|vow\w*|promis\w*|pledg\w*|urg\w*|criticiz\w*"
    r"|accus\w*|prais\w*|speak\w*|spoke\w*|remark\w*|emphasi\w*|stress\w*|conced\w*|confirm\w*|repeat\w*"
    r"|recall\w*|quip\w*|jok\w*|shout\w*|exclaim\w*|proclaim\w*|boast\w*|complain\w*|describ\w*|mention\w*"
    r"|disclos\w*|reveal\w*|tout\w*|lament\w*|retort\w*|counter\w*|rebut\w*|caution\w*|charg\w*|alleg\w*"
    r"|predict\w*|suggest\w*|call|calls|called|calling|blast\w*|slam\w*|thank\w*|apologi\w*"
    r"|demand\w*|recount\w*|chant\w*|told|read|reads|quot\w*|cit\w*|sa(?:id)?)\b", re.I)
BELIEF = re.compile(
    r"\b(?:think\w*|thought|believ\w*|want\w*|hop\w*|know\w*|knew|feel\w*|felt|see|sees|saw|seen|seeing"
    r"|expect\w*|plan\w*|fear\w*|worr\w*|wonder\w*|doubt\w*|consider\w*|view\w*|intend\w*|aim\w*|seek\w*"
    r"|sought|look\w*|hear\w*|heard|watch\w*|notic\w*|realiz\w*|understand\w*|understood|agree\w*|support\w*"
    r"|oppos\w*|like|likes|liked|love\w*|hate\w*|prefer\w*|wish\w*|assum\w*|suspect\w*|guess\w*)\b", re.I)


def is_quote(text: str, g: dict) -> bool:
    """A gold attribution (eval_quotes.read_gold) is a quote: speech/writing cue or quotation marks, no belief cue."""
    cue = g.get("cue") or ""
    if SPEECH.search(cue):
        return True
    if BELIEF.search(cue):
        return False
    return any(c in QUOTE_MARKS for c in text[g["start"]:g["end"]])


def annotation(data: Path, article: str) -> Path | None:
    anns = sorted((data / "attributions").glob(f"{article}_*.ann"))
    anns = [a for a in anns if a.stem.rsplit("_", 1)[0] == article]
    return anns[0] if anns else None


def quotes_of(data: Path, article: str) -> list[dict]:
    """The article's gold quotes, in text order, one per distinct Content span."""
    text = (data / "text" / f"{article}.txt").read_text(encoding="utf-8")
    ann = annotation(data, article)
    if ann is None:
        return []
    seen, out = set(), []
    for g in sorted(eval_quotes.read_gold(ann), key=lambda g: (g["start"], g["end"])):
        if (g["start"], g["end"]) in seen or not is_quote(text, g):
            continue
        seen.add((g["start"], g["end"]))
        out.append(g)
    return out


def select(data: Path = DATA, n: int = N_ARTICLES, seed: int = SEED, exclude: set[str] = frozenset()) -> list[str]:
    """The first n articles of the seeded shuffle with MIN..MAX characters and at least MIN_QUOTES quotes,
    skipping the article file names in ``exclude``."""
    paths = sorted(glob(str(data / "text" / "*.txt")))
    random.Random(seed).shuffle(paths)
    out = []
    for p in paths:
        if Path(p).name in exclude:
            continue
        text = Path(p).read_text(encoding="utf-8")
        if not MIN_CHARS <= len(text) <= MAX_CHARS:
            continue
        article = Path(p).stem
        if len(quotes_of(data, article)) >= MIN_QUOTES:
            out.append(article)
            if len(out) == n:
                break
    return out


def load_gold(path: Path = GOLD) -> dict[str, list[tuple[int, int, str]]]:
    """{article file name: [(content_start, content_end, resolved name), ...]} in file order."""
    out: dict[str, list[tuple[int, int, str]]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, start, end, who = line.split("\t")
        out.setdefault(name, []).append((int(start), int(end), who.strip()))
    return out


def heldout_articles(data: Path = DATA, n: int = 120) -> set[str]:
    """Train articles scripts/train_attribution.py holds out (and eval_quotes --heldout scores) by default."""
    if data.name != "train":
        return set()
    pairs = eval_quotes.files("train") if data == DATA else []
    return {pairs[i][0].name for i in eval_quotes.heldout(len(pairs), n)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", type=Path, default=GOLD, help=f"gold TSV (default: {GOLD})")
    ap.add_argument("--data", type=Path, default=DATA, help=f"PolNeAR split folder (default: {DATA})")
    ap.add_argument("--errors", type=int, default=0, help="print N speaker errors (and N unmatched gold quotes)")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--select", action="store_true", help="print the selected articles and their quote counts, then stop")
    ap.add_argument("--seed", type=int, default=SEED,
                    help=f"selection seed for --select (default: {SEED}; {TEST_SEED} selects the test set)")
    ap.add_argument("--exclude", type=Path, action="append", default=[],
                    help="with --select: leave out the articles of this gold TSV (repeatable)")
    args = ap.parse_args(argv)

    if args.select:
        exclude = {name for path in args.exclude for name in load_gold(path)}
        for a in select(args.data, seed=args.seed, exclude=exclude):
            print(f"{len(quotes_of(args.data, a)):3d}  {a}.txt")
        return 0

    if args.errors and (args.gold.resolve() == TEST_GOLD.resolve() or "_test" in args.gold.name):
        ap.error(f"{args.gold.name} is a held-out test set: its errors are not to be looked at (no --errors)")

    import briefdoc

    gold_by_article = load_gold(args.gold)
    held = heldout_articles(args.data)
    n_gold = n_unknown = n_matched = right = none_pred = 0
    n_pred = 0
    errors: list[str] = []
    missed: list[str] = []
    for ai, (name, items) in enumerate(gold_by_article.items()):
        text = (args.data / "text" / name).read_text(encoding="utf-8")
        named = [g for g in items if g[2] != "?"]
        n_unknown += len(items) - len(named)
        n_gold += len(named)
        gold = [eval_ggt.trim(text, s, e) for s, e, _ in named]
        brief = briefdoc.extract(text)
        pred = list(brief.quotes)
        n_pred += len(pred)
        spans = [eval_ggt.trim(text, q.start, q.end) for q in pred]
        m = eval_ggt.match(gold, spans, 0.3)
        n_matched += len(m)
        tag = f"#{ai} {name}" + (" [held-out]" if name in held else "")
        for gi, pi in sorted(m.items()):
            q, ref = pred[pi], named[gi][2]
            actor = brief.actor(q.speaker) if q.speaker else None
            ok = actor is not None and eval_ggt.names_reference([actor.name, *actor.aliases], ref)
            right += ok
            none_pred += actor is None
            if not ok and len(errors) < args.errors:
                who = text[q.speaker_start:q.speaker_end] if q.speaker_start is not None else None
                got = f"{actor.name!r} {list(actor.aliases)}" if actor else None
                errors.append(f"{tag}\n  gold {ref!r} / predicted {got} via mention {who!r}, cue {q.cue!r}\n"
                              f"    {eval_ggt.ctx(text, *gold[gi], width=200)}")
        for gi, (s, e) in enumerate(gold):
            if gi not in m and len(missed) < args.errors:
                missed.append(f"{tag} gold {named[gi][2]!r}\n    {eval_ggt.ctx(text, s, e)}")

    figures = {
        "articles": len(gold_by_article),
        "gold_quotes": n_gold,
        "gold_unknown_left_out": n_unknown,
        "predicted_quotes": n_pred,
        "matched_at_0.3": n_matched,
        "span_recall_at_0.3": n_matched / n_gold if n_gold else 0.0,
        "speaker_accuracy": right / n_matched if n_matched else 0.0,
        "speaker_right": right,
        "speaker_wrong_none_predicted": none_pred,
    }
    if args.json:
        json.dump(figures, sys.stdout, indent=2)
        print()
    else:
        f = figures
        print(f"PolNeAR hand-resolved speakers: {f['articles']} articles, {f['gold_quotes']} gold quotes "
              f"({f['gold_unknown_left_out']} '?' left out), {f['predicted_quotes']} predicted quotes")
        print(f"span recall@0.3: {f['span_recall_at_0.3']:.3f} ({n_matched}/{n_gold})  "
              "[overlap = |intersection| / longer span, marks and end punctuation trimmed]")
        print(f"speaker accuracy by resolved name (gold matched at 0.3): {f['speaker_accuracy']:.3f} "
              f"({right}/{n_matched}; {none_pred} wrong for no speaker)")
        if args.errors:
            print("\n== SPEAKER ERRORS (matched at 0.3)")
            print("\n".join(errors))
            print("\n== GOLD QUOTES NOT MATCHED at 0.3")
            print("\n".join(missed))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
