"""mkdocs-macros module: the macros guides call, and the hooks that fill page metadata.

Contacts come from data/contacts.yml (see contacts_data.py); macros only look them up and render
them. Any misuse stops the build with the page, the macro and what to write instead.
"""

from __future__ import annotations

import importlib.util
import posixpath
import re
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
    spec = importlib.util.spec_from_file_location(
        __name__, __file__, submodule_search_locations=[str(Path(__file__).parent)]
    )
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
from . import law_html
from .law_data import LAW_FILE, LawError, load_law_once
from .contacts_data import ContactsError, load_contacts_once
from .contacts_schema import AddressChannel, Channel, Organization
from . import safe_html  # noqa: E402
from .feedback import (
    CONFIG_PLACE,
    TARGET_VARIABLE,
    FeedbackConfigError,
    feedback_line,
    feedback_target,
    set_feedback_meta,
)
from .front_matter import is_guide
from .guide_index import guides, plain_text
from .problems import Problem, ProblemsError, id_fix, with_fix
from .host import HostKind, MacrosHost
from .page_language import MacroUsageError as PageMacroError
from .page_language import current_call_line, current_call_text, render_page
from .print_macros import set_print_meta
from .registry import ANY_TYPE, MacroRegistry
from .safe_html import final_html, markdown_text

CONTACTS_FILE = "data/contacts.yml"
# The home page's list of every guide, one block per navigation section: with a thousand guides the
# article had some 3000 children, and each frame of search opening over the page laid them out and
# pre-painted them again (about 60 ms of main-thread CPU; in blocks, about 15: `make bench-search`).
GROUP_START = '<div class="guides-group" markdown>\n'
GROUP_END = "</div>\n"
OBSOLETE_USES = "_obsolete_contact_uses"  # env.variables key: pages that still call an obsolete contact
class MacroUsageError(PluginError, PageMacroError):
    """A page called a macro wrongly (page_language's error), as MkDocs' PluginError: a build prints it as a
    message, not a traceback. The macros raise it; page_language catches its domain side."""

    def __init__(self, detail: str, fix: str = "") -> None:
        super().__init__(with_fix(detail, fix))  # click's __init__ takes the whole message alone
        self.detail = detail
        self.fix = fix


PAGE_PROBLEMS = "_page_language_problems"  # env.variables key: wrong macro calls and {{ }} of every page


def _page_path(host: MacrosHost) -> str:
    page = host.page
    return f"docs/{page.src_path}" if page is not None else "(no page)"


