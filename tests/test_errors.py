"""Errors: exit codes as documented, one-line messages, atomic writes that leave
nothing behind (unit level; the CLI matrix is in test_cli.py)."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from briefdoc.model import errors
from briefdoc.model.errors import BriefdocError, InputError, OutputError, PartialBuildError, RenderError, one_line

ROOT = Path(__file__).resolve().parents[1]


def test_exit_codes_match_the_readme_table():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = dict(re.findall(r"^\| (\d) \| (.+?) \|$", readme, re.M))
    assert set(table) == {"0", "1", "2", "3", "4"}
    assert "internal" in table["1"] and "bad input" in table["2"] and "render" in table["3"] and "build" in table["4"]
    assert (BriefdocError.exit_code, InputError.exit_code, RenderError.exit_code, PartialBuildError.exit_code) == (1, 2, 3, 4)
    assert OutputError.exit_code == 2 and issubclass(OutputError, InputError)
    assert (errors.EXIT_OK, errors.EXIT_INTERNAL, errors.EXIT_INPUT, errors.EXIT_RENDER, errors.EXIT_PARTIAL) == (0, 1, 2, 3, 4)


@pytest.mark.parametrize(
    "message, expected",
    [
        ("plain", "plain"),
        ("two\nlines\r\n  and   spaces", "two lines and spaces"),
        ("bell\x07 and esc\x1b", "bell\\x07 and esc\\x1b"),
        ("rtl \u202e override", "rtl \\u202e override"),
    ],
)
def test_one_line(message, expected):
    assert one_line(message) == expected


def test_one_line_cuts_long_messages_in_the_middle():
    msg = "file.md: " + "x" * 2000 + "; fix it"
    line = one_line(msg, limit=200)
    assert len(line) <= 200 and line.startswith("file.md: ") and line.endswith("; fix it") and " ... " in line


# --- write_atomic -----------------------------------------------------------------------

def test_write_atomic_replaces_whole_files(tmp_path):
    from briefdoc.model.files import write_output as write_atomic

    target = tmp_path / "out.pdf"
    write_atomic(target, b"first")
    write_atomic(target, "second")
    assert target.read_bytes() == b"second"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.pdf"]


@pytest.mark.parametrize("exc", [KeyboardInterrupt, SystemExit, OSError(28, "No space left on device")])
def test_write_atomic_leaves_no_part_file(tmp_path, monkeypatch, exc):
    from briefdoc.model.files import write_output as write_atomic

    target = tmp_path / "out.pdf"
    target.write_bytes(b"old complete file")

    def fail(fd):
        raise exc

    monkeypatch.setattr(os, "fsync", fail)
    expected = InputError if isinstance(exc, OSError) else exc
    with pytest.raises(expected):
        write_atomic(target, b"new data that never lands")
    assert target.read_bytes() == b"old complete file"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.pdf"]


def test_write_atomic_bad_destinations(tmp_path):
    from briefdoc.model.files import write_output as write_atomic

    blocker = tmp_path / "somefile.txt"
    blocker.write_text("x")
    with pytest.raises(InputError, match="not a folder"):
        write_atomic(blocker / "out.pdf", b"x")
    with pytest.raises(InputError, match="does not exist"):
        write_atomic(tmp_path / "missing" / "out.pdf", b"x")
    with pytest.raises(InputError, match="is a folder"):
        write_atomic(tmp_path, b"x")


# --- brief JSON ---------------------------------------------------------------------------

def test_validation_errors_name_the_field(seed_brief):
    from briefdoc.model.briefjson import dumps, loads

    data = json.loads(dumps(seed_brief))
    data["timeline"][2]["date"] = "2022-12-1"
    with pytest.raises(InputError, match=r"b\.json: field timeline\[2\]\.date: date '2022-12-1' is not YYYY-MM-DD"):
        loads(json.dumps(data).encode(), "b.json")
    for impossible in ("2022-13", "2023-02-30", "2023-00", "2023-W53", "2023-W00"):
        data["timeline"][2]["date"] = impossible
        with pytest.raises(InputError, match=rf"field timeline\[2\]\.date: '{impossible}' is not a real date"):
            loads(json.dumps(data).encode(), "b.json")
    data = json.loads(dumps(seed_brief))
    data["quotes"][0]["speaker"] = "nobody"
    with pytest.raises(InputError, match=r"quotes\[0\]\.speaker: unknown actor id 'nobody'"):
        loads(json.dumps(data).encode(), "b.json")
    data = json.loads(dumps(seed_brief))
    data["surprise"] = 1
    with pytest.raises(InputError, match=r"field surprise: Extra inputs are not permitted"):
        loads(json.dumps(data).encode(), "b.json")
    data = json.loads(dumps(seed_brief))
    data["key_points"][0]["end"] += 3  # the span no longer says what the item says
    with pytest.raises(InputError, match=r"key_points\[0\]: article\.text\[\d+:\d+\] does not match"):
        loads(json.dumps(data).encode(), "b.json")
    with pytest.raises(InputError, match="an object .* not a list"):
        loads(b"[1, 2, 3]", "b.json")
    with pytest.raises(InputError, match="field article: Field required"):
        loads(b"{}", "b.json")
    with pytest.raises(InputError, match="not UTF-8"):
        loads(b"\xff\xfe{}", "b.json")
    with pytest.raises(InputError, match="nested too deeply|not valid JSON"):
        loads(b"[" * 100_000, "b.json")


def test_cleaning_keeps_spans(seed_brief):
    from briefdoc.model.briefjson import clean_strings, dumps, loads

    data = json.loads(dumps(seed_brief))
    # Dirty every piece of article text the same way, one character for one.
    dirty = {ord(" "): "\u2029", ord("e"): "\x07", ord("a"): "\ud800"}
    data["article"]["text"] = data["article"]["text"].translate(dirty)
    for kind, fields in (("key_points", ["text"]), ("quotes", ["text"]), ("positions", ["statement"]),
                         ("timeline", ["expression", "event", "sentence"])):
        for item in data[kind]:
            for field in fields:
                if field in item:  # an event that reads as written has no sentence
                    item[field] = item[field].translate(dirty)
    raw = json.dumps(data).encode()  # ensure_ascii: the lone surrogate travels as \ud800
    brief = loads(raw, "b.json")
    text = brief.article.text
    assert not any(c in text for c in "\u2029\x07\ud800") and "\ufffd" in text
    for k in brief.key_points:
        assert text[k.start:k.end] == k.text
    assert clean_strings({"a": ["\ud800x", 1, None]}) == {"a": ["\ufffdx", 1, None]}


def test_load_brief_file_errors(tmp_path):
    from briefdoc.model.briefjson import load_brief

    with pytest.raises(InputError, match="no such file"):
        load_brief(tmp_path / "missing.json")
    with pytest.raises(InputError, match="is a folder"):
        load_brief(tmp_path)
    (tmp_path / "empty.json").write_text("  \n")
    with pytest.raises(InputError, match="empty"):
        load_brief(tmp_path / "empty.json")
