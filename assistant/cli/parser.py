"""An argparse parser that answers a typo with a suggestion ("did you mean 'ask'?").

argparse reports an unknown command as an invalid choice and an unknown flag as an unrecognized
argument; both are turned into the same one-line usage error plus the nearest valid spelling.
"""

from __future__ import annotations

import argparse
import difflib
import re
from collections.abc import Iterable
from typing import NoReturn

_INVALID_CHOICE = re.compile(r"invalid choice: '(?P<value>[^']*)'")


def suggestion(word: str, candidates: Iterable[str]) -> str | None:
    """The candidate closest to ``word``, or None when nothing is close enough to be a typo."""
    matches = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return matches[0] if matches else None


class SuggestingParser(argparse.ArgumentParser):
    """``ArgumentParser`` whose errors add "did you mean ...?" for mistyped commands and flags."""

    def error(self, message: str) -> NoReturn:
        match = _INVALID_CHOICE.search(message)
        if match:
            guess = suggestion(match.group("value"), self._choices())
            if guess:
                message += f"; did you mean '{guess}'?"
        super().error(message)

    def reject_unknown(self, extras: list[str]) -> NoReturn:
        """Fail on arguments this parser does not know, suggesting the nearest flag for each."""
        hints = []
        for extra in extras:
            if extra.startswith("-"):
                guess = suggestion(extra.split("=", 1)[0], self._option_strings())
                if guess:
                    hints.append(f"did you mean {guess}?")
        self.error(f"unrecognized arguments: {' '.join(extras)}" + (f"; {'; '.join(hints)}" if hints else ""))

    def _choices(self) -> list[str]:
        names: list[str] = []
        for action in self._actions:
            if action.choices is not None:
                names.extend(str(choice) for choice in action.choices)
        return names

    def _option_strings(self) -> list[str]:
        return [option for action in self._actions for option in action.option_strings]
