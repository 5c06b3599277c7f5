"""Words that carry no subject, shared by sentence matching and keyword search."""

from __future__ import annotations

STOP_WORDS = frozenset(
    "a an the of in on at to for by and or is are was were be will what which who whom how does do did "
    "this that these those it its as with from about than into".split()
)
