"""The build cache: keys change when, and only when, what an artefact is made of
changes; records are written atomically and anything unreadable is a miss."""

from __future__ import annotations

import os
import time
from types import SimpleNamespace

import pytest

from briefdoc.build import cache as cache_mod
from briefdoc.model import files as files_mod


def test_digest_parts_are_unambiguous():
    assert cache_mod.digest("ab", "c") != cache_mod.digest("a", "bc")
    assert cache_mod.digest(b"x", {"a": 1}) == cache_mod.digest(b"x", {"a": 1})
    assert cache_mod.digest({"a": 1, "b": 2}) == cache_mod.digest({"b": 2, "a": 1})


def test_write_atomic_returns_the_written_files_stat(tmp_path):
    path = tmp_path / "x.pdf"
    st = files_mod.write_atomic(path, b"%PDF-1.7 one")
    assert path.read_bytes() == b"%PDF-1.7 one"
    assert cache_mod.fingerprint(st) == cache_mod.fingerprint(os.stat(path))
    assert [p.name for p in tmp_path.iterdir()] == ["x.pdf"]  # no temporary file left
    st2 = files_mod.write_atomic(path, "%PDF-1.7 two")
    assert cache_mod.fingerprint(st2) != cache_mod.fingerprint(st)  # a replaced file is a new file


def test_brief_roundtrip_and_corrupt_entries_are_misses(tmp_path):
    c = cache_mod.Cache(tmp_path)
    assert c.load_brief("k1") is None
    c.store_brief("k1", '{"article": {}}')
    assert c.load_brief("k1") == '{"article": {}}'
    path = tmp_path / cache_mod.CACHE_DIRNAME / "briefs" / "k1.json"
    for garbage in (b"", b"{not json", b"[1, 2]", b'{"key": "other", "brief": "{}"}', b'{"key": "k1", "brief": "{oops"}'):
        path.write_bytes(garbage)
        assert c.load_brief("k1") is None
    assert not cache_mod.Cache(tmp_path, read=False).load_brief("k1")


def test_output_is_current_until_deleted_modified_or_touched(tmp_path):
    c = cache_mod.Cache(tmp_path)
    target = tmp_path / "seed"
    target.mkdir()
    pdf = target / "brief.en.pdf"
    st = files_mod.write_atomic(pdf, b"%PDF")
    assert not c.is_current(pdf, "key")
    c.record_output(pdf, "key", cache_mod.fingerprint(st))
    assert c.is_current(pdf, "key")
    assert not c.is_current(pdf, "other key")
    assert not cache_mod.Cache(tmp_path, read=False).is_current(pdf, "key")

    with pdf.open("ab") as fh:  # modified in place
        fh.write(b" edited")
    assert not c.is_current(pdf, "key")

    st = files_mod.write_atomic(pdf, b"%PDF")
    c.record_output(pdf, "key", cache_mod.fingerprint(st))
    later = time.time() + 5
    os.utime(pdf, (later, later))  # same bytes, touched
    assert not c.is_current(pdf, "key")

    st = files_mod.write_atomic(pdf, b"%PDF")
    c.record_output(pdf, "key", cache_mod.fingerprint(st))
    pdf.unlink()
    assert not c.is_current(pdf, "key")


def test_corrupt_output_record_is_a_miss(tmp_path):
    c = cache_mod.Cache(tmp_path)
    (tmp_path / "s").mkdir()
    pdf = tmp_path / "s" / "a.en.pdf"
    c.record_output(pdf, "key", cache_mod.fingerprint(files_mod.write_atomic(pdf, b"%PDF")))
    record = tmp_path / cache_mod.CACHE_DIRNAME / "outputs" / "s" / "a.en.pdf.json"
    assert record.is_file()
    for garbage in (b"", b"\x00\xff", b"null", b'{"key": "key"}'):
        record.write_bytes(garbage)
        assert not c.is_current(pdf, "key")


def test_unwritable_cache_costs_time_not_correctness(tmp_path):
    (tmp_path / cache_mod.CACHE_DIRNAME).write_text("a file where the folder should be")
    c = cache_mod.Cache(tmp_path)
    c.store_brief("k", "{}")  # no exception
    assert c.load_brief("k") is None


