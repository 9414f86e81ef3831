"""External links: https only, never to a denied domain, and no request to a third party.

Looks in three places: the Markdown in docs/ (links and bare URLs, and any mention of a denied
domain), the built HTML (every href/src, so links from templates and macros count), and the live
contacts in data/contacts.yml. The deny list is data/denied-domains.yml. Obsolete contacts may keep
a denied URL: they are never rendered as links, and the HTML part of this check proves it.
"""

from __future__ import annotations

import re
import unicodedata
from html import unescape
from urllib.parse import unquote, urlsplit

from macros import CONTACTS_FILE
from macros.contact_values import browser_host, url_host
from . import data
from .context import Context
from .problems import Problem
from .project import DENIED_DOMAINS_FILE, line_at

NAME = "external-links"
_MD_URL = re.compile(r"(?:\bhttps?:[/\\]{2}|\bwww\.|(?<=\]\()//)[^\s)>\]\"'<`]+", re.I)


def readable(text: str) -> str:
    """Markdown as a browser will read its addresses: entities decoded, %-escapes and look-alike dots
    resolved (line by line, so lines stay true)."""
    return "\n".join(browser_text(unescape(line)) for line in text.split("\n"))


def browser_text(line: str) -> str:
    line = unicodedata.normalize("NFKC", line)
    for dot in "\u3002\uff0e\uff61":
        line = line.replace(dot, ".")
    return re.sub(
        r"%[0-9a-fA-F]{2}", lambda m: unquote(m.group(0)) if unquote(m.group(0)).isalnum() else m.group(0), line
    )


_LOADS_SOMETHING = {
    ("script", "src"),
    ("img", "src"),
    ("iframe", "src"),
    ("source", "src"),
    ("audio", "src"),
    ("video", "src"),
    ("embed", "src"),
}
_LINK_RELS_THAT_LOAD = {
    "stylesheet",
    "icon",
    "preload",
    "prefetch",
    "modulepreload",
    "manifest",
    "apple-touch-icon",
    "preconnect",
    "dns-prefetch",
}


def denied(project_domains: dict[str, str], host: str) -> str | None:
    """The denied domain that `host` is or belongs to, if any, compared as the browser resolves both."""
    host = browser_host(host)
    for domain in (browser_host(d) for d in project_domains):
        if host == domain or host.endswith("." + domain):
            return domain
    return None


def check(ctx: Context) -> list[Problem]:
    return ctx.project.policy_problems(DENIED_DOMAINS_FILE) + _markdown(ctx) + _html(ctx) + _data(ctx)


def _why(ctx: Context, domain: str) -> str:
    return f"{domain} is on the deny list ({DENIED_DOMAINS_FILE}: {ctx.project.denied_domains[domain]})"


def _markdown(ctx: Context) -> list[Problem]:
    problems = []
    domains = ctx.project.denied_domains
    mention = (
        re.compile(r"(?<![\w.-])(?:[\w-]+\.)*(?:" + "|".join(re.escape(d) for d in domains) + r")\b", re.I)
        if domains
        else None
    )
    for page in ctx.project.pages.values():
        text = readable(page.text)
        for match in _MD_URL.finditer(text):
            url = match.group(0).rstrip(".,;:!?»")
            line = line_at(text, match.start())
            if url.lower().startswith("http://"):
                problems.append(
                    Problem(
                        page.path,
                        line,
                        f"link «{url}» is not https",
                        "write the https:// address (check that the site answers on https)",
                        check=NAME,
                    )
                )
            domain = denied(domains, url_host(url))
            if domain and not (mention and mention.search(url)):
                problems.append(
                    Problem(
                        page.path,
                        line,
                        f"«{url}» leads to {domain}: {_why(ctx, domain)}",
                        "remove the link and the address; send readers to a current contact instead",
                        check=NAME,
                    )
                )
        if mention is None:
            continue
        for match in mention.finditer(text):
            domain = denied(domains, match.group(0))
            if domain:
                problems.append(
                    Problem(
                        page.path,
                        line_at(text, match.start()),
                        f"«{match.group(0)}»: {_why(ctx, domain)}",
                        "remove the link and the address; send readers to a current contact instead",
                        check=NAME,
                    )
                )
    return problems


def _html(ctx: Context) -> list[Problem]:
    problems = []
    for path, page in ctx.html.items():
        where = ctx.display(path)
        for ref in page.refs:
            parts = urlsplit(ref.url)
            if parts.scheme not in ("http", "https") and not ref.url.startswith("//"):
                continue
            if ctx.project.site_url and ref.url.startswith(ctx.project.site_url):
                continue  # our own canonical URLs
            host = url_host(ref.url) or parts.hostname or ""
            if parts.scheme == "http":
                problems.append(
                    Problem(
                        where,
                        ref.line,
                        f'<{ref.tag} {ref.attr}="{ref.url}"> is not https',
                        "write the https:// address where this link comes from (page, macro, template or data)",
                        check=NAME,
                    )
                )
            domain = denied(ctx.project.denied_domains, host)
            if domain:
                problems.append(
                    Problem(
                        where,
                        ref.line,
                        f'<{ref.tag} {ref.attr}="{ref.url}">: {_why(ctx, domain)}',
                        "remove the link where it comes from (page, macro, template or data)",
                        check=NAME,
                    )
                )
            loads = (ref.tag, ref.attr) in _LOADS_SOMETHING or (
                ref.tag == "link" and set(ref.rel.lower().split()) & _LINK_RELS_THAT_LOAD
            )
            if loads:
                problems.append(
                    Problem(
                        where,
                        ref.line,
                        f'<{ref.tag} {ref.attr}="{ref.url}"> makes the reader\'s browser ask {host} for something',
                        "serve the file from docs/assets/; the site asks no third party for anything",
                        check=NAME,
                    )
                )
    return problems


def _data(ctx: Context) -> list[Problem]:
    doc = data.yaml_document(ctx)
    if doc is None:
        return []  # the data check reports it
    problems = []
    for o_index, org in enumerate((doc.data or {}).get("organizations") or []):
        for c_index, channel in enumerate(org.get("channels") or []):
            if not isinstance(channel, dict) or channel.get("status") == "obsolete":
                continue  # never rendered as a link; see the module docstring
            for key in ("url", "source"):
                for match in _MD_URL.finditer(str(channel.get(key) or "")):
                    host = url_host(match.group(0))
                    domain = denied(ctx.project.denied_domains, host)
                    if domain:
                        line = doc.line_of(("organizations", o_index, "channels", c_index, key))
                        problems.append(
                            Problem(
                                CONTACTS_FILE,
                                line,
                                f"contact «{channel.get('id')}» {key}: {_why(ctx, domain)}",
                                "use another source or, if the contact is dead, set status: obsolete",
                                check=NAME,
                            )
                        )
    return problems
