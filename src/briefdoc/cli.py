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

import typer  # noqa: E402

from .model.errors import EXIT_INPUT, EXIT_INTERNAL, EXIT_INTERRUPTED, BriefdocError, InputError, RenderError, one_line
from .model.version import __version__

app = typer.Typer(
    name="briefdoc",
    help="Turn news articles into print-ready, translated PDF briefing documents.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

_state = {"debug": False}


def _version(value: bool):
    if value:
        print(f"briefdoc {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version and exit."),
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks on errors."),
):
    """briefdoc: news article -> structured brief (JSON) -> localized PDF briefs."""
    _state["debug"] = debug


def _split(value: Optional[str]) -> Optional[list[str]]:
    if value is None:
        return None
    return [v.strip() for v in value.split(",") if v.strip()]


@app.command()
def extract(
    seed: Path = typer.Argument(..., help="The article: .txt, .md or .html, optional YAML front matter."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write the brief JSON here (default: stdout)."),
):
    """Extract a brief (key points, actors, quotes, positions, timeline) as JSON."""
    # the stages this command runs load now, not at start-up (--help stays instant)
    from .extractors import extract as run
    from .model.briefjson import dumps
    from .model.files import check_output, write_output
    from .pipeline import remember_seed
    from .read.article import read_article

    if output is not None:
        check_output(output)  # a link or a missing folder is said before the work, not after
    article = read_article(seed)
    text = dumps(remember_seed(run(article.text, article=article), seed, output))
    if output is None:
        sys.stdout.write(text)
    else:
        write_output(output, text)


@app.command()
def render(
    source: Path = typer.Argument(..., help="A brief JSON (from 'briefdoc extract') or a seed article."),
    layout: str = typer.Option("brief", "--layout", "-l", help="Layout name (see 'briefdoc layouts')."),
    locale: str = typer.Option("en", "--locale", help="Locale (see 'briefdoc locales'), or a language with a content or UI catalog of your own."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Output file (default: <source stem>.<layout>.<locale>.<format>)."),
    format: str = typer.Option("pdf", "--format", "-f", help="pdf or html."),
    layouts_dir: list[Path] = typer.Option([], "--layouts-dir", help="A folder of user layouts (may repeat)."),
    translations: Optional[Path] = typer.Option(None, "--translations", help="Content catalog (.po) to use (default: <stem>.<locale>.po beside the source, or beside the seed a brief JSON came from)."),
    translations_dir: list[Path] = typer.Option([], "--translations-dir", help="A folder of UI catalogs, DIR/<locale>/LC_MESSAGES/messages.po, used before the shipped ones (may repeat)."),
    use_fuzzy: bool = typer.Option(False, "--use-fuzzy", help="Use content translations marked fuzzy."),
    require_complete: bool = typer.Option(False, "--require-complete", help="Fail (exit 2) when any content item has no translation."),
    pdf_variant: Optional[str] = typer.Option(None, "--pdf-variant", help="PDF variant: pdf/a-3b, pdf/ua-1, none... (default: the layout's pdf_variant)."),
):
    """Render one brief with one layout in one locale."""
    # the stages this command runs load now, not at start-up (--help stays instant)
    from .localize import ui
    from .localize.content import translator_for
    from .model.files import check_output, write_output
    from .pipeline import brief_from, render_locale, without_seed
    from .render.html import render_html
    from .render.layouts import get as get_layout
    from .render.pdf import render_pdf

    if format not in ("pdf", "html"):
        raise InputError(f"--format {format!r}: choose pdf or html")
    for folder in translations_dir:
        if not folder.is_dir():
            raise InputError(f"--translations-dir {folder}: no such folder; give the folder that holds <locale>/LC_MESSAGES/messages.po")
    ui.use_catalog_dirs(translations_dir)
    lay = get_layout(layout, layouts_dir)
    # "fr_CA" stays fr_CA (Canadian formats) and uses the fr catalogs; "de" needs a catalog of its own
    loc = render_locale(locale, source, translations)
    if output is None:
        output = source.with_name(f"{source.stem}.{lay.name}.{loc}.{format}")
    check_output(output)  # a link or a missing folder is said before the work, not after
    brief = brief_from(source)
    content = translator_for(brief, loc, source, translations, use_fuzzy=use_fuzzy, require_complete=require_complete)
    brief = without_seed(brief)
    data = render_html(brief, lay, loc, content=content) if format == "html" else render_pdf(brief, lay, loc, content=content, variant=pdf_variant)
    write_output(output, data)
    for report in (ui.fallback_report(loc), content.report()):
        if report:
            print(f"briefdoc: warning: {report}", file=sys.stderr)
    print(output)


@app.command()
def build(
    seeds: list[Path] = typer.Argument(None, help="Seed files or folders (default: seeds/)."),
    layouts_opt: Optional[str] = typer.Option(None, "--layouts", help="Comma-separated layouts (default: every brief layout; a dossier layout shows each brief as a dossier of one article)."),
    locales_opt: Optional[str] = typer.Option(None, "--locales", help="Comma-separated locales (default: all shipped)."),
    output: Path = typer.Option(Path("out"), "-o", "--output", help="Output folder."),
    layouts_dir: list[Path] = typer.Option([], "--layouts-dir", help="A folder of user layouts (may repeat)."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1, help="Worker processes (default: the number of cores)."),
    force: bool = typer.Option(False, "--force", help="Rebuild everything, ignoring the cache in OUT/.briefdoc-cache."),
    pdf_variant: Optional[str] = typer.Option(None, "--pdf-variant", help="PDF variant, e.g. pdf/a-3b or none (default: each layout's)."),
    require_complete: bool = typer.Option(False, "--require-complete", help="Fail outputs whose content catalog lacks translations."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Only list the outputs that would be built, and why."),
):
    """Render every seed with every layout in every locale into OUT/<seed>/<layout>.<locale>.pdf
    (and the extracted OUT/<seed>/brief.json); only what changed since the last build is redone."""
    # the stages this command runs load now, not at start-up (--help stays instant)
    from .build.batch import run_build

    summary = run_build(
        seeds or [Path("seeds")],
        layouts=_split(layouts_opt),
        locales=_split(locales_opt),
        out_dir=output,
        layouts_dirs=layouts_dir,
        jobs=jobs,
        force=force,
        dry_run=dry_run,
        render_options={"variant": pdf_variant} if pdf_variant is not None else None,
        content_options={"require_complete": True} if require_complete else None,
    )
    if summary.failures:
        raise typer.Exit(4)


@app.command()
def dossier(
    articles: list[Path] = typer.Argument(..., help="The articles (.md, .txt, .html; brief JSON from 'briefdoc extract') or folders of them; or one dossier.json to render again."),
    output: Path = typer.Option(..., "-o", "--output", help="Output folder: dossier.json and <layout>.<locale>.pdf."),
    title: Optional[str] = typer.Option(None, "--title", help="The dossier's title (default: the first article's headline)."),
    layouts_opt: Optional[str] = typer.Option(None, "--layouts", help="Comma-separated dossier layouts (default: all of kind dossier)."),
    locales_opt: Optional[str] = typer.Option(None, "--locales", help="Comma-separated locales (default: all shipped)."),
    layouts_dir: list[Path] = typer.Option([], "--layouts-dir", help="A folder of user layouts (may repeat)."),
    translations: list[Path] = typer.Option([], "--translations", help="Content catalog: a .po for the locale it names, or a folder of dossier.<locale>.po (may repeat; default: OUT/dossier.<locale>.po)."),
    export_translations: bool = typer.Option(False, "--export-translations", help="Write OUT/dossier.<locale>.po for translators (their translations kept), then render."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1, help="Extraction processes (default: the number of cores)."),
    force: bool = typer.Option(False, "--force", help="Extract and render again, ignoring the cache in OUT/.briefdoc-cache."),
    pdf_variant: Optional[str] = typer.Option(None, "--pdf-variant", help="PDF variant, e.g. pdf/a-3b or none (default: each layout's)."),
    use_fuzzy: bool = typer.Option(False, "--use-fuzzy", help="Use content translations marked fuzzy."),
    require_complete: bool = typer.Option(False, "--require-complete", help="Fail the outputs whose content catalog lacks translations."),
):
    """Merge several articles on one story into one dossier: OUT/dossier.json and
    OUT/<layout>.<locale>.pdf (each article is extracted once and cached)."""
    # the stages this command runs load now, not at start-up (--help stays instant)
    from .build.dossier import run_dossier

    summary = run_dossier(
        articles, out_dir=output, title=title, layouts=_split(layouts_opt), locales=_split(locales_opt),
        layouts_dirs=layouts_dir, translations=translations, export_translations=export_translations, jobs=jobs,
        force=force, variant=pdf_variant, use_fuzzy=use_fuzzy, require_complete=require_complete,
    )
    if summary.failures:
        raise typer.Exit(4)


@app.command()
def doctor(
    source: Optional[Path] = typer.Argument(None, help="A brief JSON or seed to render (default: a small built-in sample)."),
    layouts_opt: Optional[str] = typer.Option(None, "--layouts", help="Comma-separated layouts (default: all)."),
    locales_opt: Optional[str] = typer.Option(None, "--locales", help="Comma-separated locales (default: all shipped)."),
    layouts_dir: list[Path] = typer.Option([], "--layouts-dir", help="A folder of user layouts (may repeat)."),
):
    """Check fonts: for each layout and locale, which font renders the text and whether any glyph is missing."""
    # the stages this command runs load now, not at start-up (--help stays instant)
    from .localize.locales import resolve, shipped_locales
    from .pipeline import brief_from
    from .render.doctor import doctor as check, format_doctor, sample_brief
    from .render.layouts import discover
    from .render.layouts import get as get_layout

    available = discover(layouts_dir)
    lays = [get_layout(n, layouts_dir) for n in _split(layouts_opt)] if layouts_opt else list(available.values())
    locs = [resolve(x) for x in _split(locales_opt)] if locales_opt else shipped_locales()
    brief = brief_from(source) if source is not None else sample_brief()
    report, ok = format_doctor(check(brief, lays, locs))
    print(report)
    if not ok:
        raise RenderError("some layouts or locales would print missing glyphs or failed to render (see above)")


@app.command("layouts")
def list_layouts(
    layouts_dir: list[Path] = typer.Option([], "--layouts-dir", help="A folder of user layouts (may repeat)."),
):
    """List the layouts with their descriptions."""
    # the stages this command runs load now, not at start-up (--help stays instant)
    from .render.layouts import discover

    for lay in discover(layouts_dir).values():
        origin = "" if lay.builtin else f"  [{lay.path}]"
        print(f"{lay.name:<10} {lay.page_size:<7} {lay.description}{origin}")


@app.command("locales")
def list_locales(
    brief_path: Optional[Path] = typer.Option(None, "--brief", help="Content completeness of this brief or seed (default: the seeds in seeds/)."),
    seeds_dir: Path = typer.Option(Path("seeds"), "--seeds", help="Folder of seeds whose content catalogs are counted."),
):
    """List the shipped locales with UI and content translation completeness."""
    # the stages this command runs load now, not at start-up (--help stays instant)
    from .pipeline import locales_table

    for line in locales_table(brief_path, seeds_dir):
        print(line)


translate_app = typer.Typer(help="Content translation catalogs: templates, merging, status (see TRANSLATORS.md).", no_args_is_help=True)
app.add_typer(translate_app, name="translate")


@translate_app.command("export")
def translate_export(
    source: Path = typer.Argument(..., help="A brief JSON or a seed article."),
    locale: Optional[str] = typer.Option(None, "--locale", help="The target locale (default: none, a template .pot to start any language from)."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="The .po or .pot file (default: stdout). An existing catalog is merged, as 'translate update' does."),
    sentences: Optional[bool] = typer.Option(None, "--sentences/--no-sentences", help="Also export every sentence of the article (default: for seeds, whose extraction may change, and catalogs that hold them)."),
):
    """Write the brief's translatable content as a PO catalog, or a POT template (msgctxt = kind)."""
    # the stages this command runs load now, not at start-up (--help stays instant)
    from .pipeline import export_to

    data = export_to(source, locale, output, sentences=sentences)
    if output is None:
        sys.stdout.write(data.decode("utf-8"))
    else:
        print(output)


@translate_app.command("update")
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
        print(line)


@translate_app.command("status")
def translate_status(
    source: Path = typer.Argument(..., help="A brief JSON or a seed article."),
    locale: Optional[str] = typer.Option(None, "--locale", help="One locale (default: every shipped one, and every one with a catalog beside the seed)."),
    catalog: Optional[Path] = typer.Option(None, "--catalog", "--translations", help="Content catalog to check (default: beside the seed)."),
    require_complete: bool = typer.Option(False, "--require-complete", help="Exit 2 while any entry is fuzzy or untranslated (for CI)."),
    quiet: bool = typer.Option(False, "-q", "--quiet", help="Print only the locales and entries that need work."),
):
    """Count translated, fuzzy and untranslated content entries per locale, against the current extraction."""
    # the stages this command runs load now, not at start-up (--help stays instant)
    from .pipeline import require_complete as check, status_lines, translation_status

    statuses = translation_status(source, locale, catalog)
    for line in status_lines(source, statuses, quiet=quiet):
        print(line)
    if require_complete:
        check(statuses)


@app.command()
def schema(
    dossier: bool = typer.Option(False, "--dossier", help="The schema of a dossier's JSON (dossier.json) instead."),
):
    """Print the JSON Schema of a brief's JSON (or, with --dossier, of a dossier's)."""
    # the stages this command runs load now, not at start-up (--help stays instant)
    from .model.brief import json_schema
    from .model.dossier import dossier_json_schema

    print(json.dumps(dossier_json_schema() if dossier else json_schema(), indent=2, ensure_ascii=False))


def main(argv: Optional[list[str]] = None) -> None:
    """Entry point: run the app, one line on stderr for any error."""
    args = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in args
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
    like an error; with --debug, Python's own format says where it came from."""
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
