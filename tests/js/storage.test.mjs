// «Запомнить ответы» when the browser refuses storage, and restoring without an old date. node --test tests/js/
import { test } from "node:test";
import assert from "node:assert/strict";
import { openStore, restoreAnswers } from "../../docs/assets/claim/storage.js";

function memoryStorage() {
  const items = new Map();
  return { getItem: (k) => (items.has(k) ? items.get(k) : null), setItem: (k, v) => items.set(k, String(v)), removeItem: (k) => items.delete(k) };
}

test("blocked storage (the getter itself throws) leaves a store that does nothing and never throws", () => {
  const store = openStore("k", () => { throw new DOMException("The operation is insecure.", "SecurityError"); });
  assert.equal(store.available, false);
  assert.equal(store.load(), null);
  assert.equal(store.save({ a: 1 }), false);
  assert.equal(store.has(), false);
  assert.doesNotThrow(() => store.erase());
});

test("a full store (setItem throws) is treated as unavailable", () => {
  const full = { ...memoryStorage(), setItem() { throw new DOMException("full", "QuotaExceededError"); } };
  assert.equal(openStore("k", () => full).available, false);
});

test("saved answers round-trip; a broken or foreign entry is dropped", () => {
  const memory = memoryStorage();
  const store = openStore("k", () => memory);
  assert.ok(store.available);
  assert.ok(store.save({ fullName: "Иванова" }));
  assert.deepEqual(store.load(), { fullName: "Иванова" });
  memory.setItem("k", "{not json");
  assert.equal(store.load(), null);
  assert.equal(memory.getItem("k"), null, "dropped");
  memory.setItem("k", "[1,2]");
  assert.equal(store.load(), null);
});

test("restoring puts today's date in place of an old one and says which one it was", () => {
  assert.deepEqual(restoreAnswers({ fullName: "И", docDate: "2024-03-10" }, "2024-03-15"), { answers: { fullName: "И", docDate: "2024-03-15" }, staleDate: "2024-03-10" });
  assert.deepEqual(restoreAnswers({ fullName: "И", docDate: "2024-03-15" }, "2024-03-15").staleDate, null);
  assert.deepEqual(restoreAnswers(null, "2024-03-15"), { answers: null, staleDate: null });
});
