"""Hard-wrapped text: paragraphs broken into lines of a fixed width (e-mail, wire copy,
plain-text exports), which the parser and every extractor would otherwise read as a
sentence or a paragraph ending at each line.

``unwrap`` returns the text with the line breaks inside such paragraphs turned into
spaces, character for character, so that offsets into it are offsets into the original.
A text is taken as hard-wrapped when its lines are short (95% of them at most 100
characters) and most lines that run on into another line stop mid-sentence. A line
break stays when the line is short for the width (a heading, the last line of a
paragraph), when the next line is a list item, and, in a text that does not separate
its paragraphs by blank lines, when the line ends a sentence.
"""

from __future__ import annotations

import re

MAX_WIDTH = 100  # a wider text is written one paragraph per line
_SENTENCE_END = re.compile(r"[.!?:;\"”’')\]]\s*$")
_LIST_ITEM = re.compile(r"^\s*(?:[-*•–—]\s|\d{1,2}[.)]\s|[A-Za-z][.)]\s)")


def _width(lengths: list[int]) -> int:
    ordered = sorted(lengths)
    return ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]


def unwrap(text: str) -> str:
    """``text`` with the line breaks inside hard-wrapped paragraphs as spaces (same length)."""
    if text.count("\n") < 4:
        return text
    lines = text.split("\n")
    lengths = [len(line.rstrip()) for line in lines if line.strip()]
    if len(lengths) < 4:
        return text
    width = _width(lengths)
    if width > MAX_WIDTH or width < 30:
        return text
    pairs = [i for i in range(len(lines) - 1) if lines[i].strip() and lines[i + 1].strip()]
    if len(pairs) < 3:
        return text
    full = {i for i in pairs if len(lines[i].rstrip()) >= 0.6 * width}
    open_ended = {i for i in full if not _SENTENCE_END.search(lines[i])}
    if len(open_ended) < 3 or len(open_ended) < 0.5 * len(pairs):
        return text
    blank_separated = any(not line.strip() for line in lines[1:-1])
    out = list(text)
    at = 0
    for i, line in enumerate(lines[:-1]):
        at += len(line)  # the offset of this line's "\n"
        if i in open_ended or (blank_separated and i in full):
            if not _LIST_ITEM.match(lines[i + 1]):
                out[at] = " "
        at += 1
    return "".join(out)
