"""Writing files so that a reader never sees half of one: a temporary file in the
same folder, then a rename.

A rename replaces whatever had the name, so only a regular file (or nothing) is
ever replaced: a symbolic link, a device, a FIFO or a socket is refused, never
turned into a file. A user's output (``-o``) that is a FIFO or a character device
(``-o /dev/null``) is written into, as ``cat > path`` would; a symbolic link is
refused even when it points at one (``/dev/stdout``): ``-`` is standard output
(:func:`write_stdout`), and standard input (:func:`read_stdin`)."""

from __future__ import annotations

import os
import stat
import sys
import tempfile
from pathlib import Path

from .errors import InputError, OutputError

_KINDS = {stat.S_IFLNK: "a symbolic link", stat.S_IFCHR: "a character device", stat.S_IFBLK: "a block device",
          stat.S_IFIFO: "a FIFO (named pipe)", stat.S_IFSOCK: "a socket", stat.S_IFDIR: "a folder"}


class NotRegularFileError(OutputError, OSError):
    """An output path names something a rename would destroy (a link, a device, a
    FIFO, a socket). Both an OutputError (exit 2, one line) and an OSError, so that
    code that gives up on a file it cannot write treats it as one."""

    def __init__(self, path: Path, kind: str):
        if kind == "a symbolic link" and _to_a_stream(path):
            advice = "briefdoc replaces only regular files: to write to standard output, give -o -"
        elif kind == "a symbolic link":
            advice = "briefdoc replaces only regular files: remove the link or choose another output"
        else:
            advice = "briefdoc replaces only regular files: choose another output"
        super().__init__(f"{path}: is {kind}; {advice}")
        self.strerror = f"is {kind}; {advice}"


STDIO = "-"  # as a path: standard input (an argument) or standard output (-o)


def is_stdio(path) -> bool:
    """``path`` is ``-``: standard input or output, as Unix tools take it."""
    return path is not None and str(path) == STDIO


def _to_a_stream(path: Path) -> bool:
    """A link to one of the process's own streams (/dev/stdout -> /proc/self/fd/1)."""
    try:
        target = os.readlink(path)
    except OSError:
        return False
    return target.startswith(("/proc/self/fd/", "/dev/fd/")) or str(path) in ("/dev/stdout", "/dev/stderr")


def read_stdin(limit: int, what: str = "an article") -> bytes:
    """Standard input, read whole (at most ``limit`` bytes; one byte more is an
    InputError, as is nothing to read or a terminal, which would wait for typing)."""
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise InputError(f"-: there is no standard input; pipe {what} in (cat article.md | briefdoc extract -) or give a file")
    if stream.isatty():
        raise InputError(f"-: standard input is a terminal; pipe {what} in (cat article.md | briefdoc extract -) or give a file")
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise InputError(f"-: standard input is over the {limit / 1e6:.0f} MB limit for {what}; split it or trim it")
    if not data.strip():
        raise InputError(f"-: standard input is empty; pipe {what} in")
    return data


def write_stdout(data: bytes | str) -> None:
    """``data`` to standard output in one piece, once it is all made (a failure before
    writes nothing). A reader that closed the pipe (``| head``) ends the writing quietly."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    sys.stdout.flush()
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(1, view):]
    except BrokenPipeError:
        # nothing more can reach the reader; keep Python from complaining on exit
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.close(devnull)


def existing_kind(path: Path) -> str | None:
    """What ``path`` names when that is not a regular file ("a symbolic link",
    "a FIFO (named pipe)"...); None for a regular file or nothing."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return None
    except OSError:
        return None  # a folder on the way is missing or unreadable: the write says why
    if stat.S_ISREG(mode):
        return None
    return _KINDS.get(stat.S_IFMT(mode), "not a regular file")


def check_replaceable(path: Path) -> None:
    """Raise NotRegularFileError when writing ``path`` would replace something that
    is not a regular file."""
    kind = existing_kind(path)
    if kind is not None:
        raise NotRegularFileError(path, kind)


def write_atomic(path: Path, data: bytes | str, *, durable: bool = True) -> os.stat_result:
    """Write ``data`` to ``path`` through a temporary file in the same folder and
    a rename; return the stat of the file written (taken before the rename, so it
    describes this file even if another build replaces it a moment later).
    NotRegularFileError when ``path`` is not a regular file (nothing is written).

    ``durable`` fsyncs before the rename (outputs); cache records skip it, since
    a record lost or garbled by a crash is only a miss."""
    path = Path(path)
    if isinstance(data, str):
        data = data.encode("utf-8")
    check_replaceable(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            if durable:
                os.fsync(fh.fileno())
            os.fchmod(fh.fileno(), 0o644)
            st = os.fstat(fh.fileno())
        check_replaceable(path)  # made a link or a FIFO while this was written
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    return st


def _write_through(path: Path, data: bytes) -> None:
    """Write ``data`` into the FIFO or character device at ``path``, as ``cat > path`` would."""
    fd = os.open(path, os.O_WRONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
    try:
        mode = os.fstat(fd).st_mode
        if not (stat.S_ISFIFO(mode) or stat.S_ISCHR(mode)):  # swapped since it was looked at
            raise NotRegularFileError(path, _KINDS.get(stat.S_IFMT(mode), "not a regular file"))
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
    finally:
        os.close(fd)


_WRITTEN_THROUGH = (_KINDS[stat.S_IFIFO], _KINDS[stat.S_IFCHR])


def check_output(path: Path) -> str | None:
    """Check, before the work, that a user's output can be written at ``path``: its
    folder exists, and it is a regular file, nothing, a FIFO or a character device
    (returned: what is there, None for a file or nothing). InputError otherwise."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        what = "is a file, not a folder" if folder.exists() else "output folder does not exist"
        raise InputError(f"{folder}: {what}; create the folder or choose another -o")
    kind = existing_kind(path)
    if kind == "a folder":
        raise InputError(f"{path}: is a folder; give a file name for the output (-o {path / path.name}.pdf)")
    if kind is not None and kind not in _WRITTEN_THROUGH:
        raise NotRegularFileError(path, kind)
    return kind


def write_output(path: Path, data: bytes | str) -> None:
    """Write a user's output file atomically (:func:`write_atomic`), or into the FIFO
    or character device it names; a symbolic link, block device or socket is refused
    and left as it is. A path that cannot be written is one clear InputError."""
    path = Path(path)
    if isinstance(data, str):
        data = data.encode("utf-8")
    kind = check_output(path)
    try:
        if kind in _WRITTEN_THROUGH:
            _write_through(path, data)
        else:
            write_atomic(path, data)
    except NotRegularFileError:
        raise
    except OSError as exc:  # no permission, a full disk, a read-only mount, a closed pipe
        raise InputError(f"{path}: cannot write ({exc.strerror or exc}); free some space or choose another output folder") from None
