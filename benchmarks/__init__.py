"""Benchmarks: the connector against a raw-httpx floor, side by side (``make bench``).

Not tests: ``python -m benchmarks.run`` writes ``benchmarks/results/report.md`` and
``report.png``; ``--quick`` runs every figure with tiny sizes (used by a smoke test),
``--only GROUP`` one group, and ``--publish`` (``make bench``) also copies a full run to
``benchmarks/REPORT.md`` and ``REPORT.png``.
"""
