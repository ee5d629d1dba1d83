"""Reading and writing a Brief's JSON, validated against the schema."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import ValidationError

from .brief import Brief, OffCalendarError, date_bounds
from .errors import InputError

MAX_JSON_BYTES = 20_000_000  # a brief holds at most an article (2 MB) and pieces of it

# Characters a hand-edited brief may hold that break layout or PDF writing (control
# characters, lone surrogates, Unicode line/paragraph separators that WeasyPrint
# cannot break at). Each becomes ONE character, so every span's offsets still hold.
_UNPRINTABLE = {c: " " for c in [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F, *range(0x80, 0xA0)]}
_UNPRINTABLE.update({0x0D: "\n", 0x2028: "\n", 0x2029: "\n", 0xFEFF: " ", 0xFFFE: " ", 0xFFFF: " "})
_UNPRINTABLE.update({c: "\ufffd" for c in range(0xD800, 0xE000)})


def clean_strings(value):
    """``value`` (parsed JSON) with every string cleaned of unprintable characters,
    one character for one, so that spans (offsets into article.text) stay valid."""
    if isinstance(value, str):
        return value.translate(_UNPRINTABLE)
    if isinstance(value, list):
        return [clean_strings(v) for v in value]
    if isinstance(value, dict):
        return {k: clean_strings(v) for k, v in value.items()}
    return value


def dumps(brief) -> str:
    """The Brief as JSON text: what `briefdoc extract` writes and PDFs embed."""
    return brief.model_dump_json(indent=2) + "\n"


def load_brief(path: str | Path):
    """Read and validate a brief JSON. Raises InputError naming the file and the
    first field that fails the schema."""
    p = Path(path)
    if not p.exists():
        raise InputError(f"{p}: no such file; check the path")
    if p.is_dir():
        raise InputError(f"{p}: is a folder; give a brief JSON written by 'briefdoc extract'")
    try:
        with p.open("rb") as fh:
            raw = fh.read(MAX_JSON_BYTES + 1)
    except OSError as exc:
        raise InputError(f"{p}: cannot be read ({exc.strerror or exc}); check the file") from None
    if len(raw) > MAX_JSON_BYTES:
        raise InputError(f"{p}: over the {MAX_JSON_BYTES // 1_000_000} MB limit for a brief JSON; is this the right file?")
    return loads(raw, str(p))


def loads(raw: bytes | str, where: str = "<brief>"):
    """A validated Brief from JSON text."""
    if isinstance(raw, bytes):
        if not raw.strip():
            raise InputError(f"{where}: the file is empty; give a brief JSON written by 'briefdoc extract'")
        try:
            raw = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InputError(f"{where}: not UTF-8 text (byte {exc.start}); give a brief JSON written by 'briefdoc extract'") from None
    if not raw.strip():
        raise InputError(f"{where}: the file is empty; give a brief JSON written by 'briefdoc extract'")
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}:{exc.lineno}:{exc.colno}: not valid JSON ({exc.msg}); give a brief JSON written by 'briefdoc extract'") from None
    except RecursionError:
        raise InputError(f"{where}: the JSON is nested too deeply to be a brief") from None
    if not isinstance(data, dict):
        raise InputError(f"{where}: a brief JSON is an object ({{...}}), not a {type(data).__name__}; give a brief JSON written by 'briefdoc extract'")
    data = clean_strings(data)
    try:
        brief = Brief.model_validate(data)
    except ValidationError as exc:
        raise InputError(f"{where}: {describe_validation_error(exc)}; fix the brief or re-run 'briefdoc extract'") from None
    _check_dates(brief, where)
    return brief


def _check_dates(brief, where: str) -> None:
    """The schema checks a timeline date's shape, not that it exists: 2023-02-30
    or 2023-W53 would only fail later, inside a layout."""
    for i, event in enumerate(brief.timeline):
        try:
            date_bounds(event.date)
        except OffCalendarError as exc:
            raise InputError(f"{where}: field timeline[{i}].date: {exc}; fix the brief") from None
        except ValueError:
            raise InputError(f"{where}: field timeline[{i}].date: {event.date!r} is not a real date; fix the brief or re-run 'briefdoc extract'") from None


def describe_validation_error(exc) -> str:
    """The first error of a pydantic ValidationError as 'field a.b[0].c: message'."""
    err = exc.errors()[0]
    field = ""
    for part in err["loc"]:
        field += f"[{part}]" if isinstance(part, int) else (f".{part}" if field else str(part))
    msg = str(err["msg"])
    if msg.startswith("Value error, "):
        msg = msg[len("Value error, "):]
    more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
    return f"field {field}: {msg}{more}" if field else f"{msg}{more}"


def is_brief_json(path: Path) -> bool:
    return path.suffix.lower() == ".json"
