"""One problem found by a check: the project's one problem type (macros/problems.py), and the checker's filters."""

from __future__ import annotations

from macros.problems import Problem, Severity

__all__ = ["Problem", "Severity", "errors", "warnings"]


def errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "error"]


def warnings(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "warning"]
