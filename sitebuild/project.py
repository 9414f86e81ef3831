"""A throwaway copy of the project and a strict build of it, exactly as `make build` does."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from .build_server import TEMPLATE_CACHE

_SOCKET = "socket"  # in the server's scratch folder
_MAX_SOCKET_PATH = 100  # bytes; Linux takes 107 for a Unix socket's path

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

    sitebuild/build_server.py says how. A test session keeps one server: pytest-xdist's controller starts it
    (`listen`) and each worker uses it through its socket (`use`), so its imports and its compiled templates
    are paid once, not once per worker; a session without workers starts its own on the first build.
    `build` answers as the function `build` does: exit code, stdout then stderr, and the pages on disk.
    """

    def __init__(self) -> None:
        self._process: subprocess.Popen[bytes] | None = None
        self._server_folder = Path()  # the server's scratch folder: its socket and the compiled templates
        self._scratch = Path()  # this caller's own: the children's stdout and stderr
        self._address: str | None = None  # a server another process started (use)
        self._channel: tuple[IO[bytes], IO[bytes]] | None = None
        self._address_of_own: str | None = None  # where the server this process started listens (listen)

    def listen(self) -> str | None:
        """Start the server (if it is not running) with a socket other test processes can `use`: its address;
        None where the scratch folder's path is too long for a Unix socket (each process then starts its own)."""
        if self._process is None or self._process.poll() is not None or self._address_of_own is None:
            self._start(listen=True)
        return self._address_of_own

    def use(self, address: str) -> None:
        """Send builds to the server another process started and listens at `address` (listen)."""
        self.close()
        self._address = address
        self._server_folder = Path(address).parent

    def _start(self, listen: bool) -> None:
        self.close()
        self._server_folder = Path(tempfile.mkdtemp(prefix="build-server-"))  # private (0700): its socket
        server = Path(__file__).with_name("build_server.py")
        address = str(self._server_folder / _SOCKET)
        self._address_of_own = address if listen and len(address.encode()) < _MAX_SOCKET_PATH else None
        # The socket listens before the server starts, so a caller can connect at once (the server accepts
        # it when it has MkDocs imported).
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            extra: list[str] = []
            if self._address_of_own:
                listener.bind(self._address_of_own)
                listener.listen()
                extra = ["--listen-fd", str(listener.fileno())]
            # -P: the server's sys.path holds no project folder, so it can never import the project's modules
            self._process = subprocess.Popen(
                [sys.executable, "-P", str(server), *extra],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                cwd=self._server_folder,
                pass_fds=(listener.fileno(),) if extra else (),
            )
        finally:
            listener.close()
        assert self._process.stdin and self._process.stdout
        self._channel = (self._process.stdin, self._process.stdout)

    def _started(self) -> tuple[IO[bytes], IO[bytes]]:
        if self._channel is None or (self._process is not None and self._process.poll() is not None):
            if self._address is not None:
                connection = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
                connection.connect(self._address)
                self._channel = (connection.makefile("wb"), connection.makefile("rb"))
                connection.close()  # the two files keep the connection open
            else:
                self._start(listen=False)
        if self._scratch == Path():
            self._scratch = Path(tempfile.mkdtemp(prefix="build-client-"))
        assert self._channel is not None
        return self._channel

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
            self._channel = None
            code = self._process and self._process.wait()
            raise RuntimeError(f"the build server stopped (exit code {code})")
        return ScriptRun(
            json.loads(reply)["returncode"],
            out.read_text(encoding="utf-8", errors="replace"),
            err.read_text(encoding="utf-8", errors="replace"),
        )

    @property
    def compiled_templates(self) -> list[Path]:
        """The Jinja bytecode its children share (build_server._share_compiled_templates)."""
        if self._channel is None and self._address is None:
            return []
        return sorted((self._server_folder / TEMPLATE_CACHE).glob("*"))

    def close(self) -> None:
        """Stop the server this process started (after its running builds), or leave the one it used."""
        if self._channel is not None:
            for channel in self._channel:
                channel.close()
            self._channel = None
        if self._process is not None:
            self._process.wait()
            self._process = None
            shutil.rmtree(self._server_folder, ignore_errors=True)
        if self._scratch != Path():
            shutil.rmtree(self._scratch, ignore_errors=True)
            self._scratch = Path()
