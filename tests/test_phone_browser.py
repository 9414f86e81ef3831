"""Phone first (issue 15): the chooser fits the first screen, no page scrolls sideways, wide tables say so.

Sizes are the issue's: a 390×844 phone, a 1366×900 laptop, and 360 px, the narrowest common phone.
"""

from __future__ import annotations

import posixpath

import pytest
from playwright.sync_api import expect

from .conftest import ROOT, BuildResult
from .phone_walk import NARROW_360, PHONE_WALK_GROUP, phone_walk
from .site_pages import axe_violations, describe
from .situations import chooser_situations

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}
NARROW = {"width": 360, "height": 800}

# The situations the chooser's markup offers (docs/index.md), as page files.
SITUATION_PAGES = {situation.page for situation in chooser_situations(ROOT / "docs" / "index.md")}
TOOL_PAGES = {"konstruktor-pretenzii", "pechat"}

# Every link of the chooser and of the tools row, with its box in the layout viewport.
CHOOSER_LINKS_JS = """() => [...document.querySelectorAll('.situations a, .home-tools a')].map(a => {
  const box = a.getBoundingClientRect();
  return {href: a.getAttribute('href'), text: a.innerText.trim(), top: box.top, bottom: box.bottom,
          left: box.left, right: box.right, height: box.height};
})"""


@pytest.fixture
def sized_page(page, request):
    """A tab with the viewport given by the test's `viewport` parameter, sized before it loads anything.

    A tab of the shared context (conftest `page`) instead of a context of that size: a tab sized this way is
    laid out as one opened at the size (tests/test_reflow_browser.py proves it even for a resized page).
    """
    page.set_viewport_size(request.param)
    page.emulate_media(reduced_motion="reduce")
    return page


def _page_of(href: str) -> str:
    """`vozvrat-tovara/#esli-otkazali` → `vozvrat-tovara`."""
    return posixpath.basename(href.partition("#")[0].rstrip("/"))


@pytest.mark.parametrize("sized_page", [PHONE, DESKTOP], indirect=True, ids=["phone-390x844", "desktop-1366x900"])
def test_chooser_links_are_in_the_first_screen(sized_page, site_url: str) -> None:
    sized_page.goto(site_url)
    links = sized_page.evaluate(CHOOSER_LINKS_JS)
    viewport = sized_page.viewport_size
    assert {_page_of(link["href"]) for link in links} == SITUATION_PAGES | TOOL_PAGES
    outside = [link for link in links if link["bottom"] > viewport["height"] or link["right"] > viewport["width"]]
    assert not outside, f"chooser links below the first screen ({viewport}): {outside}"
    small = [link["text"] for link in links if link["height"] < 44]
    assert not small, f"tap targets under 44 px high: {small}"
    situations = [link for link in links if _page_of(link["href"]) not in TOOL_PAGES]
    assert situations[-1]["href"].startswith("s-chego-nachat/"), "«Другое» must come last"


def test_chooser_links_open_existing_headings(page, site_url: str, built_site: BuildResult) -> None:
    page.goto(site_url)
    for link in page.evaluate(CHOOSER_LINKS_JS):
        path, _, anchor = link["href"].partition("#")
        target = built_site.site / path / "index.html"
        assert target.exists(), f"«{link['text']}» leads to a page that is not built: {link['href']}"
        if anchor:
            assert f'id="{anchor}"' in target.read_text(encoding="utf-8"), f"«{link['text']}»: no #{anchor}"


def test_steps_links_name_their_guide(page, site_url: str) -> None:
    """«По шагам →» is short on screen; out of context a screen reader still hears which guide."""
    page.goto(site_url)
    steps = page.locator("a.steps-link")
    assert steps.count() > 5
    for i in range(steps.count()):
        link = steps.nth(i)
        assert link.inner_text().strip().startswith("По шагам")
        href = link.get_attribute("href") or ""
        heading = page.locator(f'h3 a[href="{href.partition("#")[0]}"]').first.inner_text().strip()
        name = link.evaluate("a => a.textContent")
        assert heading in name, f"{href}: accessible text {name!r} lacks the guide's title {heading!r}"
    assert "Подробно: что делать по шагам" not in page.locator(".md-content").inner_text()


# Each contact table cell's width against its table's: a stacked row gives every cell the full width.
CONTACT_CELLS_JS = """() => [...document.querySelectorAll('table.contacts-table td')].map(cell => ({
  text: cell.innerText.slice(0, 40), ratio: cell.clientWidth / cell.closest('table').clientWidth}))"""


# The walk at 360 px is shared with the reflow test at 320 px (tests/phone_walk.py): each page loads once.
@pytest.mark.long
@pytest.mark.xdist_group(PHONE_WALK_GROUP)
@pytest.mark.parametrize("width", [NARROW["width"]], ids=["360px"])
def test_no_page_scrolls_sideways_at_360px(browser, site_url: str, built_site: BuildResult, width: int) -> None:
    walk = phone_walk(browser, site_url, built_site.site)
    assert NARROW == NARROW_360 and {page for page, at, _ in walk.measured if at == width} == set(walk.pages)
    assert not walk.wide_at_360, "pages wider than a 360 px screen:\n" + "\n".join(walk.wide_at_360)
    assert not walk.unexplained_tables, "\n".join(walk.unexplained_tables)


