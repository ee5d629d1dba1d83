"""The sandbox layouts run in: Jinja2's immutable sandbox, closed to the filesystem,
with limits on what one expression may build.

Jinja2's sandbox already keeps templates away from Python's internals (no
``__class__``, ``__globals__``...) and caps ``range()`` at 100,000 items. It does
not stop a template from asking for a huge string in one step: ``'x' * 10**10``,
``'%999999999d' % 1``, ``'{:>999999999}'.format(1)``, ``'x'|center(10**10)``,
``10 ** 10 ** 10``. Each of those is refused here (a SecurityError, which the
renderer reports as a template error, exit 3) before the work is done. What is
left (many small steps) is bounded by the render's time and memory limits
(limits.py) and the size limit on a template's output (template.py)."""

from __future__ import annotations

import math
import re
import string
import types
from pathlib import PurePath

from jinja2 import filters as jinja_filters
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError
from jinja2.utils import generate_lorem_ipsum

MAX_STRING = 10_000_000  # characters (or items) one expression may make: a brief's whole HTML is far less
MAX_WIDTH = 10_000  # a format width or precision, a center() or indent() width
MAX_POWER_BITS = 1_000_000  # an integer power may have this many bits (about 300,000 digits)
MAX_LIPSUM = 1_000  # paragraphs or words of lorem ipsum

_UNSAFE_ATTRIBUTES = {"parse_file", "parse_raw", "from_orm", "model_construct", "load", "merge", "add", "mro"}
# %-format conversions: %(name)s, %-10.3f, %*d, %%
_PRINTF = re.compile(r"%(?:\([^)]*\))?[#0\- +]*(\*|\d+)?(?:\.(\*|\d*))?[hlL]?([a-zA-Z%])")
# str methods whose first argument is the width of the string they return
_WIDTH_METHODS = {"center", "ljust", "rjust", "zfill", "expandtabs"}


def _refuse(what: str) -> None:
    raise SecurityError(f"{what}; layouts may not build values this large")


def _check_width(value, what: str) -> None:
    if isinstance(value, int) and abs(value) > MAX_WIDTH:
        _refuse(f"{what} {value} is over {MAX_WIDTH}")


def _check_number_text(text: str | None, what: str) -> None:
    if text and text.isdigit() and (len(text) > 6 or int(text) > MAX_WIDTH):
        _refuse(f"{what} {text[:12]} is over {MAX_WIDTH}")


def check_printf(fmt: str, values) -> None:
    """Refuse a %-format whose widths or precisions (written, or given with *) are over MAX_WIDTH."""
    args = values if isinstance(values, tuple) else (values,)
    k = 0
    for m in _PRINTF.finditer(fmt):
        for part in (m[1], m[2]):
            if part == "*":
                _check_width(args[k] if k < len(args) else None, "a format width")
                k += 1
            else:
                _check_number_text(part, "a format width")
        if m[3] != "%":
            k += 1


def check_format_spec(fmt: str) -> None:
    """Refuse a str.format() string with a width or precision over MAX_WIDTH, or with a
    replacement field inside a format spec ({:{width}}), whose width cannot be known."""
    try:
        parsed = list(string.Formatter().parse(fmt))
    except ValueError:
        return  # str.format raises the same error itself
    for _literal, _field, spec, _conversion in parsed:
        if not spec:
            continue
        if "{" in spec:
            _refuse("a format spec taken from a value ({:{width}})")
        for number in re.findall(r"\d+", spec):
            _check_number_text(number, "a format width")


def _check_binop(operator: str, left, right) -> None:
    if operator == "*":
        seq, n = (left, right) if isinstance(right, int) else (right, left)
        if isinstance(seq, (str, bytes, list, tuple)) and isinstance(n, int) and not isinstance(n, bool) \
                and len(seq) * n > MAX_STRING:
            _refuse(f"repeating {len(seq)} characters or items {n} times is over {MAX_STRING}")
    elif operator == "**":
        if isinstance(left, int) and isinstance(right, int) and right > 0 and abs(left) > 1 \
                and right * math.log2(abs(left)) > MAX_POWER_BITS:
            _refuse(f"{left} ** {right} has over {MAX_POWER_BITS} bits")
    elif operator == "%" and isinstance(left, str):
        check_printf(left, right)


def _check_call(obj, args) -> None:
    """Str methods that make a string far longer than their inputs."""
    owner = getattr(obj, "__self__", None)
    if not isinstance(owner, str) or not isinstance(obj, (types.BuiltinMethodType, types.MethodType)):
        return
    name = obj.__name__
    if name in _WIDTH_METHODS and args:
        _check_width(args[0], f"{name}() width")
    elif name == "replace" and len(args) >= 2 and isinstance(args[0], str) and isinstance(args[1], str):
        count = owner.count(args[0]) if args[0] else len(owner) + 1
        if len(owner) + count * (len(args[1]) - len(args[0])) > MAX_STRING:
            _refuse(f"replace() would make over {MAX_STRING} characters")


def _format_filter(value, *args, **kwargs):
    check_printf(str(value), kwargs or args)
    return jinja_filters.do_format(value, *args, **kwargs)


def _center_filter(value, width=80):
    _check_width(width, "center() width")
    return jinja_filters.do_center(value, width)


def _indent_filter(s, width=4, first=False, blank=False):
    _check_width(width if isinstance(width, int) else len(str(width)), "indent() width")
    return jinja_filters.do_indent(s, width, first, blank)


def _batch_filter(value, linecount, fill_with=None):
    _check_width(linecount, "batch() size")
    return jinja_filters.do_batch(value, linecount, fill_with)


def _slice_filter(value, slices, fill_with=None):
    _check_width(slices, "slice() count")
    return jinja_filters.do_slice(value, slices, fill_with)


def _lipsum(n=5, html=True, min=20, max=100):  # noqa: A002 (Jinja's own argument names)
    for value, what in ((n, "lipsum() paragraphs"), (min, "lipsum() words"), (max, "lipsum() words")):
        if isinstance(value, int) and value > MAX_LIPSUM:
            _refuse(f"{what} {value} is over {MAX_LIPSUM}")
    return generate_lorem_ipsum(n, html, min, max)


class LayoutSandbox(ImmutableSandboxedEnvironment):
    """Jinja2's immutable sandbox, also closed to the filesystem: no attribute of a
    path (``layout.path.joinpath('/etc/passwd').read_text()``), class or module, and
    none of the few model methods that read files or mutate shared state; and no
    expression that makes a huge value in one step (see the module's docstring)."""

    intercepted_binops = frozenset(["*", "**", "%"])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters.update(format=_format_filter, center=_center_filter, indent=_indent_filter,
                            batch=_batch_filter, slice=_slice_filter)
        self.globals["lipsum"] = _lipsum

    def is_safe_attribute(self, obj, attr, value):
        if isinstance(obj, (PurePath, type, types.ModuleType)) or attr in _UNSAFE_ATTRIBUTES:
            return False
        return super().is_safe_attribute(obj, attr, value)

    def call_binop(self, context, operator, left, right):
        _check_binop(operator, left, right)
        return super().call_binop(context, operator, left, right)

    def call(__self, __context, __obj, *args, **kwargs):  # noqa: N805 (Jinja's own signature)
        _check_call(__obj, args)
        return super().call(__context, __obj, *args, **kwargs)

    def wrap_str_format(self, value):
        wrapper = super().wrap_str_format(value)
        if wrapper is None:
            return None
        check_format_spec(value.__self__)
        return wrapper
