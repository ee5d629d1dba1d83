"""PO files the way translators' tools read and write them, for the UI catalogs
(catalogs.py) and the content catalogs (content.py) alike:

- ``read``: Babel's reader, plus the previous msgctxt/msgid of a fuzzy entry
  (``#|`` lines, which Babel leaves among the translator comments);
- ``dumps``: the entries as msgmerge writes them (``#|`` previous msgctxt and msgid
  as PO strings, obsolete ``#~`` entries with their flags) under a header that
  ``msgfmt --check``, Poedit and Weblate accept (a real PO-Revision-Date, Language,
  Plural-Forms, no placeholder translator or team);
- ``merge``: a catalog brought up to date with a template, as ``msgmerge
  --previous`` and ``pybabel update`` do (Babel's ``Catalog.update``): unchanged
  messages keep their translation, changed ones become fuzzy with the previous
  msgid, removed ones stay as obsolete entries, and an obsolete entry whose
  message comes back is revived;
- ``progress``: translated, fuzzy and untranslated entries against a template.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from textwrap import TextWrapper

from babel.dates import format_datetime
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import escape, normalize, read_po, unescape

# What gettext, Babel and pybabel write where nobody has filled a field in yet.
_PLACEHOLDERS = ("FULL NAME", "LANGUAGE", "EMAIL@ADDRESS", "YEAR-MO-DA", "PROJECT", "VERSION", "ORGANIZATION")
# A previous-message line as Babel keeps it among the user comments: '| msgid "..."'.
_PREVIOUS = re.compile(r'^\|\s*(?:(msgctxt|msgid|msgid_plural)\s+)?(".*")\s*$')


def now() -> dt.datetime:
    """The time a catalog is written (UTC, to the minute, as PO headers hold it);
    SOURCE_DATE_EPOCH fixes it for reproducible files."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc)
    return dt.datetime.now(dt.timezone.utc).replace(second=0, microsecond=0)


def _placeholder(value) -> bool:
    return isinstance(value, str) and any(p in value for p in _PLACEHOLDERS)


def key(message: Message):
    """A message's key in a catalog: its msgid (the singular one), with its context."""
    msgid = message.id if isinstance(message.id, str) else message.id[0]
    return (msgid, message.context) if message.context is not None else msgid


# --- reading --------------------------------------------------------------------------

def _take_previous(message: Message) -> None:
    """Move the ``#|`` lines Babel read as translator comments into
    ``previous_id`` and ``previous_context``."""
    message.previous_context = getattr(message, "previous_context", None)
    if not any(c.startswith("|") for c in message.user_comments):
        return
    fields: dict[str, str] = {}
    current = None
    kept = []
    for comment in message.user_comments:
        m = _PREVIOUS.match(comment) if comment.startswith("|") else None
        if m is None:
            if not comment.startswith("|"):
                kept.append(comment)
            continue
        keyword, literal = m.groups()
        if keyword:
            current = keyword
            fields[current] = ""
        if current is not None:
            fields[current] += unescape(literal)
    message.user_comments = kept
    if "msgid" in fields:
        message.previous_id = [fields["msgid"]] + ([fields["msgid_plural"]] if "msgid_plural" in fields else [])
    message.previous_context = fields.get("msgctxt")


def read(data: bytes, *, locale: str | None = None, abort_invalid: bool = False) -> Catalog:
    """A catalog parsed from PO bytes. Raises Babel's PoFileError (with
    ``abort_invalid``), UnicodeDecodeError or ValueError when it is not one."""
    # msgmerge writes '#~|' previous lines for obsolete fuzzy entries: hints only, and
    # Babel's reader would take them for message lines.
    lines = [line for line in data.splitlines(keepends=True) if not line.startswith(b"#~|")]
    catalog = read_po(io.BytesIO(b"".join(lines)), locale=locale, abort_invalid=abort_invalid)
    for message in list(catalog) + list(catalog.obsolete.values()):
        if message.id:
            _take_previous(message)
    return catalog


