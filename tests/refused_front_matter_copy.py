"""One copy of the project whose guides hold front matter the build refuses before MkDocs reads it, built once.

ozon/front_matter reads every page's front matter before any page is rendered and reports every problem
of the run together (ozon_help/plugins/front_matter/plugin.py, on_files). So the tests that each show the
build stopping on one kind of unreadable front matter share one build: each kind sits in a guide of its
own, and each test looks for its own guide's line in the output:

- an impossible date (tests/test_front_matter.py);
- an alias bomb in a block closed with «...», MkDocs' other closing line (tests/test_front_matter.py);
- an alias bomb in a block closed with «---» (tests/test_safety.py).

A value ozon/safety refuses (markup in a title) is found later, as each page is rendered, so it is not here.
The tests carry `pytest.mark.xdist_group(GROUP)`, so one worker builds the copy (dev/testing.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from macros.front_matter import front_matter_block
from sitebuild import BuildResult, copy_project

from .page_picks import guides_in_render_order

GROUP = "refused-front-matter"
IMPOSSIBLE_DATE = "updated: 2026-02-30"
# Nine levels of nine aliases: a safe loader that expanded it would build 9**9 items.
ALIAS_BOMB = "".join(
    f"{name}: &{name} [{', '.join([f'*{prev}'] * 9) if prev else ', '.join(['lol'] * 9)}]\n"
    for prev, name in zip([None, *"abcdefgh"], "abcdefghi", strict=True)
)


@dataclass(frozen=True)
class RefusedFrontMatter:
    project: Path
    result: BuildResult
    impossible_date: str  # docs/<name>.md: IMPOSSIBLE_DATE on the line before its title
    bomb_closed_with_dots: str  # docs/<name>.md: ALIAS_BOMB first, the block closed with «...»
    bomb: str  # docs/<name>.md: ALIAS_BOMB first, the block closed with «---»


def make_refused_front_matter(dest: Path, build: Callable[[Path], BuildResult]) -> RefusedFrontMatter:
    """Copy the project to `dest`, break three guides' front matter, build it with `build` (tests/conftest.py's)."""
    project = copy_project(dest)
    date_page, dots_page, bomb_page = guides_in_render_order(project)[:3]
    _edit(project / date_page, lambda text: text.replace("title: ", f"{IMPOSSIBLE_DATE}\ntitle: ", 1))
    _edit(project / dots_page, _bomb_closed_with_dots)
    _edit(project / bomb_page, lambda text: text.replace("---\n", "---\n" + ALIAS_BOMB, 1))
    return RefusedFrontMatter(project, build(project), date_page, dots_page, bomb_page)


def _bomb_closed_with_dots(text: str) -> str:
    found = front_matter_block(text)
    assert found is not None, "the guide has no front matter"
    return f"---\n{ALIAS_BOMB}{found[0]}...\n{text[found[1]:]}"


def _edit(page: Path, change: Callable[[str], str]) -> None:
    text = page.read_text(encoding="utf-8")
    changed = change(text)
    assert changed != text, f"{page}: the edit found nothing to change"
    page.write_text(changed, encoding="utf-8")

