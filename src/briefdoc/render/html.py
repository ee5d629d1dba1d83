"""A brief as HTML, fitted to the layout's page limit: the design when it fits,
else the most important items that fill the pages (selection.py), found with at most
two layout passes: the first of a plan predicted from the items' lengths (fit.py),
the second, when the first does not fit or leaves much room, of a plan predicted
from what the first measured."""

from __future__ import annotations

from ..localize.marked import Translated
from ..localize.translator import ContentTranslator
from ..model.brief import Brief
from ..model.errors import RenderError
from .dossier import as_dossier
from .fit import Calibrated, Measure, Prior, candidates, fit_settings, loosest, pages_to_fill, sections_in
from .layouts import Layout
from .limits import limited
from .selection import DESIGN, Plan, Ranking
from .template import context, render_context, template_html
from .weasy import weasy_document

# The design is laid out first unless it is predicted past this many times the pages
# (a guess from lengths alone is rough; a brief that fits must keep all its items).
FIRST_TRY = 1.3
# The share of the pages a predicted plan fills: the first guess, and the measured one.
GUESS_FILL = 0.9
MEASURED_FILL = 0.95
MAX_PASSES = 2
# A plan that fits but leaves this much of a page is laid out again with more items.
GROW_ROOM = 0.5


def render_html(brief: Brief, layout: Layout, locale: str, *, content=None, inline_css: bool = True,
                fit=None) -> str:
    """The brief as HTML. With ``inline_css`` the layout's CSS is placed in a <style>
    element, so the file stands alone. ``fit``: the selection (a selection.Plan, or a fit
    level) of a layout with ``max_pages``; None finds the one that fits (this lays the
    document out with WeasyPrint, at most twice). Under the render limits (limits.py):
    RenderError when the layout takes too long or too much memory."""
    return limited(layout.name, _render_html, brief, layout, locale, content, inline_css, fit)


def _render_html(brief, layout, locale, content, inline_css, fit):
    if fit is None:
        if layout.max_pages:
            return fitted(brief, layout, locale, content)[0]
        fit = 0
    return template_html(brief, layout, locale, content=content, inline_css=inline_css, fit=fit)


def fitted(brief, layout: Layout, locale: str, content, attachment: str | None = None):
    """(html, laid-out document): the layout's design when it fits its ``max_pages``,
    else the plan that shows the most important items in them; at most two layout
    passes. ``attachment``: the name the brief's JSON is attached under in the PDF."""
    if not layout.max_pages:
        html = template_html(brief, layout, locale, content=content, attachment=attachment)
        return html, weasy_document(html, layout)
    return _Fitter(brief, layout, locale, content, attachment).run()


def _as_is(kind: str, text: str | None) -> Translated:
    """Content as it stands, for a rendering that only looks at the document's sections."""
    text = text or ""
    return Translated(text, translated=True, original=text, how="source")


class _Fitter:
    """One fitting: the contexts of the plans it weighs (computed once each) and its
    layout passes (``passes``, at most MAX_PASSES)."""

    def __init__(self, brief, layout: Layout, locale: str, content, attachment):
        dossier = layout.kind == "dossier"
        self.source = as_dossier(brief) if dossier else brief
        language = self.source.language if dossier else getattr(getattr(brief, "article", None), "language", "en")
        self.layout, self.locale, self.attachment = layout, locale, attachment
        self.content = content if content is not None else ContentTranslator(locale, language)
        self.ranking = None if dossier or not isinstance(brief, Brief) else Ranking(brief)
        self.contexts: dict[Plan, dict] = {}
        self.passes = 0

    def ctx(self, plan: Plan) -> dict:
        if plan not in self.contexts:
            self.contexts[plan] = context(self.source, self.layout, self.locale, content=self.content, fit=plan,
                                          ranking=self.ranking, attachment=self.attachment)
        return self.contexts[plan]

    def sections(self) -> set[str]:
        """The kinds of section the layout shows for this brief: its HTML with one item of
        each kind, the content as it stands (this render translates nothing, records nothing)."""
        ctx = context(self.source, self.layout, self.locale, content=_as_is, fit=Plan(0, 1), ranking=self.ranking,
                      attachment=self.attachment)
        return sections_in(render_context(self.layout, ctx))

    def lay_out(self, plan: Plan):
        # a fresh context: a rendering records what it translated (the legend)
        self.contexts.pop(plan, None)
        html = render_context(self.layout, self.ctx(plan))
        self.passes += 1
        return html, weasy_document(html, self.layout)

    def run(self):
        layout, budget = self.layout, self.layout.max_pages
        room = pages_to_fill(layout)
        design = self.ctx(DESIGN)
        kinds = self.sections()
        most = max((len(design.get(k) or []) for k in ("key_points", "positions", "direct_quotes", "events", "cast")),
                   default=1)
        plans = candidates(most, int(fit_settings(layout)["levels"]))
        prior = Prior(layout, kinds)
        first = DESIGN
        if prior.pages(design) > room * FIRST_TRY:
            first = loosest(plans, lambda p: prior.pages(self.ctx(p)) <= room * GUESS_FILL)
        html, document = self.lay_out(first)
        fits = len(document.pages) <= budget
        if fits and first == DESIGN:
            return html, document
        measure = Measure.of(document)
        measured = Calibrated(layout, kinds, self.ctx(first), measure)
        second = loosest(plans, lambda p: measured.pages(self.ctx(p)) <= room * MEASURED_FILL)
        if fits:
            if plans.index(second) >= plans.index(first) or measured.pages(self.ctx(first)) > room - GROW_ROOM:
                return html, document  # nothing looser is predicted to fit, or too little room is left
            html2, document2 = self.lay_out(second)
            return (html2, document2) if len(document2.pages) <= budget else (html, document)
        if plans.index(second) <= plans.index(first):  # the measure says it fits: it did not; tighten
            second = plans[min(plans.index(first) + 1 + (len(plans) - plans.index(first)) // 8, len(plans) - 1)]
        html2, document2 = self.lay_out(second)
        if len(document2.pages) <= budget or not layout.max_pages_strict:
            return html2, document2
        raise RenderError(
            f"layout {layout.name!r}: the brief does not fit in {budget} page(s) even with a smaller selection "
            f"({len(document2.pages)} pages); shorten the title or key points, or use another layout")
