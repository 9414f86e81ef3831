"""macros/host.py: the macros read the same things under mkdocs-macros and under Zensical 0.0.73.

Zensical is not installed for the tests (it lives in .venv-bench, for `make bench-build`); its env
is imitated with its own attribute names (tests/zensical_shapes.py cites the source).
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from mkdocs.utils.yaml import yaml_load

import macros
from macros.contacts_data import ContactsError, load_contacts_once
from macros.host import HostKind, HostPage, MacrosHost, UnknownHostError

from .conftest import ROOT
from .contact_picks import FIXTURE_CONTACTS, live_book, pick
from .test_macros import FakeEnv
from .zensical_shapes import ZensicalMacroEnv, ZensicalPage

SAMPLE_NAV: list[Any] = [
    {"Главная": "index.md"},
    {"Раздел": ["a.md", {"Назван": "sub/b.md"}, {"Вложенный": ["sub/c.md"]}]},
    "d.md",
]


def project_nav() -> list[Any]:
    with (ROOT / "mkdocs.yml").open(encoding="utf-8") as file:
        return yaml_load(file)["nav"]


def mkdocs_env(src_path: str, meta: dict[str, Any] | None = None, nav: list[Any] | None = None) -> FakeEnv:
    env = FakeEnv()
    env.conf["nav"] = nav if nav is not None else project_nav()
    env.page = SimpleNamespace(file=SimpleNamespace(src_path=src_path), meta=meta if meta is not None else {})
    return env


def zensical_env(src_path: str, meta: dict[str, Any] | None = None, nav: list[Any] | None = None) -> ZensicalMacroEnv:
    page = ZensicalPage(src_path, meta, url=src_path.removesuffix(".md") + "/")
    return ZensicalMacroEnv(ROOT, nav if nav is not None else project_nav(), page)


# --- recognising the host ---------------------------------------------------------------------


def test_mkdocs_shape() -> None:
    env = mkdocs_env("sub/page.md", {"short": "x"}, nav=SAMPLE_NAV)
    host = MacrosHost(env)
    assert host.kind is HostKind.MKDOCS_MACROS
    assert host.project_root == ROOT
    assert host.docs_dir == ROOT / "docs"
    assert host.page == HostPage("sub/page.md", {"short": "x"})
    assert host.page.meta is env.page.meta  # macros write contacts_used into the page's own dict
    assert host.nav() is env.conf["nav"]


def test_mkdocs_before_any_page() -> None:
    class TooEarly(FakeEnv):
        @property
        def page(self) -> Any:  # what mkdocs-macros' plugin does before on_page_markdown
            raise AttributeError("Too early: page information is not available at this stage!")

        @page.setter
        def page(self, value: Any) -> None:
            pass

    host = MacrosHost(TooEarly())
    assert host.page is None
    with pytest.raises(RuntimeError, match="no current page"):
        host.current_page()


def test_zensical_shape() -> None:
    env = zensical_env("sub/page.md", {"short": "x"}, nav=SAMPLE_NAV)
    host = MacrosHost(env)
    assert host.kind is HostKind.ZENSICAL
    assert host.project_root == ROOT
    assert host.docs_dir == ROOT / "docs"
    assert host.page == HostPage("sub/page.md", {"short": "x"})
    assert host.page.meta is env.page.meta
    assert host.nav() == SAMPLE_NAV  # back to mkdocs.yml's shape


def test_zensical_without_page_and_with_absolute_docs_dir(tmp_path: Path) -> None:
    env = ZensicalMacroEnv(ROOT, [], None, docs_dir=str(tmp_path))
    host = MacrosHost(env)
    assert host.page is None and host.docs_dir == tmp_path


def test_the_whole_project_nav_survives_zensicals_conversion() -> None:
    nav = project_nav()
    assert MacrosHost(ZensicalMacroEnv(ROOT, nav, None)).nav() == nav


@pytest.mark.parametrize(
    ("env", "message"),
    [
        (SimpleNamespace(page=None), "without a `conf` mapping"),
        (SimpleNamespace(conf={"docs_dir": "docs"}), "has neither"),
        (SimpleNamespace(conf={"config_file_path": "mkdocs.yml", "root_dir": "."}), "has both"),
    ],
)
def test_an_unknown_host_is_named(env: Any, message: str) -> None:
    with pytest.raises(UnknownHostError, match=message):
        macros.define_env(env)


# --- the macros give the same output under both hosts ----------------------------------------


def both(src_path: str, meta: dict[str, Any] | None = None) -> tuple[FakeEnv, ZensicalMacroEnv]:
    pair = mkdocs_env(src_path, dict(meta or {})), zensical_env(src_path, dict(meta or {}))
    for env in pair:
        macros.define_env(env)
    return pair


def test_guides_overview_is_the_same_under_both_hosts() -> None:
    on_mkdocs, on_zensical = both("index.md")
    overview = on_mkdocs.macros["guides_overview"]()
    assert "(zakaz-poteryalsya.md)" in overview
    assert on_zensical.macros["guides_overview"]() == overview


def test_contact_macros_and_short_answer_are_the_same_under_both_hosts() -> None:
    meta = {"short": "Напишите в чат.", "asked": ["где заказ"]}
    on_mkdocs, on_zensical = both("zakaz-poteryalsya.md", meta)
    book = live_book()
    a_phone, a_link = pick(book, "phone").id, pick(book, "chat", "web", "social").id
    for name, args in [("phone", (a_phone,)), ("link", (a_link, "чат")), ("short_answer", ())]:
        assert on_zensical.macros[name](*args) == on_mkdocs.macros[name](*args)
    assert on_zensical.page.meta["contacts_used"] == on_mkdocs.page.meta["contacts_used"] == [a_phone, a_link]


def test_errors_name_the_page_under_zensical() -> None:
    _, on_zensical = both("brak.md")
    with pytest.raises(macros.MacroUsageError, match=r'docs/brak\.md: \{\{ phone\("rpn-ekc-phon"\) \}\}'):
        on_zensical.macros["phone"]("rpn-ekc-phon")


# --- loaded the way Zensical loads it ---------------------------------------------------------

# zensical/extensions/macros.py `_load_module`: spec_from_file_location(module_name, candidate),
# module_from_spec, exec_module; nothing in sys.modules; again for every page.
LOAD_LIKE_ZENSICAL = textwrap.dedent(
    """
    import importlib.util, json, sys
    from pathlib import Path
    root = Path(sys.argv[1])
    # As under Zensical, the project folder is not on sys.path: `import macros` would fail.
    assert importlib.util.find_spec("macros") is None, "the test needs a sys.path without the project"
    shapes_spec = importlib.util.spec_from_file_location("zensical_shapes", root / "tests" / "zensical_shapes.py")
    shapes = importlib.util.module_from_spec(shapes_spec)
    shapes_spec.loader.exec_module(shapes)
    ZensicalMacroEnv, ZensicalPage = shapes.ZensicalMacroEnv, shapes.ZensicalPage
    pages = []
    for path in ("index.md", "zakaz-poteryalsya.md"):
        spec = importlib.util.spec_from_file_location("macros", root / "macros" / "__init__.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        env = ZensicalMacroEnv(root, json.loads(sys.argv[2]), ZensicalPage(path))
        module.define_env(env)
        pages.append({
            "macros": sorted(env.macros),
            "phone": env.macros["phone"](sys.argv[3]),
            "registered": sys.modules["macros"].__file__,
            "shared_submodules": module.load_contacts_once is sys.modules["macros"].load_contacts_once,
        })
    print(json.dumps(pages))
    """
)


def test_loaded_by_file_location_it_defines_the_same_macros() -> None:
    a_phone = pick(live_book(), "phone").id
    proc = subprocess.run(
        [sys.executable, "-c", LOAD_LIKE_ZENSICAL, str(ROOT), json.dumps(project_nav()), a_phone],
        capture_output=True, text=True, cwd="/",
    )
    assert proc.returncode == 0, proc.stderr
    pages = json.loads(proc.stdout)
    reference = mkdocs_env("index.md")
    macros.define_env(reference)
    assert len(pages) == 2
    for page in pages:
        assert page["macros"] == sorted(reference.macros)
        assert page["phone"] == reference.macros["phone"](a_phone)
        assert page["registered"] == str(ROOT / "macros" / "__init__.py")
        assert page["shared_submodules"]


# --- the contact book is read once while the file is unchanged --------------------------------


def test_contact_book_is_reused_until_the_file_changes(tmp_path: Path) -> None:
    path = tmp_path / "contacts.yml"
    text = FIXTURE_CONTACTS.read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    first = load_contacts_once(path)
    assert load_contacts_once(path) is first
    path.write_text(text.replace("label: Чат с поддержкой", "label: Чат поддержки"), encoding="utf-8")
    second = load_contacts_once(path)
    assert second is not first and second.channels["ozon-chat"].label == "Чат поддержки"
    path.write_text("organizations: []\n", encoding="utf-8")
    for _ in range(2):  # a broken file is never cached
        with pytest.raises(ContactsError, match="organizations"):
            load_contacts_once(path)
    with pytest.raises(ContactsError, match="file not found"):
        load_contacts_once(tmp_path / "missing.yml")
