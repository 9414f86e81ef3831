"""HTML for the legal rule register's macros: a citation, a figure, the changes of a year, the register.

Every value is escaped here; the macros in macros/__init__.py pass the result through final_html.
An unconfirmed rule carries the same kind of visible mark as an unconfirmed contact (text in a
`data-tip`, never a `title`: Material's tooltips copy titles into the page as HTML).
"""

from __future__ import annotations

import datetime as dt
from html import escape

from .law_data import LawRegister, figure_text
from .law_schema import Rule


def date_ru(value: dt.date) -> str:
    return value.strftime("%d.%m.%Y")


def unconfirmed_mark(rule: Rule) -> str:
    if rule.status != "unconfirmed":
        return ""
    tip = escape(f"{rule.unconfirmed} Проверяли {date_ru(rule.checked)}.")
    return (
        f' <span class="contact-mark law-mark" role="note" aria-label="не подтверждено. {tip}" data-tip="{tip}">'
        "не подтверждено</span>"
    )


def citation(register: LawRegister, rule: Rule) -> str:
    """«п. 3 ст. 23.1 ЗоЗПП» as text, with the unconfirmed mark when the rule is not confirmed."""
    shown = escape(register.cite(rule))
    return f'<span class="law-cite" data-rule="{escape(rule.id)}">{shown}</span>{unconfirmed_mark(rule)}'


def figure(rule: Rule, name: str) -> str:
    return escape(figure_text(rule.figures[name]))


def edition_text(rule: Rule) -> str:
    change = rule.last_change
    if change is None:
        return ""
    return f"в ред. {_genitive(change.by)}, действует с {date_ru(change.in_force)}"


def _genitive(law: str) -> str:
    """«Федеральный закон от …» → «Федерального закона от …», as «в ред.» needs; other names stay."""
    for nominative, genitive in (("Федеральный закон", "Федерального закона"), ("Закон РФ", "Закона РФ")):
        if law.startswith(nominative):
            return genitive + law[len(nominative) :]
    return law


def changes(register: LawRegister, year: int) -> str:
    """Every change the register records as in force in `year`, oldest first, as a list."""
    items: list[tuple[dt.date, str]] = []
    for rule in register.rules.values():
        for edition in rule.editions:
            if edition.in_force.year != year:
                continue
            items.append(
                (
                    edition.in_force,
                    f"<li><p><strong>С {date_ru(edition.in_force)}</strong>, {escape(register.cite(rule))} "
                    f"({escape(edition.by)}). {escape(edition.what)}</p></li>",
                )
            )
    if not items:
        return "<p>Изменений, которые затрагивают правила этого сайта, за этот год не записано.</p>"
    return '<ul class="law-changes">' + "".join(text for _, text in sorted(items, key=lambda i: i[0])) + "</ul>"


def register_list(register: LawRegister) -> list[tuple[str, str, str]]:
    """The whole register, act by act: (act id, act title, HTML list of its rules with sources and dates).

    A list, not a table: on a 360 px phone a four-column table scrolls sideways; a list reads down."""
    parts: list[tuple[str, str, str]] = []
    for act in register.acts.values():
        items = []
        for rule in register.rules.values():
            if rule.act != act.id:
                continue
            edition = edition_text(rule)
            items.append(
                f'<li id="rule-{escape(rule.id)}"><p><strong>{citation(register, rule)}</strong>: '
                f"{escape(rule.title)}. {escape(rule.gives)}</p>"
                f'<p class="law-meta">{escape(edition) + ". " if edition else ""}'
                f'Текст: <a href="{escape(str(rule.source))}">{escape(_host(str(rule.source)))}</a>, '
                f"проверено {date_ru(rule.checked)}.</p></li>"
            )
        if items:
            parts.append((act.id, act.title, '<ul class="law-rules">' + "".join(items) + "</ul>"))
    return parts


def _host(url: str) -> str:
    return url.split("//", 1)[-1].split("/", 1)[0]
