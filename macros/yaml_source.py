"""Read a YAML file strictly and remember which line every value came from.

PyYAML silently keeps the last of two duplicate keys; an editor who pastes a channel twice would
never learn which one the site shows. This loader refuses duplicates and keeps a map from the
path of each value (("organizations", 0, "channels", 2, "number")) to its line, so validation
errors can point at the line to fix.
"""

from __future__ import annotations

import functools
import pickle
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .problems import Problem

YamlPath = tuple[str | int, ...]


class YamlSourceError(ValueError):
    """A YAML file cannot be read; the message names the file and line."""

    def __init__(
        self, message: str, line: int | None = None, detail: str | None = None, where: str | None = None
    ) -> None:
        super().__init__(message)
        self.line = line  # 1-based, within the YAML text that was read
        self.detail = detail or message  # the message without its place
        self.where = where  # the file, as the editor names it, when the error knows it

    def located(self, where: str, offset: int = 0) -> str:
        """`where:LINE: detail`, the line counted as the editor sees it (`offset` lines precede the YAML)."""
        return f"{where}:{(self.line or 1) + offset}: {self.detail}"

    def problem(self, where: str | None = None, offset: int = 0, check: str = "") -> Problem:
        """The error as a problem of `where` (else of the file it was read from), as data: no text to parse."""
        return Problem(where or self.where or "?", (self.line or 1) + offset, self.detail, check=check)


def _at_line(line: int, detail: str) -> YamlSourceError:
    return YamlSourceError(f"line {line}: {detail}", line, detail)


@dataclass(frozen=True)
class YamlDocument:
    path: Path
    data: Any
    lines: dict[YamlPath, int]

    def line_of(self, path: YamlPath) -> int:
        """The line of the deepest part of `path` that exists in the file."""
        for end in range(len(path), -1, -1):
            if path[:end] in self.lines:
                return self.lines[path[:end]]
        return 1


# libyaml's parser when PyYAML was built with it: ~15x faster on contacts.yml, same marks.
# Every YAML reader of the project (front matter, mkdocs.yml in sitecheck) uses this one.
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _StrictLoader(SafeLoader):  # type: ignore[misc, valid-type]
    """Safe loader that refuses duplicate keys."""


def _construct_mapping(loader: _StrictLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    seen: dict[Any, int] = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        line = key_node.start_mark.line + 1
        if key in seen:
            raise _at_line(
                line, f"key «{key}» appears twice (first on line {seen[key]}). Keep one of them and delete the other."
            )
        seen[key] = line
    return loader.construct_mapping(node, deep=deep)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def construct_date(loader: Any, node: yaml.ScalarNode) -> Any:
    """A YAML date, or a plain message with the line for one that does not exist (2026-02-30)."""
    try:
        return SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError as error:
        raise _at_line(
            node.start_mark.line + 1,
            f"«{node.value}» is not a real date ({error}); write an existing date as YYYY-MM-DD, like 2026-02-28",
        ) from None


_StrictLoader.add_constructor("tag:yaml.org,2002:timestamp", construct_date)


def refuse_anchors(text: str) -> None:
    """Raise on the first anchor, alias or merge key, before anything is built from them.

    PyYAML's safe loaders still expand aliases: a 560-byte alias bomb became gigabytes. Reading
    the events (libyaml when available) stops at the first `&anchor`, `*alias` or `<<:` instead.
    """
    for event in yaml.parse(text, Loader=SafeLoader):
        line = (event.start_mark.line if event.start_mark else 0) + 1
        if isinstance(event, yaml.AliasEvent):
            raise _at_line(line, f"«*{event.anchor}» repeats another entry (a YAML alias). {_NO_REPEATS}")
        if isinstance(event, yaml.NodeEvent) and event.anchor is not None:
            raise _at_line(line, f"«&{event.anchor}» marks an entry to repeat (a YAML anchor). {_NO_REPEATS}")
        if isinstance(event, yaml.ScalarEvent) and event.value == "<<" and event.implicit[0]:
            raise _at_line(line, f"«<<:» merges another entry (a YAML merge key). {_NO_REPEATS}")


_NO_REPEATS = "This file does not use anchors, aliases or merge keys: write each value out in full"


def _index_lines(node: yaml.Node, path: YamlPath, lines: dict[YamlPath, int]) -> None:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            _index_lines(value_node, path + (key_node.value,), lines)
            # A missing value reports at its key's line, which is where the editor looks.
            lines[path + (key_node.value,)] = key_node.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _index_lines(item, path + (index,), lines)


def shown(path: Path) -> str:
    """A path as the editor knows it: relative to the project folder the build runs in."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)


# A data file is read whole, and every value of it is rendered or checked: bound the work before parsing.
# contacts.yml is 22 KB today; 100 000 contacts (a 97 MB booklet) are some 15 MB.
MAX_DATA_BYTES = 512 * 1024


def read_yaml(path: Path) -> YamlDocument:
    """Parse `path`; raise YamlSourceError with the file and line on any problem."""
    size = path.stat().st_size
    if size > MAX_DATA_BYTES:
        too_big = (
            f"the file is {size // 1024} KB; the limit is {MAX_DATA_BYTES // 1024} KB "
            "(macros/yaml_source.py, MAX_DATA_BYTES). Fix: keep the data the site shows; split or trim the file"
        )
        raise YamlSourceError(f"{shown(path)}:1: {too_big}", 1, too_big, shown(path))
    text = path.read_text(encoding="utf-8")
    try:
        data, lines = pickle.loads(_parsed(text))
    except YamlSourceError as error:
        raise YamlSourceError(error.located(shown(path)), error.line, error.detail, shown(path)) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        not_yaml = (
            f"this is not valid YAML ({error.problem}). Check the indentation and quote values that contain «:» or «#»."
        )
        raise YamlSourceError(f"{shown(path)}:{line}: {not_yaml}", line, not_yaml, shown(path)) from None
    return YamlDocument(path=path, data=data, lines=lines)


# The same text is parsed once per process. The checker reads contacts.yml from four checks, and the tests
# read the same data files in hundreds of project copies: parsing law.yml costs about 17 ms, a copy out of
# this cache 0.4 ms. The result depends on the text alone (the path only names the file in an error, and
# errors are never cached: lru_cache keeps no exceptions). It is kept pickled so that every caller gets
# objects of its own and none can change what the next one reads; at most _PARSED_FILES texts of at most
# MAX_DATA_BYTES each are kept.
_PARSED_FILES = 16


@functools.lru_cache(maxsize=_PARSED_FILES)
def _parsed(text: str) -> bytes:
    """`text` read strictly: the pickled (data, line of each value's path)."""
    refuse_anchors(text)
    data = yaml.load(text, Loader=_StrictLoader)  # noqa: S506 - SafeLoader subclass
    root = yaml.compose(text, Loader=SafeLoader)
    lines: dict[YamlPath, int] = {}
    if root is not None:
        _index_lines(root, (), lines)
    return pickle.dumps((data, lines), protocol=pickle.HIGHEST_PROTOCOL)
