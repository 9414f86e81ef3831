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

test("stored answers are untrusted: only the form's fields, of their types and options, of bounded size (issue 26)", async () => {
  const { sanitizeAnswers, personalDetails, MAX_STORED_CHARS } = await import("../../docs/assets/claim/storage.js");
  const fields = [
    { name: "fullName", type: "text" }, { name: "case", type: "radio", options: [["refusal", "…"], ["defective", "…"]] },
    { name: "recipient", type: "radio", options: "recipients" }, { name: "keptIntact", type: "checkbox" },
    { name: "attachments", type: "checkboxes", options: [["order", "…"], ["photos", "…"]] }, { name: "orderDate", type: "date" },
  ];
  const saved = {
    fullName: "Иванова", case: "defective", recipient: "seller", keptIntact: true, attachments: ["order", "x", "order", 5],
    orderDate: "2026-11-14", __proto__: { polluted: 1 }, extra: "dropped", script: "<img onerror=alert(1)>",
  };
  assert.deepEqual(sanitizeAnswers(saved, fields, 10), {
    fullName: "Иванова", case: "defective", recipient: "seller", keptIntact: true, attachments: ["order"], orderDate: "2026-11-14",
  });
  assert.deepEqual(sanitizeAnswers({ case: "hack", keptIntact: "yes", fullName: 5, orderDate: "я".repeat(41) }, fields, 10), {});
  for (const junk of [null, "text", [1], 5]) assert.equal(sanitizeAnswers(junk, fields, 10), null);
  // An entry too large to be the form's is removed unread.
  const memory = memoryStorage();
  const store = openStore("k", () => memory);
  memory.setItem("k", JSON.stringify({ fullName: "я".repeat(MAX_STORED_CHARS) }));
  assert.equal(store.load(), null);
  assert.equal(memory.getItem("k"), null);
  assert.deepEqual(personalDetails({ fullName: "Иванова", address: " ", contact: "+7", price: "1" }), { fullName: "Иванова", contact: "+7" });
});
