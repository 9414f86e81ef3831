"""How a plugin reports problems: as `Problem` values (macros/problems.py), turned into text once, here.

A plugin that stops the build raises `BuildProblems(problems)`: MkDocs prints it as a message (it is a
`PluginError`), and `make serve`'s error page (ozon/serve_errors) reads the problems from it as data,
never from its text. A plugin that only warns logs each problem with `log_problems` (macros/problems.py, which
the macros host uses too), which attaches the problem to the log record the same way ozon/mkdocs_messages
does for MkDocs' own messages.
"""

from __future__ import annotations

from collections.abc import Iterable

from mkdocs.exceptions import PluginError

from macros.problems import Problem, log_problems

__all__ = ["BuildProblems", "log_problems", "problems_text"]


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
