"""Limits on one render (template, layout and PDF): wall-clock time and memory.

A layout is code from another team, and a brief can be large: a template that loops
a billion times, or a document WeasyPrint lays out for an hour, must end in a clear
render failure (exit 3, naming the layout), not a hung build or a machine out of
memory. The limits hold for the whole of one ``render_pdf`` or ``render_html``
call (:func:`limited`), wherever it runs: the ``render`` command, a build's worker process, the API.

- Time: after ``seconds`` an exception is raised in the rendering thread, between
  two Python steps (a signal timer in the main thread, an asynchronous exception
  from a watchdog thread elsewhere), and raised again every quarter second until
  the render has unwound, in case a library swallowed it.
- Memory: the process's address space may grow by ``megabytes`` during the render
  (RLIMIT_AS, lowered for the render and restored after); past that an allocation
  fails with MemoryError. The limit is on the process: in a program that renders
  from several threads at once, their renders share it; a build's workers each get
  their share of it (share_memory), so that a build stays within it too.

Both default to generous values for real briefs (a brief of the 2 MB article limit
renders well within them) and can be set with the environment variables
BRIEFDOC_RENDER_SECONDS and BRIEFDOC_RENDER_MEMORY_MB (0: no limit)."""

from __future__ import annotations

import contextlib
import ctypes
import os
import resource
import signal
import sys
import threading

from ..model.errors import InputError, RenderError

DEFAULT_SECONDS = 30.0
DEFAULT_MEGABYTES = 1024
_REPEAT = 0.25  # seconds between reminders once the time is up
MIN_SHARE_MB = 256  # a build worker's share of the memory budget is never less (a warm worker's render needs tens of MB)
_shares = [1]

_state = threading.local()
_rlimit_lock = threading.Lock()
_rlimit_users = [0, None]  # renders holding the lowered limit, and the limit to restore


class RenderLimitError(RenderError):
    """A render stopped at its time or memory limit (exit 3, naming the layout)."""


class _TimeUp(BaseException):
    """Raised in the rendering thread when the time is up. A BaseException, so that
    the ``except Exception`` of a library that logs and goes on does not swallow it."""


def configured() -> tuple[float, int]:
    """(seconds, megabytes) from the environment, or the defaults; 0 means no limit."""
    values = []
    for name, default, kind in (("BRIEFDOC_RENDER_SECONDS", DEFAULT_SECONDS, float),
                                ("BRIEFDOC_RENDER_MEMORY_MB", DEFAULT_MEGABYTES, int)):
        raw = os.environ.get(name, "").strip()
        if not raw:
            values.append(default)
            continue
        try:
            value = kind(raw)
            if value < 0 or value != value:
                raise ValueError(raw)
        except ValueError:
            raise InputError(f"{name}={raw!r} is not a number (0 for no limit); fix or unset it") from None
        values.append(value)
    return values[0], values[1]


@contextlib.contextmanager
def capped(seconds: float, megabytes: int):
    """Renders in this block get at most ``seconds`` and ``megabytes`` (a build's
    warm-up render of a tiny brief must not spend a slow layout's whole budget)."""
    previous = getattr(_state, "cap", None)
    _state.cap = (seconds, megabytes)
    try:
        yield
    finally:
        _state.cap = previous


def share_memory(processes: int) -> None:
    """This process is one of ``processes`` that render at the same time (a build's
    workers): each gets its share of the memory budget, at least MIN_SHARE_MB, so
    that together they stay within it."""
    _shares[0] = max(1, processes)


