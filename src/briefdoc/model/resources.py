"""The folders shipped with briefdoc: the built-in layouts and the UI catalogs.

In the wheel they are package data (``briefdoc/layouts``, ``briefdoc/translations``,
mapped from the repository's top-level folders by pyproject.toml); an editable
install from a checkout reads those top-level folders themselves."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

LAYOUTS = "layouts"
TRANSLATIONS = "translations"


@lru_cache(maxsize=None)
def data_dir(name: str) -> Path:
    """The shipped folder ``name`` (LAYOUTS or TRANSLATIONS)."""
    package = Path(str(resources.files("briefdoc")))
    packaged = package / name
    if packaged.is_dir():
        return packaged
    checkout = package.parent.parent / name  # src/briefdoc -> the checkout's top level
    return checkout if checkout.is_dir() else packaged
