"""Tagged PDFs by default, in every variant; the viewer reads right to left in the
right-to-left locales (issue 18). The tags' weight is kept down by folding
WeasyPrint's plain Span and NonStruct elements into their parents: the structure
tree says the same, the file grows by less than 15%."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

BIN = Path(sys.executable).with_name("briefdoc")
SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_3362ed2f4686983c.md"


def briefdoc(*args, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN), *map(str, args)], cwd=cwd, capture_output=True, text=True, timeout=240)


def struct_text(path: Path) -> str:
    proc = subprocess.run(["pdfinfo", "-struct-text", str(path)], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def texts(tree: str) -> list[str]:
    """The text of the structure tree, in order (what a screen reader reads)."""
    return re.findall(r'^\s*"(.*)"$', tree, re.M)


def uncompressed(path: Path, tmp_path: Path) -> bytes:
    out = tmp_path / (path.stem + ".qdf.pdf")
    subprocess.run(["qpdf", "--qdf", "--object-streams=disable", str(path), str(out)], check=True)
    return out.read_bytes()


@pytest.fixture(scope="module")
def rendered(tmp_path_factory, seed_brief_json):
    folder = tmp_path_factory.mktemp("tags")
    runs = {"brief.en": ["--layout", "brief", "--locale", "en"], "brief.ar": ["--layout", "brief", "--locale", "ar"],
            "memo.en": ["--layout", "memo", "--locale", "en"],
            "ua.en": ["--layout", "memo", "--locale", "en", "--pdf-variant", "pdf/ua-1"]}
    for name, args in runs.items():
        proc = briefdoc("render", seed_brief_json, *args, "-o", folder / f"{name}.pdf")
        assert proc.returncode == 0, proc.stderr
    return folder


@pytest.mark.parametrize("name", ["brief.en", "brief.ar", "memo.en", "ua.en"])
def test_every_variant_is_tagged(rendered, name, tmp_path):
    path = rendered / f"{name}.pdf"
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    assert re.search(r"^Tagged:\s+yes", info, re.M), info
    assert subprocess.run(["qpdf", "--check", str(path)], capture_output=True).returncode == 0
    tree = struct_text(path)
    assert re.search(r'^\s*H1\b.*\n\s*".+"', tree, re.M), tree[:600]
    assert not re.search(r"^\s*(Span|NonStruct)\b", tree, re.M)  # folded into their parents
    # Latin words only: pdftotext gives Arabic in its shaped (presentation) forms
    words = set(re.findall(r"[A-Za-z0-9]+", " ".join(texts(tree))))
    shown = re.findall(r"[A-Za-z0-9]+", subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout)
    missing = [w for w in shown if w not in words]
    assert len(missing) <= 0.05 * len(shown), missing[:40]  # running heads and page numbers are artifacts
    meta = subprocess.run(["pdfinfo", "-meta", str(path)], capture_output=True, text=True).stdout
    if name == "ua.en":
        assert "pdfuaid:part" in meta and "pdfaid" not in meta
    elif name.startswith("brief"):
        assert re.search(r'pdfaid:part(>|=")3', meta) and re.search(r'pdfaid:conformance(>|=")B', meta), meta[:800]


def test_arabic_opens_right_to_left_and_english_does_not(rendered, tmp_path):
    ar = uncompressed(rendered / "brief.ar.pdf", tmp_path)
    en = uncompressed(rendered / "brief.en.pdf", tmp_path)
    assert re.search(rb"/ViewerPreferences\s*<<[^>]*/Direction /R2L", ar), re.findall(rb"/ViewerPreferences.{0,80}", ar, re.S)
    assert b"/Direction" not in en and b"/DisplayDocTitle true" in en


def _render(brief, layout: str, locale: str, monkeypatch, *, tags: bool, fold: bool) -> bytes:
    from briefdoc.localize.content import ContentTranslator
    from briefdoc.render import pdf
    from briefdoc.render.layouts import get

    original = pdf.fitted

    def fitted(*args, **kwargs):
        html, document = original(*args, **kwargs)
        write = document.write_pdf
        document.write_pdf = lambda finisher=None, **options: write(
            finisher=finisher if tags else None, **{**options, "pdf_tags": tags})
        return html, document

    with monkeypatch.context() as m:
        m.setattr(pdf, "fitted", fitted)
        if not fold:
            m.setattr(pdf, "_fold_text_spans", lambda document: None)
        content = ContentTranslator(locale, "en", {})
        return pdf.render_pdf(brief, get(layout), locale, content=content)


@pytest.fixture(scope="module")
def extracted_seed_brief():
    """The seed's brief as the extractors make it now (what `make brief` renders)."""
    import briefdoc

    article = briefdoc.read_article(SEED)
    return briefdoc.extract(article.text, published=article.published, title=article.title)


@pytest.mark.parametrize("layout, locale", [("brief", "en"), ("brief", "fr"), ("brief", "az"), ("handout", "fr"),
                                            ("handout", "ar"), ("memo", "ru")])
def test_the_seed_pdfs_grow_by_less_than_15_percent_with_tags(extracted_seed_brief, layout, locale, monkeypatch):
    untagged = _render(extracted_seed_brief, layout, locale, monkeypatch, tags=False, fold=False)
    tagged = _render(extracted_seed_brief, layout, locale, monkeypatch, tags=True, fold=True)
    assert len(tagged) <= 1.15 * len(untagged), (len(untagged), len(tagged), f"{len(tagged) / len(untagged) - 1:+.1%}")


@pytest.mark.parametrize("layout, locale", [("brief", "en"), ("handout", "ar"), ("memo", "ru")])
def test_folding_keeps_the_tree(seed_brief, layout, locale, monkeypatch, tmp_path):
    tagged = _render(seed_brief, layout, locale, monkeypatch, tags=True, fold=True)
    unfolded = _render(seed_brief, layout, locale, monkeypatch, tags=True, fold=False)
    assert len(tagged) < len(unfolded)
    (tmp_path / "folded.pdf").write_bytes(tagged)
    (tmp_path / "unfolded.pdf").write_bytes(unfolded)
    folded_tree, unfolded_tree = struct_text(tmp_path / "folded.pdf"), struct_text(tmp_path / "unfolded.pdf")
    assert texts(folded_tree) == texts(unfolded_tree)
    assert re.search(r"^\s*Span\b", unfolded_tree, re.M) and not re.search(r"^\s*Span\b", folded_tree, re.M)
    # the same elements but the folded ones, in the same order
    elements = lambda tree: [line.split()[0] for line in tree.splitlines() if line.strip() and not line.strip().startswith('"')]
    assert elements(folded_tree) == [e for e in elements(unfolded_tree) if e not in ("Span", "NonStruct")]