def define_env(env: Any) -> None:
    host = MacrosHost(env)  # mkdocs-macros or Zensical (macros/host.py)
    try:
        book = load_contacts_once(host.project_root / CONTACTS_FILE)
    except ContactsError as error:  # raised from it: `make serve` shows its problems (macros/problems.py)
        raise PluginError(f"\n{error}") from error
    try:
        register = load_law_once(host.project_root / LAW_FILE)
    except LawError as error:
        raise PluginError(f"\n{error}") from error
    # Pages get no variables: the contact book and the register stay here (macros/page_language.py).
    registry = MacroRegistry()
    env.macro_registry = registry
    extensions = env.conf.get("markdown_extensions") if host.kind is HostKind.MKDOCS_MACROS else None
    if isinstance(extensions, list):
        safe_html.install(extensions)  # macro output reaches the page as final HTML
    try:  # «Нашли ошибку?» under every guide (macros/feedback.py); None while mkdocs.yml sets no target
        env.variables[TARGET_VARIABLE] = feedback_target(env.conf.get("extra"), book)
    except FeedbackConfigError as error:
        # The editor changes mkdocs.yml, so the message names its line (not a page that shows the link).
        problem = Problem("mkdocs.yml", feedback_line(env.conf.get("config_file_path")),
                          str(error).replace(CONFIG_PLACE, "extra.feedback", 1), check="feedback")
        raise PluginError(f"\n{problem}") from ProblemsError([problem])  # as data for `make serve`'s page

    def fail(call: str, problem: str, fix: str) -> NoReturn:
        # the call as the page writes it, quotes and all, when a page is rendering (macros/page_language.py)
        raise MacroUsageError(f"{_page_path(host)}: {{{{ {current_call_text() or call} }}}}: {problem}", fix)

    # Every page that still shows an obsolete contact, reported together when the build ends
    # (on_post_build), so retiring a contact used on nine pages takes one build, not nine.
    # Zensical 0.0.73 has no on_post_build for macros: there the first use stops the build.
    obsolete_uses: list[Problem] = env.variables.setdefault(OBSOLETE_USES, [])
    obsolete_uses.clear()
    # Every wrong call of every page, reported as it is met and counted when the build ends (on_post_build):
    # four typos on four pages take one run, not four.
    env.variables.setdefault(PAGE_PROBLEMS, []).clear()

    def channel(macro: str, channel_id: str) -> Channel:
        spec = registry.specs[macro]
        call = current_call_text() or f'{macro}("{channel_id}")'
        if not isinstance(channel_id, str) or channel_id not in book.channels:
            suggestion = book.suggest(str(channel_id))
            fail(call, f"no contact with this id in {CONTACTS_FILE}", id_fix(CONTACTS_FILE, suggestion))
        found = book.channels[channel_id]
        if found.status == "obsolete":
            problem = f"this contact is obsolete ({CONTACTS_FILE}, line {book.lines[channel_id]}): {found.note}"
            advice = (
                f"{registry.replacement_advice(macro, book.replacement(found))} "
                "Obsolete contacts appear only on the page of outdated contacts."
            )
            if host.kind is not HostKind.MKDOCS_MACROS:
                fail(call, problem, advice)
            line = current_call_line() or 0  # None outside a page's rendering: the page alone is named
            use = Problem(_page_path(host), line, f"{{{{ {call} }}}}: {problem}", advice)
            if use not in obsolete_uses:
                obsolete_uses.append(use)
        # (claim_data checks its keyword channels itself, with its own message)
        types = spec.channel_types
        if types is not None and not spec.accepts(found.type, types):
            fail(call, f"«{channel_id}» is a {found.type}, not what {macro}() shows",
                 f"use {registry.show_instead(found.type, channel_id)}")
        if spec.needs_hours and not found.hours:
            fail(call, f"no «hours:» for this channel in {CONTACTS_FILE}", "add them there, or drop the call")
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
            fail(
                f"{macro}({org_id!r})",
                f"no organization with this id in {CONTACTS_FILE}",
                id_fix(CONTACTS_FILE, book.suggest(org_id, known)),
            )

    macro = registry.macro

    @macro(env, channels=("phone",))
    def phone(channel_id: str, text: str | None = None) -> str:
        """A phone as a tel: link in national format, e.g. {{ phone("rpn-ekc-phone") }}."""
        return final_html(contact_html.inline(channel("phone", channel_id), text))

    @macro(env, channels=("email",))
    def email(channel_id: str) -> str:
        """An e-mail as a mailto: link."""
        return final_html(contact_html.inline(channel("email", channel_id)))

    @macro(env, channels=("address",))
    def address(channel_id: str) -> str:
        """A postal address with its recipient."""
        found = channel("address", channel_id)
        recipient = f"{escape(found.recipient)}, " if isinstance(found, AddressChannel) and found.recipient else ""
        return final_html(recipient + contact_html.inline(found))

    @macro(env, channels=("web", "social", "chat"))
    def link(channel_id: str, text: str | None = None) -> str:
        """A web form, site, chat or social account as a link; `text` replaces the label."""
        return final_html(contact_html.inline(channel("link", channel_id), text))

    @macro(env, channels=ANY_TYPE, needs_hours=True)
    def hours(channel_id: str) -> str:
        """The working hours of a channel, as plain text."""
        return final_html(escape(channel("hours", channel_id).hours or ""))

    @macro(env, channels=ANY_TYPE)
    def contact(channel_id: str) -> str:
        """A card with the value, hours, audience and status."""
        found = channel("contact", channel_id)
        return "\n\n" + final_html(contact_html.card(found, book.owner[channel_id])) + "\n\n"

    @macro(env, org=True)
    def contacts_table(org_id: str) -> str:
        """Every current and unconfirmed channel of one organization, as a table."""
        live = book.live(organization("contacts_table", org_id))
        for c in live:
            channel("contact", c.id)
        return "\n\n" + final_html(contact_html.table(live)) + "\n\n"

    @macro(env, org=True)
    def org_name(org_id: str) -> str:
        return final_html(escape(organization("org_name", org_id).name))

    @macro(env)
    def contacts_directory() -> str:
        """All organizations with their live channels; the contacts page."""
        parts = []
        for org in book.organizations:
            live = book.live(org)
            if not live:
                continue
            legal = f" ({escape(org.legal_name)})" if org.legal_name else ""
            about = final_html(f"<p>{escape(org.about)}{legal}</p>")
            parts.append(f"## {markdown_text(org.name)} {{ #{org.id} }}\n\n{about}\n")
            parts.append(final_html(contact_html.table(live)) + "\n")
        return "\n".join(parts)

    @macro(env)
    def obsolete_contacts() -> str:
        """Every obsolete channel as plain text with what to use instead."""
        rows = []
        for found in book.obsolete():
            channel_id = found.id
            instead = ""
            new = book.replacement(found)  # through other retired ones: never a link to a dead contact
            if new is not None:
                instead = f"{escape(new.label)}: {contact_html.value_html(new)}"
            rows.append(
                f'<tr data-contact="{channel_id}"><td>{escape(book.owner[channel_id].name)}: {escape(found.label)}</td>'
                f'<td><s class="contact-obsolete">{contact_html.obsolete_value(found)}</s></td>'
                f"<td>{escape(found.note or '')}</td><td>{instead}</td></tr>"
            )
        head = (
            "<th>Что это было</th><th>Устаревший контакт</th>"
            "<th>Почему справочник его не даёт</th><th>Куда обращаться теперь</th>"
        )
        return "\n\n" + final_html(
            '<div class="md-typeset__scrollwrap"><div class="md-typeset__table">'
            f'<table class="contacts-table contacts-table--obsolete"><thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table></div></div>'
        ) + "\n\n"

    @macro(env, keyword_channels=("address", "web", "chat"))
    def claim_data(**recipients: str) -> str:
        """Recipients for the claim builder as a JSON block, e.g. {{ claim_data(ozon="ozon-address") }}."""
        for channel_id in recipients.values():
            channel("claim_data", channel_id)
        chosen = [book.channels[channel_id] for channel_id in recipients.values()]
        if any(c.status == "obsolete" for c in chosen) and all(c.type in ("address", "web", "chat") for c in chosen):
            # only retired: channel() listed it with every other use of a retired contact, and the build stops
            # with all of them when it ends (on_post_build), so the pages after this one are read in this run
            return ""
        try:
            # the rules the builder's and «Моё дело»'s scripts name ride along (macros/law_data.py)
            scripts = [host.docs_dir / "assets" / folder for folder in ("claim", "case")]
            data = claim_data_module.claim_data(book, recipients, law=register, scripts=scripts)
        except claim_data_module.ClaimDataError as error:
            fail("claim_data(...)", error.detail, error.fix)
        return "\n\n" + final_html(claim_data_module.script_block(data)) + "\n\n"

    def rule(macro_name: str, rule_id: str) -> Any:
        if not isinstance(rule_id, str) or rule_id not in register.rules:
            fail(f"{macro_name}({rule_id!r})", f"no rule with this id in {LAW_FILE}",
                 id_fix(LAW_FILE, register.suggest(str(rule_id))))
        page = host.page
        used = page.meta.setdefault("rules_used", []) if page else []
        if rule_id not in used:
            used.append(rule_id)
        return register.rules[rule_id]

    @macro(env, rule=True)
    def law(rule_id: str) -> str:
        """A legal citation from the register, e.g. {{ law("zozpp-23-penalty") }} → «п. 1 ст. 23 ЗоЗПП»."""
        return final_html(law_html.citation(register, rule("law", rule_id)))

    @macro(env, rule=True)
    def law_figure(rule_id: str, name: str) -> str:
        """One figure of a rule, e.g. {{ law_figure("zozpp-23-penalty", "rate") }} → «1 %»."""
        found = rule("law_figure", rule_id)
        if name not in found.figures:
            known = ", ".join(repr(n) for n in found.figures) or "none"
            fail(
                f"law_figure({rule_id!r}, {name!r})",
                f"the rule has no figure «{name}» in {LAW_FILE}",
                f"name one of its figures: {known}" if found.figures else "cite the rule with law() instead",
            )
        return final_html(law_html.figure(found, name))

    @macro(env, rule=True)
    def law_edition(rule_id: str) -> str:
        """The rule's newest edition: «в ред. Федерального закона от … № …, действует с …»."""
        found = rule("law_edition", rule_id)
        if found.last_change is None:
            fail(f"law_edition({rule_id!r})", f"the register records no edition of this rule in {LAW_FILE}",
                 "record the edition in the rule's «editions:», or cite the rule with law() instead")
        return final_html(escape(law_html.edition_text(found)))

    @macro(env)
    def law_changes(year: str) -> str:
        """Every change of the law the register records as in force in a year, e.g. {{ law_changes("2026") }}."""
        if not isinstance(year, str) or not year.isdigit() or not 1990 <= int(year) <= 2100:
            fail(f"law_changes({year!r})", "the year is not a year between 1990 and 2100 in quotes",
                 'write it in quotes, e.g. law_changes("2026")')
        return "\n\n" + final_html(law_html.changes(register, int(year))) + "\n\n"

    @macro(env)
    def law_register() -> str:
        """The whole register of legal rules, act by act, with sources and dates."""
        parts = []
        for act_id, title, rules_html in law_html.register_list(register):
            parts.append(f"### {markdown_text(title)} {{ #{act_id} }}\n\n{final_html(rules_html)}\n")
        return "\n\n" + "\n".join(parts) + "\n\n"

    @macro(env)
    def short_answer() -> str:
        """The guide's short variant from front matter, under the heading with id «korotko»."""
        page = host.page
        meta = page.meta if page else {}
        short = meta.get("short")
        if not short:
            fail("short_answer()", "the page has no «short:» in its front matter",
                 "add two or three sentences there")
        # `asked:` phrases are for search only (ozon/search_ru reads them from front matter):
        # lower case, no punctuation, they read as noise on the page and on paper.
        short_html = final_html(f"<p>{escape(' '.join(str(short).split()))}</p>")
        return f"## Коротко {{ #korotko }}\n\n{short_html}\n"

    @macro(env)
    def guides_overview() -> str:
        """Every guide with its short answer, in navigation order, grouped by section."""
        page = host.page
        here = posixpath.dirname(page.src_path) if page else ""
        parts: list[str] = []
        section = None
        for guide in guides(host.docs_dir, host.nav()):
            if guide.section != section:
                if section is not None:
                    parts.append(GROUP_END)
                section = guide.section
                parts.append(f"{GROUP_START}\n## {markdown_text(section)}\n")
            href = posixpath.relpath(guide.src_path, here or ".")
            anchor = posixpath.splitext(posixpath.basename(guide.src_path))[0]
            label = escape(re.sub(r'[{}"]', "", guide.title))
            short_html = final_html(f"<p>{escape(' '.join(guide.short.split()))}</p>")
            parts.append(
                f"### [{markdown_text(guide.title)}]({href}) {{ #{anchor} }}\n\n{short_html}\n\n"
                # Short on screen; a screen reader listing links hears which guide it opens.
                f'[По шагам<span class="sr-only">: {label}</span>'
                f' <span aria-hidden="true">→</span>]({href}#podrobno){{ .steps-link }}\n'
            )
        if section is not None:
            parts.append(GROUP_END)
        return "\n".join(parts)


