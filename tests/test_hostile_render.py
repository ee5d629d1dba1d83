"""Hostile input, second round (issue 22), the render side: no markup from metadata
(attributes included), one URL scheme check for every source, and limits on a render:
time and memory (render/limits.py), what one template expression may build
(render/sandbox.py), the size of a template's HTML, macro recursion, stylesheet import
cycles, and a build whose layout runs away."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import resource
import signal
import threading
import time
from pathlib import Path

import pytest

from briefdoc.model.brief import Article, Brief
from briefdoc.model.errors import InputError, RenderError
from test_hostile_files import SEED, cli, one_error_line  # the CLI run and its one-line error (tests/ is on sys.path)

BODY = '{% extends "base.html.j2" %}{% block body %}BODY{% endblock %}'
EVIL_LANG = '"><img src=x onerror=alert(1)>'


def small_brief(**article) -> Brief:
    text = "Lavrov said on Tuesday that the talks would resume."
    return Brief(article=Article(title="Talks", text=text, published=dt.date(2023, 2, 28), **article))


def user_layout(tmp_path: Path, body: str, css: str = "p { margin: 0 }\n", name: str = "evil"):
    from briefdoc.render import layouts

    folder = tmp_path / "user" / name
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "layout.toml").write_text(f'name = "{name}"\n')
    (folder / "template.html.j2").write_text(BODY.replace("BODY", body))
    (folder / "style.css").write_text(css)
    return layouts.get(name, [tmp_path / "user"])


def fake_extract(article):
    return Brief(article=article)


@pytest.fixture
def quick_limits(monkeypatch):
    """Render limits small enough for a test: 2 s, 300 MB."""
    monkeypatch.setenv("BRIEFDOC_RENDER_SECONDS", "2")
    monkeypatch.setenv("BRIEFDOC_RENDER_MEMORY_MB", "300")


# --- markup from metadata ------------------------------------------------------------------------

def test_translated_content_escapes_its_attributes_and_quotes():
    from briefdoc.localize.translator import Translated

    t = Translated('He said "no" & <left>', translated=False, original="x", lang=EVIL_LANG)
    html = t.__html__()
    assert html.startswith('<span lang="&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" dir="')
    assert "He said &#34;no&#34; &amp; &lt;left&gt;" in html and "<img" not in html
    rtl = Translated('قال "Lavrov" اليوم', translated=True, original="x", lang="ar", rtl_document=True).__html__()
    assert rtl == 'قال &#34;<bdi dir="ltr">Lavrov</bdi>&#34; اليوم'


@pytest.mark.parametrize("where", ["front matter", "brief JSON"])
def test_a_language_that_is_not_a_tag_is_refused(tmp_path, where):
    from briefdoc.model.briefjson import dumps, loads
    from briefdoc.read.article import parse

    if where == "front matter":
        with pytest.raises(InputError, match=r"language: .* is not a language tag \(en, fr, pt-BR\); fix it in the front matter"):
            parse(SEED.replace("title: Talks", f"title: Talks\nlanguage: '{EVIL_LANG}'"), "s.md")
    else:
        data = json.loads(dumps(small_brief()))
        data["article"]["language"] = EVIL_LANG
        with pytest.raises(InputError, match=r"field article\.language: .* is not a language tag"):
            loads(json.dumps(data), "b.json")
    for good in ("en", "en-US", "pt_BR", "zh-Hant-TW", "hy"):
        assert small_brief(language=good).article.language == good


@pytest.mark.parametrize("layout_name", ["brief", "memo", "handout"])
def test_metadata_that_slipped_past_validation_is_still_escaped(layout_name):
    """A Brief built without validation (model_construct) carrying markup in its
    language, source and url: every value reaches the HTML escaped, and no :lang()
    rule or attribute is broken open."""
    from briefdoc.render import layouts
    from briefdoc.render.html import render_html

    good = small_brief()
    evil = EVIL_LANG.replace("<img", "<img class=evil")
    article = Article.model_construct(**{**good.article.model_dump(), "language": "en_x</style><script>alert(1)</script>" + evil,
                                         "source": "Src" + evil, "url": "http://x/" + evil})
    brief = Brief.model_construct(**{**good.__dict__, "article": article})
    html = render_html(brief, layouts.get(layout_name), "fr", fit=0)
    assert "<img" not in html and "<script>alert" not in html
    assert ":lang(en-x" not in html and html.count("<style") == html.count("</style>") == 1
    assert "&lt;img class=evil src=x onerror=alert(1)&gt;" in html


@pytest.mark.parametrize("url", ["javascript:alert(1)", "JavaScript:alert(1)", "file:///etc/passwd", "data:text/html,<b>x</b>",
                                 "vbscript:msgbox", "ftp://example.org/", "http://", "mailto:", "http://exa mple.org",
                                 " javascript:alert(1)", "http://x/\x00"])
def test_urls_from_any_source_pass_one_scheme_check(url):
    from briefdoc.model.briefjson import dumps, loads
    from briefdoc.read.article import parse

    data = json.loads(dumps(small_brief()))
    data["article"]["url"] = url
    with pytest.raises(InputError, match=r"field article\.url: .* is not an http, https or mailto: address"):
        loads(json.dumps(data), "b.json")
    if url.strip() == url and "\x00" not in url:  # front matter strips its values; YAML has no NUL
        with pytest.raises(InputError, match=r"url: .* is not an http, https or mailto: address; fix or remove it"):
            parse(SEED.replace("title: Talks", f"title: Talks\nurl: {json.dumps(url)}"), "s.md")


@pytest.mark.parametrize("url", ["http://example.org/a?b=c#d", "HTTPS://EXAMPLE.ORG", "mailto:desk@example.org"])
def test_urls_that_pass(url):
    from briefdoc.read.article import parse

    assert small_brief(url=url).article.url == url
    assert parse(SEED.replace("title: Talks", f"title: Talks\nurl: {url}"), "s.md").url == url


def test_hostile_brief_json_metadata_through_the_cli(tmp_path):
    from briefdoc.model.briefjson import dumps

    for field, value in (("language", EVIL_LANG), ("url", "javascript:alert(1)")):
        data = json.loads(dumps(small_brief()))
        data["article"][field] = value
        (tmp_path / "b.json").write_text(json.dumps(data))
        proc = cli("render", tmp_path / "b.json", "-l", "memo", "--format", "html", "-o", tmp_path / "o.html")
        assert proc.returncode == 2 and f"field article.{field}" in one_error_line(proc)
        assert not (tmp_path / "o.html").exists()


# --- what one template expression may build (the sandbox) --------------------------------------------

RUNAWAY_EXPRESSIONS = {
    "% width": ("{{ '%999999999s' % 'x' }}", "a format width 999999999 is over 10000"),
    "% width from *": ("{{ '%*s' % (999999999, 'x') }}", "a format width 999999999 is over 10000"),
    "% precision": ("{{ '%.999999999f' % 1.5 }}", "a format width 999999999 is over 10000"),
    "% huge digits": ("{{ '%" + "9" * 5000 + "d' % 1 }}", "a format width 999999999999 is over 10000"),
    "format filter": ("{{ '%999999999d'|format(1) }}", "a format width 999999999 is over 10000"),
    "str.format width": ("{{ '{:>999999999}'.format(1) }}", "a format width 999999999 is over 10000"),
    "str.format_map width": ("{{ '{x:>999999999}'.format_map({'x': 1}) }}", "a format width 999999999 is over 10000"),
    "nested format spec": ("{{ '{:>{w}}'.format(1, w=999999999) }}", r"a format spec taken from a value \({:{width}}\)"),
    "string repeat": ("{{ 'x' * 3000000000 }}", "repeating 1 characters or items 3000000000 times is over 10000000"),
    "list repeat": ("{{ ([1, 2] * 99999999)|length }}", "repeating 2 characters or items 99999999 times"),
    "center filter": ("{{ 'x'|center(3000000000) }}", r"center\(\) width 3000000000 is over 10000"),
    "indent filter": ("{{ 'x\ny'|indent(3000000000) }}", r"indent\(\) width 3000000000 is over 10000"),
    "batch filter": ("{{ [1]|batch(3000000000, 0)|list }}", r"batch\(\) size 3000000000 is over 10000"),
    "str.ljust": ("{{ 'x'.ljust(3000000000) }}", r"ljust\(\) width 3000000000 is over 10000"),
    "str.zfill": ("{{ 'x'.zfill(3000000000) }}", r"zfill\(\) width 3000000000 is over 10000"),
    "str.replace": ("{{ ('x' * 10000).replace('x', 'y' * 10000) }}", r"replace\(\) would make over 10000000 characters"),
    "power": ("{{ 10 ** 10000000000 }}", "10 \\*\\* 10000000000 has over 1000000 bits"),
    "lipsum": ("{{ lipsum(100000) }}", r"lipsum\(\) paragraphs 100000 is over 1000"),
}


@pytest.mark.parametrize("case", sorted(RUNAWAY_EXPRESSIONS))
def test_sandbox_refuses_huge_values_at_once(tmp_path, case):
    from briefdoc.render.html import render_html

    body, message = RUNAWAY_EXPRESSIONS[case]
    lay = user_layout(tmp_path, body)
    started = time.perf_counter()
    with pytest.raises(RenderError, match=message):
        render_html(small_brief(), lay, "en")
    assert time.perf_counter() - started < 5


def test_sandbox_leaves_ordinary_formatting_alone(tmp_path):
    from briefdoc.render.html import render_html

    lay = user_layout(tmp_path, "{{ '%.1f'|format(1.25) }}|{{ '%5s' % 'a' }}|{{ '{:>5}'.format(1) }}|{{ 'ab' * 3 }}|"
                                "{{ 2 ** 10 }}|{{ 'x'|center(5) }}|{{ lipsum(1, false, 3, 5) | length > 0 }}|{{ 'a-b'.replace('-', '+') }}")
    assert "1.2|    a|    1|ababab|1024|  x  |True|a+b" in render_html(small_brief(), lay, "en")


def test_builtin_layouts_use_the_limited_sandbox():
    from briefdoc.render import layouts
    from briefdoc.render.sandbox import LayoutSandbox
    from briefdoc.render.template import _environment

    for lay in layouts.discover().values():
        assert isinstance(_environment(lay), LayoutSandbox), lay.name


# --- time, memory, output size, recursion --------------------------------------------------------------

def test_a_template_that_loops_for_ever_is_stopped(tmp_path, quick_limits):
    from briefdoc.render.html import render_html
    from briefdoc.render.pdf import render_pdf

    lay = user_layout(tmp_path, "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}")
    for render in (render_html, render_pdf):
        started = time.perf_counter()
        with pytest.raises(RenderError, match=r"layout 'evil': the render took longer than 2 s and was stopped; .*BRIEFDOC_RENDER_SECONDS"):
            render(small_brief(), lay, "en")
        assert time.perf_counter() - started < 5
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)  # the timer is off afterwards
    assert signal.getsignal(signal.SIGALRM) not in (signal.SIG_DFL, None)  # a late alarm cannot end the process


def test_a_template_that_takes_all_memory_is_stopped(tmp_path, quick_limits):
    from briefdoc.render.html import render_html

    before = resource.getrlimit(resource.RLIMIT_AS)
    lay = user_layout(tmp_path, "{% set ns = namespace(s='x') %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}"
                                "{{ ns.s|length }}")
    with pytest.raises(RenderError, match=r"layout 'evil': the render needed more than 300 MB of memory and was stopped"):
        render_html(small_brief(), lay, "en")
    assert resource.getrlimit(resource.RLIMIT_AS) == before  # given back
    assert "Talks" in render_html(small_brief(), user_layout(tmp_path, "{{ article.title }}", name="fine"), "en")


def test_a_render_in_another_thread_is_stopped_too(tmp_path, quick_limits):
    """The API called from a worker thread: no signals there, a watchdog instead."""
    from briefdoc.render.html import render_html

    lay = user_layout(tmp_path, "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}")
    outcome = []

    def run():
        try:
            render_html(small_brief(), lay, "en")
            outcome.append("finished")
        except RenderError as exc:
            outcome.append(str(exc))

    worker = threading.Thread(target=run)
    started = time.perf_counter()
    worker.start()
    worker.join(30)
    assert time.perf_counter() - started < 6
    assert outcome and "the render took longer than 2 s" in outcome[0]


def test_limits_can_be_set_and_are_checked(tmp_path, monkeypatch):
    from briefdoc.render.html import render_html
    from briefdoc.render.limits import configured

    monkeypatch.setenv("BRIEFDOC_RENDER_SECONDS", "0")
    monkeypatch.setenv("BRIEFDOC_RENDER_MEMORY_MB", "0")
    assert configured() == (0, 0)
    assert "Talks" in render_html(small_brief(), user_layout(tmp_path, "{{ article.title }}"), "en")
    monkeypatch.setenv("BRIEFDOC_RENDER_SECONDS", "soon")
    with pytest.raises(InputError, match=r"BRIEFDOC_RENDER_SECONDS='soon' is not a number \(0 for no limit\)"):
        configured()


def test_a_template_that_writes_without_end_is_stopped(tmp_path):
    from briefdoc.render.html import render_html

    lay = user_layout(tmp_path, "{% for i in range(100000) %}{% for j in range(100000) %}xxxxxxxxxx{% endfor %}{% endfor %}")
    started = time.perf_counter()
    with pytest.raises(RenderError, match="the template writes over 16 million characters of HTML"):
        render_html(small_brief(), lay, "en")
    assert time.perf_counter() - started < 10


def test_macro_recursion_is_a_render_error_exit_3(tmp_path):
    from briefdoc.model.briefjson import dumps

    lay = user_layout(tmp_path, "{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}")
    (tmp_path / "b.json").write_text(dumps(small_brief()))
    for fmt in ("html", "pdf"):
        proc = cli("render", tmp_path / "b.json", "--layouts-dir", lay.path.parent, "-l", "evil", "--format", fmt,
                   "-o", tmp_path / f"o.{fmt}")
        assert proc.returncode == 3 and "the template recurses too deeply" in one_error_line(proc)
        assert not (tmp_path / f"o.{fmt}").exists()


def test_runaway_template_through_the_cli_exit_3(tmp_path):
    from briefdoc.model.briefjson import dumps

    lay = user_layout(tmp_path, "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}")
    (tmp_path / "b.json").write_text(dumps(small_brief()))
    proc = cli("render", tmp_path / "b.json", "--layouts-dir", lay.path.parent, "-l", "evil", "-o", tmp_path / "o.pdf",
               env={"BRIEFDOC_RENDER_SECONDS": "2"})
    assert proc.returncode == 3 and "layout 'evil': the render took longer than 2 s" in one_error_line(proc)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.json", "user"]


# --- stylesheet import cycles ----------------------------------------------------------------------------

@pytest.mark.parametrize("css, extra", [
    ('@import "style.css";\np { color: red }\n', {}),
    ('@import "a.css";\n', {"a.css": '@import "b.css"; @import "b.css";\n', "b.css": '@import "a.css"; @import "style.css";\n'}),
    ('@import "x/style.css"; @import "x/style.css";\n', {"x": None}),  # x -> . : a new URL at every step, twice over
])
def test_stylesheet_import_cycles_end(tmp_path, css, extra):
    from briefdoc.render import weasy
    from briefdoc.render.weasy import weasy_document

    lay = user_layout(tmp_path, '<link rel="stylesheet" href="style.css"><p>Styled</p>', css=css)
    for name, text in extra.items():
        if text is None:
            (lay.path / name).symlink_to(".")
        else:
            (lay.path / name).write_text(text)
    fetched = []
    original = weasy.fetcher

    def counting(layout):
        f = original(layout)
        inner = f.fetch

        def fetch(url, headers=None):
            result = inner(url, headers)  # a refused fetch raises: not recorded
            fetched.append(url)
            return result

        f.fetch = fetch
        return f

    weasy.fetcher = counting
    try:
        started = time.perf_counter()
        from briefdoc.render.template import template_html

        document = weasy_document(template_html(small_brief(), lay, "en"), lay)
    finally:
        weasy.fetcher = original
    assert len(document.pages) >= 1
    assert time.perf_counter() - started < 30
    assert max(fetched.count(u) for u in set(fetched)) <= weasy.MAX_FETCHES_PER_URL
    assert len(fetched) <= weasy.MAX_FETCHES


# --- a build whose layout runs away --------------------------------------------------------------------------

@pytest.mark.parametrize("jobs", [1, 2])
def test_build_with_a_runaway_layout_fails_its_outputs_quickly(tmp_path, monkeypatch, jobs):
    from briefdoc.build import batch

    monkeypatch.setenv("BRIEFDOC_RENDER_SECONDS", "3")
    lay = user_layout(tmp_path, "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}")
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "s.md").write_text(SEED)
    stream = io.StringIO()
    started = time.perf_counter()
    summary = batch.run_build([seeds], layouts=["evil"], locales=["en", "fr", "ru", "ar"], out_dir=tmp_path / "out",
                              layouts_dirs=[lay.path.parent], jobs=jobs, extractor=fake_extract, progress=False, stream=stream)
    seconds = time.perf_counter() - started
    assert summary.failed == 4 and not summary.built
    reasons = [f.reason for f in summary.failures]
    assert sum("layout 'evil': the render took longer than 3 s" in r for r in reasons) <= jobs
    assert all("the render took longer" in r or "ran past the render limits on this brief" in r for r in reasons), reasons
    assert seconds < 3 * jobs + 25  # one time limit per worker (plus the 3 s-capped warm-up), not one per locale
    assert not list((tmp_path / "out").rglob("*.part")) and not list((tmp_path / "out").rglob("*.pdf"))


def test_build_workers_share_the_memory_budget():
    from briefdoc.render import limits

    try:
        limits.share_memory(4)
        seen = {}

        def spy(mb):
            seen["mb"] = mb
            return False

        original = limits._lower_address_space
        limits._lower_address_space = spy
        try:
            limits.limited("x", lambda: None)
        finally:
            limits._lower_address_space = original
        assert seen["mb"] == max(limits.MIN_SHARE_MB, limits.DEFAULT_MEGABYTES // 4)
    finally:
        limits.share_memory(1)
