"""``briefdoc preview``: the HTML rendering of one brief, served on this machine and
rebuilt whenever the seed (or brief JSON), its content catalogs or the layout's
files change; the page in the browser reloads itself.

A small standard-library HTTP server: ``/`` is the page, with a script that asks
``/__briefdoc__/wait?v=N`` (a long poll, answered as soon as the page is newer than
version N, or after 25 s) and reloads when it is. A thread looks at the watched
files' times and sizes four times a second and rebuilds when one changed: the seed
is extracted again only when it changed itself. A render that fails (a template
being edited) shows its one-line error as the page, and the next change tries
again. The server answers only requests addressed to the host it serves on (no
DNS rebinding from a web page), on 127.0.0.1 unless ``--host`` names another."""

from __future__ import annotations

import html
import http.server
import os
import socket
import sys
import threading
import time
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from .localize import ui
from .localize.content import catalog_sources, translator_for
from .localize.locales import fallback_chain
from .model.errors import BriefdocError, InputError
from .model.resources import LAYOUTS, data_dir
from .model.briefjson import is_brief_json, load_brief
from .pipeline import brief_from, render_locale, without_seed
from .read.article import read_article

POLL_SECONDS = 0.25  # how often the watched files are looked at
WAIT_SECONDS = 25.0  # the longest a browser's long poll is held open
WAIT_PATH = "/__briefdoc__/wait"

_RELOAD = """<script>/* briefdoc preview: reload when the page is rebuilt */
(function () {
  var version = %d;
  function wait() {
    fetch("%s?v=" + version, {cache: "no-store"})
      .then(function (r) { return r.text(); })
      .then(function (t) { if (t.trim() !== String(version)) { location.reload(); } else { wait(); } })
      .catch(function () { setTimeout(wait, 1000); });
  }
  wait();
})();
</script>
"""


class Preview:
    """One brief in one layout and locale, kept rendered as its files change."""

    def __init__(self, source: Path, *, layout: str, locale: str, layouts_dirs=(), translations: Path | None = None,
                 translations_dirs=(), use_fuzzy: bool = False, say=lambda message: None, quiet: bool = False):
        self.source = Path(source)
        self.layout_name = layout
        self.layouts_dirs = list(layouts_dirs)
        self.translations = Path(translations) if translations is not None else None
        self.use_fuzzy = use_fuzzy
        self.say = say
        self.quiet = quiet
        ui.use_catalog_dirs(list(translations_dirs))
        self.layout = self._layout()  # an unknown layout or a missing source: an error now, before serving
        if not self.source.is_file():
            brief_from(self.source)  # the reader's one-line error
        self.locale = render_locale(locale, self.source, self.translations)
        self.version = 0
        self.page = b""
        self.changed = threading.Condition()
        self._brief = None
        self._brief_stamp = None

    def _layout(self):
        # layouts are read again at each rebuild: an edited layout.toml counts
        from .render.layouts import get

        return get(self.layout_name, self.layouts_dirs)

    # -- what is watched ---------------------------------------------------------------

    def watched(self) -> list[Path]:
        """The files whose change rebuilds the page: the source, the seed a brief JSON
        remembers, the content catalogs for the locale (there or not yet), the
        layout's files and the shared templates."""
        paths = [self.source]
        brief = self._brief
        sources = catalog_sources(self.source, brief)
        paths += sources[1:]
        if self.translations is not None:
            paths.append(self.translations)
        else:
            paths += [src.with_name(f"{src.stem}.{loc}.po") for src in sources for loc in fallback_chain(self.locale)]
        try:
            paths += self.layout.files
        except InputError:
            pass  # the rebuild says what is wrong with the layout
        shared = data_dir(LAYOUTS)
        paths += sorted(p for p in shared.glob("*.j2") if p.is_file())
        return list(dict.fromkeys(paths))

    def stamps(self) -> dict:
        found = {}
        for path in self.watched():
            try:
                st = os.stat(path)
                found[path] = (st.st_mtime_ns, st.st_size, st.st_ino)
            except OSError:
                found[path] = None
        return found

    # -- rebuilding ----------------------------------------------------------------------

    def rebuild(self) -> None:
        """Render the page again (the brief again only if the source changed); a
        failure becomes the page, saying what is wrong."""
        started = time.perf_counter()
        try:
            self.layout = self._layout()
            page = self._render().encode("utf-8")
            what = f"rebuilt in {time.perf_counter() - started:.1f} s"
        except BriefdocError as exc:
            page = _error_page(str(exc)).encode("utf-8")
            what = f"error: {exc}"
        with self.changed:
            self.version += 1
            self.page = page
            self.changed.notify_all()
        if not self.quiet:
            print(f"briefdoc: preview {what}", file=sys.stderr, flush=True)

    def _render(self) -> str:
        # rendering loads WeasyPrint: only the preview's own thread pays for it
        from .render.html import render_html

        stamp = _stamp(self.source)
        if self._brief is None or stamp != self._brief_stamp:
            self._brief = load_brief(self.source) if is_brief_json(self.source) else _extract(self.source)
            self._brief_stamp = stamp
        brief = self._brief
        content = translator_for(brief, self.locale, self.source, self.translations, use_fuzzy=self.use_fuzzy)
        return render_html(without_seed(brief), self.layout, self.locale, content=content)

    def with_reload(self) -> tuple[int, bytes]:
        """(version, the page with the reload script)."""
        with self.changed:
            version, page = self.version, self.page
        script = (_RELOAD % (version, WAIT_PATH)).encode("utf-8")
        at = page.rfind(b"</body>")
        return version, (page[:at] + script + page[at:]) if at >= 0 else page + script

    def wait(self, version: int, timeout: float = WAIT_SECONDS) -> int:
        """The page's version once it is not ``version`` (or after ``timeout``)."""
        with self.changed:
            self.changed.wait_for(lambda: self.version != version, timeout=timeout)
            return self.version

    def watch(self, stop: threading.Event) -> None:
        """Rebuild whenever a watched file changes, until ``stop``."""
        seen = self.stamps()
        while not stop.wait(POLL_SECONDS):
            now = self.stamps()
            if now != seen:
                time.sleep(POLL_SECONDS)  # an editor writing in several steps: let it finish
                seen = self.stamps()
                self.rebuild()

    # -- serving -------------------------------------------------------------------------

    def serve(self, host: str = "127.0.0.1", port: int = 8000) -> None:
        """Serve until Ctrl-C (or SIGTERM)."""
        self.rebuild()
        try:
            server = _Server((host, port), _handler(self))
        except OSError as exc:
            raise InputError(f"{host}:{port}: cannot serve there ({exc.strerror or exc}); choose another --port "
                             "(0: any free one) or --host") from None
        bound_host, bound_port = server.server_address[:2]
        server.allowed_hosts = _allowed_hosts(host, bound_host, bound_port)
        shown = f"[{bound_host}]" if ":" in bound_host else bound_host
        print(f"briefdoc: preview of {self.source} ({self.layout.name}, {self.locale}) at http://{shown}:{bound_port}/ "
              "(Ctrl-C to stop)", file=sys.stderr, flush=True)
        stop = threading.Event()
        watcher = threading.Thread(target=self.watch, args=(stop,), name="briefdoc-preview-watch", daemon=True)
        watcher.start()
        try:
            server.serve_forever(poll_interval=0.2)
        except KeyboardInterrupt:
            pass  # Ctrl-C is how a preview ends
        finally:
            stop.set()
            server.server_close()
            with self.changed:
                self.version += 1  # let the long polls go
                self.changed.notify_all()


