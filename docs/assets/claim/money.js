// Money as whole kopecks (integers), so 0,1 + 0,2 never becomes 0,30000000000000004.

const NBSP = "\u00a0";

/**
 * "12 000", "12000,50", "12 000.5 ₽" → kopecks; null when the text is not an amount.
 * A minus sign is kept so the form can say «сумма не может быть отрицательной» instead of «не число».
 */
export function parseRubles(text) {
  const cleaned = String(text ?? "")
    .replace(/[\s\u00a0\u202f]/g, "")
    .replace(/(₽|руб\.?|р\.)$/i, "")
    .replace(",", ".");
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(cleaned);
  if (!match) return null;
  const [, sign, rubles, kopecks = ""] = match;
  const value = Number(rubles) * 100 + Number(kopecks.padEnd(2, "0"));
  if (!Number.isSafeInteger(value)) return null;
  return sign ? -value : value;
}

function groupThousands(digits) {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
}

/** 1200000 → "12 000 ₽", 84050 → "840,50 ₽" (no-break spaces, kopecks only when there are some). */
export function formatRubles(kopecks) {
  const sign = kopecks < 0 ? "−" : "";
  const abs = Math.abs(kopecks);
  const rubles = groupThousands(String(Math.floor(abs / 100)));
  const rest = abs % 100;
  return `${sign}${rubles}${rest ? "," + String(rest).padStart(2, "0") : ""}${NBSP}₽`;
}

/** Russian plural of «день» for a count: 1 день, 2 дня, 5 дней, 11 дней, 21 день. */
export function pluralDays(count) {
  const n = Math.abs(count) % 100;
  const last = n % 10;
  if (n >= 11 && n <= 14) return "дней";
  if (last === 1) return "день";
  if (last >= 2 && last <= 4) return "дня";
  return "дней";
}

export function daysText(count) {
  return `${count}${NBSP}${pluralDays(count)}`;
}

/** «1 месяц», «3 месяца», «6 месяцев»: a term in months as a figure of the register gives it. */
export function monthsText(count) {
  const n = Math.abs(count) % 100;
  const last = n % 10;
  const word = n >= 11 && n <= 14 ? "месяцев" : last === 1 ? "месяц" : last >= 2 && last <= 4 ? "месяца" : "месяцев";
  return `${count}${NBSP}${word}`;
}
