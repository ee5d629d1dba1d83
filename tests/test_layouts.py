"""Layouts: the built-in folders, a user's folder, and what a layout may fetch."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from briefdoc.render import html
from briefdoc.model.resources import LAYOUTS, data_dir
from briefdoc.render import layouts
from briefdoc.render import weasy
from briefdoc.model.errors import InputError


ROOT = Path(__file__).resolve().parents[1]


def test_builtin_layouts_with_descriptions():
    found = layouts.discover()
    assert {"memo", "brief", "handout"} <= set(found)
    for name in ("memo", "brief", "handout"):
        lay = found[name]
        assert lay.description and lay.page_size == "locale" and lay.builtin
        template = (lay.path / lay.template).read_text(encoding="utf-8")
        assert '{% extends "base.html.j2" %}' in template
    assert found["brief"].pdf_variant == "pdf/a-3b"
    assert found["memo"].max_pages == 1 and found["memo"].limits["quotes"] == 3


def test_cli_lists_layouts():
    run = subprocess.run([sys.executable, "-m", "briefdoc", "layouts"], capture_output=True, text=True)
    assert run.returncode == 0
    for name in ("memo", "brief", "handout"):
        line = next(ln for ln in run.stdout.splitlines() if ln.startswith(name + " "))
        assert layouts.get(name).description in line


@pytest.fixture()
def user_layouts(tmp_path):
    """A user's copy of the memo layout, renamed and restyled."""
    root = tmp_path / "my-layouts"
    shutil.copytree(layouts.get("memo").path, root / "notice")
    toml = root / "notice" / "layout.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace('name = "memo"', 'name = "notice"').replace(
        "One-page memo", "A user's notice"), encoding="utf-8")
    css = root / "notice" / "style.css"
    css.write_text(css.read_text(encoding="utf-8") + "\nh1 { color: #800000; }\n", encoding="utf-8")
    return root


def test_user_layout_dir(user_layouts, seed_brief_json, tmp_path):
    found = layouts.discover([user_layouts])
    assert found["notice"].builtin is False and "memo" in found
    run = subprocess.run([sys.executable, "-m", "briefdoc", "layouts", "--layouts-dir", str(user_layouts)],
                         capture_output=True, text=True)
    assert "notice" in run.stdout and "A user's notice" in run.stdout
    out = tmp_path / "n.pdf"
    run = subprocess.run([sys.executable, "-m", "briefdoc", "render", str(seed_brief_json), "--layout", "notice",
                          "--layouts-dir", str(user_layouts), "-o", str(out)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    from pypdf import PdfReader

    assert len(PdfReader(out).pages) == 1


def test_bad_layout_toml_names_the_file(tmp_path):
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "layout.toml").write_text('name = "bad"\npdf_variant = "pdf/z"\n', encoding="utf-8")
    (folder / "template.html.j2").write_text('{% extends "base.html.j2" %}', encoding="utf-8")
    (folder / "style.css").write_text("", encoding="utf-8")
    with pytest.raises(InputError, match=r"layout\.toml: pdf_variant"):
        layouts.discover([folder])


def test_fetcher_serves_only_the_layout_and_base(tmp_path):
    fetch = weasy.fetcher(layouts.get("memo")).fetch
    own = layouts.get("memo").path / "style.css"
    assert fetch(own.as_uri())
    assert fetch((data_dir(LAYOUTS) / "base.html.j2").as_uri())
    assert fetch("data:text/plain,hello")
    for url in ("file:///etc/passwd", (layouts.get("brief").path / "style.css").as_uri(), "https://example.org/x.css"):
        with pytest.raises(ValueError, match="does not fetch"):
            fetch(url)


def test_template_error_is_a_render_error(tmp_path, seed_brief):
    from briefdoc.model.errors import RenderError

    folder = tmp_path / "broken"
    shutil.copytree(layouts.get("handout").path, folder)
    (folder / "template.html.j2").write_text('{% extends "base.html.j2" %}{% block body %}{{ nope.x }}{% endblock %}', encoding="utf-8")
    lay = layouts.discover([folder])["handout"]
    with pytest.raises(RenderError, match="template error"):
        html.render_html(seed_brief, lay, "en")
