"""Serve a built site with Debian's nginx on 127.0.0.1, configured exactly as deploy/nginx.conf.

    python -m deploy.preview start --site dist/site   # background; prints the URL (make preview)
    python -m deploy.preview stop                     # make preview-stop

The `server { }` block comes from deploy/headers.py, the same function that writes deploy/nginx.conf;
only `listen` and `root` differ. Everything nginx writes (pid, logs, temporary files) lives in one
folder (`.cache/preview/` for make preview, a temporary one for the tests), so nothing needs root
beyond the Debian package itself. The browser tests use `running_preview()` (tests/conftest.py).
"""

from __future__ import annotations

import argparse
import contextlib
import getpass
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from . import headers

ROOT = Path(__file__).resolve().parent.parent
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
MIME_TYPES = Path("/etc/nginx/mime.types")
BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")
PREVIEW_DIR = ROOT / ".cache" / "preview"
MISSING_NGINX = ("nginx is missing: apt-get install nginx libnginx-mod-http-brotli-static "
                 "(.ci/run does this; no service needs to run, the preview starts its own)")


class PreviewError(RuntimeError):
    pass


@dataclass(frozen=True)
class Preview:
    url: str
    prefix: Path
    brotli: bool


def nginx_available() -> bool:
    return Path(NGINX).exists() and MIME_TYPES.exists()


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def main_config(site: Path, prefix: Path, port: int, *, daemon: bool) -> str:
    """A complete nginx.conf whose every path is inside `prefix`, around the generated server block."""
    brotli = BROTLI_MODULE.exists()
    server = headers.nginx_server(site, listen=f"127.0.0.1:{port}", root=str(site.resolve()), brotli=brotli)
    (prefix / "server.conf").write_text(server, encoding="utf-8")
    temp = prefix / "temp"
    lines = [
        f"load_module {BROTLI_MODULE};" if brotli else "# no brotli_static module: .gz only",
        # As root, nginx's workers would switch to `nobody`, who may not read a private temporary folder.
        f"user {getpass.getuser()};" if os.geteuid() == 0 else "",
        f"daemon {'on' if daemon else 'off'};",
        "worker_processes 1;",
        f"pid {prefix / 'nginx.pid'};",
        f"error_log {prefix / 'error.log'} warn;",
        "events { worker_connections 128; }",
        "http {",
        f"    include {MIME_TYPES};",
        "    default_type application/octet-stream;",
        f"    access_log {prefix / 'access.log'};",
        *(f"    {kind}_temp_path {temp / kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")),
        "    sendfile on;",
        f"    include {prefix / 'server.conf'};",
        "}",
        "",
    ]
    return "\n".join(line for line in lines if line)


def _wait_until_up(url: str, process: subprocess.Popen[bytes] | None, prefix: Path) -> None:
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            break
        try:
            with urllib.request.urlopen(url, timeout=1):
                return
        except urllib.error.HTTPError:
            return  # nginx answers (even a 404 is an answer)
        except OSError:
            time.sleep(0.1)
    log = prefix / "error.log"
    details = log.read_text(encoding="utf-8", errors="replace")[-2000:] if log.exists() else ""
    raise PreviewError(f"nginx did not start on {url}\n{details}")


def _prepare(site: Path, prefix: Path, daemon: bool) -> tuple[Path, int]:
    if not nginx_available():
        raise PreviewError(MISSING_NGINX)
    if not (site / "index.html").exists():
        raise PreviewError(f"{site}/index.html is missing: build the site first")
    (prefix / "temp").mkdir(parents=True, exist_ok=True)
    port = free_port()
    conf = prefix / "nginx.conf"
    conf.write_text(main_config(site, prefix, port, daemon=daemon), encoding="utf-8")
    check = subprocess.run([NGINX, "-t", "-q", "-p", str(prefix), "-c", str(conf)], capture_output=True, text=True)
    if check.returncode != 0:
        raise PreviewError(f"nginx refuses the generated configuration {conf}:\n{check.stderr}")
    return conf, port


@contextlib.contextmanager
def running_preview(site: Path) -> Iterator[Preview]:
    """nginx in the foreground of a child process for as long as the block runs; stopped after it."""
    with tempfile.TemporaryDirectory(prefix="nginx-preview-") as tmp:
        prefix = Path(tmp)
        for attempt in range(3):  # another process may take the free port before nginx binds it
            conf, port = _prepare(site, prefix, daemon=False)
            process = subprocess.Popen([NGINX, "-p", str(prefix), "-c", str(conf)],
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            url = f"http://127.0.0.1:{port}/"
            try:
                _wait_until_up(url, process, prefix)
                break
            except PreviewError:
                process.kill()
                process.wait()
                if attempt == 2:
                    raise
        try:
            yield Preview(url, prefix, BROTLI_MODULE.exists())
        finally:
            process.send_signal(signal.SIGQUIT)  # graceful: finish open responses, then exit
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def start(site: Path) -> None:
    stop(quiet=True)
    PREVIEW_DIR.mkdir(parents=True, exist_ok=True)
    conf, port = _prepare(site, PREVIEW_DIR, daemon=True)
    subprocess.run([NGINX, "-p", str(PREVIEW_DIR), "-c", str(conf)], check=True)
    url = f"http://127.0.0.1:{port}/"
    _wait_until_up(url, None, PREVIEW_DIR)
    (PREVIEW_DIR / "url").write_text(url + "\n", encoding="utf-8")
    print(f"nginx serves {site} at {url}  (logs: {PREVIEW_DIR}/; stop: make preview-stop)")


def stop(quiet: bool = False) -> None:
    conf = PREVIEW_DIR / "nginx.conf"
    pid = PREVIEW_DIR / "nginx.pid"
    if not pid.exists():
        if not quiet:
            print("no preview is running")
        return
    subprocess.run([NGINX, "-p", str(PREVIEW_DIR), "-c", str(conf), "-s", "quit"], check=False)
    deadline = time.monotonic() + 10
    while pid.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    if not quiet:
        print("preview stopped")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=("start", "stop"))
    parser.add_argument("--site", type=Path, default=ROOT / "dist" / "site")
    args = parser.parse_args()
    try:
        start(args.site) if args.action == "start" else stop()
    except PreviewError as error:
        raise SystemExit(str(error)) from None


if __name__ == "__main__":
    main()
