"""`make dist`: the published folder, its compressed twins, the archive, the manifest and both configurations."""

from __future__ import annotations

import gzip
import hashlib
import shutil
import subprocess
import zipfile
from pathlib import Path

import brotli
import pytest

from deploy import dist, headers
from deploy.preview import NGINX, nginx_available

from .conftest import BuildResult
from .page_picks import first_guide

# One test worker makes the module's dist/ once for all its tests (`--dist loadgroup` in the Makefile).
pytestmark = [pytest.mark.xdist_group("dist"), pytest.mark.machinery]


@pytest.fixture(scope="module")
def made(built_site: BuildResult, tmp_path_factory: pytest.TempPathFactory, monkeypatch_module) -> Path:
    out = tmp_path_factory.mktemp("dist")
    monkeypatch_module.setattr(dist, "NGINX_CONF", out / "nginx.conf")
    dist.make_dist(built_site.site, out, booklet_pdfs=False)  # tests/test_booklet_pdf.py prints them
    return out


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as patch:
        yield patch


def test_every_text_file_has_gzip_and_brotli_twins(made: Path, built_site: BuildResult) -> None:
    site = made / "site"
    originals = [p for p in built_site.site.rglob("*") if p.is_file() and headers.is_compressible(p)]
    assert len(originals) > 20
    for original in originals:
        copy = site / original.relative_to(built_site.site)
        data = original.read_bytes()
        assert gzip.decompress(copy.with_name(copy.name + ".gz").read_bytes()) == data
        assert brotli.decompress(copy.with_name(copy.name + ".br").read_bytes()) == data
    assert not (site / "assets" / "javascripts" / "bundle.min.js.gz.gz").exists()


def test_manifest_lists_every_file_with_size_and_sha256(made: Path) -> None:
    rows = (made / "manifest.tsv").read_text(encoding="utf-8").splitlines()
    assert rows[0] == "path\tsize\tsha256"
    listed = {}
    for row in rows[1:]:
        path, size, digest = row.split("\t")
        listed[path] = (int(size), digest)
    files = {p.relative_to(made / "site").as_posix(): p for p in (made / "site").rglob("*") if p.is_file()}
    assert set(listed) == set(files)
    for path, file in files.items():
        data = file.read_bytes()
        assert listed[path] == (len(data), hashlib.sha256(data).hexdigest()), path


def test_archive_holds_the_same_files(made: Path) -> None:
    with zipfile.ZipFile(made / "site.zip") as archive:
        names = set(archive.namelist())
        assert archive.read("index.html") == (made / "site" / "index.html").read_bytes()
    assert names == {p.relative_to(made / "site").as_posix() for p in (made / "site").rglob("*") if p.is_file()}


def test_static_host_headers_set_each_cache_control_once(made: Path) -> None:
    text = (made / "site" / headers.HEADERS_FILE).read_text(encoding="utf-8")
    rules: dict[str, list[str]] = {}
    current = ""
    for line in text.splitlines():
        if line.startswith("/"):
            current = line
            rules[current] = []
        elif line.startswith("  "):
            rules[current].append(line.strip())
    assert any(h.startswith("Content-Security-Policy: ") for h in rules["/*"])
    assert not any(h.startswith("Cache-Control") for h in rules["/*"]), "hosts join repeated headers"
    guide = first_guide().removeprefix("docs/").removesuffix(".md")  # any page: picked, not named
    assert rules[f"/{guide}/"] == ["Cache-Control: no-cache"]
    bundle = [path for path in rules if "/bundle." in path]
    assert bundle and rules[bundle[0]] == ["Cache-Control: public, max-age=31536000, immutable"]


def test_nginx_accepts_the_generated_server_block(made: Path, tmp_path: Path) -> None:
    if not nginx_available():
        pytest.fail("nginx is missing: apt-get install nginx (.ci/run does this)")
    conf = tmp_path / "nginx.conf"
    server = (made / "nginx.conf").read_text(encoding="utf-8")
    brotli_module = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")
    if not brotli_module.exists():
        server = server.replace("    brotli_static on;", "    # brotli_static on;")
    shutil.copy(made / "nginx.conf", tmp_path / "server.conf")
    (tmp_path / "server.conf").write_text(server, encoding="utf-8")
    (tmp_path / "logs").mkdir()
    conf.write_text(
        (f"load_module {brotli_module};\n" if brotli_module.exists() else "")
        + f"pid {tmp_path}/nginx.pid; error_log {tmp_path}/error.log;\n"
        + f"events {{}} http {{ include /etc/nginx/mime.types; access_log off; include {tmp_path}/server.conf; }}\n",
        encoding="utf-8",
    )
    check = subprocess.run([NGINX, "-t", "-p", str(tmp_path), "-c", str(conf)], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr


def test_a_reused_twin_is_the_twin_compression_would_make(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dist, "TWIN_CACHE", tmp_path / "cache")
    data = "Заказ потерялся. ".encode() * 100
    for run in ("fresh", "cached"):
        site = tmp_path / run
        site.mkdir()
        (site / "page.html").write_bytes(data)
        assert dist.compress_twins(site) == 1
        assert (site / "page.html.gz").read_bytes() == gzip.compress(data, compresslevel=9, mtime=0)
        assert (site / "page.html.br").read_bytes() == brotli.compress(data, quality=11)
    assert len(list((tmp_path / "cache").rglob("*.br11"))) == 1 and not list((tmp_path / "cache").rglob("*.tmp"))
