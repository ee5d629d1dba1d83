"""The HTML of a brief: the layout's Jinja2 template, sandboxed and autoescaped,
rendered with the context (context.py) and the print CSS inlined, so that the file
stands alone and ``weasyprint out.html out.pdf`` gives the same-looking PDF."""

from __future__ import annotations

import functools
import types
from pathlib import Path, PurePath

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup

from ..model.dossier import Dossier
from ..model.errors import InputError, RenderError
from ..model.resources import LAYOUTS, data_dir
from . import fonts
from .context import build_context, excerpt, page_css, plain
from .dossier import dossier_context
from .layouts import Layout


def _inside(path: Path, folder: Path) -> bool:
    """Whether ``path``, symlinks followed, lies in ``folder``."""
    real, root = Path(path).resolve(), Path(folder).resolve()
    return real == root or root in real.parents


def _ConfinedLoader(searchpath):
    """A FileSystemLoader that refuses a template whose real path (symlinks
    followed) leaves its search folder: a layout reads only its own files."""
    class ConfinedLoader(jinja2.FileSystemLoader):
        def get_source(self, environment, template):
            source, filename, uptodate = super().get_source(environment, template)
            if not any(_inside(filename, root) for root in self.searchpath):
                raise jinja2.TemplateNotFound(template, f"{template} points outside the layout folder")
            return source, filename, uptodate

    return ConfinedLoader(searchpath)


_UNSAFE_ATTRIBUTES = {"parse_file", "parse_raw", "from_orm", "model_construct", "load", "merge", "add", "mro"}


def _sandbox_class():
    """Jinja2's immutable sandbox, also closed to the filesystem: no attribute of a
    path (``layout.path.joinpath('/etc/passwd').read_text()``), class or module, and
    none of the few model methods that read files or mutate shared state."""
    class LayoutSandbox(ImmutableSandboxedEnvironment):
        def is_safe_attribute(self, obj, attr, value):
            if isinstance(obj, (PurePath, type, types.ModuleType)) or attr in _UNSAFE_ATTRIBUTES:
                return False
            return super().is_safe_attribute(obj, attr, value)

    return LayoutSandbox


@functools.lru_cache(maxsize=16)
def _environment(layout: Layout):
    """The Jinja2 environment of a layout, built once per process (templates are
    compiled once; gettext translations are installed per render)."""
    loader = _ConfinedLoader([str(layout.path), str(data_dir(LAYOUTS))])
    # Layouts come from other teams: templates run sandboxed (no __class__, __globals__...).
    env = _sandbox_class()(
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


def template_html(brief, layout: Layout, locale: str, *, content=None, inline_css: bool = True, fit: int = 0) -> str:
    """The HTML of ``brief`` from ``layout``'s template, the selection shrunk ``fit`` times."""
    env = _environment(layout)
    if layout.kind == "dossier":
        ctx = dossier_context(brief, layout, locale, content, fit=fit)
    elif isinstance(brief, Dossier):
        raise InputError(f"layout {layout.name!r} shows one article's brief; render a dossier with a dossier layout (kind = \"dossier\" in layout.toml)")
    else:
        ctx = build_context(brief, layout, locale, content, fit=fit)
    l10n = ctx["l10n"]
    env.install_gettext_translations(l10n.translations, newstyle=True)
    css_path = layout.path / layout.stylesheet
    if not _inside(css_path, layout.path):
        raise RenderError(f"{layout.path / 'layout.toml'}: stylesheet {layout.stylesheet!r} points outside the layout folder; keep it in the folder")
    try:
        css = css_path.read_text(encoding="utf-8") if inline_css else ""
    except (OSError, UnicodeDecodeError) as exc:
        raise RenderError(f"{css_path}: cannot read the stylesheet ({exc}); save it as UTF-8 in the layout folder") from None
    running_date = ctx["running_date"] if "running_date" in ctx else (
        l10n.date_long(brief.article.published) if brief.article.published else "")
    # Markup: CSS must not be HTML-escaped (quotes would become &#34; and drop font rules);
    # values inside it are CSS-escaped with css_string.
    ctx["font_css"] = Markup(fonts.font_css(locale))
    ctx["print_css"] = Markup(page_css(layout, l10n, running_date) + ctx["_css"]["hyphenation"])
    ctx["inline_css"] = Markup(css.replace("</", "<\\/"))
    ctx["page_footer_css"] = Markup(l10n.page_footer_css())
    try:
        template = env.get_template(layout.template)
        html = template.render(**ctx, untranslated_legend=False)
        if ctx["tr"].untranslated:
            html = template.render(**ctx, untranslated_legend=True)
        return html
    except jinja2.TemplateSyntaxError as exc:
        where = exc.filename or layout.template
        raise RenderError(f"{where}:{exc.lineno}: template syntax error: {exc.message}; fix the layout") from None
    except jinja2.TemplateError as exc:
        raise RenderError(f"{layout.path / layout.template}: template error: {exc}; fix the layout") from None
