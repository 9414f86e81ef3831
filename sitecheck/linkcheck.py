"""`python -m sitecheck.linkcheck --site site`: do the external links still answer?

Never part of CI or `make check` (CI has no internet, and a site going down is not a change of
ours). Collects every external https link from the built site and the live contacts in
data/contacts.yml, asks each host once (HEAD, then GET when HEAD is refused), retries failures
with back-off, and keeps answers in a cache file so a re-run only asks again for what failed or
is older than --max-age hours. Unreachable hosts are reported, never raised.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import urlsplit

from macros import CONTACTS_FILE
from macros.contacts_data import ContactsError, load_contacts

from .context import Context
from .project import Project

DEFAULT_CACHE = Path(".cache/linkcheck-external.json")
USER_AGENT = "problema-s-ozon-linkcheck/1 (+https://problema-s-ozon.ru/)"


@dataclass
class Answer:
    url: str
    ok: bool
    status: int | None
    error: str
    checked: str  # ISO timestamp, UTC
    attempts: int


def external_links(ctx: Context) -> dict[str, list[str]]:
    """Every external http(s) URL -> where it appears (file:line), from the built site and the data."""
    found: dict[str, list[str]] = {}
    for path, page in ctx.html.items():
        for ref in page.refs:
            parts = urlsplit(ref.url)
            own_site = bool(ctx.project.site_url and ref.url.startswith(ctx.project.site_url))
            if parts.scheme in ("http", "https") and not own_site:
                found.setdefault(ref.url.split("#")[0], []).append(f"{ctx.display(path)}:{ref.line}")
    try:
        book = load_contacts(ctx.project.root / CONTACTS_FILE)
    except ContactsError:
        book = None
    if book is not None:
        for channel in book.live():
            url = getattr(channel, "url", None)
            if url is not None:
                found.setdefault(str(url), []).append(f"{CONTACTS_FILE}:{book.lines[channel.id]}")
    return found


def probe(url: str, timeout: float, retries: int, backoff: float) -> Answer:
    """Ask once, retrying on network errors and 5xx; a 4xx other than 403/405/429 is final."""
    error, status, attempts = "", None, 0
    for attempt in range(retries + 1):
        attempts = attempt + 1
        for method in ("HEAD", "GET"):
            request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
            try:
                with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - https only
                    return Answer(url, True, response.status, "", _now(), attempts)
            except urllib.error.HTTPError as http_error:
                status, error = http_error.code, f"HTTP {http_error.code} {http_error.reason}"
                if method == "HEAD" and http_error.code in (403, 405, 501):
                    continue  # some servers refuse HEAD; try GET
                if http_error.code < 500 and http_error.code != 429:
                    return Answer(url, False, status, error, _now(), attempts)
                break
            except (urllib.error.URLError, TimeoutError, OSError) as network_error:
                reason = getattr(network_error, "reason", network_error)
                status, error = None, f"unreachable ({reason})"
                break
        if attempt < retries:
            time.sleep(backoff * (2**attempt))
    return Answer(url, False, status, error, _now(), attempts)


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def load_cache(path: Path) -> dict[str, Answer]:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return {url: Answer(**item) for url, item in raw.items()}
    except (FileNotFoundError, ValueError, TypeError):
        return {}


def save_cache(path: Path, answers: dict[str, Answer]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps({u: asdict(a) for u, a in sorted(answers.items())}, ensure_ascii=False, indent=1)
    path.write_text(text + "\n", encoding="utf-8")


def fresh(answer: Answer, max_age_hours: float) -> bool:
    age = dt.datetime.now(dt.timezone.utc) - dt.datetime.fromisoformat(answer.checked)
    return answer.ok and age < dt.timedelta(hours=max_age_hours)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sitecheck.linkcheck", description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path("."))
    parser.add_argument("--site", type=Path, required=True, help="the built site")
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    parser.add_argument("--max-age", type=float, default=24.0, help="hours a good answer stays in the cache")
    parser.add_argument("--timeout", type=float, default=10.0)
    parser.add_argument("--retries", type=int, default=2)
    parser.add_argument("--backoff", type=float, default=1.0, help="seconds before the first retry; doubles each time")
    args = parser.parse_args(argv)

    links = external_links(Context(Project(args.root), args.site))
    cache = load_cache(args.cache)
    todo = [url for url in links if not (url in cache and fresh(cache[url], args.max_age))]
    with ThreadPoolExecutor(max_workers=8) as pool:
        for answer in pool.map(lambda u: probe(u, args.timeout, args.retries, args.backoff), todo):
            cache[answer.url] = answer
    save_cache(args.cache, cache)

    broken = 0
    for url in sorted(links):
        answer = cache[url]
        where = ", ".join(links[url][:3]) + (f" and {len(links[url]) - 3} more" if len(links[url]) > 3 else "")
        if answer.ok:
            print(f"ok      {url} ({answer.status})")
        else:
            broken += 1
            print(f"BROKEN  {url}: {answer.error} after {answer.attempts} attempt(s); linked from {where}")
    print(
        f"linkcheck: {len(links)} external links, {broken} broken, {len(links) - len(todo)} answered from {args.cache}",
        file=sys.stderr,
    )
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
