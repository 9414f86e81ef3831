"""Macro calls in docs/: each names an existing macro and an existing, live contact or organization.

The calls are read with Jinja's own parser (the one mkdocs-macros renders with), so `{{ phone("x") }}`,
`{{ link("x", "text") }}` and calls inside `{% if %}` blocks are all found, with their lines.
The macro names come from macros.define_env itself, so a new macro needs no change here.
Also lists, as warnings, live contacts that no page uses.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator

import jinja2
from jinja2 import nodes

import macros
from macros import CONTACTS_FILE
from macros.contacts_data import ContactBook
from macros.replacement import instead

from . import data
from .context import Context
from .problems import Problem
from .project import Page

NAME = "references"

# Macros whose first argument is a channel id, and the channel types each can show.
CHANNEL_MACROS: dict[str, tuple[str, ...] | None] = {
    "phone": ("phone",),
    "email": ("email",),
    "address": ("address",),
    "link": ("web", "social", "chat"),
    "hours": None,  # any type with «hours:»
    "contact": None,  # any type
}
# Macros whose keyword arguments are channel ids: {{ claim_data(ozon="ozon-address") }}.
KEYWORD_CHANNEL_MACROS: dict[str, tuple[str, ...]] = {"claim_data": ("address",)}
# Macros whose first argument is an organization id.
ORG_MACROS = ("contacts_table", "org_name")
# Names the macros plugin and Jinja define themselves.
BUILTIN_NAMES = {"context", "macros_info", "now", "fix_url", "range", "dict", "lipsum", "cycler", "joiner", "namespace"}


@dataclass(frozen=True)
class MacroCall:
    name: str
    args: tuple[Any, ...]  # constant arguments; `None` stands for one that is not a literal
    line: int  # in the page file
    kwargs: tuple[tuple[str, Any], ...] = ()


class _FakeEnv:
    """Just enough of mkdocs-macros' env for define_env to register its macros."""

    def __init__(self, root: Path) -> None:
        self.conf = {"config_file_path": str(root / "mkdocs.yml"), "docs_dir": str(root / "docs"), "nav": []}
        self.variables: dict[str, Any] = {}
        self.macros: dict[str, Callable[..., str]] = {}
        self.filters: dict[str, Callable[..., Any]] = {}
        self.page = None

    def macro(self, function: Callable[..., str], name: str = "") -> Callable[..., str]:
        self.macros[name or function.__name__] = function
        return function

    def filter(self, function: Callable[..., Any], name: str = "") -> Callable[..., Any]:
        self.filters[name or function.__name__] = function
        return function


_NAMES: dict[int, set[str]] = {}


def macro_names(root: Path) -> set[str]:
    """The macros define_env registers. They depend on the code, not on the data: asked once."""
    key = id(macros.define_env)
    if key not in _NAMES:
        env = _FakeEnv(root)
        macros.define_env(env)
        _NAMES[key] = set(env.macros)
    return _NAMES[key]


def calls(page: Page) -> Iterator[MacroCall] | Problem:
    """Every macro call in the page body, or a problem if Jinja cannot parse the page."""
    offset = page.body_line - 1
    try:
        tree = jinja2.Environment().parse(page.body)
    except jinja2.TemplateSyntaxError as error:
        return Problem(
            page.path,
            (error.lineno or 1) + offset,
            f"the macros plugin cannot read this page: {error.message}",
            "check the {{ … }} and {% … %} around this line; `{#` opens a Jinja comment, write `{ #id }`",
            check=NAME,
        )

    def walk() -> Iterator[MacroCall]:
        for call in tree.find_all(nodes.Call):
            if isinstance(call.node, nodes.Name):
                args = tuple(arg.value if isinstance(arg, nodes.Const) else None for arg in call.args)
                kwargs = tuple((kw.key, kw.value.value if isinstance(kw.value, nodes.Const) else None) for kw in call.kwargs)
                yield MacroCall(call.node.name, args, call.lineno + offset, kwargs)

    return walk()


def check(ctx: Context) -> list[Problem]:
    book = data.load(ctx)
    if book is None:
        return []  # the data check reports why the contacts file does not load
    known = macro_names(ctx.project.root) | BUILTIN_NAMES
    problems: list[Problem] = []
    used: set[str] = set()
    for page in ctx.project.pages.values():
        found = calls(page)
        if isinstance(found, Problem):
            problems.append(found)
            continue
        for call in found:
            problems.extend(_check_call(page, call, known, book, used))
    problems.extend(_unused(book, used))
    return problems


