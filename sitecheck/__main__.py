"""`python -m sitecheck [--root DIR] [--site DIR] [--only NAME ...]`: run the checks, print problems.

Exit status: 0 when there is no error (warnings are printed but do not fail), 1 otherwise.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .checks import CHECKS, NEED_SITE, run
from .context import Context
from .problems import errors, warnings
from .project import Project


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sitecheck", description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path("."), help="the project (where mkdocs.yml is)")
    parser.add_argument("--site", type=Path, help="the built site to check (from `mkdocs build --strict`)")
    parser.add_argument("--only", nargs="+", choices=sorted(CHECKS), help="run only these checks")
    args = parser.parse_args(argv)
    if args.site is not None and not (args.site / "index.html").exists():
        print(f"{args.site}: no built site here; run `make build` first", file=sys.stderr)
        return 2
    ctx = Context(Project(args.root), args.site)
    problems = run(ctx, args.only)
    for problem in problems:
        print(problem)
    skipped = sorted(NEED_SITE & set(args.only or CHECKS)) if args.site is None else []
    if skipped:
        print(f"note: skipped {', '.join(skipped)}: give --site DIR with a built site", file=sys.stderr)
    found = errors(problems)
    print(
        f"sitecheck: {len(found)} error(s), {len(warnings(problems))} warning(s) "
        f"in {len(ctx.project.pages)} pages" + (f" and {len(ctx.html)} built HTML files" if args.site else ""),
        file=sys.stderr,
    )
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
