"""Reading seeds: a text, Markdown or HTML file, with optional YAML front matter,
into an Article."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from .brief import Article
from .errors import InputError

MAX_BYTES = 2_000_000  # about 300,000 words: far more than any news article

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)


def decode(data: bytes, path: str = "<input>") -> str:
    """Bytes to text: UTF-8 (with or without BOM), else a detected legacy encoding;
    binary data is refused."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(f"{path}: this looks like a binary file, not an article; give a text, Markdown or HTML file")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError(f"{path}: cannot tell the text encoding; save the file as UTF-8")
    text = str(best)
    # Mostly control characters or private-use code points: binary, not text.
    odd = sum(1 for c in text if (ord(c) < 32 and c not in "\t\r\n\f") or 0xE000 <= ord(c) <= 0xF8FF)
    if odd > max(2, len(text) // 100):
        raise InputError(f"{path}: this looks like a binary file, not an article; give a text, Markdown or HTML file")
    return text


def _parse_front_matter(block: str, path: str) -> dict:
    import yaml

    try:
        meta = yaml.safe_load(block)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" line {mark.line + 2}" if mark is not None else ""
        raise InputError(f"{path}:{where} the front matter is not valid YAML; fix it or remove the --- block") from None
    if meta is None:
        return {}
    if not isinstance(meta, dict):
        raise InputError(f"{path}: the front matter must be a YAML mapping (key: value lines)")
    return meta


def _published(value, path: str) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        raise InputError(f"{path}: published: {value!r} is not a date; write it as YYYY-MM-DD") from None


def parse(raw: str, path: str = "<input>") -> Article:
    """Text (with optional front matter) to an Article."""
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    if raw.startswith("\ufeff"):
        raw = raw[1:]
    meta: dict = {}
    m = _FRONT_MATTER.match(raw)
    if m:
        meta = _parse_front_matter(m.group(1), path)
        raw = raw[m.end():]
    body = raw
    if _looks_like_html(body):
        from .htmltext import html_to_text

        html_title, body = html_to_text(body)
        meta.setdefault("title", html_title)
    text = body.strip("\n").rstrip()
    if not text.strip():
        raise InputError(f"{path}: the article has no text; give a file with the article's text")
    title = meta.get("title") or _first_line_title(text)
    language = str(meta.get("language") or "en")
    return Article(
        title=str(title).strip(),
        published=_published(meta.get("published", meta.get("date")), path),
        source=_opt_str(meta.get("source")),
        url=_opt_str(meta.get("url")),
        language=language,
        text=text,
    )


def _opt_str(value) -> str | None:
    return None if value is None else str(value).strip() or None


def _first_line_title(text: str) -> str:
    line = text.strip().split("\n", 1)[0].strip()
    if len(line) > 120:
        cut = line[:120].rsplit(" ", 1)[0]
        return cut + "…"
    return line


def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:1000].lower()
    return head.startswith(("<!doctype html", "<html")) or bool(re.search(r"<(body|p|div|article)[\s>]", head))


def read_article(path: str | Path) -> Article:
    """Read a seed file into an Article. Raises InputError with a one-line message."""
    p = Path(path)
    if not p.exists():
        raise InputError(f"{p}: no such file; check the path")
    if p.is_dir():
        raise InputError(f"{p}: is a folder, not an article file")
    try:
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise InputError(
                f"{p}: {size / 1e6:.1f} MB is over the {MAX_BYTES / 1e6:.0f} MB limit for one article; split it or trim it"
            )
        data = p.read_bytes()
    except PermissionError:
        raise InputError(f"{p}: cannot be read (permission denied)") from None
    if not data.strip():
        raise InputError(f"{p}: the file is empty; give a file with the article's text")
    return parse(decode(data, str(p)), str(p))
