"""Macro calls in docs/: the page language, and each call names a live contact or organization it can show.

Pages are read by the build's own checker (macros/page_language.py: Jinja's parser, then only the
site's macros with quoted arguments), and the macros, their arguments and the contact types each
accepts come from the build's one registry (macros/registry.py), so a new macro needs no change here.
Also lists, as warnings, live contacts that no page uses.
"""

from __future__ import annotations

import difflib
from pathlib import Path
from collections.abc import Callable
from typing import Any

import jinja2

import macros
from macros import CONTACTS_FILE
from macros.contacts_data import ContactBook
from macros.page_language import MacroCall, ParsedPage, parse_page
from macros.registry import MacroRegistry

from . import contact_claims, data
from .context import Context
from .problems import Problem
from .project import Page

NAME = "references"


class _FakeEnv:
    """Just enough of mkdocs-macros' env for define_env to register its macros."""

    def __init__(self, root: Path) -> None:
        self.conf = {"config_file_path": str(root / "mkdocs.yml"), "docs_dir": str(root / "docs"), "nav": []}
        self.variables: dict[str, Any] = {}
        self.macros: dict[str, Callable[..., str]] = {}
        self.filters: dict[str, Callable[..., Any]] = {}
        self.page = None
        self.macro_registry: MacroRegistry | None = None

    def macro(self, function: Callable[..., str], name: str = "") -> Callable[..., str]:
        self.macros[name or function.__name__] = function
        return function

    def filter(self, function: Callable[..., Any], name: str = "") -> Callable[..., Any]:
        self.filters[name or function.__name__] = function
        return function


_REGISTRIES: dict[Path, MacroRegistry] = {}


def registry(root: Path) -> MacroRegistry:
    """The macros' own registry, as define_env builds it (names, arguments, contact types)."""
    if root not in _REGISTRIES:
        env = _FakeEnv(root)
        macros.define_env(env)
        assert env.macro_registry is not None
        _REGISTRIES[root] = env.macro_registry
    return _REGISTRIES[root]


def macro_names(root: Path) -> set[str]:
    return set(registry(root).specs)


def parsed(page: Page, macro_registry: MacroRegistry) -> ParsedPage:
    """The page read as the build reads it: the page language's own parser and rules."""
    return parse_page(page.body, macro_registry, _JINJA, page.body_line - 1)


_JINJA = jinja2.Environment()  # mkdocs-macros' delimiters are Jinja's defaults here (mkdocs.yml)


def check(ctx: Context) -> list[Problem]:
    book = data.load(ctx)
    if book is None:
        return []  # the data check reports why the contacts file does not load
    macro_registry = registry(ctx.project.root)
    problems: list[Problem] = []
    used: set[str] = set()
    for page in ctx.project.pages.values():
        found = parsed(page, macro_registry)
        problems.extend(p.moved(path=page.path, check=NAME) for p in found.problems)
        for call in found.calls:
            problems.extend(_check_call(page, call, macro_registry, book, used))
        claims = contact_claims.problems_of(page, book)
        problems.extend(Problem(page.path, line, what, fix, check=NAME) for line, what, fix in claims)
    feedback = (ctx.project.config.get("extra") or {}).get("feedback") or {}
    if isinstance(feedback, dict) and isinstance(feedback.get("contact"), str):
        used.add(feedback["contact"])  # the «Нашли ошибку?» link under every guide (macros/feedback.py)
    problems.extend(_unused(book, used))
    return problems


def _check_call(
    page: Page, call: MacroCall, macro_registry: MacroRegistry, book: ContactBook, used: set[str]
) -> list[Problem]:
    def problem(message: str, fix: str, severity: str = "error") -> Problem:
        return Problem(page.path, call.line, message, fix, severity, NAME)  # type: ignore[arg-type]

    spec = macro_registry.specs[call.name]
    if spec.keyword_channel_types is not None:
        return [
            p for key, value in call.kwargs for p in _check_id(call, macro_registry, key, value, book, used, problem)
        ]
    values = dict(zip(spec.params, call.args, strict=False)) | dict(call.kwargs)
    first = values.get(spec.params[0]) if spec.params else None
    if first is None:
        return []
    if spec.org_arg:
        orgs = {org.id: org for org in book.organizations}
        if first not in orgs:
            return [
                problem(f"{call.source}: no organization «{first}» in {CONTACTS_FILE}", _suggest(first, list(orgs)))
            ]
        if call.name == "contacts_table":
            used.update(c.id for c in book.live(orgs[first]))
        return []
    if spec.channel_types is None:
        return []
    return _check_id(call, macro_registry, "", first, book, used, problem)


def _check_id(
    call: MacroCall,
    reg: MacroRegistry,
    key: str,
    channel_id: str,
    book: ContactBook,
    used: set[str],
    problem: Callable[..., Problem],
) -> list[Problem]:
    shown = call.source
    if channel_id not in book.channels:
        return [
            problem(f"{shown}: no contact «{channel_id}» in {CONTACTS_FILE}", _suggest(channel_id, list(book.channels)))
        ]
    channel = book.channels[channel_id]
    used.add(channel_id)
    spec = reg.specs[call.name]
    if channel.status == "obsolete":
        replacement = book.replacement(channel)
        return [
            problem(
                f"{shown} uses an obsolete contact ({CONTACTS_FILE}:{book.lines[channel_id]})",
                f"{reg.replacement_advice(spec.name, replacement)} "
                "Obsolete contacts appear only on ustarevshie-kontakty.md",
            )
        ]
    types = spec.keyword_channel_types if key else spec.channel_types
    if types is not None and not spec.accepts(channel.type, types):
        wanted = " or ".join(types)
        return [
            problem(
                f"{shown}: «{channel_id}» is a {channel.type}, which {spec.name}() cannot show",
                f"use a contact of type {wanted}, or {reg.show_instead(channel.type, channel_id)}",
            )
        ]
    if spec.needs_hours and not channel.hours:
        return [
            problem(
                f"{shown}: «{channel_id}» has no «hours:»",
                f"add hours to {CONTACTS_FILE}:{book.lines[channel_id]} or drop the call",
            )
        ]
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
            f'show it where a reader needs it, e.g. {{{{ contact("{channel_id}") }}}}, '
            "or ask whether the site needs it",
            "warning",
            NAME,
        )
        for channel_id in (c.id for c in book.live())
        if channel_id not in used
    ]
