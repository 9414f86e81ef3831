"""Load data/law.yml into a validated, indexed LawRegister, and render its citations and figures.

Every problem is reported at its line with the fix (a Problem of macros/problems.py), all at once,
like data/contacts.yml's loader. The register answers three questions for the rest of
the project: which rules a written citation names (`rules_for`), how a rule is cited and what its
figures read (`cite`, `figure_text`), and what the claim builder gets (`builder_json`).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .law_citations import Citation, Citations, article_list
from .law_schema import Act, Figure, LawFile, Rule
from .problems import Problem, ProblemsError, Wording, pydantic_problems
from .yaml_source import YamlSourceError, read_yaml, shown

LAW_FILE = "data/law.yml"
MAX_FILE_BYTES = 1_000_000  # the register is text a person edits: a megabyte is a mistake, not a register
NBSP = "\u00a0"
# The longest act name kept on one line with its article: «КоАП РФ», «ГПК РФ», «ЗоЗПП».
SHORT_ACT = 8


class LawError(ProblemsError):
    """data/law.yml is malformed; `problems` holds every problem with its line."""


@dataclass(frozen=True)
class LawRegister:
    acts: dict[str, Act]
    rules: dict[str, Rule]
    lines: dict[str, int] = field(default_factory=dict)  # rule or act id → line of its «id:»
    path: Path = Path(LAW_FILE)

    @cached_property
    def finder(self) -> Citations:
        names: list[tuple[str, str, bool]] = []
        for act in self.acts.values():
            by_articles = any(r.article is not None for r in self.rules.values() if r.act == act.id)
            for name in (act.cite, *act.also):
                names.append((act.id, name, by_articles or act.kind in ("law", "code")))
        return Citations(tuple(names))

    def find(self, text: str) -> list[Citation]:
        return self.finder.find(text)

    def rules_for(self, citation: Citation) -> list[Rule]:
        """The rules a citation names: all rules of a cited article unless a point or part narrows them."""
        found: list[Rule] = []
        for article in article_list(citation):
            for rule in self.rules.values():
                if rule.act != citation.act or rule.article != article:
                    continue
                if citation.part and rule.part and rule.part not in citation.part:
                    continue
                if citation.point and rule.point and not set(rule.point) & set(citation.point):
                    continue
                if citation.subpoint and rule.subpoint and rule.subpoint not in citation.subpoint:
                    continue
                if rule not in found:
                    found.append(rule)
        return found

    def nearest(self, citation: Citation, limit: int = 3) -> list[Rule]:
        """Rules to suggest for a citation that names none: the same article first, then nearby ones."""
        same_act = [r for r in self.rules.values() if r.act == citation.act]
        articles = article_list(citation)
        same_article = [r for r in same_act if r.article in articles]
        if same_article:
            return same_article[:limit]
        wanted = _number(articles[0])
        return sorted(same_act, key=lambda r: abs(_number(r.article) - wanted))[:limit]

    def suggest(self, wrong_id: str) -> str:
        close = difflib.get_close_matches(wrong_id, list(self.rules), n=3, cutoff=0.5)
        return f" Did you mean {', '.join(repr(c) for c in close)}?" if close else ""

    def cite(self, rule: Rule) -> str:
        """How the site cites the rule: «пп. 4 п. 2 ст. 333.36 НК РФ», with no-break spaces."""
        parts: list[str] = []
        if rule.subpoint:
            parts.append(f"пп.{NBSP}{rule.subpoint}")
        if rule.point:
            parts.append(f"п.{NBSP}{_join(rule.point)}")
        if rule.part:
            parts.append(f"ч.{NBSP}{rule.part}")
        if rule.article:
            parts.append(f"ст.{NBSP}{rule.article}")
        act = self.acts[rule.act].cite
        # A short name stays with its number («ст. 23 ЗоЗПП», «ГК РФ»); a longer one («Закона № 161-ФЗ»,
        # «Постановления Пленума ВС РФ № 17») must be free to wrap on a 320 px screen with 200 % text, where
        # «Закона № 161-ФЗ» held together is wider than the line and Chrome cuts the number; «№ 17» stays whole.
        parts.append(act.replace(" ", NBSP) if len(act) <= SHORT_ACT else act.replace("№ ", f"№{NBSP}"))
        return " ".join(parts)

    def builder_json(self, rule_ids: list[str]) -> dict[str, dict[str, Any]]:
        """What the claim builder gets of each rule it names (macros/claim_data.py)."""
        out: dict[str, dict[str, Any]] = {}
        for rule_id in rule_ids:
            rule = self.rules[rule_id]
            out[rule_id] = {
                "cite": self.cite(rule).replace(NBSP, " "),
                "title": rule.title,
                "gives": rule.gives,
                "figures": {
                    name: {"value": f.value, "unit": f.unit, "text": figure_text(f)} for name, f in rule.figures.items()
                },
                "editions": [{"by": e.by, "inForce": e.in_force.isoformat(), "what": e.what} for e in rule.editions],
                "status": rule.status,
                "unconfirmed": rule.unconfirmed,
                "source": str(rule.source),
                "checked": rule.checked.isoformat(),
            }
        return out


def _join(numbers: list[str]) -> str:
    """«2.1–2.2» for two neighbours, «5, 7» otherwise."""
    if len(numbers) == 2:
        return f"{numbers[0]}–{numbers[1]}"
    return ", ".join(numbers)


def _number(article: str | None) -> float:
    try:
        return float(article or 0)
    except ValueError:
        return 0.0


def plural(n: int, one: str, few: str, many: str) -> str:
    """Russian plural form for a whole number: 1 день, 2 дня, 5 дней, 11 дней, 21 день."""
    if n % 10 == 1 and n % 100 != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many


def _number_text(value: float) -> str:
    """1 → «1», 0.5 → «0,5», 100000 → «100 000» (thousands apart by a no-break space)."""
    if float(value).is_integer():
        whole = f"{int(value):,}".replace(",", NBSP)
        return whole
    return f"{value:g}".replace(".", ",")


def figure_text(figure: Figure) -> str:
    """A figure as a sentence writes it: «1 %», «10 дней», «5 рабочих дней», «100 000 ₽», «3 месяца»."""
    if figure.value is None or figure.unit is None:
        return figure.text or ""
    n = _number_text(figure.value)
    whole = int(figure.value) if float(figure.value).is_integer() else 5  # fractions take the «many» form
    if figure.unit == "percent":
        return f"{n}{NBSP}%"
    if figure.unit == "rubles":
        return f"{n}{NBSP}₽"
    if figure.unit == "days":
        return f"{n}{NBSP}{plural(whole, 'день', 'дня', 'дней')}"
    if figure.unit == "working-days":
        return f"{n}{NBSP}{plural(whole, 'рабочий день', 'рабочих дня', 'рабочих дней')}"
    if figure.unit == "months":
        return f"{n}{NBSP}{plural(whole, 'месяц', 'месяца', 'месяцев')}"
    return f"{n}{NBSP}{plural(whole, 'год', 'года', 'лет')}"


# What law.yml's messages say beyond the shared ones (macros/problems.py).
WORDING = Wording(
    spelling_fix="delete it or check its spelling (see schemas/law.schema.json)",
    id_fields=frozenset({"id", "act"}),
    id_example="zozpp-23-penalty",
    date_example="2026-02-01",
    any_pattern=("a number as the act writes it", "write 23, 23.1 or 2.2"),
)


def _cross_check(law: LawFile, lines: Any, where: str) -> list[Problem]:
    problems: list[Problem] = []
    acts: dict[str, int] = {}
    for index, act in enumerate(law.acts):
        line = lines(("acts", index, "id"))
        if act.id in acts:
            twice = f"act id «{act.id}» is used twice (also line {acts[act.id]})"
            problems.append(Problem(where, line, twice, "rename one"))
        acts.setdefault(act.id, line)
    names: dict[str, str] = {}
    for index, act in enumerate(law.acts):
        for name in (act.cite, *act.also):
            key = " ".join(name.split())
            if key in names and names[key] != act.id:
                problems.append(Problem(
                    where, lines(("acts", index, "cite")), f"«{name}» already names act «{names[key]}»",
                    "each name belongs to one act: delete it here or there",
                ))
            names.setdefault(key, act.id)
    seen: dict[str, int] = {}
    places: dict[tuple[Any, ...], str] = {}
    for index, rule in enumerate(law.rules):
        line = lines(("rules", index, "id"))
        if rule.id in seen:
            twice = f"rule id «{rule.id}» is used twice (also line {seen[rule.id]})"
            problems.append(Problem(where, line, twice, "rename one"))
        seen.setdefault(rule.id, line)
        if rule.act not in acts:
            hint = difflib.get_close_matches(rule.act, list(acts), n=1)
            fix = f"did you mean «{hint[0]}»?" if hint else "add the act under «acts:» first"
            problems.append(Problem(
                where, lines(("rules", index, "act")), f"rule «{rule.id}»: act «{rule.act}» is not in «acts:»", fix
            ))
        place = (rule.act, rule.article, rule.part, tuple(rule.point), rule.subpoint)
        if place in places:
            problems.append(Problem(
                where, line, f"rule «{rule.id}» sits in the same place as «{places[place]}»",
                "one record per rule: merge them, or give each its own point",
            ))
        places.setdefault(place, rule.id)
    return problems


def load_law(path: Path) -> LawRegister:
    """Read, validate and index the register, or raise LawError listing every problem."""
    where = shown(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        missing = Problem(where, 1, "file not found", "the site needs its register of legal rules there")
        raise LawError([missing]) from None
    if size > MAX_FILE_BYTES:
        too_big = f"the file is {size} bytes, more than {MAX_FILE_BYTES}"
        raise LawError([Problem(where, 1, too_big, "a register is text a person edits: keep it short")])
    try:
        doc = read_yaml(path)
    except YamlSourceError as error:
        raise LawError([error.problem()]) from None
    try:
        law = LawFile.model_validate(doc.data)
    except ValidationError as error:
        raise LawError(pydantic_problems(error, doc.data, doc.line_of, where, WORDING)) from None
    problems = _cross_check(law, doc.line_of, where)
    if problems:
        raise LawError(problems)
    lines = {rule.id: doc.line_of(("rules", i, "id")) for i, rule in enumerate(law.rules)}
    lines.update({f"act:{act.id}": doc.line_of(("acts", i, "id")) for i, act in enumerate(law.acts)})
    return LawRegister({a.id: a for a in law.acts}, {r.id: r for r in law.rules}, lines, path)


def load_law_once(path: Path) -> LawRegister:
    """load_law, read again only when the file changes (size or modification time)."""
    try:
        stat = path.stat()
    except FileNotFoundError:
        return load_law(path)
    return _cached(path, stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=4)
def _cached(path: Path, mtime_ns: int, size: int) -> LawRegister:
    return load_law(path)


RULE_ID_IN_CODE = re.compile(r"""["']([a-z0-9]+(?:-[a-z0-9]+)+)["']""")


def rule_ids_in(text: str, register: LawRegister) -> list[tuple[str, int]]:
    """Rule ids a builder script names in string literals, with the line of each (once per id)."""
    found: dict[str, int] = {}
    for match in RULE_ID_IN_CODE.finditer(text):
        rule_id = match.group(1)
        if rule_id in register.rules and rule_id not in found:
            found[rule_id] = text.count("\n", 0, match.start()) + 1
    return list(found.items())
