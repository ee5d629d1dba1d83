"""The wheel carries everything briefdoc needs (as Pelican tests its own): built from
this checkout, installed in a fresh virtual environment from the lock, and run from
an empty folder, it lists its layouts and locales and builds the seed in every
shipped locale, byte for byte as the checkout does."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_3362ed2f4686983c.md"
pytestmark = pytest.mark.slow


def run(args, cwd=None, env=None, timeout=600):
    proc = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert proc.returncode == 0, f"{' '.join(map(str, args))}: {proc.stderr[-2000:]}"
    return proc.stdout


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """(the briefdoc command of a fresh venv with only the wheel and the runtime lock, the wheel)"""
    tmp = tmp_path_factory.mktemp("wheel")
    run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "-w", tmp / "dist", ROOT])
    wheel = next((tmp / "dist").glob("briefdoc-*.whl"))
    venv = tmp / "venv"
    run([sys.executable, "-m", "venv", venv])
    pip = [venv / "bin" / "python", "-m", "pip", "install", "-q", "--disable-pip-version-check", "--no-deps"]
    run([*pip, "--require-hashes", "-r", ROOT / "requirements.lock"])
    run([*pip, wheel])
    return venv / "bin" / "briefdoc", wheel


@pytest.fixture
def empty(tmp_path):
    folder = tmp_path / "empty"
    folder.mkdir()
    # no checkout on the path: the command must find its layouts and catalogs in the package
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    return folder, {**env, "SOURCE_DATE_EPOCH": ""}


def test_the_wheel_carries_layouts_catalogs_and_data_but_no_tests(installed):
    names = zipfile.ZipFile(installed[1]).namelist()
    for needed in ("briefdoc/layouts/base.html.j2", "briefdoc/layouts/brief/layout.toml", "briefdoc/layouts/memo/style.css",
                   "briefdoc/translations/messages.pot", "briefdoc/translations/hy/LC_MESSAGES/messages.po",
                   "briefdoc/extractors/attribution.json.gz", "briefdoc/extractors/data/en/honorifics.txt"):
        assert needed in names, needed
    assert not [n for n in names if n.startswith(("tests/", "seeds/", "scripts/")) or "/tests/" in n]
    package = ROOT / "src" / "briefdoc"
    modules = {f"briefdoc/{p.relative_to(package).as_posix()}" for p in package.rglob("*.py")}
    assert sorted(modules - set(names)) == []  # every module of every stage (pyproject.toml lists the packages)
    data = {f"briefdoc/{p.relative_to(package).as_posix()}" for p in (package / "extractors" / "data").rglob("*.txt")}
    assert sorted(data - set(names)) == []
    layouts = {f"briefdoc/layouts/{p.relative_to(ROOT / 'layouts').as_posix()}" for p in (ROOT / "layouts").rglob("*") if p.is_file()}
    assert sorted(layouts - set(names)) == []


def test_layouts_and_locales_from_an_empty_folder(installed, empty):
    briefdoc, _ = installed
    folder, env = empty
    layouts = run([briefdoc, "layouts"], cwd=folder, env=env)
    assert [line.split()[0] for line in layouts.splitlines()] == ["brief", "dossier", "handout", "memo"]
    locales = run([briefdoc, "locales", "--brief", SEED], cwd=folder, env=env)
    rows = {line.split()[0]: line.split()[-2:] for line in locales.splitlines()[1:]}
    assert set(rows) == {"en", "ar", "az", "fr", "hy", "ru"}
    assert all(ui == "100%" and content == "100%" for ui, content in rows.values()), locales
    assert list(folder.iterdir()) == []  # nothing written where it ran


def test_the_installed_wheel_builds_the_seed_in_every_locale_as_the_checkout_does(installed, empty, tmp_path):
    briefdoc, _ = installed
    folder, env = empty
    run([briefdoc, "build", SEED, "-o", "out"], cwd=folder, env=env)
    ours = ROOT / ".venv" / "bin" / "briefdoc"
    run([ours, "build", SEED, "-o", tmp_path / "checkout"], env=env)
    built = sorted(p.name for p in (folder / "out" / SEED.stem).iterdir())
    assert built == sorted([f"{lay}.{loc}.pdf" for lay in ("brief", "handout", "memo")
                            for loc in ("en", "ar", "az", "fr", "hy", "ru")] + ["brief.json"])
    for name in built:
        assert (folder / "out" / SEED.stem / name).read_bytes() == (tmp_path / "checkout" / SEED.stem / name).read_bytes(), name
    assert json.loads((folder / "out" / SEED.stem / "brief.json").read_text())["quotes"]


def test_doctor_and_schema_need_no_checkout(installed, empty):
    briefdoc, _ = installed
    folder, env = empty
    report = run([briefdoc, "doctor", "--layouts", "memo", "--locales", "ar,hy"], cwd=folder, env=env)
    assert report.count(" ok ") == 2 and "FAIL" not in report
    assert json.loads(run([briefdoc, "schema"], cwd=folder, env=env))["title"] == "Brief"
