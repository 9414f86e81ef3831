"""A throwaway copy of the project and a strict build of it, exactly as `make build` does."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Everything a build reads. Tests that run the checker or pytest inside a copy add CODE_PARTS.
SITE_PARTS = ("docs", "data", "macros", "overrides", "schemas", "mkdocs.yml", "hooks")
CODE_PARTS = ("sitecheck", "sitebuild", "deploy", "tests", "bench", "pytest.ini", "pyproject.toml")


@dataclass
class BuildResult:
    returncode: int
    output: str
    site: Path
    project: Path

    @property
    def ok(self) -> bool:
        return self.returncode == 0


def copy_project(dest: Path, parts: tuple[str, ...] = SITE_PARTS) -> Path:
    """A throwaway copy of everything the build reads (or of `parts`), to break on purpose."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in parts:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__", ".pytest_cache"))
        elif src.exists():
            shutil.copy2(src, dest / part)
    return dest


def build(project: Path, site: Path | None = None, config: str = "mkdocs.yml") -> BuildResult:
    """Run a strict build exactly as `make build` does (never with -q)."""
    site = site or project / "site"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean"]
    proc = subprocess.run(
        [*command, "-f", str(project / config), "-d", str(site)],
        cwd=project,
        capture_output=True,
        text=True,
        env=env,
    )
    return BuildResult(proc.returncode, proc.stdout + proc.stderr, site, project)
