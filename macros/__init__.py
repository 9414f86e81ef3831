"""mkdocs-macros module: the macros guides call, and the hooks that fill page metadata.

Contacts come from data/contacts.yml (see contacts_data.py); macros only look them up and render
them. Any misuse stops the build with the page, the macro and what to write instead.
"""

from __future__ import annotations

import importlib.util
import posixpath
import sys
from html import escape
from pathlib import Path
from typing import Any, NoReturn

from mkdocs.exceptions import PluginError


def _register_package() -> None:
    """Import this folder as the package `macros`, so the relative imports below resolve.

    Zensical 0.0.73 executes this file by location without putting it in sys.modules
    (`_load_module` in zensical/extensions/macros.py), and does so for every page; mkdocs-macros
    imports it as a package. Registering the real package once lets every later copy share its
    submodules (the contact book is read once, not once per page).
    """
    registered = sys.modules.get(__name__)
    if registered is not None:
        if Path(registered.__file__ or "") != Path(__file__):
            raise ImportError(f"another module is imported as {__name__!r} ({registered.__file__}), not {__file__}")
        return
    spec = importlib.util.spec_from_file_location(__name__, __file__, submodule_search_locations=[str(Path(__file__).parent)])
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot import {__file__} as the package {__name__!r}")
    package = importlib.util.module_from_spec(spec)
    sys.modules[__name__] = package
    try:
        spec.loader.exec_module(package)
    except BaseException:
        del sys.modules[__name__]
        raise


_register_package()

from . import claim_data as claim_data_module  # noqa: E402 - after _register_package()
from . import contact_html
from .contacts_data import ContactsError, load_contacts_once
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
from .fast_render import render_page_early
from .front_matter import is_guide
from .guide_index import guides, plain_text
from .host import HostKind, MacrosHost
from .print_macros import set_print_meta
from .replacement import instead, type_name

CONTACTS_FILE = "data/contacts.yml"
OBSOLETE_USES = "_obsolete_contact_uses"  # env.variables key: pages that still call an obsolete contact


class MacroUsageError(PluginError):
    """A guide called a macro wrongly; the message says where and how to fix it."""


def _page_path(host: MacrosHost) -> str:
    page = host.page
    return f"docs/{page.src_path}" if page is not None else "(no page)"


