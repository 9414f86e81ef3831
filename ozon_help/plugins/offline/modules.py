"""The offline copy (`make offline`) runs the pages' JavaScript modules from file://.

Chromium refuses `<script type="module" src=…>` on a file:// page (a module is fetched under CORS, and a
file has no origin), so in the offline copy the claim builder and «Моё дело» would not start. A page's
`src="../assets/…"` is also written for directory URLs, which the offline copy does not use. In the
offline build the ozon/offline plugin turns each module a page loads into one classic `defer` script (a module is
deferred too) holding it and every module it imports, each in a function scope of its own, in
dependency order, and points the page at it with a path relative to where the page really is.

Only the shapes the project's modules use are accepted: `import { a, b as c } from "./x.js";` on one
line, and `export function|async function|class|const|let NAME` at the start of a line. Any other
import or export (default, `export { … }`, `import * as`, a bare or dynamic import, a path outside
docs/) stops the build with file:line, so a module this plugin would turn into something else never ships.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

from macros.problems import Problem
from ozon_help.html_source import Edit, StartTag, remove, scan, set_value, splice
from ozon_help.plugins.problems import BuildProblems

IMPORT = re.compile(r'^import\s*\{(?P<names>[^}]*)\}\s*from\s*"(?P<spec>\.{1,2}/[^"]+\.js)";?\s*$')
EXPORT = re.compile(r"^export\s+(?:async\s+function\*?|function\*?|class|const|let)\s+(?P<name>[A-Za-z_$][\w$]*)")
NAME = re.compile(r"^(?P<imported>[A-Za-z_$][\w$]*)(?:\s+as\s+(?P<local>[A-Za-z_$][\w$]*))?$")
UNSUPPORTED = re.compile(r"^\s*(?:import|export)\b|\bimport\s*\(")
MAX_MODULE_BYTES = 500_000  # a module larger than this is not one a person wrote
BUNDLE_SUFFIX = ".offline.js"


class ModuleError(BuildProblems):
    """A module this plugin cannot bundle faithfully: one problem at the file (relative to docs/) and line."""

    def __init__(self, path: str, line: int, message: str, fix: str = "") -> None:
        super().__init__([Problem(f"docs/{path}", line, message, fix, check="offline")])


@dataclass(frozen=True)
class Module:
    path: str  # relative to docs/, posix
    imports: tuple[tuple[str, tuple[tuple[str, str], ...]], ...]  # (module path, ((imported, local), …))
    exports: tuple[str, ...]
    body: str


def read_module(docs: Path, path: str) -> Module:
    """One module's imports, exports and body (imports blanked, `export ` dropped); refuses other shapes."""
    file = docs / path
    if file.is_symlink() or not file.is_file() or file.stat().st_size > MAX_MODULE_BYTES:
        raise ModuleError(path, 0, "not a module file this build can bundle (missing, a link, or over 500 KB)")
    imports: list[tuple[str, tuple[tuple[str, str], ...]]] = []
    exports: list[str] = []
    lines = file.read_text(encoding="utf-8").split("\n")
    number = 0
    while number < len(lines):
        number += 1
        line = lines[number - 1]
        first = number
        if re.match(r"^import\s*\{[^}]*$", line):  # an import list over several lines, up to its «}»
            while number < len(lines) and "}" not in lines[number - 1]:
                number += 1
            line = " ".join(lines[first - 1 : number])
        found = IMPORT.match(line)
        if found:
            target = posixpath.normpath(posixpath.join(posixpath.dirname(path), found["spec"]))
            if target.startswith("../") or not (docs / target).is_file():
                raise ModuleError(path, first, f"imports «{found['spec']}», which is not a file in docs/")
            names = []
            for item in filter(None, (part.strip() for part in found["names"].split(","))):
                name = NAME.match(item)
                if not name:
                    raise ModuleError(path, first, f"cannot read the imported name «{item}»", "write `a` or `a as b`")
                names.append((name["imported"], name["local"] or name["imported"]))
            imports.append((target, tuple(names)))
            lines[first - 1 : number] = [""] * (number - first + 1)  # blanked, so later lines keep their numbers
            continue
        exported = EXPORT.match(line)
        if exported:
            exports.append(exported["name"])
            lines[number - 1] = line[len("export") :].lstrip()
            continue
        if UNSUPPORTED.search(line):
            raise ModuleError(
                path, first, f"«{line.strip()[:80]}»: the offline copy bundles only `import {{ … }} from \"./x.js\";` "
                "and `export function|class|const|let NAME`", "write the import or export that way"
            )
    return Module(path, tuple(imports), tuple(exports), "\n".join(lines))


