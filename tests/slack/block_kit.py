"""The Block Kit rules Slack enforces on the blocks the bot sends, checked the way Slack would refuse them.

Covers the block and element types the bot uses (https://docs.slack.dev/reference/block-kit/blocks):
section, context, divider, actions with buttons, and rich_text with sections and quotes.
"""

from __future__ import annotations

from typing import Any

MAX_BLOCKS = 50
MAX_TEXT = 3000
MAX_CONTEXT_ELEMENTS = 10
MAX_ACTIONS = 25
MAX_BUTTON_TEXT = 75
MAX_BUTTON_VALUE = 2000
MAX_ID = 255


def _text_object(
    obj: Any, where: str, problems: list[str], kinds: tuple[str, ...] = ("mrkdwn", "plain_text")
) -> None:
    if not isinstance(obj, dict) or obj.get("type") not in kinds:
        problems.append(f"{where}: not a {'/'.join(kinds)} text object: {obj!r}"[:200])
        return
    text = obj.get("text")
    if not isinstance(text, str) or not 1 <= len(text) <= MAX_TEXT:
        problems.append(f"{where}: text must be 1-{MAX_TEXT} characters, got {len(text or '')}")


def _rich_text(block: dict[str, Any], where: str, problems: list[str]) -> None:
    elements = block.get("elements")
    if not isinstance(elements, list) or not elements:
        problems.append(f"{where}: rich_text needs elements")
        return
    for i, part in enumerate(elements):
        if not isinstance(part, dict) or part.get("type") not in ("rich_text_section", "rich_text_quote"):
            problems.append(f"{where}.elements[{i}]: unsupported rich text part")
            continue
        for j, leaf in enumerate(part.get("elements") or []):
            if (
                not isinstance(leaf, dict)
                or leaf.get("type") != "text"
                or not isinstance(leaf.get("text"), str)
            ):
                problems.append(f"{where}.elements[{i}].elements[{j}]: not a text element")


def _actions(block: dict[str, Any], where: str, problems: list[str], action_ids: set[str]) -> None:
    elements = block.get("elements")
    if not isinstance(elements, list) or not 1 <= len(elements) <= MAX_ACTIONS:
        problems.append(f"{where}: actions need 1-{MAX_ACTIONS} elements")
        return
    for i, element in enumerate(elements):
        at = f"{where}.elements[{i}]"
        if not isinstance(element, dict) or element.get("type") != "button":
            problems.append(f"{at}: only buttons are expected")
            continue
        _text_object(element.get("text"), f"{at}.text", problems, kinds=("plain_text",))
        if len((element.get("text") or {}).get("text") or "") > MAX_BUTTON_TEXT:
            problems.append(f"{at}: button text over {MAX_BUTTON_TEXT} characters")
        action_id = element.get("action_id")
        if not isinstance(action_id, str) or not 1 <= len(action_id) <= MAX_ID or action_id in action_ids:
            problems.append(f"{at}: action_id missing, too long or not unique: {action_id!r}")
        else:
            action_ids.add(action_id)
        if len(str(element.get("value") or "")) > MAX_BUTTON_VALUE:
            problems.append(f"{at}: value over {MAX_BUTTON_VALUE} characters")


def problems_with(blocks: Any) -> list[str]:
    """What Slack would refuse in ``blocks`` (empty when it would accept them)."""
    if blocks is None:
        return []
    if not isinstance(blocks, list) or len(blocks) > MAX_BLOCKS:
        return [f"blocks must be a list of at most {MAX_BLOCKS}"]
    problems: list[str] = []
    block_ids: set[str] = set()
    action_ids: set[str] = set()
    for n, block in enumerate(blocks):
        where = f"blocks[{n}]"
        kind = block.get("type") if isinstance(block, dict) else None
        block_id = block.get("block_id") if isinstance(block, dict) else None
        if block_id is not None:
            if not isinstance(block_id, str) or len(block_id) > MAX_ID or block_id in block_ids:
                problems.append(f"{where}: block_id too long or not unique")
            block_ids.add(str(block_id))
        if kind == "section":
            _text_object(block.get("text"), f"{where}.text", problems)
        elif kind == "context":
            elements = block.get("elements")
            if not isinstance(elements, list) or not 1 <= len(elements) <= MAX_CONTEXT_ELEMENTS:
                problems.append(f"{where}: context needs 1-{MAX_CONTEXT_ELEMENTS} elements")
                continue
            for i, element in enumerate(elements):
                _text_object(element, f"{where}.elements[{i}]", problems)
        elif kind == "actions":
            _actions(block, where, problems, action_ids)
        elif kind == "rich_text":
            _rich_text(block, where, problems)
        elif kind != "divider":
            problems.append(f"{where}: unsupported block type {kind!r}")
    return problems
