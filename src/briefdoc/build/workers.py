"""The worker side of a build: what runs in each worker process (or in the build's
own process with --jobs 1): extracting a seed, rendering and writing one PDF, and
warming a process before render workers are forked from it. Every job returns
(ok, result or reason) and never raises for its input.

The build process imports this module only when there is work to do, so that a
build with nothing to do never loads the stages."""

from __future__ import annotations

import datetime as dt
import gc
import html
import multiprocessing
import signal
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

import pyphen

from ..extractors import extract, nlp
from ..localize.content import translator_for
from ..localize.localizer import Localizer
from ..model.brief import Article, Brief
from ..model.briefjson import dumps
from ..model.errors import BriefdocError
from ..model.files import write_atomic
from ..read.article import article_from_bytes, read_article
from ..render.context import hyphenation_languages
from ..render.fonts import css_family, stack
from ..render.html import render_html
from ..render.limits import RenderLimitError, capped, share_memory
from ..render.pdf import render_pdf
from ..render.weasy import font_config, load_weasyprint
from .cache import fingerprint

# over_limits: (layout, brief) -> the output whose render ran past the render limits;
# the same layout's other renders of that brief fail at once in this process, so that
# a runaway layout costs a build one time limit per worker, not one per locale.
_WORKER: dict = {"extractor": None, "briefs": {}, "over_limits": {}}
# The warm-up render of a tiny brief: a layout that needs more is runaway, and its renders will say so.
WARM_SECONDS, WARM_MEGABYTES = 5, 256


def default_extract(article):
    return extract(article.text, article=article)


def init_worker(extractor, preload_nlp: bool, in_process: bool = False, workers: int = 1) -> None:
    """Set up a worker: what extracts, its share of the render memory budget (one of
    ``workers``), and spaCy loaded now when every worker will start by extracting
    (otherwise it loads on first use, once per process)."""
    _WORKER["extractor"] = extractor
    _WORKER["briefs"] = {}
    _WORKER["over_limits"] = {}
    share_memory(workers)
    if in_process:
        return
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and stops the pool
    if preload_nlp and extractor is None:
        try:
            nlp.pipeline()
        except Exception:
            pass  # the extraction that needs it fails with the reason


def warm_here(layouts: list, locales: list[str]) -> None:
    """Load, in this process, what the renders of ``layouts`` x ``locales`` will use,
    before the render workers are forked from it (they inherit all of it): WeasyPrint,
    the font configuration and each locale's faces (regular, bold, italic; serif and
    sans), the hyphenation dictionaries, and each layout's templates, compiled by
    rendering a tiny brief. Then the objects loaded so far are moved out of the garbage
    collector's sight (gc.freeze), so that the workers' collections neither scan them
    again nor copy the pages they are on. A failure here is ignored: it shows again,
    with its reason, in the renders."""
    try:
        weasyprint = load_weasyprint()
        pages = []
        for locale in locales:
            sample = html.escape(" ".join(Localizer(locale).date_long(dt.date(2023, 2, 28)).split()[:3]) + " 0123")
            pages.append(
                f'<section lang="{locale}" style="font-family: {html.escape(css_family(stack(locale, "serif")))}">'
                f"<p>{sample} <b>{sample}</b> <i>{sample}</i></p>"
                f'<p style="font-family: {html.escape(css_family(stack(locale, "sans")))}">{sample} <b>{sample}</b></p></section>'
            )
        weasyprint.HTML(string="".join(pages)).write_pdf(font_config=font_config())
        for locale in locales:
            for lang in hyphenation_languages(Localizer(locale).lang):
                pyphen.Pyphen(lang=pyphen.language_fallback(lang.replace("-", "_")))
        tiny = Brief(article=Article(title="Briefdoc", text="Briefdoc.", published=dt.date(2023, 2, 28)))
        for layout in layouts:
            for locale in locales[:1]:
                with capped(WARM_SECONDS, WARM_MEGABYTES):
                    render_html(tiny, layout, locale, fit=0)  # base and macros too
    except Exception:
        pass
    gc.freeze()


