"""Turn validated channels into HTML. Every string from YAML passes through `escape`."""

from __future__ import annotations

from html import escape
from urllib.parse import quote, urlsplit

from .contacts_schema import (
    AddressChannel,
    Channel,
    ChatChannel,
    EmailChannel,
    Organization,
    PhoneChannel,
    SocialChannel,
    WebChannel,
)

AUDIENCE_TEXT = {
    "all": "все покупатели",
    "premium": "подписчики Ozon Premium",
    "ozon-card": "клиенты Ozon Card и Ozon Банка",
}


SAFE_SCHEMES = ("https", "tel", "mailto")


def href(url: str) -> str:
    """A URL for an href attribute: only https, tel and mailto, escaped for the attribute."""
    scheme = urlsplit(url.strip()).scheme.lower()
    if scheme not in SAFE_SCHEMES:
        raise ValueError(f"refusing to link to «{url}»: only {', '.join(SAFE_SCHEMES)} links are made")
    return escape(url.strip(), quote=True)


def date_ru(value) -> str:
    return value.strftime("%d.%m.%Y")


def unconfirmed_mark(channel: Channel) -> str:
    """A visible mark; on hover it says where and when the value was last seen.

    Not a `title`: Material's content.tooltips copies titles into the page as HTML. The hover text
    is a `data-tip` that CSS shows with `content: attr(data-tip)` (always text); screen readers get
    the same words from `aria-label` (role="note" may carry a name). Both are escaped attributes.
    """
    if channel.status != "unconfirmed":
        return ""
    tip = escape(f"Где видели: {channel.seen}. Проверяли {date_ru(channel.checked)}.")
    return (
        f' <span class="contact-mark" role="note" aria-label="не подтверждён. {tip}" data-tip="{tip}">'
        "не подтверждён</span>"
    )


def value_html(channel: Channel, text: str | None = None) -> str:
    """The bare value as a link where one exists: tel:, mailto:, https."""
    if isinstance(channel, PhoneChannel):
        return f'<a class="contact-value" href="{href("tel:" + channel.e164)}">{escape(text or channel.display)}</a>'
    if isinstance(channel, EmailChannel):
        mailto = href("mailto:" + quote(channel.email, safe="@"))
        return f'<a class="contact-value" href="{mailto}">{escape(text or channel.email)}</a>'
    if isinstance(channel, (WebChannel, SocialChannel)):
        return f'<a class="contact-value" href="{href(str(channel.url))}">{escape(text or channel.label)}</a>'
    if isinstance(channel, ChatChannel):
        where = escape(text or channel.where)
        if channel.url:
            return f'<a class="contact-value" href="{href(str(channel.url))}">{where}</a>'
        return f'<span class="contact-value">{where}</span>'
    if isinstance(channel, AddressChannel):
        return f'<span class="contact-value">{escape(text or channel.display)}</span>'
    raise TypeError(f"no HTML for channel type {type(channel).__name__}")


def inline(channel: Channel, text: str | None = None) -> str:
    """A contact inside a sentence: value plus the unconfirmed mark."""
    return (
        f'<span class="contact contact--{channel.type} contact--{channel.status}" data-contact="{channel.id}">'
        f"{value_html(channel, text)}{unconfirmed_mark(channel)}</span>"
    )


def _details(channel: Channel) -> list[str]:
    facts: list[str] = []
    if isinstance(channel, PhoneChannel):
        facts.append(f"{escape(channel.region)}, {'бесплатно' if channel.free else 'по тарифу вашего оператора'}")
    if isinstance(channel, AddressChannel) and channel.recipient:
        facts.append(f"Получатель: {escape(channel.recipient)}")
    if isinstance(channel, (WebChannel, SocialChannel)):
        facts.append(f'<span class="contact-url">{escape(str(channel.url))}</span>')
    if channel.hours:
        facts.append(f"Часы работы: {escape(channel.hours)}")
    if channel.audience != ["all"]:
        facts.append("Для кого: " + ", ".join(AUDIENCE_TEXT[a] for a in channel.audience))
    return facts


def status_line(channel: Channel) -> str:
    checked = date_ru(channel.checked)
    if channel.status == "current":
        text = f"Проверен {checked}"
    elif channel.status == "unconfirmed":
        text = f"Не подтверждён (проверяли {checked}). Где видели: {channel.seen}"
    else:
        text = f"Устарел (проверяли {checked})"
    return f'<span class="contact-status contact-status--{channel.status}">{escape(text)}</span>'


def card(channel: Channel, org: Organization) -> str:
    """A self-contained block: what, value, when, for whom, status."""
    rows = "".join(f"<li>{fact}</li>" for fact in _details(channel))
    note = f'<p class="contact-card__note">{escape(channel.note)}</p>' if channel.note else ""
    return (
        f'<div class="contact-card contact-card--{channel.status}" data-contact="{channel.id}">'
        f'<p class="contact-card__title"><strong>{escape(channel.label)}</strong>'
        f' <span class="contact-card__org">({escape(org.name)})</span></p>'
        f'<p class="contact-card__value">{value_html(channel)}{unconfirmed_mark(channel)}</p>'
        f'<ul class="contact-card__facts">{rows}</ul>{note}'
        f'<p class="contact-card__status">{status_line(channel)}</p></div>'
    )


def table(channels: list[Channel]) -> str:
    """Channels as rows: what and how to reach it, details, status with the date checked."""
    head = "<th>Контакт</th><th>Когда и для кого</th><th>Статус</th>"
    body = []
    for channel in channels:
        details = "<br>".join(_details(channel) + ([escape(channel.note)] if channel.note else [])) or "—"
        body.append(
            f'<tr data-contact="{channel.id}"><td><span class="contacts-table__label">'
            f"{escape(channel.label)}</span><br>{value_html(channel)}{unconfirmed_mark(channel)}</td>"
            f"<td>{details}</td><td>{status_line(channel)}</td></tr>"
        )
    return (
        '<div class="md-typeset__scrollwrap"><div class="md-typeset__table">'
        f'<table class="contacts-table"><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>'
        "</div></div>"
    )


def obsolete_value(channel: Channel) -> str:
    """An obsolete value as plain text, never as a link: nobody should dial or open it from here."""
    if isinstance(channel, PhoneChannel):
        return escape(channel.display)
    if isinstance(channel, EmailChannel):
        return escape(channel.email)
    if isinstance(channel, (WebChannel, SocialChannel)):
        return escape(str(channel.url))
    if isinstance(channel, ChatChannel):
        return escape(channel.where)
    if isinstance(channel, AddressChannel):
        return escape(channel.display)
    raise TypeError(type(channel).__name__)
