"""External links: https only, never to a denied domain, and no request to a third party.

Looks in three places: the Markdown in docs/ (links and bare URLs, and any mention of a denied
domain), the built HTML (every href/src, so links from templates and macros count), and the live
contacts in data/contacts.yml. The deny list is data/denied-domains.yml. Obsolete contacts may keep
a denied URL: they are never rendered as links, and the HTML part of this check proves it.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from macros import CONTACTS_FILE

from . import data
from .context import Context
from .problems import Problem
from .project import DENIED_DOMAINS_FILE, line_at

NAME = "external-links"
_MD_URL = re.compile(r"\b(?:https?://|www\.)[^\s)>\]\"'<`]+", re.I)
_LOADS_SOMETHING = {("script", "src"), ("img", "src"), ("iframe", "src"), ("source", "src"), ("audio", "src"), ("video", "src"), ("embed", "src")}
_LINK_RELS_THAT_LOAD = {"stylesheet", "icon", "preload", "prefetch", "modulepreload", "manifest", "apple-touch-icon", "preconnect", "dns-prefetch"}


def denied(project_domains: dict[str, str], host: str) -> str | None:
    """The denied domain that `host` is or belongs to, if any."""
    host = host.lower().rstrip(".")
    for domain in project_domains:
        if host == domain or host.endswith("." + domain):
            return domain
    return None


def check(ctx: Context) -> list[Problem]:
    return _markdown(ctx) + _html(ctx) + _data(ctx)


def _why(ctx: Context, domain: str) -> str:
    return f"{domain} is on the deny list ({DENIED_DOMAINS_FILE}: {ctx.project.denied_domains[domain]})"


def _markdown(ctx: Context) -> list[Problem]:
    problems = []
    domains = ctx.project.denied_domains
    mention = re.compile(r"(?<![\w.-])(?:[\w-]+\.)*(?:" + "|".join(re.escape(d) for d in domains) + r")\b", re.I) if domains else None
    for page in ctx.project.pages.values():
        for match in _MD_URL.finditer(page.text):
            url = match.group(0).rstrip(".,;:!?»")
            line = line_at(page.text, match.start())
            if url.lower().startswith("http://"):
                problems.append(Problem(page.path, line, f"link «{url}» is not https", "write the https:// address (check that the site answers on https)", check=NAME))
        if mention is None:
            continue
        for match in mention.finditer(page.text):
            domain = denied(domains, match.group(0))
            if domain:
                problems.append(
                    Problem(page.path, line_at(page.text, match.start()), f"«{match.group(0)}»: {_why(ctx, domain)}", "remove the link and the address; send readers to a current contact instead", check=NAME)
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
            host = parts.hostname or ""
            if parts.scheme == "http":
                problems.append(Problem(where, ref.line, f"<{ref.tag} {ref.attr}=\"{ref.url}\"> is not https", "write the https:// address where this link comes from (page, macro, template or data)", check=NAME))
            domain = denied(ctx.project.denied_domains, host)
            if domain:
                problems.append(Problem(where, ref.line, f"<{ref.tag} {ref.attr}=\"{ref.url}\">: {_why(ctx, domain)}", "remove the link where it comes from (page, macro, template or data)", check=NAME))
            loads = (ref.tag, ref.attr) in _LOADS_SOMETHING or (ref.tag == "link" and set(ref.rel.lower().split()) & _LINK_RELS_THAT_LOAD)
            if loads:
                problems.append(
                    Problem(where, ref.line, f"<{ref.tag} {ref.attr}=\"{ref.url}\"> makes the reader's browser ask {host} for something", "serve the file from docs/assets/; the site asks no third party for anything", check=NAME)
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
                    host = urlsplit(match.group(0) if "://" in match.group(0) else "https://" + match.group(0)).hostname or ""
                    domain = denied(ctx.project.denied_domains, host)
                    if domain:
                        line = doc.line_of(("organizations", o_index, "channels", c_index, key))
                        problems.append(
                            Problem(CONTACTS_FILE, line, f"contact «{channel.get('id')}» {key}: {_why(ctx, domain)}", "use another source or, if the contact is dead, set status: obsolete", check=NAME)
                        )
    return problems