def limited(layout_name: str, fn, *args, **kwargs):
    """``fn(*args, **kwargs)`` under the render limits; RenderLimitError naming the
    layout when one is reached. A call made inside another (render_pdf calling
    render_html) shares the outer call's limits."""
    if getattr(_state, "active", False):
        return fn(*args, **kwargs)
    seconds, megabytes = configured()
    if megabytes and _shares[0] > 1:
        megabytes = max(MIN_SHARE_MB, megabytes // _shares[0])
    cap = getattr(_state, "cap", None)
    if cap is not None:
        seconds = min(seconds, cap[0]) if seconds else cap[0]
        megabytes = min(megabytes, cap[1]) if megabytes else cap[1]
    _state.active = True
    memory = False
    try:
        memory = bool(megabytes) and _lower_address_space(megabytes)
        timer = _Timer(seconds) if seconds else None
        try:
            if timer is not None:
                timer.start()
            return _body(fn, args, kwargs)
        finally:
            if timer is not None:
                timer.stop()
    except _TimeUp:
        raise RenderLimitError(f"layout {layout_name!r}: the render took longer than {seconds:g} s and was stopped; "
                          "simplify the layout's template, or set BRIEFDOC_RENDER_SECONDS") from None
    except MemoryError:
        raise RenderLimitError(f"layout {layout_name!r}: the render needed more than {megabytes} MB of memory and was "
                          "stopped; simplify the layout's template, or set BRIEFDOC_RENDER_MEMORY_MB") from None
    finally:
        if memory:
            _restore_address_space()
        _state.active = False


def _body(fn, args, kwargs):
    """The limited call itself: _TimeUp is raised only while this frame is running, so
    that it never lands in the code that stops the timer and reports it."""
    return fn(*args, **kwargs)


def _running_body(frame) -> bool:
    while frame is not None:
        if frame.f_code is _body.__code__:
            return True
        frame = frame.f_back
    return False


def _ignore(signum, frame) -> None:
    """A SIGALRM that was already on its way when the timer was stopped."""


class _Timer:
    """Raises _TimeUp in the current thread after ``seconds``, then every _REPEAT s
    (in case a library swallowed it) until stopped; only while _body runs."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.main = threading.current_thread() is threading.main_thread()
        self.previous = None
        self.done = threading.Event()
        self.lock = threading.Lock()
        self.thread_id = threading.get_ident()

    def start(self) -> None:
        if self.main:
            self.previous = signal.signal(signal.SIGALRM, self._on_alarm)
            signal.setitimer(signal.ITIMER_REAL, self.seconds, _REPEAT)
        else:
            threading.Thread(target=self._watch, name="briefdoc-render-timer", daemon=True).start()

    def stop(self) -> None:
        if self.main:
            signal.setitimer(signal.ITIMER_REAL, 0)
            # Not SIG_DFL: an alarm already on its way would end the process.
            signal.signal(signal.SIGALRM, self.previous if callable(self.previous) else _ignore)
        else:
            with self.lock:  # the watchdog sends nothing after this
                self.done.set()
            ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(self.thread_id), None)  # nor is one pending

    @staticmethod
    def _on_alarm(signum, frame):
        if _running_body(frame):
            raise _TimeUp

    def _watch(self) -> None:
        if self.done.wait(self.seconds):
            return
        while True:
            with self.lock:
                if self.done.is_set():
                    return
                frame = sys._current_frames().get(self.thread_id)
                if _running_body(frame):
                    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(self.thread_id), ctypes.py_object(_TimeUp))
                del frame
            self.done.wait(_REPEAT)


def _address_space() -> int:
    """The process's current virtual size in bytes (0 when unknown)."""
    try:
        with open("/proc/self/statm", "rb") as fh:
            return int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def _lower_address_space(megabytes: int) -> bool:
    """Let the address space grow by ``megabytes`` from here; True when a limit was set."""
    with _rlimit_lock:
        if _rlimit_users[0]:  # another thread's render set it: share that one
            _rlimit_users[0] += 1
            return True
        now = _address_space()
        if not now:
            return False
        try:
            soft, hard = resource.getrlimit(resource.RLIMIT_AS)
            wanted = now + megabytes * 2 ** 20
            if hard != resource.RLIM_INFINITY:
                wanted = min(wanted, hard)
            if soft != resource.RLIM_INFINITY and soft <= wanted:
                return False  # already as tight
            resource.setrlimit(resource.RLIMIT_AS, (wanted, hard))
        except (OSError, ValueError):
            return False
        _rlimit_users[:] = [1, soft]
        return True


def _restore_address_space() -> None:
    with _rlimit_lock:
        _rlimit_users[0] -= 1
        if _rlimit_users[0] == 0:
            _, hard = resource.getrlimit(resource.RLIMIT_AS)
            try:
                resource.setrlimit(resource.RLIMIT_AS, (_rlimit_users[1], hard))
            except (OSError, ValueError):
                pass
