"""ozon_help/plugins/urls.py: the one reader of a link on a built page, with and without directory URLs."""

from __future__ import annotations

import pytest

from ozon_help.plugins.urls import get_relative_url, is_elsewhere, page_folder, site_path, split_link


@pytest.mark.parametrize(
    "path, page_url, expected",
    [
        ("../vozvrat-tovara/", "brak/", "vozvrat-tovara/"),  # directory URLs (the site)
        ("vozvrat-tovara/", "", "vozvrat-tovara/"),  # from the home page
        ("vozvrat-tovara.html", "brak.html", "vozvrat-tovara.html"),  # file URLs (the offline copy)
        ("../x.html", "a/b.html", "x.html"),
        ("c/", "a/b/", "a/b/c/"),
        ("./", "", ""),  # the home page itself
        ("../", "brak/", ""),
        ("", "brak/", "brak/"),  # `#anchor` or `?query` only: the page itself
        ("/pechat/", "brak/", "pechat/"),  # from the site's root
        ("../assets/x.pdf", "brak/", "assets/x.pdf"),  # a file keeps its name
    ],
)
def test_a_link_is_read_as_the_page_it_leads_to(path: str, page_url: str, expected: str) -> None:
    assert site_path(path, page_url) == expected


@pytest.mark.parametrize("page_url", ["", "brak/", "a/b/", "brak.html", "a/b.html"])
@pytest.mark.parametrize("target", ["", "vozvrat-tovara/", "a/c/", "x.html", "a/y.html"])
def test_get_relative_url_and_site_path_undo_each_other(page_url: str, target: str) -> None:
    """What MkDocs writes on a page (get_relative_url) reads back as the page it named."""
    written = get_relative_url(target or "./", page_url or "./")
    assert site_path(written, page_url) == target


def test_parts_of_a_link() -> None:
    assert split_link("a/?h=x#y") == ("a/", "?h=x#y") and split_link("a#b?c") == ("a", "#b?c")
    assert split_link("a/") == ("a/", "")
    assert page_folder("a/b.html") == "a/" and page_folder("404.html") == "" and page_folder("a/") == "a/"
    assert all(map(is_elsewhere, ["https://x.ru/", "mailto:a@b.ru", "tel:+7", "//cdn.example/x", "data:,x"]))
    assert not any(map(is_elsewhere, ["brak/", "../x.html", "#a", "/pechat/", "x/y:z"]))