@pytest.mark.parametrize("sized_page", [NARROW], indirect=True, ids=["360px"])
def test_contact_tables_stack_on_a_phone(sized_page, site_url: str) -> None:
    sized_page.goto(site_url + "kontakty/")
    cells = sized_page.evaluate(CONTACT_CELLS_JS)
    assert cells, "the contacts page has no contact table"
    narrow = [cell["text"] for cell in cells if cell["ratio"] < 0.9]
    assert not narrow, f"contact cells squeezed into columns at 360 px: {narrow[:5]}"


@pytest.mark.long
@pytest.mark.parametrize("sized_page", [PHONE], indirect=True, ids=["phone-390x844"])
def test_phone_layout_passes_axe(sized_page, site_url: str) -> None:
    """The phone-only layouts (chooser, stacked contacts, scrolling tables with hints) pass axe-core too."""
    failures = []
    for path in ("", "kontakty/", "lestnitsa/", "ustarevshie-kontakty/"):
        sized_page.goto(site_url + path)
        sized_page.wait_for_load_state("load")
        violations = axe_violations(sized_page)
        if violations:
            failures.append(f"/{path}:\n{describe(violations)}")
    assert not failures, "axe-core violations at 390 px:\n" + "\n".join(failures)


@pytest.mark.parametrize("sized_page", [PHONE], indirect=True, ids=["phone-390x844"])
def test_print_button_sits_below_the_title_on_a_phone(sized_page, site_url: str) -> None:
    sized_page.goto(site_url + "brak/")
    title = sized_page.locator(".md-content h1").bounding_box()
    button = sized_page.get_by_role("button", name="Распечатать страницу").bounding_box()
    assert title and button, "the guide has no title or no print button"
    assert button["y"] >= title["y"] + title["height"], f"print button at {button['y']}, title ends lower"


# ---- copy buttons and the 404 page -------------------------------------------------------------


def test_every_chat_message_has_a_copy_button_that_copies_it(browser, site_url: str, built_site: BuildResult) -> None:
    pages = sorted(p.parent.name for p in built_site.site.rglob("index.html")
                   if 'class="chat-message"' in p.read_text(encoding="utf-8") and p.parent.parent == built_site.site)
    assert pages, "no guide has a ready-to-send chat message"
    context = browser.new_context(locale="ru-RU", permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    try:
        for name in pages:
            page.goto(f"{site_url}{name}/")
            messages = page.locator(".md-content .chat-message")
            for i in range(messages.count()):
                message = messages.nth(i)
                message.scroll_into_view_if_needed()  # a booklet chapter is laid out only near the screen
                button = message.get_by_role("button", name="Скопировать сообщение")
                assert button.count() == 1, f"{name}: message {i + 1} has no copy button"
                # textContent: a chapter the browser has not laid out yet has no rendered text
                expected = " ".join((message.locator("blockquote").text_content() or "").split())
                button.click()
                # the status is written when the clipboard promise settles: wait for it, on a slow machine too
                expect(message.get_by_role("status")).to_have_text("Скопировано")
                copied = page.evaluate("navigator.clipboard.readText()")
                assert " ".join(copied.split()) == expected, f"{name}: copied {copied!r}"
    finally:
        context.close()


def test_copy_falls_back_without_the_clipboard_api(page, site_url: str, built_site: BuildResult) -> None:
    """Without navigator.clipboard (old browsers, plain http) the text is selected and copied."""
    page.add_init_script("Object.defineProperty(navigator, 'clipboard', {value: undefined})")
    page.add_init_script("""document.addEventListener('copy', () => {
      window.copiedText = String(document.getSelection()) || document.activeElement.value; })""")
    page.goto(site_url + "podderzhka-ozon/")
    message = page.locator(".md-content .chat-message").first
    message.get_by_role("button", name="Скопировать сообщение").click()
    expected = " ".join(message.locator("blockquote").inner_text().split())
    assert " ".join((page.evaluate("window.copiedText") or "").split()) == expected
    assert message.get_by_role("status").inner_text() == "Скопировано"


CHOOSER_TARGETS_JS = (
    "() => [...document.querySelectorAll('.situations a')].map(a => [a.innerText, a.pathname + a.hash])"
)


def test_404_page_in_russian_with_search_and_the_chooser(page, site_url: str) -> None:
    page.goto(site_url)
    home = page.evaluate(CHOOSER_TARGETS_JS)
    page.goto(site_url + "404.html")
    assert page.locator("h1").inner_text() == "Такой страницы нет"
    assert page.title().startswith("Страница не найдена")
    chooser = page.evaluate(CHOOSER_TARGETS_JS)
    assert [(" ".join(t.replace("\u00ad", "").split()), u) for t, u in chooser] == [
        (" ".join(t.replace("\u00ad", "").split()), u) for t, u in home]
    # searching from the 404 page opens the site's search with the words typed
    page.get_by_label("Что вы ищете?").fill("брак")
    page.get_by_role("button", name="Найти").click()
    page.wait_for_url("**/?q=*")
    page.wait_for_function("document.querySelector('.md-search__input').value === 'брак'")
