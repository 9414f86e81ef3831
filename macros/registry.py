"""The one registry of the macros a page may call: name, function, arguments, and what each accepts.

define_env registers every macro through `MacroRegistry.macro(...)`; the page renderer
(macros/page_language.py) calls only what is registered here, and the checker
(sitecheck/references.py) reads the same specs to check ids and contact types without a build.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass, field
from collections.abc import Callable
from typing import Any

MacroFunction = Callable[..., str]
ANY_TYPE: tuple[str, ...] = ()  # a channel of any type


@dataclass(frozen=True)
class MacroSpec:
    name: str
    function: MacroFunction
    params: tuple[str, ...]  # positional-or-keyword parameters, in order
    required: int  # how many of `params` a call must give
    any_keywords: bool  # takes **keywords (claim_data)
    channel_types: tuple[str, ...] | None = None  # the first argument is a channel id of these types
    org_arg: bool = False  # the first argument is an organization id
    keyword_channel_types: tuple[str, ...] | None = None  # every keyword argument is a channel id
    needs_hours: bool = False  # the channel must have «hours:»
    rule_arg: bool = False  # the first argument is a rule id of data/law.yml (sitecheck/law.py checks it)

    def accepts(self, channel_type: str, types: tuple[str, ...] | None) -> bool:
        return types is not None and (types == ANY_TYPE or channel_type in types)

    @property
    def example(self) -> str:
        if self.channel_types is not None or self.org_arg or self.rule_arg:
            return f'{{{{ {self.name}("id") }}}}'
        if self.any_keywords:
            return f'{{{{ {self.name}(name="id") }}}}'
        return f"{{{{ {self.name}() }}}}"


@dataclass
class MacroRegistry:
    specs: dict[str, MacroSpec] = field(default_factory=dict)

    def macro(
        self,
        env: Any,
        *,
        channels: tuple[str, ...] | None = None,
        org: bool = False,
        keyword_channels: tuple[str, ...] | None = None,
        needs_hours: bool = False,
        rule: bool = False,
    ) -> Callable[[MacroFunction], MacroFunction]:
        """Register a macro with mkdocs-macros (`env.macro`) and here, with what its arguments accept."""

        def register(function: MacroFunction) -> MacroFunction:
            signature = inspect.signature(function)
            params = tuple(
                p.name for p in signature.parameters.values() if p.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD
            )
            required = sum(
                1
                for p in signature.parameters.values()
                if p.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD and p.default is inspect.Parameter.empty
            )
            any_keywords = any(p.kind is inspect.Parameter.VAR_KEYWORD for p in signature.parameters.values())
            self.specs[function.__name__] = MacroSpec(
                function.__name__,
                function,
                params,
                required,
                any_keywords,
                channels,
                org,
                keyword_channels,
                needs_hours,
                rule,
            )
            env.macro(function)
            return function

        return register

    def names(self) -> list[str]:
        return sorted(self.specs)

    def show_instead(self, channel_type: str, channel_id: str) -> str:
        """A call that shows a channel of this type: the narrowest macro that accepts it."""
        for spec in self.specs.values():
            if spec.channel_types and channel_type in spec.channel_types:
                return f'{{{{ {spec.name}("{channel_id}") }}}}'
        return f'{{{{ contact("{channel_id}") }}}}'

    def replacement_advice(self, macro: str, replacement: Any) -> str:
        """«Use … instead» naming only a call that works for the replacement channel."""
        if replacement is None:
            return "Use a current contact instead."
        spec = self.specs[macro]
        types = spec.keyword_channel_types if spec.keyword_channel_types is not None else spec.channel_types
        call = self.show_instead(replacement.type, replacement.id)
        if spec.needs_hours and not getattr(replacement, "hours", None):
            # No call to show: the page's other call of the old contact is already being replaced by one
            # that shows «replacement»; a second would print the same contact twice.
            return (
                f"Its replacement «{replacement.id}» has no «hours:»: delete this call (the call beside it "
                "that showed the old contact shows the new one)."
            )
        if types is None or spec.accepts(replacement.type, types):
            return f'Use {{{{ {macro}("{replacement.id}") }}}} instead.'
        return f"Its replacement «{replacement.id}» is a {replacement.type}: use {call}."
