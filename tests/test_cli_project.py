"""briefdoc.toml, the build's progress on a terminal, and rendered outputs that are
never taken for seeds (issue 18), through the command line."""

from __future__ import annotations

import json
import os
import pty
import re
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).with_name("briefdoc")
SEED = ROOT / "seeds" / "000_3362ed2f4686983c.md"

SHORT = """---
title: Talks on the corridor
published: 2023-02-28
---
Russian Foreign Minister Sergey Lavrov said Tuesday that there would not be checkpoints on the Lachin Corridor.
“The setting up of any checkpoint there is not envisioned,” Lavrov said after talks with Jeyhun Bayramov.
"""


from test_cli_unix import briefdoc, one_error  # the CLI run and its one-line error (tests/ is on sys.path)


def project(tmp_path: Path, toml: str) -> Path:
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "a.md").write_text(SHORT, encoding="utf-8")
    (tmp_path / "briefdoc.toml").write_text(toml, encoding="utf-8")
    return tmp_path


def pdfs(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*.pdf"))


# --- briefdoc.toml ------------------------------------------------------------------------------

def test_build_with_no_arguments_builds_what_briefdoc_toml_describes(tmp_path):
    project(tmp_path, 'seeds = ["articles"]\nout = "site"\nlayouts = ["memo"]\nlocales = "en, ar"\njobs = 1\n')
    proc = briefdoc("build", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert pdfs(tmp_path / "site") == ["a/memo.ar.pdf", "a/memo.en.pdf"]
    assert "built 2" in proc.stderr
    # the command line overrides the file
    proc = briefdoc("build", "--locales", "fr", "-o", "other", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert pdfs(tmp_path / "other") == ["a/memo.fr.pdf"]


def test_config_option_reads_paths_relative_to_the_file(tmp_path):
    (tmp_path / "proj").mkdir()
    proj = project(tmp_path / "proj", 'seeds = "articles"\nout = "out"\nlayouts = ["memo"]\nlocales = ["en"]\n')
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    proc = briefdoc("build", "--config", proj / "briefdoc.toml", "-v", cwd=elsewhere)
    assert proc.returncode == 0, proc.stderr
    assert pdfs(proj / "out") == ["a/memo.en.pdf"] and list(elsewhere.iterdir()) == []
    assert f"settings from {proj / 'briefdoc.toml'}" in proc.stderr
    # --config before the command works too
    proc = briefdoc("--config", proj / "briefdoc.toml", "build", "--dry-run", cwd=elsewhere)
    assert proc.returncode == 0 and "up to date 1" in proc.stderr, proc.stderr


def test_layouts_dir_and_pdf_variant_from_briefdoc_toml(tmp_path):
    mine = tmp_path / "mine" / "note"
    mine.mkdir(parents=True)
    (mine / "layout.toml").write_text('name = "note"\ndescription = "a note of our own"\npage_size = "A5"\n')
    (mine / "template.html.j2").write_text('{% extends "base.html.j2" %}{% block body %}<h1>{{ tr("title", article.title) }}</h1>{% endblock %}')
    (mine / "style.css").write_text("body { font-family: var(--serif); }\n")
    project(tmp_path, 'layouts_dir = "mine"\npdf_variant = "pdf/ua-1"\n')
    listed = briefdoc("layouts", cwd=tmp_path)
    assert listed.returncode == 0 and "a note of our own" in listed.stdout, listed
    proc = briefdoc("render", "articles/a.md", "--layout", "note", "-o", "note.pdf", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    meta = subprocess.run(["pdfinfo", "-meta", str(tmp_path / "note.pdf")], capture_output=True, text=True).stdout
    assert "pdfuaid" in meta, meta[:500]
    # the option overrides the file
    proc = briefdoc("render", "articles/a.md", "--layout", "note", "--pdf-variant", "pdf/a-3b", "-o", "a.pdf", cwd=tmp_path)
    meta = subprocess.run(["pdfinfo", "-meta", str(tmp_path / "a.pdf")], capture_output=True, text=True).stdout
    assert proc.returncode == 0 and "pdfaid:part" in meta and "pdfuaid" not in meta


@pytest.mark.parametrize("toml, needles", [
    ('seeds = ["articles"]\ncolour = "blue"\n', ["briefdoc.toml", "unknown key 'colour'", "seeds, out"]),
    ('[dossier]\narticle = ["x"]\n', ["briefdoc.toml", "unknown key 'dossier.article'"]),
    ('jobs = 0\n', ["briefdoc.toml", "jobs must be a whole number"]),
    ('jobs = "two"\n', ["briefdoc.toml", "jobs"]),
    ('layouts = [1, 2]\n', ["briefdoc.toml", "layouts must be a list of names"]),
    ('pdf_variant = "pdf/x"\n', ["briefdoc.toml", "pdf_variant", "pdf/ua-1"]),
    ('seeds = [\n', ["briefdoc.toml", "not valid TOML"]),
])
def test_bad_briefdoc_toml_is_one_line_naming_the_key_and_the_file(tmp_path, toml, needles):
    project(tmp_path, toml)
    one_error(briefdoc("build", cwd=tmp_path), 2, *needles)
    assert not (tmp_path / "out").exists()


def test_missing_config_file_is_one_line(tmp_path):
    one_error(briefdoc("build", "--config", tmp_path / "nope.toml", cwd=tmp_path), 2, "nope.toml", "no such file")


def test_dossier_with_no_arguments_uses_the_dossier_table(tmp_path):
    project(tmp_path, '[dossier]\narticles = ["articles"]\nout = "dossier-out"\ntitle = "The corridor"\n'
                      'layouts = ["dossier"]\nlocales = ["en"]\n')
    (tmp_path / "articles" / "b.md").write_text(SHORT.replace("Tuesday", "on Tuesday in Baku"), encoding="utf-8")
    proc = briefdoc("dossier", "--jobs", "1", cwd=tmp_path, timeout=400)
    assert proc.returncode == 0, proc.stderr
    out = tmp_path / "dossier-out"
    assert pdfs(out) == ["dossier.en.pdf"]
    assert json.loads((out / "dossier.json").read_text())["title"] == "The corridor"
    one_error(briefdoc("dossier", cwd=tmp_path / "articles"), 2, "no articles", "[dossier]")


# --- progress -----------------------------------------------------------------------------------

def _run_on_a_terminal(args, cwd, timeout=240) -> tuple[int, str]:
    """Run briefdoc with stdout and stderr on a pseudo-terminal; (exit code, what it showed)."""
    leader, follower = pty.openpty()
    env = {**os.environ, "COLUMNS": "110", "LINES": "30", "TERM": "xterm"}
    proc = subprocess.Popen([str(BIN), *map(str, args)], cwd=cwd, stdin=subprocess.DEVNULL, stdout=follower,
                            stderr=follower, env=env)
    os.close(follower)
    shown = b""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([leader], [], [], 0.5)
        if ready:
            try:
                chunk = os.read(leader, 65536)
            except OSError:
                break
            if not chunk:
                break
            shown += chunk
        elif proc.poll() is not None:
            break
    os.close(leader)
    return proc.wait(timeout=30), shown.decode("utf-8", "replace")


def _plain(screen: str) -> str:
    return re.sub(r"\x1b\[[0-9;?]*[A-Za-z]|\r", "\n", screen)


def test_progress_on_a_terminal_shows_rate_elapsed_eta_and_a_line_per_failure(tmp_path):
    (tmp_path / "a.md").write_text(SHORT, encoding="utf-8")
    (tmp_path / "z.md").write_bytes(b"\x00binary\x01" * 50)
    broken = tmp_path / "lay" / "broken"
    broken.mkdir(parents=True)
    (broken / "layout.toml").write_text('name = "broken"\ndescription = "fails"\npage_size = "A4"\n')
    (broken / "template.html.j2").write_text('{% extends "base.html.j2" %}{% block body %}{{ 1 / 0 }}{% endblock %}')
    (broken / "style.css").write_text("")
    code, screen = _run_on_a_terminal(["build", "a.md", "z.md", "-o", "out", "--layouts", "memo,broken",
                                       "--layouts-dir", "lay", "--locales", "en,fr", "--jobs", "1"], tmp_path)
    text = _plain(screen)
    assert code == 4, screen
    assert "PDF/s" in text and "elapsed 0:00:" in text and "ETA " in text, text
    assert re.search(r"\b[0-8]/8\b", text), text  # outputs done of the outputs to make
    failures = [line.strip() for line in text.splitlines() if line.strip().startswith("briefdoc: failed:")]
    assert sorted(set(failures)) == sorted(failures), failures  # each failure once
    assert len(failures) == 3, failures  # z.md (its 4 outputs), broken in en, broken in fr
    assert any(line.startswith("briefdoc: failed: z.md:") for line in failures)
    assert sum("out/a/broken." in line for line in failures) == 2
    assert "briefdoc: built 2, up to date 0, failed 6" in text


def test_progress_elsewhere_is_only_the_summary(tmp_path):
    (tmp_path / "a.md").write_text(SHORT, encoding="utf-8")
    (tmp_path / "z.md").write_bytes(b"\x00binary\x01" * 50)
    proc = briefdoc("build", "a.md", "z.md", "-o", "out", "--layouts", "memo", "--locales", "en", cwd=tmp_path)
    assert proc.returncode == 4
    lines = proc.stderr.splitlines()
    assert proc.stdout == "" and len(lines) == 2, lines
    assert lines[0].startswith("briefdoc: built 1, up to date 0, failed 1") and lines[1].startswith("briefdoc: failed: z.md:")
    assert "\x1b" not in proc.stderr and "\r" not in proc.stderr


# --- outputs are not seeds -----------------------------------------------------------------------

def test_render_writes_to_the_working_folder_and_build_skips_renderings(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.md").write_text(SHORT, encoding="utf-8")
    work = tmp_path / "work"
    work.mkdir()
    proc = briefdoc("render", seeds / "a.md", "--layout", "memo", "--format", "html", cwd=work)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "a.memo.en.html"
    assert (work / "a.memo.en.html").is_file() and sorted(os.listdir(seeds)) == ["a.md"]
    # even copied beside the seed (or written there with -o), a rendering is no article
    (seeds / "a.memo.en.html").write_bytes((work / "a.memo.en.html").read_bytes())
    proc = briefdoc("render", seeds / "a.md", "--layout", "brief", "--format", "html", "-o", seeds / "a.brief.en.html", cwd=work)
    assert proc.returncode == 0, proc.stderr
    (seeds / "page.html").write_text("<html><body><article><h1>A saved page</h1><p>Lavrov said Tuesday that "
                                     "there would be no checkpoints.</p></article></body></html>", encoding="utf-8")
    dry = briefdoc("build", seeds, "-o", tmp_path / "out", "--layouts", "memo", "--locales", "en", "--dry-run", "--json")
    assert dry.returncode == 0, dry.stderr
    assert sorted(Path(p["path"]).parent.name for p in json.loads(dry.stdout)["planned"]) == ["a", "page"]
    one_error(briefdoc("build", seeds / "a.memo.en.html", "-o", tmp_path / "out"), 2, "a.memo.en.html", "briefdoc rendered")


def test_html_output_has_screen_margins_and_a_measure(tmp_path, seed_brief_json):
    proc = briefdoc("render", seed_brief_json, "--layout", "brief", "--format", "html", "-o", "-")
    assert proc.returncode == 0, proc.stderr
    screen = re.search(r"@media screen \{(.*?)\n\}", proc.stdout, re.S)
    assert screen and "max-width: 46em" in screen.group(1) and "margin: 2em auto" in screen.group(1)
