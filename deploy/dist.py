"""`make dist`: from a strict build to what a web server or static host takes.

    python -m deploy.dist --site site --out dist

Writes
  dist/site/            the files to publish: the build, each booklet's PDF (deploy/booklet_pdf.py),
                        `_headers`, and beside every text file of
                        256 bytes or more its `.gz` (zlib level 9) and `.br` (brotli quality 11) twin
  dist/site.zip         the same folder as one archive (Netlify and Cloudflare Pages take a zip)
  dist/manifest.tsv     path, size in bytes and sha256 of every file in dist/site/
  deploy/nginx.conf     the nginx `server { }` block for this build (its CSP lists this build's hashes)
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import gzip
import hashlib
import os
import shutil
import zipfile
from pathlib import Path
from typing import Callable, Iterator

import brotli

from . import headers
from .booklet_pdf import BookletPdfError, make_booklet_pdfs

ROOT = Path(__file__).resolve().parent.parent
NGINX_CONF = ROOT / "deploy" / "nginx.conf"
PRODUCTION_ROOT = "/srv/problema-s-ozon/site"  # where dev/publishing.md unpacks the archive
# Fixed timestamps make the archives reproducible: the same build gives byte-identical .gz and .zip.
ZIP_DATE = (2026, 1, 1, 0, 0, 0)
# Brotli at quality 11 costs about 10 CPU seconds for the whole site, and most files are the same from
# one build to the next: each twin is kept under the sha256 of what it compresses and reused.
# Both compressors are deterministic (gzip with mtime=0), so a reused twin is byte for byte a new one.
TWIN_CACHE = ROOT / ".cache" / "twins"


@contextlib.contextmanager
def _one_compressor_at_a_time() -> Iterator[None]:
    """Parallel test workers each serve a copy of the same site: the first compresses it, the others wait
    and then read its twins from TWIN_CACHE (four cold workers at once cost four times brotli's 10 s)."""
    try:
        TWIN_CACHE.mkdir(parents=True, exist_ok=True)
        lock = open(TWIN_CACHE / ".lock", "w")  # closed, and so unlocked, when the block ends
    except OSError:  # a read-only checkout: no cache to share either
        yield
        return
    with lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def compress_twins(site: Path) -> int:
    """Write file.gz and file.br next to each compressible file; returns how many files got twins."""
    with _one_compressor_at_a_time():
        return _compress_twins(site)


def _compress_twins(site: Path) -> int:
    count = 0
    for path in sorted(site.rglob("*")):
        if not path.is_file() or not headers.is_compressible(path):
            continue
        data = path.read_bytes()
        stat = path.stat()
        twins = [path.with_name(path.name + suffix) for suffix in _COMPRESSORS]
        for twin in twins:
            twin.write_bytes(_compressed(data, twin.suffix))
        for twin in twins:
            # nginx's gzip_static/brotli_static send the twin as is; same mtime keeps Last-Modified honest.
            os.utime(twin, (stat.st_atime, stat.st_mtime))
        count += 1
    return count


# suffix -> (cache tag naming the settings, compressor); a change of settings gets a new tag.
_COMPRESSORS: dict[str, tuple[str, Callable[[bytes], bytes]]] = {
    ".gz": ("gz9", lambda data: gzip.compress(data, compresslevel=9, mtime=0)),
    ".br": ("br11", lambda data: brotli.compress(data, quality=11)),
}


def _compressed(data: bytes, suffix: str) -> bytes:
    """`data` compressed for the twin `suffix`, from TWIN_CACHE when an earlier build made it.

    Stored atomically (write, then rename): parallel test workers compress the same site.
    """
    tag, compress = _COMPRESSORS[suffix]
    name = f"{hashlib.sha256(data).hexdigest()}.{tag}"
    kept = TWIN_CACHE / name[:2] / name
    try:
        return kept.read_bytes()
    except OSError:
        pass
    result = compress(data)
    try:
        kept.parent.mkdir(parents=True, exist_ok=True)
        partial = kept.with_name(f"{name}.{os.getpid()}.tmp")
        partial.write_bytes(result)
        os.replace(partial, kept)
    except OSError:  # a read-only checkout still builds, only slower
        pass
    return result


def manifest(site: Path) -> str:
    rows = ["path\tsize\tsha256"]
    for path in sorted(site.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            rows.append(f"{path.relative_to(site).as_posix()}\t{len(data)}\t{hashlib.sha256(data).hexdigest()}")
    return "\n".join(rows) + "\n"


def write_zip(site: Path, archive: Path) -> None:
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for path in sorted(site.rglob("*")):
            if path.is_file():
                info = zipfile.ZipInfo(path.relative_to(site).as_posix(), date_time=ZIP_DATE)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                # Already compressed twins would only grow: store them.
                if path.suffix in (".gz", ".br", ".png", ".zip"):
                    info.compress_type = zipfile.ZIP_STORED
                zf.writestr(info, path.read_bytes())


def make_dist(site: Path, out: Path, booklet_pdfs: bool = True) -> None:
    """`booklet_pdfs=False` skips the booklets' PDFs (Chromium prints them: about 20 s of the machine);
    tests/test_booklet_pdf.py prints them once for the tests."""
    target = out / "site"
    if target.exists():
        shutil.rmtree(target)
    out.mkdir(parents=True, exist_ok=True)
    shutil.copytree(site, target)
    if booklet_pdfs:
        # Into the published folder, before the manifest and the archive list its files.
        try:
            made = make_booklet_pdfs(target)
        except BookletPdfError as error:
            raise SystemExit(f"make dist: booklet PDF: {error}") from error
        for booklet in made:
            for page in booklet.near_empty():
                print(f"warning: {booklet.pdf.name}: page {page.number} is only {page.fullness:.0%} full")
    # Both configurations are computed from the build itself (the CSP lists its scripts' hashes).
    (target / headers.HEADERS_FILE).write_text(headers.static_host_headers(site), encoding="utf-8")
    NGINX_CONF.write_text(
        headers.nginx_server(site, listen="80", root=PRODUCTION_ROOT, brotli=True), encoding="utf-8")
    twins = compress_twins(target)
    (out / "manifest.tsv").write_text(manifest(target), encoding="utf-8")
    archive = out / "site.zip"
    archive.unlink(missing_ok=True)
    write_zip(target, archive)
    files = sum(1 for p in target.rglob("*") if p.is_file())
    print(f"{target}/: {files} files ({twins} text files with .gz and .br twins)")
    print(f"{archive}: {archive.stat().st_size / 1024:.0f} KB; {out / 'manifest.tsv'}; {NGINX_CONF}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--out", type=Path, default=ROOT / "dist")
    args = parser.parse_args()
    if not (args.site / "index.html").exists():
        raise SystemExit(f"{args.site}/index.html is missing: build first (make dist does)")
    make_dist(args.site, args.out)


if __name__ == "__main__":
    main()