def on_pre_page_macros(env: Any) -> None:
    """A guide's description for search engines and link previews is its short answer."""
    host = MacrosHost(env)
    meta = host.current_page().meta
    if is_guide(meta) and not meta.get("description"):
        meta["description"] = plain_text(str(meta["short"]))
    # Safety and speed: the page is checked as the page language and rendered here, so mkdocs-macros
    # never evaluates it as a template (macros/page_language.py). Zensical 0.0.73 never calls this
    # hook (macros/host.py): it renders pages itself, in the benchmarks only.
    if host.kind is HostKind.MKDOCS_MACROS:
        try:
            render_page(env, getattr(env, "macro_registry", None), env.variables.setdefault(PAGE_PROBLEMS, []))
        except PageMacroError as error:  # raised from its problems: `make serve` still reads them as data
            raise MacroUsageError(str(error)) from error


def on_post_build(env: Any) -> None:
    """Stop the build once, naming every page that still uses an obsolete contact (see define_env), and
    counting the wrong calls already reported page by page."""
    uses = env.variables.get(OBSOLETE_USES) or []
    wrong = env.variables.get(PAGE_PROBLEMS) or []
    parts = []
    if uses:
        listed = "\n".join(map(str, uses))
        parts.append(f"{len(uses)} call(s) still show an obsolete contact; change each of them:\n{listed}")
    if wrong:
        parts.append(f"{len(wrong)} wrong macro call(s) or {{{{ … }}}} in pages, each listed above with its fix")
    if parts:  # raised from every problem, so `make serve` shows each as data, and this summary not as one
        raise MacroUsageError("\n".join(parts)) from ProblemsError([*uses, *wrong])


def on_post_page_macros(env: Any) -> None:
    """The print header shows when the contacts on the page were checked (macros/printing.py);
    a guide gets its «Нашли ошибку?» link (macros/feedback.py)."""
    set_print_meta(env, load_contacts_once(MacrosHost(env).project_root / CONTACTS_FILE))
    set_feedback_meta(env)
