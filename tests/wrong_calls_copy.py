"""Wrong macro calls, put into the broken-links copy (tests/broken_links_copy.py) and built with it.

A wrong macro call does not stop the build at once: the build reads every page and reports every wrong
call of every page in one run, beside MkDocs' link warnings (that is a rule the tests below check). So
each test that needs a build to fail on a wrong call reads its own lines from that one build instead of
building a copy of its own (a whole build costs two to three seconds):

- the first guide calls an unknown contact and a misspelt one, the first other page a misspelt one
  (tests/test_site_build.py, tests/test_safety.py);
- the home page reads a variable, calls an unknown macro and tries to run a command through Jinja's
  internals (tests/test_site_build.py, tests/test_safety.py).

The page language refuses a page before any of its calls runs, so a page with such a call reports none of
its other calls: the two kinds sit on different pages. A retired contact cannot join them: calls of obsolete
contacts stop the build before pages are rendered, so the calls of unknown contacts would go unreported
(tests/test_sitecheck_references.py builds its own copy).
The tests carry `pytest.mark.xdist_group(GROUP)`, the broken-links copy's, so one worker builds it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sitebuild import BuildResult

from .page_picks import first_guide, first_other_page

GROUP = "broken-links"  # tests/broken_links_copy.py's: the same copy, so the same worker
UNKNOWN_CONTACT = '{{ phone("no-such-contact") }}'
UNKNOWN_MACRO = "{{ telephone('any-id') }}"
MISSPELT_CONTACT = '{{ phone("rpn-ekc-phon") }}'
MISSPELT_ON_OTHER_PAGE = "{{ hours('rpn-petiton') }}"
VARIABLE_ON_HOME = "{{ city }}"
HOME = "docs/index.md"


@dataclass(frozen=True)
class WrongCalls:
    project: Path
    result: BuildResult
    guide: str  # docs/<name>.md: the guide MkDocs renders first (tests/page_picks.py)
    other: str  # docs/<name>.md: the first page that is neither a guide nor the home page
    evaluate_marker: Path  # the file the Jinja call on the home page would create if it were evaluated
    evaluate_call: str

    def line_of(self, page: str, needle: str) -> int:
        """The line of the copy's `page` where `needle` first appears (front matter counted)."""
        text = (self.project / page).read_text(encoding="utf-8")
        return text.count("\n", 0, text.index(needle)) + 1


@dataclass(frozen=True)
class WrongCallEdits:
    """What add_wrong_calls changed, until the copy is built."""

    guide: str
    other: str
    evaluate_marker: Path
    evaluate_call: str

    def built(self, project: Path, result: BuildResult) -> WrongCalls:
        return WrongCalls(project, result, self.guide, self.other, self.evaluate_marker, self.evaluate_call)


def add_wrong_calls(project: Path) -> WrongCallEdits:
    """Make every edit above in the copy at `project` (tests/broken_links_copy.py builds it)."""
    guide, other = first_guide(project), first_other_page(project)
    marker = project / "evaluated"
    evaluate_call = (
        f"{{{{ self._TemplateReference__context.cycler.__init__.__globals__.os.system('touch {marker}') }}}}"
    )
    _replace(project / guide, "{{ short_answer() }}", f"{{{{ short_answer() }}}}\n\nПозвоните {MISSPELT_CONTACT}.")
    _append(project / guide, f"\n{UNKNOWN_CONTACT}\n")
    _replace(project / other, "\n\n", f"\n\n{MISSPELT_ON_OTHER_PAGE}\n\n")
    _replace(project / HOME, "\n\n", f"\n\n{VARIABLE_ON_HOME}\n\n{evaluate_call}\n\n")
    _append(project / HOME, f"\n{UNKNOWN_MACRO}\n")
    return WrongCallEdits(guide, other, marker, evaluate_call)


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path}: no {old!r} to replace"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _append(path: Path, extra: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + extra, encoding="utf-8")
