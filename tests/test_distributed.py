"""build --scheduler: the batch build on a Dask cluster. One LocalCluster of two worker
processes (one thread each) serves the module; a build reaches it by its address, as
it would a remote scheduler. The outputs are those of a local build byte for byte, a
worker killed mid-build costs nothing, a task that kills every worker that runs it
fails its outputs only, a failing input is reported as locally (exit 4, the rest
written), and a second build renders nothing.

Most tests use a fake extractor (an empty brief of the article; test_build's) and a
tiny layout, so that they check the build and not the extractors; the byte-for-byte
test builds the seed with the real extractor and the shipped layouts."""

from __future__ import annotations

import io
import json
import logging
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from briefdoc.build import batch
from briefdoc.build import distributed as dist
from briefdoc.model.errors import InputError
from test_build import write_layout, write_seed  # the batch build's tiny layout and seeds (tests/ is on sys.path)

distributed = pytest.importorskip("distributed")
dask = pytest.importorskip("dask")

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_3362ed2f4686983c.md"


def fake_extract(article):
    """An empty brief of the article. "FAIL": an input it refuses; "DIE": the worker dies
    under it, every time; "DIE-ONCE:<path>": the worker dies the first time (the file
    at <path> remembers it), and the task, retried, succeeds."""
    from briefdoc.model.brief import Brief

    if "DIE-ONCE:" in article.text:
        marker = Path(article.text.split("DIE-ONCE:", 1)[1].split()[0])
        if not marker.exists():
            marker.write_text(str(os.getpid()))
            os._exit(3)
    elif "DIE" in article.text:
        os._exit(3)
    if "FAIL" in article.text:
        raise InputError("the fake extractor refuses this article")
    return Brief(article=article)


@pytest.fixture(scope="module")
def cluster():
    """Two worker processes, one thread each, no dashboard. A task is given up (KilledWorker)
    when the second worker dies under it: the scheduler's allowed-failures is 1 here."""
    with dask.config.set({"distributed.scheduler.allowed-failures": 1}):
        local = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                         dashboard_address=None, silence_logs=logging.ERROR,
                                         scheduler_kwargs=dist.NO_DASHBOARD)
    try:
        yield local
    finally:
        local.close()


@pytest.fixture
def scheduler(cluster):
    """The cluster's address, once both its workers are up (a test before may have killed one)."""
    with distributed.Client(cluster.scheduler_address, timeout=30) as client:
        client.wait_for_workers(2, timeout=60)
    return cluster.scheduler_address


@pytest.fixture
def project(tmp_path):
    """Three seeds, the 'mini' layout."""
    for stem, title in (("a", "Alpha"), ("b", "Beta"), ("c", "Gamma")):
        write_seed(tmp_path / "seeds", stem, title)
    write_layout(tmp_path / "layouts", "mini")
    return tmp_path


def run(p: Path, *, out="out", seeds=None, layouts=("mini",), locales=("en", "ru"), **kw):
    stream = io.StringIO()
    kw.setdefault("extractor", fake_extract)
    summary = batch.run_build(seeds or [p / "seeds"], layouts=list(layouts), locales=list(locales), out_dir=p / out,
                              layouts_dirs=[p / "layouts"], stream=stream, **kw)
    return summary, stream.getvalue()


def files(folder: Path) -> dict[str, bytes]:
    return {str(f.relative_to(folder)): f.read_bytes() for f in sorted(folder.rglob("*"))
            if f.is_file() and ".briefdoc-cache" not in f.parts}


def names(paths) -> set[str]:
    return {f"{Path(x).parent.name}/{Path(x).name}" for x in paths}


@pytest.mark.slow
def test_the_seed_builds_byte_for_byte_as_with_jobs_1(scheduler, tmp_path):
    # the real extractor and the shipped layouts; the seed's content catalogs (fr, hy, ar) beside it
    args = dict(layouts=["brief", "memo"], locales=["en", "fr", "hy", "ar"], stream=io.StringIO())
    local = batch.run_build([SEED], out_dir=tmp_path / "local", jobs=1, **args)
    remote = batch.run_build([SEED], out_dir=tmp_path / "dask", scheduler=scheduler, **args)
    assert not local.failures and not remote.failures
    assert len(remote.built) == 8 and remote.extracted == 1
    ours, theirs = files(tmp_path / "local"), files(tmp_path / "dask")
    assert sorted(ours) == sorted(theirs) and len(ours) == 9  # 8 PDFs and brief.json
    assert [name for name in ours if ours[name] != theirs[name]] == []
    assert remote.scheduler == scheduler and sum(remote.workers.values()) == 9  # one extraction, eight renders
    assert all(address.startswith("tcp://127.0.0.1:") for address in remote.workers)
    report = remote.as_json(tmp_path / "dask")
    assert report["scheduler"] == scheduler and sum(w["tasks"] for w in report["workers"]) == 9


