"""The PDFs themselves, read back: pages, sizes, metadata, bookmarks, the embedded
brief.json, links, fonts, missing glyphs, determinism and the HTML route."""

from __future__ import annotations

import hashlib
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from briefdoc.localize import locales
from briefdoc.render import html as html_mod
from briefdoc.render import layouts
from briefdoc.render import pdf as pdf_mod
from briefdoc.model.briefjson import dumps
from briefdoc.model.errors import RenderError


ROOT = Path(__file__).resolve().parents[1]
LAYOUTS = ("memo", "brief", "handout")
LOCALES = sorted(set(locales.shipped_locales()) | {"en", "ru", "hy", "ar"})


@pytest.fixture(scope="session")
def pdfs(seed_brief, tmp_path_factory):
    """Every layout in every locale (shipped ones, plus hy and ar), as files."""
    out = tmp_path_factory.mktemp("pdf")
    paths = {}
    for name in LAYOUTS:
        for loc in LOCALES:
            path = out / f"{name}.{loc}.pdf"
            path.write_bytes(pdf_mod.render_pdf(seed_brief, layouts.get(name), loc))
            paths[name, loc] = path
    return paths


def pdftext(path: Path) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True).stdout


def pdffonts(path: Path) -> list[list[str]]:
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    return [line.split() for line in out.splitlines()[2:]]


@pytest.mark.parametrize("loc", LOCALES)
def test_page_counts_and_sizes(pdfs, loc):
    memo, brief = PdfReader(pdfs["memo", loc]), PdfReader(pdfs["brief", loc])
    assert len(memo.pages) == 1
    assert 2 <= len(brief.pages) <= 4
    assert pdfs["memo", loc].stat().st_size < 60_000
    assert pdfs["brief", loc].stat().st_size < 150_000
    assert len(PdfReader(pdfs["handout", loc]).pages) >= 1


def test_memo_of_the_real_seed_fits_one_page(seed_brief):
    # many key points and long quotes: the memo chooses what fits
    heavy = seed_brief.model_copy(update={"key_points": seed_brief.key_points * 4, "quotes": seed_brief.quotes * 2})
    pdf = pdf_mod.render_pdf(heavy, layouts.get("memo"), "ru")
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 1


def test_metadata(pdfs, seed_brief):
    reader = PdfReader(pdfs["brief", "en"])
    meta = reader.metadata
    assert meta.title == seed_brief.article.title
    assert meta.author == "briefdoc"  # no publisher in the seed
    assert seed_brief.article.title in meta.subject
    assert "Russia" in meta["/Keywords"] and "Armenia" in meta["/Keywords"]
    assert meta["/CreationDate"].startswith("D:20230228")
    assert reader.trailer["/Root"]["/Lang"] == "en"
    assert PdfReader(pdfs["brief", "ru"]).trailer["/Root"]["/Lang"] == "ru"
    assert PdfReader(pdfs["brief", "ar"]).trailer["/Root"]["/Lang"] == "ar"


def test_publisher_is_the_author(seed_brief):
    article = seed_brief.article.model_copy(update={"source": "The Armenian Weekly", "url": "https://example.org/lachin"})
    pdf = pdf_mod.render_pdf(seed_brief.model_copy(update={"article": article}), layouts.get("brief"), "en")
    reader = PdfReader(io.BytesIO(pdf))
    assert reader.metadata.author == "The Armenian Weekly"
    uris = [a.get_object()["/A"].get("/URI") for p in reader.pages for a in (p.get("/Annots") or [])
            if a.get_object().get("/Subtype") == "/Link" and "/A" in a.get_object()]
    assert "https://example.org/lachin" in uris


def test_bookmarks_follow_sections(pdfs):
    outline = PdfReader(pdfs["brief", "en"]).outline
    top = [o for o in outline if not isinstance(o, list)]
    assert top[0].title.startswith("Lavrov: no checkpoints")
    children = next(o for o in outline if isinstance(o, list))
    titles = [o.title for o in children]
    for section in ("Key points", "Positions by party", "Quotes", "Timeline", "Sources"):
        assert section in titles
    ru = [o.title for o in next(o for o in PdfReader(pdfs["brief", "ru"]).outline if isinstance(o, list))]
    assert "Цитаты" in ru


def test_brief_json_attachment_round_trips(pdfs, seed_brief):
    reader = PdfReader(pdfs["brief", "en"])
    assert list(reader.attachments) == ["brief.json"]
    (data,) = reader.attachments["brief.json"]
    assert data.decode("utf-8") == dumps(seed_brief)
    assert json.loads(data)["article"]["title"] == seed_brief.article.title
    # PDF/A-3b by default for the brief layout: the attachment is an associated file
    root = reader.trailer["/Root"]
    assert "/AF" in root
    xmp = root["/Metadata"].get_object().get_data()
    assert b"pdfaid:part=\"3\"" in xmp or b"<pdfaid:part>3</pdfaid:part>" in xmp


def test_attachment_dates_come_from_the_inputs(pdfs):
    raw = pdfs["brief", "en"].read_bytes()
    reader = PdfReader(io.BytesIO(raw))
    names = reader.trailer["/Root"]["/Names"]["/EmbeddedFiles"]["/Names"]
    stream = names[1].get_object()["/EF"]["/F"].get_object()
    params = stream["/Params"]
    assert params["/CreationDate"] == "D:20230228000000Z" == params["/ModDate"]


