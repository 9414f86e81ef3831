"""Render a page's `{{ macro(...) }}` calls without compiling the whole page as a Jinja template.

mkdocs-macros compiles every page into a Jinja template: about 5 ms a page, a third of a build of
1000 guides. Guides use only `{{ expression }}` (no `{% %}` blocks or `{# #}` comments), and the same
few expressions recur on every page (`short_answer()`, `phone("rpn-ekc-phone")`), so each distinct
expression is compiled once per build (as a one-expression template, so Jinja itself turns the value
into text) and all of a page's expressions run in one Jinja context built from the page's variables
(building a context copies every variable; once per expression that was a tenth of the macros'
cost). The output is what Jinja would produce. A page with anything beyond that subset, or whose
fast rendering raises (an unknown macro, a bad id), goes through mkdocs-macros unchanged, so its
errors read exactly as before.
"""

from __future__ import annotations

import re
from copy import copy
from typing import Any

from jinja2 import Environment, Template
from jinja2.exceptions import TemplateError
from jinja2.runtime import Context

_EXPRESSION = re.compile(r"\{\{(.*?)\}\}", re.S)


class FastRenderer:
    def __init__(self, jinja: Environment) -> None:
        self._jinja = jinja
        self._compiled: dict[str, Template] = {}
        self.usable = (
            (jinja.variable_start_string, jinja.variable_end_string) == ("{{", "}}")
            and (jinja.block_start_string, jinja.comment_start_string) == ("{%", "{#")
            and jinja.line_statement_prefix is None
            and jinja.line_comment_prefix is None
            and jinja.finalize is None
            and not jinja.autoescape
        )

    def handles(self, markdown: str) -> bool:
        return self.usable and "{%" not in markdown and "{#" not in markdown and "{{-" not in markdown and "-}}" not in markdown

    def _expression(self, source: str) -> Template:
        found = self._compiled.get(source)
        if found is None:
            found = self._compiled[source] = self._jinja.from_string("{{" + source + "}}")
        return found

    def render(self, markdown: str, variables: dict[str, Any]) -> str:
        """Jinja's output for a page of text and `{{ expression }}`; raises on anything it cannot do."""
        context: Context | None = None

        def value(match: re.Match[str]) -> str:
            nonlocal context
            template = self._expression(match.group(1))
            if context is None:
                context = template.new_context(variables)
            return "".join(template.root_render_func(context))

        text = _EXPRESSION.sub(value, markdown)
        if not self._jinja.keep_trailing_newline and text.endswith("\n"):
            text = text[:-1]  # Jinja drops one trailing newline
        return text


def render_page_early(plugin: Any) -> None:
    """Called from on_pre_page_macros: render the page here and tell mkdocs-macros not to."""
    jinja = getattr(plugin, "env", None)
    if not isinstance(jinja, Environment) or not isinstance(getattr(plugin, "markdown", None), str):
        return  # not the mkdocs-macros plugin (e.g. a test's stand-in): nothing to render
    renderer = getattr(plugin, "_fast_renderer", None)
    if renderer is None or renderer._jinja is not jinja:
        renderer = plugin._fast_renderer = FastRenderer(plugin.env)
    meta = plugin.page.meta
    if not renderer.handles(plugin.markdown) or meta.get("render_macros") is not None:
        return
    variables = copy(plugin.variables)
    variables.update(meta)
    try:
        rendered = renderer.render(plugin.markdown, variables)
    except (TemplateError, Exception):  # noqa: BLE001 - the full Jinja path reports it properly
        return
    plugin.markdown = rendered
    meta["render_macros"] = False  # mkdocs-macros returns the page as it is
