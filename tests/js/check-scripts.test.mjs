// make lint's syntax check of the shipped scripts (mk/check-scripts.mjs): a module or a classic script with a
// syntax error is reported at its file and line, which `node --check FILE` does not do for a module on Node 20.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const CHECKER = new URL("../../mk/check-scripts.mjs", import.meta.url).pathname;

function check(files) {
  const dir = mkdtempSync(join(tmpdir(), "check-scripts-"));
  const paths = Object.entries(files).map(([name, text]) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  });
  const run = spawnSync(process.execPath, ["--experimental-vm-modules", "--no-warnings", CHECKER, ...paths], {
    encoding: "utf8",
  });
  return { status: run.status, lines: run.stderr.trim().split("\n").filter(Boolean), dir };
}

test("good modules and scripts pass, and nothing in them runs", () => {
  const { status, lines } = check({
    "module.js": 'import { a } from "./nowhere.js";\nexport const b = a;\nthrow new Error("ran");\n',
    "script.js": '(function () {\n  "use strict";\n  throw new Error("ran");\n})();\n',
  });
  assert.equal(status, 0, lines.join("\n"));
  assert.deepEqual(lines, []);
});

test("every syntax error of a run is reported at its file and line, modules included", () => {
  const { status, lines, dir } = check({
    "module.js": '// a module\nimport { a } from "./a.js";\n\nexport const b = ;\n',
    "script.js": "var ok = 1;\nfunction f() {\n  return 1 +;\n}\n",
    "fine.js": "export const c = 1;\n",
  });
  assert.equal(status, 1);
  assert.equal(lines.length, 2, lines.join("\n"));
  assert.match(lines[0], new RegExp(`^${join(dir, "module.js")}:4: Unexpected token ';'\\. Fix: .*an ES module`));
  assert.match(lines[1], new RegExp(`^${join(dir, "script.js")}:3: Unexpected token ';'\\. Fix: .*a classic script`));
});

test("the module syntax node --check misses on its own is what the checker catches", () => {
  // `node --check` with module detection (Node 20) passes this file; the checker must not.
  const { status } = check({ "module.js": "export const x = ;\n" });
  assert.equal(status, 1);
});
