"""``python -m benchmarks.stack_chunks``: the same calls, timed at every stack depth up to 400.

Why the import rows' control costs more than ``-c``: CPython keeps Python frames in a stack
of chunks that it maps from the OS when a call needs one and unmaps as soon as it empties.
A loop whose calls cross a chunk boundary maps and unmaps a chunk on every call, so the same
work is many times slower at a few depths than at the others. An import that runs at such a
depth (reached through a package, a lazy ``__getattr__``...) pays it for its hot calls.
Prints the fastest and the slowest depth; ``strace -c -e trace=mmap,munmap`` shows the calls.
"""

from __future__ import annotations

import sys
import time

CALLS = 50_000
DEPTHS = range(400)


def _leaf(a: int, b: int, c: int, d: int) -> list[int]:
    return [a, b, c, d]


def _work() -> list[int]:
    # Locals take room in the frame, so a chunk boundary falls inside this call at some depth.
    a1 = a2 = a3 = a4 = a5 = a6 = a7 = a8 = a9 = a10 = a11 = a12 = a13 = a14 = a15 = a16 = 0
    return _leaf(a1 + a2 + a3 + a4, a5 + a6 + a7 + a8, a9 + a10 + a11 + a12, a13 + a14 + a15 + a16)


def _timed_at(depth: int) -> float:
    if depth:
        return _timed_at(depth - 1)
    started = time.perf_counter()
    for _ in range(CALLS):
        _work()
    return time.perf_counter() - started


def main() -> int:
    timings = sorted((_timed_at(depth), depth) for depth in DEPTHS)
    (fastest, at_fastest), (slowest, at_slowest) = timings[0], timings[-1]
    print(
        f"Python {sys.version.split()[0]}: {CALLS:,} calls take {fastest * 1000:.1f} ms at depth "
        f"{at_fastest} and {slowest * 1000:.1f} ms at depth {at_slowest} "
        f"({slowest / fastest:.0f}x)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
