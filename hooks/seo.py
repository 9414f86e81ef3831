"""MkDocs hook: what search engines and link previews read, beyond the page itself.

- `page.structured_data`: a guide's schema.org Article as JSON-LD, printed by
  overrides/partials/share-meta.html inside `<script type="application/ld+json">`. Its text comes
  from front matter (untrusted), so `<`, `>` and `&` are written as \\u003c, \\u003e, \\u0026: no
  value can close the script element or start a comment, and the JSON still means the same.
  The dates are hooks/page_dates.py's, the ones the page and the sitemap show.
- `robots.txt`: every crawler may read everything; it names the sitemap at the site's address.

Open Graph and Twitter tags are plain attributes and are written (escaped) by the same partial.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Any

# MkDocs loads hooks by file path; the project folder must be importable for `macros`.
_ROOT = str(Path(__file__).resolve().parent.parent)
if _ROOT not in sys.path:
    sys.path.insert(0, _ROOT)

from macros.front_matter import is_guide  # noqa: E402
from macros.script_json import script_safe_json  # noqa: E402 - the one writer of JSON into a page

UPDATED_META = "updated"  # set by hooks/page_dates.py
PUBLISHED_META = "published"
def article(*, headline: str, description: str, url: str, updated: date, published: date, site_name: str,
            site_url: str) -> dict[str, Any]:
    """schema.org Article for a guide (HowTo would need every step as data; the steps are prose)."""
    publisher = {"@type": "Organization", "name": site_name, "url": site_url}
    return {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": headline,
        "description": description,
        "inLanguage": "ru",
        "url": url,
        "mainEntityOfPage": url,
        "datePublished": published.isoformat(),
        "dateModified": updated.isoformat(),
        "author": publisher,
        "publisher": publisher,
    }


def on_page_context(context: dict[str, Any], page: Any, config: Any, nav: Any) -> dict[str, Any]:
    page.structured_data = None
    updated = page.meta.get(UPDATED_META)
    if is_guide(page.meta) and isinstance(updated, date) and page.canonical_url:
        page.structured_data = script_safe_json(article(
            headline=str(page.title or ""),
            description=str(page.meta.get("description") or ""),
            url=page.canonical_url,
            updated=updated,
            published=page.meta.get(PUBLISHED_META) or updated,
            site_name=config["site_name"],
            site_url=config["site_url"] or "",
        ))
    return context


def robots_txt(site_url: str | None) -> str:
    lines = ["User-agent: *", "Allow: /"]
    if site_url:
        lines.append(f"Sitemap: {site_url.rstrip('/')}/sitemap.xml")
    return "\n".join(lines) + "\n"


def on_post_build(config: Any) -> None:
    Path(config["site_dir"], "robots.txt").write_text(robots_txt(config["site_url"]), encoding="utf-8")
