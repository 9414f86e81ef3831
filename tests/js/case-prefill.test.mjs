// «Моё дело» → the claim builder: the pre-fill fragment one writes is what the other reads, and a
// hostile fragment fills in nothing it should not.
import { test } from "node:test";
import assert from "node:assert/strict";
import { makeCase } from "./case-support.mjs";
import { builderAnswers, builderLink } from "../../docs/assets/case/prefill.js";
import { MAX_PREFILL_CHARS, readPrefill } from "../../docs/assets/claim/prefill.js";
import "./fixture-law.mjs"; // the builder's fields name terms of the register
import { fields } from "../../docs/assets/claim/fields.js";
import { MAX_TEXT } from "../../docs/assets/claim/rules.js";

const hashOf = (link) => link.slice(link.indexOf("#"));

test("a claim link carries the order and the demand; the builder reads back the same answers", () => {
  const c = makeCase({ order: { promisedDate: "2024-02-20" } });
  const link = builderLink("../konstruktor-pretenzii/#old", c, "claim");
  assert.ok(link.startsWith("../konstruktor-pretenzii/#prefill&"));
  const read = readPrefill(hashOf(link), fields(), MAX_TEXT);
  assert.deepEqual(read, {
    case: "not_delivered", doc: "claim", orderNumber: "12345678-0001", orderDate: "2024-02-01", product: "Чайник", price: "12 000",
    ndDemand: "refund", prepaid: "12 000", promisedDate: "2024-02-20", recipient: "seller", sellerName: "ООО «Ромашка»",
  });
});

test("a lawsuit link, from the court step, carries doc=lawsuit with the claim's date and the seller's answer", () => {
  const c = makeCase({ kind: "subscription", demand: "refund_no_consent", order: { price: "399", seller: "Ozon" }, steps: [["claim_sent", "2024-03-01"]] });
  const answers = builderAnswers(c, "lawsuit");
  assert.deepEqual(
    [answers.doc, answers.case, answers.subReason, answers.claimSentDate, answers.sellerReply, answers.refundAmount, answers.recipient],
    ["lawsuit", "subscription", "no_consent", "2024-03-01", "none", "399", "ozon"],
  );
  // The builder takes back only what it may pre-fill: the case, the document and the claim's facts.
  const read = readPrefill(hashOf(builderLink("x/", c, "lawsuit")), fields(), MAX_TEXT);
  assert.equal(read.doc, "lawsuit");
  assert.equal(read.claimSentDate, "2024-03-01");
  assert.equal(read.sellerReply, "none");
  assert.equal(read.subReason, "no_consent");
});

test("a complaint link says when the claim went and what the seller answered", () => {
  const c = makeCase({ kind: "defective", demand: "replace", order: { receivedDate: "2024-02-10", seller: "Ozon" }, steps: [["claim_sent", "2024-02-26"], ["seller_refused", "2024-03-01"]] });
  const answers = builderAnswers(c, "complaint");
  assert.deepEqual([answers.qDemand, answers.claimSentDate, answers.sellerReply, answers.recipient, answers.sellerName, answers.receivedDate], ["replace", "2024-02-26", "refused", "ozon", undefined, "2024-02-10"]);
  assert.deepEqual(readPrefill(hashOf(builderLink("x/", c, "complaint")), fields(), MAX_TEXT), answers);
  assert.equal(builderAnswers(makeCase({ steps: [["claim_sent", "2024-02-26"]] }), "complaint").sellerReply, "none");
});

test("a hostile fragment: unknown fields, personal details, values the form does not offer, bad dates, long text", () => {
  const hash = "#prefill&fullName=Злоумышленник&address=x&case=__proto__&doc=appeal&price=-5&orderDate=2024-02-30" +
    `&product=${"я".repeat(MAX_TEXT + 1)}&orderNumber=1%0A2%E2%80%AE3&case=defective&sellerReply=refused&toString=1`;
  assert.deepEqual(readPrefill(hash, fields(), MAX_TEXT), { orderNumber: "1 2 3", sellerReply: "refused" }, "case is named twice: neither value");
});

test("no pre-fill: another fragment, or one longer than the bound", () => {
  assert.equal(readPrefill("", fields(), MAX_TEXT), null);
  assert.equal(readPrefill("#kak-schitaet-sroki", fields(), MAX_TEXT), null);
  assert.equal(readPrefill(`#prefill&product=${"a".repeat(MAX_PREFILL_CHARS)}`, fields(), MAX_TEXT), null);
});
