"""Whether a build runs under `make serve` (`mkdocs serve --dirty`), learnt once from MkDocs' `on_startup`.

A plugin that has `on_startup` is made once per `mkdocs serve` and kept across its rebuilds (MkDocs 1.4+),
so everything else it keeps on `self` is reset at the start of each build (on_config or on_pre_build).
`mkdocs build --dirty` is not a dirty serve: `make build`, `make check` and CI never run dirty.
"""

from __future__ import annotations

from typing import Literal


def is_dirty_serve(command: str, dirty: bool) -> bool:
    return command == "serve" and dirty


class ServeAware:
    """Mixed into a plugin (`class XPlugin(ServeAware, BasePlugin[XConfig])`, as MkDocs' BasePlugin[…] makes a
    class of its own): the plugin knows whether it runs in a dirty `make serve` (`self.dirty_serve`)."""

    dirty_serve = False  # a build run without on_startup (a test's, a benchmark's) is a full build

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.dirty_serve = is_dirty_serve(command, dirty)