def read_seed(seed: Path):
    """The seed's Article, or None when it cannot be read (the extraction says why)."""
    try:
        return read_article(seed)
    except Exception:
        return None


def no_job() -> tuple[bool, str]:
    """Nothing: submitted once per worker so that the pool forks its workers now."""
    return True, ""


def reason(exc: BaseException) -> str:
    if isinstance(exc, BriefdocError):
        return str(exc)
    return f"internal error: {type(exc).__name__}: {exc}"


def extract_job(seed: str, article=None, data: bytes | None = None) -> tuple[bool, str]:
    """Read and extract one seed: (True, brief JSON text) or (False, reason).
    ``article``: the seed already read (by the build process, meanwhile); ``data``:
    the seed's bytes, read elsewhere (a build on a cluster ships them)."""
    try:
        if article is None:
            article = article_from_bytes(data, seed) if data is not None else read_article(seed)
        brief = (_WORKER["extractor"] or default_extract)(article)
        return True, dumps(brief)
    except Exception as exc:
        return False, reason(exc)


def _brief(extraction: str, brief_json: str):
    """The Brief for ``brief_json``, parsed once per worker."""
    briefs = _WORKER["briefs"]
    if extraction not in briefs:
        if len(briefs) > 8:
            briefs.clear()
        briefs[extraction] = Brief.model_validate_json(brief_json)
    return briefs[extraction]


def _content_translator(brief, locale: str, seed: Path, content_options: dict, shipped=None):
    """The seed's content translations for ``locale`` (``<seed stem>.<locale>.po``);
    ``shipped``: that catalog as (path, bytes), read already, or (None, None)."""
    return translator_for(brief, locale, seed, **content_options, shipped=shipped)


def render_bytes(spec: dict) -> tuple[bool, bytes | str]:
    """Render one PDF: (True, its bytes) or (False, reason). The render runs under the
    render limits (render/limits.py). ``spec["catalog"]``, when there, is the content
    catalog the build read for it (see _content_translator): none is looked for here."""
    key = (spec["layout"].name, spec["extraction"])
    earlier = _WORKER["over_limits"].get(key)
    if earlier is not None:
        return False, (f"not rendered: layout {key[0]!r} ran past the render limits on this brief "
                       f"({Path(earlier).name}); see that failure")
    try:
        brief = _brief(spec["extraction"], spec["brief_json"])
        content = _content_translator(brief, spec["locale"], Path(spec["seed"]), spec["content_options"], spec.get("catalog"))
        return True, render_pdf(brief, spec["layout"], spec["locale"], content=content, **spec["render_options"])
    except RenderLimitError as exc:
        _WORKER["over_limits"][key] = spec["path"]
        return False, reason(exc)
    except Exception as exc:
        return False, reason(exc)


def render_job(spec: dict) -> tuple[bool, dict | str]:
    """Render one PDF and write it: (True, fingerprint of the file) or (False, reason)."""
    ok, pdf = render_bytes(spec)
    if not ok:
        return False, pdf
    try:
        return True, fingerprint(write_atomic(Path(spec["path"]), pdf))
    except Exception as exc:
        return False, reason(exc)


class InProcess:
    """The executor for --jobs 1: runs each task at once, in this process."""

    def submit(self, fn, *args) -> Future:
        fut: Future = Future()
        try:
            fut.set_result(fn(*args))
        except BaseException as exc:  # the jobs catch their own errors; this is KeyboardInterrupt
            raise exc
        return fut

    def shutdown(self, wait: bool = True, cancel_futures: bool = False) -> None:
        pass


def pool(workers: int, initargs: tuple):
    # fork: workers start at once and share the parent's already-imported modules
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
    return ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context(method),
        initializer=init_worker,
        initargs=(*initargs, False, workers),
    )
