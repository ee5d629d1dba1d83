"""Hostile input, second round (issue 22), the file side: nothing written outside the
output, no output target of another kind replaced, readers linear and bounded, sizes
checked before anything is read or hashed, decoding that keeps UTF-8, calendar edges,
clear errors for odd files, and the API's argument checks.

Each class of the issue has its own test here with inputs written for it;
bench/hostile.py runs the same inputs through the command line with their time and
memory."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import resource
import stat
import subprocess
import sys
import threading
import time
import warnings
from pathlib import Path

import pytest

from briefdoc.model.brief import Article, Brief
from briefdoc.model.errors import InputError, OutputError, RenderError

BIN = Path(sys.executable).with_name("briefdoc")
SEED = "---\ntitle: Talks\npublished: 2023-02-28\n---\nLavrov said on Tuesday that the talks would resume.\n"
BODY = '{% extends "base.html.j2" %}{% block body %}<p>BODY</p>{% endblock %}'


def cli(*args, timeout=120, env=None):
    return subprocess.run([str(BIN), *map(str, args)], capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, **(env or {})})


def one_error_line(proc) -> str:
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("briefdoc: error: ") and "Traceback" not in proc.stderr, proc.stderr
    return lines[0]


def snapshot(root: Path) -> dict[str, int]:
    """Every path under ``root`` with its mode: what a command created or replaced."""
    found = {}
    for dirpath, dirnames, filenames in os.walk(root):
        for name in dirnames + filenames:
            p = os.path.join(dirpath, name)
            found[os.path.relpath(p, root)] = os.lstat(p).st_mode
    return found


def make_layout(root: Path, folder: str, toml: str, template: str = BODY, css: str = "p { margin: 0 }\n") -> Path:
    d = root / folder
    d.mkdir(parents=True, exist_ok=True)
    (d / "layout.toml").write_text(toml)
    (d / "template.html.j2").write_text(template)
    (d / "style.css").write_text(css)
    return d


def small_brief(**article) -> Brief:
    text = article.pop("text", "Lavrov said on Tuesday that the talks would resume.")
    return Brief(article=Article(title="Talks", text=text, published=dt.date(2023, 2, 28), **article))


def fake_extract(article):
    """The build's extraction replaced: an empty brief of the article (no spaCy)."""
    return Brief(article=article)


# --- layout names and output paths: nothing written outside -o ------------------------------

@pytest.mark.parametrize("name", ["../../escaped", "/tmp/abs/x", "a/b", "a\\b", "..", ".", ".hidden", "a..b", "",
                                  "x" * 65, "tab\tname", "new\nline", "a,b", "name with space"])
def test_a_layout_name_is_one_path_segment(tmp_path, name):
    from briefdoc.render import layouts

    toml = f"name = {json.dumps(name)}\n" if name else 'name = ""\n'
    folder = make_layout(tmp_path / "user", "lay" if name else ".x", toml)
    if not name:  # an empty name falls back to the folder's name, which must be a name too
        with pytest.raises(InputError, match="is not a layout name"):
            layouts.discover([folder])
        return
    with pytest.raises(InputError, match=r"layout\.toml: name .* is not a layout name \(1 to 64 letters"):
        layouts.discover([tmp_path / "user"])


@pytest.mark.parametrize("name", ["memo2", "my-layout_v1.2", "Брифинг", "A4"])
def test_layout_names_that_are_names(tmp_path, name):
    from briefdoc.render import layouts

    make_layout(tmp_path / "user", "lay", f'name = "{name}"\n')
    assert layouts.get(name, [tmp_path / "user"]).name == name


def test_build_with_a_layout_named_out_of_the_folder_writes_nothing(tmp_path):
    (tmp_path / "s.md").write_text(SEED)
    make_layout(tmp_path / "user", "dots", 'name = "../../escaped"\n')
    out = tmp_path / "a" / "b" / "out"
    before = snapshot(tmp_path)
    proc = cli("build", tmp_path / "s.md", "--layouts-dir", tmp_path / "user", "--locales", "en", "-o", out, "--jobs", "1")
    assert proc.returncode == 2, proc.stderr
    assert "is not a layout name" in one_error_line(proc)
    assert snapshot(tmp_path) == before  # not even -o was created


