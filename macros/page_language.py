"""The page language: text plus the site's macros called with quoted arguments, nothing else.

A page body is untrusted: as a Jinja template it could read files, the environment or the build's
objects and publish them. So each page is parsed with Jinja's own parser (the environment
mkdocs-macros renders with, so the same delimiters, `{% raw %}` and `{# comments #}`), the syntax tree
is checked *before anything is evaluated*, and the page is then rendered here by calling the
registered functions (macros/registry.py) directly: mkdocs-macros never evaluates a page. Each call
runs once, with no template compiled, so this is also the fast path (it replaced fast_render.py).

Lines are given as the editor sees them: the front matter is counted.
"""

from __future__ import annotations

import logging
import re
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from jinja2 import Environment, TemplateSyntaxError, nodes

from .problems import FixableError, Problem, ProblemsError, log_problems
from .registry import MacroRegistry, MacroSpec

_log = logging.getLogger("mkdocs.plugins.page_language")

_STATEMENTS = {
    nodes.If: "{% if %}",
    nodes.For: "{% for %}",
    nodes.Assign: "{% set %}",
    nodes.AssignBlock: "{% set %}",
    nodes.Macro: "{% macro %}",
    nodes.Include: "{% include %}",
    nodes.Extends: "{% extends %}",
    nodes.Import: "{% import %}",
    nodes.FromImport: "{% from … import %}",
    nodes.Block: "{% block %}",
    nodes.CallBlock: "{% call %}",
    nodes.FilterBlock: "{% filter %}",
    nodes.With: "{% with %}",
}
_FIX_TEXT = "to show «{{» as text, wrap it in {% raw %}…{% endraw %}"
# The page line of the call being rendered, for a macro that reports a problem without stopping the page
# (an obsolete contact, reported with every other use when the build ends). None outside render().
_CALL_LINE: ContextVar[int | None] = ContextVar("macro_call_line", default=None)
# The call being rendered, as the page writes it (for messages that quote it); None outside render().
_CALL: ContextVar[MacroCall | None] = ContextVar("macro_call", default=None)
# One `{{ … }}` on a line; the call it holds is matched by name (Jinja's tree has lines, not columns).
_WRITTEN = re.compile(r"\{\{-?\s*(?P<call>(?P<name>\w+)\s*\(.*?\))\s*-?\}\}")


def current_call_line() -> int | None:
    """The line, front matter counted, of the macro call now running; None when no page is rendering."""
    return _CALL_LINE.get()


def current_call_text() -> str | None:
    """The macro call now running as the page writes it, without the braces: «link("ozon-chat", "чат")»."""
    call = _CALL.get()
    return call.inner if call else None


class MacroUsageError(FixableError):
    """A page called a macro wrongly; the message names the page and says how to fix it (the page's Problem
    gets the two apart: the terminal and `make serve`'s error page show «Fix:» on its own). The domain's own
    error: the macros host (macros/__init__.py) stops a build with it as MkDocs' PluginError."""


def _language_problem(line: int, message: str, fix: str) -> Problem:
    """A problem of the page being parsed: its line in the page file (front matter counted); the path is
    filled in by the caller that knows the file (render_page, sitecheck/references.py)."""
    return Problem("", line, message, fix)


@dataclass(frozen=True)
class MacroCall:
    name: str
    args: tuple[str, ...]
    kwargs: tuple[tuple[str, str], ...]
    line: int  # in the page file
    written: str = ""  # the call as the page writes it, «link('ozon-chat', "чат")», when found on its line

    @property
    def inner(self) -> str:
        """The call without its braces, as written in the page (rebuilt with double quotes if not found)."""
        if self.written:
            return self.written
        shown = [f'"{a}"' for a in self.args] + [f'{k}="{v}"' for k, v in self.kwargs]
        return f"{self.name}({', '.join(shown)})"

    @property
    def source(self) -> str:
        return f"{{{{ {self.inner} }}}}"


@dataclass(frozen=True)
class ParsedPage:
    parts: tuple[str | MacroCall, ...]  # text and calls, in order
    problems: tuple[Problem, ...]  # each without its path (see _language_problem)

    @property
    def calls(self) -> list[MacroCall]:
        return [part for part in self.parts if isinstance(part, MacroCall)]


def parse_page(body: str, registry: MacroRegistry, jinja: Environment, offset: int = 0) -> ParsedPage:
    """Parse a page body (the text after the front matter, which has `offset` lines) and check it."""
    plain = plain_calls(body, registry, jinja, offset)
    return plain if plain is not None else parse_page_with_jinja(body, registry, jinja, offset)


