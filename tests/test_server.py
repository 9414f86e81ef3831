"""What readers get from the web server: nginx as deploy/headers.py configures it (tests/conftest.py).

The headers on pages, fingerprinted assets and the 404 page; pre-compressed replies; the Russian 404
page with status 404; the Content-Security-Policy header (tests/test_site_walk.py walks every page under
it and counts no violation).
"""

from __future__ import annotations

import gzip
import socket
import urllib.parse
import urllib.error
import urllib.request
from pathlib import Path

import brotli
import pytest

from deploy import headers
from deploy.preview import Preview

from .conftest import BuildResult

pytestmark = pytest.mark.browser

GUIDE = "zakaz-poteryalsya/"
SECURITY_HEADERS = ("Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "Permissions-Policy",
                    "Strict-Transport-Security")


def fetch(url: str, encoding: str = "identity") -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers.items()), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers.items()), error.read()


def fingerprinted_asset(site: Path) -> str:
    found = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.js") if headers.FINGERPRINTED.search(p.name))
    assert found, "the build has no fingerprinted script (Material's bundle.<hash>.min.js)"
    return found[0]


def test_security_headers_on_page_asset_and_404(site_url: str, built_site: BuildResult) -> None:
    expected = {h.name: h.value for h in headers.security_headers(built_site.site)}
    for path in ("", GUIDE, fingerprinted_asset(built_site.site), "net-takoy-stranitsy/"):
        _, got, _ = fetch(site_url + path)
        for name in SECURITY_HEADERS:
            assert got.get(name) == expected[name], f"/{path}: {name} is {got.get(name)!r}"


# Requests nginx refuses itself, before (or instead of) choosing a location (issue 25, class 7).
REFUSED_REQUESTS = {
    "400 (two Host headers)": b"GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\nConnection: close\r\n\r\n",
    "400 (a control character in the address)": b"GET /\x01 HTTP/1.1\r\nHost: a\r\n\r\n",
    "414": b"GET /" + b"a" * 70000 + b" HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n",
    "405": b"POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
    "400 (headers too large)": b"GET / HTTP/1.1\r\nHost: a\r\nX: " + b"a" * 20000 + b"\r\nConnection: close\r\n\r\n",
}


def _raw_response_head(url: str, request: bytes) -> dict[str, str]:
    parts = urllib.parse.urlsplit(url)
    with socket.create_connection((parts.hostname, parts.port), timeout=10) as connection:
        connection.sendall(request)
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = connection.recv(65536)
            if not chunk:
                break
            data += chunk
    status, *lines = data.decode("latin-1").split("\r\n\r\n")[0].split("\r\n")
    return {"status": status} | dict(line.split(": ", 1) for line in lines if ": " in line)


@pytest.mark.parametrize("label", REFUSED_REQUESTS)
def test_nginx_refusals_carry_the_security_headers(site_url: str, built_site: BuildResult, label: str) -> None:
    expected = {h.name: h.value for h in headers.security_headers(built_site.site)}
    got = _raw_response_head(site_url, REFUSED_REQUESTS[label])
    assert got["status"].split()[1].startswith("4"), got["status"]
    for name in SECURITY_HEADERS:
        assert got.get(name) == expected[name], f"{label}: {name} is {got.get(name)!r}"


def test_pages_revalidate_and_fingerprinted_assets_are_immutable(site_url: str, built_site: BuildResult) -> None:
    _, page, _ = fetch(site_url + GUIDE)
    assert page["Cache-Control"] == "no-cache"
    assert "ETag" in page or "Last-Modified" in page, "a page must be revalidatable"
    _, asset, _ = fetch(site_url + fingerprinted_asset(built_site.site))
    assert asset["Cache-Control"] == "public, max-age=31536000, immutable"


@pytest.mark.parametrize("encoding, decompress", [("gzip", gzip.decompress), ("br", brotli.decompress)])
def test_text_files_come_precompressed(served_site: Preview, built_site: BuildResult, encoding: str,
                                       decompress) -> None:
    if encoding == "br" and not served_site.brotli:
        pytest.fail("nginx has no brotli_static module: apt-get install libnginx-mod-http-brotli-static (.ci/run)")
    for path in (GUIDE, fingerprinted_asset(built_site.site)):
        status, got, body = fetch(served_site.url + path, encoding)
        assert status == 200
        assert got.get("Content-Encoding") == encoding, f"/{path} with Accept-Encoding: {encoding}"
        assert "Accept-Encoding" in got.get("Vary", "")
        original = built_site.site / (path + "index.html" if path.endswith("/") else path)
        assert decompress(body) == original.read_bytes()
    _, plain, body = fetch(served_site.url + GUIDE)
    assert "Content-Encoding" not in plain and body == (built_site.site / GUIDE / "index.html").read_bytes()


def test_unknown_address_gets_the_sites_404_page_with_status_404(site_url: str, built_site: BuildResult) -> None:
    status, got, body = fetch(site_url + "net-takoy-stranitsy/")
    assert status == 404
    assert got["Content-Type"].startswith("text/html")
    assert body == (built_site.site / "404.html").read_bytes()
    assert 'lang="ru"' in body.decode("utf-8")


def test_headers_file_is_not_served(site_url: str) -> None:
    assert fetch(site_url + headers.HEADERS_FILE)[0] == 404


