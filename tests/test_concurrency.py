"""Two builds into the same out/ at once leave only whole, valid PDFs and a cache
that a third build can trust (issue 7, part 6). Runs the CLI, as CI and users do."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

BIN = Path(sys.executable).with_name("briefdoc")

SMALL_SEED = """---
title: Talks to resume
published: 2023-02-28
---
Foreign Minister Sergey Lavrov said on Tuesday that talks with Azerbaijan would resume next month.
“We are ready to help,” Lavrov said after meeting Jeyhun Bayramov in Baku.
Armenia has not yet given a final answer, the ministry said on Monday.
"""

LAYOUT = "memo"
LOCALES = ["en", "ru"]


def build_cmd(seed: Path, out: Path) -> list[str]:
    return [str(BIN), "build", str(seed), "--layouts", LAYOUT, "--locales", ",".join(LOCALES), "-o", str(out), "-j", "1"]


def temporaries(out: Path) -> list[Path]:
    return [p for p in out.rglob("*") if p.is_file() and (p.suffix in (".part", ".tmp") or p.name.startswith(".") and ".part" in p.name)]


def check_pdfs(out: Path) -> None:
    from pypdf import PdfReader

    pdfs = sorted((out / "small").glob("*.pdf"))
    assert [p.name for p in pdfs] == [f"{LAYOUT}.{loc}.pdf" for loc in sorted(LOCALES)]
    for pdf in pdfs:
        data = pdf.read_bytes()
        assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF"), pdf
        assert len(PdfReader(pdf).pages) > 0, pdf


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory):
    root = tmp_path_factory.mktemp("concurrent")
    seed = root / "small.md"
    seed.write_text(SMALL_SEED, encoding="utf-8")
    out = root / "out"
    procs = [subprocess.Popen(build_cmd(seed, out), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    results = [(p, *p.communicate(timeout=300)) for p in procs]
    return seed, out, results


def test_both_builds_succeed_without_tracebacks(two_builds):
    _, _, results = two_builds
    for proc, stdout, stderr in results:
        assert proc.returncode == 0, stderr
        assert "Traceback" not in stderr


def test_only_whole_valid_pdfs_are_left(two_builds):
    _, out, _ = two_builds
    check_pdfs(out)
    assert temporaries(out) == []
    brief = json.loads((out / "small" / "brief.json").read_text(encoding="utf-8"))
    assert brief["article"]["title"] == "Talks to resume"


def test_a_third_build_trusts_the_cache_or_rebuilds_cleanly(two_builds):
    seed, out, _ = two_builds
    proc = subprocess.run(build_cmd(seed, out), capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    summary = re.search(r"built (\d+), up to date (\d+), failed (\d+)", proc.stderr)
    assert summary, proc.stderr
    built, fresh, failed = map(int, summary.groups())
    assert failed == 0
    assert built + fresh == len(LOCALES)  # every output accounted for, one way or the other
    check_pdfs(out)
    assert temporaries(out) == []
    # And once more: now nothing is left to do (unless the code changed in between).
    again = subprocess.run(build_cmd(seed, out), capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    assert temporaries(out) == []
