"""Glue between mkdocs-macros and the print modules: the `booklet()` macro and the print meta line."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from mkdocs.utils.meta import get_data

from .booklet import build_booklet
from .guide_index import Guide, guides
from .printing import checked_range

CHECKED_META = "contacts_checked"  # the line overrides/partials/print-header.html prints

# Each guide's Markdown after its macros ran on its own page, with the contacts it used. The
# booklet reuses it instead of compiling every guide's template a second time (at 300 guides that
# second pass was most of the booklet's cost). Filled per build; a guide not yet built is rendered.
_RENDERED: dict[str, tuple[str, list[str]]] = {}


def define_print_macros(env: Any) -> None:
    @env.macro
    def booklet() -> str:
        """Every guide in navigation order, with contents, for printing (docs/pechat.md)."""
        here = env.page
        docs_dir = Path(env.conf["docs_dir"])
        used: list[str] = here.meta.setdefault("contacts_used", [])

        def render_body(guide: Guide) -> str:
            if guide.src_path in _RENDERED:  # the guide's own page came first (hooks/booklet_order.py)
                rendered, contacts = _RENDERED[guide.src_path]
                used.extend(cid for cid in contacts if cid not in used)
                return rendered
            body, meta = get_data((docs_dir / guide.src_path).read_text(encoding="utf-8"))
            # Render the guide's macros as if on the guide's own page: short_answer() reads its
            # front matter, and an error names the guide's file, not the booklet.
            stand_in = SimpleNamespace(
                meta=dict(meta), file=SimpleNamespace(src_path=guide.src_path), title=guide.title, url=here.url
            )
            saved_page, saved_var = env._page, env.variables.get("page")
            env._page, env.variables["page"] = stand_in, stand_in
            try:
                rendered = env.render(body, force_rendering=True)
            finally:
                env._page, env.variables["page"] = saved_page, saved_var
            used.extend(cid for cid in stand_in.meta.get("contacts_used", []) if cid not in used)
            return rendered

        result = build_booklet(guides(docs_dir, env.conf["nav"]), here.file.src_path, render_body)
        return result.markdown


_DATA_CONTACT = re.compile(r'data-contact="([a-z0-9-]+)"')


def remember_guide(env: Any) -> None:
    """Keep a guide's rendered Markdown for the booklet (see _RENDERED)."""
    if env.page.meta.get("short"):
        _RENDERED[env.page.file.src_path] = (env.markdown, list(env.page.meta.get("contacts_used", [])))


def forget_guides() -> None:
    _RENDERED.clear()


def set_print_meta(env: Any) -> None:
    """After the macros ran: the dates the page's contacts were checked, for the print header.

    The contacts are those the macros recorded in `contacts_used` and every `data-contact` the
    rendered page carries (contacts_directory() renders whole organizations without recording).
    """
    shown = list(env.page.meta.get("contacts_used", [])) + _DATA_CONTACT.findall(env.markdown)
    found = checked_range(env.variables["contact_book"], shown)
    if found:
        env.page.meta[CHECKED_META] = found.text()
