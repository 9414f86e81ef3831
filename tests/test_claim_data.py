"""The claim builder's recipients come from data/contacts.yml through the claim_data macro."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

import macros
from macros import MacroUsageError
from macros.claim_calendar import calendar_data
from macros.claim_data import ClaimDataError, claim_data, script_block
from macros.contacts_data import load_contacts

from .conftest import ROOT
from .contact_picks import live_book, pick
from .test_macros import FakeEnv

CLAIM_JS = ROOT / "docs" / "assets" / "claim"


@pytest.fixture
def env() -> FakeEnv:
    fake = FakeEnv()
    macros.define_env(fake)
    return fake


def embedded(html: str) -> dict:
    match = re.search(r'<script type="application/json" id="claim-data">(.*?)</script>', html, re.S)
    assert match, html
    return json.loads(match.group(1))


def test_macro_embeds_recipients_from_the_data_file(env: FakeEnv) -> None:
    book = load_contacts(ROOT / "data" / "contacts.yml")
    data = embedded(env.macros["claim_data"](ozon="ozon-address", rospotrebnadzor="rpn-reception-address"))[
        "recipients"
    ]
    for role, channel_id in (("ozon", "ozon-address"), ("rospotrebnadzor", "rpn-reception-address")):
        channel = book.channels[channel_id]
        assert data[role]["display"] == channel.display
        assert data[role]["recipient"] == channel.recipient
        assert data[role]["status"] == channel.status
        assert data[role]["seen"] == channel.seen
    assert env.page.meta["contacts_used"] == ["ozon-address", "rpn-reception-address"]


def test_values_cannot_close_the_script_tag() -> None:
    block = script_block({"x": "</script><script>alert(1)</script> & <!--"})
    assert block.count("</script>") == 1
    assert json.loads(block.split(">", 1)[1].rsplit("</script>", 1)[0]) == {
        "x": "</script><script>alert(1)</script> & <!--"
    }


def test_obsolete_unknown_and_non_address_ids_stop_the_build(env: FakeEnv) -> None:
    book = live_book()
    retired, other_retired = [c.id for c in book.obsolete() if c.type == "address"][:2]
    address = pick(book, "address").id
    not_address = pick(book, "email", "phone").id
    # a retired address is listed with every other retired contact and the build stops when it ends
    assert env.macros["claim_data"](old=retired) == ""
    with pytest.raises(MacroUsageError, match=rf"sample\.md.*{retired}.*obsolete"):
        macros.on_post_build(env)
    with pytest.raises(MacroUsageError, match=rf"no contact with this id.*Did you mean '{address}'"):
        env.macros["claim_data"](ozon=address[:3] + address[4:])  # one letter missing
    with pytest.raises(MacroUsageError, match=rf"{not_address}.*is a .*needs an address"):
        env.macros["claim_data"](ozon=not_address)
    with pytest.raises(ClaimDataError, match="obsolete"):
        claim_data(book, {"old": other_retired})


def test_no_contact_is_typed_into_the_builder_scripts() -> None:
    """Every phone, e-mail and address lives in data/contacts.yml; the scripts only read the page."""
    book = load_contacts(ROOT / "data" / "contacts.yml")
    values: list[str] = []
    for channel in book.channels.values():
        for attribute in ("number", "email", "address", "postal_code"):
            value = getattr(channel, attribute, None)
            if value:
                values.append(str(value))
        recipient = getattr(channel, "recipient", None)
        if recipient and "«" in recipient:  # a legal name such as ООО «…»; a bare agency name may appear in prose
            values.append(recipient)
    values += [c.e164 for c in book.channels.values() if hasattr(c, "e164")]
    scripts = {path.name: path.read_text(encoding="utf-8") for path in CLAIM_JS.glob("*.js")}
    assert scripts, "no scripts found"
    for name, text in scripts.items():
        for value in values:
            assert value not in text, (
                f"docs/assets/claim/{name} contains the contact «{value}»: read it from the claim-data block"
            )


def test_built_page_carries_the_data_and_loads_only_local_scripts(built_site) -> None:
    html = (built_site.site / "konstruktor-pretenzii" / "index.html").read_text(encoding="utf-8")
    data = embedded(html)
    assert data["recipients"]["ozon"]["status"] in {"current", "unconfirmed"}
    calendar = data["calendar"]
    assert calendar["first"] <= calendar["nonWorking"][0] and calendar["nonWorking"][-1] <= calendar["last"]
    sources = re.findall(r'<script[^>]+src="([^"]+)"', html)
    assert "../assets/claim/form.js" in sources
    assert not [s for s in sources if "://" in s or s.startswith("//")], sources
    assert (built_site.site / "assets" / "claim" / "form.js").exists()


def test_the_block_carries_the_calendar_generated_at_build_time() -> None:
    book = load_contacts(ROOT / "data" / "contacts.yml")
    data = claim_data(book, {"ozon": "ozon-address"}, today=dt.date(2026, 6, 1))
    calendar = data["calendar"]
    assert calendar == calendar_data(dt.date(2026, 6, 1))
    block = embedded(script_block(data))
    assert "2026-01-09" in block["calendar"]["nonWorking"] and block["calendar"]["last"] == "2027-12-31"
