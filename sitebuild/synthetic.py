"""Generate a copy of the project with N synthetic guides, for build and search benchmarks.

The guides look like real ones: front matter with title/short/asked, `{{ short_answer() }}`,
a detailed variant of numbered steps that call the contact macros, roughly the length of a real
guide, placed in navigation sections of 25 pages. Text is deterministic for a given seed.

    python -m sitebuild.synthetic --count 1000 --out /tmp/synth-1000
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
from pathlib import Path

import yaml

from macros.contacts_data import load_contacts

from .project import copy_project

SECTION_SIZE = 25

SUBJECTS = ["заказ", "посылка", "товар", "возврат", "платёж", "курьер", "пункт выдачи", "продавец", "подписка", "карта"]
PROBLEMS = [
    "не пришёл вовремя", "пришёл повреждённым", "застрял в статусе", "оказался не тем",
    "не отображается в приложении", "отменён без объяснений", "оплачен дважды", "потерялся при сортировке",
]
STEPS = [
    "Откройте карточку заказа в приложении и сделайте скриншот статуса с датой.",
    "Напишите в чат поддержки и укажите номер заказа, дату оплаты и сумму.",
    "Сохраните чек и выписку банка: они подтверждают оплату.",
    "Попросите назвать новый срок или вернуть предоплату, и запишите ответ.",
    "Если ответа нет три дня, отправьте письменную претензию и сохраните подтверждение.",
    "Посчитайте неустойку: сумма предоплаты, умноженная на 0,5 % и на число дней просрочки.",
    "Проверьте, не закрыт ли пункт выдачи, и уточните адрес в карточке заказа.",
    "Сфотографируйте упаковку и товар до того, как выбросите коробку.",
]
# PHONE, CHAT, FORM and ADDRESS become ids of live contacts of the copy's data/contacts.yml
# (contact_ids), so the synthetic guides build whatever the editors changed or retired.
MACRO_LINES = [
    'Бесплатная консультация: {{ phone("PHONE") }}, {{ hours("PHONE") }}.',
    'Напишите в {{ link("CHAT", "чат поддержки") }}.',
    'Жалобу можно подать через {{ link("FORM") }}.',
    'Почтовый адрес для претензии: {{ address("ADDRESS") }}.',
]


def contact_ids(contacts: Path) -> dict[str, str]:
    """The first live phone with hours, chat, web form and address in the file's order."""
    book = load_contacts(contacts)
    wanted = {"PHONE": ("phone", True), "CHAT": ("chat", False), "FORM": ("web", False), "ADDRESS": ("address", False)}
    return {
        token: next(c.id for c in book.live() if c.type == kind and (c.hours or not needs_hours))
        for token, (kind, needs_hours) in wanted.items()
    }


def _with_ids(line: str, ids: dict[str, str]) -> str:
    for token, channel_id in ids.items():
        line = line.replace(f'"{token}"', f'"{channel_id}"')
    return line


def _guide(index: int, rng: random.Random, ids: dict[str, str]) -> tuple[str, str]:
    subject, problem = rng.choice(SUBJECTS), rng.choice(PROBLEMS)
    title = f"Случай {index}: {subject} {problem}"
    short = (
        f"Если {subject} {problem}, напишите в чат поддержки и сохраните переписку. "
        f"Через 10 дней без ответа отправьте претензию, а затем жалобу в Роспотребнадзор."
    )
    meta = {"title": title, "short": short, "asked": [f"{subject} {problem}", f"озон {subject} {problem} что делать"]}
    body = ["{{ short_answer() }}", "", "## Подробно { #podrobno }", ""]
    for part in range(1, 5):
        body += [f"### Шаг {part}: {rng.choice(SUBJECTS)} { '{' } #shag-{part} {'}'}", ""]
        body += [f"{n}. {rng.choice(STEPS)}" for n in range(1, 6)]
        body += ["", _with_ids(rng.choice(MACRO_LINES), ids), "", " ".join(rng.choice(STEPS) for _ in range(6)), ""]
    text = "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n\n" + "\n".join(body)
    return title, text


def make_project(count: int, out: Path, seed: int = 1, section_size: int = SECTION_SIZE) -> Path:
    """Copy the project to `out` and add `count` synthetic guides to its docs and nav, `section_size` a section."""
    if out.exists():
        shutil.rmtree(out)
    copy_project(out)
    rng = random.Random(seed)
    ids = contact_ids(out / "data" / "contacts.yml")
    target = out / "docs" / "synthetic"
    target.mkdir()
    sections: list[dict[str, list[str]]] = []
    for index in range(1, count + 1):
        _, text = _guide(index, rng, ids)
        name = f"synthetic/sluchaj-{index:04d}.md"
        (out / "docs" / name).write_text(text, encoding="utf-8")
        if (index - 1) % section_size == 0:
            sections.append({f"Синтетика {len(sections) + 1}": []})
        next(iter(sections[-1].values())).append(name)
    config_path = out / "mkdocs.yml"
    config_text = config_path.read_text(encoding="utf-8")
    nav_yaml = yaml.safe_dump({"Синтетические случаи": sections}, allow_unicode=True, sort_keys=False)
    nav_block = "\n".join("  - " + line if i == 0 else "    " + line for i, line in enumerate(nav_yaml.splitlines()))
    config_path.write_text(config_text.rstrip("\n") + "\n" + nav_block + "\n", encoding="utf-8")
    return out


def stock_config(config: str) -> str:
    """mkdocs.yml as stock Material would run it: without navigation.prune and the nav cache plugin."""
    config = re.sub(r"^\s*- navigation\.prune\s*\n", "", config, flags=re.M)
    return re.sub(r"^\s*- ozon/nav_cache(?:\s+#.*)?\s*\n", "", config, flags=re.M)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    print(make_project(args.count, args.out, args.seed))


if __name__ == "__main__":
    main()

