"""Reading seeds: a text, Markdown or HTML file, with optional YAML front matter,
into an Article."""

from __future__ import annotations

import codecs
import datetime as dt
import re
import threading
import unicodedata
import warnings
from pathlib import Path

import yaml

from ..extractors import timex
from ..model.brief import LANGUAGE_TAG, Article, url_problem
from ..model.errors import InputError
from . import byline
from .htmltext import read_page
from .seeds import MAX_BYTES, read_limited

_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufeff\ufffe\uffff\ud800-\udfff]")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)


_MAGIC = {
    b"%PDF-": "a PDF file; save its text (for example with pdftotext) and give that",
    b"\x89PNG\r\n\x1a\n": "a PNG image",
    b"GIF87a": "a GIF image",
    b"GIF89a": "a GIF image",
    b"\xff\xd8\xff": "a JPEG image",
    b"PK\x03\x04": "a ZIP archive (or a Word/OpenDocument file); save the article as text",
    b"\x1f\x8b": "a gzip archive",
    b"\x7fELF": "a program",
    b"{\\rtf": "an RTF document; save the article as plain text",
}
_BINARY = "this looks like a binary file, not an article; give a text, Markdown or HTML file"
# Encodings of alphabets written mostly with bytes >= 0x80 (a legacy Cyrillic file).
_NON_LATIN_SCRIPTS = ("CYRILLIC", "GREEK", "HEBREW", "ARABIC")


class DecodeWarning(UserWarning):
    """A seed was read, but not byte for byte: a few bytes that are not UTF-8 in a
    UTF-8 file were replaced (the message names their offsets)."""


# A UTF-8 file with a few stray bytes stays UTF-8 when its well-formed non-ASCII
# characters outnumber its bad sequences; otherwise it is read as a legacy encoding.
# A legacy file (cp1252, cp1251) has next to no well-formed UTF-8 sequence: one needs
# a capital accented letter followed by a punctuation byte, for one.
_bad_utf8 = threading.local()


def _mark_bad_utf8(exc: UnicodeDecodeError):
    _bad_utf8.offsets.append(exc.start)
    return "\ufffd", exc.end


codecs.register_error("briefdoc-mark-bad-utf8", _mark_bad_utf8)


def _mostly_utf8(data: bytes, path: str) -> str | None:
    """``data`` read as UTF-8 with U+FFFD for each bad sequence, and a DecodeWarning
    naming their byte offsets, when it is mostly UTF-8; else None."""
    _bad_utf8.offsets = []
    try:
        text = data.decode("utf-8", errors="briefdoc-mark-bad-utf8")
        bad = _bad_utf8.offsets
    finally:
        del _bad_utf8.offsets
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    if non_ascii - len(bad) <= len(bad):
        return None
    more = f" (and {len(bad) - 1} more: {', '.join(map(str, bad[1:4]))}{'...' if len(bad) > 4 else ''})" if len(bad) > 1 else ""
    warnings.warn(DecodeWarning(f"{path}: not UTF-8 at byte {bad[0]}{more}; read as UTF-8 with \ufffd in its place. "
                                "Save the file as UTF-8 to keep every character"), stacklevel=3)
    return text


