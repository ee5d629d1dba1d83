"""The HTML of a brief: the layout's Jinja2 template, sandboxed and autoescaped,
rendered with the context (context.py) and the print CSS inlined, so that the file
stands alone and ``weasyprint out.html out.pdf`` gives the same-looking PDF."""

from __future__ import annotations

import functools
import os

import jinja2
from jinja2.loaders import split_template_path
from markupsafe import Markup

from ..model.dossier import Dossier
from ..model.errors import InputError, RenderError
from . import fonts
from .context import build_context, excerpt, page_css, plain
from .dossier import dossier_context
from .layouts import Layout, inside, read_file
from .sandbox import LayoutSandbox

# The HTML of one brief: a brief holds at most a 2 MB article and pieces of it, shown
# once or twice (translated, original); a template that writes more is running away.
MAX_HTML_CHARS = 16_000_000


class ConfinedLoader(jinja2.FileSystemLoader):
    """A FileSystemLoader that reads only regular files whose real path (symlinks
    followed) lies in its search folder, checked before reading: a layout reads only
    its own files (not /etc/passwd, not /proc/self/mem, not a FIFO)."""

    def get_source(self, environment, template):
        pieces = split_template_path(template)  # refuses ".." segments
        for root in self.searchpath:
            path = os.path.join(root, *pieces)
            if not os.path.lexists(path):
                continue
            try:
                data = read_file(root, os.path.join(*pieces))
            except OSError as exc:
                raise jinja2.TemplateNotFound(template, f"{template}: {exc.strerror or exc}") from None
            try:
                source = data.decode(self.encoding)
            except UnicodeDecodeError as exc:
                raise jinja2.TemplateError(f"{template}: not UTF-8 text (byte {exc.start}); save it as UTF-8") from None
            filename = os.path.normpath(path)
            mtime = os.path.getmtime(filename)

            def uptodate() -> bool:
                try:
                    return os.path.getmtime(filename) == mtime
                except OSError:
                    return False

            return source, filename, uptodate
        raise jinja2.TemplateNotFound(template)


@functools.lru_cache(maxsize=16)
def _environment(layout: Layout):
    """The Jinja2 environment of a layout, built once per process (templates are
    compiled once; gettext translations are installed per render)."""
    loader = ConfinedLoader([str(layout.path), str(layout.shared_dir)])
    # Layouts come from other teams: templates run sandboxed (no __class__, __globals__...).
    env = LayoutSandbox(
        loader=loader,
        autoescape=True,
        extensions=["jinja2.ext.i18n"],
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["excerpt"] = excerpt
    env.filters["plain"] = plain
    return env


def template_html(brief, layout: Layout, locale: str, *, content=None, inline_css: bool = True, fit=0,
                  ranking=None, attachment: str | None = None) -> str:
    """The HTML of ``brief`` from ``layout``'s template, its selection as ``fit`` (a
    Plan, or a fit level) says; ``ranking``: the brief's items ranked (selection.Ranking,
    computed when not given); ``attachment``: the name the brief's JSON is attached
    under in the PDF (None: it is not)."""
    return render_context(layout, context(brief, layout, locale, content=content, fit=fit, ranking=ranking,
                                          attachment=attachment), inline_css=inline_css)


def context(brief, layout: Layout, locale: str, *, content=None, fit=0, ranking=None, attachment=None) -> dict:
    """What ``layout``'s template sees (context.py, or dossier.py for a dossier layout)."""
    if layout.kind == "dossier":
        ctx = dossier_context(brief, layout, locale, content, fit=fit)
    elif isinstance(brief, Dossier):
        raise InputError(f"layout {layout.name!r} shows one article's brief; render a dossier with a dossier layout (kind = \"dossier\" in layout.toml)")
    else:
        ctx = build_context(brief, layout, locale, content, fit=fit, ranking=ranking, attachment=attachment)
    ctx["_css"]["locale"] = locale  # the fonts are chosen for the locale as asked
    return ctx


def render_context(layout: Layout, ctx: dict, *, inline_css: bool = True) -> str:
    """The HTML of ``layout``'s template rendered with ``ctx`` (from ``context``)."""
    env = _environment(layout)
    brief = ctx["brief"]
    l10n = ctx["l10n"]
    env.install_gettext_translations(l10n.translations, newstyle=True)
    css_path = layout.path / layout.stylesheet
    if not inside(css_path, layout.path):
        raise RenderError(f"{layout.path / 'layout.toml'}: stylesheet {layout.stylesheet!r} points outside the layout folder; keep it in the folder")
    try:
        css = read_file(layout.path, layout.stylesheet).decode("utf-8") if inline_css else ""
    except OSError as exc:
        raise RenderError(f"{css_path}: cannot read the stylesheet ({exc.strerror or exc}); keep it as a file in the layout folder") from None
    except UnicodeDecodeError as exc:
        raise RenderError(f"{css_path}: the stylesheet is not UTF-8 text (byte {exc.start}); save it as UTF-8") from None
    running_date = ctx["running_date"] if "running_date" in ctx else (
        l10n.date_long(brief.article.published) if brief.article.published else "")
    # Markup: CSS must not be HTML-escaped (quotes would become &#34; and drop font rules);
    # values inside it are CSS-escaped with css_string.
    ctx["font_css"] = Markup(fonts.font_css(ctx["_css"]["locale"]))
    ctx["print_css"] = Markup(page_css(layout, l10n, running_date) + ctx["_css"]["hyphenation"])
    ctx["inline_css"] = Markup(css.replace("</", "<\\/"))
    ctx["page_footer_css"] = Markup(l10n.page_footer_css())
    try:
        template = env.get_template(layout.template)
        legend = _Legend(ctx["tr"])
        html = _render(template, layout, ctx, untranslated_legend=legend)
        if legend.answered_too_early():  # a layout that asks before its last content: once more, knowing
            html = _render(template, layout, ctx, untranslated_legend=True)
        return html
    except jinja2.TemplateSyntaxError as exc:
        where = exc.filename or layout.template
        raise RenderError(f"{where}:{exc.lineno}: template syntax error: {exc.message}; fix the layout") from None
    except jinja2.TemplateError as exc:
        raise RenderError(f"{layout.path / layout.template}: template error: {exc}; fix the layout") from None
    except RecursionError:
        raise RenderError(f"{layout.path / layout.template}: the template recurses too deeply (a macro that calls "
                          "itself without end?); fix the layout") from None


class _Legend:
    """``untranslated_legend`` for a template: true when some content shown so far came
    back untranslated. The built-in layouts ask at the end of the document, once all of
    it is shown, so that one rendering knows; a layout that asks earlier and is then
    proven wrong is rendered once more (``answered_too_early``)."""

    def __init__(self, tr):
        self._tr = tr
        self._said_no = False

    def __bool__(self) -> bool:
        answer = self._tr.untranslated
        self._said_no = self._said_no or not answer
        return answer

    def answered_too_early(self) -> bool:
        return self._said_no and self._tr.untranslated


def _render(template, layout: Layout, ctx: dict, **more) -> str:
    """``template.render(**ctx, **more)``, stopped once the HTML is over MAX_HTML_CHARS."""
    parts, size = [], 0
    for chunk in template.generate(**ctx, **more):
        size += len(chunk)
        if size > MAX_HTML_CHARS:
            raise RenderError(f"{layout.path / layout.template}: the template writes over {MAX_HTML_CHARS // 1_000_000} "
                              "million characters of HTML, far more than a brief holds; fix the layout")
        parts.append(chunk)
    return "".join(parts)
