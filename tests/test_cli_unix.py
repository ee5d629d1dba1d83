"""The command line as people who use Pandoc, Quarto and Unix pipes expect it
(issue 18): '-' for standard input and output, shell completion, -q/-v/--debug on
every command, --json for the commands that report. Each case runs `briefdoc` in a
subprocess, as a user would."""

from __future__ import annotations

import json
import os
import subprocess
import sys
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


def briefdoc(*args, cwd=None, input=None, timeout=240, env=None, text=True) -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN), *map(str, args)], cwd=cwd, input=input, capture_output=True, text=text,
                          timeout=timeout, env=env)


def one_error(proc, code: int, *needles) -> str:
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert proc.returncode == code, (proc.returncode, proc.stderr)
    assert "Traceback" not in proc.stderr and len(lines) == 1, proc.stderr
    assert lines[0].startswith("briefdoc: error: "), lines[0]
    for needle in needles:
        assert needle in lines[0], (needle, lines[0])
    return lines[0]


# --- standard input and output ------------------------------------------------------------

def test_extract_reads_an_article_from_stdin(tmp_path):
    piped = briefdoc("extract", "-", input=SHORT, cwd=tmp_path)
    assert piped.returncode == 0, piped.stderr
    (tmp_path / "a.md").write_text(SHORT, encoding="utf-8")
    named = briefdoc("extract", "a.md", "-o", "-", cwd=tmp_path)
    assert named.returncode == 0, named.stderr
    from_stdin, from_file = json.loads(piped.stdout), json.loads(named.stdout)
    assert from_file["article"].pop("seed") == "a.md"
    assert "seed" not in from_stdin["article"] or from_stdin["article"]["seed"] is None
    from_stdin["article"].pop("seed", None)
    assert from_stdin == from_file
    assert from_stdin["article"]["title"] == "Talks on the corridor"
    assert sorted(os.listdir(tmp_path)) == ["a.md"]  # nothing written for '-'


def test_extract_to_stdout_then_render_from_stdin_to_stdout_in_one_pipe(tmp_path):
    # extract -o - records the seed relative to the working folder; render - finds its French catalog there
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for p in ROOT.glob("seeds/000_3362ed2f4686983c*"):
        (seeds / p.name).write_bytes(p.read_bytes())
    pipe = subprocess.run(
        f"'{BIN}' extract seeds/000_3362ed2f4686983c.md -o - | '{BIN}' render - --layout memo --locale fr -o - > memo.pdf",
        shell=True, cwd=tmp_path, capture_output=True, text=True, timeout=240)
    assert pipe.returncode == 0, pipe.stderr
    data = (tmp_path / "memo.pdf").read_bytes()
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    info = subprocess.run(["pdfinfo", str(tmp_path / "memo.pdf")], capture_output=True, text=True).stdout
    assert "Latchine" in info  # the title from seeds/000_3362ed2f4686983c.fr.po
    assert sorted(p.name for p in tmp_path.iterdir()) == ["memo.pdf", "seeds"]  # no file named '-'


