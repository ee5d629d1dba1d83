"""A build's plan: for each seed, the key of its brief and each output (layout x
locale) with its key and whether it is stale. Planning hashes what each output is
made from (cache.py) and imports neither spaCy nor WeasyPrint."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..localize import locales
from ..localize.locales import fallback_chain
from ..model.errors import InputError
from ..model.resources import LAYOUTS, data_dir
from . import cache as cache_mod

BRIEF_JSON = "brief.json"


@dataclass
class Output:
    """One PDF to make: a seed's brief in a layout and a locale."""

    seed: Path
    layout: object  # layouts.Layout
    locale: str
    path: Path
    key: str
    parts: dict = field(default_factory=dict)
    why: str | None = None  # why it is to be made; None when it is up to date


@dataclass
class SeedPlan:
    """One seed: where its outputs go, the key of its brief, the outputs still to make."""

    seed: Path
    target: Path
    extraction: str | None = None  # None when the seed could not be read
    error: str | None = None
    outputs: list[Output] = field(default_factory=list)
    stale: list[Output] = field(default_factory=list)
    brief_json_stale: bool = False
    brief_json: str | None = None  # the brief's JSON text, once known

    @property
    def needs_brief(self) -> bool:
        return bool(self.stale) or self.brief_json_stale


def make_plans(seed_files, chosen_layouts, chosen_locales, out_dir: Path, cache, options: dict) -> list[SeedPlan]:
    """Each seed's plan: the key of its brief, its outputs and which of them are stale."""
    chains = {loc: fallback_chain(loc) for loc in chosen_locales}
    shared = {
        "layouts": {lay.name: cache_mod.layout_digest(lay, data_dir(LAYOUTS)) for lay in chosen_layouts},
        "ui": {loc: cache_mod.ui_catalog_digest(chains[loc], locales.translations_dir()) for loc in chosen_locales},
        "chains": chains,
    }
    plans = []
    for seed in seed_files:
        plan = SeedPlan(seed=seed, target=out_dir / seed.stem)
        try:
            plan.extraction = cache_mod.extraction_key(seed.read_bytes())
        except OSError as exc:
            plan.error = f"cannot read the seed ({exc.strerror}); check its permissions"
        for lay in chosen_layouts:
            for loc in chosen_locales:
                output = _output(plan, lay, loc, cache, shared, options)
                plan.outputs.append(output)
                if output.why:
                    plan.stale.append(output)
        if plan.extraction:
            plan.brief_json_stale = not cache.is_current(plan.target / BRIEF_JSON, plan.extraction)
        plans.append(plan)
    return plans


def _output(plan: SeedPlan, lay, loc: str, cache, shared: dict, options: dict) -> Output:
    """One output of ``plan``, with its key and why it is stale (None when it is not)."""
    path = plan.target / f"{lay.name}.{loc}.pdf"
    output = Output(seed=plan.seed, layout=lay, locale=loc, path=path, key="", why=plan.error)
    if plan.extraction:
        output.parts = cache_mod.render_parts(
            extraction=plan.extraction,
            layout_digest=shared["layouts"][lay.name],
            ui_digest=shared["ui"][loc],
            content_digest=cache_mod.content_catalog_digest(plan.seed, shared["chains"][loc]),
            options={"locale": loc, **options},
        )
        output.key = cache_mod.render_key(output.parts)
        output.why = cache.why_stale(path, output.key, output.parts)
    return output


def check_stems(seed_files: list[Path]) -> None:
    seen: dict[str, Path] = {}
    for seed in seed_files:
        if seed.stem in seen and seen[seed.stem].resolve() != seed.resolve():
            raise InputError(f"{seen[seed.stem]} and {seed} would both be built into {seed.stem}/; rename one of them")
        seen[seed.stem] = seed
