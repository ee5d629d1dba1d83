"""The build's progress line on a terminal."""

from __future__ import annotations

import shutil


class Progress:
    """A one-line progress bar on a terminal; silent on anything else."""

    def __init__(self, total: int, stream, enabled: bool):
        self.total = total
        self.stream = stream
        self.enabled = enabled
        self.counts = {"built": 0, "up to date": 0, "failed": 0}
        self.last = ""

    def advance(self, status: str, n: int = 1, label: str = "") -> None:
        self.counts[status] += n
        self.draw(label)

    def draw(self, label: str = "") -> None:
        if not self.enabled:
            return
        done = sum(self.counts.values())
        width = shutil.get_terminal_size((80, 20)).columns
        bar_width = 20
        filled = bar_width * done // max(self.total, 1)
        c = self.counts
        line = (
            f"[{'#' * filled}{'.' * (bar_width - filled)}] {done}/{self.total}"
            f"  built {c['built']}  up to date {c['up to date']}  failed {c['failed']}  {label}"
        )
        line = line[: max(width - 1, 10)]
        self.stream.write("\r" + line + "\x1b[K")
        self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
