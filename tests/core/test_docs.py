"""The README's entity table stays in step with the catalog."""

from __future__ import annotations

from pathlib import Path

from zendesk_talk_connector.catalog import ENTITIES, actions_of

README = Path(__file__).resolve().parents[2] / "README.md"


def test_readme_lists_every_entity_and_action():
    rows = {
        line.split("|")[1].strip(" `"): line.split("|")[2]
        for line in README.read_text().splitlines()
        if line.startswith("| `")
    }
    for entity in ENTITIES:
        assert entity in rows, f"README entity table lacks {entity}"
        for action in actions_of(entity):
            assert f"`{action}`" in rows[entity], f"README lacks {entity} {action}"
