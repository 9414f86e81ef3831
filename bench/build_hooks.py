"""Where one build's time goes: CPU seconds of every event handler (each hook and plugin), largest first.

    python -m bench.build_hooks --guides 1000        # a copy with 1000 synthetic guides (sitebuild/synthetic.py)
    python -m bench.build_hooks --project .          # this project as it is
    python -m bench.build_hooks --guides 1000 --cprofile   # and where Markdown and the templates spend it

The build runs in this process (a strict build, as `make build` runs it) with MkDocs' event dispatcher
wrapped, so each handler's CPU time is added up across pages; what is left of the build's CPU is MkDocs,
Markdown, Material's templates and writing files. Start with the largest line when the build has slowed
(`make bench-build` says by how much). With --cprofile the build also runs under cProfile, which about
doubles its CPU time, and prints shares of the profiled build: Markdown's conversion and the making of its
converters, each Markdown extension's processors, and each template (an included template's time counts in
its includer's too). Prints figures, never passes or fails.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
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


def _cumulative(stats: pstats.Stats, wanted: Callable[[str, str], str | None]) -> defaultdict[str, float]:
    """Cumulative seconds of the profiled functions `wanted` names (file, function) -> a label, or None to skip
    (cProfile counts a recursive function's time once, in its outermost call)."""
    totals: defaultdict[str, float] = defaultdict(float)
    for (file, _, function), (_, _, _, cumulative, _) in stats.stats.items():  # type: ignore[attr-defined]
        label = wanted(file, function)
        if label is not None:
            totals[label] += cumulative
    return totals


def _markdown_part(file: str, function: str) -> str | None:
    """A Markdown extension's processors (what runs on every page), by the module that defines them."""
    if function not in ("run", "test", "handleMatch") or not ("/markdown/" in file or "/pymdownx/" in file):
        return None
    return file.split("site-packages/")[-1]


def _template(file: str, function: str) -> str | None:
    if function != "root" or not file.endswith(".html"):
        return None
    if "/overrides/" in file:  # the project's (or its copy's) own templates
        return "overrides/" + file.split("/overrides/")[-1]
    return "material/" + file.split("/templates/")[-1]


def report_profile(stats: pstats.Stats, top: int) -> None:
    total: float = stats.total_tt  # type: ignore[attr-defined]
    markdown = _cumulative(stats, lambda file, function: (
        {"convert": "converting pages", "__init__": "making converters"}.get(function)
        if file.endswith("markdown/core.py") else None
    ))
    print(f"cProfile: {total:.1f} s profiled (its clock is the wall's); shares of it:")
    for label, seconds in sorted(markdown.items()):
        print(f"  {seconds / total:6.1%}  Markdown: {label}")
    converting = markdown.get("converting pages") or 1.0
    for label, seconds in sorted(_cumulative(stats, _markdown_part).items(), key=lambda item: -item[1])[:top]:
        print(f"  {seconds / total:6.1%}  ({seconds / converting:5.1%} of converting)  {label}")
    for label, seconds in sorted(_cumulative(stats, _template).items(), key=lambda item: -item[1])[:top]:
        print(f"  {seconds / total:6.1%}  template {label}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--guides", type=int, help="build a copy of the project with this many synthetic guides")
    where.add_argument("--project", type=Path, help="build this project folder as it is")
    parser.add_argument("--top", type=int, default=25, help="handlers to list")
    parser.add_argument("--cprofile", action="store_true", help="also Markdown per extension and each template")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-build-hooks-") as scratch:
        work = Path(scratch)
        project = make_project(args.guides, work / "project") if args.guides else args.project.resolve()
        os.chdir(project)  # hooks and macros resolve some paths from the working folder, as under `mkdocs build`
        sys.path.insert(0, str(project))
        profiler = cProfile.Profile() if args.cprofile else None
        if profiler is not None:
            profiler.enable()
        total, totals = profile(project, work / "site")
        report(total, totals, args.top)
        if profiler is not None:
            profiler.disable()
            report_profile(pstats.Stats(profiler), args.top)


if __name__ == "__main__":
    main()
