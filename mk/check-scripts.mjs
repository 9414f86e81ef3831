// `make lint`: every shipped script compiles, as what it is: an ES module (it imports or exports) or a
// classic script. What `node --check FILE` does, in one process for all of them, and right for modules:
// on Node 20 `node --check x.js` passes an ES module with a syntax error (its module detection gives up
// and reports nothing). Nothing is run: V8 only parses. Each error prints as FILE:LINE: message. Fix: ….
//
// Run as: node --experimental-vm-modules --no-warnings mk/check-scripts.mjs FILE...
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import vm from "node:vm";

const MODULE_LINE = /^(?:import|export)[\s{*]/m; // a static import or export at the start of a line

/** The line of a syntax error: V8 names it in a script's stack ("FILE:LINE"), not in a module's, so for a
 * module (only when one fails) `node --input-type=module --check` reads it from stdin and says "[stdin]:LINE". */
function errorLine(error, source, isModule) {
  const first = isModule
    ? spawnSync(process.execPath, ["--input-type=module", "--check"], { input: source, encoding: "utf8" }).stderr
    : String(error.stack);
  return /:(\d+)\s*$/m.exec(first.split("\n")[0])?.[1] ?? "1";
}

let failed = 0;
for (const file of process.argv.slice(2)) {
  const source = readFileSync(file, "utf8");
  const isModule = MODULE_LINE.test(source);
  try {
    if (isModule) new vm.SourceTextModule(source, { identifier: file });
    else new vm.Script(source, { filename: file });
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    failed += 1;
    const kind = isModule ? "an ES module" : "a classic script";
    console.error(`${file}:${errorLine(error, source, isModule)}: ${error.message}. Fix: correct the syntax there `
      + `(node reads the file as ${kind})`);
  }
}
if (failed) process.exitCode = 1;
