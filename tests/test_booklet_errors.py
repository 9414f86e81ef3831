"""A guide's broken anchor link is the guide's error: reported against its file and line (issue 14)."""

from __future__ import annotations

from pathlib import Path

from .conftest import build


def _inject(project: Path, guide: str, after: str, line: str) -> int:
    """Put `line` into docs/<guide> after the first line starting with `after`; return its line number."""
    path = project / "docs" / guide
    lines = path.read_text(encoding="utf-8").splitlines()
    at = next(i for i, text in enumerate(lines) if text.startswith(after)) + 1
    lines[at:at] = ["", line, ""]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return at + 2  # 1-based, after the blank line


def test_bad_anchor_to_another_guide_names_the_guide_line_and_heading(project_copy: Path) -> None:
    bad_link = "См. [сроки возврата](vozvrat-tovara.md#net-takogo-zagolovka)."
    line = _inject(project_copy, "brak.md", "## Подробно", bad_link)
    result = build(project_copy)
    assert not result.ok, "a broken anchor must fail the strict build"
    assert f"docs/brak.md:{line}:" in result.output, result.output[-3000:]
    assert "#net-takogo-zagolovka" in result.output and "docs/vozvrat-tovara.md does not have" in result.output
    # MkDocs' own message is not hidden by the booklet hook, and the booklet is not blamed
    assert "Doc file 'brak.md' contains a link 'vozvrat-tovara.md#net-takogo-zagolovka'" in result.output
    assert "docs/pechat.md" not in result.output, result.output[-3000:]


def test_bad_anchor_on_the_same_page_names_the_guide_and_line(project_copy: Path) -> None:
    line = _inject(project_copy, "zakaz-poteryalsya.md", "## Подробно", "Вернитесь [к началу](#net-takogo).")
    result = build(project_copy)
    assert not result.ok
    assert f"docs/zakaz-poteryalsya.md:{line}:" in result.output and "«#net-takogo»" in result.output
    assert "this page does not have" in result.output
    assert "docs/pechat.md" not in result.output, result.output[-3000:]
