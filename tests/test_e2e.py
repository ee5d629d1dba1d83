"""End to end: the CLI builds the seed into PDFs, which are read back."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from pypdf import PdfReader

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_3362ed2f4686983c.md"
pytestmark = pytest.mark.slow


def briefdoc(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "briefdoc", *map(str, args)], capture_output=True, text=True, cwd=cwd)


def pdftext(path: Path) -> str:
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True)
    return " ".join(out.stdout.split())


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    run = briefdoc("build", SEED, "--layouts", "brief", "--locales", "en,ru", "-o", out)
    assert run.returncode == 0, run.stderr
    return out / SEED.stem


@pytest.fixture(scope="module")
def brief_json(tmp_path_factory):
    path = tmp_path_factory.mktemp("json") / "brief.json"
    run = briefdoc("extract", SEED, "-o", path)
    assert run.returncode == 0, run.stderr
    return json.loads(path.read_text(encoding="utf-8"))


def test_extract_json_validates_against_schema(brief_json):
    schema = json.loads(briefdoc("schema").stdout)
    jsonschema.validate(brief_json, schema)
    text = brief_json["article"]["text"]
    assert text == SEED.read_text(encoding="utf-8").split("---\n", 2)[2]
    for q in brief_json["quotes"]:
        assert text[q["start"]:q["end"]] == q["text"]


def test_english_pdf_holds_quotes_and_speakers(built, brief_json):
    pdf = built / "brief.en.pdf"
    text = pdftext(pdf)
    assert "Lavrov" in text and "Bayramov" in text
    for phrase in ("The setting up of any checkpoint there is not envisioned.", "The Azerbaijani side is ready for it."):
        assert phrase in text
    reader = PdfReader(pdf)
    assert reader.trailer["/Root"]["/Lang"] == "en"
    assert reader.metadata.title == brief_json["article"]["title"]


def test_russian_pdf_has_russian_headings_and_date(built):
    pdf = built / "brief.ru.pdf"
    text = pdftext(pdf)
    assert "28 февраля 2023 г." in text
    assert "Цитаты" in text and "Хронология" in text
    reader = PdfReader(pdf)
    assert reader.trailer["/Root"]["/Lang"] == "ru"
    assert reader.metadata.title


def test_render_html_from_json(tmp_path, brief_json):
    path = tmp_path / "b.json"
    path.write_text(json.dumps(brief_json), encoding="utf-8")
    out = tmp_path / "b.html"
    run = briefdoc("render", path, "--layout", "brief", "--locale", "ru", "--format", "html", "-o", out)
    assert run.returncode == 0, run.stderr
    html = out.read_text(encoding="utf-8")
    assert '<html lang="ru"' in html and "<style>" in html


@pytest.mark.parametrize(
    "args,needle",
    [
        (["extract", "no-such-file.md"], "no such file"),
        (["render", "SEED", "--layout", "nope"], "unknown layout"),
        (["render", "SEED", "--locale", "xx"], "locale"),
    ],
)
def test_bad_input_one_line_exit_2_no_output(tmp_path, args, needle):
    args = [str(SEED) if a == "SEED" else a for a in args]
    out = tmp_path / "o.pdf"
    run = briefdoc(*args, "-o", out, cwd=tmp_path)
    assert run.returncode == 2
    assert needle in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1
    assert "Traceback" not in run.stderr
    assert not out.exists()


def test_empty_file_is_refused(tmp_path):
    empty = tmp_path / "empty.md"
    empty.write_text("  \n", encoding="utf-8")
    run = briefdoc("extract", empty, "-o", tmp_path / "b.json")
    assert run.returncode == 2 and "empty" in run.stderr
    assert not (tmp_path / "b.json").exists()


def test_help_does_not_import_heavy_modules():
    code = (
        "import sys\n"
        "from briefdoc.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('spacy', 'weasyprint') if m in sys.modules]\n"
        "print('HEAVY', heavy)\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert "HEAVY []" in run.stdout, run.stdout + run.stderr


def test_version():
    run = briefdoc("--version")
    assert run.returncode == 0 and run.stdout.startswith("briefdoc ")


def test_public_api_survives_submodule_imports():
    code = (
        "import briefdoc, briefdoc.render, briefdoc.read, briefdoc.extractors, briefdoc.extractors.quotes\n"
        "assert callable(briefdoc.extract) and callable(briefdoc.render_brief) and callable(briefdoc.read_article)\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr


def test_python_api_renders_html():
    import briefdoc as api

    article = api.read_article(SEED)
    brief = api.extract(article.text, published=article.published, title=article.title)
    html = api.render_brief(brief, layout="memo", locale="fr", format="html")
    assert '<html lang="fr"' in html and "28 février 2023" in html
