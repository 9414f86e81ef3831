"""tests/collect_by_mark.py: a module is skipped only when `-m` would deselect every test it could hold."""

from __future__ import annotations

import pytest

from .collect_by_mark import module_left_out, module_marks

BROWSER = "import pytest\n\npytestmark = pytest.mark.browser\n\n\ndef test_a() -> None: ...\n"
GROUPED_BROWSER = 'pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("walk")]\n'
UNMARKED = "import pytest\n\n\n@pytest.mark.browser\ndef test_a() -> None: ...\n"
CONTINUED = "pytestmark = [\n    pytest.mark.browser,\n]\n"


def test_module_marks_reads_the_one_line_statement_only() -> None:
    assert module_marks(BROWSER) == {"browser"}
    assert module_marks(GROUPED_BROWSER) == {"browser", "xdist_group"}
    assert module_marks(UNMARKED) is None
    assert module_marks(CONTINUED) is None


@pytest.mark.parametrize(
    ("source", "markexpr", "left_out"),
    [
        (BROWSER, "not browser and not machinery", True),  # make check
        (GROUPED_BROWSER, "not browser and not machinery", True),
        (BROWSER, "not browser", True),
        (BROWSER, "", False),  # make test: everything
        (BROWSER, "browser", False),
        (BROWSER, "browser or machinery", False),
        (BROWSER, "not machinery", False),  # a test of it may or may not add machinery
        (BROWSER, "not browser or long", False),  # a test of it may be marked long
        (UNMARKED, "not browser", False),  # only a module-wide mark says every test has it
        (CONTINUED, "not browser", False),  # not read for sure: collected
        (BROWSER, "browser(name=1)", False),  # keyword matching: left to pytest
        (BROWSER, "not (", False),  # pytest itself refuses the expression
    ],
)
def test_a_module_is_left_out_only_when_no_test_of_it_could_run(source: str, markexpr: str, left_out: bool) -> None:
    assert module_left_out(source, markexpr) is left_out
