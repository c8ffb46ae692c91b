"""The progress line of ``zendesk-talk sync``: records, pages and an ETA at the rate limit."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TextIO

from ._schema import TABLES
from ._sync import SyncProgress


class SyncProgressBar:
    """Prints one line per entity (redrawn in place on a terminal).

    Exports show how far through the time window the sync is and the time left: the pages
    still to read (estimated from the share of the window done so far) at the export rate
    limit, or at the pace observed when that is slower.
    """

    WIDTH = 20

    def __init__(
        self,
        since: int,
        until: int,
        per_minute: int | None,
        stream: TextIO,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.since, self.until, self.per_minute = since, until, per_minute
        self.stream, self.clock = stream, clock
        self.live = stream.isatty()
        self.started: dict[str, float] = {}

    def __call__(self, event: SyncProgress) -> None:
        started = self.started.setdefault(event.entity, self.clock())
        line = f"{event.entity}: {event.records:,} records, {event.pages:,} pages"
        if TABLES[event.entity].incremental and not event.done:
            done = self._share_done(event.window_end)
            filled = round(done * self.WIDTH)
            eta = self._eta(done, event.pages, self.clock() - started)
            line = f"{line} [{'#' * filled}{'.' * (self.WIDTH - filled)}] {done:4.0%}, ETA {eta}"
        if self.live:
            self.stream.write("\r\x1b[K" + line + ("\n" if event.done else ""))
        else:
            self.stream.write(line + "\n")
        self.stream.flush()

    def _share_done(self, window_end: int | None) -> float:
        if window_end is None:
            return 0.0
        span = max(1, self.until - self.since)
        return min(1.0, max(0.0, (window_end - self.since) / span))

    def _eta(self, done: float, pages: int, elapsed: float) -> str:
        if done <= 0:
            return "unknown"
        pages_left = pages * (1 - done) / done
        per_page = elapsed / max(pages, 1)
        if self.per_minute is not None:
            per_page = max(per_page, 60 / self.per_minute)
        seconds = round(pages_left * per_page)
        return f"{seconds // 60}m{seconds % 60:02d}s"
