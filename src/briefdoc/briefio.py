"""Reading and writing a Brief's JSON, and getting a Brief from either a seed or
its JSON."""

from __future__ import annotations

import json
from pathlib import Path

from .errors import InputError


def dumps(brief) -> str:
    """The Brief as JSON text: what `briefdoc extract` writes and PDFs embed."""
    return brief.model_dump_json(indent=2) + "\n"


def load_brief(path: str | Path):
    from pydantic import ValidationError

    from .brief import Brief

    p = Path(path)
    if not p.is_file():
        raise InputError(f"{p}: no such file; check the path")
    raw = p.read_bytes()
    if not raw.strip():
        raise InputError(f"{p}: the file is empty; give a brief JSON written by 'briefdoc extract'")
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{p}: not valid JSON ({exc}); give a brief JSON written by 'briefdoc extract'") from None
    try:
        return Brief.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        field = ".".join(str(x) for x in err["loc"]) or "(top level)"
        more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
        raise InputError(f"{p}: field {field}: {err['msg']}{more}; fix the brief or re-run 'briefdoc extract'") from None


def is_brief_json(path: Path) -> bool:
    return path.suffix.lower() == ".json"


def brief_from(path: str | Path):
    """A Brief from a brief JSON, or extracted from a seed."""
    p = Path(path)
    if is_brief_json(p):
        return load_brief(p)
    from .article import read_article
    from .extract import extract

    article = read_article(p)
    return extract(article.text, article=article)
