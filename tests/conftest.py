"""Shared fixtures: the project root, a built copy of the real site, and broken copies of it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SITE_PARTS = ("docs", "data", "macros", "overrides", "schemas", "mkdocs.yml", "hooks")


@dataclass
class BuildResult:
    returncode: int
    output: str
    site: Path
    project: Path

    @property
    def ok(self) -> bool:
        return self.returncode == 0


def copy_project(dest: Path) -> Path:
    """A throwaway copy of everything the build reads, to break on purpose."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in SITE_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif src.exists():
            shutil.copy2(src, dest / part)
    return dest


def build(project: Path, site: Path | None = None, config: str = "mkdocs.yml") -> BuildResult:
    """Run a strict build exactly as `make build` does (never with -q)."""
    site = site or project / "site"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-f", str(project / config), "-d", str(site)],
        cwd=project,
        capture_output=True,
        text=True,
        env=env,
    )
    return BuildResult(proc.returncode, proc.stdout + proc.stderr, site, project)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """The real site, built once per test session."""
    result = build(ROOT, tmp_path_factory.mktemp("site") / "site")
    assert result.ok, f"the real site does not build:\n{result.output}"
    return result


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")
