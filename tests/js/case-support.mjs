// Shared by the «Моё дело» tests: the frozen register fixture and a case builder.
import { readFileSync } from "node:fs";

/** The claim-data block's «law» field, frozen (tests/fixtures/case/law.json). */
export function fixtureLaw() {
  const url = new URL("../fixtures/case/law.json", import.meta.url);
  return JSON.parse(readFileSync(url, "utf-8")).rules;
}

/** A valid case with the given steps ([kind, ISO date] pairs). */
export function makeCase({ id = "delo-1", kind = "not_delivered", demand = "refund", steps = [], order = {} } = {}) {
  return {
    id,
    title: "Чайник не привезли",
    kind,
    demand,
    order: { number: "12345678-0001", product: "Чайник", price: "12 000", seller: "ООО «Ромашка»", orderDate: "2024-02-01", promisedDate: "2024-02-20", receivedDate: "", newDeadline: "", ...order },
    steps: steps.map(([stepKind, date, note = ""]) => ({ kind: stepKind, date, note })),
  };
}
