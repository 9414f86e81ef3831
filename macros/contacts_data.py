"""Load data/contacts.yml into a validated, indexed ContactBook.

Every problem is reported at its line with the fix (a Problem of macros/problems.py), all of them
at once, so an editor fixes the file in one pass.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from pydantic import ValidationError

from .contacts_schema import CHANNEL_TYPES, Channel, ContactsFile, Organization
from .problems import Problem, ProblemsError, Wording, pydantic_problems
from .yaml_source import YamlDocument, YamlSourceError, read_yaml, shown


class ContactsError(ProblemsError):
    """data/contacts.yml is malformed; `problems` holds every problem with its line."""


@dataclass(frozen=True)
class ContactBook:
    organizations: tuple[Organization, ...]
    channels: dict[str, Channel]
    owner: dict[str, Organization]
    lines: dict[str, int] = field(default_factory=dict)
    path: Path = Path("data/contacts.yml")

    def live(self, org: Organization | None = None) -> list[Channel]:
        """The channels a page may show: all but the obsolete ones (of one organization, if given)."""
        pool = org.channels if org is not None else self.channels.values()
        return [c for c in pool if c.status != "obsolete"]

    def obsolete(self) -> list[Channel]:
        """The channels no page may show; only the page of outdated contacts lists them."""
        return [c for c in self.channels.values() if c.status == "obsolete"]

    def replacement(self, channel: Channel) -> Channel | None:
        """The live channel an obsolete one leads to, following «replaced_by» through other retired ones
        (retiring a contact that older retired ones point to then takes one run); None when the chain
        ends without one. load_contacts refuses loops and unknown ids."""
        seen = {channel.id}
        while channel.replaced_by:
            following = self.channels.get(channel.replaced_by)
            if following is None or following.id in seen:
                return None
            if following.status != "obsolete":
                return following
            seen.add(following.id)
            channel = following
        return None

    def organization(self, org_id: str) -> Organization:
        for org in self.organizations:
            if org.id == org_id:
                return org
        raise KeyError(org_id)

    def suggest(self, wrong_id: str, pool: list[str] | None = None) -> str:
        pool = pool if pool is not None else list(self.channels)
        close = difflib.get_close_matches(wrong_id, pool, n=3, cutoff=0.5)
        return f" Did you mean {', '.join(repr(c) for c in close)}?" if close else ""


# What contacts.yml's messages say beyond the shared ones (macros/problems.py).
WORDING = Wording(
    spelling_fix="delete it or check its spelling (see schemas/contacts.schema.json)",
    id_fields=frozenset({"id", "replaced_by"}),
    id_example="ozon-chat",
    patterns={"postal_code": ("a postal code", 'write six digits in quotes, like "123112"')},
    choices={"type": CHANNEL_TYPES},
)


def _cross_check(book_file: ContactsFile, doc: YamlDocument) -> list[Problem]:
    problems: list[Problem] = []
    where = shown(doc.path)
    org_seen: dict[str, int] = {}
    chan_seen: dict[str, int] = {}
    all_channels: dict[str, Channel] = {}
    for o_index, org in enumerate(book_file.organizations):
        line = doc.line_of(("organizations", o_index, "id"))
        if org.id in org_seen:
            twice = f"organization id «{org.id}» is used twice (also line {org_seen[org.id]})"
            problems.append(Problem(where, line, twice, "rename one"))
        org_seen.setdefault(org.id, line)
        for c_index, channel in enumerate(org.channels):
            line = doc.line_of(("organizations", o_index, "channels", c_index, "id"))
            if channel.id in chan_seen:
                problems.append(Problem(
                    where, line, f"channel id «{channel.id}» is used twice (also line {chan_seen[channel.id]})",
                    "rename one: ids must be unique across the whole file",
                ))
            chan_seen.setdefault(channel.id, line)
            all_channels.setdefault(channel.id, channel)
    for o_index, org in enumerate(book_file.organizations):
        for c_index, channel in enumerate(org.channels):
            target = channel.replaced_by
            if not target:
                continue
            line = doc.line_of(("organizations", o_index, "channels", c_index, "replaced_by"))
            if target not in all_channels:
                hint = difflib.get_close_matches(target, list(all_channels), n=1)
                fix = f"did you mean «{hint[0]}»?" if hint else "write the id of a current channel"
                problems.append(Problem(where, line, f"replaced_by «{target}» names no channel", fix))
            else:
                loop = _replacement_loop(channel.id, all_channels)
                if loop:
                    problems.append(Problem(
                        where, line, f"replaced_by leads round in a loop ({' → '.join(loop)})",
                        "point one of them to a current channel",
                    ))
    return problems


def _replacement_loop(start: str, channels: dict[str, Channel]) -> list[str]:
    """The ids of a «replaced_by» loop that starts at `start`, or [] (a chain may pass through retired
    channels: the macros follow it to the live one at its end)."""
    path = [start]
    current = channels[start]
    while current.replaced_by and current.replaced_by in channels:
        if current.replaced_by in path:
            return [*path, current.replaced_by] if current.replaced_by == start else []
        path.append(current.replaced_by)
        current = channels[current.replaced_by]
    return []


# Every channel is validated, rendered on its pages and listed in the booklet: 100 000 of them made a
# 97 MB booklet. The file holds some 50 today.
MAX_CHANNELS = 1000


def _over_the_bound(doc: YamlDocument) -> Problem | None:
    """The refusal for a file with more channels than MAX_CHANNELS, before any of them is validated."""
    organizations = doc.data.get("organizations") if isinstance(doc.data, dict) else None
    if not isinstance(organizations, list):
        return None  # the schema says what is wrong
    lists = [o.get("channels") for o in organizations if isinstance(o, dict)]
    count = sum(len(channels) for channels in lists if isinstance(channels, list))
    if count <= MAX_CHANNELS:
        return None
    return Problem(
        shown(doc.path), doc.line_of(("organizations",)),
        f"{count} channels; the limit is {MAX_CHANNELS} (macros/contacts_data.py, MAX_CHANNELS)",
        "keep the contacts readers use; retire the rest",
    )


def load_contacts(path: Path) -> ContactBook:
    """Read, validate and index the contacts file, or raise ContactsError listing every problem."""
    try:
        doc = read_yaml(path)
    except YamlSourceError as error:
        raise ContactsError([error.problem()]) from None
    except FileNotFoundError:
        missing = Problem(shown(path), 1, "file not found", "the site needs its contacts file there")
        raise ContactsError([missing]) from None
    too_many = _over_the_bound(doc)
    if too_many:
        raise ContactsError([too_many])
    try:
        book_file = ContactsFile.model_validate(doc.data)
    except ValidationError as error:
        raise ContactsError(pydantic_problems(error, doc.data, doc.line_of, shown(path), WORDING)) from None
    problems = _cross_check(book_file, doc)
    if problems:
        raise ContactsError(problems)
    channels: dict[str, Channel] = {}
    owner: dict[str, Organization] = {}
    lines: dict[str, int] = {}
    for o_index, org in enumerate(book_file.organizations):
        for c_index, channel in enumerate(org.channels):
            channels[channel.id] = channel
            owner[channel.id] = org
            lines[channel.id] = doc.line_of(("organizations", o_index, "channels", c_index, "id"))
    return ContactBook(tuple(book_file.organizations), channels, owner, lines, path)


def load_contacts_once(path: Path) -> ContactBook:
    """load_contacts, read again only when the file changes (its size or modification time).

    Zensical 0.0.73 calls define_env for every page (macros/host.py); reading and validating the
    file each time cost about 15 ms a page. A file with errors is never cached: it raises every time.
    """
    try:
        stat = path.stat()
    except FileNotFoundError:
        return load_contacts(path)  # raises ContactsError naming the file
    return _load_contacts_cached(path, stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=4)
def _load_contacts_cached(path: Path, mtime_ns: int, size: int) -> ContactBook:
    return load_contacts(path)

