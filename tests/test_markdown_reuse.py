"""ozon/nav_cache's one Markdown converter for every page converts each page as a new converter would.

The state a converter keeps from one document to the next is what could leak: abbreviations, link
references, tab and code-block counters, the table of contents and its ids, the raw HTML stash. Pages that
define or use each of them are converted one after another, in both orders, by the reused converter and by
a new converter each, and every page's HTML and table of contents must be the same; so must every page of
docs/ (tests/test_nav_cache.py builds the whole site with and without the plugin).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import markdown
import pytest
from mkdocs.config import load_config
from mkdocs.structure import pages

from macros.front_matter import front_matter_block
from ozon_help.plugins.nav_cache import markdown_reuse
from ozon_help.plugins.problems import BuildProblems

from .conftest import ROOT

pytestmark = pytest.mark.machinery

# One page each for what a converter remembers between documents, and pages that would show it if it leaked.
STATEFUL_PAGES = [
    "*[ЗоЗПП]: Закон о защите прав потребителей\n\nЗоЗПП защищает покупателя.\n",
    "ЗоЗПП без определения на этой странице.\n",
    "[жалоба][form]\n\n[form]: https://example.org/form\n",
    "Ссылка [жалоба][form] без определения.\n",
    '=== "Телефон"\n\n    Позвоните.\n\n=== "Чат"\n\n    Напишите.\n',
    '=== "Почта"\n\n    Отправьте письмо.\n',
    "```text\nпервый блок\n```\n\n```python\nx = 1\n```\n",
    "```text\nвторой\n```\n",
    "# Заголовок\n\n## Коротко { #korotko }\n\n## Подробно\n\n### Шаг\n",
    "## Коротко { #korotko }\n\n## Подробно\n",
    '<div class="card" markdown>\n**жирный** и <span>сырой HTML</span>\n</div>\n\n<p>абзац</p>\n',
    '!!! warning "Срок"\n    Десять дней.\n\n??? note "Подробнее"\n    Скрыто.\n',
    "- [x] чек сохранён\n- [ ] претензия\n\nТермин\n:   Определение.\n\nТекст { .lead }\n",
    "| Что | Куда |\n|---|---|\n| брак | продавцу |\n",
]


def _project_markdown_options() -> tuple[list[Any], dict[str, Any]]:
    config = load_config(str(ROOT / "mkdocs.yml"))
    return config["markdown_extensions"], config["mdx_configs"]


def _docs_pages() -> list[str]:
    texts = []
    for path in sorted((ROOT / "docs").rglob("*.md")):
        text = path.read_text(encoding="utf-8-sig")
        found = front_matter_block(text)
        texts.append(text[found[1]:] if found else text)
    return texts


def _converted(texts: list[str], make: Any) -> Iterator[tuple[str, Any]]:
    for text in texts:
        converter = make()
        yield converter.convert(text), getattr(converter, "toc_tokens", None)


@pytest.mark.parametrize("order", ["forward", "backward"])
def test_a_reused_converter_converts_every_page_as_a_new_one(order: str) -> None:
    extensions, configs = _project_markdown_options()
    texts = STATEFUL_PAGES + _docs_pages()
    if order == "backward":
        texts.reverse()
    reused = markdown_reuse.ReusedMarkdown()
    made = list(_converted(texts, lambda: reused.make(extensions=extensions, extension_configs=configs)))
    fresh = list(_converted(texts, lambda: markdown.Markdown(extensions=extensions, extension_configs=configs)))
    differ = [text[:40] for text, a, b in zip(texts, made, fresh, strict=True) if a != b]
    assert not differ, f"pages the reused converter converted differently: {differ}"
    # The pages above do use the state: a leak would have shown.
    assert "<abbr" in fresh[texts.index(STATEFUL_PAGES[0])][0]
    assert "__tabbed_1_1" in fresh[texts.index(STATEFUL_PAGES[5])][0]


def test_the_converter_is_reused_only_for_the_same_options() -> None:
    extensions, configs = _project_markdown_options()
    reused = markdown_reuse.ReusedMarkdown()
    first = reused.make(extensions=extensions, extension_configs=configs)
    assert reused.make(extensions=extensions, extension_configs=configs) is first
    assert reused.make(extensions=list(extensions), extension_configs=configs) is not first  # another list
    second = reused.make(extensions=extensions, extension_configs=configs)
    extensions.append("nl2br")  # the same list, changed: a converter with the new extension
    third = reused.make(extensions=extensions, extension_configs=configs)
    assert third is not second and "<br" in third.convert("а\nб")
    configs.setdefault("toc", {})["permalink"] = False  # the same settings, changed
    assert reused.make(extensions=extensions, extension_configs=configs) is not third
    other = reused.make(extensions=extensions, extension_configs=configs, tab_length=2)  # asked for more
    assert other.tab_length == 2
    plain = markdown_reuse.ReusedMarkdown()  # no settings: MkDocs passes a new {} for each page
    toc_only = plain.make(extensions=(names := ["toc"]), extension_configs={})
    assert plain.make(extensions=names, extension_configs={}) is toc_only


def test_install_stands_in_for_page_render_and_uninstall_puts_markdown_back() -> None:
    reused = markdown_reuse.ReusedMarkdown()
    markdown_reuse.install(reused)
    try:
        module = vars(pages)["markdown"]
        assert module is not markdown and module.Markdown == reused.make
        assert module.util is markdown.util and module.extensions is markdown.extensions
        markdown_reuse.install(markdown_reuse.ReusedMarkdown())  # a build that ended without on_post_build
    finally:
        markdown_reuse.uninstall()
    assert vars(pages)["markdown"] is markdown


def test_the_build_stops_naming_the_file_when_page_render_changes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(markdown_reuse, "RENDER_CALL", "md = markdown.Markdown(extensions=something_else,")
    with pytest.raises(BuildProblems) as raised:
        markdown_reuse.install(markdown_reuse.ReusedMarkdown())
    assert vars(pages)["markdown"] is markdown
    (problem,) = raised.value.problems
    assert problem.path == "ozon_help/plugins/nav_cache/markdown_reuse.py" and "Page.render" in problem.message