# A catalog holds the translations of a brief's or a dossier's items: every sentence of a 2 MB
# article and its translation, with room. A larger file is not a catalog, and is not read whole
# to find out.
MAX_CATALOG_BYTES = 20_000_000


class CatalogTooLarge(ValueError):
    pass


def read_bytes(path: Path) -> bytes:
    """The bytes of the catalog at ``path``; CatalogTooLarge past MAX_CATALOG_BYTES (read no further)."""
    with open(path, "rb") as fh:
        data = fh.read(MAX_CATALOG_BYTES + 1)
    if len(data) > MAX_CATALOG_BYTES:
        raise CatalogTooLarge(f"over the {MAX_CATALOG_BYTES // 1_000_000} MB limit for a content catalog")
    return data


def read_file(path: Path, **kwargs) -> Catalog:
    return read(read_bytes(path), **kwargs)


# --- writing --------------------------------------------------------------------------

def _date(value) -> str:
    return format_datetime(value, "yyyy-MM-dd HH:mmZ", locale="en")


def header_fields(catalog: Catalog, *, template: bool = False) -> list[tuple[str, str]]:
    """The header of ``catalog`` as a PO file holds it. Placeholders left by
    gettext or Babel ("FULL NAME <EMAIL@ADDRESS>", "LANGUAGE <LL@li.org>") are
    written empty; a PO file's revision date is its creation date until someone
    revises it. A template has no language, translator, team or plural forms."""
    project = " ".join(v for v in (catalog.project, catalog.version) if v and not _placeholder(v)) or "briefdoc"
    fields = [("Project-Id-Version", project)]
    if catalog.msgid_bugs_address and not _placeholder(catalog.msgid_bugs_address):
        fields.append(("Report-Msgid-Bugs-To", catalog.msgid_bugs_address))
    fields.append(("POT-Creation-Date", _date(catalog.creation_date)))
    revised = catalog.revision_date
    if not isinstance(revised, (dt.datetime, dt.time, int, float)) or _placeholder(revised):
        revised = catalog.creation_date
    fields.append(("PO-Revision-Date", _date(revised)))
    translator = "" if template or _placeholder(catalog.last_translator) else catalog.last_translator or ""
    team = "" if template or _placeholder(catalog.language_team) else catalog.language_team or ""
    fields += [("Last-Translator", translator), ("Language-Team", team)]
    fields.append(("Language", "" if template else str(catalog.locale_identifier or "")))
    if not template and (catalog.locale is not None or catalog._num_plurals is not None):
        fields.append(("Plural-Forms", catalog.plural_forms))
    fields += [("MIME-Version", "1.0"), ("Content-Type", "text/plain; charset=UTF-8"),
               ("Content-Transfer-Encoding", "8bit")]
    return fields


def _string(text: str, width: int, prefix: str = "") -> str:
    return normalize(text or "", prefix=prefix, width=width)


def _comment(text: str, mark: str, width: int) -> list[str]:
    """A comment line (wrapped at spaces as Babel wraps them when ``width`` is set)."""
    if not text:
        return [f"#{mark}\n"]
    lines = TextWrapper(width=width, break_long_words=False).wrap(text) if width and width > 0 else [text]
    return [f"#{mark} {line.strip()}\n" for line in lines or [""]]


def _strings(message: Message, catalog: Catalog, width: int, prefix: str) -> list[str]:
    out = []
    if message.context is not None:
        out.append(f"{prefix}msgctxt {_string(message.context, width, prefix)}\n")
    if isinstance(message.id, (list, tuple)):
        out.append(f"{prefix}msgid {_string(message.id[0], width, prefix)}\n")
        out.append(f"{prefix}msgid_plural {_string(message.id[1], width, prefix)}\n")
        strings = list(message.string) if isinstance(message.string, (list, tuple)) else [message.string or ""]
        for i in range(catalog.num_plurals):
            value = strings[i] if i < len(strings) else ""
            out.append(f"{prefix}msgstr[{i}] {_string(value or '', width, prefix)}\n")
    else:
        out.append(f"{prefix}msgid {_string(message.id, width, prefix)}\n")
        string = message.string[0] if isinstance(message.string, (list, tuple)) else message.string
        out.append(f"{prefix}msgstr {_string(string or '', width, prefix)}\n")
    return out


