"""The README's entity table stays in step with the catalog."""

from __future__ import annotations

from pathlib import Path

from zendesk_talk_connector.catalog import ENTITIES, SEARCH_ACTION, Source, operations_of

README = Path(__file__).resolve().parents[2] / "README.md"


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
