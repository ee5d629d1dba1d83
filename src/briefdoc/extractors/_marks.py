"""Quotation marks: the character spans of direct quotes in a text.

A quote is the text between an opening and a closing double quotation mark
(curly “…” or straight "…"). A paragraph that opens a quote and does not close
it continues the quote into the next paragraph when that one opens with a
quotation mark again; each paragraph's piece is its own span, linked by
``chain`` (the index of the first piece). Single quotes (‘…’) inside a double
quote are part of it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

OPEN = "“"
CLOSE = "”"
STRAIGHT = '"'
PAD = "\u0001"  # the second apostrophe of a '' mark (newspaper style) once normalized


@dataclass(frozen=True)
class Mark:
    start: int  # first character of the content (after the opening mark)
    end: int  # after the last character of the content (before the closing mark)
    open_at: int  # offset of the opening mark
    close_at: int | None  # offset of the closing mark, None when the paragraph ends open
    chain: int  # index of the first piece of a multi-paragraph quote (own index otherwise)


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out = []
    for m in re.finditer(r"[^\n]+", text):
        if m.group().strip():
            out.append((m.start(), m.end()))
    return out


def _is_opener(text: str, i: int) -> bool:
    c = text[i]
    if c == OPEN:
        return True
    if c != STRAIGHT:
        return False
    before = text[i - 1] if i > 0 else " "
    w = 2 if i + 1 < len(text) and text[i + 1] == PAD else 1
    after = text[i + w] if i + w < len(text) else " "
    if after.isspace():
        return False
    return before.isspace() or before in "([{—–-/:;," or i == 0


def _is_closer(text: str, i: int) -> bool:
    c = text[i]
    if c == CLOSE:
        return True
    if c != STRAIGHT:
        return False
    return True


@lru_cache(maxsize=8)
def find(text: str) -> tuple[Mark, ...]:
    if "''" in text:
        # '' used as a double quotation mark: same length, so offsets hold
        text = text.replace("''", '"' + PAD)
    marks: list[Mark] = []
    pending_chain: int | None = None  # a quote left open at the end of the previous paragraph
    for p_start, p_end in _paragraphs(text):
        i = p_start
        while i < p_end and text[i].isspace():
            i += 1
        chain_into = pending_chain if (pending_chain is not None and i < p_end and text[i] in (OPEN, STRAIGHT)) else None
        pending_chain = None
        open_at: int | None = None
        j = i
        while j < p_end:
            c = text[j]
            if c == "<" and j + 1 < p_end and (text[j + 1].isalpha() or text[j + 1] == "/"):
                # markup left in the text (<tweet author="...">): its attribute quotes are not quotes
                k = text.find(">", j, min(p_end, j + 600))
                if k != -1:
                    j = k + 1
                    continue
            if c in (OPEN, CLOSE, STRAIGHT):
                if open_at is None:
                    if _is_opener(text, j):
                        open_at = j
                    elif c == STRAIGHT and j + 1 < p_end:
                        open_at = j  # a straight mark we cannot classify: take it as opening
                else:
                    if c == OPEN:
                        # a second opening mark: the first was not closed; restart here
                        open_at = j
                    elif _is_closer(text, j):
                        s, e = open_at + 1, j
                        if s < len(text) and text[s] == PAD:
                            s += 1
                        if e > s:
                            idx = len(marks)
                            chain = chain_into if (chain_into is not None and open_at == i) else idx
                            marks.append(Mark(s, e, open_at, j, chain))
                        open_at = None
            j += 1
        if open_at is not None:
            s, e = open_at + 1, p_end
            if s < len(text) and text[s] == PAD:
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if e - s > 1 and (e - s) > 20:
                idx = len(marks)
                chain = chain_into if (chain_into is not None and open_at == i) else idx
                marks.append(Mark(s, e, open_at, None, chain))
                pending_chain = chain
    return tuple(marks)