def _previous(message: Message, width: int) -> list[str]:
    out = []
    context = getattr(message, "previous_context", None)
    if context is not None:
        out.append(f"#| msgctxt {_string(context, width, '#| ')}\n")
    out.append(f"#| msgid {_string(message.previous_id[0], width, '#| ')}\n")
    if len(message.previous_id) > 1:
        out.append(f"#| msgid_plural {_string(message.previous_id[1], width, '#| ')}\n")
    return out


def dumps(catalog: Catalog, *, width: int = 0, sort: bool = False, locations: bool = True,
          template: bool = False, obsolete: bool = True) -> bytes:
    """``catalog`` as PO (or, with ``template``, POT) bytes, entries in catalog
    order (or sorted by msgid), obsolete entries last."""
    out = [catalog.header_comment.rstrip("\n") + "\n"] if catalog.header_comment.strip() else []
    if catalog.fuzzy:
        out.append("#, fuzzy\n")
    out.append('msgid ""\nmsgstr ""\n')
    for name, value in header_fields(catalog, template=template):
        out.append(escape(f"{name}: {value}\n") + "\n")
    out.append("\n")
    messages = [m for m in catalog if m.id]
    if sort:
        messages.sort(key=lambda m: (m.id if isinstance(m.id, str) else m.id[0], m.context or ""))
    for m in messages:
        for c in m.user_comments:
            out += _comment(c, "", width)
        for c in m.auto_comments:
            out += _comment(c, ".", width)
        if locations and m.locations:
            refs = list(dict.fromkeys(f"{f}:{n}" if n else f for f, n in m.locations))
            out += _comment(" ".join(refs), ":", width)
        if m.flags:
            out.append("#, " + ", ".join(sorted(m.flags)) + "\n")
        if m.previous_id and m.fuzzy:
            out += _previous(m, width)
        out += _strings(m, catalog, width, "")
        out.append("\n")
    if obsolete:
        for m in catalog.obsolete.values():
            for c in m.user_comments:
                out += _comment(c, "", width)
            if m.fuzzy:
                out.append("#, fuzzy\n")
            out += _strings(m, catalog, width, "#~ ")
            out.append("\n")
    text = "".join(out)
    return (text[:-1] if text.endswith("\n\n") else text).encode("utf-8")


# --- merging --------------------------------------------------------------------------

@dataclass
class Merge:
    """What ``merge`` did: messages that kept their translation (or their empty
    one), that became fuzzy, that are new, that came back from the obsolete
    entries, and that became obsolete."""

    unchanged: int = 0
    fuzzy: int = 0
    new: int = 0
    revived: int = 0
    obsolete: int = 0
    changed: bool = False

    def summary(self) -> str:
        parts = [f"{self.unchanged} unchanged", f"{self.fuzzy} fuzzy", f"{self.new} new", f"{self.obsolete} obsolete"]
        if self.revived:
            parts.append(f"{self.revived} revived")
        return ", ".join(parts)


def _fingerprint(catalog: Catalog) -> list:
    """What a merge may change in a catalog, whatever the order of its entries;
    references are left out (they move with the extracted comments, and the UI
    catalogs do not write them), comments compared as one text (a long one is
    written wrapped and read back a line each)."""
    def one(m):
        return (repr(key(m)), m.id, m.string, sorted(m.flags), " ".join(m.auto_comments), " ".join(m.user_comments),
                list(m.previous_id or ()), getattr(m, "previous_context", None))
    return sorted([("", *one(m)) for m in catalog if m.id] + [("obsolete", *one(m)) for m in catalog.obsolete.values()],
                  key=repr)


