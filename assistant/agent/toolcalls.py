"""Running a model's tool calls, whichever model made them: each call through the tool's spec, kept
as a ``ToolRecord`` with its typed result or the refusal the model reads instead."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from tools.specs import ToolRefusedError, ToolSpec

log = logging.getLogger(__name__)


@dataclass
class ToolRecord:
    """One tool call made during an answer, with its parsed result."""

    call_id: str
    name: str
    args: dict[str, Any]
    result: BaseModel | str  # the tool's typed result, or its readable refusal when `error`
    error: bool

    def content(self) -> str:
        """What the model reads: the result as JSON, or the refusal."""
        return self.result.model_dump_json() if isinstance(self.result, BaseModel) else self.result


def run_call(specs: Mapping[str, ToolSpec], call_id: str, name: str, args: Mapping[str, Any]) -> ToolRecord:
    """Run one call; an unknown tool or a refused call is recorded with its reason, never raised."""
    arguments = dict(args)
    spec = specs.get(name)
    if spec is None:
        text = f"There is no tool named {name!r}; available: {', '.join(sorted(specs))}."
        return ToolRecord(call_id, name, arguments, text, True)
    try:
        return ToolRecord(call_id, name, arguments, spec.run(arguments), False)
    except ToolRefusedError as refusal:
        log.info("tool %s refused %s: %s", name, arguments, refusal)
        return ToolRecord(call_id, name, arguments, str(refusal), True)
