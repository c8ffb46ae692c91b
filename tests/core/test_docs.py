"""The docs stay true: the README's entity table matches the catalog, and every Python snippet
of the READMEs runs as written, offline against the sandbox.

A README's snippets continue from each other (as a reader pastes them one after the other),
so each README runs as one script in a subprocess. A snippet that needs a real Zendesk or
Airbyte account, or a real LLM, is marked with ``<!-- not run: needs a real account -->``
on the line before its fence; only those are skipped, and the test checks that each of them
has an offline twin nearby that does run.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from zendesk_talk_connector.catalog import ENTITIES, SEARCH_ACTION, Source, operations_of

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
READMES = [README, *sorted(ROOT.glob("integrations/*/README.md"))]
SKIP_MARK = "<!-- not run: needs a real account -->"
FRAMEWORKS = {
    "langchain": "langchain_zendesk_talk",
    "llama-index": "llama_index.tools.zendesk_talk",
}
FENCE = re.compile(r"^```python\n(.*?)^```", re.MULTILINE | re.DOTALL)


def test_readme_lists_every_entity_and_action():
    rows = {
        line.split("|")[1].strip(" `"): line.split("|")[2]
        for line in README.read_text().splitlines()
        if line.startswith("| `")
    }
    for entity in ENTITIES:
        assert entity in rows, f"README entity table lacks {entity}"
        for op in operations_of(entity):
            if op.source is Source.API:
                assert f"`{op.action}`" in rows[entity], f"README lacks {entity} {op.action}"
    # every listable entity has the context store search: said once, not per row
    assert f"`{SEARCH_ACTION}`" in README.read_text()


def python_snippets(text: str) -> list[tuple[str, bool]]:
    """Each ``python`` block of a Markdown text, with whether it is marked as not run."""
    snippets = []
    for match in FENCE.finditer(text):
        before = text[: match.start()].rstrip().rsplit("\n", 1)[-1].strip()
        snippets.append((match.group(1), before == SKIP_MARK))
    return snippets


def test_snippets_are_found_and_marks_are_exact():
    snippets = python_snippets(
        f"x\n{SKIP_MARK}\n```python\nskipped()\n```\n\n```python\nrun()\n```\n"
    )
    assert snippets == [("skipped()\n", True), ("run()\n", False)]
    for path in READMES:  # a misspelt mark would silently run nothing or skip nothing
        marks = path.read_text().count("<!-- not run")
        assert marks == sum(skipped for _, skipped in python_snippets(path.read_text()))


@pytest.mark.parametrize("path", READMES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_readme_snippet_runs(path: Path, tmp_path: Path):
    if path.parent.name in FRAMEWORKS:  # the core-only venv (Python 3.10 run) lacks them
        pytest.importorskip(FRAMEWORKS[path.parent.name])
    snippets = python_snippets(path.read_text())
    runnable = [code for code, skipped in snippets if not skipped]
    assert runnable, f"{path} has no snippet that runs offline"
    script = tmp_path / "snippets.py"
    script.write_text("\n\n".join(runnable))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ZENDESK_", "OPENAI_"))}
    env.pop("ANTHROPIC_API_KEY", None)
    done = subprocess.run(
        [sys.executable, str(script)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, f"{path.name} snippets failed:\n{done.stderr[-3000:]}"
