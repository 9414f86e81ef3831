"""ozon/seo: what search engines and link previews read, beyond the page itself.

- `page.structured_data`: a guide's schema.org Article as JSON-LD, printed by
  overrides/partials/share-meta.html inside `<script type="application/ld+json">`. Its text comes
  from front matter (untrusted), so `<`, `>` and `&` are written as \\u003c, \\u003e, \\u0026: no
  value can close the script element or start a comment, and the JSON still means the same.
  The dates are ozon/page_dates', the ones the page and the sitemap show.
- `robots.txt`: every crawler may read everything; it names the sitemap at the site's address.

Open Graph and Twitter tags are plain attributes and are written (escaped) by the same partial.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from macros.script_json import script_safe_json

__all__ = ["PUBLISHED_META", "UPDATED_META", "article", "robots_txt", "script_safe_json"]

UPDATED_META = "updated"  # set by ozon/page_dates
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


def robots_txt(site_url: str | None) -> str:
    lines = ["User-agent: *", "Allow: /"]
    if site_url:
        lines.append(f"Sitemap: {site_url.rstrip('/')}/sitemap.xml")
    return "\n".join(lines) + "\n"
