"""Quotation marks: the character spans of direct quotes in a text.

A quote is the text between an opening and a closing double quotation mark
(curly “…” or straight "…"). A paragraph that opens a quote and does not close
it continues the quote into the next paragraph when that one opens with a
quotation mark again; each paragraph's piece is its own span, linked by
``chain`` (the index of the first piece). Single quotes (‘…’) inside a double
quote are part of it.

British and Commonwealth outlets quote the other way round: single marks (‘…’ or
'…') outside, double marks for a quote within a quote. A text is read that way when its
opening single marks outside double-quoted spans outnumber those spans. There the closing mark is
also the apostrophe: a ’ followed by a letter ("don’t", "people’s") never closes, and
one after an "s" ("the ministers’ plan") closes only when no later mark in the
paragraph can.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

OPEN = "“"
CLOSE = "”"
STRAIGHT = '"'
PAD = "\u0001"  # the second apostrophe of a '' mark (newspaper style) once normalized
_BEFORE_OPENER = "([{—–-/:;,"


@dataclass(frozen=True)
class Style:
    open: str
    close: str
    straight: str

    @property
    def single(self) -> bool:
        return self.straight == "'"


DOUBLE = Style("“", "”", '"')
SINGLE = Style("‘", "’", "'")


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


def _is_opener(text: str, i: int, style: Style = DOUBLE) -> bool:
    c = text[i]
    if style.single:
        if c not in (style.open, style.straight):
            return False
        before = text[i - 1] if i > 0 else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if after.isspace() or re.match(r"\d\ds?\b", text[i + 1:i + 4]):  # ’90s, '09: an elision
            return False
        return before.isspace() or before in _BEFORE_OPENER or i == 0
    if c == OPEN:
        return True
    if c != STRAIGHT:
        return False
    before = text[i - 1] if i > 0 else " "
    w = 2 if i + 1 < len(text) and text[i + 1] == PAD else 1
    after = text[i + w] if i + w < len(text) else " "
    if after.isspace():
        return False
    return before.isspace() or before in _BEFORE_OPENER or i == 0


def _is_closer(text: str, i: int, style: Style = DOUBLE) -> bool:
    c = text[i]
    if style.single:
        if c not in (style.close, style.straight) or i == 0 or text[i - 1].isspace():
            return False
        after = text[i + 1] if i + 1 < len(text) else " "
        return not after.isalnum()  # "don’t", "people’s" are apostrophes
    if c == CLOSE:
        return True
    if c != STRAIGHT:
        return False
    return True


def _possessive(text: str, i: int) -> bool:
    """A closing single mark that may be a plural's apostrophe ("the ministers’ plan")."""
    after = text[i + 1] if i + 1 < len(text) else " "
    return text[i - 1] in "sS" and after in " \t"


def _doubled(text: str, mark: str) -> str:
    """``text`` with each pair of single marks typed for a double one ('', ‘‘, ’’: "“We dedicate ourselves
    to comics,’’ says the founder") replaced by ``mark`` (two characters, so offsets hold)."""
    for pair in ("''", "‘‘", "’’"):
        if pair in text:
            text = text.replace(pair, mark)
    return text


def _single_openers(text: str, outside: tuple[Mark, ...]) -> int:
    """Opening single marks that are not inside one of the ``outside`` quotes."""
    masked = _doubled(text, PAD + PAD)  # '' is a double mark
    spans = [(m.open_at, m.close_at if m.close_at is not None else m.end) for m in outside]
    return sum(1 for m in re.finditer("[‘']", masked)
               if _is_opener(masked, m.start(), SINGLE) and not any(a <= m.start() <= b for a, b in spans))


@lru_cache(maxsize=8)
def style_of(text: str) -> Style:
    """SINGLE when the text's opening single marks, outside its double-quoted spans,
    outnumber its double-quoted spans."""
    if "‘" not in text and "'" not in text:
        return DOUBLE
    doubles = _find(text, DOUBLE)
    return SINGLE if _single_openers(text, doubles) > len(doubles) else DOUBLE


def find(text: str) -> tuple[Mark, ...]:
    """The direct quotes of ``text``, in the text's quoting style."""
    return _find(text, style_of(text))


@lru_cache(maxsize=16)
def _find(text: str, style: Style) -> tuple[Mark, ...]:
    """The quotes of ``text`` read in ``style``, paragraph by paragraph, a quote left open at the end of one
    chained to the next when that one opens with a mark."""
    if not style.single:
        # '' (or ‘‘ and ’’) used as a double quotation mark: same length, so offsets hold
        text = _doubled(text, '"' + PAD)
    marks: list[Mark] = []
    pending_chain: int | None = None  # a quote left open at the end of the previous paragraph
    carried: int | None = None  # the same, past lines of punctuation alone (" .")
    for p_start, p_end in _paragraphs(text):
        if not any(ch.isalnum() for ch in text[p_start:p_end]):
            pending_chain = None  # a line of punctuation alone ends no quote that runs on below it
            continue
        if carried is not None:
            p_start = _run_on(text, style, p_start, p_end, carried, marks)
        pending_chain = _paragraph_marks(text, style, p_start, p_end, pending_chain, marks)
        carried = pending_chain
    return tuple(marks)


