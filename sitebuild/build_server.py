"""Strict builds of project copies without paying Python's start-up for each one.

A test suite builds dozens of broken copies of the project. As separate processes, each build first
spends about 0.7 s importing MkDocs, Material, mkdocs-macros, pymdown, Markdown, holidays, pydantic,
phonenumbers and lxml; a copy that fails at once then costs ten times what its check needs.

This file runs as its own process (`python -P sitebuild/build_server.py`, started by `BuildServer`):
it imports only the standard library and third-party packages, never the project's own modules, and
forks one child per build. The child does what `python -m mkdocs build ...` does in the copy's folder
(the copy's folder first on sys.path, the caller's environment, stdout and stderr to files) and runs
the copy's own macros and plugins (ozon_help/), imported fresh in that child; its exit code comes back as a
subprocess's would. After each build the server imports the third-party modules that child needed, so
the next child starts with them loaded. One server serves a whole test run: pytest-xdist's workers send their
requests through a Unix socket (BuildServer.listen and use), and their builds run side by side.

Equivalence with a plain subprocess build (same exit code, output and pages) is tested in
tests/test_build_server.py; benchmarks keep timing plain subprocesses (sitebuild.project.build).
"""

from __future__ import annotations

import atexit
import gc
import importlib
import json
import os
import runpy
import selectors
import socket
import sys
import sysconfig
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# Modules from these folders are shared by every copy; anything else (the project's macros, plugins,
# sitecheck) is the copy's own code and is only ever imported inside a child.
_SHARED_DIRS = tuple(
    {str(Path(sysconfig.get_paths()[key]).resolve()) + os.sep for key in ("stdlib", "platstdlib", "purelib", "platlib")}
)


def _shared_modules() -> list[str]:
    """Names of the loaded modules that live in the standard library or site-packages."""
    names = []
    for name, module in list(sys.modules.items()):
        file = getattr(module, "__file__", None)
        if file and str(Path(file).resolve()).startswith(_SHARED_DIRS):
            names.append(name)
    return names