def test_fake_builds_the_same_as_locally_and_a_second_build_renders_nothing(scheduler, project):
    local, _ = run(project, out="local", jobs=1)
    summary, log = run(project, scheduler=scheduler)
    assert names(summary.built) == names(local.built) and len(summary.built) == 6 and not summary.failures
    assert summary.extracted == 3
    assert files(project / "out") == files(project / "local")
    assert "built 6, up to date 0, failed 0" in log and f"briefdoc: on {scheduler}: " in log
    before = {p: p.stat().st_mtime_ns for p in (project / "out").rglob("*.pdf")}
    again, log = run(project, scheduler=scheduler)
    assert again.built == [] and len(again.up_to_date) == 6 and again.extracted == 0 and again.workers == {}
    assert {p: p.stat().st_mtime_ns for p in (project / "out").rglob("*.pdf")} == before
    assert "built 0, up to date 6, failed 0" in log and "briefdoc: on" not in log
    # the cache is the local build's: a local build into the same folder has nothing to do either
    local_again, _ = run(project, jobs=1)
    assert local_again.built == [] and len(local_again.up_to_date) == 6


def test_a_worker_killed_mid_build_loses_no_output(scheduler, project):
    marker = project / "died"
    write_seed(project / "seeds", "z", "Zeta", f"The worker under this one dies: DIE-ONCE:{marker} once.")
    summary, log = run(project, scheduler=scheduler)
    assert marker.exists()  # a worker died under the extraction of z
    assert not summary.failures, log
    assert len(summary.built) == 8 and summary.extracted == 4  # the task was retried elsewhere
    # byte for byte what a local build makes (the marker is there: it does not die again)
    local, _ = run(project, out="local", jobs=1)
    assert not local.failures and files(project / "out") == files(project / "local")


def test_a_task_that_kills_every_worker_fails_its_outputs_only(scheduler, project):
    write_seed(project / "seeds", "d", "Delta", "This article makes the worker DIE.")
    summary, log = run(project, scheduler=scheduler)
    assert summary.total == 8
    died = [f for f in summary.failures if f.what.endswith("d.md")]
    assert len(died) == 1 and died[0].outputs == 2 and "died under it" in died[0].reason, log
    assert "Traceback" not in log
    # tasks queued on the dying workers may have gone with them; the next build makes whatever is missing
    (project / "seeds" / "d.md").unlink()
    summary, log = run(project, scheduler=scheduler)
    assert not summary.failures, log
    assert len(summary.built) + len(summary.up_to_date) == 6


def test_a_failing_input_costs_only_its_outputs(scheduler, project):
    write_seed(project / "seeds", "f", "Phi", "This article makes the extractor FAIL.")
    summary, log = run(project, scheduler=scheduler)
    assert len(summary.built) == 6 and summary.failed == 2
    assert [(Path(f.what).name, f.reason) for f in summary.failures] == [("f.md", "the fake extractor refuses this article")]
    assert not (project / "out" / "f" / "mini.en.pdf").exists()
    summary, _ = run(project, scheduler=scheduler)  # failures are not cached: tried again
    assert summary.failed == 2 and len(summary.up_to_date) == 6


def test_an_interrupted_build_resumes_from_the_cache(scheduler, project, monkeypatch):
    rendered = batch.Outcomes.rendered
    taken = []

    def interrupt_after_two(self, output, ok, result):
        if len(taken) == 2:
            raise KeyboardInterrupt
        taken.append(output.path)
        rendered(self, output, ok, result)

    monkeypatch.setattr(batch.Outcomes, "rendered", interrupt_after_two)
    with pytest.raises(KeyboardInterrupt):
        run(project, scheduler=scheduler)
    monkeypatch.setattr(batch.Outcomes, "rendered", rendered)
    kept = {p: p.stat().st_mtime_ns for p in taken}
    assert not list((project / "out").rglob("*.part"))
    summary, _ = run(project, scheduler=scheduler)
    assert not summary.failures and len(summary.built) == 4 and names(summary.up_to_date) == names(taken)
    assert {p: p.stat().st_mtime_ns for p in taken} == kept


