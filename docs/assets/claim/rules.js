// Legal terms the builder uses, in one place, each with the article it comes from.

/** Days the seller has to meet a demand, counted from the day after it receives the claim. */
export const TERM_DAYS = {
  refund: 10, // ст. 22 ЗоЗПП; ст. 23.1 for a prepayment (which point: not yet checked against the official text); п. 4 ст. 26.1 after a refusal
  reduce: 10, // ст. 22 ЗоЗПП
  replace: 7, // п. 1 ст. 21 ЗоЗПП (20 days when the seller needs a quality check)
  repair: 45, // п. 1 ст. 20 ЗоЗПП: at most 45 days
  answer: 10, // the answer to the claim itself
};

/** A buyer may refuse goods bought at a distance within 7 days of handover (п. 4 ст. 26.1 ЗоЗПП)… */
export const REFUSAL_DAYS = 7;
/** …or within 3 months when written return terms were not handed over with the goods. */
export const REFUSAL_MONTHS_NO_INFO = 3;
/** An authority answers within 30 days of registering the appeal (ст. 12 Закона № 59-ФЗ). */
export const AUTHORITY_ANSWER_DAYS = 30;
/** …and registers it within 3 days (ч. 2 ст. 8 Закона № 59-ФЗ). */
export const AUTHORITY_REGISTER_DAYS = 3;

/** Larger amounts are almost certainly a typo (an extra zero) in a claim about one Ozon order. */
export const MAX_AMOUNT_KOPECKS = 10_000_000 * 100;
/** Earlier dates are a typo too: Ozon has taken orders since the late 1990s. */
export const EARLIEST_DATE = "1998-01-01";
export const MAX_TEXT = 500;
