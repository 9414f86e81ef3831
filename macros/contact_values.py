"""One validator per kind of contact value, shared by the data (contacts_schema.py) and the checks of
pages (sitecheck/external.py, sitecheck/hand_typed.py).

- Hosts are compared the way a browser sees them (`browser_host`): percent-decoding, then IDNA
  UTS #46 mapping (full-width letters, the ideographic full stop «。», upper case), then the
  Unicode form of every punycode label. `ｆａｃｅｂｏｏｋ。com` and `%66acebook.com` are facebook.com.
- A host or e-mail whose letters come from two scripts in one label (Latin «ozon» with a Cyrillic
  «о») is a look-alike; so is a Cyrillic label under a Latin top-level domain, and the reverse.
- A phone number in the data must be a Russian number: +7 is shared with Kazakhstan, and
  libphonenumber knows which ranges belong to which country.
"""

from __future__ import annotations

import unicodedata
from urllib.parse import unquote, urlsplit

import idna
import phonenumbers

PHONE_EXAMPLE = "+7 800 555-49-43"
_DOTS = "\u3002\uff0e\uff61"  # ideographic, full-width and half-width ideographic full stops


def browser_host(host: str) -> str:
    """The host a browser would ask for, in Unicode and lower case ('' when it cannot be read)."""
    host = unquote(host).strip().rstrip(".")
    for dot in _DOTS:
        host = host.replace(dot, ".")
    try:
        mapped = idna.uts46_remap(host, std3_rules=False, transitional=False)
    except idna.IDNAError:
        mapped = unicodedata.normalize("NFKC", host).lower()
    labels = []
    for label in mapped.rstrip(".").split("."):
        if label.startswith("xn--"):
            try:
                label = idna.decode(label)
            except idna.IDNAError:
                pass
        labels.append(label)
    return ".".join(labels)


def url_host(url: str) -> str:
    """The browser's host of a URL written in a page or the data ('' for a relative link)."""
    url = url.strip().replace("\\", "/")
    if url.lower().startswith("www."):
        url = "https://" + url
    return browser_host(urlsplit(url).netloc.rpartition("@")[2].split(":")[0]) if "//" in url else ""


def _scripts(label: str) -> set[str]:
    return {unicodedata.name(ch, "?").split()[0] for ch in label if ch.isalpha()}


def host_problem(host: str) -> str | None:
    """Why a host looks like another one, or None."""
    labels = browser_host(host).split(".")
    top = _scripts(labels[-1]) or {"LATIN"}
    for label in labels:
        scripts = _scripts(label)
        if len(scripts) > 1:
            return (
                f"«{label}» mixes letters of {' and '.join(sorted(s.title() for s in scripts))} scripts (a look-alike)"
            )
        if scripts and scripts != top:
            script, domain = scripts.pop().title(), top.pop().title()
            return f"«{label}» is written in {script} letters under a {domain} domain (a look-alike)"
    return None


def email_problem(email: str) -> str | None:
    """Why an e-mail address looks like another one, or None."""
    local, _, domain = email.rpartition("@")
    problem = host_problem(domain)
    if problem:
        return problem
    scripts = _scripts(local)
    if len(scripts) > 1 or (scripts - {"LATIN"} and not _scripts(browser_host(domain)) - {"LATIN"}):
        return f"«{local}» mixes scripts or uses non-Latin letters before a Latin domain (a look-alike)"
    return None


def phone_problem(number: str) -> str | None:
    """Why a number in the data is not a valid Russian number, or None."""
    try:
        parsed = phonenumbers.parse(number, "RU")
    except phonenumbers.NumberParseException:
        parsed = None
    if parsed is None or not phonenumbers.is_valid_number(parsed):
        return f"«{number}» is not a valid phone number; write it like {PHONE_EXAMPLE}"
    country = phonenumbers.region_code_for_number(parsed)
    if country != "RU":
        shared = " (+7 is shared with Kazakhstan)" if parsed.country_code == 7 else ""
        return f"«{number}» is a number in {country}, not in Russia{shared}; check it on the organisation's own site"
    return None