def decode(data: bytes, path: str = "<input>") -> str:
    """Bytes to text: UTF-8 (with or without BOM; a few bad bytes in mostly-UTF-8 text
    become U+FFFD, with a DecodeWarning naming where), UTF-16 with a BOM, else a
    legacy encoding (detected with charset-normalizer, checked against the bytes'
    shape, falling back to cp1251 for mostly-Cyrillic bytes and cp1252 otherwise);
    binary data is refused."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError(f"{path}: starts like UTF-16 but does not decode; save the file as UTF-8") from None
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise InputError(f"{path}: this is {what}, not an article; give a text, Markdown or HTML file")
    if b"\x00" in data[:65536]:
        raise InputError(f"{path}: {_BINARY}")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = _mostly_utf8(data, path)
        if text is None:
            text = _decode_legacy(data, path)
    # Mostly control characters or private-use code points: binary, not text.
    odd = sum(1 for c in text if (ord(c) < 32 and c not in "\t\r\n\f") or 0xE000 <= ord(c) <= 0xF8FF or c == "\ufffd")
    if odd > max(2, len(text) // 100):
        raise InputError(f"{path}: {_BINARY}")
    return text


def _decode_legacy(data: bytes, path: str) -> str:
    high = sum(1 for b in data if b >= 0x80)
    latin_letters = sum(1 for b in data if 65 <= b <= 90 or 97 <= b <= 122)
    controls = sum(1 for b in data if b < 32 and b not in b"\t\r\n\f")
    spaces = data.count(b" ") + data.count(b"\n")
    if controls > max(2, len(data) // 100) or (len(data) > 200 and spaces < len(data) // 40):
        raise InputError(f"{path}: {_BINARY}")
    non_latin = high > latin_letters  # words written in high bytes: Cyrillic, Greek...
    # charset-normalizer (30 ms to import) is needed only for the rare file that is not UTF-8.
    from charset_normalizer import from_bytes

    matches = from_bytes(data)
    best = matches.best()
    if best is not None:
        # Ties are common (French reads as well in cp1250 as in cp1252): prefer the
        # Western default, by far the commonest legacy encoding of news text.
        for match in matches:
            if match.encoding in ("cp1252", "latin_1", "iso8859_15") and match.chaos <= best.chaos + 0.01 \
                    and match.coherence >= best.coherence - 0.01:
                best = match
                break
        text = str(best)
        if _plausible(text, non_latin, len(data)):
            return text
    # Short texts are easy to misdetect: fall back on the commonest legacy encodings.
    if non_latin:
        return data.decode("cp1251", errors="replace")
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _plausible(text: str, non_latin: bool, size: int) -> bool:
    """Whether a detected decoding fits the bytes: Latin letters when most letters
    were ASCII, one alphabet (Cyrillic, Greek, Hebrew, Arabic) when most were high
    bytes; anything else (CJK, for one) only for a long text."""
    letters = [c for c in text if ord(c) >= 0x80 and c.isalpha()]
    if not letters:
        return True
    scripts: dict[str, int] = {}
    for c in letters:
        name = unicodedata.name(c, "")
        script = name.split(" ", 1)[0]
        scripts[script] = scripts.get(script, 0) + 1
    script, count = max(scripts.items(), key=lambda kv: kv[1])
    if count < 0.9 * len(letters):
        return False
    if not non_latin:
        return script == "LATIN"
    return script in _NON_LATIN_SCRIPTS or size >= 2000


def _yaml_loader():
    """A safe YAML loader that leaves dates as text, so that an impossible date
    (2023-02-30) is reported by ``_published`` rather than crashing the parser."""
    class Loader(yaml.SafeLoader):
        pass

    Loader.yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    return Loader


def _parse_front_matter(block: str, path: str) -> dict:
    try:
        meta = yaml.load(block, Loader=_yaml_loader())  # noqa: S506 (a SafeLoader subclass)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" line {mark.line + 2}:" if mark is not None else ""
        problem = getattr(exc, "problem", None) or "invalid syntax"
        raise InputError(f"{path}:{where} the front matter is not valid YAML ({problem}); fix it or remove the --- block") from None
    except (ValueError, TypeError, RecursionError) as exc:  # constructors may raise these on odd input
        raise InputError(f"{path}: the front matter cannot be read ({exc}); fix it or remove the --- block") from None
    if meta is None:
        return {}
    if not isinstance(meta, dict):
        raise InputError(f"{path}: the front matter must be a YAML mapping (key: value lines)")
    for key in ("title", "published", "date", "source", "url", "language"):
        value = meta.get(key)
        if value is not None and not isinstance(value, (str, int, float, bool, dt.date)):
            raise InputError(f"{path}: front matter {key}: must be a single value, not a {type(value).__name__}; fix the --- block")
    return meta


def _published(value, path: str) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        if not re.match(r"\d{4}-\d{2}-\d{2}(?:$|[T ])", text):
            raise ValueError(text)
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        raise InputError(f"{path}: published: {text!r} is not a real date; write it as YYYY-MM-DD") from None


def parse(raw: str, path: str = "<input>") -> Article:
    """Text (with optional front matter) to an Article; InputError for a text over
    the article limit (MAX_BYTES characters)."""
    if len(raw) > MAX_BYTES:
        raise InputError(f"{path}: {len(raw):,} characters is over the {MAX_BYTES / 1e6:.0f} MB limit for one article; "
                         "split it or trim it")
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    if raw.startswith("\ufeff"):
        raw = raw[1:]
    # Control characters (other than tab and newline) are noise from copy and paste;
    # they would also make the XML inside a PDF invalid.
    raw = _CONTROLS.sub("", raw.replace("\f", "\n").replace("\u2028", "\n").replace("\u2029", "\n").replace("\x85", "\n"))
    meta: dict = {}
    m = _FRONT_MATTER.match(raw)
    if m:
        meta = _parse_front_matter(m.group(1), path)
        raw = raw[m.end():]
    body = raw
    page_date = None
    if _looks_like_html(body):

        page = read_page(body)
        body, page_date = page.text, page.published
        meta.setdefault("title", page.title)
    text = body.strip("\n").rstrip()
    if not text.strip():
        raise InputError(f"{path}: the article has no text; give a file with the article's text")
    # bylines, credits and date lines are no headline; a credit may name the outlet (read/byline.py)
    head, credit = byline.headline(text)
    title = meta.get("title") or head
    language = str(meta.get("language") or "en").strip()
    if not re.fullmatch(LANGUAGE_TAG, language):
        raise InputError(f"{path}: language: {language[:80]!r} is not a language tag (en, fr, pt-BR); fix it in the front matter")
    published = _published(meta.get("published", meta.get("date")), path)
    if published is None and "published" not in meta and "date" not in meta:
        published = page_date or stated_date(text)
    return Article(
        title=str(title).strip(),
        published=published,
        source=_opt_str(meta.get("source")) or credit,
        url=_url(meta.get("url"), path),
        language=language,
        text=text,
    )


# What may stand beside the date on a date line: "Published: ...", "Updated ... 14:02 GMT", "By Jane Roe |",
# "· 3 min read".
_DATE_LINE_REST = re.compile(
    r"(?i)(?:\b(?:first|last)\s+)?\b(?:published|updated|posted|modified|dated?)\b|\bon\b|\bat\b"
    r"|\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\b\.?"
    r"|\b\d{1,2}[:.]\d{2}(?:\s*(?:[ap]\.?m\.?))?|\b[ap]\.?m\b\.?"
    r"|\b(?:gmt|utc|bst|cet|cest|eet|eest|msk|est|edt|cst|cdt|pst|pdt|et|pt|ist|ast|local\s+time)\b"
    r"|\b\d+\s+min(?:ute)?s?\s+read\b|(?-i:\b[Bb]y\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})"
    r"|[\s|·•,:;()\[\]/—–-]+")
# Numbers-only dates on a date line that the tagger leaves: 28.02.2023 (day first), 2023/02/28 (slashed
# day-month dates, 28/02/2023, are the tagger's).
_NUMERIC_DATE = re.compile(r"\b(?:(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})|(?P<y2>\d{4})[/.-](?P<m2>\d{1,2})[/.-](?P<d2>\d{1,2}))\b")
# A wire dateline: a place in capitals (and region), the date, an agency in brackets, a dash.
_DATELINE_BEFORE = re.compile(r"[A-Z][A-Z .'’-]+(?:,\s*[A-Z][A-Za-z.]*(?:\s+[A-Z][A-Za-z.]*){0,2})?,?\s*$")
_DATELINE_AFTER = re.compile(r"\s*(?:\([^()\n]{1,40}\))?\s*(?:—|–|--?|:)\s")
_DATE_LINES = 6  # the lines of the article's head where a date line may stand


def stated_date(text: str) -> dt.date | None:
    """The publication date that an article copied from the web or the wire states in its first lines,
    when it has no front matter: a line that is only a full date with its labels ("Published: 28
    February 2023", "Tue 28 Feb 2023 09.15 GMT", "By Jane Roe | 28.02.2023"), or a wire dateline
    ("YEREVAN, Feb. 28, 2023 (Reuters) - "). A date without its year is not enough: None then."""
    lines = [line.strip() for line in text.split("\n", 40)[:40] if line.strip()][:_DATE_LINES]
    for line in lines:
        head = line[:200]
        found = [t for t in timex.tag(head) if t.type in ("DATE", "TIME")]
        full = [t for t in found if t.type == "DATE" and re.fullmatch(r"\d{4}-\d\d-\d\d", t.value)
                and not _either_way(t.text)]
        if full:
            first = full[0]
            if (_DATELINE_BEFORE.fullmatch(head[:first.start]) and _DATELINE_AFTER.match(head, first.end)
                    and head[:first.start].strip()):
                return _date(first.value)
        if len(line) > 100:
            continue
        rest = line
        for t in sorted(found, key=lambda t: -t.start):
            rest = rest[:t.start] + " " + rest[t.end:]
        numeric = None
        if not full:
            numeric = _numeric_date(rest)
            if numeric is None:
                continue
            rest = _NUMERIC_DATE.sub(" ", rest, count=1)
        if _DATE_LINE_REST.sub("", rest).strip() == "":
            return _date(full[0].value) if full else numeric
    return None


def _either_way(expr: str) -> bool:
    """03/04/2023: day or month first? Both readings are dates, so it says neither."""
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/\d{2,4}", expr.strip())
    return bool(m) and int(m[1]) <= 12 and int(m[2]) <= 12 and m[1] != m[2]


def _date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def _numeric_date(text: str) -> dt.date | None:
    m = _NUMERIC_DATE.search(text)
    if m is None:
        return None
    if m["d"]:
        y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
    else:
        y, mo, d = int(m["y2"]), int(m["m2"]), int(m["d2"])
    try:
        return dt.date(y, mo, d)
    except ValueError:
        return None


def _opt_str(value) -> str | None:
    return None if value is None else str(value).strip() or None


def _url(value, path: str) -> str | None:
    """The article's web address: http, https or mailto only, the check a brief
    JSON's article.url passes (a file: or javascript: link has no place in a
    printed brief)."""
    url = _opt_str(value)
    problem = url_problem(url) if url is not None else None
    if problem:
        raise InputError(f"{path}: url: {problem}; fix or remove it in the front matter")
    return url


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
        raise InputError(f"{p}: is a folder, not an article file; give a .txt, .md or .html file")
    try:
        data = read_limited(p)
    except PermissionError:
        raise InputError(f"{p}: cannot be read (permission denied); check the file's permissions") from None
    except OSError as exc:
        raise InputError(f"{p}: cannot be read ({exc.strerror or exc}); check the path") from None
    if data is None:
        size = _size(p)
        what = f"{size / 1e6:.1f} MB is" if size else "it is"
        raise InputError(
            f"{p}: {what} over the {MAX_BYTES / 1e6:.0f} MB limit for one article; split it or trim it"
        )
    return article_from_bytes(data, str(p))


def article_from_bytes(data: bytes, path: str = "<input>") -> Article:
    """A seed's bytes (read already, at most MAX_BYTES) into an Article, as read_article
    reads the file ``path`` (a build on a cluster ships the bytes to the worker)."""
    if len(data) > MAX_BYTES:
        raise InputError(f"{path}: over the {MAX_BYTES / 1e6:.0f} MB limit for one article; split it or trim it")
    if not data.strip():
        raise InputError(f"{path}: the file is empty (or only whitespace); give a file with the article's text")
    return parse(decode(data, path), path)


def _size(p: Path) -> int:
    try:
        return p.stat().st_size
    except OSError:
        return 0
