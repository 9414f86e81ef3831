"""data/not-guides.yml and data/denied-domains.yml are read strictly: a malformed entry is a problem at its
line with the fix, from the check that uses the file, and never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitecheck import external, structure
from sitecheck.policy_files import (
    DENIED_DOMAINS_FILE,
    NOT_GUIDES_FILE,
    DeniedDomainsFile,
    NotGuidesFile,
    read_policy,
)
from sitecheck.project import Project

from .conftest import ROOT
from .sitecheck_support import run_check

NOT_GUIDES = "pages:\n  - page: index.md\n    why: the home page\n"
DENIED = "domains:\n  - domain: facebook.com\n    why: banned in Russia\n"

# (file, its text, the line of the problem, words in the message)
BROKEN = {
    "not-guides: a list under pages is a string": (
        NOT_GUIDES_FILE,
        "pages: index.md\n",
        1,
        ["pages", "should be a list"],
    ),
    "not-guides: an entry is a bare file name": (
        NOT_GUIDES_FILE,
        NOT_GUIDES + "  - slovar.md\n",
        4,
        ["pages[slovar.md]", "«key: value» lines", "like the entries above"],
    ),
    "not-guides: no why": (NOT_GUIDES_FILE, NOT_GUIDES + "  - page: slovar.md\n", 4, ["«why» is missing"]),
    "not-guides: a path out of docs": (
        NOT_GUIDES_FILE,
        NOT_GUIDES + "  - page: ../README.md\n    why: not a page\n",
        4,
        ["not a page under docs/"],
    ),
    "not-guides: unknown key": (
        NOT_GUIDES_FILE,
        NOT_GUIDES.replace("    why:", "    reason:"),
        3,
        ["unknown field «reason»"],
    ),
    "not-guides: the whole file a list": (NOT_GUIDES_FILE, "- index.md\n", 1, ["the file", "«key: value» lines"]),
    "not-guides: an alias": (
        NOT_GUIDES_FILE,
        "pages:\n  - &p {page: index.md, why: home}\n  - *p\n",
        2,
        ["«&p» marks an entry"],
    ),
    "denied: a URL instead of a domain": (
        DENIED_DOMAINS_FILE,
        DENIED + "  - domain: https://vk.com/ozon\n    why: example\n",
        4,
        ["is not a domain"],
    ),
    "denied: a bare domain": (DENIED_DOMAINS_FILE, DENIED + "  - vk.com\n", 4, ["domains[vk.com]"]),
    "denied: one label": (DENIED_DOMAINS_FILE, DENIED + "  - domain: localhost\n    why: x y z\n", 4, ["not a domain"]),
    "denied: a key twice": (
        DENIED_DOMAINS_FILE,
        DENIED + "    why: again\n",
        4,
        ["key «why» appears twice (first on line 3)"],
    ),
    "denied: not YAML": (DENIED_DOMAINS_FILE, DENIED + "  - domain: [x\n", 5, ["not valid YAML"]),
}


@pytest.mark.parametrize("broken", list(BROKEN))
def test_a_malformed_policy_file_is_a_problem_at_its_line(tmp_path: Path, broken: str) -> None:
    name, text, line, needles = BROKEN[broken]
    (tmp_path / "data").mkdir()
    (tmp_path / name).write_text(text, encoding="utf-8")
    model = NotGuidesFile if name == NOT_GUIDES_FILE else DeniedDomainsFile
    data, problems = read_policy(tmp_path, name, model, "x")
    assert data is None and problems, broken
    assert any(p.path == name and p.line == line and all(n in str(p) for n in needles) for p in problems), "\n".join(
        map(str, problems)
    )


def test_the_real_files_are_valid() -> None:
    project = Project(ROOT)
    assert project.policy_problems(NOT_GUIDES_FILE) == []
    assert project.policy_problems(DENIED_DOMAINS_FILE) == []
    assert "index.md" in project.not_guides and project.denied_domains


@pytest.mark.parametrize(("name", "check"), [(NOT_GUIDES_FILE, structure.NAME), (DENIED_DOMAINS_FILE, external.NAME)])
def test_the_check_that_uses_a_file_reports_it_and_nothing_else_of_it(
    project_copy: Path, name: str, check: str
) -> None:
    path = project_copy / name
    path.write_text(path.read_text(encoding="utf-8") + "  - broken\n", encoding="utf-8")
    problems = run_check(check, project_copy)
    about = [p for p in problems if p.path == name]
    assert len(about) == 1 and about[0].line == path.read_text(encoding="utf-8").count("\n"), problems
    if name == NOT_GUIDES_FILE:  # no flood of «not a guide» for the pages the list would have named
        assert not [p for p in problems if "index.md" in p.path]