# The page language's usual case, read without Jinja's lexer and parser (half a millisecond a page, the
# macros host's largest cost): text and `{{ name("quoted", key="quoted") }}` calls of registered macros,
# each on one line, and nothing else that Jinja would read as syntax. Anything outside that subset, even
# one `{%`, `{#`, a `{{` this pattern does not read or an unknown name, sends the page to Jinja, so every
# mistake is still read and reported by Jinja's own parser. tests/test_page_language_plain.py checks that
# both readers give the same ParsedPage on every page of the site, synthetic guides and the edge cases.
_NAME = r"[A-Za-z_][A-Za-z0-9_]*"
_STRING = r""""[^"\\\n]*"|'[^'\\\n]*'"""  # no backslash (Jinja would unescape it), no line break
_ARGUMENT = rf"(?:{_NAME}[ \t]*=[ \t]*)?(?:{_STRING})"
_ARGUMENTS = rf"{_ARGUMENT}(?:[ \t]*,[ \t]*{_ARGUMENT})*"
_PLAIN_CALL = re.compile(rf"\{{\{{[ \t]*(?P<name>{_NAME})[ \t]*\([ \t]*(?P<args>{_ARGUMENTS})?[ \t]*\)[ \t]*\}}\}}")
_ONE_ARGUMENT = re.compile(rf"(?:(?P<key>{_NAME})[ \t]*=[ \t]*)?(?P<quoted>{_STRING})")
# Words Jinja's expression parser reads as operators or constants, not names: a macro called so is Jinja's.
_JINJA_WORDS = frozenset(
    {"and", "or", "not", "in", "is", "if", "else", "true", "false", "none", "True", "False", "None"}
)
# The environment settings under which the subset above means what Jinja's defaults make it mean.
_JINJA_DEFAULTS = {
    "block_start_string": "{%",
    "variable_start_string": "{{",
    "variable_end_string": "}}",
    "comment_start_string": "{#",
    "line_statement_prefix": None,
    "line_comment_prefix": None,
    "newline_sequence": "\n",
}


def plain_calls(body: str, registry: MacroRegistry, jinja: Environment, offset: int = 0) -> ParsedPage | None:
    """The ParsedPage Jinja's parser would give for `body`, when the body is text and plain macro calls
    only; None when it holds anything else (then parse_page_with_jinja reads it)."""
    if "{%" in body or "{#" in body or "\r" in body or jinja.extensions:
        return None
    if any(getattr(jinja, setting) != value for setting, value in _JINJA_DEFAULTS.items()):
        return None
    if not jinja.keep_trailing_newline and body.endswith("\n"):
        body = body[:-1]  # Jinja's lexer drops one trailing line break
    parts: list[str | MacroCall] = []
    problems: list[Problem] = []
    lines: list[str] | None = None
    taken: dict[tuple[int, str], int] = {}
    done = 0
    while (start := body.find("{{", done)) >= 0:
        found = _PLAIN_CALL.match(body, start)
        if found is None or found["name"] not in registry.specs or found["name"] in _JINJA_WORDS:
            return None
        arguments = _plain_arguments(found["args"] or "")
        if arguments is None:
            return None
        if start > done:
            parts.append(body[done:start])
        args, kwargs = arguments
        line = body.count("\n", 0, start) + 1 + offset
        call, trouble = _checked_call(registry.specs[found["name"]], args, kwargs, line)
        if trouble:
            problems.append(trouble)
        elif call:
            lines = body.split("\n") if lines is None else lines
            parts.append(_with_written(call, lines, offset, taken))
        done = found.end()
    if done < len(body):
        parts.append(body[done:])
    return ParsedPage(tuple(parts), tuple(problems))


def _plain_arguments(written: str) -> tuple[list[str], list[tuple[str, str]]] | None:
    """The quoted arguments of a plain call, as Jinja's parser reads them (a quoted text without a backslash
    is its own value); None for a positional argument after a keyword, which Jinja refuses as a syntax error."""
    args: list[str] = []
    kwargs: list[tuple[str, str]] = []
    for argument in _ONE_ARGUMENT.finditer(written):
        key, value = argument["key"], argument["quoted"][1:-1]
        if key is not None:
            kwargs.append((key, value))
        elif kwargs:
            return None
        else:
            args.append(value)
    return args, kwargs