def test_pdf_ua_variant(seed_brief):
    pdf = pdf_mod.render_pdf(seed_brief, layouts.get("memo"), "en", variant="pdf/ua-1")
    root = PdfReader(io.BytesIO(pdf)).trailer["/Root"]
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]
    assert b"pdfuaid" in root["/Metadata"].get_object().get_data()


def test_unknown_variant_is_refused(seed_brief):
    from briefdoc.model.errors import InputError

    with pytest.raises(InputError, match="pdf-variant"):
        pdf_mod.render_pdf(seed_brief, layouts.get("memo"), "en", variant="pdf/z-9")


@pytest.mark.parametrize("loc,face", [("hy", "Noto-Serif-Armenian"), ("ar", "Noto-Naskh-Arabic")])
def test_script_faces_and_subset_fonts(pdfs, loc, face):
    rows = pdffonts(pdfs["brief", loc])
    names = [r[0].split("+", 1)[1] for r in rows]
    assert face in names
    assert all(r[-5] == "yes" and r[-4] == "yes" for r in rows)  # embedded, subset
    assert not any(n.startswith("DejaVu") for n in names)


def test_no_missing_glyphs_anywhere(pdfs):
    for path in pdfs.values():
        assert "\ufffd" not in pdftext(path)


def test_missing_glyph_fails_naming_character_and_locale(seed_brief):
    article = seed_brief.article.model_copy(update={"title": "Lachin \u0378 corridor"})  # unassigned: no font has it
    with pytest.raises(RenderError) as err:
        pdf_mod.render_pdf(seed_brief.model_copy(update={"article": article}), layouts.get("memo"), "ru")
    assert "U+0378" in str(err.value) and "'ru'" in str(err.value)


def test_arabic_is_right_to_left(pdfs, seed_brief):
    assert "Lavrov" in pdftext(pdfs["brief", "ar"])
    html = html_mod.render_html(seed_brief, layouts.get("brief"), "ar")
    assert '<html lang="ar" dir="rtl">' in html
    assert "float: inline-end" not in html  # raises KeyError in WeasyPrint 70


def _render_in_subprocess(json_path: Path, out: Path, layout: str, locale: str, env=None):
    code = (
        "import sys\n"
        "from briefdoc.render import layouts\n"
        "from briefdoc.model.briefjson import load_brief\n"
        "from briefdoc.render.pdf import render_pdf\n"
        f"pdf = render_pdf(load_brief({str(json_path)!r}), layouts.get({layout!r}), {locale!r})\n"
        f"open({str(out)!r}, 'wb').write(pdf)\n"
    )
    import os

    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env={**os.environ, "PYTHONHASHSEED": "random", **(env or {})})
    assert run.returncode == 0, run.stderr
    return out.read_bytes()


@pytest.mark.parametrize("layout,locale", [("brief", "ru"), ("memo", "ar")])
def test_byte_identical_across_processes(seed_brief_json, tmp_path, layout, locale):
    a = _render_in_subprocess(seed_brief_json, tmp_path / "a.pdf", layout, locale)
    b = _render_in_subprocess(seed_brief_json, tmp_path / "b.pdf", layout, locale)
    assert hashlib.sha256(a).hexdigest() == hashlib.sha256(b).hexdigest()


def test_source_date_epoch_dates_the_pdf(seed_brief_json, tmp_path):
    pdf = _render_in_subprocess(seed_brief_json, tmp_path / "e.pdf", "memo", "en", env={"SOURCE_DATE_EPOCH": "1700000000"})
    assert PdfReader(io.BytesIO(pdf)).metadata["/CreationDate"].startswith("D:20231114221320")


def test_html_renders_the_same_with_weasyprint_directly(seed_brief, tmp_path):
    for name in ("memo", "brief"):
        html = html_mod.render_html(seed_brief, layouts.get(name), "ru")
        src = tmp_path / f"{name}.html"
        src.write_text(html, encoding="utf-8")
        out = tmp_path / f"{name}.direct.pdf"
        run = subprocess.run([sys.executable, "-m", "weasyprint", str(src), str(out)], capture_output=True, text=True)
        assert run.returncode == 0, run.stderr
        ours = pdf_mod.render_pdf(seed_brief, layouts.get(name), "ru")
        direct, mine = PdfReader(out), PdfReader(io.BytesIO(ours))
        assert len(direct.pages) == len(mine.pages)
        assert direct.metadata.title == mine.metadata.title
        assert direct.metadata["/CreationDate"] == mine.metadata["/CreationDate"]
        assert " ".join(pdftext(out).split()) == " ".join(
            subprocess.run(["pdftotext", "-enc", "UTF-8", "-", "-"], input=ours, capture_output=True, check=True).stdout.decode().split())


def test_cli_render_html_and_variant(seed_brief_json, tmp_path):
    run = subprocess.run([sys.executable, "-m", "briefdoc", "render", str(seed_brief_json), "--layout", "brief",
                          "--pdf-variant", "none", "-o", str(tmp_path / "b.pdf")], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    root = PdfReader(tmp_path / "b.pdf").trailer["/Root"]
    assert "/AF" not in root and "brief.json" in PdfReader(tmp_path / "b.pdf").attachments
