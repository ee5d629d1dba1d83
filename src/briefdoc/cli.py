"""The command line: parses options, composes the pipeline's functions, turns
errors into one line on stderr and an exit code.

Exit codes: 0 success; 1 unexpected internal error; 2 bad input or usage
(missing, empty or invalid file, unknown layout or locale, unwritable output);
3 a render failure (broken layout, missing glyph); 4 a build where some outputs
failed (the others are written).

Heavy modules (spaCy, WeasyPrint) are imported inside commands only, so that
``briefdoc --help`` stays instant."""

from __future__ import annotations

import json
import os
import signal
import sys
import warnings
from pathlib import Path
from typing import Optional


def _is_command() -> bool:
    """This process is the briefdoc command (its script or ``python -m briefdoc``), not
    a program that imports briefdoc."""
    prog = sys.argv[0] if sys.argv else ""
    return os.path.basename(prog) == "briefdoc" or prog.endswith(os.path.join("briefdoc", "__main__.py"))


_COMMAND = _is_command()


def _exit_on_early_interrupt() -> None:
    """Ctrl-C while the command is still importing its modules (its first tenth of a
    second) exits 130 with one line, not a traceback from inside an import; main()
    then gives Ctrl-C back to Python. Only in the briefdoc command's own process."""
    if not _COMMAND:
        return

    def handler(signum, frame):
        os.write(2, b"briefdoc: interrupted\n")
        os._exit(130)

    try:
        signal.signal(signal.SIGINT, handler)
    except ValueError:  # not the main thread
        pass


_exit_on_early_interrupt()

import functools  # noqa: E402
import inspect  # noqa: E402
import typing  # noqa: E402

import typer  # noqa: E402

from .model.errors import EXIT_INPUT, EXIT_INTERNAL, EXIT_INTERRUPTED, BriefdocError, InputError, RenderError, one_line
from .model.version import __version__

