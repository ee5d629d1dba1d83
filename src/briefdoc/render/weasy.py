"""WeasyPrint, loaded once per process and confined: its shared libraries found in
one read of the linker's cache, one font configuration, and a URL fetcher that
serves only the layout's own files and data: URIs."""

from __future__ import annotations

import ctypes.util
import functools
import os
import re
import struct
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlparse

from ..model.errors import RenderError
from .layouts import Layout


def load_weasyprint():
    """``import weasyprint``, with its shared libraries found in one read of the
    linker's cache.

    WeasyPrint opens GObject, Pango, HarfBuzz and fontconfig by trying several names
    for each ("libgobject-2.0-0", "gobject-2.0-0", "gobject-2.0", ...); for every name
    that is not a file, cffi asks ``ctypes.util.find_library``, which on Linux runs
    ``ldconfig -p`` and then, on a miss, ``gcc`` and ``ld``: some twenty processes and
    0.2 s of every start. While WeasyPrint is imported, find_library answers from one
    ``ldconfig -p`` read with the same match as CPython's, and a name the cache does not
    know is a miss (WeasyPrint goes on to the next name, ending with the plain
    "libpango-1.0.so.0" that dlopen finds on its own). Without ldconfig, nothing changes."""
    if "weasyprint" in sys.modules:
        return sys.modules["weasyprint"]
    original = ctypes.util.find_library
    finder = _ldconfig_finder() if sys.platform.startswith("linux") else None
    if finder is not None:
        ctypes.util.find_library = finder
    try:
        import weasyprint  # here, with find_library answering from the linker's cache
    finally:
        ctypes.util.find_library = original
    _open_arrays_in_font_subsetting()
    return weasyprint


class _OpenArrayFFI:
    """WeasyPrint's cffi object as its font subsetting sees it, with one difference:
    ``new("T[N]", items)`` with N items is ``new("T[]", items)``, the same array.

    The subsetting asks for ``hb_codepoint_t[N]`` with N the glyph count of each font,
    and cffi parses every new type string with pycparser (about 2.5 ms, cached per
    string): some 75 parses and 0.2 s of CPU over the 18 renders of a seed, for arrays
    that differ only in length. ``T[]`` is one type, parsed once."""

    def __init__(self, ffi):
        self._ffi = ffi

    def __getattr__(self, name):
        return getattr(self._ffi, name)

    def new(self, cdecl, init=None):
        if isinstance(cdecl, str) and cdecl.endswith("]") and init is not None:
            base, _, count = cdecl[:-1].partition("[")
            if count.isdigit() and base.isidentifier() and hasattr(init, "__len__") and len(init) == int(count):
                return self._ffi.new(base + "[]", init)
        return self._ffi.new(cdecl, init)


def _open_arrays_in_font_subsetting() -> None:
    try:
        from weasyprint.pdf import fonts as pdf_fonts  # WeasyPrint is loaded by load_weasyprint, on first use
    except ImportError:
        return
    if not isinstance(pdf_fonts.__dict__.get("ffi"), _OpenArrayFFI) and "ffi" in pdf_fonts.__dict__:
        pdf_fonts.ffi = _OpenArrayFFI(pdf_fonts.ffi)


def _ldconfig_finder():
    """A find_library that reads ``ldconfig -p`` once; None when ldconfig cannot be run."""
    try:
        listing = subprocess.run(["/sbin/ldconfig", "-p"], stdin=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                 stdout=subprocess.PIPE, env={"LC_ALL": "C", "LANG": "C"}, timeout=10,
                                 check=True).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    # the ABI tag CPython's ctypes.util matches on (glibc's ldconfig -p)
    machine = os.uname().machine + ("-32" if struct.calcsize("l") == 4 else "-64")
    abi = {"x86_64-64": "libc6,x86-64", "ppc64-64": "libc6,64bit", "sparc64-64": "libc6,64bit",
           "s390x-64": "libc6,64bit", "ia64-64": "libc6,IA-64"}.get(machine, "libc6")

    def find_library(name: str) -> str | None:
        found = re.search(os.fsencode(r"\s+(lib%s\.[^\s]+)\s+\(%s" % (re.escape(name), abi)), listing)
        return os.fsdecode(found.group(1)) if found else None

    return find_library


def weasy_document(html: str, layout: Layout):
    weasyprint = load_weasyprint()
    try:
        return weasyprint.HTML(string=html, base_url=str(layout.path) + os.sep, url_fetcher=fetcher(layout)).render(
            font_config=font_config())
    except MemoryError:
        raise  # the render's memory limit (limits.py) names it
    except Exception as exc:  # also reached from render_html (fitting): one line, exit 3
        raise RenderError(f"layout {layout.name!r}: laying out the document failed: {type(exc).__name__}: {exc}") from None


@functools.lru_cache(maxsize=1)
def font_config():
    """One font configuration per process: fontconfig's font list is read once, not
    for every PDF (layouts declare no @font-face, so nothing is document-specific)."""
    load_weasyprint()
    from weasyprint.text.fonts import FontConfiguration  # after load_weasyprint, on first use

    return FontConfiguration()


def weasyprint_version() -> str:
    return load_weasyprint().__version__


# One document fetches each of its resources once or twice (WeasyPrint caches images;
# a stylesheet imported from two others comes twice). A stylesheet that imports itself,
# directly or round a cycle, would be fetched without end: a URL fetched more often
# than this, or a document fetching more than MAX_FETCHES resources, is refused.
MAX_FETCHES_PER_URL = 16
MAX_FETCHES = 2000


def fetcher(layout: Layout):
    """A URL fetcher, for one document, that serves the layout folder's files, the
    shared base folder's own files (not other layouts') and data: URIs, nothing else,
    and each of them at most MAX_FETCHES_PER_URL times (a stylesheet import cycle)."""
    weasyprint = load_weasyprint()
    root = layout.path.resolve()
    base = layout.shared_dir.resolve()
    counts: dict[str, int] = {}

    class LayoutOnlyFetcher(weasyprint.URLFetcher):
        def fetch(self, url, headers=None):
            key = url if not url.startswith("data:") else "data:"
            counts[key] = counts.get(key, 0) + 1
            counts[""] = total = counts.get("", 0) + 1
            if (key != "data:" and counts[key] > MAX_FETCHES_PER_URL) or total > MAX_FETCHES:
                raise ValueError(f"briefdoc does not fetch {url[:200]!r} again: fetched {counts[key]} times "
                                 f"({total} fetches in all); does a stylesheet import itself?")
            parsed = urlparse(url)
            if parsed.scheme == "data":
                return super().fetch(url, headers)
            if parsed.scheme == "file":
                path = Path(unquote(parsed.path)).resolve()
                if path == root or root in path.parents or path.parent == base:
                    return super().fetch(url, headers)
            raise ValueError(f"briefdoc does not fetch {url!r}: only the layout's own files and data: URIs")

    return LayoutOnlyFetcher()
