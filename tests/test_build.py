"""Batch builds: outputs and brief.json, the cache (what is redone and what is
not), failures that cost only their outputs, the progress bar, worker processes.

The extractor is replaced by a fake (an empty brief of the seed's article) and
the layouts by a tiny one, so these tests check the build's behaviour and run in
seconds whatever state the extractors are in."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from briefdoc.build import batch
from briefdoc.build import cache
from briefdoc.localize import locales as locales_mod
from briefdoc.localize import ui


from briefdoc.model.errors import InputError

CALLS: list[str] = []

MINI_TEMPLATE = """<!DOCTYPE html>
<html lang="{{ lang }}" dir="{{ dir }}"><head><meta charset="utf-8"><title>{{ article.title }}</title>
<style>{{ inline_css }}</style></head>
<body><h1>{{ article.title }}</h1><p>{{ l10n.gettext("Key points") }}</p></body></html>
"""


def fake_extract(article):
    """An empty brief of the article; fails for an article that says FAIL."""
    from briefdoc.model.brief import Brief

    CALLS.append(article.title)
    if "DIE" in article.text:
        os._exit(3)  # a worker killed under its task (out of memory, a crash in a C library)
    if "FAIL" in article.text:
        raise InputError("the fake extractor refuses this article")
    return Brief(article=article)


def write_layout(root: Path, name: str, template: str = MINI_TEMPLATE) -> Path:
    folder = root / name
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "layout.toml").write_text(f'name = "{name}"\ndescription = "test"\npage_size = "A5"\n', encoding="utf-8")
    (folder / "template.html.j2").write_text(template, encoding="utf-8")
    (folder / "style.css").write_text("body { font-family: serif; font-size: 10pt }\n", encoding="utf-8")
    return folder


def write_seed(folder: Path, stem: str, title: str, body: str = "Ministers met on Tuesday.") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{stem}.md"
    path.write_text(f"---\ntitle: {title}\npublished: 2023-02-28\n---\n{body}\n", encoding="utf-8")
    return path


@pytest.fixture
def project(tmp_path):
    """Two seeds, a layouts folder with the 'mini' layout, an output folder."""
    CALLS.clear()
    p = tmp_path
    write_seed(p / "seeds", "a", "Alpha")
    write_seed(p / "seeds", "b", "Beta")
    write_layout(p / "layouts", "mini")
    return p


def run(p: Path, *, layouts=("mini",), locales=("en", "ru"), seeds=None, **kw):
    stream = io.StringIO()
    kw.setdefault("jobs", 1)
    kw.setdefault("extractor", fake_extract)
    summary = batch.run_build(
        seeds or [p / "seeds"], layouts=list(layouts), locales=list(locales), out_dir=p / "out",
        layouts_dirs=[p / "layouts"], stream=stream, **kw,
    )
    return summary, stream.getvalue()


def names(paths) -> set[str]:
    return {f"{Path(x).parent.name}/{Path(x).name}" for x in paths}


def test_first_build_writes_every_pdf_and_the_brief_json(project):
    summary, log = run(project)
    out = project / "out"
    expected = {"a/mini.en.pdf", "a/mini.ru.pdf", "b/mini.en.pdf", "b/mini.ru.pdf"}
    assert names(summary.built) == expected and not summary.failures
    for name in expected:
        assert (out / name).read_bytes().startswith(b"%PDF")
    brief = json.loads((out / "a" / "brief.json").read_text(encoding="utf-8"))
    assert brief["article"]["title"] == "Alpha"
    assert sorted(CALLS) == ["Alpha", "Beta"]  # one extraction per seed, not per locale or layout
    assert "built 4, up to date 0, failed 0" in log
    assert not [f for f in out.rglob("*.part")]


def test_second_build_renders_nothing(project):
    run(project)
    before = {p: p.stat().st_mtime_ns for p in (project / "out").rglob("*.pdf")}
    CALLS.clear()
    summary, log = run(project)
    assert summary.built == [] and len(summary.up_to_date) == 4 and summary.extracted == 0
    assert CALLS == []
    assert {p: p.stat().st_mtime_ns for p in (project / "out").rglob("*.pdf")} == before
    assert "built 0, up to date 4, failed 0" in log


def test_ui_catalog_change_rerenders_only_that_locale(project, monkeypatch):
    translations = project / "translations"
    shutil.copytree(locales_mod.translations_dir(), translations)
    monkeypatch.setattr(locales_mod, "translations_dir", lambda: translations)
    ui.ui_translations.cache_clear()
    try:
        run(project)
        po = translations / "ru" / "LC_MESSAGES" / "messages.po"
        po.write_text(po.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
        CALLS.clear()
        summary, _ = run(project)
    finally:
        ui.ui_translations.cache_clear()
    assert names(summary.built) == {"a/mini.ru.pdf", "b/mini.ru.pdf"}
    assert names(summary.up_to_date) == {"a/mini.en.pdf", "b/mini.en.pdf"}
    assert CALLS == []  # the briefs came from the cache


def test_content_catalog_change_rerenders_only_that_seed_and_locale(project):
    run(project)
    (project / "seeds" / "a.ru.po").write_text('msgid ""\nmsgstr ""\n"Language: ru\\n"\n', encoding="utf-8")
    summary, _ = run(project)
    assert names(summary.built) == {"a/mini.ru.pdf"}
    assert len(summary.up_to_date) == 3


def test_layout_change_rerenders_without_reextracting(project):
    write_layout(project / "layouts", "other")
    run(project, layouts=("mini", "other"))
    css = project / "layouts" / "other" / "style.css"
    css.write_text(css.read_text() + "h1 { color: navy }\n")
    CALLS.clear()
    summary, _ = run(project, layouts=("mini", "other"))
    assert names(summary.built) == {"a/other.en.pdf", "a/other.ru.pdf", "b/other.en.pdf", "b/other.ru.pdf"}
    assert CALLS == [] and summary.extracted == 0


def test_seed_change_reextracts_that_seed_only(project):
    run(project)
    write_seed(project / "seeds", "b", "Beta, corrected")
    CALLS.clear()
    summary, _ = run(project)
    assert CALLS == ["Beta, corrected"]
    assert names(summary.built) == {"b/mini.en.pdf", "b/mini.ru.pdf"}
    assert json.loads((project / "out" / "b" / "brief.json").read_text())["article"]["title"] == "Beta, corrected"


def test_deleted_or_modified_outputs_are_rebuilt(project):
    run(project)
    out = project / "out"
    (out / "a" / "mini.en.pdf").unlink()
    with (out / "b" / "mini.ru.pdf").open("ab") as fh:
        fh.write(b"% scribbled on")
    (out / "b" / "brief.json").unlink()
    summary, _ = run(project)
    assert names(summary.built) == {"a/mini.en.pdf", "b/mini.ru.pdf"}
    assert (out / "b" / "brief.json").is_file()
    assert not (out / "b" / "mini.ru.pdf").read_bytes().endswith(b"scribbled on")


def test_corrupt_cache_is_a_miss_not_an_error(project):
    run(project)
    root = project / "out" / cache.CACHE_DIRNAME
    for record in root.rglob("*.json"):
        record.write_bytes(b"{truncated")
    CALLS.clear()
    summary, _ = run(project)
    assert len(summary.built) == 4 and not summary.failures
    assert sorted(CALLS) == ["Alpha", "Beta"]


def test_dry_run_says_what_would_be_built_and_why(project, capsys):
    summary, _ = run(project, dry_run=True)
    assert len(summary.planned) == 4 and summary.built == []
    assert not (project / "out" / "a" / "mini.en.pdf").exists() and CALLS == []
    run(project)
    css = project / "layouts" / "mini" / "style.css"
    css.write_text(css.read_text() + "h1 { color: navy }\n")
    (project / "out" / "a" / "mini.en.pdf").unlink()
    capsys.readouterr()
    summary, log = run(project, dry_run=True)
    printed = capsys.readouterr().out
    why = {f"{p.parent.name}/{p.name}": reason for p, reason in summary.planned}
    assert why == {"a/mini.en.pdf": "deleted", "a/mini.ru.pdf": "layout changed",
                   "b/mini.en.pdf": "layout changed", "b/mini.ru.pdf": "layout changed"}
    assert "mini.ru.pdf: layout changed" in printed and "would build 4" in log


def test_force_rebuilds_everything(project):
    run(project)
    summary, _ = run(project, force=True)
    assert len(summary.built) == 4


def test_failures_cost_only_their_outputs(project):
    write_seed(project / "seeds", "c", "Gamma", "This article makes the extractor FAIL.")
    write_layout(project / "layouts", "broken", "{% if %}broken{% endif %}")
    summary, log = run(project, layouts=("mini", "broken"))
    assert names(summary.built) == {"a/mini.en.pdf", "a/mini.ru.pdf", "b/mini.en.pdf", "b/mini.ru.pdf"}
    assert summary.failed == 4 + 4  # c: all four outputs; a, b: the broken layout
    assert "failed 8" in log
    assert "the fake extractor refuses this article" in log
    assert sum("broken" in line and "failed:" in line for line in log.splitlines()) == 4
    assert not (project / "out" / "c" / "mini.en.pdf").exists()
    # failures are not cached: the next build tries them again
    summary, _ = run(project, layouts=("mini", "broken"))
    assert summary.failed == 8 and len(summary.up_to_date) == 4


def test_worker_processes_build_the_same(project):
    write_seed(project / "seeds", "c", "Gamma")
    summary, _ = run(project, jobs=2)
    assert len(summary.built) == 6 and not summary.failures
    assert summary.extracted == 3  # once per seed, in the workers
    for seed in "abc":
        assert (project / "out" / seed / "brief.json").is_file()
        assert (project / "out" / seed / "mini.ru.pdf").read_bytes().startswith(b"%PDF")
    summary, _ = run(project, jobs=2)
    assert summary.built == [] and len(summary.up_to_date) == 6


def test_a_dying_worker_costs_its_task_not_the_build(project):
    write_seed(project / "seeds", "c", "Gamma", "This article makes the worker DIE.")
    summary, log = run(project, jobs=2)
    assert summary.total == 6
    assert any(f.what.endswith("c.md") and "worker process died" in f.reason for f in summary.failures), log
    (project / "seeds" / "c.md").unlink()
    summary, _ = run(project, jobs=2)  # whatever the dead pool took with it is built now
    assert not summary.failures and summary.total == 4


def test_one_seed_is_extracted_apart_and_rendered_by_warm_workers(project):
    # Fewer seeds to extract than workers: the extraction runs in a process of its own
    # while this one loads WeasyPrint; the render workers are forked from it afterwards.
    summary, log = run(project, seeds=[project / "seeds" / "a.md"], jobs=2)
    assert names(summary.built) == {"a/mini.en.pdf", "a/mini.ru.pdf"} and not summary.failures, log
    assert summary.extracted == 1
    assert (project / "out" / "a" / "brief.json").is_file()
    summary, _ = run(project, seeds=[project / "seeds" / "a.md"], jobs=2)
    assert summary.built == [] and len(summary.up_to_date) == 2


def test_a_dying_extraction_of_the_only_seed_costs_that_seed(project):
    seed = write_seed(project / "seeds", "c", "Gamma", "This article makes the worker DIE.")
    summary, log = run(project, seeds=[seed], jobs=2)
    assert summary.total == 2 and summary.failed == 2 and not summary.built
    assert any(f.what.endswith("c.md") and "worker process died" in f.reason for f in summary.failures), log
    # the render workers were not taken down with it: another seed builds in the same way
    summary, log = run(project, seeds=[project / "seeds" / "a.md"], jobs=2)
    assert len(summary.built) == 2 and not summary.failures, log


def test_duplicate_seed_stems_are_refused(project):
    (project / "seeds" / "a.txt").write_text("Another a.\n", encoding="utf-8")
    with pytest.raises(InputError, match="rename one"):
        run(project)


def test_no_progress_bar_when_not_a_terminal(project):
    summary, log = run(project)
    assert "\r" not in log and "\x1b" not in log
    assert log.strip().splitlines()[0].startswith("briefdoc: built 4")


def test_progress_bar_on_a_terminal(project):
    master, slave = os.openpty()
    try:
        with os.fdopen(slave, "w", encoding="utf-8", closefd=True) as tty:
            assert tty.isatty()
            batch.run_build(
                [project / "seeds"], layouts=["mini"], locales=["en"], out_dir=project / "out",
                layouts_dirs=[project / "layouts"], jobs=1, extractor=fake_extract, stream=tty,
            )
        seen = b""
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
    finally:
        os.close(master)
    # rich's live display: outputs done, their rate, elapsed time and ETA; then the summary
    assert b"2/2" in seen and b"PDF/s" in seen and b"ETA" in seen and b"briefdoc: built 2" in seen


def _python(code: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, cwd=cwd)


def test_up_to_date_check_imports_neither_spacy_nor_weasyprint(project):
    run(project)
    code = f"""
        import sys
        from briefdoc.build.batch import run_build
        s = run_build([{str(project / 'seeds')!r}], layouts=["mini"], locales=["en", "ru"],
                      out_dir={str(project / 'out')!r}, layouts_dirs=[{str(project / 'layouts')!r}])
        print("BUILT", len(s.built), "UP", len(s.up_to_date))
        print("HEAVY", [m for m in ("spacy", "weasyprint") if m in sys.modules])
    """
    result = _python(code, project)
    assert "BUILT 0 UP 4" in result.stdout, result.stdout + result.stderr
    assert "HEAVY []" in result.stdout, result.stdout + result.stderr


def test_two_builds_at_once_into_one_folder(project):
    code = f"""
        import sys
        sys.path.insert(0, {str(Path(__file__).parent)!r})
        from test_build import fake_extract
        from briefdoc.build.batch import run_build
        s = run_build([{str(project / 'seeds')!r}], layouts=["mini"], locales=["en", "ru"], jobs=1,
                      out_dir={str(project / 'out')!r}, layouts_dirs=[{str(project / 'layouts')!r}], extractor=fake_extract)
        print("FAILED", s.failed)
    """
    procs = [subprocess.Popen([sys.executable, "-c", textwrap.dedent(code)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True, cwd=project) for _ in range(2)]
    for p in procs:
        out, err = p.communicate(timeout=300)
        assert p.returncode == 0 and "FAILED 0" in out, err
    out_dir = project / "out"
    assert not list(out_dir.rglob("*.part"))
    for record in (out_dir / cache.CACHE_DIRNAME).rglob("*.json"):
        json.loads(record.read_bytes())  # never half a record
    # whichever build renamed last, the next build is consistent: a record that does not
    # match the file on disk is a miss, and after it everything is up to date
    run(project)
    summary, _ = run(project)
    assert summary.built == [] and len(summary.up_to_date) == 4


def test_cli_exit_code_4_and_summary_when_something_failed(project):
    write_seed(project / "seeds", "c", "Gamma", "This article makes the extractor FAIL.")
    code = f"""
        import briefdoc.build.workers as b
        from briefdoc.model.brief import Brief
        from briefdoc.model.errors import InputError

        def fake(article):
            if "FAIL" in article.text:
                raise InputError("the fake extractor refuses this article")
            return Brief(article=article)

        b.default_extract = fake
        from briefdoc.cli import main
        main(["build", {str(project / 'seeds')!r}, "--layouts", "mini", "--locales", "en",
              "--layouts-dir", {str(project / 'layouts')!r}, "-o", {str(project / 'out')!r}, "--jobs", "2"])
    """
    result = _python(code, project)
    assert result.returncode == 4, result.stderr
    assert "built 2, up to date 0, failed 1" in result.stderr
    assert "refuses this article" in result.stderr
    assert (project / "out" / "a" / "mini.en.pdf").is_file() and (project / "out" / "b" / "mini.en.pdf").is_file()
    assert "Traceback" not in result.stderr


def test_unknown_pdf_variant_is_a_usage_error(project):
    with pytest.raises(InputError, match="pdf-variant"):
        run(project, render_options={"variant": "pdf/z"})


def test_briefs_of_edited_seeds_are_pruned_from_the_cache(project):
    briefs = project / "out" / cache.CACHE_DIRNAME / "briefs"
    run(project)
    first = {p.name for p in briefs.glob("*.json")}
    assert len(first) == 2
    old = time.time() - 3600
    for p in briefs.glob("*.json"):
        os.utime(p, (old, old))  # written an hour ago: past the grace period
    write_seed(project / "seeds", "b", "Beta, corrected")
    summary, _ = run(project)
    second = {p.name for p in briefs.glob("*.json")}
    assert summary.extracted == 1 and len(second) == 2
    assert len(first & second) == 1  # a's brief stays; b's old brief is gone, its new one is there
    # a brief that an output of another layout still refers to stays, even when this build did not use it
    write_layout(project / "layouts", "other")
    run(project, layouts=("other",), locales=("en",))
    write_seed(project / "seeds", "a", "Alpha, corrected")
    for p in briefs.glob("*.json"):
        os.utime(p, (old, old))
    run(project, layouts=("other",), locales=("en",))
    # a's previous brief is still what a/mini.*.pdf were made from (their records say so)
    assert len({p.name for p in briefs.glob("*.json")}) == 3


def test_a_fresh_unreferenced_brief_is_kept_for_a_build_running_beside(project):
    briefs = project / "out" / cache.CACHE_DIRNAME / "briefs"
    run(project)
    write_seed(project / "seeds", "b", "Beta, corrected")
    run(project)
    assert len(list(briefs.glob("*.json"))) == 3  # b's old brief is younger than the grace period
