"""Search quality as `make check` prints it: what an editor fixes in a guide, and what the team watches.

Two things, from the built site's index through the engine the browser runs (bench/search_rank.mjs):

- **A guide's own `asked:` phrases find it first.** The editor controls that in the guide, so a phrase
  that finds another page first is an error at its line, with the fix.
- **The hit rate over every buyer's query** (bench/search_queries.yml, the tuned set, and
  bench/search_queries_held_out.yml, the held-out set that no ranking change is tuned on) is compared
  with the accepted run, bench/search-accepted.json. Every query whose place changed is listed
  («новый промах: …; был 1-м, стал 2-м»), both parts are reported, and the run fails only on a clear
  drop: hit@1 or hit@3 of all queries more than DROP_LIMIT points below the accepted run, with more than
  one query lost. One query moving by one place never fails it. `make accept-search` makes the current
  run the accepted one.

    python -m bench.search_quality --site site            # report; exit 1 on a problem
    python -m bench.search_quality --site site --accept   # write bench/search-accepted.json
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from bench.search import HELD_OUT, QUERIES, Query, load_queries

ROOT = Path(__file__).resolve().parent.parent
ACCEPTED = ROOT / "bench" / "search-accepted.json"
RANKER = ROOT / "bench" / "search_rank.mjs"
DROP_LIMIT = 3.0  # points of hit@1 or hit@3 over all queries; EDITING.md «Search» states the same figure
SHOWN = 10  # pages bench/search_rank.mjs keeps per query
PARTS = {"tuned": QUERIES, "held-out": HELD_OUT}
MAX_ACCEPTED_BYTES = 1_000_000  # the accepted run is a small file; anything larger is not one
RANKER_SECONDS = 120


@dataclass(frozen=True)
class Ranked:
    part: str  # "tuned" or "held-out"
    text: str
    slug: str  # the guide that should come first
    rank: int  # 1-based place of that guide; 0 when it is not among the first SHOWN pages
    first: str  # the page first now ("" when nothing is found)

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.part, self.text, self.slug)


@dataclass(frozen=True)
class AskedPhrase:
    where: str  # docs/brak.md
    line: int
    phrase: str
    slug: str


def place(rank: int) -> str:
    """«1-м», «12-м», or «не найден»: how a rank reads in «был …, стал …»."""
    return f"{rank}-м" if rank else "не найден"


def hit_share(ranks: list[int], within: int) -> float:
    """Percent of queries whose guide is among the first `within` pages."""
    return 100.0 * sum(1 for rank in ranks if 1 <= rank <= within) / len(ranks) if ranks else 0.0


def changes(accepted: dict[tuple[str, str, str], int], current: list[Ranked]) -> list[str]:
    """One line per query whose place moved since the accepted run, new misses first."""
    lost, moved, fixed, added = [], [], [], []
    for outcome in current:
        where = f"«{outcome.text}» → docs/{outcome.slug}.md"
        now = f"; первым теперь docs/{outcome.first}.md" if outcome.rank != 1 and outcome.first else ""
        if outcome.key not in accepted:
            added.append(f"новый запрос: {where}: {place(outcome.rank)}{now}")
            continue
        before = accepted[outcome.key]
        if before == outcome.rank:
            continue
        line = f"{where}: был {place(before)}, стал {place(outcome.rank)}{now}"
        if before == 1:
            lost.append(f"новый промах: {line}")
        elif outcome.rank == 1:
            fixed.append(f"исправлено: {line}")
        else:
            moved.append(f"сдвиг: {line}")
    gone = sorted({key for key in accepted} - {o.key for o in current})
    removed = [f"запрос убран: «{text}» → docs/{slug}.md ({part})" for part, text, slug in gone]
    return lost + moved + fixed + added + removed


def drops(accepted: dict[tuple[str, str, str], int], current: list[Ranked]) -> list[str]:
    """A problem per figure of all queries that fell more than DROP_LIMIT points below the accepted run."""
    if not accepted:
        return []
    found = []
    for within in (1, 3):
        before = hit_share(list(accepted.values()), within)
        now = hit_share([o.rank for o in current], within)
        lost = sum(1 for o in current if 1 <= accepted.get(o.key, 0) <= within and not 1 <= o.rank <= within)
        if now < before - DROP_LIMIT and lost > 1:  # in a small set one query alone is worth over 3 points
            found.append(
                f"search: hit@{within} of all queries fell from {before:.1f} % (the accepted run) to {now:.1f} %, "
                f"more than {DROP_LIMIT:g} points. Fix: the «новый промах» lines above name the queries that "
                "lost their guide and the page that took their place; make that page's title or asked: more "
                "specific, or, if it is the better answer, change the query's slug in bench/search_queries.yml "
                "(never in the held-out set). A deliberate change of ranking is accepted with make accept-search"
            )
    return found


def asked_problems(phrases: list[AskedPhrase], pages: list[list[str]], titles: dict[str, str]) -> list[str]:
    """docs/X.md:LINE for each `asked:` phrase that does not find its own guide first."""
    problems = []
    for phrase, found in zip(phrases, pages, strict=True):
        if found and found[0] == phrase.slug:
            continue
        rank = found.index(phrase.slug) + 1 if phrase.slug in found else 0
        other = f"docs/{found[0]}.md («{titles.get(found[0], found[0])}»)" if found else "no page"
        problems.append(
            f"{phrase.where}:{phrase.line}: the asked phrase «{phrase.phrase}» finds {other} first; this guide "
            f"is {f'number {rank}' if rank else 'not among the first ten'}. Fix: write the phrase with the "
            "words a buyer uses for this guide's problem and not for that page's, or delete it; "
            "a phrase of this guide's title words always finds it"
        )
    return problems


def summary(label: str, ranks: list[int], accepted: list[int] | None) -> str:
    figures = f"hit@1 {hit_share(ranks, 1):5.1f} %, hit@3 {hit_share(ranks, 3):5.1f} %"
    was = f"   accepted: {hit_share(accepted, 1):5.1f} %, {hit_share(accepted, 3):5.1f} %" if accepted else ""
    return f"  {label:<9} {len(ranks):4d} queries: {figures}{was}"


def report(accepted: dict[tuple[str, str, str], int], current: list[Ranked]) -> list[str]:
    lines = [f"search quality (accepted run: {ACCEPTED.relative_to(ROOT)}; fails only when hit@1 or hit@3 of all "
             f"queries falls more than {DROP_LIMIT:g} points below it):"]
    for part in PARTS:
        ranks = [o.rank for o in current if o.part == part]
        before = [rank for (got, _, _), rank in accepted.items() if got == part]
        lines.append(summary(part, ranks, before))
    lines.append(summary("all", [o.rank for o in current], list(accepted.values())))
    if not accepted:
        lines.append(f"  no accepted run yet: make accept-search writes {ACCEPTED.relative_to(ROOT)}")
        return lines
    lines += [f"  {line}" for line in changes(accepted, current)]
    return lines


def read_accepted(path: Path = ACCEPTED) -> dict[tuple[str, str, str], int]:
    """The accepted run: {(part, query, slug): rank}; {} when there is none yet."""
    if not path.is_file():
        return {}
    shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
    fix = "Fix: run make accept-search to write it again"
    if path.stat().st_size > MAX_ACCEPTED_BYTES:
        raise ValueError(f"{shown}:1: larger than {MAX_ACCEPTED_BYTES} bytes, so not an accepted run. {fix}")
    try:
        entries = json.loads(path.read_text(encoding="utf-8"))["ranks"]
        accepted = {(str(e["part"]), str(e["q"]), str(e["slug"])): int(e["rank"]) for e in entries}
    except (ValueError, KeyError, TypeError) as error:
        raise ValueError(f"{shown}:1: not an accepted run ({error}). {fix}") from None
    return accepted


def write_accepted(current: list[Ranked], path: Path = ACCEPTED) -> None:
    """One query a line, so a review of the file shows which places moved."""
    rows = [
        json.dumps({"part": o.part, "q": o.text, "slug": o.slug, "rank": o.rank}, ensure_ascii=False)
        for o in sorted(current, key=lambda o: (o.part, o.slug, o.text))
    ]
    path.write_text('{"ranks": [\n' + ",\n".join(rows) + "\n]}\n", encoding="utf-8")


def asked_phrases(root: Path) -> tuple[list[AskedPhrase], dict[str, str]]:
    """Every guide's `asked:` phrases with their lines, and every page's title by slug."""
    from macros.front_matter import FrontMatterError, asked_lines
    from sitecheck.project import Project

    phrases, titles = [], {}
    for page in Project(root).pages.values():
        slug = page.src.removesuffix(".md").split("/")[-1]
        titles[slug] = page.title or slug
        if not page.is_guide:
            continue
        try:
            phrases += [AskedPhrase(page.path, line, text, slug) for line, text in asked_lines(page.text, page.path)]
        except FrontMatterError:
            continue  # the build and the structure check report it
    return phrases, titles


def rank_texts(site: Path, texts: list[str]) -> list[list[str]]:
    """The result pages of each text through the browser's engine, under Node (one process)."""
    index = site / "search" / "search_index.json"
    if not index.is_file():
        raise SystemExit(f"{index}: no search index. Fix: build the site first (make build)")
    import os

    import material

    # the stemmer of the Material this Python builds with (a project copy has no .venv of its own)
    lunr = Path(material.__file__).parent / "templates" / "assets" / "javascripts" / "lunr" / "min"
    result = subprocess.run(
        ["node", str(RANKER), str(index)],
        input=json.dumps(texts, ensure_ascii=False),
        capture_output=True,
        text=True,
        timeout=RANKER_SECONDS,
        check=False,
        env={**os.environ, "SEARCH_RU_LUNR_DIR": os.environ.get("SEARCH_RU_LUNR_DIR", str(lunr))},
    )
    if result.returncode != 0:
        raise SystemExit(f"bench/search_rank.mjs failed:\n{result.stderr[-3000:]}")
    pages = json.loads(result.stdout)
    if len(pages) != len(texts):
        raise SystemExit("bench/search_rank.mjs answered a different number of queries")
    return pages