def test_seed_named_dots_is_refused_before_anything_is_written(tmp_path):
    from briefdoc.build.plan import check_stems

    (tmp_path / "in").mkdir()
    for name in ("...md", "..md", ".briefdoc-cache.md"):
        seed = tmp_path / "in" / name
        seed.write_text(SEED)
        with pytest.raises(InputError, match="not a folder of its own; rename it"):
            check_stems([seed])
    before = snapshot(tmp_path)
    proc = cli("build", tmp_path / "in" / "...md", "--layouts", "memo", "--locales", "en", "-o", tmp_path / "o1" / "o2")
    assert proc.returncode == 2 and "rename it" in one_error_line(proc)
    assert snapshot(tmp_path) == before


def test_build_into_a_seed_folder_linked_out_of_the_output_is_refused(tmp_path):
    from briefdoc.build import batch

    (tmp_path / "s.md").write_text(SEED)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    (out / "s").symlink_to(elsewhere)
    with pytest.raises(InputError, match="would be written outside"):
        batch.run_build([tmp_path / "s.md"], layouts=["memo"], locales=["en"], out_dir=out, jobs=1,
                        extractor=fake_extract, progress=False, stream=io.StringIO())
    assert list(elsewhere.iterdir()) == []


def test_every_output_path_is_checked_before_anything_is_written(tmp_path):
    from briefdoc.build.plan import Output, SeedPlan, check_targets

    out = tmp_path / "out"
    plan = SeedPlan(seed=tmp_path / "s.md", target=out / "s")
    plan.outputs.append(Output(seed=plan.seed, layout=None, locale="en", path=out / "s" / ".." / ".." / "x.en.pdf", key=""))
    with pytest.raises(InputError, match="would be written outside"):
        check_targets([plan], out)
    plan = SeedPlan(seed=tmp_path / "s.md", target=out / ".." / "s")
    with pytest.raises(InputError, match="would be written outside"):
        check_targets([plan], out)


# --- outputs replace only regular files -------------------------------------------------------

def test_write_refuses_a_symlink_and_leaves_it(tmp_path):
    from briefdoc.model.files import NotRegularFileError, write_atomic, write_output

    target = tmp_path / "target"
    target.write_bytes(b"keep")
    link = tmp_path / "link.pdf"
    link.symlink_to(target)
    for write in (write_output, write_atomic):
        with pytest.raises(NotRegularFileError, match="is a symbolic link; briefdoc replaces only regular files") as err:
            write(link, b"new")
        assert isinstance(err.value, OutputError) and isinstance(err.value, OSError) and err.value.exit_code == 2
        assert os.path.islink(link) and target.read_bytes() == b"keep"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.pdf", "target"]  # no .part left


def test_write_into_a_fifo_writes_through(tmp_path):
    from briefdoc.model.files import NotRegularFileError, write_atomic, write_output

    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    got = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    write_output(fifo, b"%PDF- through the pipe")
    reader.join(10)
    assert got == [b"%PDF- through the pipe"] and stat.S_ISFIFO(os.lstat(fifo).st_mode)
    with pytest.raises(NotRegularFileError, match="is a FIFO"):  # a build's output never is one
        write_atomic(fifo, b"x")