@pytest.fixture
def fake_package(tmp_path, monkeypatch):
    pkg = tmp_path / "pkg"
    for sub in ("extractors", "extractors/data", "render", "model"):
        (pkg / sub).mkdir(parents=True)
    (pkg / "extractors" / "quotes.py").write_text("Q = 1\n")
    (pkg / "extractors" / "data" / "verbs.txt").write_text("say\n")
    (pkg / "render" / "pdf.py").write_text("R = 1\n")
    (pkg / "model" / "brief.py").write_text("B = 1\n")
    (pkg / "cli.py").write_text("C = 1\n")
    monkeypatch.setattr(cache_mod, "PACKAGE_DIR", pkg)
    cache_mod.source_digest.cache_clear()
    yield pkg
    cache_mod.source_digest.cache_clear()


def _keys():
    cache_mod.source_digest.cache_clear()
    return cache_mod.source_digest(cache_mod.EXTRACTION_SOURCES), cache_mod.source_digest(cache_mod.RENDERING_SOURCES)


def test_extractor_code_excludes_rendering_modules(fake_package):
    extract0, render0 = _keys()
    (fake_package / "render" / "pdf.py").write_text("R = 2\n")
    extract1, render1 = _keys()
    assert extract1 == extract0 and render1 != render0
    (fake_package / "extractors" / "quotes.py").write_text("Q = 2\n")
    extract2, render2 = _keys()
    assert extract2 != extract1 and render2 == render1
    (fake_package / "extractors" / "data" / "verbs.txt").write_text("say\ntell\n")  # word lists are code too
    extract3, _ = _keys()
    assert extract3 != extract2
    (fake_package / "model" / "brief.py").write_text("B = 2\n")  # the model is both stages'
    extract4, render4 = _keys()
    assert extract4 != extract3 and render4 != render1
    (fake_package / "cli.py").write_text("C = 2\n")
    assert _keys() == (extract4, render4)  # the command line renders nothing


def test_ui_catalog_digest_follows_the_locales_own_catalogs(tmp_path):
    for loc in ("ru", "fr"):
        (tmp_path / loc / "LC_MESSAGES").mkdir(parents=True)
        (tmp_path / loc / "LC_MESSAGES" / "messages.po").write_text(f"# {loc}\n")
    ru, fr = cache_mod.ui_catalog_digest(["ru"], tmp_path), cache_mod.ui_catalog_digest(["fr"], tmp_path)
    (tmp_path / "fr" / "LC_MESSAGES" / "messages.po").write_text("# fr, edited\n")
    assert cache_mod.ui_catalog_digest(["ru"], tmp_path) == ru
    assert cache_mod.ui_catalog_digest(["fr"], tmp_path) != fr
    # fr_CA falls back to fr: an fr edit is an fr_CA edit
    ca = cache_mod.ui_catalog_digest(["fr_CA", "fr"], tmp_path)
    (tmp_path / "fr" / "LC_MESSAGES" / "messages.mo").write_bytes(b"compiled")
    assert cache_mod.ui_catalog_digest(["fr_CA", "fr"], tmp_path) != ca


def test_content_catalog_digest_sees_the_catalog_beside_the_seed(tmp_path):
    seed = tmp_path / "a.md"
    seed.write_text("text")
    ru, fr = cache_mod.content_catalog_digest(seed, ["ru"]), cache_mod.content_catalog_digest(seed, ["fr"])
    (tmp_path / "a.ru.po").write_text('msgid ""\n')
    assert cache_mod.content_catalog_digest(seed, ["ru"]) != ru
    assert cache_mod.content_catalog_digest(seed, ["fr"]) == fr


def test_layout_digest_covers_its_files_and_the_shared_ones_only(tmp_path):
    root = tmp_path / "layouts"
    for name in ("one", "two"):
        (root / name).mkdir(parents=True)
        (root / name / "layout.toml").write_text(f'name = "{name}"\n')
        (root / name / "style.css").write_text("p {}\n")
    (root / "base.html.j2").write_text("base")
    (root / "_partials").mkdir()
    (root / "_partials" / "x.html.j2").write_text("x")
    one = SimpleNamespace(name="one", template="t", stylesheet="style.css", page_size="A4", path=root / "one",
                          files=sorted((root / "one").iterdir()))

    def d():
        return cache_mod.layout_digest(one, root)

    before = d()
    (root / "two" / "style.css").write_text("p { color: red }\n")  # another layout
    assert d() == before
    for changed in (root / "one" / "style.css", root / "base.html.j2", root / "_partials" / "x.html.j2"):
        changed.write_text(changed.read_text() + " ")
        after = d()
        assert after != before, changed
        before = after
