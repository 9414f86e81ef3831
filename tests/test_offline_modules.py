"""ozon/offline: the pages' JavaScript modules as one classic script for the offline copy."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from ozon_help.plugins.offline.modules import ModuleError, bundle, directory_url_dir

from .conftest import ROOT

NODE = shutil.which("node") or "node"
NO_NODE = shutil.which("node") is None


def write(docs: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(text, encoding="utf-8")


GRAPH = {
    "lib/y.js": 'export const BASE = 20;\nexport function add(a, b) { return a + b; }\n',
    "lib/x.js": 'import { BASE, add } from "./y.js";\n'
    "export function twice(n) { return add(n, n); }\nexport class Box {}\nexport const NAME = `x${BASE}`;\n",
    "app/main.js": 'import {\n  twice,\n  NAME as name,\n} from "../lib/x.js";\nimport { add } from "../lib/y.js";\n'
    "console.log(JSON.stringify([twice(21), name, add(1, 2), typeof Box]));\n",
}


@pytest.mark.skipif(NO_NODE, reason="node is missing: apt-get install nodejs")
def test_a_module_graph_runs_as_one_classic_script_with_the_same_result(tmp_path: Path) -> None:
    write(tmp_path, GRAPH)
    script = tmp_path / "bundle.js"
    script.write_text(bundle(tmp_path, "app/main.js"), encoding="utf-8")
    out = subprocess.run([NODE, str(script)], capture_output=True, text=True, check=True, timeout=30).stdout
    # Each module keeps its own scope: Box, not imported by main.js, is not visible there.
    assert out.strip() == '[42,"x20",3,"undefined"]'
    text = script.read_text(encoding="utf-8")
    assert text.index("modules['lib/y.js']") < text.index("modules['lib/x.js']") < text.index("modules['app/main.js']")


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ({"app/main.js": "const a = 1;\nexport default a;\n"}, "docs/app/main.js:2: «export default a;»"),
        ({"app/main.js": "const a = 1;\nexport { a };\n"}, "docs/app/main.js:2: «export { a };»"),
        ({"app/main.js": 'import * as y from "../lib/y.js";\n', "lib/y.js": ""}, "docs/app/main.js:1"),
        ({"app/main.js": 'import "../lib/y.js";\n', "lib/y.js": ""}, "docs/app/main.js:1"),
        ({"app/main.js": '\nconst m = import("../lib/y.js");\n', "lib/y.js": ""}, "docs/app/main.js:2"),
        ({"app/main.js": 'import { a } from "../../outside.js";\n'}, "docs/app/main.js:1: imports «../../outside.js»"),
        ({"app/main.js": 'import { a } from "./none.js";\n'}, "which is not a file in docs/"),
        (
            {"app/main.js": 'import { nope } from "../lib/y.js";\n', "lib/y.js": "export const a = 1;\n"},
            "docs/app/main.js: imports «nope», which docs/lib/y.js does not export",
        ),
        (
            {
                "app/main.js": 'import { b } from "./b.js";\nexport const a = 1;\n',
                "app/b.js": 'import { a } from "./main.js";\nexport const b = 2;\n',
            },
            "imports form a cycle (app/main.js → app/b.js → app/main.js)",
        ),
    ],
    ids=[
        "export-default", "export-list", "import-star", "bare-import", "dynamic-import", "outside-docs",
        "missing-file", "missing-export", "cycle",
    ],
)
def test_a_shape_the_bundler_would_change_stops_the_build_with_file_and_line(
    tmp_path: Path, files: dict[str, str], message: str
) -> None:
    write(tmp_path, files)
    with pytest.raises(ModuleError) as error:
        bundle(tmp_path, "app/main.js")
    assert message in str(error.value)
    [problem] = error.value.problems  # as data, for make serve's error page: the file as the editor names it
    assert str(error.value) == str(problem) and problem.path.startswith("docs/") and problem.check == "offline"


def test_raw_paths_are_read_as_written_for_directory_urls() -> None:
    assert directory_url_dir("moe-delo.md") == "moe-delo"
    assert directory_url_dir("index.md") == ""
    assert directory_url_dir("razdel/index.md") == "razdel"
    assert directory_url_dir("razdel/stranica.md") == "razdel/stranica"


@pytest.mark.skipif(NO_NODE, reason="node is missing: apt-get install nodejs")
@pytest.mark.parametrize("entry", ["assets/claim/form.js", "assets/case/page.js"])
def test_the_sites_own_modules_bundle_to_valid_javascript(tmp_path: Path, entry: str) -> None:
    script = tmp_path / "bundle.js"
    script.write_text(bundle(ROOT / "docs", entry), encoding="utf-8")
    subprocess.run([NODE, "--check", str(script)], check=True, timeout=30)
