"""The build's progress: on a terminal a live display (rich) with the outputs done,
their rate, the time elapsed and the time left, the output at hand, and a line for
each failure as it happens; anywhere else nothing (the summary follows the build),
or with ``verbose`` one plain line per output."""

from __future__ import annotations


class Progress:
    """What a build has done so far, drawn on a terminal.

    ``total`` counts the outputs the build has to make (those up to date are not
    work). ``enabled``: draw the live display on ``stream`` (a terminal);
    ``verbose``: without it, one line per output made or failed."""

    def __init__(self, total: int, stream, enabled: bool, *, verbose: bool = False):
        self.total = total
        self.stream = stream
        self.enabled = enabled
        self.verbose = verbose
        self.counts = {"built": 0, "up to date": 0, "failed": 0}
        self.shown: set[str] = set()  # the failures whose line was printed as they happened
        self._live = None
        self._task = None

    def start(self) -> None:
        """Start the live display (a terminal only)."""
        if not self.enabled or self._live is not None or not self.total:
            return
        # rich loads only for a build on a terminal with work to do (--help stays instant)
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress as Live, TextColumn
        from rich.table import Column

        console = Console(file=self.stream, force_terminal=True, highlight=False, soft_wrap=False)
        self._live = Live(
            BarColumn(bar_width=24), MofNCompleteColumn(), _timing_column(),
            TextColumn("{task.description}", table_column=Column(no_wrap=True, overflow="ellipsis", ratio=1)),
            console=console, transient=True, expand=True, refresh_per_second=5,
        )
        done = self.counts["failed"]
        self._task = self._live.add_task("", total=self.total, completed=done)
        self._live.start()

    def advance(self, status: str, n: int = 1, label: str = "", reason: str = "") -> None:
        """``n`` outputs are ``status`` ("built", "failed"); ``label`` names the output,
        ``reason`` says why it failed."""
        self.counts[status] += n
        if status == "failed" and reason:
            self._line(f"briefdoc: failed: {label}: {reason}", failure=True)
        elif self.verbose and label:
            self._line(f"briefdoc: {status}: {label}")
        if self._live is not None:
            self._live.update(self._task, advance=n, description=label)

    def note_failure(self, what: str, reason: str) -> None:
        """A failure known before the work starts (a seed that cannot be read)."""
        self._line(f"briefdoc: failed: {what}: {reason}", failure=True)

    def _line(self, text: str, failure: bool = False) -> None:
        if not (self.verbose or (failure and self.enabled)):
            return
        if failure:
            self.shown.add(text)
        if self._live is not None:
            self._live.console.print(text, markup=False, highlight=False, soft_wrap=True)
        else:
            print(text, file=self.stream, flush=True)

    def draw(self, label: str = "") -> None:
        if self._live is not None:
            self._live.update(self._task, description=label)

    def close(self) -> None:
        if self._live is not None:
            self._live.stop()
            self._live = None


def _timing_column():
    """A column: "3.2 PDF/s  elapsed 0:00:05  ETA 0:00:12"."""
    # rich loads only with the live display (see Progress.start)
    from rich.progress import ProgressColumn
    from rich.text import Text

    def clock(seconds) -> str:
        if seconds is None:
            return "-:--:--"
        s = int(seconds)
        return f"{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}"

    class Timing(ProgressColumn):
        def render(self, task):
            speed = task.finished_speed or task.speed
            rate = f"{speed:.1f} PDF/s" if speed else "-.- PDF/s"
            left = 0 if task.finished else task.time_remaining
            return Text(f"{rate}  elapsed {clock(task.elapsed)}  ETA {clock(left)}", style="progress.remaining")

    return Timing()
