"""briefdoc.toml: a project's defaults for the commands, read from the working folder
(or the file ``--config`` names). Options on the command line override it.

```toml
seeds = ["articles/"]          # build's SEEDS
out = "out"                    # build's -o
layouts = ["brief", "memo"]    # --layouts (a list, or "brief,memo")
locales = ["en", "fr", "ru"]   # --locales
jobs = 2                       # --jobs
scheduler = "tcp://10.0.0.5:8786"  # build --scheduler: a Dask cluster (or "local:2")
translations = "catalogs"      # build: content catalogs <stem>.<locale>.po there, not beside each seed
layouts_dir = ["my-layouts"]   # --layouts-dir (every command that takes it)
pdf_variant = "pdf/ua-1"       # --pdf-variant (render, build, dossier)

[dossier]                      # 'briefdoc dossier' with no ARTICLES
articles = ["lachin/"]
out = "dossier-out"
title = "The Lachin corridor"
layouts = ["dossier"]
locales = ["en", "ru"]
```

Paths are relative to the file's folder. A key it does not know, or a value of the
wrong kind, is an InputError naming the key and the file."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from .model.errors import InputError

FILENAME = "briefdoc.toml"
MAX_BYTES = 1_000_000


def _text(value, key: str, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise InputError(f"{where}: {key} must be a non-empty string; fix it or remove the key")
    return value.strip()


def _names(value, key: str, where: str) -> list[str]:
    """A list of names: ["brief", "memo"] or "brief,memo"."""
    if isinstance(value, str):
        value = [v for v in value.split(",")]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InputError(f"{where}: {key} must be a list of names, e.g. {key} = [\"en\", \"fr\"]; fix it")
    names = [v.strip() for v in value if v.strip()]
    if not names:
        raise InputError(f"{where}: {key} is empty; name at least one, or remove the key")
    return names


def _paths(value, key: str, where: str, base: Path) -> list[Path]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v.strip() for v in value):
        raise InputError(f"{where}: {key} must be a path or a list of paths, e.g. {key} = [\"seeds\"]; fix it")
    return [base / v for v in value]


def _path(value, key: str, where: str, base: Path) -> Path:
    return base / _text(value, key, where)


def _jobs(value, key: str, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise InputError(f"{where}: {key} must be a whole number of at least 1, e.g. {key} = 2; fix it")
    return value


def _scheduler(value, key: str, where: str) -> str:
    value = _text(value, key, where)
    if not re.fullmatch(r"tcp://\S+:\d+/?|local:\d+", value):
        raise InputError(f"{where}: {key} = {value[:200]!r}: give \"tcp://HOST:PORT\" (a running dask scheduler) "
                         "or \"local:N\" (N worker processes on this machine)")
    return value


def _variant(value, key: str, where: str) -> str:
    # the variants are the render stage's; it loads only when a config names one
    from .render.layouts import PDF_VARIANTS

    value = _text(value, key, where)
    if value not in PDF_VARIANTS:
        raise InputError(f"{where}: {key} = {value!r}: choose one of {', '.join(PDF_VARIANTS)}")
    return value


# key -> how its value is read: (value, key, where, base folder) -> the value the commands use
_TOP = {
    "seeds": lambda v, k, w, b: _paths(v, k, w, b),
    "out": lambda v, k, w, b: _path(v, k, w, b),
    "layouts": lambda v, k, w, b: _names(v, k, w),
    "locales": lambda v, k, w, b: _names(v, k, w),
    "jobs": lambda v, k, w, b: _jobs(v, k, w),
    "scheduler": lambda v, k, w, b: _scheduler(v, k, w),
    "translations": lambda v, k, w, b: _path(v, k, w, b),
    "layouts_dir": lambda v, k, w, b: _paths(v, k, w, b),
    "pdf_variant": lambda v, k, w, b: _variant(v, k, w),
}
_DOSSIER = {
    "articles": _TOP["seeds"],
    "out": _TOP["out"],
    "title": lambda v, k, w, b: _text(v, k, w),
    "layouts": _TOP["layouts"],
    "locales": _TOP["locales"],
}


@dataclass
class Config:
    """What briefdoc.toml says: ``values`` (its top-level keys) and ``dossier`` (its
    [dossier] table), each read into the form the commands take; ``path`` is None when
    there is no file."""

    path: Path | None = None
    values: dict = field(default_factory=dict)
    dossier: dict = field(default_factory=dict)

    def get(self, key: str, given=None, default=None):
        """The option's value: ``given`` on the command line, else the file's, else ``default``."""
        if given is not None and given != [] and given != ():
            return given
        return self.values.get(key, default)


def load(explicit: Path | None = None, folder: Path | None = None) -> Config:
    """The config: the file ``explicit`` names (it must exist), else briefdoc.toml in
    ``folder`` (the working folder) if there is one, else an empty Config."""
    path = Path(explicit) if explicit is not None else (Path(folder) if folder else Path(".")) / FILENAME
    if explicit is None and not path.is_file():
        return Config()
    where = str(path)
    try:
        with open(path, "rb") as fh:
            raw = fh.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise InputError(f"{where}: no such file; check --config") from None
    except IsADirectoryError:
        raise InputError(f"{where}: is a folder; give --config the briefdoc.toml file") from None
    except OSError as exc:
        raise InputError(f"{where}: cannot be read ({exc.strerror or exc}); check its permissions") from None
    if len(raw) > MAX_BYTES:
        raise InputError(f"{where}: over {MAX_BYTES // 1_000_000} MB; is it the right file?")
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise InputError(f"{where}: is not UTF-8 text; save it as UTF-8") from None
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"{where}: not valid TOML ({exc}); fix the file") from None
    return _read(data, path)


def _read(data: dict, path: Path) -> Config:
    where, base = str(path), path.parent
    config = Config(path=path)
    for key, value in data.items():
        if key == "dossier" and isinstance(value, dict):
            for sub, subvalue in value.items():
                if sub not in _DOSSIER:
                    raise InputError(f"{where}: unknown key 'dossier.{sub}'; the [dossier] table knows "
                                     f"{', '.join(_DOSSIER)}")
                config.dossier[sub] = _DOSSIER[sub](subvalue, f"dossier.{sub}", where, base)
        elif key in _TOP:
            config.values[key] = _TOP[key](value, key, where, base)
        else:
            raise InputError(f"{where}: unknown key {key!r}; briefdoc.toml knows {', '.join(_TOP)} and [dossier]")
    return config
