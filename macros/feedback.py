"""«Нашли ошибку или устаревший факт?»: the link under every guide to where readers tell the editors.

Configured in mkdocs.yml under `extra.feedback`, with exactly one of:

- `contact:` the id of an e-mail channel in data/contacts.yml (status current): a mailto: link;
- `issue_form:` the https address of the repository's new-issue form: a link to the form.

With neither, no link is built: the site never invents an address for the editors. The link carries
the page's title and address in the subject and body, URL-encoded. Nothing leaves the reader's
browser by itself: a mailto: link opens their mail program, the form opens on the forge's site, and
the reader decides whether to send.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal
from urllib.parse import quote, urlsplit

from .front_matter import is_guide

from .contacts_data import ContactBook
from .contacts_schema import EmailChannel

FEEDBACK_META = "feedback_href"  # page.meta key the template (overrides/partials/report-error.html) reads
CONFIG_PLACE = "mkdocs.yml, extra.feedback"
TARGET_VARIABLE = "feedback_target"  # read once in define_env, where a mistake stops the build cleanly


def feedback_line(config_file: str | None) -> int:
    """The line of `feedback:` under `extra:` in mkdocs.yml (1 when it cannot be found)."""
    try:
        text = Path(config_file or "mkdocs.yml").read_text(encoding="utf-8-sig")
    except OSError:
        return 1
    extra = re.search(r"^extra:", text, re.M)
    found = re.search(r"^[ \t]+feedback\s*:", text[extra.end() :], re.M) if extra else None
    return text.count("\n", 0, extra.end() + found.start()) + 1 if extra and found else 1


class FeedbackConfigError(ValueError):
    """extra.feedback in mkdocs.yml is wrong; the message says what to write instead."""


@dataclass(frozen=True)
class FeedbackTarget:
    kind: Literal["email", "issue_form"]
    address: str  # an e-mail address, or the https URL of the issue form


def feedback_target(extra: Mapping[str, Any] | None, book: ContactBook) -> FeedbackTarget | None:
    """Where the link leads, read from `extra.feedback`; None while the editors have set nothing."""
    settings = (extra or {}).get("feedback") or {}
    if not isinstance(settings, Mapping):
        raise FeedbackConfigError(f"{CONFIG_PLACE}: write a mapping with «contact:» or «issue_form:», not {settings!r}")
    unknown = sorted(set(settings) - {"contact", "issue_form"})
    if unknown:
        raise FeedbackConfigError(
            f"{CONFIG_PLACE}: unknown key(s) {', '.join(unknown)}; only «contact:» or «issue_form:»"
        )
    contact, form = settings.get("contact"), settings.get("issue_form")
    if contact and form:
        raise FeedbackConfigError(f"{CONFIG_PLACE}: set «contact:» or «issue_form:», not both")
    if contact:
        return FeedbackTarget("email", _editors_email(str(contact), book))
    if form:
        return FeedbackTarget("issue_form", _issue_form(str(form)))
    return None


def _editors_email(channel_id: str, book: ContactBook) -> str:
    found = book.channels.get(channel_id)
    if found is None:
        raise FeedbackConfigError(
            f"{CONFIG_PLACE}: contact «{channel_id}» is not in data/contacts.yml.{book.suggest(channel_id)}"
        )
    if not isinstance(found, EmailChannel):
        raise FeedbackConfigError(
            f"{CONFIG_PLACE}: contact «{channel_id}» is a {found.type}, not an e-mail; give an e-mail channel"
        )
    if found.status != "current":
        raise FeedbackConfigError(
            f"{CONFIG_PLACE}: contact «{channel_id}» is {found.status}; readers' reports need an address the "
            "editors read (status: current)"
        )
    return str(found.email)


def _issue_form(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.netloc:
        raise FeedbackConfigError(
            f"{CONFIG_PLACE}: issue_form «{url}» is not an https address; write the form's https:// URL"
        )
    if parts.fragment:
        raise FeedbackConfigError(f"{CONFIG_PLACE}: issue_form «{url}» has a #fragment; drop it")
    return url


def _encoded(value: str) -> str:
    # safe="" so that &, =, ?, # and / inside a title or URL cannot end the parameter early.
    return quote(value, safe="")


def feedback_href(target: FeedbackTarget, title: str, page_url: str) -> str:
    """The link's address, with the page's title and address filled in for the reader to edit."""
    subject = f"Ошибка на странице «{title}»"
    body = f"Страница: {page_url}\n\nЧто не так:\n\nКак правильно и где это написано:\n"
    if target.kind == "email":
        # RFC 6068: line breaks in a mailto: body are written %0D%0A.
        crlf_body = body.replace("\n", "\r\n")
        return f"mailto:{target.address}?subject={_encoded(subject)}&body={_encoded(crlf_body)}"
    joiner = "&" if urlsplit(target.address).query else "?"
    return f"{target.address}{joiner}title={_encoded(subject)}&body={_encoded(body)}"


def set_feedback_meta(env: Any) -> None:
    """After the macros ran: the feedback link of a guide (a page with «short:»), for the template.

    The target was read and checked once per build by define_env (env.variables[TARGET_VARIABLE]).
    """
    page = env.page
    if not is_guide(page.meta):
        return
    target: FeedbackTarget | None = env.variables.get(TARGET_VARIABLE)
    if target is None:
        return
    site_url = str(env.conf.get("site_url") or "")
    page_url = site_url.rstrip("/") + "/" + page.url.lstrip("/") if site_url else page.url
    title = str(page.meta.get("title") or page.title or page.url)
    page.meta[FEEDBACK_META] = feedback_href(target, title, page_url)
