"""Bidirectional text: left-to-right runs (Latin names, "EU-Armenia") isolated inside
right-to-left documents, so that their punctuation and order stay right."""

from __future__ import annotations

import html
import unicodedata


def ltr_runs(text: str) -> list[tuple[int, int]]:
    """Spans of ``text`` that read left to right: runs starting and ending with a
    strong LTR character (Latin letters), with the spaces, digits and punctuation
    between such characters ("Nikol Pashinyan", "EU-Armenia"). Digits alone are
    left to the bidi algorithm, which places them correctly."""
    runs: list[tuple[int, int]] = []
    start = last = None
    for i, ch in enumerate(text):
        bidi = unicodedata.bidirectional(ch)
        if bidi == "L":
            if start is None:
                start = i
            last = i
        elif bidi in ("R", "AL"):
            if start is not None:
                runs.append((start, last + 1))
            start = last = None
    if start is not None:
        runs.append((start, last + 1))
    return runs


def isolate_ltr(text: str, *, markup: bool = True) -> str:
    """``text`` with every LTR run isolated, for an RTL document: as HTML
    (``<bdi dir="ltr">`` around each run, the rest escaped) or, with
    ``markup=False``, as plain text with Unicode isolates (LRI ... PDI)."""
    out, pos = [], 0
    for start, end in ltr_runs(text):
        run = text[start:end]
        if markup:
            out.append(html.escape(text[pos:start], quote=False))
            out.append(f'<bdi dir="ltr">{html.escape(run, quote=False)}</bdi>')
        else:
            out.append(text[pos:start])
            out.append("\u2066" + run + "\u2069")
        pos = end
    out.append(html.escape(text[pos:], quote=False) if markup else text[pos:])
    return "".join(out)
