"""Errors that the CLI turns into one line on stderr and an exit code.

Exit codes (documented in the README): 0 done; 1 internal error (a bug);
2 bad input or usage; 3 render failure; 4 a build in which some outputs failed;
130 interrupted."""

from __future__ import annotations

import re

EXIT_OK = 0
EXIT_INTERNAL = 1
EXIT_INPUT = 2
EXIT_RENDER = 3
EXIT_PARTIAL = 4
EXIT_INTERRUPTED = 130

MAX_MESSAGE = 400  # characters: an error is one line a person reads, not a dump


class BriefdocError(Exception):
    """An error with a message fit for a user: what is wrong, where, what to do."""

    exit_code = EXIT_INTERNAL


class InputError(BriefdocError):
    """Bad input or usage: a missing or unreadable file, an unknown layout or locale,
    an output that cannot be written."""

    exit_code = EXIT_INPUT


class OutputError(InputError):
    """An output file or folder cannot be written (missing, not a folder, read-only, full)."""


class RenderError(BriefdocError):
    """A brief could not be rendered (a broken layout, a missing glyph)."""

    exit_code = EXIT_RENDER


class PartialBuildError(BriefdocError):
    """A build wrote some outputs and failed on others."""

    exit_code = EXIT_PARTIAL


def one_line(message: object, limit: int = MAX_MESSAGE) -> str:
    """``message`` as a single line of at most ``limit`` characters: newlines and
    runs of whitespace become one space, control characters are shown escaped, and
    a long message is cut in the middle (its start says what, its end says what to do)."""
    text = re.sub(r"\s+", " ", str(message)).strip()
    text = "".join(c if c.isprintable() else f"\\x{ord(c):02x}" if ord(c) < 256 else f"\\u{ord(c):04x}" for c in text)
    if len(text) > limit:
        head = limit * 2 // 3
        tail = limit - head - 5
        text = f"{text[:head]} ... {text[-tail:]}"
    return text