def rank_of(pages: list[str], slug: str) -> int:
    return pages.index(slug) + 1 if slug in pages else 0


def measure(site: Path, root: Path = ROOT) -> tuple[list[Ranked], list[str]]:
    """The ranked queries of both parts, and the problems of the guides' `asked:` phrases."""
    queries: list[tuple[str, Query]] = [(part, q) for part, path in PARTS.items() for q in load_queries(path)]
    phrases, titles = asked_phrases(root)
    pages = rank_texts(site, [q.text for _, q in queries] + [p.phrase for p in phrases])
    ranked = [
        Ranked(part, q.text, q.slug, rank_of(found, q.slug), found[0] if found else "")
        for (part, q), found in zip(queries, pages, strict=False)
    ]
    return ranked, asked_problems(phrases, pages[len(queries) :], titles)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="a built site (make build)")
    parser.add_argument("--accept", action="store_true", help=f"make this run the accepted one ({ACCEPTED.name})")
    args = parser.parse_args(argv)
    try:
        accepted = {} if args.accept else read_accepted()
    except ValueError as error:
        print(error)
        return 1
    current, problems = measure(args.site)
    if args.accept:
        write_accepted(current)
        print("\n".join(report({}, current)[1:4] + problems))
        print(f"written to {ACCEPTED.relative_to(ROOT)}: commit it with the change that moved the figures")
        return 1 if problems else 0
    problems += drops(accepted, current)
    print("\n".join(report(accepted, current) + problems))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
