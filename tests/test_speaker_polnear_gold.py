"""scripts/speaker_polnear_gold.tsv, speaker_polnear_test.tsv, speaker_polnear_test2.tsv and
speaker_polnear_dev2.tsv (speakers resolved by hand on four separate sets of 25 PolNeAR train articles; the
second and third are held-out test sets, the first and fourth development sets) are well formed: every line parses, its offsets are a Content span of that article's PolNeAR annotation, and its
name is non-empty; the sets share no article, and each is the selection its header gives. The articles are read in place from
../shared/data/polnear (skipped when absent)."""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

import pytest
from test_timex_polnear_gold import standoff_rows  # the standoff file reader (tests/ is on sys.path)

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "scripts" / "speaker_polnear_gold.tsv"
TEST = ROOT / "scripts" / "speaker_polnear_test.tsv"
TEST2 = ROOT / "scripts" / "speaker_polnear_test2.tsv"
DEV2 = ROOT / "scripts" / "speaker_polnear_dev2.tsv"
POLNEAR = ROOT.parent / "shared" / "data" / "polnear" / "train"

pytestmark = pytest.mark.skipif(not POLNEAR.is_dir(), reason="PolNeAR not available in ../shared/data/polnear")
both = pytest.mark.parametrize("gold", [GOLD, TEST, TEST2, DEV2], ids=["gold", "test", "test2", "dev2"])


def _rows(gold: Path = GOLD) -> list[tuple[str, int, int, str]]:
    return [(name, int(start), int(end), who) for _, (name, start, end, who) in standoff_rows(gold, 4)]


def _content_spans(article: str) -> set[tuple[int, int]]:
    """Content spans (first to last character) of every annotator's file for the article."""
    spans = set()
    for ann in (POLNEAR / "attributions").glob(f"{article}_*.ann"):
        if ann.stem.rsplit("_", 1)[0] != article:
            continue
        for line in ann.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) >= 2 and parts[0].startswith("T") and parts[1].startswith("Content "):
                offs = [tuple(map(int, o.split())) for o in parts[1][len("Content "):].split(";")]
                spans.add((min(o[0] for o in offs), max(o[1] for o in offs)))
    return spans


@both
def test_gold_parses_and_offsets_are_polnear_content_spans(gold):
    rows = _rows(gold)
    assert len(rows) >= 100
    by_article = defaultdict(list)
    for row in rows:
        by_article[row[0]].append(row)
    assert len(by_article) == 25
    for name, items in by_article.items():
        text = (POLNEAR / "text" / name).read_text(encoding="utf-8")
        spans = _content_spans(Path(name).stem)
        assert spans, name
        for _, start, end, who in items:
            assert 0 <= start < end <= len(text), (name, start, end)
            assert (start, end) in spans, (name, start, end)
            assert who.strip(), (name, start, end)
            # a name, not a copy of article text
            assert len(who) <= 80 and who == who.strip(), (name, who)


@both
def test_no_duplicate_lines_and_unknowns_marked(gold):
    rows = _rows(gold)
    keys = [(n, s, e) for n, s, e, _ in rows]
    assert len(keys) == len(set(keys))
    assert all(who == "?" or "?" not in who for *_, who in rows)


def test_the_sets_share_no_article():
    sets = [{r[0] for r in _rows(g)} for g in (GOLD, TEST, TEST2, DEV2)]
    assert all(not a & b for i, a in enumerate(sets) for b in sets[i + 1:])


def test_each_set_is_its_selection():
    sys.path.insert(0, str(ROOT / "scripts"))
    import eval_speakers_polnear as ev

    def articles(gold):
        return list(dict.fromkeys(r[0] for r in _rows(gold)))

    assert sorted(f"{a}.txt" for a in ev.select(POLNEAR)) == sorted(articles(GOLD))
    exclude = set(ev.load_gold(GOLD))
    assert [f"{a}.txt" for a in ev.select(POLNEAR, seed=ev.TEST_SEED, exclude=exclude)] == articles(TEST)
    exclude |= set(ev.load_gold(TEST))
    assert [f"{a}.txt" for a in ev.select(POLNEAR, seed=2028, exclude=exclude)] == articles(TEST2)
    exclude |= set(ev.load_gold(TEST2))
    assert [f"{a}.txt" for a in ev.select(POLNEAR, seed=2029, exclude=exclude)] == articles(DEV2)
