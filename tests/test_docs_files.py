"""Issue 25, classes 3 and 6: docs/ publishes pages and assets only; no symlink, HTML file or active SVG;
pages and data files have a size bound.

The rules are the functions the hook runs (ozon/docs_files) on a scratch docs/ folder; one build
shows the hook stops the build before MkDocs walks docs/, with every problem in one run.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ozon_help.plugins.docs_files.rules import (
    MAX_BRACKETS_PER_PAGE,
    MAX_BRACKETS_PER_PARAGRAPH,
    MAX_LINE_CHARS,
    MAX_PAGE_BYTES,
    docs_problems,
    svg_problems,
)
from macros.yaml_source import MAX_DATA_BYTES, YamlSourceError, read_yaml

from .conftest import ROOT, build

PLAIN_SVG = b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"><path d="M0 0h4v4z" fill="#333"/></svg>'


def test_the_real_docs_folder_passes() -> None:
    assert docs_problems(ROOT / "docs") == []


def _docs(tmp_path: Path, files: dict[str, bytes]) -> Path:
    docs = tmp_path / "docs"
    for name, data in files.items():
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_bytes(data)
    return docs


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("assets/x.html", "an HTML file is published as it is"),
        ("assets/deep/x.HTM", "an HTML file is published as it is"),
        ("notes.txt", "only pages (.md) may sit outside docs/assets/"),
        ("assets/todo.txt", "«.txt» files are not published"),
        ("assets/build.sh", "«.sh» files are not published"),
        ("assets/Makefile", "«no extension» files are not published"),
        ("x.js", "only pages (.md) may sit outside docs/assets/"),
    ],
)
def test_only_an_allow_list_of_types_and_places(tmp_path: Path, name: str, expected: str) -> None:
    docs = _docs(tmp_path, {"index.md": b"# x\n", name: b"<script>alert(1)</script>"})
    problems = docs_problems(docs)
    assert [(p.path, p.line) for p in problems] == [(f"docs/{name}", 1)], problems
    assert expected in problems[0].message and problems[0].fix


def test_symlinks_are_refused_and_never_followed(tmp_path: Path) -> None:
    docs = _docs(tmp_path, {"index.md": b"# x\n"})
    (docs / "assets").mkdir()
    (docs / "assets" / "passwd.css").symlink_to("/etc/passwd")
    (docs / "git").symlink_to(ROOT / ".git" if (ROOT / ".git").is_dir() else ROOT)
    (docs / "root").symlink_to("/")  # walking it would take minutes
    problems = docs_problems(docs)
    assert sorted(p.path for p in problems) == ["docs/assets/passwd.css", "docs/git", "docs/root"], problems
    assert all("symlink" in p.message for p in problems)


@pytest.mark.parametrize(
    ("svg", "expected"),
    [
        (b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "<script> is not a drawing"),
        (b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', "onload= is not allowed"),
        (b'<svg xmlns="http://www.w3.org/2000/svg"><foreignObject/></svg>', "<foreignobject>"),
        (b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:x="http://www.w3.org/1999/xlink">'
         b'<a x:href="javascript:alert(1)"><path d="M0 0"/></a></svg>', "<a> is not a drawing"),
        (b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:x="http://www.w3.org/1999/xlink">'
         b'<use x:href="https://evil.example/s.svg#a"/></svg>', "leaves the picture"),
        (b'<svg xmlns="http://www.w3.org/2000/svg"><path fill="url(https://evil.example/x)"/></svg>', "loads"),
        (b'<svg xmlns="http://www.w3.org/2000/svg" style="background:url(https://evil.example/x)"/>', "style="),
        (b'<!DOCTYPE svg [<!ENTITY a "aaaa">]><svg xmlns="http://www.w3.org/2000/svg">&a;</svg>', "entities"),
        (b"<svg", "cannot be read as XML"),
    ],
)
def test_svg_is_a_picture_or_refused(svg: bytes, expected: str) -> None:
    found = svg_problems(svg)
    assert any(expected in what for _, what in found), found


def test_a_plain_svg_passes() -> None:
    assert svg_problems(PLAIN_SVG) == []


def test_size_and_line_bounds(tmp_path: Path) -> None:
    docs = _docs(tmp_path, {
        "big.md": b"# x\n" + b"a\n" * (MAX_PAGE_BYTES // 2 + 1),
        "brackets.md": b"# x\n\n" + b"[" * (MAX_LINE_CHARS + 1) + b"\n",
        "assets/ok.svg": PLAIN_SVG,
    })
    problems = {p.path: (p.line, p.message) for p in docs_problems(docs)}
    assert problems["docs/big.md"][1].startswith("the page is") and problems["docs/brackets.md"][0] == 3
    assert "docs/assets/ok.svg" not in problems


@pytest.mark.parametrize(
    ("text", "line", "expected"),
    [
        # One short paragraph of brackets over several lines: the cost is per paragraph, not per line.
        ("# x\n\nТекст.\n\n" + "[[[[[\n" * (MAX_BRACKETS_PER_PARAGRAPH // 5 + 1), 5, "the paragraph has"),
        ("# x\n\n" + "[a](b)\n\n" * (MAX_BRACKETS_PER_PAGE + 1), 1, "the page has"),
    ],
)
def test_brackets_are_bounded_per_paragraph_and_page(tmp_path: Path, text: str, line: int, expected: str) -> None:
    problems = docs_problems(_docs(tmp_path, {"x.md": text.encode("utf-8")}))
    assert [(p.path, p.line) for p in problems] == [("docs/x.md", line)] and expected in problems[0].message, problems


def test_a_data_file_over_the_bound_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    path = tmp_path / "contacts.yml"
    path.write_text("organizations:\n" + "  - {id: x}\n" * (MAX_DATA_BYTES // 10), encoding="utf-8")
    with pytest.raises(YamlSourceError, match=r"contacts.yml:1: the file is \d+ KB; the limit is 512 KB"):
        read_yaml(path)


@pytest.mark.machinery  # synthetic bad input: no content edit changes how the build refuses it
def test_the_build_stops_before_mkdocs_walks_docs(project_copy: Path) -> None:
    docs = project_copy / "docs"
    (docs / "root").symlink_to("/")
    (docs / "assets" / "x.html").write_text("<meta http-equiv='Content-Security-Policy' content='script-src *'>")
    (docs / "zametki.txt").write_text("черновик", encoding="utf-8")
    result = build(project_copy)
    assert not result.ok and "Traceback" not in result.output
    for expected in ("docs/root:1: a symlink", "docs/assets/x.html:1: an HTML file", "docs/zametki.txt:1: only pages"):
        assert expected in result.output, result.output


def test_a_hundred_thousand_contacts_are_refused_with_the_limit(tmp_path: Path) -> None:
    """Under the file bound, over the channel bound: the message gives the count, the limit and the fix."""
    from macros.contacts_data import MAX_CHANNELS, ContactsError, load_contacts

    path = tmp_path / "contacts.yml"
    channels = "".join(f"      - {{id: c{n}}}\n" for n in range(MAX_CHANNELS + 1))
    path.write_text(f"organizations:\n  - id: x\n    channels:\n{channels}", encoding="utf-8")
    with pytest.raises(ContactsError, match=rf"contacts.yml:\d+: {MAX_CHANNELS + 1} channels; the limit is "):
        load_contacts(path)
