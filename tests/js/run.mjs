// Runs the test files named on the command line in this one process, which node --test would start one
// process each for: node's start-up was most of their time (the Makefile's node_run). So a test file must
// leave no global behind that another could trip on. A file that fails to load is reported as a failed test.
import { test } from "node:test";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

for (const file of process.argv.slice(2)) {
  try {
    await import(pathToFileURL(resolve(file)).href);
  } catch (error) {
    test(`${file} loads`, () => {
      throw error;
    });
  }
}
