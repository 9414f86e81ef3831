"""macros/yaml_source.py parses a text once per process: what it returns must not depend on that.

Every caller gets objects of its own, the document names the file it was asked for, a changed file is
read afresh, and an error names its own file each time it is read.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.yaml_source import YamlSourceError, read_yaml

TEXT = "organizations:\n  - id: ozon\n    channels:\n      - id: ozon-chat\n        checked: 2026-01-31\n"


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_the_same_text_in_two_files_gives_each_caller_its_own_document(tmp_path: Path) -> None:
    first = read_yaml(_write(tmp_path / "a.yml", TEXT))
    first.data["organizations"][0]["id"] = "changed by a caller"
    first.lines[("organizations",)] = 99
    second = read_yaml(_write(tmp_path / "b.yml", TEXT))
    assert second.path == tmp_path / "b.yml"
    assert second.data["organizations"][0]["id"] == "ozon"
    assert second.line_of(("organizations",)) == 1
    assert second.line_of(("organizations", 0, "channels", 0, "checked")) == 5
    assert second.data["organizations"][0]["channels"][0]["checked"].isoformat() == "2026-01-31"


def test_a_changed_file_is_read_again(tmp_path: Path) -> None:
    path = _write(tmp_path / "contacts.yml", TEXT)
    assert read_yaml(path).data["organizations"][0]["id"] == "ozon"
    _write(path, TEXT.replace("id: ozon\n", "id: ozon-bank\n"))
    assert read_yaml(path).data["organizations"][0]["id"] == "ozon-bank"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (TEXT + "organizations: []\n", r":6: key «organizations» appears twice"),
        ("a: &x 1\nb: *x\n", r":1: «&x» marks an entry to repeat"),
        ("a: [1\n", r":2: this is not valid YAML"),
    ],
)
def test_an_error_names_its_own_file_every_time(tmp_path: Path, text: str, expected: str) -> None:
    for name in ("one.yml", "two.yml", "one.yml"):
        with pytest.raises(YamlSourceError, match=name + expected) as raised:
            read_yaml(_write(tmp_path / name, text))
        assert raised.value.where is not None and raised.value.where.endswith(name)