def test_workers_that_would_make_other_bytes_are_refused(scheduler, project, monkeypatch):
    dist.environment.cache_clear()
    real = dist.cache_mod.code_digest
    monkeypatch.setattr(dist.cache_mod, "code_digest", lambda stage: "x" + real(stage) if stage == "rendering" else real(stage))
    try:
        with pytest.raises(InputError, match=r"worker tcp://\S+ would not make the same files: its rendering code"):
            run(project, scheduler=scheduler)
    finally:
        dist.environment.cache_clear()
    # and a task that reaches such a worker all the same fails with the reason
    assert "would not make the same file" in dist._mismatch({**dist.environment(), "fonts": "other"})
    assert dist._mismatch(dist.environment()) is None


@pytest.mark.parametrize("value", ["local:0", "local:x", "garbage", "tcp://host", "tcp://host:99999", "http://host:8786", ""])
def test_a_scheduler_that_is_no_scheduler_is_a_usage_error(value, project):
    with pytest.raises(InputError, match="--scheduler"):
        run(project, scheduler=value)
    assert not (project / "out").exists()  # said before anything is planned or written


def _briefdoc(*args, cwd, env=None):
    return subprocess.run([sys.executable, "-m", "briefdoc", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd, timeout=240, env={**os.environ, **(env or {})})


def test_cli_an_unreachable_scheduler_is_exit_2_in_one_line(project):
    proc = _briefdoc("build", project / "seeds", "--layouts-dir", project / "layouts", "--layouts", "mini",
                     "--scheduler", "tcp://127.0.0.1:1", "-o", project / "out", cwd=project,
                     env={"BRIEFDOC_SCHEDULER_TIMEOUT": "1"})
    assert proc.returncode == 2, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("briefdoc: error: --scheduler tcp://127.0.0.1:1: no Dask scheduler"), lines
    for bad in ("local:0", "nowhere"):
        proc = _briefdoc("build", project / "seeds", "--scheduler", bad, cwd=project)
        assert proc.returncode == 2 and len(proc.stderr.strip().splitlines()) == 1 and "Traceback" not in proc.stderr
    proc = _briefdoc("build", project / "seeds", "--scheduler", "local:2", "--jobs", "2", cwd=project)
    assert proc.returncode == 2 and "give one" in proc.stderr


@pytest.mark.slow
def test_cli_failing_input_exit_4_and_json_names_the_workers(scheduler, project):
    # the real extractor; f's front matter has a date that does not exist: its extraction fails on the worker
    (project / "seeds" / "f.md").write_text("---\ntitle: Phi\npublished: 2023-02-30\n---\nMinisters met.\n", encoding="utf-8")
    (project / "briefdoc.toml").write_text(f'scheduler = "{scheduler}"\nlayouts_dir = ["layouts"]\nlayouts = ["mini"]\n'
                                           'locales = ["en"]\n', encoding="utf-8")
    proc = _briefdoc("build", "seeds", "--json", cwd=project)
    assert proc.returncode == 4, proc.stderr
    report = json.loads(proc.stdout)
    assert len(report["built"]) == 3 and report["failed"][0]["what"].endswith("f.md")
    assert "is not a real date" in report["failed"][0]["reason"]
    assert report["scheduler"] == scheduler and sum(w["tasks"] for w in report["workers"]) == 3 + 4
    assert all(w["address"].startswith("tcp://") for w in report["workers"])
    proc = _briefdoc("build", "seeds", "--jobs", "1", cwd=project)  # --jobs alone builds here
    assert proc.returncode == 4 and "built 0, up to date 3, failed 1" in proc.stderr and "briefdoc: on" not in proc.stderr


@pytest.mark.slow
def test_cli_local_cluster(project):
    proc = _briefdoc("build", "seeds", "--layouts-dir", "layouts", "--layouts", "mini", "--locales", "en,fr",
                     "--scheduler", "local:2", "-o", "out", cwd=project)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert lines[0].startswith("briefdoc: built 6, up to date 0, failed 0"), lines
    assert lines[1].startswith("briefdoc: on local:2: ") and "tcp://127.0.0.1:" in lines[1], lines
    assert len(lines) == 2, lines  # nothing from Dask's logs


def test_a_local_build_never_imports_dask(project):
    code = textwrap.dedent(f"""
        import sys
        sys.path.insert(0, {str(Path(__file__).parent)!r})
        from test_build import fake_extract  # (this module imports Dask itself)
        from briefdoc.build.batch import run_build
        s = run_build([{str(project / 'seeds')!r}], layouts=["mini"], locales=["en"], out_dir={str(project / 'out')!r},
                      layouts_dirs=[{str(project / 'layouts')!r}], jobs=1, extractor=fake_extract)
        print("BUILT", len(s.built), [m for m in ("dask", "distributed") if m in sys.modules])
    """)
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=project, timeout=120)
    assert "BUILT 3 []" in proc.stdout, proc.stdout + proc.stderr
