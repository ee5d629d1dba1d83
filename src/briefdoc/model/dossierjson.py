"""Reading and writing a dossier's JSON (dossier.json), validated against the schema."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import ValidationError

from .briefjson import MAX_JSON_BYTES, clean_strings, describe_validation_error
from .dossier import Dossier
from .errors import InputError

DOSSIER_JSON = "dossier.json"
_HINT = "give a dossier.json written by 'briefdoc dossier'"


def dumps_dossier(dossier: Dossier) -> str:
    """The Dossier as JSON text: what `briefdoc dossier` writes and its PDFs embed."""
    return dossier.model_dump_json(indent=2) + "\n"


def is_dossier_data(data: object) -> bool:
    """Whether parsed JSON is meant as a dossier (a brief has no "kind")."""
    return isinstance(data, dict) and data.get("kind") == "dossier"


def load_dossier(path: str | Path) -> Dossier:
    """Read and validate a dossier.json; InputError naming the file and the first
    field that fails the schema."""
    p = Path(path)
    if not p.is_file():
        raise InputError(f"{p}: no such file; check the path")
    try:
        with p.open("rb") as fh:
            raw = fh.read(MAX_JSON_BYTES * 5 + 1)
    except OSError as exc:
        raise InputError(f"{p}: cannot be read ({exc.strerror or exc}); check the file") from None
    if len(raw) > MAX_JSON_BYTES * 5:
        raise InputError(f"{p}: over the {MAX_JSON_BYTES * 5 // 1_000_000} MB limit for a dossier JSON; is this the right file?")
    return loads_dossier(raw, str(p))


def loads_dossier(raw: bytes | str, where: str = "<dossier>") -> Dossier:
    """A validated Dossier from JSON text."""
    try:
        if isinstance(raw, bytes):
            raw = raw.decode("utf-8-sig")
        data = json.loads(raw)
    except UnicodeDecodeError as exc:
        raise InputError(f"{where}: not UTF-8 text (byte {exc.start}); {_HINT}") from None
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}:{exc.lineno}:{exc.colno}: not valid JSON ({exc.msg}); {_HINT}") from None
    except RecursionError:
        raise InputError(f"{where}: the JSON is nested too deeply to be a dossier") from None
    if not isinstance(data, dict):
        raise InputError(f"{where}: a dossier JSON is an object ({{...}}), not a {type(data).__name__}; {_HINT}")
    try:
        return Dossier.model_validate(clean_strings(data))
    except ValidationError as exc:
        raise InputError(f"{where}: {describe_validation_error(exc)}; fix the dossier or run 'briefdoc dossier' on the articles again") from None
