"""Where one build's time goes: CPU seconds of every event handler (each hook and plugin), largest first.

    python -m bench.build_hooks --guides 1000        # a copy with 1000 synthetic guides (sitebuild/synthetic.py)
    python -m bench.build_hooks --project .          # this project as it is

The build runs in this process (a strict build, as `make build` runs it) with MkDocs' event dispatcher
wrapped, so each handler's CPU time is added up across pages; what is left of the build's CPU is MkDocs,
Markdown, Material's templates and writing files. Start with the largest line when the build has slowed
(`make bench-build` says by how much). Prints figures, never passes or fails.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.plugins import PluginCollection

from sitebuild.synthetic import make_project


@contextmanager
def timed_events(totals: defaultdict[str, float]) -> Iterator[None]:
    """While inside, every event handler's CPU seconds go to totals["event  module"]."""
    original = PluginCollection.run_event

    def run_event(self: PluginCollection, name: str, item: Any = None, **kwargs: Any) -> Any:
        for method in self.events[name]:
            self._current_plugin = self._event_origins.get(method, "<unknown>")  # what File.generated reads
            start = time.process_time()
            result = method(item, **kwargs) if item is not None else method(**kwargs)
            totals[f"{name:<14} {_owner(method)}"] += time.process_time() - start
            if result is not None:
                item = result
        self._current_plugin = None
        return item

    PluginCollection.run_event = run_event  # type: ignore[method-assign]
    try:
        yield
    finally:
        PluginCollection.run_event = original  # type: ignore[method-assign]


def _owner(method: Callable[..., Any]) -> str:
    """ozon/x for the project's plugins (ozon_help/plugins/x/), the module of any other handler."""
    module = getattr(method, "__module__", "") or "?"
    if module.startswith("ozon_help.plugins."):
        return "ozon/" + module.split(".")[2]
    return module if module.startswith("hooks/") or "." in module else f"hooks/{module}.py"


def profile(project: Path, site: Path) -> tuple[float, defaultdict[str, float]]:
    """CPU seconds of one strict build of `project` into `site`, and of each event handler."""
    totals: defaultdict[str, float] = defaultdict(float)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    start = time.process_time()
    with timed_events(totals):
        config = load_config(str(project / "mkdocs.yml"), strict=True, site_dir=str(site))
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    return time.process_time() - start, totals


def report(total: float, totals: defaultdict[str, float], top: int) -> None:
    handlers = sum(totals.values())
    print(f"build: {total:.2f} CPU-s; event handlers {handlers:.2f} ({handlers / total:.0%}), the rest is MkDocs,"
          " Markdown, templates and files")
    for name, seconds in sorted(totals.items(), key=lambda item: -item[1])[:top]:
        print(f"  {seconds:7.2f} CPU-s  {seconds / total:5.1%}  {name}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--guides", type=int, help="build a copy of the project with this many synthetic guides")
    where.add_argument("--project", type=Path, help="build this project folder as it is")
    parser.add_argument("--top", type=int, default=25, help="handlers to list")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-build-hooks-") as scratch:
        work = Path(scratch)
        project = make_project(args.guides, work / "project") if args.guides else args.project.resolve()
        os.chdir(project)  # hooks and macros resolve some paths from the working folder, as under `mkdocs build`
        sys.path.insert(0, str(project))
        total, totals = profile(project, work / "site")
        report(total, totals, args.top)


if __name__ == "__main__":
    main()