def _exit_code(code: object) -> int:
    """What the interpreter does with SystemExit's argument."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return 1


def _child(request: dict[str, Any]) -> None:
    """Become `python -m mkdocs ARGS` (or `python SCRIPT ARGS` when the request names a script) run in
    request["cwd"]; never returns."""
    code = 1
    try:
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        null = os.open(os.devnull, os.O_RDONLY)
        os.dup2(null, 0)
        for fd, path in ((1, request["stdout"]), (2, request["stderr"])):
            target = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
            os.dup2(target, fd)
            os.close(target)
        script = request.get("script")
        # what `python -m` (or `python SCRIPT`) puts first: the copy's macros, not anyone else's
        sys.path.insert(0, str(Path(script).resolve().parent) if script else os.getcwd())
        sys.dont_write_bytecode = True  # the copy is thrown away with its __pycache__
        try:
            if script:  # `python SCRIPT ARGS` (BuildServer.run_script)
                sys.argv = [script, *request["args"]]
                runpy.run_path(script, run_name="__main__")
            else:
                sys.modules.pop("mkdocs.__main__", None)  # run afresh as __main__, as `python -m mkdocs` runs it
                sys.argv = ["mkdocs", *request["args"]]
                runpy.run_module("mkdocs", run_name="__main__", alter_sys=True)
            code = 0
        except SystemExit as stop:
            code = _exit_code(stop.code)
        except BaseException:  # as the interpreter would: the traceback on stderr, exit code 1
            traceback.print_exc()
            code = 1
        Path(request["modules"]).write_text(json.dumps(_shared_modules()), encoding="utf-8")
        atexit._run_exitfuncs()
        sys.stdout.flush()
        sys.stderr.flush()
    finally:
        os._exit(code)


def _warm(names: list[str]) -> None:
    """Import in the server what the last child imported from shared folders."""
    for name in names:
        if name not in sys.modules:
            try:
                importlib.import_module(name)
            except Exception:  # a module that only imports inside a build: the child imports it itself
                pass


# The children's shared Jinja bytecode, in the server's scratch folder (BuildServer.compiled_templates reads it).
TEMPLATE_CACHE = "jinja-bytecode"


def _share_compiled_templates(folder: Path) -> None:
    """Every child compiles each Jinja template once for all the children after it.

    Compiling Material's templates is about a tenth of a build. Jinja's bytecode cache keys a template by
    its file and the checksum of its source, so a copy with its own templates gets its own entries; the
    pages are the same either way (tests/test_build_server.py compares them with a new process's).
    """
    import jinja2

    cache = jinja2.FileSystemBytecodeCache(str(folder))
    create = jinja2.Environment.__init__

    def with_cache(self: jinja2.Environment, *args: Any, **kwargs: Any) -> None:
        create(self, *args, **kwargs)
        if self.bytecode_cache is None:
            self.bytecode_cache = cache

    jinja2.Environment.__init__ = with_cache  # type: ignore[method-assign]


def _share_theme_listings() -> None:
    """Every build lists each file of its theme's folders to find the static files to copy: Material ships
    some 14,500 (most of them icons), about 0.07 s a build. An installed theme's folder does not change while
    the server runs, so the server lists it once and its children reuse the list; other folders (a copy's
    overrides/) are listed afresh by each build. The union of the lists is what Jinja's own method returns.
    """
    import jinja2
    from mkdocs.utils import get_theme_dir, get_theme_names

    walk = jinja2.FileSystemLoader.list_templates

    def one_folder(searchpath: str, followlinks: bool) -> list[str]:
        return walk(jinja2.FileSystemLoader(searchpath, followlinks=followlinks))

    listed = {(folder, False): frozenset(one_folder(folder, False)) for folder in map(get_theme_dir, get_theme_names())}

    def list_templates(self: jinja2.FileSystemLoader) -> list[str]:
        found: set[str] = set()
        for searchpath in self.searchpath:
            known = listed.get((searchpath, self.followlinks))
            found.update(known if known is not None else one_folder(searchpath, self.followlinks))
        return sorted(found)

    jinja2.FileSystemLoader.list_templates = list_templates  # type: ignore[method-assign]


class _Client:
    """One caller: the process that started the server (on stdin and stdout) or a test process beside it that
    connected to the server's socket. It sends one request at a time and waits for the reply."""

    def __init__(self, reads: int, writes: int, connection: socket.socket | None = None) -> None:
        self.reads, self.writes, self.connection = reads, writes, connection
        self.pending = b""

    def reply(self, returncode: int) -> None:
        try:
            os.write(self.writes, (json.dumps({"returncode": returncode}) + "\n").encode())
        except OSError:  # the caller has gone (a test process that crashed): nobody is waiting
            pass

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()


@dataclass
class _Running:
    """A child at work, for whom, and the file that will list the modules it imported."""

    pid: int
    client: _Client
    modules: str


# A request is one JSON line of a few hundred bytes plus the caller's environment; one far longer is no request.
MAX_REQUEST_BYTES = 1 << 20


def serve(listen_fd: int | None = None) -> None:
    """Answer each JSON request line with {"returncode": N}: from stdin (replies on stdout) and, with
    `listen_fd`, from every test process that connects to that listening Unix socket, so that the test
    processes of one run share one server, its imports and its compiled templates. Builds of different
    callers run side by side, one child each. The server stops when its stdin closes, after its last child."""
    import mkdocs.__main__  # noqa: F401  the first child starts with MkDocs' CLI loaded

    templates = Path(TEMPLATE_CACHE)  # the server's working directory is its scratch folder
    templates.mkdir(exist_ok=True)
    _share_compiled_templates(templates.resolve())
    _share_theme_listings()

    replies = os.dup(1)
    os.dup2(os.open(os.devnull, os.O_WRONLY), 1)  # nothing the imports print can corrupt the replies
    selector = selectors.DefaultSelector()
    owner = _Client(0, replies)
    selector.register(0, selectors.EVENT_READ, owner)
    listener = None
    if listen_fd is not None:
        listener = socket.socket(fileno=listen_fd)  # bound and listening already (BuildServer.listen)
        selector.register(listener, selectors.EVENT_READ, listener)
    running: dict[int, _Running] = {}  # by the child's pidfd
    own_fds = [replies, selector.fileno()] if hasattr(selector, "fileno") else [replies]

    def fork(client: _Client, line: bytes) -> None:
        request = json.loads(line)
        gc.freeze()  # what the server holds is never garbage: a child's collections need not walk it
        pid = os.fork()
        if pid == 0:
            # The child closes the server's own channels first (not stdio: it replaces them).
            for fd in [fd for fd in own_fds + [key.fd for key in selector.get_map().values()] if fd > 2]:
                try:
                    os.close(fd)
                except OSError:
                    pass
            _child(request)
        pidfd = os.pidfd_open(pid)
        running[pidfd] = _Running(pid, client, request["modules"])
        selector.register(pidfd, selectors.EVENT_READ, pidfd)

    owner_open = True
    while owner_open or running:
        for key, _ in selector.select():
            what = key.data
            if what is listener and listener is not None:
                connection, _ = listener.accept()
                guest = _Client(connection.fileno(), connection.fileno(), connection)
                selector.register(connection, selectors.EVENT_READ, guest)
            elif isinstance(what, int):  # a child has ended
                child = running.pop(what)
                selector.unregister(what)
                os.close(what)
                _, status = os.waitpid(child.pid, 0)
                child.client.reply(os.waitstatus_to_exitcode(status))
                try:
                    _warm(json.loads(Path(child.modules).read_text(encoding="utf-8")))
                except (OSError, ValueError):
                    pass
            else:
                client: _Client = what
                data = os.read(client.reads, 65536)
                client.pending += data
                if not data or len(client.pending) > MAX_REQUEST_BYTES:  # gone, or no request
                    selector.unregister(key.fileobj)
                    client.close()
                    owner_open = owner_open and client is not owner
                    continue
                while b"\n" in client.pending:
                    line, client.pending = client.pending.split(b"\n", 1)
                    fork(client, line)


def main(argv: list[str]) -> None:
    """`build_server.py [--listen-fd FD]`."""
    serve(int(argv[1]) if len(argv) == 2 and argv[0] == "--listen-fd" else None)


if __name__ == "__main__":
    main(sys.argv[1:])
