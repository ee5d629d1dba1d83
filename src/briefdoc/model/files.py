"""Writing files so that a reader never sees half of one: a temporary file in the
same folder, then a rename."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import InputError


def write_atomic(path: Path, data: bytes | str, *, durable: bool = True) -> os.stat_result:
    """Write ``data`` to ``path`` through a temporary file in the same folder and
    a rename; return the stat of the file written (taken before the rename, so it
    describes this file even if another build replaces it a moment later).

    ``durable`` fsyncs before the rename (outputs); cache records skip it, since
    a record lost or garbled by a crash is only a miss."""
    path = Path(path)
    if isinstance(data, str):
        data = data.encode("utf-8")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            if durable:
                os.fsync(fh.fileno())
            os.fchmod(fh.fileno(), 0o644)
            st = os.fstat(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    return st


def write_output(path: Path, data: bytes | str) -> None:
    """Write a user's output file atomically (:func:`write_atomic`); a path that
    cannot be written is one clear InputError."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        what = "is a file, not a folder" if folder.exists() else "output folder does not exist"
        raise InputError(f"{folder}: {what}; create the folder or choose another -o")
    if path.is_dir():
        raise InputError(f"{path}: is a folder; give a file name for the output (-o {path / path.name}.pdf)")
    try:
        write_atomic(path, data)
    except OSError as exc:  # no permission, a full disk, a read-only mount
        raise InputError(f"{path}: cannot write ({exc.strerror or exc}); free some space or choose another output folder") from None
