"""The legal rule register (data/law.yml) against the pages and the claim builder.

- Every citation in a page names a rule of the register; one that names none is reported with the
  nearest rule ids. `{{ law("id") }}` and `{{ law_figure("id", "name") }}` name existing rules and figures.
- A figure written next to a citation (a percentage, days, working days, months, in the same clause)
  is one of the cited rules' figures: «10 дней (п. 3 ст. 23.1 ЗоЗПП)» is refused when that point is
  the 0,5 % penalty.
- A change in the law reaches every use: a page records in `reviewed:` when its legal content was last
  reread; a rule whose newest edition came into force after that date makes this check name every
  line of the page that cites it, in one run. The builder's scripts (docs/assets/claim/*.js; «Моё дело»'s
  docs/assets/case/*.js too) carry a
  `// reviewed: YYYY-MM-DD` comment and are held to the same rule for the rule ids they name.
- A hand-typed citation of an unconfirmed rule is a warning: `{{ law("id") }}` shows readers the mark.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from macros.law_citations import Citation
from macros.law_data import LAW_FILE, LawError, LawRegister, figure_text, load_law, rule_ids_in
from macros.law_schema import Rule

from .content import CITATION, blank_jinja
from .context import Context
from .problems import Problem
from .project import Page, line_at

NAME = "law"
BUILDER_DIRS = ("assets/claim", "assets/case")  # the claim builder and «Моё дело», which imports it
MAX_SCRIPT_BYTES = 500_000
REVIEWED_COMMENT = re.compile(r"^\s*//\s*reviewed:\s*(\d{4}-\d{2}-\d{2})\s*$", re.M)
_LAW_CALL = re.compile(r"\{\{\s*law(?:_figure|_edition)?\(\s*[\"'](?P<id>[^\"']{1,80})[\"']")

_REGISTERS: dict[str, LawRegister | LawError] = {}


def load(root: Path) -> LawRegister | LawError:
    """The register, validated once per distinct file content (tests check many identical copies)."""
    path = root / LAW_FILE
    key = hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else "missing"
    if key not in _REGISTERS:
        try:
            _REGISTERS[key] = load_law(path)
        except LawError as error:
            _REGISTERS[key] = error
    found = _REGISTERS[key]
    if isinstance(found, LawRegister) and found.path != path:
        found = LawRegister(found.acts, found.rules, found.lines, path)
    return found


def check(ctx: Context) -> list[Problem]:
    root = ctx.project.root
    register = load(root)
    if isinstance(register, LawError):
        return [problem.moved(path=LAW_FILE, check=NAME) for problem in register.problems]
    problems: list[Problem] = []
    used: set[str] = set()
    hand_typed: dict[str, list[str]] = {}
    for page in ctx.project.pages.values():
        problems.extend(page_problems(page, register, used, hand_typed))
    problems.extend(builder_problems(ctx, register, used))
    problems.extend(_unused(register, used))
    problems.extend(_unconfirmed_by_hand(register, hand_typed))
    return problems


def _unconfirmed_by_hand(register: LawRegister, hand_typed: dict[str, list[str]]) -> list[Problem]:
    """One warning per unconfirmed rule that pages cite by hand, where the reader sees no mark."""
    problems = []
    for rule_id, places in hand_typed.items():
        rule = register.rules[rule_id]
        shown = ", ".join(places[:3]) + (f" and {len(places) - 3} more" if len(places) > 3 else "")
        problems.append(
            Problem(
                LAW_FILE,
                register.lines.get(rule_id, 1),
                f"rule «{rule_id}» is unconfirmed ({rule.unconfirmed}) and cited by hand at {len(places)} place(s), "
                f"where readers see no mark: {shown}",
                f"confirm it from a published text (source, checked, status: confirmed), or write "
                f'{{{{ law("{rule_id}") }}}} at those places so readers see «не подтверждено»',
                "warning",
                NAME,
            )
        )
    return problems


@dataclass(frozen=True)
class Use:
    """One place a page or script relies on a rule."""

    rule: Rule
    line: int
    shown: str  # the citation or call as written


def page_problems(
    page: Page,
    register: LawRegister,
    used: set[str] | None = None,
    hand_typed: dict[str, list[str]] | None = None,
) -> list[Problem]:
    """Citations, law macros, figures and the edition check of one page. `hand_typed` collects the
    places that cite an unconfirmed rule by hand (readers see no mark there): one warning per rule."""
    used = used if used is not None else set()
    text = page.text
    plain = blank_jinja(text)
    problems: list[Problem] = []
    uses: list[Use] = []
    citations = register.find(plain)
    bound: list[tuple[Citation, list[Rule]]] = []
    for citation in citations:
        line = line_at(plain, citation.start)
        rules = register.rules_for(citation)
        bound.append((citation, rules))
        if not rules:
            near = ", ".join(f"{r.id} ({register.cite(r).replace(chr(160), ' ')})" for r in register.nearest(citation))
            problems.append(
                Problem(
                    page.path,
                    line,
                    f"«{citation}» names no rule in {LAW_FILE}",
                    f"cite a rule the register has (nearest: {near or 'none'}), "
                    f"or add this rule to {LAW_FILE} with its source (EDITING.md «Legal rules»)",
                    check=NAME,
                )
            )
        for rule in rules:
            uses.append(Use(rule, line, str(citation)))
            if rule.status == "unconfirmed" and hand_typed is not None:
                hand_typed.setdefault(rule.id, []).append(f"{page.path}:{line}")
    for call in _LAW_CALL.finditer(text):
        rule_id = call.group("id")
        if rule_id in register.rules:
            uses.append(Use(register.rules[rule_id], line_at(text, call.start()), call.group(0) + "…"))
        # an unknown id stops the build itself (macros/__init__.py) with «did you mean»; say it here too
        else:
            problems.append(
                Problem(
                    page.path,
                    line_at(text, call.start()),
                    f"no rule «{rule_id}» in {LAW_FILE}",
                    f"use an id from {LAW_FILE}.{register.suggest(rule_id)}",
                    check=NAME,
                )
            )
    problems.extend(_unknown_acts(page, plain, citations, register))
    problems.extend(figure_problems(page, plain, bound, register))
    used.update(use.rule.id for use in uses)
    if uses:  # edition_problems has nothing to say without them; meta_line reads the front matter again
        problems.extend(edition_problems(page.path, page.meta.get("reviewed"), page.meta_line("reviewed"), uses))
    return problems


def _unknown_acts(page: Page, plain: str, found: list[Citation], register: LawRegister) -> list[Problem]:
    """A citation in a recognised form whose act the register lacks: it would escape every other rule here."""
    if "ст." not in plain and "п." not in plain:
        return []  # every match below is skipped without one of them: no need to scan the page for acts
    covered = {c.act_start for c in found}
    problems = []
    for match in CITATION.finditer(plain):
        if "ст." not in match.group(0) and not re.match(r"(?:пп|п)\.", match.group(0)):
            continue  # an act named whole («ПП РФ № 2463»), not a rule in it
        if match.start("act") in covered:
            continue
        shown = " ".join(match.group(0).split())
        problems.append(
            Problem(
                page.path,
                line_at(plain, match.start()),
                f"«{shown}» cites an act that {LAW_FILE} does not list",
                "add the act under «acts:» (its name as written here in «cite:») and the rule under «rules:», "
                "with the source you read (EDITING.md «Legal rules»)",
                check=NAME,
            )
        )
    return problems


def edition_problems(path: str, reviewed: object, reviewed_line: int, uses: list[Use]) -> list[Problem]:
    """Every use of a rule that changed after the page (or script) was last reviewed, at its own line."""
    if not uses:
        return []
    if not isinstance(reviewed, dt.date):
        return [
            Problem(
                path,
                reviewed_line,
                f"the page relies on {len({u.rule.id for u in uses})} legal rule(s) but records no «reviewed:» date",
                "reread its legal content against data/law.yml and add «reviewed: YYYY-MM-DD» to the front matter",
                check=NAME,
            )
        ]
    problems: list[Problem] = []
    for use in uses:
        change = use.rule.last_change
        if change is None or change.in_force <= reviewed:
            continue
        problems.append(
            Problem(
                path,
                use.line,
                f"«{use.shown}» relies on {use.rule.id}, changed from {change.in_force:%d.%m.%Y} by {change.by}; "
                f"the page was reviewed {reviewed.isoformat()}",
                f"reread this line against the rule's new text ({change.what}), "
                f"then set «reviewed:» to the day you did (line {reviewed_line})",
                check=NAME,
            )
        )
    return problems


# Figures a sentence states: «0,5 %», «10 дней», «15 рабочих дней», «3 месяца».
_FIGURE = re.compile(
    r"(?<![\d,.])(?P<value>\d{1,3}(?:,\d+)?)(?:[ \u00a0]*(?P<pct>%)|[ \u00a0]+(?:(?P<cal>календарн\w*)[ \u00a0]+)?"
    r"(?P<work>рабоч\w*[ \u00a0]+)?(?P<unit>дн(?:я|ей|ю|ям|ями)\b|день\b|месяц\w*))"
)
# Where a clause ends: a sentence end, a semicolon, «, а», «, но», a table cell, a list item or a blank line.
_CLAUSE_END = re.compile(
    r"[.!?…](?=\s+[А-ЯЁA-Z«])|;|,\s+(?:а|но|однако)\s|\||\n\s*\n|\n(?=\s*(?:[-*+]|\d+\.)\s)|\n(?=#)"
)


def _clauses(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in _CLAUSE_END.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans


def _unit(match: re.Match[str]) -> str:
    if match.group("pct"):
        return "percent"
    if match.group("unit").startswith("месяц"):
        return "months"
    return "working-days" if match.group("work") else "days"


def figure_problems(
    page: Page, plain: str, bound: list[tuple[Citation, list[Rule]]], register: LawRegister
) -> list[Problem]:
    """A figure in a clause that cites rules must be a figure of one of them (when they have that kind)."""
    problems: list[Problem] = []
    if not any(rules for _, rules in bound):
        return problems  # no clause can hold a cited rule: the page need not be cut into clauses
    body_start = len(plain) - len(page.body)
    for start, end in _clauses(plain):
        here = [(c, rules) for c, rules in bound if start <= c.start < end and rules]
        if not here:
            continue
        rules = [r for _, cited in here for r in cited]
        clause = plain[start:end]
        for match in _FIGURE.finditer(clause):
            if start + match.start() < body_start:
                continue  # front matter: the short answer is checked where the body repeats it
            unit = _unit(match)
            value = float(match.group("value").replace(",", "."))
            same_kind = [(r, f) for r in rules for f in r.figures.values() if f.unit == unit]
            if any(f.value == value for _, f in same_kind):
                continue
            # A rule with numbers of its own (0,5 %) next to a figure of another kind (10 дней) is the classic
            # wrong point; a rule with no numbers at all (ст. 191 ГК: how to count) says nothing of figures.
            if not same_kind and not any(f.value is not None for r in rules for f in r.figures.values()):
                continue
            said = " ".join(match.group(0).split())
            owners = {r.id: r for r in rules if any(f.value is not None for f in r.figures.values())}
            has = "; ".join(f"{r.id}: {', '.join(_figure_list(r))}" for r in owners.values())
            cited = ", ".join(dict.fromkeys(str(c) for c, _ in here))
            problems.append(
                Problem(
                    page.path,
                    line_at(plain, start + match.start()),
                    f"«{said}» next to «{cited}» is not what the register says ({has})",
                    "cite the rule this figure belongs to, or correct the figure; write it as "
                    '{{ law_figure("rule-id", "name") }} so it follows the register',
                    check=NAME,
                )
            )
    return problems


def _figure_list(rule: Rule) -> list[str]:
    return [
        f"{name} = {figure_text(f).replace(chr(160), ' ')}" for name, f in rule.figures.items() if f.value is not None
    ]


def builder_problems(ctx: Context, register: LawRegister, used: set[str]) -> list[Problem]:
    """The builder's scripts: each that names rule ids records when it was reviewed; changes since are listed."""
    problems: list[Problem] = []
    folders = [ctx.project.docs_dir / name for name in BUILDER_DIRS]
    for script in sorted(path for folder in folders if folder.is_dir() for path in folder.glob("*.js")):
        if script.is_symlink() or not script.is_file() or script.stat().st_size > MAX_SCRIPT_BYTES:
            continue
        text = script.read_text(encoding="utf-8")
        named = rule_ids_in(text, register)
        if not named:
            continue
        shown = ctx.display(script)
        used.update(rule_id for rule_id, _ in named)
        comment = REVIEWED_COMMENT.search(text)
        reviewed: dt.date | None = None
        if comment:
            try:
                reviewed = dt.date.fromisoformat(comment.group(1))
            except ValueError:
                reviewed = None
        line = line_at(text, comment.start()) if comment else 1
        uses = [Use(register.rules[rule_id], at, f'"{rule_id}"') for rule_id, at in named]
        for problem in edition_problems(shown, reviewed, line, uses):
            if reviewed is None:
                problem = Problem(
                    shown,
                    1,
                    f"the script names {len(named)} rule(s) of {LAW_FILE} but has no «// reviewed: YYYY-MM-DD» comment",
                    "reread its legal logic against the register and add the comment near its top",
                    check=NAME,
                )
            problems.append(problem)
    return problems


def _unused(register: LawRegister, used: set[str]) -> list[Problem]:
    return [
        Problem(
            LAW_FILE,
            register.lines.get(rule_id, 1),
            f"rule «{rule_id}» is cited by no page and no builder script",
            "cite it where a reader needs it, or delete it if the site no longer relies on it",
            "warning",
            NAME,
        )
        for rule_id in register.rules
        if rule_id not in used
    ]