def merge(catalog: Catalog, template: Catalog, *, fuzzy_matching: bool = True) -> Merge:
    """Bring ``catalog`` up to date with ``template`` in place (see the module's
    docstring). Obsolete entries take part as msgmerge lets them: one whose
    message is back is revived, and their translations are candidates for the
    fuzzy matches of changed messages. The creation date becomes the template's
    only when something changed."""
    before_print = _fingerprint(catalog)
    result = Merge()
    before = {key(m): m for m in catalog if m.id}
    # Obsolete entries join the live ones for the merge; those the template does not
    # take go back to being obsolete (Babel's update makes obsolete what it leaves).
    lent = {}
    for k, m in list(catalog.obsolete.items()):
        if k not in catalog._messages:
            del catalog.obsolete[k]
            catalog[m.id] = m
            lent[k] = m
    # Babel keys fuzzy candidates by the lower-cased msgid (the last translated one
    # wins): the same lookup finds the context of the message a fuzzy match came from.
    origin = {}
    for m in catalog:
        if m.id and m.string:
            origin[(m.id if isinstance(m.id, str) else m.id[0]).lower().strip()] = m.context
    created = catalog.creation_date
    catalog.update(template, no_fuzzy_matching=not fuzzy_matching, update_creation_date=True)
    for m in catalog:
        if not m.id:
            continue
        k = key(m)
        old = before.get(k) or lent.get(k)
        if old is not None:
            if k in lent:
                result.revived += 1
            else:
                result.unchanged += 1
            # Babel drops the previous msgid of an entry that stays fuzzy; msgmerge keeps it.
            if m.fuzzy and old.previous_id and not m.previous_id:
                m.previous_id = list(old.previous_id)
                m.previous_context = getattr(old, "previous_context", None)
            else:
                m.previous_context = getattr(m, "previous_context", None) if m.previous_id else None
        elif m.previous_id:
            result.fuzzy += 1
            m.previous_context = origin.get(m.previous_id[0].lower().strip())
        else:
            result.new += 1
            m.previous_context = None
    result.obsolete = len(set(catalog.obsolete) & set(before))
    result.changed = _fingerprint(catalog) != before_print
    if not result.changed:
        catalog.creation_date = created
    return result


# --- progress -------------------------------------------------------------------------

@dataclass
class Progress:
    """A catalog against a template: how many of the template's messages the
    catalog translates, has fuzzy, or leaves untranslated (``absent`` of them are
    not in the catalog at all: it was not updated since the template changed);
    ``extra`` active entries the template no longer has, ``obsolete`` #~ entries."""

    translated: int = 0
    fuzzy: int = 0
    untranslated: int = 0
    absent: int = 0
    extra: int = 0
    obsolete: int = 0
    problems: list = field(default_factory=list)  # (state, template message), in template order

    @property
    def total(self) -> int:
        return self.translated + self.fuzzy + self.untranslated

    @property
    def complete(self) -> bool:
        return self.fuzzy == 0 and self.untranslated == 0


def _translated(m: Message) -> bool:
    strings = m.string if isinstance(m.string, (list, tuple)) else [m.string]
    return bool(strings) and all(strings)


def progress(catalog: Catalog | None, template: Catalog) -> Progress:
    """How far ``catalog`` (None: no catalog yet) translates ``template``."""
    p = Progress()
    have = {key(m): m for m in catalog if m.id} if catalog is not None else {}
    wanted = set()
    for t in template:
        if not t.id:
            continue
        k = key(t)
        wanted.add(k)
        m = have.get(k)
        if m is not None and m.fuzzy and m.string:
            p.fuzzy += 1
            p.problems.append(("fuzzy", m))
        elif m is not None and _translated(m):
            p.translated += 1
        else:
            p.untranslated += 1
            p.absent += m is None
            p.problems.append(("untranslated", m if m is not None else t))
    p.extra = len(set(have) - wanted)
    p.obsolete = len(catalog.obsolete) if catalog is not None else 0
    return p
