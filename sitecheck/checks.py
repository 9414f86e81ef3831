"""The registry: every check, by name, in the order the CLI runs them."""

from __future__ import annotations

from typing import Callable

from . import content, data, external, hand_typed, html_links, law, raw_html, references, search_synonyms, structure
from .context import Context
from .problems import Problem

Check = Callable[[Context], list[Problem]]

CHECKS: dict[str, Check] = {
    data.NAME: data.check,
    structure.NAME: structure.check,
    content.NAME: content.check,
    references.NAME: references.check,
    law.NAME: law.check,
    hand_typed.NAME: hand_typed.check,
    external.NAME: external.check,
    html_links.NAME: html_links.check,
    raw_html.NAME: raw_html.check,
    search_synonyms.NAME: search_synonyms.check,
}

# Checks that read the built site; without --site they are skipped (and the CLI says so).
NEED_SITE = {html_links.NAME}


def run(ctx: Context, only: list[str] | None = None) -> list[Problem]:
    problems: list[Problem] = []
    for name, check in CHECKS.items():
        if only and name not in only:
            continue
        problems.extend(check(ctx))
    return sorted(set(problems), key=lambda p: (p.severity != "error", p.path, p.line, p.message))
