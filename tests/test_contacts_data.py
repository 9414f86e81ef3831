"""data/contacts.yml: the real file loads, and every kind of mistake stops with line and fix."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from macros import contacts_schema
from macros.contacts_data import ContactsError, load_contacts

from .conftest import ROOT
from .contact_picks import FIXTURE_CONTACTS, LIVE_CONTACTS

# Loader tests break a frozen fixture, never the live file: an editor's change to a contact must
# not fail them (README, «change a contact»).
CONTACTS = FIXTURE_CONTACTS


def test_live_file_loads() -> None:
    book = load_contacts(LIVE_CONTACTS)
    assert book.channels and all(book.owner[cid].channels for cid in book.channels)


def test_fixture_loads_with_every_status() -> None:
    book = load_contacts(CONTACTS)
    statuses = {c.status for c in book.channels.values()}
    assert statuses == {"current", "unconfirmed", "obsolete"}
    assert book.channels["rpn-ekc-phone"].display == "8 (800) 555-49-43"
    assert book.channels["rpn-ekc-phone"].e164 == "+78005554943"


def test_live_and_obsolete_split_the_book() -> None:
    book = load_contacts(CONTACTS)
    live, obsolete = book.live(), book.obsolete()
    assert {c.id for c in live} | {c.id for c in obsolete} == set(book.channels)
    assert all(c.status != "obsolete" for c in live) and all(c.status == "obsolete" for c in obsolete)
    ozon = book.organization("ozon")
    assert book.live(ozon) == [c for c in live if book.owner[c.id] is ozon]


def test_committed_json_schema_is_current() -> None:
    committed = json.loads((ROOT / "schemas" / "contacts.schema.json").read_text(encoding="utf-8"))
    assert committed == contacts_schema.json_schema(), "run `make schema` and commit schemas/contacts.schema.json"


def test_yaml_points_editors_at_the_schema() -> None:
    first = LIVE_CONTACTS.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../schemas/contacts.schema.json"


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "contacts.yml"
    path.write_text(text, encoding="utf-8")
    return path


def _broken(tmp_path: Path, old: str, new: str, count: int = 1) -> Path:
    text = CONTACTS.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found: {old!r}"
    return _write(tmp_path, text.replace(old, new, count))


def _line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return number
    raise AssertionError(needle)


def _error(path: Path) -> str:
    with pytest.raises(ContactsError) as caught:
        load_contacts(path)
    return str(caught.value)


def test_bad_phone_names_line_and_format(tmp_path: Path) -> None:
    path = _broken(tmp_path, 'number: "+7 800 555-49-43"', 'number: "+7 800 555-49"')
    message = _error(path)
    line = _line_of(path, '"+7 800 555-49"')
    assert f"{path}:{line}:" in message
    assert "[rpn-ekc-phone].number" in message
    assert "not a valid phone number" in message and "+7 800 555-49-43" in message


def test_letters_in_phone_are_refused(tmp_path: Path) -> None:
    message = _error(_broken(tmp_path, 'number: "+7 800 555-49-43"', 'number: "звоните"'))
    assert "not a valid phone number" in message


def test_bad_email(tmp_path: Path) -> None:
    path = _broken(tmp_path, "email: help@ozon.ru", "email: help-at-ozon.ru")
    message = _error(path)
    assert f":{_line_of(path, 'help-at-ozon.ru')}:" in message
    assert "not a valid e-mail address" in message and "help@example.ru" in message


def test_plain_http_url_is_refused(tmp_path: Path) -> None:
    path = _broken(tmp_path, "url: https://petition.rospotrebnadzor.ru/", "url: http://petition.rospotrebnadzor.ru/")
    message = _error(path)
    assert f":{_line_of(path, 'http://petition')}:" in message
    assert "is not https" in message


def test_malformed_url(tmp_path: Path) -> None:
    message = _error(_broken(tmp_path, "url: https://zpp.rospotrebnadzor.ru/", "url: zpp rospotrebnadzor"))
    assert "[gis-zpp].url" in message and "https://" in message


def test_future_checked_date(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(contacts_schema, "today", lambda: dt.date(2026, 11, 22))
    path = _broken(tmp_path, "checked: 2026-11-22", "checked: 2026-12-01")
    message = _error(path)
    assert f":{_line_of(path, '2026-12-01')}:" in message
    assert "in the future" in message and "today is 2026-11-22" in message


def test_not_a_date(tmp_path: Path) -> None:
    message = _error(_broken(tmp_path, "checked: 2026-11-22", "checked: вчера"))
    assert "YYYY-MM-DD" in message


def test_unknown_status(tmp_path: Path) -> None:
    message = _error(_broken(tmp_path, "status: current", "status: active"))
    assert "'current', 'unconfirmed' or 'obsolete'" in message


def test_unknown_field_is_refused(tmp_path: Path) -> None:
    label = "        label: Чат с поддержкой\n"
    path = _broken(tmp_path, label, label + "        lable: опечатка\n")
    message = _error(path)
    assert f":{_line_of(path, 'lable:')}:" in message
    assert "unknown field «lable»" in message


def test_missing_field(tmp_path: Path) -> None:
    message = _error(_broken(tmp_path, "        region: вся Россия\n", ""))
    assert "required field «region» is missing" in message


def test_unknown_channel_type(tmp_path: Path) -> None:
    message = _error(_broken(tmp_path, "type: social", "type: fax"))
    assert "unknown type «fax»" in message and "phone, email" in message


def test_duplicate_yaml_key(tmp_path: Path) -> None:
    path = _broken(tmp_path, "        free: true\n", "        free: true\n        free: false\n")
    message = _error(path)
    assert "key «free» appears twice" in message
    assert f"contacts.yml:{_line_of(path, 'free: false')}: " in message


def test_duplicate_channel_id(tmp_path: Path) -> None:
    message = _error(_broken(tmp_path, "id: ozon-phone-moscow", "id: ozon-phone-free"))
    assert "channel id «ozon-phone-free» is used twice" in message


def test_replaced_by_must_exist(tmp_path: Path) -> None:
    message = _error(_broken(tmp_path, "replaced_by: ozon-chat", "replaced_by: ozon-chta"))
    assert "replaced_by «ozon-chta» names no channel" in message and "ozon-chat" in message


def _repoint(text: str, channel_id: str, target: str) -> str:
    """The fixture with `channel_id`'s replaced_by set to `target`."""
    start = text.index(f"      - id: {channel_id}\n")
    end = text.index("replaced_by: ", start)
    line_end = text.index("\n", end)
    return text[:end] + f"replaced_by: {target}" + text[line_end:]


