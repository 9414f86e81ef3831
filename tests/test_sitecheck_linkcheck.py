"""`make linkcheck-external`: answers are cached, failures retried, dead hosts reported, not raised."""

from __future__ import annotations

import http.server
import json
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from sitecheck import linkcheck
from sitecheck.context import Context
from sitecheck.project import Project

from .conftest import ROOT, BuildResult
from .contact_picks import live_book
from .sitecheck_support import replace_in


class _Handler(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_HEAD(self) -> None:  # noqa: N802 - http.server API
        type(self).hits.append(f"HEAD {self.path}")
        self.send_response(405 if self.path == "/no-head" else 404 if self.path == "/gone" else 200)
        self.end_headers()

    def do_GET(self) -> None:  # noqa: N802
        type(self).hits.append(f"GET {self.path}")
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    _Handler.hits = []
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    # shutdown() waits for the loop's next poll: half a second at the default interval
    threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_collects_external_links_from_site_and_live_data(built_site: BuildResult) -> None:
    links = linkcheck.external_links(Context(Project(ROOT), built_site.site))
    book = live_book()
    with_url = [str(c.url) for c in book.live() if getattr(c, "url", None)]
    assert with_url, "the live data has a contact with a URL"
    for url in with_url:
        assert any(where.startswith("data/contacts.yml:") for where in links[url])
    for channel in book.obsolete():
        dead = getattr(channel, "url", None)
        if dead is not None and str(dead) not in with_url:
            assert str(dead) not in links, "obsolete contacts are not links"
    assert not any(url.startswith("https://problema-s-ozon.ru") for url in links), "our own URLs are internal"


def test_probe_answers(server: str) -> None:
    assert linkcheck.probe(f"{server}/ok", 2, 0, 0).ok
    no_head = linkcheck.probe(f"{server}/no-head", 2, 0, 0)
    assert no_head.ok and _Handler.hits[-2:] == ["HEAD /no-head", "GET /no-head"]
    gone = linkcheck.probe(f"{server}/gone", 2, 2, 0)
    assert not gone.ok and gone.status == 404 and gone.attempts == 1, "a 404 is final, not retried"
    dead = linkcheck.probe(f"http://127.0.0.1:{_closed_port()}/", 1, 2, 0.01)
    assert not dead.ok and dead.error.startswith("unreachable") and dead.attempts == 3


def test_run_reports_dead_hosts_and_caches_good_answers(
    server: str, built_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Only the links this test adds: the real ones would each wait for a DNS failure here.
    collect = linkcheck.external_links
    monkeypatch.setattr(
        linkcheck, "external_links", lambda ctx: {u: w for u, w in collect(ctx).items() if "127.0.0.1" in u}
    )
    dead = f"http://127.0.0.1:{_closed_port()}/"
    links = f'<a href="{server}/ok">a</a><a href="{dead}">b</a>'
    replace_in(built_copy / "slovar" / "index.html", "</article>", links + "</article>")
    cache = tmp_path / "cache.json"
    args = ["--root", str(ROOT), "--site", str(built_copy), "--cache", str(cache)]
    args += ["--timeout", "1", "--retries", "1", "--backoff", "0.01"]
    assert linkcheck.main(args) == 1
    out = capsys.readouterr().out
    assert f"ok      {server}/ok (200)" in out
    assert f"BROKEN  {dead}: unreachable" in out and "slovar/index.html" in out
    saved = json.loads(cache.read_text(encoding="utf-8"))
    assert saved[f"{server}/ok"]["ok"] is True and saved[dead]["ok"] is False
    _Handler.hits = []
    linkcheck.main(args)
    assert "GET /ok" not in _Handler.hits and "HEAD /ok" not in _Handler.hits, "a good answer comes from the cache"