@pytest.mark.skipif(os.geteuid() != 0, reason="making a device node needs root")
def test_write_into_a_character_device_writes_through(tmp_path):
    """`-o /dev/null` as root: a null device of our own, so that a failure destroys nothing."""
    from briefdoc.model.files import write_output

    null = tmp_path / "null"
    os.mknod(null, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    write_output(null, b"%PDF-1.7 nothing to see")
    st = os.lstat(null)
    assert stat.S_ISCHR(st.st_mode) and st.st_rdev == os.makedev(1, 3)


def test_render_to_a_symlink_exits_2_before_rendering(tmp_path):
    from briefdoc.model.briefjson import dumps

    (tmp_path / "b.json").write_text(dumps(small_brief()))
    (tmp_path / "target").write_bytes(b"keep")
    (tmp_path / "o.pdf").symlink_to(tmp_path / "target")
    proc = cli("render", tmp_path / "b.json", "-l", "memo", "-o", tmp_path / "o.pdf")
    assert proc.returncode == 2 and "is a symbolic link" in one_error_line(proc)
    assert os.path.islink(tmp_path / "o.pdf") and (tmp_path / "target").read_bytes() == b"keep"


def test_build_over_a_symlinked_output_exits_2_and_writes_nothing(tmp_path):
    from briefdoc.build import batch

    (tmp_path / "s.md").write_text(SEED)
    (tmp_path / "out" / "s").mkdir(parents=True)
    (tmp_path / "target").write_bytes(b"keep")
    (tmp_path / "out" / "s" / "memo.en.pdf").symlink_to(tmp_path / "target")
    before = snapshot(tmp_path)
    with pytest.raises(OutputError, match="memo.en.pdf: is a symbolic link"):
        batch.run_build([tmp_path / "s.md"], layouts=["memo"], locales=["en"], out_dir=tmp_path / "out", jobs=1,
                        extractor=fake_extract, progress=False, stream=io.StringIO())
    assert snapshot(tmp_path) == before and (tmp_path / "target").read_bytes() == b"keep"


# --- readers: linear, bounded, sizes checked first -------------------------------------------------

HOSTILE_PAGES = {
    "unclosed articles": "<html><body>" + "<article><p>Lavrov said so.</p>" * 60_000 + "</body></html>",
    "deep svg, closed": "<html><body><p>Lavrov said.</p><svg>" + "<g>" * 200_000 + "</g>" * 200_000 + "</svg></body></html>",
    "stray end tags in a skipped region": "<html><body><p>Lavrov said.</p><svg>" + "<g>" * 100_000 + "</p>" * 200_000 + "</svg>",
    "open articles, stray </main>": "<html><body><p>Lavrov said.</p>" + "<article>" * 120_000 + "</main>" * 120_000,
    "heads inside a skipped region": "<html><svg>" + "<g><head><body>" * 60_000 + "</svg><p>Lavrov said.</p>",
    "entities": "<html><body><p>" + "&amp;&lt;&gt;&nbsp;&eacute; &amp" * 40_000 + "</p></body></html>",
}


@pytest.mark.parametrize("case", sorted(HOSTILE_PAGES))
def test_html_reader_is_linear(case):
    """Each page is close to the 2 MB limit; the quadratic reader took minutes on them."""
    from briefdoc.read.htmltext import read_page

    page = HOSTILE_PAGES[case]
    assert len(page) < 2_000_000
    started = time.perf_counter()
    read_page(page)
    assert time.perf_counter() - started < 15


def test_html_reader_keeps_its_reading_of_nesting():
    """What is opened in an unclosed <head> closes with it when <body> comes."""
    from briefdoc.read.htmltext import read_page

    text = "A long enough paragraph about the talks in Baku, " * 6
    page = read_page(f"<html><head><title>T</title><noscript>x<body><main><article><h1>Head</h1><p>{text}</p>"
                     f"<aside><p>Related</p><svg><g></p></g></svg></aside><p>After.</p></article></main></body></html>")
    assert page.text.startswith("Head\n" + text.strip()) and "After." in page.text and "Related" not in page.text


def test_readers_stop_at_the_article_limit(tmp_path):
    from briefdoc.model.briefjson import dumps, loads
    from briefdoc.read.article import parse
    from briefdoc.read.htmltext import read_page

    big = "Lavrov said so. " * 130_000  # 2.08 million characters
    with pytest.raises(InputError, match="over the 2 MB limit for one article"):
        parse(big)
    with pytest.raises(InputError, match="over the 2 MB limit for one article"):
        read_page("<p>" + big)
    data = json.loads(dumps(small_brief()))
    data["article"]["text"] = big
    with pytest.raises(InputError, match=r"field article\.text: String should have at most 2000000 characters"):
        loads(json.dumps(data), "b.json")


def test_sizes_are_checked_before_a_seed_is_read_or_hashed(tmp_path):
    """A 3 GB seed (sparse: no disk used) is neither read whole nor hashed."""
    from briefdoc.build import cache
    from briefdoc.build.plan import make_plans
    from briefdoc.read.seeds import read_limited
    from briefdoc.render import layouts

    big = tmp_path / "big.md"
    with open(big, "wb") as fh:
        fh.write(SEED.encode())
        fh.truncate(3 * 1024 ** 3)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    assert read_limited(big) is None
    plans = make_plans([big], [layouts.get("memo")], ["en"], tmp_path / "out", cache.Cache(tmp_path / "out"), {})
    assert plans[0].error == "3221.2 MB is over the 2 MB limit for one article; split it or trim it"
    assert plans[0].extraction is None
    assert time.perf_counter() - started < 5
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - peak < 100_000  # KB: nothing big was read
    from briefdoc.read.article import read_article

    with pytest.raises(InputError, match="3221.2 MB is over the 2 MB limit"):
        read_article(big)


def test_content_catalogs_are_checked_before_they_are_hashed(tmp_path):
    from briefdoc.build import cache
    from briefdoc.build.plan import make_plans
    from briefdoc.render import layouts

    seed = tmp_path / "s.md"
    seed.write_text(SEED)
    with open(tmp_path / "s.fr.po", "wb") as fh:
        fh.truncate(3 * 1024 ** 3)
    plans = make_plans([seed], [layouts.get("memo")], ["fr"], tmp_path / "out", cache.Cache(tmp_path / "out"), {})
    assert plans[0].error == "s.fr.po: over the 20 MB limit for a content catalog; is it the right file?"
    (tmp_path / "s.fr.po").unlink()
    (tmp_path / "s.fr.po").symlink_to("/proc/self/mem")
    plans = make_plans([seed], [layouts.get("memo")], ["fr"], tmp_path / "out", cache.Cache(tmp_path / "out"), {})
    assert plans[0].error.startswith("s.fr.po: cannot be read (")


# --- decoding ----------------------------------------------------------------------------------

def test_utf8_with_a_stray_byte_stays_utf8_and_says_where(tmp_path):
    from briefdoc.read.article import DecodeWarning, read_article

    seed = tmp_path / "s.md"
    body = "Lavrov said on Tuesday that the talks would resume.\n“We are ready,” Lavrov said. ‘Yes’ — he added.\n"
    data = ("---\ntitle: Talks\n---\n" + body).encode() + b"Caf\xe9 au lait, \xff.\n"
    seed.write_bytes(data)
    with pytest.warns(DecodeWarning) as caught:
        article = read_article(seed)
    assert "“We are ready,”" in article.text and "‘Yes’ —" in article.text
    assert "Caf\ufffd au lait, \ufffd." in article.text
    message = str(caught[0].message)
    first, second = data.index(b"\xe9"), data.index(b"\xff")
    assert f"not UTF-8 at byte {first} (and 1 more: {second})" in message
    assert str(seed) in message


def test_legacy_text_is_still_read_as_legacy(tmp_path):
    from briefdoc.read.article import read_article

    seed = tmp_path / "fr.md"
    # one well-formed UTF-8 sequence by accident ("Ã©" bytes C3 A9), many cp1252 letters
    seed.write_bytes("Le ministre a déclaré mardi à Genève que les négociations reprendraient. Ã©".encode("cp1252"))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        text = read_article(seed).text  # no DecodeWarning: not read as UTF-8
    assert "\ufffd" not in text and "a déclaré mardi" in text and "négociations" in text


def test_decoding_warning_is_one_line_on_the_command_line(tmp_path):
    seed = tmp_path / "s.md"
    data = b"---\ntitle: T\n---\nLavrov said \xe2\x80\x9cyes\xe2\x80\x9d on Tuesday. Caf\xe9.\n"
    seed.write_bytes(data)
    proc = cli("render", seed, "-l", "memo", "--format", "html", "-o", tmp_path / "o.html")
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.strip().splitlines() == [
        f"briefdoc: warning: {seed}: not UTF-8 at byte {data.index(b'Caf') + 3}; read as UTF-8 with \ufffd in its place. "
        "Save the file as UTF-8 to keep every character"]
    assert "“yes”" in (tmp_path / "o.html").read_text()


# --- calendar edges ------------------------------------------------------------------------------

def _with_dates(published: str, *dates: str) -> str:
    from briefdoc.model.brief import Event
    from briefdoc.model.briefjson import dumps

    text = "On Tuesday the talks resumed."
    events = [Event(start=3, end=10, date=d, expression="Tuesday", event="the talks resumed", event_start=11, event_end=28)
              for d in dates]
    brief = Brief(article=Article(title="T", text=text, published=dt.date.fromisoformat(published)), timeline=events)
    return dumps(brief)


def test_a_week_past_the_calendar_is_refused_at_load():
    from briefdoc.model.briefjson import loads

    for date in ("9999-W52", "9999-W52-WE"):
        with pytest.raises(InputError, match=rf"timeline\[0\]\.date: date '{date}' runs past 9999-12-31"):
            loads(_with_dates("2023-02-28", date), "b.json")


@pytest.mark.parametrize("published, dates", [
    ("9999-12-31", ("9999-12", "9999-Q4", "9999-W51", "9999-12-31", "9999")),
    ("0001-01-01", ("0001-W01", "0001-01", "0001-Q1", "0001", "0001-01-01")),
])
def test_briefs_at_the_ends_of_the_calendar_render(published, dates):
    from briefdoc.model.briefjson import loads
    from briefdoc.render import layouts
    from briefdoc.render.html import render_html

    brief = loads(_with_dates(published, *dates), "b.json")
    for name in ("brief", "memo", "handout"):
        for locale in ("en", "ar"):
            html = render_html(brief, layouts.get(name), locale, fit=0)
            assert "timeline" in html


def test_a_brief_at_the_end_of_the_calendar_prints_as_pdf(tmp_path):
    (tmp_path / "b.json").write_text(_with_dates("9999-12-31", "9999-12", "9999-W51"))
    proc = cli("render", tmp_path / "b.json", "-l", "brief", "-o", tmp_path / "o.pdf")
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "o.pdf").read_bytes().startswith(b"%PDF")