def test_replaced_by_may_pass_through_retired_contacts(tmp_path: Path) -> None:
    """Retiring a contact that older retired ones point to takes one run: their chains are followed."""
    book = load_contacts(CONTACTS)
    first, second = [c for c in book.obsolete() if c.replaced_by][:2]
    end = book.channels[second.replaced_by or ""]
    text = _repoint(CONTACTS.read_text(encoding="utf-8"), first.id, second.id)
    chained = load_contacts(_write(tmp_path, text))
    assert chained.channels[first.id].replaced_by == second.id
    assert chained.replacement(chained.channels[first.id]) == end and end.status != "obsolete"


def test_a_loop_of_replacements_is_refused_at_its_line(tmp_path: Path) -> None:
    book = load_contacts(CONTACTS)
    first, second = [c for c in book.obsolete() if c.replaced_by][:2]
    text = _repoint(_repoint(CONTACTS.read_text(encoding="utf-8"), first.id, second.id), second.id, first.id)
    path = _write(tmp_path, text)
    message = _error(path)
    assert f"replaced_by leads round in a loop ({first.id} → {second.id} → {first.id})" in message
    assert f"contacts.yml:{_line_of(path, f'replaced_by: {second.id}')}: " in message


def test_unconfirmed_needs_seen(tmp_path: Path) -> None:
    message = _error(_broken(tmp_path, "        seen: только в статье-источнике\n", ""))
    assert "needs «seen:»" in message


def test_banned_social_network(tmp_path: Path) -> None:
    message = _error(_broken(tmp_path, "network: Telegram", "network: Instagram"))
    assert "[ozon-telegram].network" in message


def test_bad_id(tmp_path: Path) -> None:
    message = _error(_broken(tmp_path, "id: ozon-email", "id: Ozon Email"))
    assert "is not a valid id" in message


def test_yaml_syntax_error(tmp_path: Path) -> None:
    path = _broken(tmp_path, "    about: Рассматривают иски", "    about: [Рассматривают иски")
    message = _error(path)
    assert re.search(rf"{re.escape(str(path))}:\d+: this is not valid YAML", message)


def test_all_problems_reported_at_once(tmp_path: Path) -> None:
    text = CONTACTS.read_text(encoding="utf-8")
    text = text.replace("email: help@ozon.ru", "email: nope").replace('number: "+7 495 009-70-70"', 'number: "123"')
    message = _error(_write(tmp_path, text))
    assert "e-mail" in message and "phone number" in message