def _check_call(page: Page, call: MacroCall, known: set[str], book: ContactBook, used: set[str]) -> list[Problem]:
    def problem(message: str, fix: str, severity: str = "error") -> Problem:
        return Problem(page.path, call.line, message, fix, severity, NAME)  # type: ignore[arg-type]

    if call.name not in known:
        close = difflib.get_close_matches(call.name, sorted(known), n=1)
        hint = f"write {close[0]}(…)" if close else "use a macro listed in README.md (phone, email, address, link, …)"
        return [problem(f"{{{{ {call.name}(…) }}}} calls a macro that does not exist", hint)]
    if call.name in KEYWORD_CHANNEL_MACROS:
        return [p for key, value in call.kwargs for p in _check_id(call, f"{key}=", value, KEYWORD_CHANNEL_MACROS[call.name], book, used, problem)]
    if call.name not in CHANNEL_MACROS and call.name not in ORG_MACROS:
        return []
    first = call.args[0] if call.args else None
    if not isinstance(first, str):
        return [
            problem(
                f"{{{{ {call.name}(…) }}}} gets its id from a variable, so the checks cannot follow it",
                f'write the id as a quoted string: {{{{ {call.name}("…") }}}}',
                "warning",
            )
        ]
    if call.name in ORG_MACROS:
        orgs = {org.id: org for org in book.organizations}
        if first not in orgs:
            return [problem(f"{{{{ {call.name}(\"{first}\") }}}}: no organization «{first}» in {CONTACTS_FILE}", _suggest(first, list(orgs)))]
        if call.name == "contacts_table":
            used.update(c.id for c in book.live(orgs[first]))
        return []
    return _check_id(call, "", first, CHANNEL_MACROS[call.name], book, used, problem)


def _check_id(call: MacroCall, prefix: str, channel_id: Any, allowed: tuple[str, ...] | None, book: ContactBook, used: set[str], problem: Callable[..., Problem]) -> list[Problem]:
    shown = f'{{{{ {call.name}({prefix}"{channel_id}") }}}}'
    if not isinstance(channel_id, str):
        return [problem(f"{{{{ {call.name}({prefix}…) }}}} gets its id from a variable, so the checks cannot follow it", "write the id as a quoted string", "warning")]
    if channel_id not in book.channels:
        return [problem(f"{shown}: no contact «{channel_id}» in {CONTACTS_FILE}", _suggest(channel_id, list(book.channels)))]
    channel = book.channels[channel_id]
    used.add(channel_id)
    if channel.status == "obsolete":
        fix = instead(call.name, allowed, channel, book, prefix)
        return [problem(f"{shown} uses an obsolete contact ({CONTACTS_FILE}:{book.lines[channel_id]})", f"{fix}; obsolete contacts appear only on ustarevshie-kontakty.md")]
    if allowed and channel.type not in allowed:
        return [problem(f"{shown}: «{channel_id}» is a {channel.type}, which {call.name}() cannot show", f'use a contact of type {" or ".join(allowed)}, or {{{{ contact("{channel_id}") }}}}')]
    if call.name == "hours" and not channel.hours:
        return [problem(f"{shown}: «{channel_id}» has no «hours:»", f"add hours to {CONTACTS_FILE}:{book.lines[channel_id]} or drop the call")]
    return []


def _suggest(wrong: str, pool: list[str]) -> str:
    close = difflib.get_close_matches(wrong, pool, n=2, cutoff=0.5)
    return f"did you mean {' or '.join(repr(c) for c in close)}?" if close else f"use an id from {CONTACTS_FILE}"


def _unused(book: ContactBook, used: set[str]) -> list[Problem]:
    return [
        Problem(
            CONTACTS_FILE,
            book.lines[channel_id],
            f"contact «{channel_id}» is used by no page (only the contacts directory lists it)",
            f'show it where a reader needs it, e.g. {{{{ contact("{channel_id}") }}}}, or ask whether the site needs it',
            "warning",
            NAME,
        )
        for channel_id in (c.id for c in book.live())
        if channel_id not in used
    ]
