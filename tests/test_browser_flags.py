"""The Chromium flags every browser of the project starts with (sitebuild/browse.py, CHROMIUM_ARGS).

Chromium keeps only the last --disable-features it is given and Playwright passes its own list first, so
CHROMIUM_ARGS repeats Playwright's list and adds the browser UI no test needs (UNUSED_BROWSER_UI). These tests
read what Chromium was really started with, so a Playwright or Chromium upgrade that changes either shows here.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from sitebuild.browse import CHROMIUM, PLAYWRIGHT_DISABLED_FEATURES, UNUSED_BROWSER_UI

pytestmark = pytest.mark.browser

_DISABLED = re.compile(r"--disable-features=(\S+)")


def _version_page(browser: Any) -> dict[str, str]:
    """chrome://version of `browser`: its command line and profile folder, as Chromium reports them."""
    context = browser.new_context()
    try:
        tab = context.new_page()
        tab.goto("chrome://version")
        return {
            "command_line": tab.locator("#command_line").inner_text(),
            "profile": tab.locator("#profile_path").inner_text(),
        }
    finally:
        context.close()


def _renderers_disabled_features(profile: str) -> set[str]:
    """The features the renderers of the browser whose profile is `profile` run without: the list the browser
    worked out from its command line and hands each renderer (from /proc; the renderer runs while a page is
    open)."""
    user_data = str(Path(profile).parent)
    found: set[str] = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode("utf-8", "replace")
        except OSError:
            continue
        if "--type=renderer" in command and f"--user-data-dir={user_data}" in command:
            for features in _DISABLED.findall(command):
                found.update(features.split(","))
    return found


def test_our_list_keeps_every_feature_playwright_disables(browser: Any) -> None:
    plain = browser.browser_type.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox"])
    try:
        lists = _DISABLED.findall(_version_page(plain)["command_line"])
    finally:
        plain.close()
    assert lists, "Playwright no longer passes --disable-features: drop PLAYWRIGHT_DISABLED_FEATURES' copy"
    missing = set(lists[0].split(",")) - set(PLAYWRIGHT_DISABLED_FEATURES)
    assert not missing, (
        f"Playwright now also disables {sorted(missing)}: add them to PLAYWRIGHT_DISABLED_FEATURES "
        "(sitebuild/browse.py), or Chromium runs them, as the last --disable-features wins"
    )


def test_the_browser_runs_without_both_lists(browser: Any) -> None:
    context = browser.new_context()
    try:
        tab = context.new_page()
        tab.goto("about:blank")
        profile = _version_page(browser)["profile"]
        effective = _renderers_disabled_features(profile)
    finally:
        context.close()
    assert effective, f"no renderer of the profile {profile} found in /proc"
    missing = (set(PLAYWRIGHT_DISABLED_FEATURES) | set(UNUSED_BROWSER_UI)) - effective
    assert not missing, f"Chromium runs features CHROMIUM_ARGS disables: {sorted(missing)}"


def test_a_new_tab_opens_no_hidden_browser_pages(browser: Any) -> None:
    """Each hidden page is a renderer for every tab a test opens: about half a new tab's CPU (dev/testing.md)."""
    context = browser.new_context()
    try:
        context.new_page().goto("about:blank")
        session = browser.new_browser_cdp_session()
        targets = session.send("Target.getTargets")["targetInfos"]
        session.detach()
    finally:
        context.close()
    hidden = [t["url"] for t in targets if t["type"] == "browser_ui" or ".top-chrome" in t["url"]]
    assert not hidden, (
        f"every new tab also opens {hidden}: find the Chromium feature that shows them and add it to "
        "UNUSED_BROWSER_UI (sitebuild/browse.py)"
    )
