"""Hostile content and hostile layouts (issue 7, parts 3 and 4).

Article text and brief content are shown literally, never interpreted; a document
reads only its layout's own files and data: URIs, and connects to nothing; user
layouts run in a sandbox. File reads and connections are recorded with a Python
audit hook (every open() and socket.connect in the process) and by wrapping the
WeasyPrint URL fetcher."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from briefdoc.model.brief import Actor, Article, Brief, KeyPoint, Position, Quote
from briefdoc.model.resources import LAYOUTS, data_dir

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).with_name("briefdoc")
PASSWD_MARK = "root:x:0:0"

HOSTILE = [
    "<img src='file:///etc/passwd'>",
    '<link rel="stylesheet" href="http://127.0.0.1:9/evil.css">',
    '@import url("file:///etc/passwd");',
    "{{ 7*7 }}",
    "{% raw %}x{% endraw %}",
    "</style><script>alert(1)</script>",
    '"; } body { background: url(http://127.0.0.1:9/bg.png) } "',
    "<a rel=\"attachment\" href=\"file:///etc/passwd\">passwd</a>",
    "<iframe src=\"file:///etc/passwd\"></iframe>",
]


def hostile_brief() -> Brief:
    """A valid Brief whose every string field carries injection attempts."""
    sentences = [f"The attacker wrote {h} in paragraph {i}." for i, h in enumerate(HOSTILE)]
    quote = "We will {{ 7*7 }} <b>never</b> @import url(http://127.0.0.1:9/q.css) comply"
    sentences.append(f"“{quote},” said Mallory <script>.")
    text = "\n".join(sentences)
    q_start = text.index(quote)
    statement = sentences[0]
    return Brief(
        article=Article(
            title="<h1>{{ 7*7 }}</h1> <img src=x onerror=alert(1)> Title",
            source='<link href="http://127.0.0.1:9/src.css"> Source',
            url="http://127.0.0.1:9/article?<script>",
            language="en",
            text=text,
        ),
        key_points=[KeyPoint(start=text.index(s), end=text.index(s) + len(s), text=s) for s in sentences[:-1]],
        actors=[
            Actor(id="mallory", name="Mallory <script>alert(1)</script>", kind="person", title="{{ config }} @import 'x'"),
            Actor(id="org", name="Org</style><style>*{background:url(file:///etc/passwd)}</style>", kind="organization"),
        ],
        quotes=[Quote(start=q_start, end=q_start + len(quote), text=quote, speaker="mallory", cue="said")],
        positions=[
            Position(start=text.index(statement), end=text.index(statement) + len(statement), actor="mallory", statement=statement, cue="wrote"),
            Position(start=text.index(sentences[3]), end=text.index(sentences[3]) + len(sentences[3]), actor="org", statement=sentences[3]),
        ],
    )


def compact(text: str) -> str:
    """Text without whitespace or hyphens: line breaks and hyphenation in a PDF's
    text layer do not hide a needle."""
    return re.sub(r"[\s\-\u00ad\u2010]", "", text)


def pdf_text(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True).stdout


class Recorder:
    """Records files opened and connections attempted while ``active``; an audit
    hook cannot be removed, so one is installed per process and switched on and off."""

    def __init__(self):
        self.active = False
        self.opened: list[str] = []
        self.connections: list[str] = []

    def __call__(self, event, args):
        if not self.active:
            return
        if event == "open" and args and isinstance(args[0], (str, bytes, Path)):
            self.opened.append(str(args[0]))
        elif event in ("socket.connect", "socket.getaddrinfo", "socket.gethostbyname"):
            self.connections.append(f"{event} {args[1] if event == 'socket.connect' else args[0]!r}")

    def __enter__(self):
        self.opened.clear()
        self.connections.clear()
        self.active = True
        return self

    def __exit__(self, *exc):
        self.active = False


_RECORDER = Recorder()
sys.addaudithook(_RECORDER)


@pytest.fixture
def recorder():
    return _RECORDER


@pytest.fixture
def fetched(monkeypatch):
    """Every URL the WeasyPrint fetcher is asked for, with what happened."""
    from briefdoc.render import weasy

    log: list[tuple[str, str]] = []
    original = weasy.fetcher

    def recording_fetcher(layout):
        fetcher = original(layout)
        inner = fetcher.fetch

        def fetch(url, headers=None):
            try:
                result = inner(url, headers)
            except Exception as exc:
                log.append((url, f"refused: {exc}"))
                raise
            log.append((url, "served"))
            return result

        fetcher.fetch = fetch
        return fetcher

    monkeypatch.setattr(weasy, "fetcher", recording_fetcher)
    return log


def no_secrets(opened: list[str]) -> list[str]:
    return [p for p in opened if p.startswith(("/etc/passwd", "/etc/shadow", "/etc/hosts"))]


def make_layout(root: Path, name: str, template: str, css: str = "body { margin: 0 }\n") -> Path:
    folder = root / name
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "layout.toml").write_text(f'name = "{name}"\ndescription = "hostile test layout"\n')
    (folder / "template.html.j2").write_text(template)
    (folder / "style.css").write_text(css)
    return folder


# --- content is shown literally ---------------------------------------------------------

@pytest.fixture(scope="module")
def brief():
    return hostile_brief()


@pytest.mark.parametrize("layout_name", ["brief", "memo", "handout"])
def test_hostile_content_is_escaped_in_html(brief, layout_name):
    from briefdoc.render import layouts
    from briefdoc.render.html import render_html

    available = layouts.discover()
    if layout_name not in available:
        pytest.skip(f"layout {layout_name} not built yet")
    html = render_html(brief, available[layout_name], "en")
    body = html.split("<body", 1)[1]
    assert "&lt;img src=" in html
    for raw in ("<img src='file:", '<link rel="stylesheet" href="http://127', "<script>", "<iframe src=\"file", '<a rel="attachment"'):
        assert raw not in body, raw
    assert "<script>" not in html and "onerror=alert" not in html.replace("onerror=alert(1)&gt;", "")
    assert "49" not in html.replace("2049", "")  # {{ 7*7 }} was not evaluated
    assert "{{ 7*7 }}" in html
    # The only <style> elements are the layout's: content never closes or opens one.
    assert html.count("<style") == html.count("</style>")
    assert "url(file:///etc/passwd)" not in html.split("</head>", 1)[0]


def test_hostile_content_pdf_shows_it_literally_and_fetches_nothing(brief, tmp_path, recorder, fetched):
    from briefdoc.render import layouts
    from briefdoc.render.pdf import render_pdf

    lay = layouts.get("brief")
    with recorder:
        pdf = render_pdf(brief, lay, "en")
    text = pdf_text(pdf, tmp_path)
    flat = compact(text)
    for needle in ("<img src='file:///etc/passwd'>", "{{ 7*7 }}", '@import url("file:///etc/passwd");', "</style><script>alert(1)</script>"):
        assert compact(needle) in flat, (needle, text[:2000])
    assert "49" not in text
    assert PASSWD_MARK not in text and PASSWD_MARK.encode() not in pdf
    assert recorder.connections == []
    assert no_secrets(recorder.opened) == []
    # Content never becomes a resource: whatever was fetched came from the layout or data:.
    for url, outcome in fetched:
        if outcome == "served":
            assert url.startswith("data:") or url.startswith(f"file://{lay.path}") or url.startswith(f"file://{data_dir(LAYOUTS)}"), url


def test_hostile_brief_json_through_the_cli(brief, tmp_path):
    from briefdoc.model.briefjson import dumps

    src = tmp_path / "hostile.json"
    src.write_text(dumps(brief), encoding="utf-8")
    out = tmp_path / "hostile.pdf"
    proc = subprocess.run([str(BIN), "render", str(src), "-l", "memo" if "memo" in _layout_names() else "brief", "-o", str(out)], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    text = pdf_text(out.read_bytes(), tmp_path)
    assert compact("{{ 7*7 }}") in compact(text) and "49" not in text
    assert PASSWD_MARK not in text


def _layout_names():
    from briefdoc.render import layouts

    return set(layouts.discover())


# --- seeds carrying hostile strings (plain text and HTML) ----------------------------------

PLAIN_SEED = """---
title: "Mallory's <img src='file:///etc/passwd'> {{ 7*7 }}"
published: 2023-02-28
---
Foreign Minister Sergey Lavrov said on Tuesday that the talks would resume, and added <img src='file:///etc/passwd'> to the record.
The spokesman wrote <link href="http://127.0.0.1:9/x.css"> and @import url(http://127.0.0.1:9/y.css); in a statement on Monday.
“We will not pay {{ 7*7 }} dollars,” Lavrov said.
"""

HTML_SEED = """<!doctype html><html><head><title>Lavrov {{ 7*7 }}</title>
<link rel="stylesheet" href="http://127.0.0.1:9/site.css"><script>fetch('http://127.0.0.1:9/beacon')</script></head>
<body><p>Foreign Minister Sergey Lavrov said on Tuesday that the talks would resume &lt;img src='file:///etc/passwd'&gt; soon.</p>
<img src="file:///etc/passwd"><iframe src="http://127.0.0.1:9/frame"></iframe>
<p>“We will not pay {{ 7*7 }} dollars,” Lavrov said. @import url(http://127.0.0.1:9/y.css);</p></body></html>
"""


@pytest.mark.parametrize("name, seed", [("plain.md", PLAIN_SEED), ("page.html", HTML_SEED)])
def test_hostile_seed_renders_literally(tmp_path, recorder, fetched, name, seed):
    from briefdoc.render import layouts
    from briefdoc.read.article import read_article
    from briefdoc.extractors import extract
    from briefdoc.render.pdf import render_pdf

    path = tmp_path / name
    path.write_text(seed, encoding="utf-8")
    article = read_article(path)
    assert "<img src='file:///etc/passwd'>" in article.text
    if name.endswith(".html"):
        assert "fetch(" not in article.text and "<iframe" not in article.text
    brief = extract(article.text, article=article)
    with recorder:
        pdf = render_pdf(brief, layouts.get("brief"), "en")
    text = pdf_text(pdf, tmp_path)
    assert compact("{{ 7*7 }}") in compact(text) and "49" not in text
    assert compact("<img src='file:///etc/passwd'>") in compact(text)
    assert PASSWD_MARK not in text
    assert recorder.connections == [] and no_secrets(recorder.opened) == []
    assert not [u for u, outcome in fetched if "127.0.0.1" in u or "passwd" in u]


# --- a user layout that reaches for local files and the network ------------------------------

EVIL_TEMPLATE = """{% extends "base.html.j2" %}
{% block body %}
<style>@import url("file:///etc/passwd"); @import "http://127.0.0.1:9/in-body.css";</style>
<link rel="stylesheet" href="http://127.0.0.1:9/remote.css">
<link rel="stylesheet" href="file:///etc/passwd">
<link rel="attachment" href="file:///etc/passwd">
<a rel="attachment" href="file:///etc/passwd">attached</a>
<h1>{{ article.title }}</h1>
<img src="file:///etc/passwd"><img src="http://127.0.0.1:9/pixel.png"><img src="../../../../../../etc/passwd">
<img src="file:///%65tc/passwd"><img src="etc/passwd"><img src="https://127.0.0.1:9/x.png">
<object data="file:///etc/passwd"></object><embed src="file:///etc/passwd"><iframe src="file:///etc/passwd"></iframe>
<img src="passwd-link">
<img src="data:image/svg+xml;utf8,<svg xmlns='http://www.w3.org/2000/svg' width='4' height='4'/>">
<p>EVIL LAYOUT RENDERED</p>
{% endblock %}
"""

EVIL_CSS = """@import url("file:///etc/passwd");
@import "http://127.0.0.1:9/a.css";
body { background: url(file:///etc/passwd); }
p { background-image: url("http://127.0.0.1:9/b.png"); }
@font-face { font-family: Evil; src: url(http://127.0.0.1:9/f.woff), url(file:///etc/passwd); }
h1 { font-family: Evil, sans-serif; }
"""


def test_user_layout_cannot_read_files_or_connect(tmp_path, brief, recorder, fetched):
    from briefdoc.render import layouts
    from briefdoc.render.pdf import render_pdf

    folder = make_layout(tmp_path / "user", "evil", EVIL_TEMPLATE, EVIL_CSS)
    (folder / "passwd-link").symlink_to("/etc/passwd")  # a symlink out of the folder
    lay = layouts.get("evil", [tmp_path / "user"])
    assert not lay.builtin
    with recorder:
        pdf = render_pdf(brief, lay, "en")
    text = pdf_text(pdf, tmp_path)
    assert "EVIL LAYOUT RENDERED" in text
    assert PASSWD_MARK not in text and PASSWD_MARK.encode() not in pdf
    assert recorder.connections == [], recorder.connections
    assert no_secrets(recorder.opened) == [], recorder.opened
    refused = {url for url, outcome in fetched if outcome.startswith("refused")}
    served = {url for url, outcome in fetched if outcome == "served"}
    assert any("passwd" in u and u.startswith("file:") for u in refused), fetched
    assert any(u.startswith("http://127.0.0.1:9/") for u in refused), fetched
    assert any(u.startswith("data:") for u in served), fetched
    assert any(u.endswith("/passwd-link") for u in refused), fetched  # the symlink is followed, then refused
    assert "file:///etc/passwd" in refused and "http://127.0.0.1:9/in-body.css" in refused
    for url in served:
        assert url.startswith("data:") or url.startswith(f"file://{folder.resolve()}/") or url.startswith(f"file://{data_dir(LAYOUTS)}/"), url
        assert "passwd" not in url or not url.endswith("passwd-link"), url


def test_user_layout_through_the_cli(tmp_path, brief):
    from briefdoc.model.briefjson import dumps

    make_layout(tmp_path / "user", "evil", EVIL_TEMPLATE, EVIL_CSS)
    src = tmp_path / "b.json"
    src.write_text(dumps(brief), encoding="utf-8")
    out = tmp_path / "evil.pdf"
    proc = subprocess.run([str(BIN), "render", str(src), "--layouts-dir", str(tmp_path / "user"), "-l", "evil", "-o", str(out)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr
    assert PASSWD_MARK not in pdf_text(out.read_bytes(), tmp_path)


# --- sandbox: template code cannot reach Python ------------------------------------------------

SSTI = {
    "mro-subclasses": "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "cycler-globals": "{{ cycler.__init__.__globals__.os.system('touch {marker}') }}",
    "lipsum-globals": "{{ lipsum.__globals__['os'].popen('touch {marker}').read() }}",
    "self-globals": "{{ self.__init__.__globals__ }}",
    "path-read": "{{ layout.path.joinpath('/etc/passwd').read_text() }}",
    "path-open": "{{ layout.path.parent.parent.parent.parent.open().read() }}",
    "files-read": "{{ layout.files[0].read_text() }}",
    "pydantic-parse-file": "{{ brief.parse_file('/etc/passwd') }}",
    "format-escape": "{{ '{0.__class__.__mro__}'.format(brief) }}",
    "mutate-brief": "{{ brief.actors.append(1) }}{{ brief.actors.clear() }}",
    "attr-filter": "{{ brief|attr('__class__') }}",
    "translations-load": "{{ l10n.translations.load('/etc', ['passwd']) }}",
    "include-outside": "{% include '../../../../../../../etc/passwd' %}",
    "include-absolute": "{% include '/etc/passwd' %}",
}


@pytest.fixture(scope="module")
def brief_json(tmp_path_factory, brief):
    from briefdoc.model.briefjson import dumps

    path = tmp_path_factory.mktemp("ssti") / "b.json"
    path.write_text(dumps(brief), encoding="utf-8")
    return path


@pytest.mark.parametrize("case", sorted(SSTI))
def test_template_injection_fails_cleanly_in_process(case, tmp_path, brief, recorder):
    from briefdoc.render import layouts
    from briefdoc.model.errors import RenderError
    from briefdoc.render.html import render_html

    marker = tmp_path / "PWNED"
    make_layout(tmp_path / "user", "ssti", SSTI[case].replace("{marker}", str(marker)))
    lay = layouts.get("ssti", [tmp_path / "user"])
    before = len(brief.actors)
    with recorder:
        try:
            html = render_html(brief, lay, "en")
        except RenderError as exc:
            assert "\n" not in str(exc)
            html = ""
    assert not marker.exists()
    assert PASSWD_MARK not in html
    assert "<class" not in html and "subclasses" not in html
    assert len(brief.actors) == before
    assert no_secrets(recorder.opened) == []


@pytest.mark.parametrize("case", ["mro-subclasses", "cycler-globals"])
def test_template_injection_through_the_cli_exit_3(case, tmp_path, brief_json):
    marker = tmp_path / "PWNED"
    make_layout(tmp_path / "user", "ssti", SSTI[case].replace("{marker}", str(marker)))
    out = tmp_path / "ssti.pdf"
    proc = subprocess.run([str(BIN), "render", str(brief_json), "--layouts-dir", str(tmp_path / "user"), "-l", "ssti", "-o", str(out)],
                          capture_output=True, text=True, timeout=120)
    lines = proc.stderr.strip().splitlines()
    assert proc.returncode == 3, proc.stderr
    assert len(lines) == 1 and lines[0].startswith("briefdoc: error: ") and "unsafe" in lines[0], proc.stderr
    assert "Traceback" not in proc.stderr
    assert not out.exists() and not marker.exists()
    assert not list(tmp_path.glob("*.part"))


def test_layout_files_must_stay_in_the_folder(tmp_path, brief):
    from briefdoc.render import layouts
    from briefdoc.model.errors import RenderError
    from briefdoc.render.html import render_html

    folder = make_layout(tmp_path / "user", "escape", "{{ article.title }}")
    (folder / "layout.toml").write_text('name = "escape"\nstylesheet = "../../../../../../../etc/passwd"\n')
    with pytest.raises(RenderError, match="outside the layout folder"):
        render_html(brief, layouts.get("escape", [tmp_path / "user"]), "en")

    folder = make_layout(tmp_path / "user2", "symlinked", "x")
    (folder / "template.html.j2").unlink()
    (folder / "template.html.j2").symlink_to("/etc/passwd")
    with pytest.raises(RenderError, match="outside the layout folder"):
        render_html(brief, layouts.get("symlinked", [tmp_path / "user2"]), "en")


def test_builtin_layouts_render_in_the_sandbox(brief):
    from jinja2.sandbox import SandboxedEnvironment

    from briefdoc.render import layouts
    from briefdoc.render.template import _environment

    for lay in layouts.discover().values():
        assert isinstance(_environment(lay), SandboxedEnvironment), lay.name


# --- CSS strings -----------------------------------------------------------------------------

@pytest.mark.parametrize("value", ['"; } body { background: url(x) } "', "a\\\"b", "</style><script>", "line\nbreak", "\x00\x1f\x7f", "«ру» ‹›"])
def test_css_string_cannot_be_broken_out_of(value):
    import tinycss2

    from briefdoc.localize.localizer import css_string

    tokens = [t for t in tinycss2.parse_component_value_list(css_string(value)) if t.type != "whitespace"]
    assert len(tokens) == 1 and tokens[0].type == "string"
    expected = value.replace("\x00", "\ufffd")
    assert tokens[0].value == expected
    assert "<" not in css_string(value) and "\n" not in css_string(value)
