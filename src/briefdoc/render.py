"""HTML and PDF: a Brief, a layout and a locale to a document.

The HTML comes from the layout's Jinja2 template (autoescaped); the PDF from
WeasyPrint, which may read only the layout's own files and data: URIs."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from .brief import Brief
from .errors import InputError, RenderError
from .i18n import Localizer
from .layouts import BUILTIN_DIR, Layout


@dataclass
class PartyPositions:
    """One party's positions, for a layout's "positions by party" section."""

    party: object  # Actor or None
    positions: list


def group_positions(brief: Brief) -> list[PartyPositions]:
    """Positions grouped by party (the top of each actor's affiliation chain), parties
    in order of first appearance."""
    groups: dict[str, PartyPositions] = {}
    for pos in brief.positions:
        party = brief.party(pos.actor)
        key = party.id if party else ""
        groups.setdefault(key, PartyPositions(party=party, positions=[])).positions.append(pos)
    return list(groups.values())


def _inside(path: Path, folder: Path) -> bool:
    """Whether ``path``, symlinks followed, lies in ``folder``."""
    real, root = Path(path).resolve(), Path(folder).resolve()
    return real == root or root in real.parents


def _ConfinedLoader(searchpath):
    """A FileSystemLoader that refuses a template whose real path (symlinks
    followed) leaves its search folder: a layout reads only its own files."""
    import jinja2

    class ConfinedLoader(jinja2.FileSystemLoader):
        def get_source(self, environment, template):
            source, filename, uptodate = super().get_source(environment, template)
            if not any(_inside(filename, root) for root in self.searchpath):
                raise jinja2.TemplateNotFound(template, f"{template} points outside the layout folder")
            return source, filename, uptodate

    return ConfinedLoader(searchpath)


def _environment(layout: Layout):
    import jinja2
    from jinja2.sandbox import SandboxedEnvironment

    loader = _ConfinedLoader([str(layout.path), str(BUILTIN_DIR)])
    # Layouts come from other teams: templates run sandboxed (no __class__, __globals__...).
    env = SandboxedEnvironment(
        loader=loader,
        autoescape=True,
        extensions=["jinja2.ext.i18n"],
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env


def build_context(brief: Brief, layout: Layout, locale: str, content=None) -> dict:
    from .i18n import ContentTranslator

    l10n = Localizer(locale)
    if content is None:
        content = ContentTranslator(locale, brief.article.language)
    return {
        "tr": content,
        "brief": brief,
        "article": brief.article,
        "layout": layout,
        "l10n": l10n,
        "lang": l10n.lang,
        "dir": l10n.dir,
        "parties": group_positions(brief),
        "actor": brief.actor,
        "party": brief.party,
    }


def render_html(brief: Brief, layout: Layout, locale: str, *, content=None, inline_css: bool = True) -> str:
    """The brief as HTML. With ``inline_css`` the layout's CSS is placed in a <style>
    element, so the file stands alone."""
    import jinja2

    env = _environment(layout)
    ctx = build_context(brief, layout, locale, content)
    env.install_gettext_translations(ctx["l10n"].translations, newstyle=True)
    css_path = layout.path / layout.stylesheet
    if not _inside(css_path, layout.path):
        raise RenderError(f"{layout.path / 'layout.toml'}: stylesheet {layout.stylesheet!r} points outside the layout folder; keep it in the folder")
    try:
        css = css_path.read_text(encoding="utf-8") if inline_css else ""
    except (OSError, UnicodeDecodeError) as exc:
        raise RenderError(f"{css_path}: cannot read the stylesheet ({exc}); save it as UTF-8 in the layout folder") from None
    # Markup: CSS must not be HTML-escaped (quotes would become &#34; and drop font rules).
    ctx["inline_css"] = Markup(css.replace("</", "<\\/"))
    ctx["page_footer_css"] = Markup(ctx["l10n"].page_footer_css())
    try:
        template = env.get_template(layout.template)
        return template.render(**ctx)
    except jinja2.TemplateSyntaxError as exc:
        where = exc.filename or layout.template
        raise RenderError(f"{where}:{exc.lineno}: template syntax error: {exc.message}; fix the layout") from None
    except jinja2.TemplateError as exc:
        raise RenderError(f"{layout.path / layout.template}: template error: {exc}; fix the layout") from None


def render_pdf(brief: Brief, layout: Layout, locale: str, *, content=None) -> bytes:
    """The brief as PDF bytes. ``content`` is an i18n.ContentTranslator (default:
    no content translations)."""
    import weasyprint

    html = render_html(brief, layout, locale, content=content)
    document = weasyprint.HTML(string=html, base_url=str(layout.path) + os.sep, url_fetcher=_fetcher(layout))
    try:
        return document.write_pdf()
    except Exception as exc:  # WeasyPrint raises many kinds; the user needs one line
        raise RenderError(f"layout {layout.name!r}: rendering failed: {exc}") from None


def _fetcher(layout: Layout):
    """A URL fetcher that serves the layout folder's files and data: URIs, nothing else."""
    import weasyprint

    root = layout.path.resolve()

    class LayoutOnlyFetcher(weasyprint.URLFetcher):
        def fetch(self, url, headers=None):
            from urllib.parse import unquote, urlparse

            parsed = urlparse(url)
            if parsed.scheme == "data":
                return super().fetch(url, headers)
            if parsed.scheme == "file":
                path = Path(unquote(parsed.path)).resolve()
                if path == root or root in path.parents:
                    return super().fetch(url, headers)
            raise ValueError(f"briefdoc does not fetch {url!r}: only the layout's own files and data: URIs")

    return LayoutOnlyFetcher()


def write_atomic(path: Path, data: bytes | str) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a
    rename, so that a reader never sees half a file."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        what = "is a file, not a folder" if folder.exists() else "output folder does not exist"
        raise InputError(f"{folder}: {what}; create the folder or choose another -o")
    if path.is_dir():
        raise InputError(f"{path}: is a folder; give a file name for the output (-o {path / path.name}.pdf)")
    if isinstance(data, str):
        data = data.encode("utf-8")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise InputError(f"{folder}: cannot write there ({exc.strerror}); choose another output folder") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):  # a full disk, a read-only mount
            raise InputError(f"{path}: cannot write ({exc.strerror or exc}); free some space or choose another output folder") from None
        raise
