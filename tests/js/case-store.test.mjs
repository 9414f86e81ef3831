// «Моё дело»'s storage: blocked or full storage never throws, an oversized entry is not read.
import { test } from "node:test";
import assert from "node:assert/strict";
import { STORAGE_KEY, openCaseStore } from "../../docs/assets/case/store.js";
import { LIMITS } from "../../docs/assets/case/model.js";

function memoryStorage() {
  const items = new Map();
  return { getItem: (k) => (items.has(k) ? items.get(k) : null), setItem: (k, v) => items.set(k, String(v)), removeItem: (k) => items.delete(k) };
}

test("blocked storage: nothing is read or written, nothing throws", () => {
  const store = openCaseStore(() => { throw new DOMException("insecure", "SecurityError"); });
  assert.equal(store.available, false);
  assert.equal(store.read(), null);
  assert.equal(store.write("x"), false);
  assert.doesNotThrow(() => store.erase());
});

test("text round-trips; an entry over the bound is refused unread; erase removes it", () => {
  const memory = memoryStorage();
  const store = openCaseStore(() => memory);
  assert.ok(store.write("{}"));
  assert.equal(store.read(), "{}");
  memory.setItem(STORAGE_KEY, "x".repeat(LIMITS.fileBytes + 1));
  assert.equal(store.read(), "too-large");
  store.erase();
  assert.equal(store.read(), null);
});

test("a full store refuses the write and says so", () => {
  const memory = memoryStorage();
  const store = openCaseStore(() => memory);
  memory.setItem = () => { throw new DOMException("full", "QuotaExceededError"); };
  assert.equal(store.write("{}"), false);
});