def module_order(docs: Path, entry: str) -> list[Module]:
    """The entry and everything it imports, each after the modules it imports; a cycle is refused."""
    done: dict[str, Module] = {}
    visiting: list[str] = []

    def visit(path: str) -> None:
        if path in done:
            return
        if path in visiting:
            raise ModuleError(path, 0, f"imports form a cycle ({' → '.join([*visiting, path])})")
        visiting.append(path)
        module = read_module(docs, path)
        for target, _ in module.imports:
            visit(target)
        visiting.pop()
        done[path] = module

    visit(entry)
    for module in done.values():
        for target, names in module.imports:
            for imported, _ in names:
                if imported not in done[target].exports:
                    raise ModuleError(module.path, 0, f"imports «{imported}», which docs/{target} does not export")
    return list(done.values())


def bundle(docs: Path, entry: str) -> str:
    """One classic script that runs `entry` as the browser would run it as a module."""
    parts = [
        f"// The offline copy's build of {entry} and the modules it imports (ozon/offline).",
        "(() => {",
        '"use strict";',
        "const modules = Object.create(null);",
    ]
    for module in module_order(docs, entry):
        bindings = [
            f"const {{ {', '.join(i if i == local else f'{i}: {local}' for i, local in names)} }} "
            f"= modules[{target!r}];"
            for target, names in module.imports
            if names
        ]
        parts += [
            f"modules[{module.path!r}] = (() => {{",
            *bindings,
            module.body,
            f"return {{ {', '.join(module.exports)} }};",
            "})();",
        ]
    parts.append("})();")
    return "\n".join(parts) + "\n"


def directory_url_dir(src_uri: str) -> str:
    """The folder a page's raw HTML paths are written for: `x.md` → `x/`, `a/index.md` → `a/`."""
    stem, _ = posixpath.splitext(src_uri)
    if posixpath.basename(stem) in ("index", "README"):
        return posixpath.dirname(stem)
    return stem


def bundled_page(output: str, src_uri: str, dest_uri: str, docs: Path, site: Path, built: dict[str, str]) -> str:
    """The page with each module script pointed at its bundle (written into `site` once a build: `built`,
    entry → bundle path relative to the site)."""
    edits: list[Edit] = []
    for token in scan(output):
        if not isinstance(token, StartTag) or token.name != "script":
            continue
        kind, src = token.attribute("type"), token.attribute("src")
        if kind is None or (kind.value or "").strip().lower() != "module" or src is None or not src.value:
            continue
        entry = posixpath.normpath(posixpath.join(directory_url_dir(src_uri), src.value))
        if "://" in src.value or src.value.startswith("/") or entry.startswith("../"):
            raise ModuleError(src_uri, 0, f"the module «{src.value}» is not a file in docs/")
        if entry not in built:
            target = site / (entry + BUNDLE_SUFFIX)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(bundle(docs, entry), encoding="utf-8")
            built[entry] = entry + BUNDLE_SUFFIX
        here = posixpath.dirname(dest_uri) or "."
        bundled = posixpath.relpath(built[entry], here)
        edits += [remove(kind), set_value(src, bundled), (token.close, token.close, " defer")]
    return splice(output, edits) if edits else output
