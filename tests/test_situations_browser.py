"""Issue 26: each situation of the home page's chooser reaches its first action in one tap and at most one
swipe on a 360×740 phone, and that action is the guide's short answer («Коротко»).

The situations are read from the chooser's markup (tests/situations.py), not listed here.
"""

from __future__ import annotations

import math
from typing import Any, Iterator

import pytest

from .conftest import ROOT
from .shared_context import SharedContexts, fresh_tab
from .situations import Situation, chooser_situations

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}
# A swipe on a phone moves the page by about two thirds of the screen (a thumb's stroke, not a fling).
SWIPE_PX = PHONE["height"] * 2 / 3
MAX_TAPS = 1
MAX_SWIPES = 1

SITUATIONS = chooser_situations(ROOT / "docs" / "index.md")

# Where the short answer is once the page has loaded: its heading's top, the answer's bottom, both in
# viewport pixels, and the fixed header's bottom (text under it is not seen).
SHORT_ANSWER_JS = """() => {
  const heading = document.getElementById('korotko');
  if (!heading) return null;
  const answer = heading.nextElementSibling;
  const header = document.querySelector('.md-header');
  return {
    headingTop: heading.getBoundingClientRect().top,
    answerBottom: answer ? answer.getBoundingClientRect().bottom : heading.getBoundingClientRect().bottom,
    answerText: answer ? answer.innerText.trim() : '',
    headerBottom: header ? header.getBoundingClientRect().bottom : 0,
  };
}"""


@pytest.fixture
def phone(shared_contexts: SharedContexts) -> Iterator[Any]:
    """A fresh tab of the process's phone context (touch, a mobile viewport; tests/shared_context.py: what the
    reset removes, and its proof)."""
    yield from fresh_tab(shared_contexts.get(viewport=PHONE, has_touch=True, is_mobile=True, reduced_motion="reduce"))


def test_the_chooser_offers_situations() -> None:
    assert len(SITUATIONS) >= 4, f"docs/index.md: the «Что случилось?» chooser has {len(SITUATIONS)} cards"


def _case_id(situation: Situation) -> str:
    return situation.page + (f"#{situation.anchor}" if situation.anchor else "")


@pytest.mark.parametrize("situation", SITUATIONS, ids=[_case_id(s) for s in SITUATIONS])
def test_situation_reaches_its_first_action_in_one_tap_and_one_swipe(
    phone, site_url: str, situation: Situation
) -> None:
    phone.goto(site_url)
    cards = phone.locator(".situations a")
    labels = [" ".join(text.replace("\u00ad", "").split()) for text in cards.all_inner_texts()]
    assert situation.label in labels, f"the home page shows no card «{situation.label}»: {labels}"
    taps = 0
    with phone.expect_navigation():
        cards.nth(labels.index(situation.label)).tap()
        taps += 1
    landed = phone.url.partition("#")[0].rstrip("/").rsplit("/", 1)[-1]
    assert landed == situation.page, f"«{situation.label}»: one tap led to /{landed}/, not /{situation.page}/"
    where = phone.evaluate(SHORT_ANSWER_JS)
    assert where, f"/{situation.page}/ has no short answer (## Коротко {{ #korotko }}) for «{situation.label}»"
    assert where["answerText"], f"/{situation.page}/: the short answer is empty"
    # Landing below the short answer (a link to #podrobno or a later heading) skips the first action.
    assert where["headingTop"] >= where["headerBottom"] - 1, (
        f"«{situation.label}» ({situation.href}) lands below the short answer: link to the page itself, not to "
        f"#{situation.anchor}"
    )
    hidden = max(0.0, where["answerBottom"] - PHONE["height"])
    swipes = math.ceil(hidden / SWIPE_PX)
    assert taps <= MAX_TAPS and swipes <= MAX_SWIPES, (
        f"«{situation.label}»: {taps} tap(s) and {swipes} swipes of {SWIPE_PX:.0f} px to the end of the short "
        f"answer (it ends {where['answerBottom']:.0f} px down a {PHONE['height']} px screen); at most "
        f"{MAX_TAPS} tap and {MAX_SWIPES} swipe: shorten the title or the short answer"
    )
