// Which document the answers ask for: the claim or the complaint (letter.js) or the lawsuit
// (lawsuit.js). A module of its own because lawsuit.js builds on letter.js: letter.js must not import
// it back (the offline copy bundles modules and refuses import cycles, ozon/offline).

import { buildLetter as claimOrComplaint, buildLetters as claimLetters } from "./letter.js";
import { buildLawsuit } from "./lawsuit.js";
import { BANK_BUILDERS } from "./bank.js";

/** The one document these answers make first. */
export function buildLetter(a, data) {
  if (BANK_BUILDERS[a.doc]) return BANK_BUILDERS[a.doc](a, data);
  return a.doc === "lawsuit" ? buildLawsuit(a, data) : claimOrComplaint(a, data);
}

/** Every document these answers make: the lawsuit alone, or the claim (with Ozon's letter) or the complaint. */
export function buildLetters(a, data) {
  return a.doc === "lawsuit" || BANK_BUILDERS[a.doc] ? [buildLetter(a, data)] : claimLetters(a, data);
}