def define_env(env: Any) -> None:
    host = MacrosHost(env)  # mkdocs-macros or Zensical (macros/host.py)
    try:
        book = load_contacts_once(host.project_root / CONTACTS_FILE)
    except ContactsError as error:
        raise PluginError(f"\n{error}") from None
    env.variables["contact_book"] = book

    def fail(call: str, problem: str) -> NoReturn:
        raise MacroUsageError(f"{_page_path(host)}: {{{{ {call} }}}}: {problem}")

    # Every page that still shows an obsolete contact, reported together when the build ends
    # (on_post_build), so retiring a contact used on nine pages takes one build, not nine.
    # Zensical 0.0.73 has no on_post_build for macros: there the first use stops the build.
    obsolete_uses: list[str] = env.variables.setdefault(OBSOLETE_USES, [])
    obsolete_uses.clear()

    def channel(macro: str, channel_id: str, allowed: tuple[type, ...] | None = None) -> Channel:
        call = f"{macro}({channel_id!r})"
        if not isinstance(channel_id, str) or channel_id not in book.channels:
            fail(call, f"no contact with this id in {CONTACTS_FILE}.{book.suggest(str(channel_id))}")
        found = book.channels[channel_id]
        if found.status == "obsolete":
            accepted = tuple(type_name(model) for model in allowed) if allowed else None
            problem = (
                f"this contact is obsolete ({CONTACTS_FILE}, line {book.lines[channel_id]}): {found.note} "
                f"Fix: {instead(macro, accepted, found, book)}. Obsolete contacts appear only on the page of outdated contacts."
            )
            if host.kind is not HostKind.MKDOCS_MACROS:
                fail(call, problem)
            message = f"{_page_path(host)}: {{{{ {call} }}}}: {problem}"
            if message not in obsolete_uses:
                obsolete_uses.append(message)
        if allowed and not isinstance(found, allowed):
            fail(call, f"«{channel_id}» is a {found.type}, not what {macro}() shows; use contact({channel_id!r}) or link({channel_id!r})")
        page = host.page
        used = page.meta.setdefault("contacts_used", []) if page else []
        if channel_id not in used:
            used.append(channel_id)
        return found

    def organization(macro: str, org_id: str) -> Organization:
        try:
            return book.organization(org_id)
        except KeyError:
            known = [o.id for o in book.organizations]
            fail(f"{macro}({org_id!r})", f"no organization with this id in {CONTACTS_FILE}.{book.suggest(org_id, known)}")
            raise  # fail() always raises; this keeps type checkers aware of it

    @env.macro
    def phone(channel_id: str, text: str | None = None) -> str:
        """A phone as a tel: link in national format, e.g. {{ phone("rpn-ekc-phone") }}."""
        return contact_html.inline(channel("phone", channel_id, (PhoneChannel,)), text)

    @env.macro
    def email(channel_id: str) -> str:
        """An e-mail as a mailto: link."""
        return contact_html.inline(channel("email", channel_id, (EmailChannel,)))

    @env.macro
    def address(channel_id: str) -> str:
        """A postal address with its recipient."""
        found = channel("address", channel_id, (AddressChannel,))
        assert isinstance(found, AddressChannel)  # channel() checked the type
        recipient = f"{escape(found.recipient)}, " if found.recipient else ""
        return recipient + contact_html.inline(found)

    @env.macro
    def link(channel_id: str, text: str | None = None) -> str:
        """A web form, site, chat or social account as a link; `text` replaces the label."""
        return contact_html.inline(channel("link", channel_id, (WebChannel, SocialChannel, ChatChannel)), text)

    @env.macro
    def hours(channel_id: str) -> str:
        """The working hours of a channel, as plain text."""
        found = channel("hours", channel_id)
        if not found.hours:
            fail(f"hours({channel_id!r})", f"no «hours:» for this channel in {CONTACTS_FILE}; add them or drop the call")
        return escape(found.hours)

    @env.macro
    def contact(channel_id: str) -> str:
        """A card with the value, hours, audience and status."""
        found = channel("contact", channel_id)
        return "\n\n" + contact_html.card(found, book.owner[channel_id]) + "\n\n"

    @env.macro
    def contacts_table(org_id: str) -> str:
        """Every current and unconfirmed channel of one organization, as a table."""
        live = book.live(organization("contacts_table", org_id))
        for c in live:
            channel("contacts_table", c.id)
        return "\n\n" + contact_html.table(live) + "\n\n"

    @env.macro
    def org_name(org_id: str) -> str:
        return escape(organization("org_name", org_id).name)

    @env.macro
    def contacts_directory() -> str:
        """All organizations with their live channels; the contacts page."""
        parts = []
        for org in book.organizations:
            live = book.live(org)
            if not live:
                continue
            legal = f" ({escape(org.legal_name)})" if org.legal_name else ""
            parts.append(f"## {escape(org.name)} {{ #{org.id} }}\n\n{escape(org.about)}{legal}\n")
            parts.append(contact_html.table(live) + "\n")
        return "\n".join(parts)

    @env.macro
    def obsolete_contacts() -> str:
        """Every obsolete channel as plain text with what to use instead."""
        rows = []
        for found in book.obsolete():
            channel_id = found.id
            instead = ""
            if found.replaced_by:
                new = book.channels[found.replaced_by]
                instead = f"{escape(new.label)}: {contact_html.value_html(new)}"
            rows.append(
                f'<tr data-contact="{channel_id}"><td>{escape(book.owner[channel_id].name)}: {escape(found.label)}</td>'
                f'<td><s class="contact-obsolete">{contact_html.obsolete_value(found)}</s></td>'
                f"<td>{escape(found.note or '')}</td><td>{instead}</td></tr>"
            )
        head = "<th>Что это было</th><th>Устаревший контакт</th><th>Почему не работает</th><th>Куда обращаться теперь</th>"
        return (
            '\n\n<div class="md-typeset__scrollwrap"><div class="md-typeset__table">'
            f'<table class="contacts-table contacts-table--obsolete"><thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table></div></div>\n\n'
        )

    @env.macro
    def claim_data(**recipients: str) -> str:
        """Recipients for the claim builder as a JSON block, e.g. {{ claim_data(ozon="ozon-address") }}."""
        for channel_id in recipients.values():
            channel("claim_data", channel_id)
        try:
            data = claim_data_module.claim_data(book, recipients)
        except claim_data_module.ClaimDataError as error:
            fail("claim_data(...)", str(error))
        return "\n\n" + claim_data_module.script_block(data) + "\n\n"

    @env.macro
    def short_answer() -> str:
        """The guide's short variant from front matter, under the heading with id «korotko»."""
        page = host.page
        meta = page.meta if page else {}
        short = meta.get("short")
        if not short:
            fail("short_answer()", "the page has no «short:» in its front matter; add two or three sentences there")
        asked = meta.get("asked") or []
        asked_line = ""
        if asked:
            phrases = ", ".join(f"«{escape(str(q))}»" for q in asked)
            asked_line = f'\n\n<p class="asked"><span class="asked__label">Как ещё спрашивают:</span> {phrases}</p>'
        return f"## Коротко {{ #korotko }}\n\n{str(short).strip()}{asked_line}\n"

    @env.macro
    def guides_overview() -> str:
        """Every guide with its short answer, in navigation order, grouped by section."""
        page = host.page
        here = posixpath.dirname(page.src_path) if page else ""
        parts: list[str] = []
        section = None
        for guide in guides(host.docs_dir, host.nav()):
            if guide.section != section:
                section = guide.section
                parts.append(f"\n## {section}\n")
            href = posixpath.relpath(guide.src_path, here or ".")
            anchor = posixpath.splitext(posixpath.basename(guide.src_path))[0]
            parts.append(
                f"### [{guide.title}]({href}) {{ #{anchor} }}\n\n{guide.short}\n\n"
                f'[Подробно: что делать по шагам]({href}#podrobno){{ aria-label="Подробно: что делать по шагам — {escape(guide.title)}" }}\n'
            )
        return "\n".join(parts)


def on_pre_page_macros(env: Any) -> None:
    """A guide's description for search engines and link previews is its short answer."""
    host = MacrosHost(env)
    meta = host.current_page().meta
    if is_guide(meta) and not meta.get("description"):
        meta["description"] = plain_text(str(meta["short"]))
    # Build speed: evaluate the page's {{ macro() }} calls without compiling the page (fast_render.py).
    # That reaches into mkdocs-macros' internals, so only under mkdocs-macros; Zensical 0.0.73 never
    # calls this hook (macros/host.py), and one that did would render the page itself.
    if host.kind is HostKind.MKDOCS_MACROS:
        render_page_early(env)


def on_post_build(env: Any) -> None:
    """Stop the build once, naming every page that still uses an obsolete contact (see define_env)."""
    uses = env.variables.get(OBSOLETE_USES) or []
    if uses:
        raise MacroUsageError(
            f"{len(uses)} call(s) still show an obsolete contact; change each of them:\n" + "\n".join(uses)
        )


def on_post_page_macros(env: Any) -> None:
    """The print header shows when the contacts on the page were checked (macros/printing.py)."""
    set_print_meta(env)
