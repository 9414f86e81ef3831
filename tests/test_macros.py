"""The macros: each renders from the data, escapes it, and refuses misuse with page and id."""

from __future__ import annotations

import shutil

from pathlib import Path
from types import SimpleNamespace
from typing import Any, Callable

import pytest

import macros
from macros import MacroUsageError

from .conftest import ROOT
from .contact_picks import FIXTURE_CONTACTS, FIXTURE_ROOT


class FakeEnv:
    """The part of mkdocs-macros' env that define_env uses."""

    def __init__(self, root: Path = ROOT) -> None:
        self.conf = {"config_file_path": str(root / "mkdocs.yml"), "docs_dir": str(root / "docs"), "nav": []}
        self.variables: dict[str, Any] = {}
        self.macros: dict[str, Callable[..., str]] = {}
        self.page = SimpleNamespace(file=SimpleNamespace(src_path="sample.md"), meta={})

    def macro(self, function: Callable[..., str]) -> Callable[..., str]:
        self.macros[function.__name__] = function
        return function


@pytest.fixture
def env() -> FakeEnv:
    """Macros over the frozen fixture contacts (tests/fixtures/contacts/), so exact values can be asserted."""
    fake = FakeEnv(FIXTURE_ROOT)
    macros.define_env(fake)
    return fake


def test_phone_is_tel_link_in_national_format(env: FakeEnv) -> None:
    html = env.macros["phone"]("rpn-ekc-phone")
    assert '<a class="contact-value" href="tel:+78005554943">8 (800) 555-49-43</a>' in html
    assert "не подтверждён" not in html


def test_unconfirmed_phone_has_mark_with_where_and_when(env: FakeEnv) -> None:
    html = env.macros["phone"]("ozon-phone-free")
    assert "contact--unconfirmed" in html
    # Never a title (Material's tooltips copy titles as HTML): a data-tip shown by CSS, and aria-label.
    from html import escape

    from macros.contacts_data import load_contacts

    seen = escape(f"Где видели: {load_contacts(FIXTURE_CONTACTS).channels['ozon-phone-free'].seen}.")
    assert f'aria-label="не подтверждён. {seen}' in html and f'data-tip="{seen}' in html
    assert "title=" not in html
    assert "Проверяли 22.11.2026." in html


def test_email_is_mailto(env: FakeEnv) -> None:
    assert 'href="mailto:help@ozon.ru"' in env.macros["email"]("ozon-email")


def test_address_has_recipient_and_postcode(env: FakeEnv) -> None:
    html = env.macros["address"]("ozon-address")
    assert html.startswith("ООО «Интернет Решения», ")
    assert "123112, г. Москва, Пресненская наб., д. 10, блок С" in html


def test_link_uses_label_or_given_text(env: FakeEnv) -> None:
    assert '>Электронная приёмная Роспотребнадзора</a>' in env.macros["link"]("rpn-petition")
    assert '>подать жалобу</a>' in env.macros["link"]("rpn-petition", "подать жалобу")


def test_hours(env: FakeEnv) -> None:
    assert env.macros["hours"]("rpn-ekc-phone") == "круглосуточно"


def test_hours_missing_is_an_error(env: FakeEnv) -> None:
    with pytest.raises(MacroUsageError, match=r'docs/sample.md: \{\{ hours\("rpn-petition"\) \}\}: no «hours:»'):
        env.macros["hours"]("rpn-petition")


def test_contact_card(env: FakeEnv) -> None:
    html = env.macros["contact"]("rpn-ekc-phone")
    assert 'class="contact-card contact-card--current"' in html
    assert "Единый консультационный центр Роспотребнадзора" in html
    assert "вся Россия, бесплатно" in html and "Часы работы: круглосуточно" in html
    assert "Проверен 22.11.2026" in html


def test_contacts_table_lists_live_channels_only(env: FakeEnv) -> None:
    html = env.macros["contacts_table"]("ozon")
    assert 'data-contact="ozon-chat"' in html and 'data-contact="ozon-phone-free"' in html
    assert "ozon-phone-old-free" not in html and "234-60-06" not in html


def test_unknown_id_names_page_and_suggests(env: FakeEnv) -> None:
    with pytest.raises(MacroUsageError) as caught:
        env.macros["phone"]("rpn-ekc-phon")
    message = str(caught.value)
    assert "docs/sample.md" in message and 'phone("rpn-ekc-phon")' in message
    assert "no contact with this id in data/contacts.yml" in message and "'rpn-ekc-phone'" in message


def test_obsolete_contact_cannot_be_rendered(env: FakeEnv) -> None:
    """Every use is collected, then the build stops once with all of them (on_post_build)."""
    for macro in ("phone", "contact"):
        env.macros[macro]("ozon-phone-old-free")
    env.page = SimpleNamespace(file=SimpleNamespace(src_path="other.md"), meta={})
    env.macros["phone"]("ozon-phone-old-free")
    with pytest.raises(MacroUsageError) as caught:
        macros.on_post_build(env)
    lines = str(caught.value).splitlines()
    assert lines[0].startswith("3 call(s) still show an obsolete contact")
    assert [line.split(": ")[0] for line in lines[1:]] == ["docs/sample.md", "docs/sample.md", "docs/other.md"]
    # ozon-chat, the replacement, is a chat: phone() cannot show it, so the advice names another macro.
    assert "Its replacement «ozon-chat» is a chat: use {{" in lines[1]
    assert 'Use {{ contact("ozon-chat") }} instead' in lines[2]


