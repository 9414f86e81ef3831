"""Which test modules `-m` would leave out whole, told from their text before they are imported.

`make check` runs `-m "not browser and not machinery"`; pytest still imports every browser module to
deselect its tests afterwards, in each xdist worker, and with them Playwright (about 0.4 CPU-s a worker).
A module whose module-level `pytestmark` carries a mark the expression refuses whatever the other marks
are holds no test the run would keep, so conftest's `pytest_ignore_collect` skips it. Anything this
cannot read for sure (a `pytestmark` on several lines, a mark matched with keywords, pytest's private
expression API moved) keeps the module collected: the cost is speed, never a test left out.
"""

from __future__ import annotations

import itertools
import re
from typing import Callable

_MODULE_MARKS = re.compile(r"^pytestmark\s*=\s*(?P<value>.+)$", re.MULTILINE)
_MARK_NAME = re.compile(r"\bpytest\.mark\.(\w+)")
_NAME = re.compile(r"\w+")
_OPERATORS = frozenset({"and", "or", "not", "True", "False"})
# Each mark name is one variable of the expression; past this many the module is simply collected.
_MAX_FREE_MARKS = 10


class _KeywordMatch(Exception):
    """The expression matches a mark's keywords (`-m "name(key=value)"`): not judged here."""


def module_marks(source: str) -> frozenset[str] | None:
    """The marks the module's `pytestmark = ...` line puts on every test; None when there is no such one-line
    statement (or it is continued on the next line)."""
    found = _MODULE_MARKS.search(source)
    if found is None:
        return None
    value = found.group("value").strip()
    unclosed = value.count("(") != value.count(")") or value.count("[") != value.count("]")
    if unclosed or value.endswith(("(", "[", ",", "\\")):
        return None
    return frozenset(_MARK_NAME.findall(value))


def module_left_out(source: str, markexpr: str) -> bool:
    """True when no test of this module can satisfy `markexpr`, whatever marks its tests add to the module's
    own."""
    if not markexpr.strip():
        return False
    always = module_marks(source)
    if not always:
        return False
    try:
        from _pytest.mark.expression import Expression

        expression = Expression.compile(markexpr)
    except Exception:  # a private API that moved, or an expression pytest itself will refuse
        return False
    # Only the names the expression holds change its value: each is tried both ways (but the module's own).
    free = sorted(set(_NAME.findall(markexpr)) - _OPERATORS - always)
    if len(free) > _MAX_FREE_MARKS:
        return False
    for values in itertools.product((False, True), repeat=len(free)):
        present = always | {name for name, on in zip(free, values, strict=True) if on}
        try:
            if expression.evaluate(_matcher(present)):
                return False
        except Exception:  # _KeywordMatch, or an API that changed its calling convention
            return False
    return True


def _matcher(present: frozenset[str]) -> Callable[..., bool]:
    """What pytest's expression asks of a test: does it carry the mark `name`?"""

    def matcher(name: str, /, **kwargs: object) -> bool:
        if kwargs:
            raise _KeywordMatch
        return name in present

    return matcher