# --- odd files: clear errors, never exit 1 -----------------------------------------------------------

def test_po_file_with_an_unknown_charset(tmp_path):
    from briefdoc.localize.content import translator_for
    from briefdoc.model.briefjson import dumps

    brief = small_brief()
    po = tmp_path / "b.fr.po"
    po.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=klingon-8\\n"\n\n'
                  'msgctxt "title"\nmsgid "Talks"\nmsgstr "Pourparlers"\n')
    with pytest.raises(InputError, match="declares a charset Python does not know"):
        translator_for(brief, "fr", tmp_path / "b.json")
    (tmp_path / "b.json").write_text(dumps(brief))
    proc = cli("render", tmp_path / "b.json", "-l", "memo", "--locale", "fr", "-o", tmp_path / "o.pdf")
    assert proc.returncode == 2 and "charset=UTF-8" in one_error_line(proc)


def test_a_content_catalog_past_the_size_limit_is_refused_unread(tmp_path):
    from briefdoc.localize import pofiles
    from briefdoc.model.briefjson import dumps

    (tmp_path / "b.json").write_text(dumps(small_brief()))
    with open(tmp_path / "b.fr.po", "wb") as fh:  # sparse: no disk used
        fh.truncate(pofiles.MAX_CATALOG_BYTES + 10)
    proc = cli("render", tmp_path / "b.json", "-l", "memo", "--locale", "fr", "-o", tmp_path / "o.pdf")
    assert proc.returncode == 2 and "MB limit for a content catalog" in one_error_line(proc)
    assert not (tmp_path / "o.pdf").exists()


