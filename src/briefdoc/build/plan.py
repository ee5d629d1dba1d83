"""A build's plan: for each seed, the key of its brief and each output (layout x
locale) with its key and whether it is stale. Planning hashes what each output is
made from (cache.py) and imports neither spaCy nor WeasyPrint."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from ..localize import locales
from ..localize.locales import fallback_chain
from ..localize.pofiles import MAX_CATALOG_BYTES
from ..model.errors import InputError
from ..model.files import check_replaceable
from ..model.resources import LAYOUTS, data_dir
from ..read.seeds import MAX_BYTES, read_limited
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
    catalogs: Path | None = None  # where its content catalogs <stem>.<locale>.po are looked for (default: the seed)

    def __post_init__(self):
        if self.catalogs is None:
            self.catalogs = self.seed

    @property
    def needs_brief(self) -> bool:
        return bool(self.stale) or self.brief_json_stale


def make_plans(seed_files, chosen_layouts, chosen_locales, out_dir: Path, cache, options: dict,
               catalogs_dir: Path | None = None) -> list[SeedPlan]:
    """Each seed's plan: the key of its brief, its outputs and which of them are stale.
    ``catalogs_dir``: the seeds' content catalogs are there, not beside each seed."""
    chains = {loc: fallback_chain(loc) for loc in chosen_locales}
    shared = {
        "layouts": {lay.name: cache_mod.layout_digest(lay, data_dir(LAYOUTS)) for lay in chosen_layouts},
        "ui": {loc: cache_mod.ui_catalog_digest(chains[loc], locales.translations_dir()) for loc in chosen_locales},
        "chains": chains,
    }
    plans = []
    for seed in seed_files:
        plan = SeedPlan(seed=seed, target=out_dir / seed.stem,
                        catalogs=Path(catalogs_dir) / seed.name if catalogs_dir is not None else None)
        try:
            data = read_limited(seed)  # never a big file read whole to hash it
            if data is None:
                size = os.stat(seed).st_size
                what = f"{size / 1e6:.1f} MB is over" if size > MAX_BYTES else "over"
                plan.error = f"{what} the {MAX_BYTES / 1e6:.0f} MB limit for one article; split it or trim it"
            else:
                plan.error = _catalogs_problem(plan.catalogs, chains)
                plan.extraction = None if plan.error else cache_mod.extraction_key(data)
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
    check_targets(plans, out_dir)
    return plans


def _within(path: Path, folder: Path) -> bool:
    path, folder = os.path.abspath(path), os.path.abspath(folder)
    return os.path.commonpath([path, folder]) == folder and path != folder


def check_targets(plans: list[SeedPlan], out_dir: Path) -> None:
    """Before anything is written: every file a build writes lies in ``out_dir``
    (written as it is and with symlinks followed) and replaces nothing but a regular
    file. InputError (exit 2) naming the first one that does not."""
    real_out = os.path.realpath(out_dir)
    for plan in plans:
        folder = plan.target
        if not _within(folder, out_dir) or not _within(os.path.realpath(folder), real_out):
            raise InputError(f"{folder}: the outputs of {plan.seed} would be written outside {out_dir}; "
                             "rename the seed, or remove the link in the output folder")
        for path in [o.path for o in plan.outputs] + [folder / BRIEF_JSON]:
            if os.path.dirname(os.path.abspath(path)) != os.path.abspath(folder):
                raise InputError(f"{path}: would be written outside {folder}; check the layout's name")
            check_replaceable(path)


def _catalogs_problem(seed: Path, chains: dict) -> str | None:
    """Why the content catalogs beside ``seed`` (<stem>.<locale>.po or .mo) cannot be
    hashed for the cache key, or None: each is read (bounded) before it is hashed."""
    for chain in chains.values():
        for loc in chain:
            for ext in (".po", ".mo"):
                path = seed.with_name(f"{seed.stem}.{loc}{ext}")
                if not os.path.lexists(path):
                    continue
                try:
                    if read_limited(path, MAX_CATALOG_BYTES) is None:
                        return f"{path.name}: over the {MAX_CATALOG_BYTES // 1_000_000} MB limit for a content catalog; is it the right file?"
                except OSError as exc:
                    return f"{path.name}: cannot be read ({exc.strerror or exc}); check the content catalog"
    return None


def _output(plan: SeedPlan, lay, loc: str, cache, shared: dict, options: dict) -> Output:
    """One output of ``plan``, with its key and why it is stale (None when it is not)."""
    path = plan.target / f"{lay.name}.{loc}.pdf"
    output = Output(seed=plan.seed, layout=lay, locale=loc, path=path, key="", why=plan.error)
    if plan.extraction:
        output.parts = cache_mod.render_parts(
            extraction=plan.extraction,
            layout_digest=shared["layouts"][lay.name],
            ui_digest=shared["ui"][loc],
            content_digest=cache_mod.content_catalog_digest(plan.catalogs, shared["chains"][loc]),
            options={"locale": loc, **options},
        )
        output.key = cache_mod.render_key(output.parts)
        output.why = cache.why_stale(path, output.key, output.parts)
    return output


def check_stems(seed_files: list[Path]) -> None:
    """Each seed is built into a folder of its own, named after it (out/<stem>/)."""
    seen: dict[str, Path] = {}
    for seed in seed_files:
        if seed.stem in ("", ".", "..", cache_mod.CACHE_DIRNAME):
            raise InputError(f"{seed}: a seed named like this would be built into {seed.stem or 'the output folder'!r}, "
                             "not a folder of its own; rename it")
        if seed.stem in seen and seen[seed.stem].resolve() != seed.resolve():
            raise InputError(f"{seen[seed.stem]} and {seed} would both be built into {seed.stem}/; rename one of them")
        seen[seed.stem] = seed