def test_obsolete_advice_keeps_the_macro_when_it_can_show_the_replacement(tmp_path: Path) -> None:
    project = tmp_path / "p"
    (project / "data").mkdir(parents=True)
    text = FIXTURE_CONTACTS.read_text(encoding="utf-8")
    old_moscow = text.index("id: ozon-phone-old-moscow")
    text = text[:old_moscow] + text[old_moscow:].replace("replaced_by: ozon-chat", "replaced_by: ozon-phone-moscow", 1)
    (project / "data" / "contacts.yml").write_text(text, encoding="utf-8")
    shutil.copy(FIXTURE_ROOT / "data" / "law.yml", project / "data" / "law.yml")
    fake = FakeEnv(project)
    macros.define_env(fake)
    fake.macros["phone"]("ozon-phone-old-moscow")
    with pytest.raises(MacroUsageError, match=r'Use \{\{ phone\("ozon-phone-moscow"\) \}\} instead'):
        macros.on_post_build(fake)


def test_no_obsolete_use_no_error(env: FakeEnv) -> None:
    env.macros["phone"]("rpn-ekc-phone")
    macros.on_post_build(env)  # nothing to report


def test_wrong_macro_for_type(env: FakeEnv) -> None:
    with pytest.raises(MacroUsageError, match="is a chat, not what phone"):
        env.macros["phone"]("ozon-chat")


def test_unknown_organization(env: FakeEnv) -> None:
    with pytest.raises(MacroUsageError, match="no organization with this id.*'ozon'"):
        env.macros["contacts_table"]("ozn")


def test_yaml_text_is_escaped(tmp_path: Path) -> None:
    project = tmp_path / "p"
    (project / "data").mkdir(parents=True)
    text = FIXTURE_CONTACTS.read_text(encoding="utf-8")
    text = text.replace("label: Чат с поддержкой", 'label: "<script>alert(1)</script> чат"')
    (project / "data" / "contacts.yml").write_text(text, encoding="utf-8")
    shutil.copy(FIXTURE_ROOT / "data" / "law.yml", project / "data" / "law.yml")
    fake = FakeEnv(project)
    macros.define_env(fake)
    html = fake.macros["contact"]("ozon-chat")
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt; чат" in html


def test_bad_contacts_file_stops_define_env(tmp_path: Path) -> None:
    project = tmp_path / "p"
    (project / "data").mkdir(parents=True)
    (project / "data" / "contacts.yml").write_text("organizations: []\n", encoding="utf-8")
    with pytest.raises(macros.PluginError, match="organizations"):
        macros.define_env(FakeEnv(project))


def test_short_answer_needs_front_matter(env: FakeEnv) -> None:
    with pytest.raises(MacroUsageError, match="no «short:» in its front matter"):
        env.macros["short_answer"]()


def test_short_answer_heading_without_asked(env: FakeEnv) -> None:
    """`asked:` feeds search from front matter (ozon/search_ru); readers do not see the raw list."""
    env.page.meta.update(short="Ответ.", asked=["озон потерял посылку"])
    out = env.macros["short_answer"]()
    assert out.startswith("## Коротко { #korotko }\n\n<p>Ответ.</p>")
    assert "озон потерял посылку" not in out and "Как ещё спрашивают" not in out


def test_description_comes_from_short() -> None:
    page_env = FakeEnv()
    page_env.page.meta["short"] = "Напишите в [чат](x.md) **сразу**."
    macros.on_pre_page_macros(page_env)
    assert page_env.page.meta["description"] == "Напишите в чат сразу."


@pytest.mark.parametrize(
    ("macro", "args"),
    [
        ("phone", ("rpn-ekc-phon",)),  # an unknown id
        ("phone", ("ozon-chat",)),  # a channel the macro cannot show
        ("hours", ("rpn-petition",)),  # a channel with no hours
        ("contacts_table", ("ozn",)),  # an unknown organization
        ("law", ("no-such-rule",)),
        ("law_changes", ("двадцать",)),
        ("short_answer", ()),  # a page without «short:»
    ],
)
def test_a_wrong_call_says_what_is_wrong_and_the_fix_apart(env: FakeEnv, macro: str, args: tuple[str, ...]) -> None:
    """The page's Problem gets the fix as its own field (the terminal and `make serve`'s page show «Fix:»),
    and the message does not say it a second time."""
    with pytest.raises(MacroUsageError) as caught:
        env.macros[macro](*args)
    error = caught.value
    assert error.fix and "Fix:" not in error.detail
    assert str(error) == f"{error.detail.rstrip('.')}. Fix: {error.fix}"
    assert error.fix not in error.detail
