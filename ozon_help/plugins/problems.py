"""How a plugin reports problems: as `Problem` values (macros/problems.py), turned into text once, here.

A plugin that stops the build raises `BuildProblems(problems)`: MkDocs prints it as a message (it is a
`PluginError`), and `make serve`'s error page (ozon/serve_errors) reads the problems from it as data,
never from its text. A plugin that only warns logs each problem with `log_problems`, which attaches the
problem to the log record the same way ozon/mkdocs_messages does for MkDocs' own messages.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from mkdocs.exceptions import PluginError

from macros.problems import Problem


def problems_text(problems: Iterable[Problem], heading: str = "") -> str:
    """The terminal's text: one problem on MkDocs' «ERROR -» line; several (or a heading) each on its own line."""
    lines = [str(problem) for problem in problems]
    if heading:
        return "\n".join([f"\n{heading}:", *lines])
    return lines[0] if len(lines) == 1 else "\n" + "\n".join(lines)


class BuildProblems(PluginError):
    """The build stops: every problem found, as data (`problems`) and as the terminal shows it (str)."""

    def __init__(self, problems: Iterable[Problem], heading: str = "") -> None:
        self.problems = tuple(problems)
        super().__init__(problems_text(self.problems, heading))


def log_problems(logger: logging.Logger, level: int, problems: Iterable[Problem]) -> None:
    """Each problem as one record, carrying the problem for ozon/serve_errors. The level is the logger's
    choice, not the problem's severity: under `--strict` a warning stops the build, and a warning's
    Problem would print «warning:» a second time after MkDocs' «WARNING -»."""
    for problem in problems:
        logger.log(level, str(problem), extra={"problems": (problem,)})
