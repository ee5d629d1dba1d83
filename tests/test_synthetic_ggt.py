"""scripts/synthetic_ggt/*.jsonl (synthetic Canadian news annotated blind in the Gender Gap Tracker's format, see
its README) are well formed, and eval_ggt.py keeps the held-out ones' errors hidden."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SETS = sorted((ROOT / "scripts" / "synthetic_ggt").glob("*.jsonl"))


def test_there_are_development_and_held_out_sets():
    names = [p.name for p in SETS]
    assert sum(n.startswith("dev_") for n in names) >= 2 and sum(n.startswith("test_") for n in names) >= 2


@pytest.mark.parametrize("path", SETS, ids=[p.stem for p in SETS])
def test_every_quote_is_where_its_offsets_say(path):
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(rows) == 8
    ids = [r["doc_id"] for r in rows]
    assert len(set(ids)) == len(ids)
    for r in rows:
        assert len(r["text"].split()) >= 400
        last = -1
        for q in r["quotes"]:
            assert r["text"][q["quote_start"]:q["quote_end"]] == q["quote"]
            assert q["quote_start"] >= last  # in text order
            last = q["quote_start"]
            assert isinstance(q["reference"], str) and q["align"] == "as_given"  # an empty reference is not scored


def test_the_held_out_sets_errors_are_refused():
    test = next(p for p in SETS if p.name.startswith("test_"))
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "eval_ggt.py"), "--data", str(test), "--errors", "5"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2
    assert "held-out" in proc.stderr and not proc.stdout
