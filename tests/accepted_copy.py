"""One copy of the project that the strict build must accept although it holds odd input, built once.

A full build costs two to three seconds, so the tests that each need a build that passes share this one:

- every free-text field of every contact holds Markdown and HTML that would run script, and the pages
  must show it as text (tests/test_safety.py);
- a macro writes a link to a page that does not exist: the strict build cannot see links in a macro's
  HTML, sitecheck must (tests/test_sitecheck_html_links.py);
- the first guide holds raw HTML that hides a script from any tokenizer but HTML5's: the build passes it,
  the raw-HTML check of the built page must not (tests/test_safety.py).

No edit makes the build fail, and each test reads only what its own edit put there. The tests carry
`pytest.mark.xdist_group(GROUP)`, so one worker builds the copy (dev/testing.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from sitebuild import BuildResult, copy_project

from .page_picks import first_guide

GROUP = "accepted-copy"
HOSTILE_LINK = "[подробнее](javascript:alert(1))"
HOSTILE_IMAGE = "![](https://evil.example/x.png)"
# Each hides a script from a tokenizer that is not HTML5's; Chromium runs it (issue 25, class 1).
PARSER_TRICKS = [
    "<!--><script>alert(1)</script>-->",
    "<!---><script>alert(2)</script>-->",
    "<p>x<!-- a --!><script>alert(3)</script>--></p>",
    "<p><![CDATA[x]]><script>alert(4)</script></p>",
]
# Closes the article as Chromium reads it (html.parser sees a comment): what follows escapes every allow-list.
ESCAPE_TRICK = '<!--></article></div><img src="x.png" alt="" data-x="1">-->'


@dataclass(frozen=True)
class AcceptedCopy:
    project: Path
    result: BuildResult
    macro_page: str  # docs/<name>.md that calls the macro writing the broken link
    tricks_page: str  # docs/<name>.md that holds PARSER_TRICKS and ESCAPE_TRICK


def make_accepted_copy(dest: Path, build: Callable[[Path], BuildResult]) -> AcceptedCopy:
    """Copy the project to `dest`, make every edit, build it with `build` (tests/conftest.py's)."""
    project = copy_project(dest)
    _hostile_contact_values(project / "data" / "contacts.yml")
    macro_page = tricks_page = first_guide(project)
    _macro_with_a_broken_link(project, macro_page)
    _parser_tricks(project / tricks_page)
    return AcceptedCopy(project, build(project), macro_page, tricks_page)


def _hostile_contact_values(contacts: Path) -> None:
    text = contacts.read_text(encoding="utf-8")
    # every free-text field a macro renders: hours, label, where, seen, name, about, note
    text = re.sub(r"(?m)^(\s+hours: ).*$", rf'\1"{HOSTILE_LINK} {HOSTILE_IMAGE}"', text)
    text = re.sub(r"(?m)^(\s+label: ).*$", rf'\1"{HOSTILE_LINK}"', text)
    text = re.sub(r"(?m)^(\s+where: ).*$", rf'\1"{HOSTILE_IMAGE}"', text)
    text = re.sub(r"(?m)^(\s+seen: ).*$", r'\1"\\"><img src=x onerror=alert(1)> [x](javascript:alert(1))"', text)
    text = re.sub(r"(?m)^(    name: ).*$", rf'\1"{HOSTILE_LINK}"', text)
    text = re.sub(r"(?m)^(    about: ).*$", rf'\1"{HOSTILE_IMAGE} <script>alert(1)</script>"', text)
    contacts.write_text(text, encoding="utf-8")


def _parser_tricks(page: Path) -> None:
    """After the short answer, in the article: where a reader's browser would meet them."""
    text = page.read_text(encoding="utf-8")
    anchor = "{{ short_answer() }}"
    assert anchor in text, f"{page}: no {anchor}"
    tricks = "\n\n".join([*PARSER_TRICKS, ESCAPE_TRICK])
    page.write_text(text.replace(anchor, f"{anchor}\n\nТекст.\n\n{tricks}\n", 1), encoding="utf-8")


def _macro_with_a_broken_link(project: Path, page: str) -> None:
    macros = project / "macros" / "__init__.py"
    macros.write_text(
        macros.read_text(encoding="utf-8")
        + "\n\n_original_define_env = define_env\n\n"
        "def define_env(env):\n"
        "    _original_define_env(env)\n\n"
        "    @env.macro_registry.macro(env)  # pages may call only registered macros (macros/registry.py)\n"
        "    def broken_link():\n"
        "        return '<a href=\"nope/\">nope</a>'\n",
        encoding="utf-8",
    )
    source = project / page
    source.write_text(source.read_text(encoding="utf-8") + "\n{{ broken_link() }}\n", encoding="utf-8")
