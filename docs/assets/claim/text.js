// Text the buyer types: Russian company numbers (ИНН, ОГРН, ОГРНИП) with their check digits, and
// letters counted as a reader sees them, so a cut never splits an emoji or a letter with an accent.
// Pure; tested by node --test (tests/js/text.test.mjs).

/** One segmenter for the page, made on first use (the first segmentation loads the browser's break
    rules: tens of ms on a slow phone, so callers skip it when a cheaper test answers). */
let segmenter;

/** User-perceived characters (grapheme clusters); code points where Intl.Segmenter is missing. */
export function graphemes(text) {
  const value = String(text ?? "");
  if (value === "") return [];
  if (typeof Intl !== "undefined" && Intl.Segmenter) {
    segmenter ??= new Intl.Segmenter("ru", { granularity: "grapheme" });
    return Array.from(segmenter.segment(value), (part) => part.segment);
  }
  return Array.from(value); // code points: never half a surrogate pair
}

/** The first `count` characters, never half of one. */
export function cut(text, count) {
  return graphemes(text).slice(0, count).join("");
}

export function textLength(text) {
  return graphemes(text).length;
}

const digitsOf = (number) => Array.from(number, Number);
const weighted = (digits, weights) => weights.reduce((sum, weight, index) => sum + weight * digits[index], 0);

/** ИНН: 10 digits for a company, 12 for a person or ИП, with check digits (weights of the tax service). */
export function isValidInn(number) {
  if (!/^\d{10}$|^\d{12}$/.test(number)) return false;
  const d = digitsOf(number);
  const check = (weights) => (weighted(d, weights) % 11) % 10;
  if (number.length === 10) return check([2, 4, 10, 3, 5, 9, 4, 6, 8]) === d[9];
  return check([7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) === d[10] && check([3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) === d[11];
}

/** ОГРН (13 digits: the first 12 mod 11) or ОГРНИП (15 digits: the first 14 mod 13), last digit of the rest. */
export function isValidOgrn(number) {
  if (!/^\d{13}$|^\d{15}$/.test(number)) return false;
  const body = BigInt(number.slice(0, -1));
  const modulus = number.length === 13 ? 11n : 13n;
  return Number((body % modulus) % 10n) === Number(number.at(-1));
}

const KINDS = { 10: "ИНН", 12: "ИНН", 13: "ОГРН", 15: "ОГРНИП" };
const LABEL = /^(инн|огрнип|огрн)$/i;

/**
 * «ИНН 7707083893, ОГРН 1027700132195» or the bare numbers → {value: normalised text} or {error}.
 * Numbers are digits only; a word before one may only name its kind, and must name the right one.
 */
export function checkCompanyIds(text) {
  const tokens = String(text ?? "").split(/[\s,;:]+/).filter(Boolean);
  const found = [];
  let label = null;
  for (const token of tokens) {
    if (LABEL.test(token)) {
      label = token.toUpperCase();
      continue;
    }
    if (!/^\d+$/.test(token)) return { error: `«${cut(token, 20)}» — не номер: ИНН и ОГРН пишутся только цифрами.` };
    const kind = KINDS[token.length];
    if (!kind) return { error: `${token}: ${token.length} цифр. В ИНН 10 или 12 цифр, в ОГРН 13, в ОГРНИП 15.` };
    if (label && label !== kind) return { error: `${token} — это не ${label}: в ${label === "ИНН" ? "ИНН 10 или 12 цифр" : label === "ОГРН" ? "ОГРН 13 цифр" : "ОГРНИП 15 цифр"}.` };
    const valid = kind === "ИНН" ? isValidInn(token) : isValidOgrn(token);
    if (!valid) return { error: `${kind} ${token} не сходится по контрольной цифре: проверьте цифры в карточке продавца или в ЕГРЮЛ.` };
    found.push(`${kind} ${token}`);
    label = null;
  }
  if (label) return { error: `После «${label}» нет номера.` };
  return { value: found.join(", ") };
}
