"""The build server (sitebuild/build_server.py) builds as `python -m mkdocs build` does in a new process:
the same exit code, output and pages, each copy with its own code and the caller's environment."""

from __future__ import annotations

import filecmp
from pathlib import Path

import pytest

from sitebuild import build, copy_project

from .conftest import ROOT, BuildServer, prebuilt_site

# In file order on one worker: the failed build fills the server's template cache the next test reads.
pytestmark = [pytest.mark.xdist_group("build-server"), pytest.mark.machinery]


@pytest.fixture
def server(build_server: BuildServer) -> BuildServer:
    """The test process's own server (tests/conftest.py), warm from whatever it built before: if one build
    could leak into the next, it would show here."""
    return build_server


def _same_tree(left: Path, right: Path) -> list[str]:
    """Files that differ or exist on one side only."""
    compared = filecmp.dircmp(left, right)
    found = [str(Path(compared.left) / name) for name in compared.diff_files + compared.left_only + compared.right_only]
    for sub in compared.subdirs.values():
        found += _same_tree(Path(sub.left), Path(sub.right))
    return found


def test_a_failed_build_gives_the_same_exit_code_and_message(server: BuildServer, tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    index = project / "docs" / "index.md"
    index.write_text(index.read_text(encoding="utf-8") + "\n{{ no_such_macro() }}\n", encoding="utf-8")
    forked = server.build(project, tmp_path / "forked")
    plain = build(project, tmp_path / "plain")
    assert (forked.returncode, plain.returncode) == (1, 1)
    # The same log lines, word for word, but the folder
    assert forked.output.replace("forked", "SITE") == plain.output.replace("plain", "SITE")


def test_pages_are_those_of_a_new_process(server: BuildServer, tmp_path: Path) -> None:
    """Against the plain strict build `make check` has just made of the same tree (PREBUILT_SITE), or a new one.

    The failed build above ran first (this module runs on one worker, in order) and left the server's
    children Jinja bytecode: these pages come from templates compiled by another child.
    """
    assert server.compiled_templates, "no compiled template shared yet: the cached path would go untested"
    forked = server.build(ROOT, tmp_path / "forked")
    assert forked.ok, forked.output
    plain = prebuilt_site() or build(ROOT, tmp_path / "plain").site
    assert not _same_tree(forked.site, plain)


def test_each_copy_runs_its_own_code_with_the_callers_environment(
    server: BuildServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A copy's macros are imported in its own child: the next copy never sees them."""
    monkeypatch.setenv("BUILD_SERVER_TEST_MARK", "from the caller")
    results = []
    for name in ("first", "second"):
        project = copy_project(tmp_path / name)
        macros = project / "macros" / "__init__.py"
        mark = '__import__("os").environ["BUILD_SERVER_TEST_MARK"]'
        raising = f'raise RuntimeError("macros of the {name} copy, " + {mark})'
        macros.write_text(macros.read_text(encoding="utf-8") + f"\n{raising}\n", encoding="utf-8")
        results.append(server.build(project))
    first, second = results
    assert not first.ok and "macros of the first copy, from the caller" in first.output
    assert not second.ok and "macros of the second copy, from the caller" in second.output
    assert "first copy" not in second.output


SCRIPT = """\
import os, sys
print(sys.argv[1:], os.getcwd() == sys.path[0], os.environ.get("SCRIPT_TEST_VALUE"))
print("on stderr", file=sys.stderr)
sys.exit(3)
"""


def test_a_script_runs_as_python_script_args_in_the_folder(
    server: BuildServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """run_script (the serve-errors tests' driver): argv, the script's folder first on sys.path, the caller's
    environment, stdout and stderr apart, and the exit code, as `python SCRIPT ARGS` in that folder gives."""
    script = tmp_path / "driver.py"
    script.write_text(SCRIPT, encoding="utf-8")
    monkeypatch.setenv("SCRIPT_TEST_VALUE", "passed on")
    run = server.run_script(tmp_path, script, ["a", "b c"])
    assert (run.returncode, run.stdout, run.stderr) == (3, "['a', 'b c'] True passed on\n", "on stderr\n")


SLOW_SCRIPT = """\
import pathlib, sys, time
deadline = time.monotonic() + 30
while not pathlib.Path(sys.argv[1]).exists() and time.monotonic() < deadline:  # until the other caller's build ran
    time.sleep(0.01)
print("slow saw", pathlib.Path(sys.argv[1]).read_text())
sys.exit(4)
"""
QUICK_SCRIPT = """\
import pathlib, sys
pathlib.Path(sys.argv[1]).write_text("quick")
print("quick")
sys.exit(5)
"""


def test_test_processes_share_one_server_and_build_side_by_side(tmp_path: Path) -> None:
    """pytest-xdist's workers use the controller's server (tests/conftest.py): a caller's build does not wait
    for another caller's, and each caller gets its own exit code and output."""
    import threading

    owner, slow_caller, quick_caller = BuildServer(), BuildServer(), BuildServer()
    try:
        address = owner.listen()
        assert address is not None
        slow_caller.use(address)
        quick_caller.use(address)
        (tmp_path / "slow.py").write_text(SLOW_SCRIPT, encoding="utf-8")
        (tmp_path / "quick.py").write_text(QUICK_SCRIPT, encoding="utf-8")
        flag = str(tmp_path / "quick-ran")
        slow_runs = []
        slow = threading.Thread(
            target=lambda: slow_runs.append(slow_caller.run_script(tmp_path, tmp_path / "slow.py", [flag]))
        )
        slow.start()
        quick = quick_caller.run_script(tmp_path, tmp_path / "quick.py", [flag])  # would wait forever if serial
        slow.join(timeout=60)
        assert (quick.returncode, quick.stdout) == (5, "quick\n")
        assert [(run.returncode, run.stdout) for run in slow_runs] == [(4, "slow saw quick\n")]
    finally:
        for server in (quick_caller, slow_caller, owner):
            server.close()