def test_render_html_from_stdin_to_stdout(tmp_path, seed_brief_json):
    proc = briefdoc("render", "-", "--layout", "memo", "--format", "html", "-o", "-",
                    input=Path(seed_brief_json).read_text(encoding="utf-8"), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("<!DOCTYPE html>") and "Lachin" in proc.stdout
    assert list(tmp_path.iterdir()) == []


def test_render_from_stdin_without_o_writes_stdin_named_file_in_the_working_folder(tmp_path, seed_brief_json):
    proc = briefdoc("render", "-", "--layout", "memo", "--format", "html",
                    input=Path(seed_brief_json).read_text(encoding="utf-8"), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "stdin.memo.en.html"
    assert (tmp_path / "stdin.memo.en.html").is_file()


def test_o_dev_stdout_is_refused_with_the_way_to_write_to_stdout(tmp_path, seed_brief_json):
    proc = briefdoc("render", seed_brief_json, "--layout", "memo", "-o", "/dev/stdout", cwd=tmp_path)
    one_error(proc, 2, "/dev/stdout", "symbolic link", "-o -")
    assert os.path.islink("/dev/stdout")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("command", [["extract", "-"], ["render", "-", "--layout", "memo"], ["build", "-"]])
def test_empty_stdin_is_one_line(tmp_path, command):
    one_error(briefdoc(*command, input="", cwd=tmp_path), 2, "standard input is empty")
    one_error(briefdoc(*command, input=" \n\t\n", cwd=tmp_path), 2, "standard input is empty")
    assert list(tmp_path.iterdir()) == []


def test_stdin_over_the_article_limit_is_refused(tmp_path):
    one_error(briefdoc("extract", "-", input="word " * 500_000, cwd=tmp_path), 2, "over the 2 MB limit")


def test_a_brief_json_on_stdin_is_not_an_article_for_extract_or_build(tmp_path, seed_brief_json):
    text = Path(seed_brief_json).read_text(encoding="utf-8")
    one_error(briefdoc("extract", "-", input=text, cwd=tmp_path), 2, "brief JSON", "render -")
    one_error(briefdoc("build", "-", input=text, cwd=tmp_path), 2, "brief JSON")
    one_error(briefdoc("build", "-", SEED, input=SHORT, cwd=tmp_path), 2, "give - alone")


def test_a_broken_brief_json_on_stdin_names_stdin(tmp_path):
    one_error(briefdoc("render", "-", "--layout", "memo", input='{"schema_version": 1, "article": {}}', cwd=tmp_path),
              2, "<stdin>")


def test_build_of_one_article_from_stdin(tmp_path):
    proc = briefdoc("build", "-", "-o", "out", "--layouts", "memo", "--locales", "en", "--json", "--jobs", "1",
                    input=SHORT, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    summary = json.loads(proc.stdout)
    assert summary["built"] == ["out/stdin/memo.en.pdf"] and summary["failed"] == []
    assert (tmp_path / "out" / "stdin" / "memo.en.pdf").read_bytes().startswith(b"%PDF-")
    assert json.loads((tmp_path / "out" / "stdin" / "brief.json").read_text())["article"]["title"] == "Talks on the corridor"
    again = briefdoc("build", "-", "-o", "out", "--layouts", "memo", "--locales", "en", "--json", input=SHORT, cwd=tmp_path)
    assert json.loads(again.stdout)["up_to_date"] == ["out/stdin/memo.en.pdf"]


def test_a_pdf_to_a_terminal_is_refused(tmp_path, seed_brief_json):
    import pty

    leader, follower = pty.openpty()
    try:
        proc = subprocess.run([str(BIN), "render", seed_brief_json, "--layout", "memo", "-o", "-"], stdout=follower,
                              stderr=subprocess.PIPE, text=True, timeout=60, cwd=tmp_path)
    finally:
        os.close(follower)
        os.close(leader)
    one_error(proc, 2, "-o -", "terminal", "> brief.pdf")


def test_stdout_closed_early_is_quiet(tmp_path, seed_brief_json):
    pipe = subprocess.run(f"'{BIN}' render '{seed_brief_json}' --layout memo -o - | head -c 10 > /dev/null",
                          shell=True, cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert pipe.returncode == 0 and pipe.stderr == "", pipe.stderr


# --- completion, -q, -v, --debug --------------------------------------------------------------

def test_shell_completion_script_and_completions():
    # The shell named, not detected from the process tree (a run whose parent shell has exited has none)
    script = briefdoc("--show-completion", "bash",
                      env={**os.environ, "SHELL": "/bin/bash", "_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"})
    assert script.returncode == 0, script.stderr
    assert "_BRIEFDOC_COMPLETE" in script.stdout and "complete" in script.stdout
    env = {**os.environ, "_BRIEFDOC_COMPLETE": "complete_bash", "COMP_WORDS": "briefdoc re", "COMP_CWORD": "1"}
    words = briefdoc(env=env)
    assert "render" in words.stdout.split(), words
    env.update(COMP_WORDS="briefdoc render x.md --layout m", COMP_CWORD="4")
    assert "memo" in briefdoc(env=env).stdout.split()
    env.update(COMP_WORDS="briefdoc render x.md --locale a", COMP_CWORD="4")
    assert set(briefdoc(env=env).stdout.split()) == {"ar", "az"}
    assert "--install-completion" in briefdoc("--help").stdout


COMMANDS = [["extract"], ["render"], ["build"], ["dossier"], ["preview"], ["doctor"], ["layouts"], ["locales"],
            ["schema"], ["translate", "export"], ["translate", "update"], ["translate", "status"]]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_command_takes_quiet_verbose_and_debug(command):
    proc = briefdoc(*command, "--help", env={**os.environ, "COLUMNS": "200"})
    assert proc.returncode == 0, proc.stderr
    for option in ("-q, --quiet", "-v, --verbose", "--debug"):
        assert option in proc.stdout, (command, option)


def test_quiet_verbose_and_debug_after_the_command(tmp_path, seed_brief_json):
    quiet = briefdoc("render", seed_brief_json, "--layout", "memo", "-o", tmp_path / "q.pdf", "-q")
    assert quiet.returncode == 0 and quiet.stdout == "" and quiet.stderr == "", quiet
    verbose = briefdoc("render", seed_brief_json, "--layout", "memo", "-o", tmp_path / "v.pdf", "-v")
    assert verbose.returncode == 0 and verbose.stdout.strip() == str(tmp_path / "v.pdf")
    assert "briefdoc: rendered memo in en:" in verbose.stderr
    debug = briefdoc("render", tmp_path / "missing.json", "--debug")
    assert "Traceback" in debug.stderr and "InputError" in debug.stderr
    plain = briefdoc("render", tmp_path / "missing.json")
    one_error(plain, 2, "missing.json")


def test_quiet_build_prints_nothing_and_verbose_a_line_per_output(tmp_path):
    (tmp_path / "a.md").write_text(SHORT, encoding="utf-8")
    args = ["build", "a.md", "-o", "out", "--layouts", "memo", "--locales", "en,fr", "--jobs", "1"]
    quiet = briefdoc(*args, "-q", cwd=tmp_path)
    assert quiet.returncode == 0 and quiet.stdout == "" and quiet.stderr == "", quiet
    verbose = briefdoc(*args, "--force", "-v", cwd=tmp_path)
    assert verbose.returncode == 0, verbose.stderr
    lines = verbose.stderr.splitlines()
    assert "briefdoc: built: out/a/memo.en.pdf" in lines and "briefdoc: built: out/a/memo.fr.pdf" in lines, lines
    assert lines[-1].startswith("briefdoc: built 2, up to date 0, failed 0")


# --- --json -----------------------------------------------------------------------------------

def test_build_json_summary_and_dry_run(tmp_path):
    (tmp_path / "a.md").write_text(SHORT, encoding="utf-8")
    dry = briefdoc("build", "a.md", "-o", "out", "--layouts", "memo", "--locales", "en", "--dry-run", "--json", cwd=tmp_path)
    assert dry.returncode == 0 and dry.stderr == "", dry.stderr
    planned = json.loads(dry.stdout)
    assert planned["planned"] == [{"path": "out/a/memo.en.pdf", "why": "not built yet"}] and planned["built"] == []
    built = briefdoc("build", "a.md", "-o", "out", "--layouts", "memo", "--locales", "en", "--json", cwd=tmp_path)
    summary = json.loads(built.stdout)
    assert set(summary) == {"out", "built", "up_to_date", "failed", "planned", "extracted", "seconds", "scheduler", "workers"}
    assert summary["out"] == "out" and summary["built"] == ["out/a/memo.en.pdf"] and summary["extracted"] == 1
    assert summary["scheduler"] is None and summary["workers"] == []  # built here, not on a Dask cluster
    assert built.stderr == ""  # the summary is the JSON; no progress off a terminal


def test_build_json_lists_failures_and_exits_4(tmp_path):
    (tmp_path / "a.md").write_text(SHORT, encoding="utf-8")
    (tmp_path / "b.md").write_bytes(b"\x00\x01binary" * 100)
    proc = briefdoc("build", "a.md", "b.md", "-o", "out", "--layouts", "memo", "--locales", "en", "--json", cwd=tmp_path)
    assert proc.returncode == 4, proc.stderr
    failed = json.loads(proc.stdout)["failed"]
    assert len(failed) == 1 and failed[0]["what"] == "b.md" and failed[0]["outputs"] == 1 and "binary" in failed[0]["reason"]


def test_locales_json(tmp_path):
    proc = briefdoc("locales", "--json", "--seeds", ROOT / "seeds", timeout=240)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    rows = {row["locale"]: row for row in data["locales"]}
    assert {"en", "ru", "hy", "fr", "az", "ar"} <= set(rows)
    assert rows["en"]["ui"] == 1.0 and rows["en"]["shipped"] is True
    for row in rows.values():
        assert set(row) == {"locale", "name", "shipped", "ui", "content", "content_translated", "content_items"}
        assert row["content"] is None or 0 <= row["content"] <= 1
    assert "seed(s)" in data["content_of"]


def test_doctor_json(tmp_path):
    proc = briefdoc("doctor", "--layouts", "memo", "--locales", "en,ar", "--json", timeout=240)
    assert proc.returncode == 0, proc.stderr
    rows = json.loads(proc.stdout)
    assert [(r["layout"], r["locale"]) for r in rows] == [("memo", "en"), ("memo", "ar")]
    for r in rows:
        assert r["ok"] is True and r["missing"] == [] and r["error"] is None and r["pages"] == 1
        assert r["fonts"] and all(isinstance(n, int) for n in r["characters_by_font"].values())


def test_translate_status_json(tmp_path):
    proc = briefdoc("translate", "status", SEED, "--locale", "fr", "--json", timeout=240)
    assert proc.returncode == 0, proc.stderr
    [row] = json.loads(proc.stdout)
    assert row["locale"] == "fr" and row["catalog"].endswith("000_3362ed2f4686983c.fr.po")
    assert set(row) == {"locale", "catalog", "translated", "fuzzy", "untranslated", "obsolete", "differ", "complete", "problems"}
    assert row["complete"] == (row["fuzzy"] == 0 and row["untranslated"] == 0)
    for problem in row["problems"]:
        assert problem["state"] in ("fuzzy", "untranslated") and problem["text"]
