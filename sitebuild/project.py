"""A throwaway copy of the project and a strict build of it, exactly as `make build` does."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from .build_server import TEMPLATE_CACHE

ROOT = Path(__file__).resolve().parent.parent
# Everything a build reads. Tests that run the checker or pytest inside a copy add CODE_PARTS.
SITE_PARTS = ("docs", "data", "macros", "overrides", "schemas", "mkdocs.yml", "ozon_help", "sitecheck")
# sitecheck is a site part: every build runs its law check (ozon/law_check).
CODE_PARTS = ("sitebuild", "deploy", "tests", "bench", "pytest.ini", "pyproject.toml")


@dataclass
class BuildResult:
    returncode: int
    output: str
    site: Path
    project: Path

    @property
    def ok(self) -> bool:
        return self.returncode == 0


@dataclass(frozen=True)
class ScriptRun:
    """What a script run by BuildServer.run_script did: its exit code, stdout and stderr."""

    returncode: int
    stdout: str
    stderr: str


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


def _build_args(project: Path, site: Path, config: str) -> list[str]:
    """`mkdocs` arguments of a strict build as `make build` runs it (never with -q)."""
    return ["build", "--strict", "--clean", "-f", str(project / config), "-d", str(site)]


def build(project: Path, site: Path | None = None, config: str = "mkdocs.yml") -> BuildResult:
    """Run a strict build exactly as `make build` does, in a new Python process (what benchmarks time)."""
    site = site or project / "site"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", *_build_args(project, site, config)],
        cwd=project,
        capture_output=True,
        text=True,
        env=env,
    )
    return BuildResult(proc.returncode, proc.stdout + proc.stderr, site, project)


class BuildServer:
    """The same strict build, forked from a process that has MkDocs and its plugins loaded already.

    sitebuild/build_server.py says how; a test session keeps one per worker process. `build` answers
    as the function `build` does: exit code, stdout then stderr, and the pages on disk.
    """

    def __init__(self) -> None:
        self._process: subprocess.Popen[bytes] | None = None
        self._scratch = Path()

    def _started(self) -> tuple[IO[bytes], IO[bytes]]:
        if self._process is None or self._process.poll() is not None:
            self._scratch = Path(tempfile.mkdtemp(prefix="build-server-"))  # the children's stdout and stderr
            server = Path(__file__).with_name("build_server.py")
            # -P: the server's sys.path holds no project folder, so it can never import the project's modules
            self._process = subprocess.Popen(
                [sys.executable, "-P", str(server)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, cwd=self._scratch
            )
        assert self._process.stdin and self._process.stdout
        return self._process.stdin, self._process.stdout

    def build(self, project: Path, site: Path | None = None, config: str = "mkdocs.yml") -> BuildResult:
        site = site or project / "site"
        run = self._run(project, {"args": _build_args(project, site, config)})
        return BuildResult(run.returncode, run.stdout + run.stderr, site, project)

    def run_script(self, project: Path, script: Path, args: list[str]) -> ScriptRun:
        """`python SCRIPT ARGS` run in `project` (the script's folder first on sys.path), forked from the server:
        for a test that drives MkDocs' own API in a copy, as `make serve` does, without a Python start-up and
        MkDocs' imports each time. Its stdin is empty: pass input in a file."""
        return self._run(project, {"script": str(script), "args": args})

    def _run(self, project: Path, what: dict[str, object]) -> ScriptRun:
        requests, replies = self._started()
        out, err, modules = (self._scratch / name for name in ("stdout", "stderr", "modules"))
        request = {
            **what,
            "cwd": str(project),
            "env": dict(os.environ, NO_MKDOCS_2_WARNING="1"),
            "stdout": str(out),
            "stderr": str(err),
            "modules": str(modules),
        }
        requests.write(json.dumps(request).encode() + b"\n")
        requests.flush()
        reply = replies.readline()
        if not reply:
            raise RuntimeError(f"the build server stopped (exit code {self._process and self._process.wait()})")
        return ScriptRun(
            json.loads(reply)["returncode"],
            out.read_text(encoding="utf-8", errors="replace"),
            err.read_text(encoding="utf-8", errors="replace"),
        )

    @property
    def compiled_templates(self) -> list[Path]:
        """The Jinja bytecode its children share (build_server._share_compiled_templates)."""
        return sorted((self._scratch / TEMPLATE_CACHE).glob("*")) if self._process is not None else []

    def close(self) -> None:
        if self._process is not None:
            assert self._process.stdin
            self._process.stdin.close()
            self._process.wait()
            self._process = None
            shutil.rmtree(self._scratch, ignore_errors=True)
