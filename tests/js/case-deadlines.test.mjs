// «Моё дело»: deadlines counted from the steps on the fixture calendar (2024 decree, see
// fixture-calendar.mjs) with the frozen register fixture; every answer below was counted by hand.
import { test } from "node:test";
import assert from "node:assert/strict";
import { FIXTURE_CALENDAR } from "./fixture-calendar.mjs";
import { fixtureLaw, makeCase } from "./case-support.mjs";
import { MissingRuleError, caseDeadlines, earlySteps, nextStep, overdue } from "../../docs/assets/case/deadlines.js";

const LAW = fixtureLaw();
const deadlines = (c, today) => caseDeadlines(c, FIXTURE_CALENDAR, LAW, today);
const byId = (list, id) => list.find((d) => d.id === id);

test("no term before the seller received the claim: it runs from receipt (ст. 165.1 ГК РФ)", () => {
  const c = makeCase({ steps: [["claim_sent", "2024-03-01"]] });
  const seller = byId(deadlines(c, "2024-03-15"), "seller");
  assert.equal(seller.state, "not-started");
  assert.equal(seller.term, null);
  const next = nextStep(c, deadlines(c, "2024-03-15"), LAW);
  assert.equal(next.kind, "receipt");
  assert.match(next.text, /п\. 1 ст\. 165\.1 ГК РФ/);
});

test("10 days from receipt on 01.03.2024 end on Monday 11.03; on 15.03 they are 4 days overdue", () => {
  const c = makeCase({ steps: [["claim_sent", "2024-02-26"], ["claim_received", "2024-03-01"]] });
  const list = deadlines(c, "2024-03-15");
  const seller = byId(list, "seller");
  assert.deepEqual([seller.term.end, seller.term.moved, seller.state, seller.daysLeft, seller.cite], ["2024-03-11", false, "overdue", -4, "п. 4 ст. 23.1 ЗоЗПП"]);
  assert.deepEqual(overdue(list).map((d) => d.id), ["seller"]);
  assert.equal(nextStep(c, list, LAW).kind, "complaint");
});

test("a term ending on 8 March (a holiday) and the weekend after it moves to Monday 11.03 (ст. 193 ГК РФ)", () => {
  const c = makeCase({ kind: "defective", demand: "refund", steps: [["claim_sent", "2024-02-20"], ["claim_received", "2024-02-27"]] });
  const seller = byId(deadlines(c, "2024-03-05"), "seller");
  assert.deepEqual([seller.term.nominal, seller.term.end, seller.term.moved, seller.state, seller.daysLeft], ["2024-03-08", "2024-03-11", true, "running", 6]);
  assert.equal(seller.cite, "ст. 22 ЗоЗПП");
  assert.equal(nextStep(c, deadlines(c, "2024-03-05"), LAW).kind, "wait_seller");
});

test("a term crossing the New Year holidays ends on 09.01.2024", () => {
  const c = makeCase({ steps: [["claim_sent", "2023-12-18"], ["claim_received", "2023-12-22"]] });
  assert.equal(byId(deadlines(c, "2024-01-09"), "seller").term.end, "2024-01-09");
  assert.equal(byId(deadlines(c, "2024-01-09"), "seller").state, "running", "the last day itself is not overdue");
  assert.equal(byId(deadlines(c, "2024-01-10"), "seller").state, "overdue");
});

test("each demand takes its own days from the register: replacement 7 (a working Saturday stays), repair 45", () => {
  const replace = makeCase({ kind: "defective", demand: "replace", steps: [["claim_sent", "2024-04-15"], ["claim_received", "2024-04-20"]] });
  const term = byId(deadlines(replace, "2024-04-21"), "seller").term;
  assert.deepEqual([term.end, term.moved], ["2024-04-27", false]);
  const repair = makeCase({ kind: "defective", demand: "repair", steps: [["claim_sent", "2024-03-01"], ["claim_received", "2024-03-04"]] });
  assert.equal(byId(deadlines(repair, "2024-03-05"), "seller").term.end, "2024-04-18");
});

test("the days come from the claim-data block: a changed rule changes the deadline", () => {
  const law = structuredClone(LAW);
  law["zozpp-23-1-refund"].figures.refund.value = 14;
  const c = makeCase({ steps: [["claim_sent", "2024-02-26"], ["claim_received", "2024-03-01"]] });
  assert.equal(byId(caseDeadlines(c, FIXTURE_CALENDAR, law, "2024-03-05"), "seller").term.end, "2024-03-15");
  delete law["zozpp-23-1-refund"];
  assert.throws(() => caseDeadlines(c, FIXTURE_CALENDAR, law, "2024-03-05"), MissingRuleError);
});

test("an answer from the seller ends its term; a refusal leads to the complaint", () => {
  const c = makeCase({ steps: [["claim_sent", "2024-02-26"], ["claim_received", "2024-03-01"], ["seller_refused", "2024-03-05"]] });
  const list = deadlines(c, "2024-03-15");
  assert.equal(byId(list, "seller").state, "done");
  assert.equal(overdue(list).length, 0);
  const next = nextStep(c, list, LAW);
  assert.deepEqual([next.kind, next.doc], ["complaint", "complaint"]);
  assert.match(next.text, /1\u00a0000\u00a0000\u00a0₽ .*пп\. 4 п\. 2 ст\. 333\.36 НК РФ/);
});