def parse_page_with_jinja(body: str, registry: MacroRegistry, jinja: Environment, offset: int = 0) -> ParsedPage:
    """parse_page with Jinja's own parser: every page that is not text and plain calls only."""
    try:
        tree = jinja.parse(body)
    except TemplateSyntaxError as error:
        problem = _language_problem(
            (error.lineno or 1) + offset,
            f"the page's {{{{ … }}}} cannot be read: {error.message}",
            "check the {{ … }} and {% … %} on this line; `{#` opens a comment, so write `{ #id }` for a heading id; "
            + _FIX_TEXT,
        )
        return ParsedPage((), (problem,))
    parts: list[str | MacroCall] = []
    problems: list[Problem] = []
    lines = body.split("\n")
    taken: dict[tuple[int, str], int] = {}  # calls of one macro already matched on a line
    for node in tree.body:
        if not isinstance(node, nodes.Output):
            problems.append(_statement_problem(node, offset))
            continue
        for child in node.nodes:
            if isinstance(child, nodes.TemplateData):
                parts.append(child.data)
                continue
            call, trouble = _call(child, registry, offset)
            if trouble:
                problems.append(trouble)
            elif call:
                parts.append(_with_written(call, lines, offset, taken))
    return ParsedPage(tuple(parts), tuple(problems))


def _with_written(call: MacroCall, lines: list[str], offset: int, taken: dict[tuple[int, str], int]) -> MacroCall:
    """The call with the text the page writes for it: the next `{{ name(…) }}` of its line."""
    index = call.line - offset - 1
    if not 0 <= index < len(lines):
        return call
    seen = taken.get((index, call.name), 0)
    found = [m.group("call") for m in _WRITTEN.finditer(lines[index]) if m.group("name") == call.name]
    taken[(index, call.name)] = seen + 1
    if seen >= len(found):
        return call
    return MacroCall(call.name, call.args, call.kwargs, call.line, found[seen])


def _statement_problem(node: nodes.Node, offset: int) -> Problem:
    name = next((label for kind, label in _STATEMENTS.items() if isinstance(node, kind)), "a {% … %} block")
    return _language_problem(
        node.lineno + offset,
        f"{name} is not allowed in a page: pages may only call the site's macros",
        'write the text itself, or call a macro such as {{ contact("id") }}; ' + _FIX_TEXT,
    )


def _call(node: nodes.Node, registry: MacroRegistry, offset: int) -> tuple[MacroCall | None, Problem | None]:
    line = node.lineno + offset

    def problem(message: str, fix: str) -> tuple[None, Problem]:
        return None, _language_problem(line, message, fix)

    if not isinstance(node, nodes.Call) or not isinstance(node.node, nodes.Name):
        what = _what(node)
        return problem(
            f"{{{{ … }}}} {what}: pages may only call the site's macros",
            f"call one of: {', '.join(registry.names())}; " + _FIX_TEXT,
        )
    spec = registry.specs.get(node.node.name)
    if spec is None:
        known = ", ".join(registry.names())
        return problem(f"{{{{ {node.node.name}(…) }}}} is not one of the site's macros", f"call one of: {known}")
    if node.dyn_args is not None or node.dyn_kwargs is not None:
        return problem(f"{{{{ {spec.name}(…) }}}} passes *args or **kwargs", f"write each argument out: {spec.example}")
    args: list[str] = []
    for arg in node.args:
        if not (isinstance(arg, nodes.Const) and isinstance(arg.value, str)):
            return problem(
                f"{{{{ {spec.name}(…) }}}}: an argument is not quoted text", f"write it in quotes: {spec.example}"
            )
        args.append(arg.value)
    kwargs: list[tuple[str, str]] = []
    for keyword in node.kwargs:
        if not (isinstance(keyword.value, nodes.Const) and isinstance(keyword.value.value, str)):
            return problem(
                f"{{{{ {spec.name}(…) }}}}: «{keyword.key}=» is not quoted text", f"write it in quotes: {spec.example}"
            )
        kwargs.append((keyword.key, keyword.value.value))
    return _checked_call(spec, args, kwargs, line)


def _checked_call(
    spec: MacroSpec, args: list[str], kwargs: list[tuple[str, str]], line: int
) -> tuple[MacroCall | None, Problem | None]:
    """A call of a registered macro with quoted arguments, as a MacroCall, or its problem with the arguments."""
    arity = _arity_problem(spec, args, kwargs)
    if arity:
        return None, _language_problem(
            line, f"{{{{ {spec.name}(…) }}}} {arity}", f"write {spec.example} (see the macros table in EDITING.md)"
        )
    return MacroCall(spec.name, tuple(args), tuple(kwargs), line), None