def _run_on(text: str, style: Style, p_start: int, p_end: int, chain: int, marks: list[Mark]) -> int:
    """A paragraph that opens in lower case after one left in an open quote continues that sentence (a line
    break in the middle of it, "... of the decision-maker.\n\nbased on the advice of ...," said X): its
    words up to the first closing mark are the quote's last piece (chained to it); where the rest of the
    paragraph starts. Otherwise ``p_start``."""
    i = p_start
    while i < p_end and text[i].isspace():
        i += 1
    if i >= p_end or not text[i].islower():
        return p_start
    for j in range(i, p_end):
        if text[j] in (style.open,):
            return p_start
        if text[j] in (style.close, style.straight) and _is_closer(text, j, style):
            marks.append(Mark(i, j, marks[chain].open_at, j, chain))
            return j + 1
    return p_start


def _paragraph_marks(text: str, style: Style, p_start: int, p_end: int, pending_chain: int | None,
                     marks: list[Mark]) -> int | None:
    """Append the quotes of the paragraph [p_start, p_end) to ``marks``, the first piece of chain
    ``pending_chain`` when it opens with a mark; the chain of a quote it leaves open at its end, or None."""
    i = p_start
    while i < p_end and text[i].isspace():
        i += 1
    chain_into = (pending_chain if (pending_chain is not None and i < p_end and text[i] in (style.open, style.straight))
                  else None)
    open_at = _closed_marks(text, style, i, p_end, chain_into, marks)
    if open_at is None:
        return None
    s, e = open_at + 1, p_end
    if s < len(text) and text[s] == PAD:
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e - s > 1 and (e - s) > 20:
        idx = len(marks)
        chain = chain_into if (chain_into is not None and open_at == i) else idx
        marks.append(Mark(s, e, open_at, None, chain))
        return chain
    return None


def _closed_marks(text: str, style: Style, i: int, p_end: int, chain_into: int | None,
                  marks: list[Mark]) -> int | None:
    """Append the quotes closed within [i, p_end) (``i``: the paragraph's first character) to ``marks``; the
    offset of an opening mark left open at the end, or None."""
    marks_chars = (style.open, style.close, style.straight)
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
        if c in marks_chars:
            if open_at is None:
                if _is_opener(text, j, style) or j == i and _misturned_opener(text, j, p_end, style):
                    open_at = j
                elif c == style.straight and j + 1 < p_end and not style.single:
                    open_at = j  # a straight mark we cannot classify: take it as opening
            elif c == style.open and _nested(text, j, p_end, style):
                # “A “B” C.”: a quote within the quote in the same marks; skip to its closing mark
                j = text.index(style.close, j + 1)
            elif c == style.open:
                # a second opening mark: the first was not closed; its words up to here are a quote when
                # they end a sentence (a closing mark left out: "“... was indivisible. “You had no
                # identity.”"); restart here
                _left_open(text, open_at, j, i, chain_into, marks)
                open_at = j
            elif _is_closer(text, j, style) and not (style.single and _possessive(text, j)
                                                      and _later_closer(text, j, p_end, style)):
                s, e = open_at + 1, j
                if s < len(text) and text[s] == PAD:
                    s += 1
                if e > s:
                    idx = len(marks)
                    chain = chain_into if (chain_into is not None and open_at == i) else idx
                    marks.append(Mark(s, e, open_at, j, chain))
                open_at = None
        j += 1
    return open_at


def _left_open(text: str, open_at: int, j: int, i: int, chain_into: int | None, marks: list[Mark]) -> None:
    """Append the quote an opening mark at ``open_at`` left unclosed before the next opening mark at ``j``,
    when its words end a sentence and are more than a few."""
    s, e = open_at + 1, j
    if s < len(text) and text[s] == PAD:
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e - s > 20 and text[e - 1] in ".!?" and "\n" not in text[s:e]:
        idx = len(marks)
        chain = chain_into if (chain_into is not None and open_at == i) else idx
        marks.append(Mark(s, e, open_at, None, chain))


def _nested(text: str, i: int, p_end: int, style: Style) -> bool:
    """A curly opening mark inside an open quote that opens a quote within it ("“I’d rather live in
    what he calls “hell” than here.”"): two curly closing marks follow in the paragraph before any
    other opening mark."""
    if style.single:
        return False
    closers = 0
    for j in range(i + 1, p_end):
        c = text[j]
        if c == style.open or c == style.straight:
            return False
        if c == style.close:
            closers += 1
            if closers == 2:
                return True
    return False


def _misturned_opener(text: str, i: int, p_end: int, style: Style) -> bool:
    """A closing curly mark that opens its paragraph, typed for an opening one ("”We need more time.”
    ― Maria Lopez"): it opens a quote when the paragraph closes it later with a closing mark and has no
    opening mark before that."""
    if style.single or text[i] != style.close or i + 1 >= p_end or text[i + 1].isspace():
        return False
    for j in range(i + 1, p_end):
        if text[j] == style.open:
            return False
        if text[j] == style.close:
            return True
    return False


def _later_closer(text: str, i: int, p_end: int, style: Style) -> bool:
    """A mark after ``i`` in the paragraph closes, before any opening mark."""
    for j in range(i + 1, p_end):
        c = text[j]
        if c == style.open or c == style.straight and _is_opener(text, j, style) and not _is_closer(text, j, style):
            return False
        if c in (style.close, style.straight) and _is_closer(text, j, style):
            return True
    return False