app = typer.Typer(
    name="briefdoc",
    help="Turn news articles into print-ready, translated PDF briefing documents.",
    add_completion=True,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

# debug: tracebacks; verbosity: -1 quiet (errors only), 0, 1 verbose; config: --config FILE; settings: the loaded file
_state: dict = {"debug": False, "verbosity": 0, "config": None, "settings": None}


def _version(value: bool):
    if value:
        print(f"briefdoc {__version__}")
        raise typer.Exit()


_QUIET = "Print only errors (and what the command is for: its data, its JSON)."
_VERBOSE = "Say more: what each step did, which briefdoc.toml is used."
_DEBUG = "Show tracebacks on errors."
_CONFIG = "Settings file (default: briefdoc.toml in the working folder, if there is one)."


def _set_verbosity(quiet: bool, verbose: bool) -> None:
    if verbose:
        _state["verbosity"] = 1
    elif quiet:
        _state["verbosity"] = -1


@app.callback()
def _main(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version and exit."),
    debug: bool = typer.Option(False, "--debug", help=_DEBUG),
    quiet: bool = typer.Option(False, "-q", "--quiet", help=_QUIET),
    verbose: bool = typer.Option(False, "-v", "--verbose", help=_VERBOSE),
    config: Optional[Path] = typer.Option(None, "--config", help=_CONFIG),
):
    """briefdoc: news article -> structured brief (JSON) -> localized PDF briefs."""
    _state["debug"] = _state["debug"] or debug
    _set_verbosity(quiet, verbose)
    if config is not None:
        _state["config"] = config


def _common(config: bool = False):
    """The options every command takes, after its own: -q, -v, --debug (and --config
    for the commands that read briefdoc.toml). A command with a -q of its own keeps it."""
    def wrap(fn):
        hints = typing.get_type_hints(fn)
        sig = inspect.signature(fn)
        own = set(sig.parameters)
        params = [p.replace(annotation=hints.get(p.name, p.annotation)) for p in sig.parameters.values()]
        kw = inspect.Parameter.KEYWORD_ONLY
        extra = [] if "quiet" in own else [inspect.Parameter("quiet", kw, annotation=bool, default=typer.Option(False, "-q", "--quiet", help=_QUIET))]
        extra += [inspect.Parameter("verbose", kw, annotation=bool, default=typer.Option(False, "-v", "--verbose", help=_VERBOSE)),
                  inspect.Parameter("debug", kw, annotation=bool, default=typer.Option(False, "--debug", help=_DEBUG))]
        if config:
            extra.append(inspect.Parameter("config", kw, annotation=Optional[Path], default=typer.Option(None, "--config", help=_CONFIG)))

        @functools.wraps(fn)
        def run(**kwargs):
            _set_verbosity(kwargs["quiet"] if "quiet" in own else kwargs.pop("quiet", False), kwargs.pop("verbose", False))
            debug = kwargs.pop("debug", False)
            _state["debug"] = _state["debug"] or debug
            if config and kwargs.get("config") is not None:
                _state["config"] = kwargs["config"]
            kwargs.pop("config", None)
            return fn(**kwargs)

        run.__signature__ = sig.replace(parameters=params + extra)
        run.__annotations__ = {p.name: p.annotation for p in params + extra}
        return run
    return wrap


def _settings():
    """briefdoc.toml (or --config FILE), read once."""
    if _state["settings"] is None:
        # read only by the commands that use it (--help stays instant)
        from .config import load

        _state["settings"] = load(_state["config"])
        if _state["settings"].path is not None:
            _detail(f"settings from {_state['settings'].path}")
    return _state["settings"]


def _detail(message: str) -> None:
    """A line for -v."""
    if _state["verbosity"] > 0:
        print(f"briefdoc: {message}", file=sys.stderr)


def _warn(message: str) -> None:
    """A warning, unless -q."""
    if _state["verbosity"] >= 0:
        print(f"briefdoc: warning: {message}", file=sys.stderr)


def _print_json(data) -> None:
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def _split(value: Optional[str]) -> Optional[list[str]]:
    if value is None:
        return None
    return [v.strip() for v in value.split(",") if v.strip()]


def _complete_layouts(incomplete: str) -> list[str]:
    # shell completion only: the layouts are listed when the shell asks
    from .render.layouts import discover

    return [name for name in discover(()) if name.startswith(incomplete)]


def _complete_locales(incomplete: str) -> list[str]:
    # shell completion only: the locales are listed when the shell asks
    from .localize.locales import shipped_locales

    return [loc for loc in shipped_locales() if loc.startswith(incomplete)]


_LAYOUTS_DIR = "A folder of user layouts (may repeat; default: briefdoc.toml's layouts_dir)."


@_common()
def extract(
    seed: Path = typer.Argument(..., help="The article: .txt, .md or .html, optional YAML front matter; - reads standard input."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write the brief JSON here (default, or -: standard output)."),
):
    """Extract a brief (key points, actors, quotes, positions, timeline) as JSON."""
    # the stages this command runs load now, not at start-up (--help stays instant)
    import time
    from .extractors import extract as run
    from .model.briefjson import dumps
    from .model.files import check_output, is_stdio, write_output, write_stdout
    from .pipeline import article_from, remember_seed

    to_stdout = output is None or is_stdio(output)
    if not to_stdout:
        check_output(output)  # a link or a missing folder is said before the work, not after
    article = article_from(seed)
    started = time.perf_counter()
    brief = run(article.text, article=article)
    text = dumps(remember_seed(brief, seed, None if to_stdout else output))
    write_stdout(text) if to_stdout else write_output(output, text)
    _detail(f"extracted {len(brief.key_points)} key points, {len(brief.actors)} actors, {len(brief.quotes)} quotes, "
            f"{len(brief.positions)} positions, {len(brief.timeline)} events in {time.perf_counter() - started:.1f} s")


app.command()(extract)


@_common(config=True)
def render(
    source: Path = typer.Argument(..., help="A brief JSON (from 'briefdoc extract') or a seed article; - reads either from standard input."),
    layout: str = typer.Option("brief", "--layout", "-l", help="Layout name (see 'briefdoc layouts').", autocompletion=_complete_layouts),
    locale: str = typer.Option("en", "--locale", help="Locale (see 'briefdoc locales'), or a language with a content or UI catalog of your own.", autocompletion=_complete_locales),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Output file; - is standard output (default: <source stem>.<layout>.<locale>.<format> in the working folder; stdin.* for -)."),
    format: str = typer.Option("pdf", "--format", "-f", help="pdf or html."),
    layouts_dir: list[Path] = typer.Option([], "--layouts-dir", help=_LAYOUTS_DIR),
    translations: Optional[Path] = typer.Option(None, "--translations", help="Content catalog (.po) to use (default: <stem>.<locale>.po beside the source, or beside the seed a brief JSON came from)."),
    translations_dir: list[Path] = typer.Option([], "--translations-dir", help="A folder of UI catalogs, DIR/<locale>/LC_MESSAGES/messages.po, used before the shipped ones (may repeat)."),
    use_fuzzy: bool = typer.Option(False, "--use-fuzzy", help="Use content translations marked fuzzy."),
    require_complete: bool = typer.Option(False, "--require-complete", help="Fail (exit 2) when any content item has no translation."),
    pdf_variant: Optional[str] = typer.Option(None, "--pdf-variant", help="PDF variant: pdf/a-3b, pdf/ua-1, none... (default: briefdoc.toml's, else the layout's); tagged in every variant."),
):
    """Render one brief with one layout in one locale."""
    # the stages this command runs load now, not at start-up (--help stays instant)
    import time
    from .localize import ui
    from .localize.content import translator_for
    from .model.files import check_output, is_stdio, write_output, write_stdout
    from .pipeline import STDIN_STEM, brief_from, catalog_source, render_locale, without_seed
    from .render.html import render_html
    from .render.layouts import get as get_layout
    from .render.pdf import render_pdf

    if format not in ("pdf", "html"):
        raise InputError(f"--format {format!r}: choose pdf or html")
    settings = _settings()
    layouts_dir = settings.get("layouts_dir", layouts_dir, [])
    pdf_variant = settings.get("pdf_variant", pdf_variant)
    _check_ui_dirs(translations_dir)
    ui.use_catalog_dirs(translations_dir)
    lay = get_layout(layout, layouts_dir)
    # "fr_CA" stays fr_CA (Canadian formats) and uses the fr catalogs; "de" needs a catalog of its own
    loc = render_locale(locale, source, translations)
    if output is None:
        # in the working folder, never beside the seed: a build of the seed's folder must not take it for an article
        output = Path(f"{STDIN_STEM if is_stdio(source) else source.stem}.{lay.name}.{loc}.{format}")
    to_stdout = is_stdio(output)
    if not to_stdout:
        check_output(output)  # a link or a missing folder is said before the work, not after
    elif format == "pdf" and sys.stdout.isatty():
        raise InputError("-o -: standard output is a terminal, not a place for a PDF; redirect it (> brief.pdf) or pipe it")
    started = time.perf_counter()
    brief = brief_from(source)
    content = translator_for(brief, loc, catalog_source(source, brief), translations, use_fuzzy=use_fuzzy, require_complete=require_complete)
    brief = without_seed(brief)
    data = render_html(brief, lay, loc, content=content) if format == "html" else render_pdf(brief, lay, loc, content=content, variant=pdf_variant)
    write_stdout(data) if to_stdout else write_output(output, data)
    for report in (ui.fallback_report(loc), content.report()):
        if report:
            _warn(report)
    _detail(f"rendered {lay.name} in {loc}: {len(data):,} bytes in {time.perf_counter() - started:.1f} s")
    if not to_stdout and _state["verbosity"] >= 0:
        print(output)


app.command()(render)


def _check_ui_dirs(translations_dir: list[Path]) -> None:
    for folder in translations_dir:
        if not folder.is_dir():
            raise InputError(f"--translations-dir {folder}: no such folder; give the folder that holds <locale>/LC_MESSAGES/messages.po")


@_common(config=True)
def build(
    seeds: list[Path] = typer.Argument(None, help="Seed files or folders, or - for one article on standard input (default: briefdoc.toml's seeds, else seeds/)."),
    layouts_opt: Optional[str] = typer.Option(None, "--layouts", help="Comma-separated layouts (default: briefdoc.toml's, else every brief layout; a dossier layout shows each brief as a dossier of one article)."),
    locales_opt: Optional[str] = typer.Option(None, "--locales", help="Comma-separated locales (default: briefdoc.toml's, else all shipped)."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Output folder (default: briefdoc.toml's out, else out/)."),
    layouts_dir: list[Path] = typer.Option([], "--layouts-dir", help=_LAYOUTS_DIR),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1, help="Worker processes (default: briefdoc.toml's, else the number of cores)."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Run the extractions and renders on a Dask cluster: tcp://HOST:PORT (a running 'dask scheduler'), or local:N (N worker processes here); outputs and cache stay here (default: briefdoc.toml's scheduler, else this machine's --jobs)."),
    force: bool = typer.Option(False, "--force", help="Rebuild everything, ignoring the cache in OUT/.briefdoc-cache."),
    pdf_variant: Optional[str] = typer.Option(None, "--pdf-variant", help="PDF variant, e.g. pdf/a-3b or none (default: briefdoc.toml's, else each layout's)."),
    translations: Optional[Path] = typer.Option(None, "--translations", help="A folder of content catalogs <seed stem>.<locale>.po, read instead of those beside each seed (default: briefdoc.toml's translations)."),
    require_complete: bool = typer.Option(False, "--require-complete", help="Fail outputs whose content catalog lacks translations."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Only list the outputs that would be built, and why."),
    as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON on standard output (see the README)."),
):
    """Render every seed with every layout in every locale into OUT/<seed>/<layout>.<locale>.pdf
    (and the extracted OUT/<seed>/brief.json); only what changed since the last build is redone.
    With no arguments it builds what briefdoc.toml describes."""
    # the stages this command runs load now, not at start-up (--help stays instant)
    import tempfile
    from .build.batch import run_build

    cfg = _settings()
    seeds = seeds or cfg.get("seeds") or [Path("seeds")]
    out = cfg.get("out", output, Path("out"))
    catalogs_dir = cfg.get("translations", translations)
    if catalogs_dir is not None and not Path(catalogs_dir).is_dir():
        raise InputError(f"{catalogs_dir}: no such folder of content catalogs; check --translations (or translations in briefdoc.toml)")
    pdf_variant = cfg.get("pdf_variant", pdf_variant)
    if scheduler is not None and jobs is not None:
        raise InputError("--jobs and --scheduler: give one (--jobs builds here; local:N starts N Dask workers)")
    if scheduler is None and jobs is None:  # --jobs alone builds here, whatever briefdoc.toml's scheduler
        scheduler = cfg.get("scheduler")
    quiet = _state["verbosity"] < 0
    with tempfile.TemporaryDirectory(prefix="briefdoc-stdin-") as tmp:
        summary = run_build(
            _stdin_seeds(seeds, Path(tmp)),
            layouts=cfg.get("layouts", _split(layouts_opt)),
            locales=cfg.get("locales", _split(locales_opt)),
            out_dir=out,
            layouts_dirs=cfg.get("layouts_dir", layouts_dir, []),
            jobs=cfg.get("jobs", jobs),
            scheduler=scheduler,
            force=force,
            dry_run=dry_run,
            progress=False if quiet else None,
            verbose=_state["verbosity"] > 0,
            summary=not (as_json or quiet),
            catalogs_dir=catalogs_dir,
            render_options={"variant": pdf_variant} if pdf_variant is not None else None,
            content_options={"require_complete": True} if require_complete else None,
        )
    if as_json:
        _print_json(summary.as_json(out))
    elif quiet:
        for failure in summary.failures:
            print(f"briefdoc: failed: {failure.what}: {failure.reason}", file=sys.stderr)
    if summary.failures:
        raise typer.Exit(4)


app.command()(build)


def _stdin_seeds(seeds: list[Path], tmp: Path) -> list[Path]:
    """The seeds, with ``-`` (standard input, alone) saved as ``tmp``/stdin.md: it is
    built into OUT/stdin/."""
    # only a build of standard input reads it
    from .model.files import is_stdio
    from .pipeline import STDIN_NAME, STDIN_STEM, stdin_bytes, stdin_is_brief_json

    if not any(is_stdio(s) for s in seeds):
        return seeds
    if len(seeds) > 1:
        raise InputError("-: a build reads standard input as its only article; give - alone, or files and folders")
    if stdin_is_brief_json():
        raise InputError(f"{STDIN_NAME}: is a brief JSON; build reads articles ('briefdoc render -' renders a brief JSON)")
    path = tmp / f"{STDIN_STEM}.md"
    path.write_bytes(stdin_bytes())
    return [path]


@_common(config=True)
def dossier(
    articles: list[Path] = typer.Argument(None, help="The articles (.md, .txt, .html; brief JSON from 'briefdoc extract') or folders of them; or one dossier.json to render again (default: [dossier] articles in briefdoc.toml)."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Output folder: dossier.json and <layout>.<locale>.pdf (default: [dossier] out in briefdoc.toml)."),
    title: Optional[str] = typer.Option(None, "--title", help="The dossier's title (default: briefdoc.toml's, else the first article's headline)."),
    layouts_opt: Optional[str] = typer.Option(None, "--layouts", help="Comma-separated dossier layouts (default: briefdoc.toml's [dossier] layouts, else all of kind dossier)."),
    locales_opt: Optional[str] = typer.Option(None, "--locales", help="Comma-separated locales (default: briefdoc.toml's [dossier] locales, else all shipped)."),
    layouts_dir: list[Path] = typer.Option([], "--layouts-dir", help=_LAYOUTS_DIR),
    translations: list[Path] = typer.Option([], "--translations", help="Content catalog: a .po for the locale it names, or a folder of dossier.<locale>.po (may repeat; default: OUT/dossier.<locale>.po)."),
    export_translations: bool = typer.Option(False, "--export-translations", help="Write OUT/dossier.<locale>.po for translators (their translations kept), then render."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1, help="Extraction processes (default: briefdoc.toml's, else the number of cores)."),
    force: bool = typer.Option(False, "--force", help="Extract and render again, ignoring the cache in OUT/.briefdoc-cache."),
    pdf_variant: Optional[str] = typer.Option(None, "--pdf-variant", help="PDF variant, e.g. pdf/a-3b or none (default: briefdoc.toml's, else each layout's)."),
    use_fuzzy: bool = typer.Option(False, "--use-fuzzy", help="Use content translations marked fuzzy."),
    require_complete: bool = typer.Option(False, "--require-complete", help="Fail the outputs whose content catalog lacks translations."),
):
    """Merge several articles on one story into one dossier: OUT/dossier.json and
    OUT/<layout>.<locale>.pdf (each article is extracted once and cached)."""
    # the stages this command runs load now, not at start-up (--help stays instant)
    from .build.dossier import run_dossier

    cfg = _settings()
    articles = articles or cfg.dossier.get("articles")
    output = output or cfg.dossier.get("out")
    if not articles:
        raise InputError("no articles: give the articles (files or folders), or [dossier] articles in briefdoc.toml")
    if output is None:
        raise InputError("no output folder: give -o DIR, or [dossier] out in briefdoc.toml")
    summary = run_dossier(
        articles, out_dir=output, title=title or cfg.dossier.get("title"),
        layouts=_split(layouts_opt) or cfg.dossier.get("layouts"), locales=_split(locales_opt) or cfg.dossier.get("locales"),
        layouts_dirs=cfg.get("layouts_dir", layouts_dir, []), translations=translations,
        export_translations=export_translations, jobs=cfg.get("jobs", jobs), force=force,
        variant=cfg.get("pdf_variant", pdf_variant), use_fuzzy=use_fuzzy, require_complete=require_complete,
    )
    if summary.failures:
        raise typer.Exit(4)


app.command()(dossier)


@_common(config=True)
def preview(
    source: Path = typer.Argument(..., help="A seed article or a brief JSON."),
    layout: str = typer.Option("brief", "--layout", "-l", help="Layout name (see 'briefdoc layouts').", autocompletion=_complete_layouts),
    locale: str = typer.Option("en", "--locale", help="Locale (see 'briefdoc locales').", autocompletion=_complete_locales),
    port: int = typer.Option(8000, "--port", "-p", min=0, max=65535, help="The port to serve on (0: any free one)."),
    host: str = typer.Option("127.0.0.1", "--host", help="The interface to serve on: this machine only, unless you name another."),
    layouts_dir: list[Path] = typer.Option([], "--layouts-dir", help=_LAYOUTS_DIR),
    translations: Optional[Path] = typer.Option(None, "--translations", help="Content catalog (.po) to use (default: <stem>.<locale>.po beside the source)."),
    translations_dir: list[Path] = typer.Option([], "--translations-dir", help="A folder of UI catalogs (may repeat)."),
    use_fuzzy: bool = typer.Option(False, "--use-fuzzy", help="Use content translations marked fuzzy."),
):
    """Serve the HTML rendering on http://127.0.0.1:PORT/, rebuilt when the source, its
    content catalogs or the layout's files change; the page in the browser reloads itself."""
    # the preview server loads only for this command (--help stays instant)
    from .preview import Preview

    _check_ui_dirs(translations_dir)
    if str(source) == "-":
        raise InputError("-: the preview watches a file for changes; give the article's path, not standard input")
    Preview(source, layout=layout, locale=locale, layouts_dirs=_settings().get("layouts_dir", layouts_dir, []),
            translations=translations, translations_dirs=translations_dir, use_fuzzy=use_fuzzy,
            say=_detail, quiet=_state["verbosity"] < 0).serve(host, port)


app.command()(preview)


@_common(config=True)
def doctor(
    source: Optional[Path] = typer.Argument(None, help="A brief JSON or seed to render (default: a small built-in sample)."),
    layouts_opt: Optional[str] = typer.Option(None, "--layouts", help="Comma-separated layouts (default: briefdoc.toml's, else all)."),
    locales_opt: Optional[str] = typer.Option(None, "--locales", help="Comma-separated locales (default: briefdoc.toml's, else all shipped)."),
    layouts_dir: list[Path] = typer.Option([], "--layouts-dir", help=_LAYOUTS_DIR),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON on standard output (see the README)."),
):
    """Check fonts: for each layout and locale, which font renders the text and whether any glyph is missing."""
    # the stages this command runs load now, not at start-up (--help stays instant)
    from .localize.locales import resolve, shipped_locales
    from .pipeline import brief_from, doctor_json
    from .render.doctor import doctor as check, format_doctor, sample_brief
    from .render.layouts import discover
    from .render.layouts import get as get_layout

    cfg = _settings()
    layouts_dir = cfg.get("layouts_dir", layouts_dir, [])
    names, wanted = cfg.get("layouts", _split(layouts_opt)), cfg.get("locales", _split(locales_opt))
    lays = [get_layout(n, layouts_dir) for n in names] if names else list(discover(layouts_dir).values())
    locs = [resolve(x) for x in wanted] if wanted else shipped_locales()
    brief = brief_from(source) if source is not None else sample_brief()
    rows = check(brief, lays, locs)
    report, ok = format_doctor(rows)
    if as_json:
        _print_json(doctor_json(rows))
    elif _state["verbosity"] >= 0 or not ok:
        print(report)
    if not ok:
        raise RenderError("some layouts or locales would print missing glyphs or failed to render (see above)")


app.command()(doctor)


@_common(config=True)
def list_layouts(
    layouts_dir: list[Path] = typer.Option([], "--layouts-dir", help=_LAYOUTS_DIR),
):
    """List the layouts with their descriptions."""
    # the stages this command runs load now, not at start-up (--help stays instant)
    from .render.layouts import discover

    for lay in discover(_settings().get("layouts_dir", layouts_dir, [])).values():
        origin = "" if lay.builtin else f"  [{lay.path}]"
        print(f"{lay.name:<10} {lay.page_size:<7} {lay.description}{origin}")


app.command("layouts")(list_layouts)


@_common()
def list_locales(
    brief_path: Optional[Path] = typer.Option(None, "--brief", help="Content completeness of this brief or seed (default: the seeds in seeds/)."),
    seeds_dir: Path = typer.Option(Path("seeds"), "--seeds", help="Folder of seeds whose content catalogs are counted."),
    as_json: bool = typer.Option(False, "--json", help="Print the table as JSON on standard output (see the README)."),
):
    """List the shipped locales with UI and content translation completeness."""
    # the stages this command runs load now, not at start-up (--help stays instant)
    from .pipeline import locales_rows, locales_table

    if as_json:
        what, rows = locales_rows(brief_path, seeds_dir)
        _print_json({"content_of": what, "locales": rows})
        return
    for line in locales_table(brief_path, seeds_dir):
        print(line)


app.command("locales")(list_locales)


translate_app = typer.Typer(help="Content translation catalogs: templates, merging, status (see TRANSLATORS.md).", no_args_is_help=True)
app.add_typer(translate_app, name="translate")


@translate_app.callback()
def _translate(
    debug: bool = typer.Option(False, "--debug", help=_DEBUG),
    quiet: bool = typer.Option(False, "-q", "--quiet", help=_QUIET),
    verbose: bool = typer.Option(False, "-v", "--verbose", help=_VERBOSE),
):
    """Content translation catalogs: templates, merging, status (see TRANSLATORS.md)."""
    _state["debug"] = _state["debug"] or debug
    _set_verbosity(quiet, verbose)


@_common()
def translate_export(
    source: Path = typer.Argument(..., help="A brief JSON or a seed article."),
    locale: Optional[str] = typer.Option(None, "--locale", help="The target locale (default: none, a template .pot to start any language from)."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="The .po or .pot file (default, or -: standard output). An existing catalog is merged, as 'translate update' does."),
    sentences: Optional[bool] = typer.Option(None, "--sentences/--no-sentences", help="Also export every sentence of the article (default: for seeds, whose extraction may change, and catalogs that hold them)."),
):
    """Write the brief's translatable content as a PO catalog, or a POT template (msgctxt = kind)."""
    # the stages this command runs load now, not at start-up (--help stays instant)
    from .model.files import is_stdio, write_stdout
    from .pipeline import export_to

    if is_stdio(output):
        output = None
    data = export_to(source, locale, output, sentences=sentences)
    if output is None:
        write_stdout(data)
    elif _state["verbosity"] >= 0:
        print(output)


translate_app.command("export")(translate_export)


@_common()
def translate_update(
    source: Path = typer.Argument(..., help="A seed article or its brief JSON."),
    locale: Optional[str] = typer.Option(None, "--locale", help="The catalog's locale (default: every catalog beside the seed); a new one is started."),
    catalog: Optional[Path] = typer.Option(None, "--catalog", help="The .po file (default: <stem>.<locale>.po beside the seed)."),
    sentences: Optional[bool] = typer.Option(None, "--sentences/--no-sentences", help="Keep every sentence of the article in the catalog (default: for seeds, and catalogs that hold them)."),
    no_fuzzy_matching: bool = typer.Option(False, "--no-fuzzy-matching", "-N", help="Do not guess translations for changed messages (they become untranslated; the old ones obsolete)."),
):
    """Merge the current extraction into the content catalog, as msgmerge does: changed messages become fuzzy, removed ones obsolete; nothing translated is lost."""
    # the stages this command runs load now, not at start-up (--help stays instant)
    from .pipeline import update_catalog

    for line in update_catalog(source, locale, catalog, sentences=sentences, fuzzy_matching=not no_fuzzy_matching):
        if _state["verbosity"] >= 0:
            print(line)


translate_app.command("update")(translate_update)


@_common()
def translate_status(
    source: Path = typer.Argument(..., help="A brief JSON or a seed article."),
    locale: Optional[str] = typer.Option(None, "--locale", help="One locale (default: every shipped one, and every one with a catalog beside the seed)."),
    catalog: Optional[Path] = typer.Option(None, "--catalog", "--translations", help="Content catalog to check (default: beside the seed)."),
    require_complete: bool = typer.Option(False, "--require-complete", help="Exit 2 while any entry is fuzzy or untranslated (for CI)."),
    quiet: bool = typer.Option(False, "-q", "--quiet", help="Print only the locales and entries that need work."),
    as_json: bool = typer.Option(False, "--json", help="Print the status as JSON on standard output (see the README)."),
):
    """Count translated, fuzzy and untranslated content entries per locale, against the current extraction."""
    # the stages this command runs load now, not at start-up (--help stays instant)
    from .pipeline import require_complete as check, status_json, status_lines, translation_status

    statuses = translation_status(source, locale, catalog)
    if as_json:
        _print_json(status_json(statuses))
    else:
        for line in status_lines(source, statuses, quiet=quiet):
            print(line)
    if require_complete:
        check(statuses)


translate_app.command("status")(translate_status)


@_common()
def schema(
    dossier: bool = typer.Option(False, "--dossier", help="The schema of a dossier's JSON (dossier.json) instead."),
):
    """Print the JSON Schema of a brief's JSON (or, with --dossier, of a dossier's)."""
    # the stages this command runs load now, not at start-up (--help stays instant)
    from .model.brief import json_schema
    from .model.dossier import dossier_json_schema

    print(json.dumps(dossier_json_schema() if dossier else json_schema(), indent=2, ensure_ascii=False))


app.command()(schema)


def main(argv: Optional[list[str]] = None) -> None:
    """Entry point: run the app, one line on stderr for any error."""
    args = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in args
    _state.update(debug=False, verbosity=0, config=None, settings=None)  # main() may run more than once in a process
    _terminate_as_interrupt()
    if not debug:
        warnings.showwarning = _show_warning
    try:
        _run(args, debug)
    finally:
        _ignore_interrupts()  # the work is done: a late Ctrl-C must not kill the exit itself


def _run(args: list[str], debug: bool) -> None:
    try:
        # Outside standalone mode Typer *returns* the code of a typer.Exit (and turns
        # Ctrl-C into Exit(130)) instead of raising it.
        code = app(args=args, prog_name="briefdoc", standalone_mode=False)
        if isinstance(code, int) and not isinstance(code, bool) and code:
            if code == EXIT_INTERRUPTED:
                print("briefdoc: interrupted; nothing half-written was left behind", file=sys.stderr)
            sys.exit(code)
    except BriefdocError as exc:
        if debug:
            raise
        print(f"briefdoc: error: {one_line(exc)}", file=sys.stderr)
        sys.exit(exc.exit_code)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        print("briefdoc: interrupted; nothing half-written was left behind", file=sys.stderr)
        sys.exit(EXIT_INTERRUPTED)
    except Exception as exc:  # click usage errors and anything unexpected
        # Typer vendors its own click (typer._click): match click's classes by name.
        kinds = {cls.__name__ for cls in type(exc).__mro__}
        if "NoArgsIsHelpError" in kinds:
            print(exc.format_message())
            sys.exit(EXIT_INPUT)
        if "UsageError" in kinds:
            ctx = getattr(exc, "ctx", None)
            command = " ".join(ctx.command_path.split()[1:]) if ctx is not None else ""
            print(f"briefdoc: error: {one_line(exc.format_message())} (see 'briefdoc {command} --help')".replace("  ", " "), file=sys.stderr)
            sys.exit(EXIT_INPUT)
        if "Abort" in kinds:
            print("briefdoc: interrupted", file=sys.stderr)
            sys.exit(EXIT_INTERRUPTED)
        if debug:
            raise
        if isinstance(exc, OSError) and exc.filename:
            print(f"briefdoc: error: {exc.filename}: {one_line(exc.strerror or exc)}; check the path and free space", file=sys.stderr)
            sys.exit(EXIT_INPUT)
        print(f"briefdoc: internal error: {type(exc).__name__}: {one_line(exc, 200)} (run with --debug for the traceback)", file=sys.stderr)
        sys.exit(EXIT_INTERNAL)
    sys.exit(0)


def _show_warning(message, category, filename, lineno, file=None, line=None) -> None:
    """A warning (a seed read with a few bad bytes replaced...) as one line on stderr,
    like an error; with --debug, Python's own format says where it came from; -q: none."""
    if _state["verbosity"] < 0:
        return
    print(f"briefdoc: warning: {one_line(message)}", file=sys.stderr if file is None else file)


def _terminate_as_interrupt() -> None:
    """SIGTERM (a killed job, a CI timeout) unwinds like Ctrl-C, so that temporary
    files are removed on the way out; Ctrl-C raises KeyboardInterrupt again (see
    _exit_on_early_interrupt)."""
    def handler(signum, frame):
        raise KeyboardInterrupt

    try:
        signal.signal(signal.SIGTERM, handler)
        signal.signal(signal.SIGINT, signal.default_int_handler)
    except ValueError:  # not the main thread (main() called from a test runner thread)
        pass


def _ignore_interrupts() -> None:
    """Once main() has its exit code, Ctrl-C or SIGTERM arriving while Python shuts
    down would kill the process with the signal (exit -2) after everything was written;
    they are ignored from here on."""
    if not _COMMAND:
        return
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
    except ValueError:
        pass