def _stamp(path: Path):
    try:
        st = os.stat(path)
        return (st.st_mtime_ns, st.st_size, st.st_ino)
    except OSError:
        return None


def _extract(path: Path):
    # extraction loads spaCy: once, in the preview's own thread
    from .extractors import extract

    article = read_article(path)
    return extract(article.text, article=article)


def _error_page(message: str) -> str:
    return ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>briefdoc preview: error</title>"
            "<style>body{font-family:sans-serif;max-width:46em;margin:3em auto;padding:0 1em;color:#222}"
            "pre{white-space:pre-wrap;background:#fbeaea;border-left:4px solid #a33;padding:1em}</style></head>"
            f"<body><h1>The preview could not be rebuilt</h1><pre id=\"briefdoc-error\">{html.escape(message)}</pre>"
            "<p>Fix it and save: the page reloads by itself.</p></body></html>")


def _allowed_hosts(asked: str, host: str, port: int) -> set[str] | None:
    """The Host headers a server on a loopback address answers (its own names: a web
    page elsewhere cannot reach it through a DNS name of its own); None (any) on
    another interface, which the user chose with --host."""
    if not (host.startswith("127.") or host == "::1"):
        return None
    names = {asked, host, "localhost", "127.0.0.1", "[::1]"}
    return {f"{name}:{port}" for name in names}


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True  # an open long poll never holds the exit
    allowed_hosts: set[str] | None = set()

    def __init__(self, address, handler):
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        super().__init__(address, handler)


def _handler(preview: Preview):
    class Handler(http.server.BaseHTTPRequestHandler):
        server_version = "briefdoc-preview"

        def do_GET(self):  # noqa: N802 (http.server's name)
            allowed = self.server.allowed_hosts
            if allowed is not None and self.headers.get("Host", "") not in allowed:
                return self._send(421, b"briefdoc preview: not this host\n", "text/plain; charset=utf-8")
            url = urlsplit(self.path)
            if url.path == "/":
                version, page = preview.with_reload()
                return self._send(200, page, "text/html; charset=utf-8", version)
            if url.path == WAIT_PATH:
                try:
                    since = int(parse_qs(url.query).get("v", ["-1"])[0])
                except ValueError:
                    since = -1
                return self._send(200, str(preview.wait(since)).encode("ascii"), "text/plain; charset=utf-8")
            return self._send(404, b"briefdoc preview: only / is served\n", "text/plain; charset=utf-8")

        def _send(self, code: int, body: bytes, kind: str, version: int | None = None):
            self.send_response(code)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            if version is not None:
                self.send_header("X-Briefdoc-Version", str(version))
            self.end_headers()
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the browser went away

        def log_message(self, format, *args):  # noqa: A002 (http.server's name)
            pass  # one line per request would drown the rebuild lines

    return Handler
