"""The CLI on bad input: every failure is one line on stderr with a documented exit
code, no traceback, and no output file left behind (issue 7, input matrix).

Each case runs `briefdoc` in a subprocess, as a user would."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).with_name("briefdoc")
SEED = ROOT / "seeds" / "000_3362ed2f4686983c.md"

RU = (
    "Министр иностранных дел России Сергей Лавров заявил во вторник, что на Лачинском коридоре "
    "не будет контрольно-пропускных пунктов. Он подчеркнул, что движение по коридору должно "
    "регулироваться в строгом соответствии с соглашением от 9 ноября 2020 года."
)


def briefdoc(*args, cwd=None, timeout=120, **kw) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(BIN), *map(str, args)], cwd=cwd, capture_output=True, text=True, timeout=timeout, **kw
    )


def leftovers(folder: Path) -> list[str]:
    """Temporary files a write left behind."""
    return sorted(p.name for p in Path(folder).rglob("*.part"))


def assert_fails(proc: subprocess.CompletedProcess, code: int, *needles: str) -> str:
    """Exit ``code``, one line on stderr starting 'briefdoc: error:' that contains
    every needle, and no traceback. Returns the line."""
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert proc.returncode == code, (proc.returncode, proc.stderr)
    assert "Traceback" not in proc.stderr, proc.stderr
    assert len(lines) == 1, proc.stderr
    line = lines[0]
    assert line.startswith("briefdoc: error: "), line
    assert len(line) < 500, line
    for needle in needles:
        assert needle in line, (needle, line)
    return line




def make_layout(root: Path, name: str, template: str, css: str = "body { margin: 0 }\n") -> Path:
    folder = root / name
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "layout.toml").write_text(f'name = "{name}"\ndescription = "test layout"\npage_size = "A4"\n')
    (folder / "template.html.j2").write_text(template)
    (folder / "style.css").write_text(css)
    return folder


# --- seeds that cannot be read ---------------------------------------------------------

SEED_CASES = {
    "missing": (None, ["missing.md", "no such file"]),
    "empty": (b"", ["empty.md", "empty"]),
    "whitespace": (b"  \n\t\r\n   \n", ["whitespace.md", "only whitespace"]),
    "pdf": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" + bytes(range(256)) * 4, ["pdf.md", "PDF file"]),
    "png": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + os.urandom(2000), ["png.md", "PNG image"]),
    "random": (bytes(b % 255 + 1 for b in os.urandom(8000)), ["random.md", "binary file"]),
    "nul": (b"Text with a NUL\x00 inside" * 20, ["nul.md", "binary file"]),
    "bad-yaml": (b"---\ntitle: [unclosed\npublished: 2023-02-28\n---\nText of the article.\n", ["bad-yaml.md", "line", "not valid YAML"]),
    "impossible-date": (b"---\ntitle: T\npublished: 2023-02-30\n---\nText of the article.\n", ["impossible-date.md", "2023-02-30", "YYYY-MM-DD"]),
    "only-front-matter": (b"---\ntitle: T\n---\n\n", ["only-front-matter.md", "no text"]),
    "html-only-script": (b"<html><body><script>alert(1)</script><style>p{}</style></body></html>", ["html-only-script.md", "no text"]),
}


@pytest.mark.parametrize("case", sorted(SEED_CASES))
def test_unreadable_seed(tmp_path, case):
    data, needles = SEED_CASES[case]
    seed = tmp_path / f"{case}.md"
    if data is not None:
        seed.write_bytes(data)
    out = tmp_path / "out" / "brief.json"
    out.parent.mkdir()
    proc = briefdoc("extract", seed, "-o", out)
    assert_fails(proc, 2, *needles)
    assert not out.exists()
    assert leftovers(tmp_path) == []


def test_five_megabyte_article_is_refused_with_the_limit(tmp_path):
    seed = tmp_path / "huge.txt"
    seed.write_bytes((b"The minister said the talks would resume next week. " * 100_000)[:5_000_000])
    out = tmp_path / "huge.json"
    proc = briefdoc("extract", seed, "-o", out, timeout=30)
    assert_fails(proc, 2, "huge.txt", "5.0 MB", "2 MB limit")
    assert not out.exists()


def test_seed_is_a_folder(tmp_path):
    assert_fails(briefdoc("extract", tmp_path), 2, "is a folder")


# --- seeds that are read correctly (needs extraction) -------------------------------------

def _extract_all(tmp_path, seeds: dict[str, bytes]) -> dict[str, dict]:
    """Run `briefdoc extract` on each seed, all at once (spaCy loads in parallel)."""
    procs = {}
    for name, data in seeds.items():
        seed = tmp_path / name
        seed.write_bytes(data)
        out = tmp_path / f"{name}.json"
        procs[name] = (subprocess.Popen([str(BIN), "extract", str(seed), "-o", str(out)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True), out)
    results = {}
    for name, (proc, out) in procs.items():
        _, err = proc.communicate(timeout=180)
        assert proc.returncode == 0, (name, err)
        assert "Traceback" not in err
        results[name] = json.loads(out.read_text(encoding="utf-8"))
    return results


def test_legacy_encodings_bom_crlf_and_html_seeds_are_read_correctly(tmp_path):
    fr = "Le ministre a déclaré mardi que les négociations reprendraient à Genève après l'été."
    text = SEED.read_text(encoding="utf-8")
    body = text.split("---\n", 2)[2].strip()
    html = (b"<html><head><title>Page</title><script>alert('x')</script></head><body>"
            b"<iframe src='file:///etc/passwd'></iframe><p>Sergey Lavrov said on Tuesday that talks would resume.</p>"
            b"<style>p{}</style></body></html>")
    got = _extract_all(tmp_path, {
        "ru.md": f"---\ntitle: Лавров в Баку\nlanguage: ru\n---\n{RU}\n".encode("cp1251"),
        "fr.txt": fr.encode("latin-1"),
        "crlf.md": b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"),
        "page.html": html,
    })
    assert got["ru.md"]["article"]["text"] == RU
    assert got["ru.md"]["article"]["title"] == "Лавров в Баку"
    assert got["fr.txt"]["article"]["text"] == fr
    assert got["crlf.md"]["article"]["text"] == body
    assert got["crlf.md"]["article"]["published"] == "2023-02-28"
    assert got["page.html"]["article"]["text"] == "Sergey Lavrov said on Tuesday that talks would resume."
    assert got["page.html"]["article"]["title"] == "Page"


# --- briefs, layouts, locales ------------------------------------------------------------

def test_brief_json_that_fails_the_schema_names_the_field(tmp_path, seed_brief_json):
    # More schema cases, in-process, in test_errors.py.
    data = json.loads(seed_brief_json.read_text(encoding="utf-8"))
    data["actors"][1]["kind"] = "alien"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    out = tmp_path / "bad.pdf"
    assert_fails(briefdoc("render", bad, "-o", out), 2, "bad.json", "field actors[1].kind")
    bad.write_text('{"article": {"title": "T", "text": "x"},', encoding="utf-8")
    assert_fails(briefdoc("render", bad, "-o", out), 2, "bad.json:1:", "not valid JSON")
    assert not out.exists()
    assert leftovers(tmp_path) == []


def test_unknown_layout_and_locale(tmp_path, seed_brief_json):
    out = tmp_path / "x.pdf"
    assert_fails(briefdoc("render", seed_brief_json, "--layout", "nope", "-o", out), 2, "unknown layout 'nope'", "brief")
    assert_fails(briefdoc("render", seed_brief_json, "--locale", "xx_YY", "-o", out), 2, "xx_YY", "en")
    assert_fails(briefdoc("render", seed_brief_json, "--locale", "../../etc", "-o", out), 2, "../../etc")
    assert_fails(briefdoc("render", seed_brief_json, "--layouts-dir", tmp_path / "nowhere", "-o", out), 2, "nowhere")
    assert not out.exists()


def test_template_syntax_error_names_file_and_line(tmp_path, seed_brief_json):
    make_layout(tmp_path / "ul", "broken", '{% extends "base.html.j2" %}\n{% block body %}\n<p>ok</p>\n<p>{{ article.title }</p>\n{% endblock %}\n')
    out = tmp_path / "broken.pdf"
    line = assert_fails(briefdoc("render", seed_brief_json, "--layouts-dir", tmp_path / "ul", "-l", "broken", "-o", out), 3)
    assert "broken/template.html.j2:4:" in line and "syntax error" in line
    assert not out.exists()


def test_template_runtime_error_is_a_render_failure(tmp_path, seed_brief_json):
    make_layout(tmp_path / "ul", "undef", '{% extends "base.html.j2" %}\n{% block body %}{{ no_such_variable.x }}{% endblock %}\n')
    out = tmp_path / "undef.pdf"
    assert_fails(briefdoc("render", seed_brief_json, "--layouts-dir", tmp_path / "ul", "-l", "undef", "-o", out), 3, "no_such_variable")
    assert not out.exists()


def test_broken_layout_toml(tmp_path, seed_brief_json):
    folder = make_layout(tmp_path / "ul", "badtoml", "x")
    (folder / "layout.toml").write_text('name = "badtoml\n')
    assert_fails(briefdoc("render", seed_brief_json, "--layouts-dir", tmp_path / "ul", "-o", tmp_path / "x.pdf"), 2, "layout.toml", "TOML")


# --- outputs that cannot be written --------------------------------------------------------

@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    """Options for a minimal user layout: these tests are about the output, not the layout."""
    root = tmp_path_factory.mktemp("tiny")
    make_layout(root, "tiny", "<!doctype html><html><body><h1>{{ article.title }}</h1></body></html>")
    return ["--layouts-dir", root, "-l", "tiny", "-f", "html"]


def test_output_under_a_regular_file(tmp_path, seed_brief_json, tiny):
    blocker = tmp_path / "somefile.txt"
    blocker.write_text("I am a file")
    assert_fails(briefdoc("render", seed_brief_json, *tiny, "-o", blocker / "out.html"), 2, "somefile.txt", "not a folder")
    assert blocker.read_text() == "I am a file"


def test_output_folder_missing(tmp_path, seed_brief_json, tiny):
    assert_fails(briefdoc("render", seed_brief_json, *tiny, "-o", tmp_path / "no" / "such" / "out.html"), 2, "does not exist")
    assert not (tmp_path / "no").exists()


def test_output_is_a_folder(tmp_path, seed_brief_json, tiny):
    assert_fails(briefdoc("render", seed_brief_json, *tiny, "-o", tmp_path), 2, "is a folder")
    assert leftovers(tmp_path) == []


@pytest.mark.skipif(os.access("/sys", os.W_OK) and Path("/sys/kernel").exists() is False, reason="no sysfs")
def test_output_folder_not_writable_even_as_root(tmp_path, seed_brief_json, tiny):
    # sysfs refuses new files even to root (chmod would not stop root).
    assert_fails(briefdoc("render", seed_brief_json, *tiny, "-o", "/sys/briefdoc-out.html"), 2, "/sys", "cannot write")
    assert not Path("/sys/briefdoc-out.html").exists()


def test_build_into_a_file_is_refused(tmp_path):
    blocker = tmp_path / "out"
    blocker.write_text("not a folder")
    proc = briefdoc("build", SEED, "--layouts", "brief", "--locales", "en", "-o", blocker)
    assert_fails(proc, 2, str(blocker))


# --- usage ----------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "args, needles",
    [
        (["--bogus"], ["No such option: --bogus", "briefdoc --help"]),
        (["render", "--bogus", "x"], ["No such option: --bogus", "briefdoc render --help"]),
        (["render"], ["Missing argument", "briefdoc render --help"]),
        (["nosuchcommand"], ["No such command", "briefdoc --help"]),
        (["render", "x.json", "--format", "docx"], ["docx", "pdf or html"]),
    ],
)
def test_usage_errors_exit_2_in_one_line(args, needles):
    assert_fails(briefdoc(*args), 2, *needles)


def test_version_and_python_m():
    proc = subprocess.run([sys.executable, "-m", "briefdoc", "--version"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0 and proc.stdout.startswith("briefdoc "), proc
    import briefdoc as pkg

    assert proc.stdout.strip() == f"briefdoc {pkg.__version__}"


def test_help_does_not_import_heavy_modules():
    code = (
        "import sys\n"
        "from briefdoc.cli import main\n"
        "for argv in (['--help'], ['render', '--help'], ['build', '--help'], ['extract', '--help']):\n"
        "    try:\n"
        "        main(argv)\n"
        "    except SystemExit as exc:\n"
        "        assert exc.code == 0, (argv, exc.code)\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in {'spacy', 'weasyprint', 'thinc', 'torch', 'pydantic', 'jinja2', 'dask', 'distributed'})\n"
        "print('HEAVY', heavy, file=sys.stderr)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    heavy = proc.stderr.strip().splitlines()[-1]
    assert "spacy" not in heavy and "weasyprint" not in heavy, heavy
    assert "dask" not in heavy and "distributed" not in heavy, heavy  # only build --scheduler loads Dask
    assert "Usage: briefdoc" in proc.stdout


def test_debug_shows_the_traceback(tmp_path):
    proc = briefdoc("--debug", "render", tmp_path / "missing.json")
    assert proc.returncode != 0
    assert "Traceback" in proc.stderr and "InputError" in proc.stderr


def test_internal_error_is_one_line_exit_1(tmp_path):
    # A bug anywhere (here: a function that raises) is exit 1, one line, no traceback.
    code = (
        "import sys, briefdoc.pipeline as b\n"
        "def boom(path): raise RuntimeError('something\\nbroke')\n"
        "b.brief_from = boom\n"
        "from briefdoc.cli import main\n"
        "main(sys.argv[1:])\n"
    )
    proc = subprocess.run([sys.executable, "-c", code, "render", "x.json", "-o", str(tmp_path / "x.pdf")], capture_output=True, text=True, timeout=60)
    lines = proc.stderr.strip().splitlines()
    assert proc.returncode == 1, proc.stderr
    assert len(lines) == 1 and "Traceback" not in proc.stderr
    assert lines[0] == "briefdoc: internal error: RuntimeError: something broke (run with --debug for the traceback)"


# --- interrupted writes --------------------------------------------------------------------

def test_interrupt_during_write_leaves_nothing(tmp_path, seed_brief_json, tiny):
    # SIGINT arrives while the output is being written (between write and rename).
    code = (
        "import os, signal, sys\n"
        "real_fsync = os.fsync\n"
        "def fsync(fd):\n"
        "    real_fsync(fd)\n"
        "    os.kill(os.getpid(), signal.SIG{sig})\n"
        "os.fsync = fsync\n"
        "from briefdoc.cli import main\n"
        "main(sys.argv[1:])\n"
    )
    for sig in ("INT", "TERM"):
        out = tmp_path / f"interrupted-{sig}.html"
        proc = subprocess.run(
            [sys.executable, "-c", code.format(sig=sig), "render", str(seed_brief_json), *map(str, tiny), "-o", str(out)],
            capture_output=True, text=True, timeout=60,
        )
        assert proc.returncode == 130, (sig, proc.stderr)
        assert "Traceback" not in proc.stderr
        assert proc.stderr.strip().splitlines() == ["briefdoc: interrupted; nothing half-written was left behind"]
        assert not out.exists()
        assert leftovers(tmp_path) == []


def test_sigint_at_a_random_moment_leaves_whole_files_only(tmp_path, seed_brief_json):
    import time

    out = tmp_path / "brief.pdf"
    proc = subprocess.Popen([str(BIN), "render", str(seed_brief_json), "-o", str(out)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(1.0)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode in (0, 130), err
    assert "Traceback" not in err
    assert leftovers(tmp_path) == []
    if out.exists():
        from pypdf import PdfReader

        assert len(PdfReader(out).pages) > 0


def test_sigint_while_the_command_starts_or_exits_is_quiet():
    """Ctrl-C once briefdoc.cli is importing, before main() runs (the command's first
    tenth of a second), exits 130 with one line, not a traceback from an import; after
    main() has its exit code, Ctrl-C no longer kills the process."""
    def python(source: str):
        # Ctrl-C as a terminal gives it: a test run started in the background of a shell ignores SIGINT, and its
        # children would inherit that
        return subprocess.run([sys.executable, "-c", source], capture_output=True, text=True, timeout=60,
                              preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))

    code = ("import os, signal, sys, time\n"
            "sys.argv = ['briefdoc', '--help']\n"
            "import briefdoc.cli\n"
            "os.kill(os.getpid(), signal.SIGINT)\n"
            "time.sleep(5)\n")
    proc = python(code)
    assert proc.returncode == 130, (proc.returncode, proc.stderr)
    assert proc.stderr.strip() == "briefdoc: interrupted"
    # Ctrl-C while Python shuts down after the work (here from an exit hook): exit 0, quietly
    late = ("import atexit, os, signal, sys, time\n"
            "sys.argv = ['briefdoc', '--help']\n"
            "atexit.register(lambda: (os.kill(os.getpid(), signal.SIGINT), time.sleep(0.3)))\n"
            "from briefdoc.cli import main\n"
            "main()\n")
    proc = python(late)
    assert proc.returncode == 0 and "KeyboardInterrupt" not in proc.stderr, (proc.returncode, proc.stderr)
    # imported by another program, briefdoc leaves Ctrl-C alone
    proc = python(code.replace("['briefdoc', '--help']", "['myscript.py']"))
    assert proc.returncode != 130 and "KeyboardInterrupt" in proc.stderr


def test_build_with_a_failed_output_exits_4(tmp_path):
    # Typer returns (not raises) typer.Exit's code outside standalone mode: this was exit 0.
    seed = tmp_path / "empty.md"
    seed.write_bytes(b"")
    proc = briefdoc("build", seed, "--layouts", "memo", "--locales", "en", "-o", tmp_path / "out", "-j", "1")
    assert proc.returncode == 4, proc.stderr
    assert "Traceback" not in proc.stderr
    assert "empty.md" in proc.stderr and "empty" in proc.stderr
    assert not list((tmp_path / "out").rglob("*.pdf")) and leftovers(tmp_path) == []