def test_layout_toml_that_is_not_utf8(tmp_path):
    from briefdoc.render import layouts

    folder = make_layout(tmp_path / "user", "lay", "")
    (folder / "layout.toml").write_bytes(b'name = "lay"\ndescription = "caf\xe9"\n')
    with pytest.raises(InputError, match=r"layout\.toml: not UTF-8 text \(byte 31\); save it as UTF-8"):
        layouts.discover([tmp_path / "user"])


@pytest.mark.parametrize("which, error, message", [
    ("layout.toml", InputError, "points outside the layout folder"),
    ("template.html.j2", RenderError, "points outside the layout folder"),
    ("style.css", RenderError, "points outside the layout folder"),
])
def test_layout_file_linked_to_proc_self_mem(tmp_path, which, error, message):
    from briefdoc.render import layouts
    from briefdoc.render.html import render_html

    folder = make_layout(tmp_path / "user", "lay", 'name = "lay"\n')
    (folder / which).unlink()
    (folder / which).symlink_to("/proc/self/mem")
    with pytest.raises(error, match=message):
        render_html(small_brief(), layouts.get("lay", [tmp_path / "user"]), "en")


def test_layout_files_out_of_the_folder_are_not_read_for_the_cache(tmp_path):
    from briefdoc.render import layouts

    folder = make_layout(tmp_path / "user", "lay", 'name = "lay"\n')
    (folder / "logo.png").symlink_to("/proc/self/mem")
    (folder / "passwd").symlink_to("/etc/passwd")
    (folder / "mine.css").symlink_to(folder / "style.css")
    names = [p.name for p in layouts.get("lay", [tmp_path / "user"]).files]
    assert names == ["layout.toml", "mine.css", "style.css", "template.html.j2"]


