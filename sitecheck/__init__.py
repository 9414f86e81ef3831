"""Consistency checks for the site: links, data, references, structure and content rules.

`python -m sitecheck --site site` runs every check and prints each problem as
`path:line: problem. Fix: what to do`; errors make it exit 1, warnings are only listed.
Each check is a function `check(project, site) -> list[Problem]` in its own module, registered in
`sitecheck.checks.CHECKS`.
"""
