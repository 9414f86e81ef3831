"""One problem found by a check, printed the way editors and their editors' jump-to-line expect."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Problem:
    path: str  # relative to the project root, e.g. "docs/brak.md" or "site/brak/index.html"
    line: int
    message: str  # what is wrong, without a final full stop
    fix: str = ""  # what to do about it; empty when `message` already says it
    severity: Severity = "error"
    check: str = ""  # the module that found it, for --only and for tests

    def __str__(self) -> str:
        label = "warning: " if self.severity == "warning" else ""
        text = f"{self.path}:{self.line}: {label}{self.message.rstrip('.')}."
        return f"{text} Fix: {self.fix}" if self.fix else text


def errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "error"]


def warnings(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "warning"]
