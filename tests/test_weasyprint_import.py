"""WeasyPrint is imported with its libraries looked up in one read of ldconfig's
cache: the same libraries as a plain import, and find_library left as it was. Its font
subsetting asks cffi for open arrays: the same PDF bytes, no type parsed per glyph count."""
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"

MAPS = (
    "libs = sorted({l.split()[-1] for l in open('/proc/self/maps') if '.so' in l and any("
    "k in l for k in ('pango', 'harfbuzz', 'gobject', 'fontconfig', 'glib'))})\n"
    "import ctypes.util, os\n"
    "print(repr((libs, ctypes.util.find_library.__module__)))\n"
)


def run(code: str):
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                         env={"PYTHONPATH": str(SRC), "PATH": "/usr/bin:/bin"})
    assert out.returncode == 0, out.stderr
    return eval(out.stdout.strip().splitlines()[-1])


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc/self/maps and ldconfig")
def test_same_libraries_as_a_plain_import_and_find_library_restored():
    plain = run("import weasyprint\n" + MAPS)
    quick = run("from briefdoc.render import weasy\nweasy.load_weasyprint()\n" + MAPS)
    assert quick == plain
    libs, module = quick
    assert module == "ctypes.util"  # the original function is back
    assert any("libpango-1.0" in lib for lib in libs) and any("libharfbuzz" in lib for lib in libs)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ldconfig")
def test_the_ldconfig_finder_answers_as_cpython_does():
    import ctypes.util

    from briefdoc.render import weasy

    finder = weasy._ldconfig_finder()
    assert finder is not None
    for name in ("gobject-2.0", "pango-1.0", "harfbuzz", "fontconfig", "c", "m"):
        assert finder(name) == ctypes.util._findSoname_ldconfig(name), name
    assert finder("libgobject-2.0-0") is None and finder("no-such-library-here") is None


def test_font_subsetting_arrays_are_open_and_the_pdf_is_the_same():
    import hashlib

    from briefdoc.render import layouts
    from briefdoc.render import pdf
    from briefdoc.render import weasy
    from briefdoc.model.brief import Article, Brief

    weasy.load_weasyprint()
    from weasyprint.pdf import fonts as pdf_fonts

    proxy = pdf_fonts.ffi
    assert isinstance(proxy, weasy._OpenArrayFFI)
    codes = proxy.new("hb_codepoint_t[3]", [5, 6, 7])
    assert list(codes) == [5, 6, 7] and proxy.typeof(codes) is proxy.typeof("hb_codepoint_t[]")
    assert len(proxy.new("hb_tag_t[100]")) == 100  # no items: as asked
    assert list(proxy.new("hb_codepoint_t[4]", [1, 2])) == [1, 2, 0, 0]  # fewer items: as asked
    assert proxy.string(proxy.new("char[]", b"ab")) == b"ab"  # everything else: cffi itself

    brief = Brief(article=Article(title="Talks resume", text="Talks resumed on Tuesday. Все говорят.",
                                  published="2023-02-28"))
    layout = layouts.get("memo")
    pdfs = []
    for ffi in (proxy, proxy._ffi):
        pdf_fonts.ffi = ffi
        try:
            pdfs.append(hashlib.md5(pdf.render_pdf(brief, layout, "ru")).hexdigest())
        finally:
            pdf_fonts.ffi = proxy
    assert pdfs[0] == pdfs[1]