def _arity_problem(spec: MacroSpec, args: list[str], kwargs: list[tuple[str, str]]) -> str | None:
    if len(args) > len(spec.params):
        return f"takes at most {len(spec.params)} argument(s), got {len(args)}"
    given = set(spec.params[: len(args)])
    for key, _ in kwargs:
        if key not in spec.params and not spec.any_keywords:
            return f"has no argument «{key}»"
        if key in given:
            return f"gets «{key}» twice"
        given.add(key)
    missing = [p for p in spec.params[: spec.required] if p not in given]
    return f"needs «{missing[0]}»" if missing else None


def _what(node: nodes.Node) -> str:
    if isinstance(node, nodes.Filter):
        return f"applies the filter «{node.name}»"
    if isinstance(node, (nodes.Getattr, nodes.Getitem)):
        return "reads an attribute or item"
    if isinstance(node, nodes.Name):
        return f"reads the variable «{node.name}»"
    if isinstance(node, nodes.Call):
        return "calls something that is not a macro by its name"
    return f"is an expression ({type(node).__name__})"


def render(parsed: ParsedPage, registry: MacroRegistry, path: str, problems: list[Problem] | None = None) -> str:
    """The page with every call replaced by its macro's output; a macro's error gets file:line.

    With `problems`, a call that fails adds its message there and renders as nothing, and the page goes on:
    the build then reports every wrong call of every page in one run (see render_page)."""
    out: list[str] = []
    for part in parsed.parts:
        if isinstance(part, str):
            out.append(part)
            continue
        function = registry.specs[part.name].function
        token = _CALL_LINE.set(part.line)
        call_token = _CALL.set(part)
        try:
            out.append(str(function(*part.args, **dict(part.kwargs))))
        except MacroUsageError as error:
            # The macro names the page (it has to under Zensical too); the line is known only here.
            problem = Problem(path, part.line, error.detail.removeprefix(f"{path}: "), error.fix)
            if problems is None:
                raise MacroUsageError(str(problem)) from ProblemsError([problem])
            _report(problems, problem)
        finally:
            _CALL_LINE.reset(token)
            _CALL.reset(call_token)
    return "".join(out)


def body_offset(source: str, body: str) -> int:
    """How many lines come before `body` in the file `source` (the front matter and blank lines)."""
    if body and source.endswith(body):
        return source.count("\n", 0, len(source) - len(body))
    return 0


def _report(problems: list[Problem], problem: Problem) -> None:
    """Say it now (a later error elsewhere may stop the build before it ends) and keep it for the end; the
    record carries the problem as data for `make serve`'s error page (ozon/serve_errors)."""
    problems.append(problem)
    log_problems(_log, logging.ERROR, [problem])


def render_page(plugin: Any, registry: MacroRegistry | None, problems: list[Problem] | None = None) -> None:
    """From on_pre_page_macros: check the page, render it here, and tell mkdocs-macros not to.

    With `problems` (a list the build keeps), a page that breaks the page language or calls a macro wrongly
    is reported and the build goes on to the next page; the macros module stops it when it ends, so one
    run names every such mistake of every page."""
    jinja = getattr(plugin, "env", None)
    if registry is None or not isinstance(jinja, Environment) or not isinstance(getattr(plugin, "markdown", None), str):
        return  # not the mkdocs-macros plugin (e.g. a test's stand-in)
    page = plugin.page
    path = f"docs/{page.file.src_path}"
    meta = page.meta
    if meta.get("render_macros") is False:
        return  # the page asked to be left as it is; nothing is evaluated
    source = _read(page)
    parsed = parse_page(plugin.markdown, registry, jinja, body_offset(source, plugin.markdown))
    if parsed.problems:
        found = [problem.moved(path=path) for problem in parsed.problems]
        if problems is None:
            raise MacroUsageError("\n" + "\n".join(map(str, found))) from ProblemsError(found)
        for problem in found:
            _report(problems, problem)
        meta["render_macros"] = False  # left as written: this build fails when it ends
        return
    plugin.markdown = render(parsed, registry, path, problems)
    meta["render_macros"] = False  # mkdocs-macros returns the page as it is


def _read(page: Any) -> str:
    try:
        with open(page.file.abs_src_path, encoding="utf-8-sig") as handle:
            return handle.read().replace("\r\n", "\n")
    except (OSError, TypeError):
        return ""
