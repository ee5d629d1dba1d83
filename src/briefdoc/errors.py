"""Errors that the CLI turns into one line on stderr and an exit code."""


class BriefdocError(Exception):
    """An error with a message fit for a user: what is wrong, where, what to do."""

    exit_code = 1


class InputError(BriefdocError):
    """Bad input or usage: a missing or unreadable file, an unknown layout or locale."""

    exit_code = 2


class RenderError(BriefdocError):
    """A brief could not be rendered (a broken layout, a missing glyph)."""

    exit_code = 3