test("Роспотребнадзор: 3 days to register, 30 to answer; 14.04.2024 is a Sunday, so 15.04", () => {
  const c = makeCase({ steps: [["claim_sent", "2024-02-26"], ["claim_received", "2024-03-01"], ["complaint_sent", "2024-03-12"]] });
  const list = deadlines(c, "2024-03-20");
  assert.deepEqual([byId(list, "register").term.end, byId(list, "register").state], ["2024-03-15", "overdue"]);
  const answer = byId(list, "authority");
  assert.deepEqual([answer.from, answer.term.end, answer.estimated, answer.cite], ["2024-03-15", "2024-04-15", true, "ст. 12 Закона № 59-ФЗ"]);
  const next = nextStep(c, list, LAW);
  assert.deepEqual([next.kind, next.doc], ["wait_authority", "lawsuit"]);
});

test("a registration date counts from itself: 29.03 + 30 days crosses 28.04 (Sunday) and the May holidays to 02.05", () => {
  const c = makeCase({ steps: [["claim_sent", "2024-02-26"], ["claim_received", "2024-03-01"], ["complaint_sent", "2024-03-27"], ["complaint_registered", "2024-03-29"]] });
  const list = deadlines(c, "2024-05-03");
  assert.equal(byId(list, "register"), undefined);
  assert.deepEqual([byId(list, "authority").term.end, byId(list, "authority").state], ["2024-05-02", "overdue"]);
  assert.equal(nextStep(c, list, LAW).kind, "lawsuit");
  assert.match(nextStep(c, list, LAW).text, /п\. 2 ст\. 17 ЗоЗПП/);
});

test("a lawsuit or a satisfied claim ends the walk", () => {
  const base = [["claim_sent", "2024-02-26"], ["claim_received", "2024-03-01"]];
  const court = makeCase({ steps: [...base, ["lawsuit_filed", "2024-03-20"]] });
  assert.equal(nextStep(court, deadlines(court, "2024-03-21"), LAW).kind, "in_court");
  const met = makeCase({ steps: [...base, ["claim_met", "2024-03-05"]] });
  assert.equal(nextStep(met, deadlines(met, "2024-03-21"), LAW).kind, "closed");
  const fresh = makeCase();
  assert.deepEqual([nextStep(fresh, deadlines(fresh, "2024-03-21"), LAW).kind, nextStep(fresh, [], LAW).doc], ["claim", "claim"]);
});

test("a new delivery date the buyer set is the deadline itself; without it the page asks for it", () => {
  const c = makeCase({ demand: "new_deadline", order: { newDeadline: "2024-03-10" }, steps: [["claim_sent", "2024-03-01"]] });
  const seller = byId(deadlines(c, "2024-03-11"), "seller");
  assert.deepEqual([seller.term.end, seller.state, seller.cite], ["2024-03-10", "overdue", "п. 2 ст. 23.1 ЗоЗПП"]);
  const without = makeCase({ demand: "new_deadline", steps: [["claim_sent", "2024-03-01"]] });
  assert.equal(nextStep(without, deadlines(without, "2024-03-11"), LAW).kind, "set_deadline");
});

test("a date past the calendar's end is refused with the calendar's message, not guessed", () => {
  const c = makeCase({ steps: [["claim_sent", "2024-12-20"], ["claim_received", "2024-12-25"]] });
  const seller = byId(deadlines(c, "2024-12-26"), "seller");
  assert.match(seller.error, /31\.12\.2024/);
  assert.equal(nextStep(c, deadlines(c, "2024-12-26"), LAW).kind, "error");
});

test("a complaint sent before the seller's term ran out, with no answer yet, is pointed out", () => {
  const early = makeCase({ steps: [["claim_sent", "2024-02-26"], ["claim_received", "2024-03-01"], ["complaint_sent", "2024-03-05"]] });
  const [warning] = earlySteps(early, deadlines(early, "2024-03-15"));
  assert.match(warning, /05\.03\.2024.*11\.03\.2024/);
  const afterRefusal = makeCase({ steps: [["claim_sent", "2024-02-26"], ["claim_received", "2024-03-01"], ["seller_refused", "2024-03-04"], ["complaint_sent", "2024-03-05"]] });
  assert.deepEqual(earlySteps(afterRefusal, deadlines(afterRefusal, "2024-03-15")), []);
  const inTime = makeCase({ steps: [["claim_sent", "2024-02-26"], ["claim_received", "2024-03-01"], ["complaint_sent", "2024-03-12"]] });
  assert.deepEqual(earlySteps(inTime, deadlines(inTime, "2024-03-15")), []);
});

test("a rule the register marks unconfirmed says so next to its deadline", () => {
  const law = structuredClone(LAW);
  law["zozpp-23-1-refund"].status = "unconfirmed";
  const c = makeCase({ steps: [["claim_sent", "2024-02-26"], ["claim_received", "2024-03-01"]] });
  assert.equal(byId(caseDeadlines(c, FIXTURE_CALENDAR, law, "2024-03-05"), "seller").unconfirmed, true);
  assert.equal(byId(deadlines(c, "2024-03-05"), "seller").unconfirmed, false);
});
