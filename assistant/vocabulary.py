"""The named things of a report that questions refer to: regions, countries, segments, companies."""

from __future__ import annotations

from assistant.report import Named, Report
from assistant.slots import Entity


def vocabulary(report: Report) -> list[Entity]:
    """Every region, country, segment and company the report names, each once."""
    facts = report.facts
    entities: dict[tuple[str, str], Entity] = {}

    def add(kind: str, name: str, dimension: str | None = None) -> None:
        if name and name.lower() != "others":
            entities.setdefault((kind, name.lower()), Entity(kind, name, dimension))

    for dimension, items in facts.segmentation.items():
        is_region = "region" in dimension.lower() or "geograph" in dimension.lower()
        for item in items:
            add("region" if is_region else "segment", item.name, dimension)
            for child in _flatten(item.children):
                add("country" if is_region else "segment", child.name, dimension)
    if facts.largest_region:
        add("region", facts.largest_region.name)
    if facts.fastest_segment:
        add("segment", facts.fastest_segment.name)
    for player in facts.key_players:
        add("company", player.name)
    for development in facts.recent_developments:
        add("company", development.company)
    return list(entities.values())


def _flatten(items: list[Named]) -> list[Named]:
    flat: list[Named] = []
    for item in items:
        flat.append(item)
        flat.extend(_flatten(item.children))
    return flat
