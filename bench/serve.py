"""Save-to-reload time of `make serve` with N synthetic guides: how long after an editor saves a guide
the server hands out the changed page (the browser's live reload follows at once).

    python -m bench.serve --guides 1000 --saves 7

Runs `mkdocs serve` twice on the same synthetic copy, as `make serve` now runs it (--dirty with
ozon/serve_dirty) and as it ran before (a full rebuild on every save), and prints the median,
minimum and maximum seconds from the write of the file to the first response that contains the new
text. The machine may be shared: read the medians, and compare the two ways side by side.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from sitebuild.synthetic import make_project

GUIDE = "synthetic/sluchaj-{:04d}.md"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as answer:
            return str(answer.read().decode("utf-8"))
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


def wait_for(url: str, needle: str, timeout: float) -> float | None:
    """Seconds until `url` contains `needle`, polling every 20 ms; None after `timeout`."""
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        if needle in fetch(url):
            return time.perf_counter() - started
        time.sleep(0.02)
    return None


def measure(project: Path, dirty: bool, guides: int, saves: int) -> list[float]:
    port = free_port()
    command = [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"]
    command = [*command, "--dirty"] if dirty else command
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    log = project / f"serve-{'dirty' if dirty else 'full'}.log"
    with log.open("w", encoding="utf-8") as out:
        server = subprocess.Popen(command, cwd=project, env=env, stdout=out, stderr=subprocess.STDOUT, text=True)
    times: list[float] = []
    try:
        first = wait_for(f"http://127.0.0.1:{port}/", "</html>", timeout=900)
        if server.poll() is not None:
            first = None
        if first is None:
            print(f"  the server did not start:\n{log.read_text(encoding='utf-8')[-2000:]}")
            return times
        time.sleep(2)  # let the watcher settle after the first build
        for save in range(saves):
            number = 1 + (save * 37) % guides
            path = project / "docs" / GUIDE.format(number)
            marker = f"Отметка сохранения {save}-{time.time_ns()}."
            text = path.read_text(encoding="utf-8")
            started = time.perf_counter()
            path.write_text(text.rstrip("\n") + f"\n\n{marker}\n", encoding="utf-8")
            seen = wait_for(f"http://127.0.0.1:{port}/synthetic/sluchaj-{number:04d}/", marker, timeout=300)
            if seen is None:
                print(f"  save {save + 1}: the change never showed")
                break
            times.append(time.perf_counter() - started)
            time.sleep(1.5)  # MkDocs' watcher waits a moment after a build before it looks again
    finally:
        server.terminate()
        server.wait(timeout=30)
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.serve", description=__doc__.splitlines()[0])
    parser.add_argument("--guides", type=int, default=1000)
    parser.add_argument("--saves", type=int, default=7)
    parser.add_argument("--ways", nargs="*", default=["dirty", "full"], choices=["dirty", "full"])
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-serve-") as work:
        project = make_project(args.guides, Path(work) / "project")
        cores = os.cpu_count()
        print(f"bench-serve: {args.guides} synthetic guides, {args.saves} saves per way; {cores} cores, maybe shared")
        for way in args.ways:
            times = measure(project, way == "dirty", args.guides, args.saves)
            label = "make serve (--dirty, ozon/serve_dirty)" if way == "dirty" else "full rebuild per save (before)"
            if times:
                print(
                    f"  {label:45} median {statistics.median(times):6.2f} s  "
                    f"min {min(times):6.2f} s  max {max(times):6.2f} s  ({len(times)} saves)"
                )
            else:
                print(f"  {label:45} no measurement")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