def test_a_layout_file_that_is_a_fifo_does_not_block(tmp_path):
    from briefdoc.render import layouts
    from briefdoc.render.layouts import read_file

    folder = make_layout(tmp_path / "user", "lay", 'name = "lay"\n')
    os.mkfifo(folder / "extra.css")
    with pytest.raises(OSError, match="not a regular file"):
        read_file(folder, "extra.css")
    (folder / "template.html.j2").unlink()
    os.mkfifo(folder / "template.html.j2")
    with pytest.raises(InputError, match="has no template.html.j2"):
        layouts.get("lay", [tmp_path / "user"])


def test_a_huge_layout_file_is_refused_before_it_is_read(tmp_path):
    from briefdoc.render import layouts

    folder = make_layout(tmp_path / "user", "lay", 'name = "lay"\n')
    with open(folder / "font.ttf", "wb") as fh:
        fh.truncate(3 * 1024 ** 3)
    with pytest.raises(InputError, match=r"font\.ttf: 3221 MB is over the 20 MB limit for a file of layout 'lay'"):
        layouts.get("lay", [tmp_path / "user"]).files


# --- the public API: TypeError and ValueError ----------------------------------------------------------

@pytest.mark.parametrize("call, error, message", [
    (lambda b: b.read_article(None), TypeError, r"read_article\(\): path must be a str or a path, not NoneType"),
    (lambda b: b.read_article(3), TypeError, "not int"),
    (lambda b: b.read_article(b"x.md"), TypeError, "not bytes"),
    (lambda b: b.read_article("x\ud800.md"), ValueError, "cannot be a file name"),
    (lambda b: b.read_article("a\x00b.md"), ValueError, "NUL character"),
    (lambda b: b.load_brief(None), TypeError, r"load_brief\(\): path must be"),
    (lambda b: b.load_brief("b\ud800.json"), ValueError, "cannot be a file name"),
    (lambda b: b.extract(None), TypeError, r"extract\(\): text must be a str, not NoneType"),
    (lambda b: b.extract(42), TypeError, "not int"),
    (lambda b: b.extract(b"bytes"), TypeError, "not bytes"),
    (lambda b: b.extract("Lavrov \ud800 said."), ValueError, r"lone surrogate \(U\+D800\) at index 7"),
    (lambda b: b.extract("x", title=5), TypeError, "title must be a str or None"),
    (lambda b: b.extract("x", title="\udcff"), ValueError, "title holds a lone surrogate"),
    (lambda b: b.extract("x", published="2023-02-28"), TypeError, "published must be a datetime.date or None"),
    (lambda b: b.extract("x" * 2_000_001), ValueError, "over the 2,000,000 limit"),
    (lambda b: b.render_brief(None), TypeError, r"render_brief\(\): brief must be a Brief"),
    (lambda b: b.render_brief({"article": {}}), TypeError, "not dict"),
    (lambda b: b.render_brief(small_brief(), layout=None), TypeError, "layout must be a str"),
    (lambda b: b.render_brief(small_brief(), locale=7), TypeError, "locale must be a str"),
    (lambda b: b.render_brief(small_brief(), locale="fr\udcff"), ValueError, "locale holds a lone surrogate"),
    (lambda b: b.render_brief(small_brief(), format="docx"), ValueError, "format must be 'pdf' or 'html'"),
])
def test_api_argument_errors(call, error, message):
    import briefdoc

    with pytest.raises(error, match=message):
        call(briefdoc)
