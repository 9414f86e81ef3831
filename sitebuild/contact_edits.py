"""Edit data/contacts.yml the way an editor does: change a value on its own line, keep the rest.

`rewrite_every_contact` changes every value of every contact in a project copy (numbers that
still ring where their region says, e-mails, addresses, hours, labels, sources, dates) and retires
the most used contact with `replaced_by:`, following EDITING.md's «change a contact» and «retire a
contact» word for word. Tests run the build, the checker and the test suite on such a copy to prove
that nothing but data/contacts.yml holds a contact.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path

import phonenumbers
from phonenumbers import PhoneNumberType

from macros.contacts_data import ContactBook, load_contacts
from macros.contacts_schema import AddressChannel, Channel, EmailChannel, PhoneChannel
from macros.yaml_source import YamlPath, read_yaml

CONTACTS = Path("data") / "contacts.yml"
Value = str | bool | dt.date


def yaml_scalar(value: Value) -> str:
    """One value as YAML text on one line (strings double-quoted, so «:» and «#» are safe)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    return json.dumps(value, ensure_ascii=False)


def edit_yaml(path: Path, edits: dict[YamlPath, Value]) -> None:
    """Set each `path → value` in the YAML file; a missing key goes right after its mapping's first key.

    Only one-line scalars are rewritten (every value in contacts.yml is one); comments, order and
    the other lines stay as the editor wrote them.
    """
    doc = read_yaml(path)
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    inserts: dict[int, list[str]] = {}
    for key_path, value in edits.items():
        *parent, key = key_path
        mapping = _lookup(doc.data, tuple(parent))
        if not isinstance(mapping, dict):
            raise KeyError(f"{path}: no mapping at {parent}")
        if key in mapping:
            index = doc.lines[key_path] - 1
            prefix = re.match(rf"^(\s*(?:-\s+)?){re.escape(str(key))}:", lines[index])
            if prefix is None:
                raise ValueError(f"{path}:{index + 1}: expected «{key}:» on this line")
            lines[index] = f"{prefix.group(0)} {yaml_scalar(value)}\n"
        else:
            first_key = next(iter(mapping))
            anchor = doc.lines[(*parent, first_key)] - 1
            indent = len(re.match(r"^\s*(?:-\s+)?", lines[anchor]).group(0))  # type: ignore[union-attr]
            inserts.setdefault(anchor, []).append(f"{' ' * indent}{key}: {yaml_scalar(value)}\n")
    for anchor in sorted(inserts, reverse=True):
        lines[anchor + 1 : anchor + 1] = inserts[anchor]
    path.write_text("".join(lines), encoding="utf-8")


def _lookup(data: object, path: YamlPath) -> object:
    for part in path:
        data = data[part]  # type: ignore[index]
    return data


def channel_paths(path: Path) -> dict[str, YamlPath]:
    """Each channel id → its YAML path, e.g. ("organizations", 0, "channels", 2)."""
    doc = read_yaml(path)
    found: dict[str, YamlPath] = {}
    for o_index, org in enumerate(doc.data["organizations"]):
        for c_index, channel in enumerate(org["channels"]):
            found[channel["id"]] = ("organizations", o_index, "channels", c_index)
    return found


def set_channel_fields(path: Path, channel_id: str, **values: Value) -> None:
    """Change fields of one channel, e.g. set_channel_fields(p, "x-phone", number="+7 800 …")."""
    where = channel_paths(path)[channel_id]
    edit_yaml(path, {(*where, key): value for key, value in values.items()})


def field_line(path: Path, channel_id: str, key: str) -> int:
    """The line of `key:` in one channel (or of its id when the key is missing)."""
    doc = read_yaml(path)
    return doc.line_of((*channel_paths(path)[channel_id], key))


def another_number(channel: PhoneChannel, taken: set[str]) -> str:
    """A different valid number that is free or not like the old one and rings in the same place."""
    from phonenumbers import geocoder  # here, not at the top: its place names cost about 0.3 CPU-s to load

    old = channel.parsed
    national = str(old.national_number)
    place = geocoder.description_for_number(old, "ru")
    toll_free = phonenumbers.number_type(old) == PhoneNumberType.TOLL_FREE
    for step in range(1, 2000):
        tail = (int(national[-4:]) + 37 * step) % 10000
        candidate = phonenumbers.parse(f"+{old.country_code}{national[:-4]}{tail:04d}")
        text = phonenumbers.format_number(candidate, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
        if (
            text not in taken
            and phonenumbers.is_valid_number(candidate)
            and (phonenumbers.number_type(candidate) == PhoneNumberType.TOLL_FREE) == toll_free
            and geocoder.description_for_number(candidate, "ru") == place
        ):
            taken.add(text)
            return text
    raise ValueError(f"no other number like {channel.number}")


def _new_url(url: object) -> str:
    text = str(url)
    return f"{text}novyi-razdel/" if text.endswith("/") else f"{text}/novyi-razdel"


def new_values(channel: Channel, checked: dt.date, taken: set[str]) -> dict[str, Value]:
    """Every value of one channel, changed; id, type, status, audience, region and free stay."""
    values: dict[str, Value] = {
        "label": f"{channel.label} (новое название)",
        "source": f"{channel.source} (перепроверено)",
        "checked": checked,
    }
    for optional in ("hours", "seen", "note"):
        old = getattr(channel, optional)
        if old:
            values[optional] = f"{old} Перепроверено."
    if isinstance(channel, PhoneChannel):
        values["number"] = another_number(channel, taken)
    elif isinstance(channel, EmailChannel):
        local, domain = channel.email.split("@")
        values["email"] = f"pisma-{local}@{domain}"
    elif isinstance(channel, AddressChannel):
        values["address"] = f"{channel.address}, пом. 7"
        if channel.postal_code:
            values["postal_code"] = f"{(int(channel.postal_code) + 1) % 1000000:06d}"
        if channel.recipient:
            values["recipient"] = f"{channel.recipient}, отдел претензий"
    url = getattr(channel, "url", None)
    if url is not None:
        values["url"] = _new_url(url)
    return values


def pages_using(docs: Path, channel_id: str) -> list[Path]:
    """Markdown pages that name this id in quotes (every macro call does)."""
    pattern = re.compile(rf"""(["']){re.escape(channel_id)}\1""")
    return sorted(p for p in docs.rglob("*.md") if pattern.search(p.read_text(encoding="utf-8")))


def switch_pages(docs: Path, old_id: str, new_id: str) -> list[Path]:
    """Point every macro call from `old_id` to `new_id`; the pages changed."""
    pattern = re.compile(rf"""(["']){re.escape(old_id)}\1""")
    changed = pages_using(docs, old_id)
    for page in changed:
        text = page.read_text(encoding="utf-8")
        page.write_text(pattern.sub(lambda m: f"{m.group(1)}{new_id}{m.group(1)}", text), encoding="utf-8")
    return changed


@dataclass(frozen=True)
class Retirement:
    retired: str
    replacement: str
    pages: tuple[str, ...]  # docs/… paths that used the retired contact


def choose_retirement(book: ContactBook, docs: Path) -> Retirement:
    """The live contact on most pages that has a live contact of the same type to replace it."""
    best: tuple[int, str, str, list[Path]] | None = None
    for channel in book.live():
        others = [c for c in book.live() if c.type == channel.type and c.id != channel.id]
        if not others:
            continue
        same_org = [c for c in others if book.owner[c.id].id == book.owner[channel.id].id]
        substitute = (same_org or others)[0]
        pages = pages_using(docs, channel.id)
        if best is None or len(pages) > best[0]:
            best = (len(pages), channel.id, substitute.id, pages)
    if best is None or best[0] == 0:
        raise ValueError("no live contact used by a page has a live contact of the same type")
    _, retired_id, replacement_id, used_on = best
    return Retirement(retired_id, replacement_id, tuple(f"docs/{p.relative_to(docs).as_posix()}" for p in used_on))


def rewrite_every_contact(project: Path, checked: dt.date) -> Retirement:
    """Change every contact value in `project` and retire one contact; the pages are not switched yet.

    EDITING.md, «change a contact»: edit the entry, update `source` and `checked`. «Retire one»: set
    `status: obsolete`, write a `note` and `replaced_by:`. The caller switches the pages with
    switch_pages() (the build names every page that still uses the retired contact until then).
    """
    path = project / CONTACTS
    book = load_contacts(path)
    retirement = choose_retirement(book, project / "docs")
    taken = {c.number for c in book.channels.values() if isinstance(c, PhoneChannel)}
    edits: dict[YamlPath, Value] = {}
    for o_index, org in enumerate(book.organizations):
        org_path: YamlPath = ("organizations", o_index)
        edits[(*org_path, "about")] = f"{org.about} Сведения перепроверены."
        if org.legal_name:
            edits[(*org_path, "legal_name")] = f"{org.legal_name} (новое наименование)"
    where = channel_paths(path)
    for channel in book.channels.values():
        for key, value in new_values(channel, checked, taken).items():
            edits[(*where[channel.id], key)] = value
    old, new = book.channels[retirement.retired], book.channels[retirement.replacement]
    edits[(*where[old.id], "status")] = "obsolete"
    edits[(*where[old.id], "note")] = "Больше не отвечает: номер и адрес сменились. Пользуйтесь новым каналом."
    edits[(*where[old.id], "replaced_by")] = new.id
    # Retired contacts that pointed at the one retired now are left as they are: the build follows their
    # chain to the new one (macros/contacts_data.py, ContactBook.replacement), so retiring takes one run.
    if old.hours and not new.hours:  # hours() on the switched pages needs them
        edits[(*where[new.id], "hours")] = "ежедневно с 9:00 до 21:00"
    edit_yaml(path, edits)
    return retirement



def main(argv: list[str] | None = None) -> int:
    """python -m sitebuild.contact_edits OUT: a copy of the project (code and tests included) with
    every contact value rewritten and one contact retired, its pages switched to the replacement."""
    import argparse
    import shutil

    from .project import CODE_PARTS, SITE_PARTS, copy_project

    parser = argparse.ArgumentParser(prog="python -m sitebuild.contact_edits", description=main.__doc__)
    parser.add_argument("out", type=Path)
    args = parser.parse_args(argv)
    if args.out.exists():
        shutil.rmtree(args.out)
    project = copy_project(args.out, SITE_PARTS + CODE_PARTS + ("Makefile", "mk", "requirements.lock"))
    retirement = rewrite_every_contact(project, dt.date.today() - dt.timedelta(days=1))
    switched = switch_pages(project / "docs", retirement.retired, retirement.replacement)
    print(
        f"{args.out}: every contact value rewritten; «{retirement.retired}» retired in favour of "
        f"«{retirement.replacement}» on {len(switched)} page(s)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
