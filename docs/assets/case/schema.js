// Everything «Моё дело» reads back — its localStorage entry, a file the buyer opens — is untrusted:
// another site's script, an old version of the page, a hand-edited or hostile file. This checks it
// against the one shape the page writes and builds a fresh copy of only the allowed keys, so nothing
// else (no «__proto__», no extra field) reaches the page. It refuses, with a message in Russian,
// anything over the bounds of model.js. Pure; tested by node --test (tests/js/case-schema.test.mjs).

import { isValidDate } from "../claim/dates.js";
import { parseRubles } from "../claim/money.js";
import { CASE_KINDS, DEMANDS, FILE_FORMAT, FILE_VERSION, LIMITS, STEPS } from "./model.js";

/** A refusal: `problems` lists every reason (at most a few dozen), each a sentence in Russian. */
export class CaseFileError extends Error {
  constructor(problems) {
    super(problems.join(" "));
    this.problems = problems;
  }
}

const MAX_PROBLEMS = 20;
const ID = /^[a-z0-9-]+$/;
const hasOwn = (object, key) => Object.prototype.hasOwnProperty.call(object, key);
const isPlainObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);

/** Characters that have no place in a line of text: controls (tabs and line breaks allowed in notes). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/;

function checker() {
  const problems = [];
  const say = (text) => {
    if (problems.length < MAX_PROBLEMS) problems.push(text);
  };
  return { problems, say };
}

function unknownKeys(object, allowed, where, say) {
  for (const key of Object.keys(object)) if (!allowed.includes(key)) say(`${where}: лишнее поле «${String(key).slice(0, 40)}».`);
}

function text(value, max, where, say, { optional = true, multiline = false } = {}) {
  if (value === undefined || value === "") {
    if (!optional) say(`${where}: не заполнено.`);
    return "";
  }
  if (typeof value !== "string") {
    say(`${where}: должно быть текстом.`);
    return "";
  }
  if ([...value].length > max) say(`${where}: длиннее ${max} знаков.`);
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  const bad = multiline ? CONTROL : /[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/;
  if (bad.test(value)) say(`${where}: недопустимые служебные символы.`);
  return value;
}

function date(value, where, say, { optional = true } = {}) {
  if (value === undefined || value === "") {
    if (!optional) say(`${where}: нет даты.`);
    return "";
  }
  if (typeof value !== "string" || !isValidDate(value) || value.length !== 10) {
    say(`${where}: не дата (нужен вид ГГГГ-ММ-ДД).`);
    return "";
  }
  return value;
}

function order(value, where, say) {
  if (!isPlainObject(value)) {
    say(`${where}: нет сведений о заказе.`);
    return {};
  }
  unknownKeys(value, ["number", "product", "price", "seller", "orderDate", "promisedDate", "receivedDate", "newDeadline"], where, say);
  const price = text(value.price, LIMITS.price, `${where}, цена`, say);
  if (price && (parseRubles(price) === null || parseRubles(price) < 0)) say(`${where}, цена: не сумма в рублях.`);
  return {
    number: text(value.number, LIMITS.orderNumber, `${where}, номер`, say),
    product: text(value.product, LIMITS.text, `${where}, товар`, say),
    price,
    seller: text(value.seller, LIMITS.text, `${where}, продавец`, say),
    orderDate: date(value.orderDate, `${where}, дата заказа`, say),
    promisedDate: date(value.promisedDate, `${where}, обещанная дата доставки`, say),
    receivedDate: date(value.receivedDate, `${where}, дата получения`, say),
    newDeadline: date(value.newDeadline, `${where}, новый срок доставки`, say),
  };
}

function step(value, where, say) {
  if (!isPlainObject(value)) {
    say(`${where}: не шаг дела.`);
    return null;
  }
  unknownKeys(value, ["kind", "date", "note"], where, say);
  if (typeof value.kind !== "string" || !hasOwn(STEPS, value.kind)) {
    say(`${where}: неизвестный шаг «${String(value.kind).slice(0, 40)}».`);
    return null;
  }
  return {
    kind: value.kind,
    date: date(value.date, where, say, { optional: false }),
    note: text(value.note, LIMITS.note, `${where}, заметка`, say, { multiline: true }),
  };
}

/** One case, copied field by field; `say` collects what is wrong. */
function oneCase(value, where, say) {
  if (!isPlainObject(value)) {
    say(`${where}: не дело.`);
    return null;
  }
  unknownKeys(value, ["id", "title", "kind", "demand", "order", "steps"], where, say);
  const id = typeof value.id === "string" && value.id.length <= LIMITS.id && ID.test(value.id) ? value.id : null;
  if (!id) say(`${where}: неверный идентификатор.`);
  const kind = typeof value.kind === "string" && hasOwn(CASE_KINDS, value.kind) ? value.kind : null;
  if (!kind) say(`${where}: неизвестная ситуация «${String(value.kind).slice(0, 40)}».`);
  const demand = kind && typeof value.demand === "string" && hasOwn(DEMANDS[kind], value.demand) ? value.demand : null;
  if (kind && !demand) say(`${where}: требование «${String(value.demand).slice(0, 40)}» не подходит к этой ситуации.`);
  const steps = [];
  if (!Array.isArray(value.steps)) say(`${where}: нет списка шагов.`);
  else if (value.steps.length > LIMITS.steps) say(`${where}: шагов больше ${LIMITS.steps}.`);
  else value.steps.forEach((item, index) => {
    const copy = step(item, `${where}, шаг ${index + 1}`, say);
    if (copy) steps.push(copy);
  });
  const result = {
    id,
    title: text(value.title, LIMITS.title, `${where}, название`, say, { optional: false }),
    kind,
    demand,
    order: order(value.order, `${where}, заказ`, say),
    steps,
  };
  for (const problem of orderProblems(result.steps)) say(`${where}: ${problem}`);
  return result;
}

/**
 * What is wrong with the order of a case's steps: a step twice, a step before the one it follows
 * (the seller cannot receive a claim before it was sent). The page asks the same before adding one.
 */
export function orderProblems(steps) {
  const problems = [];
  const seen = new Map();
  for (const s of steps) {
    if (seen.has(s.kind)) problems.push(`шаг «${STEPS[s.kind].label}» записан дважды.`);
    seen.set(s.kind, s);
  }
  for (const s of steps) {
    const needs = STEPS[s.kind].after;
    if (!needs) continue;
    const before = seen.get(needs);
    if (!before) problems.push(`шаг «${STEPS[s.kind].label}» не может быть раньше шага «${STEPS[needs].label}».`);
    else if (before.date && s.date && before.date > s.date) problems.push(`«${STEPS[s.kind].label}» датирован раньше, чем «${STEPS[needs].label}».`);
  }
  return problems;
}

/** A whole case file as the page keeps it: {format, version, cases: […]}; throws CaseFileError. */
export function validateCaseFile(value) {
  const { problems, say } = checker();
  if (!isPlainObject(value) || value.format !== FILE_FORMAT) throw new CaseFileError(["Это не файл «Моего дела»."]);
  if (value.version !== FILE_VERSION) throw new CaseFileError([`Файл другой версии (${String(value.version).slice(0, 10)}): эта страница читает версию ${FILE_VERSION}.`]);
  unknownKeys(value, ["format", "version", "saved", "cases"], "Файл", say);
  date(value.saved, "Файл, дата сохранения", say);
  if (!Array.isArray(value.cases)) throw new CaseFileError(["В файле нет списка дел."]);
  if (value.cases.length > LIMITS.cases) throw new CaseFileError([`В файле ${value.cases.length} дел, а страница хранит не больше ${LIMITS.cases}.`]);
  const cases = value.cases.map((item, index) => oneCase(item, `Дело ${index + 1}`, say));
  const ids = cases.map((c) => c?.id).filter(Boolean);
  if (new Set(ids).size !== ids.length) say("Два дела с одним идентификатором.");
  if (problems.length) throw new CaseFileError(problems);
  return { format: FILE_FORMAT, version: FILE_VERSION, cases };
}

/** Text of a file or a stored entry → a checked case file; the size is checked before parsing. */
export function parseCaseFile(textValue) {
  if (typeof textValue !== "string") throw new CaseFileError(["Это не текстовый файл."]);
  // More characters than bytes allowed is too large whatever they are; else count the UTF-8 bytes.
  if (textValue.length > LIMITS.fileBytes || new TextEncoder().encode(textValue).length > LIMITS.fileBytes) {
    throw new CaseFileError([`Файл больше ${LIMITS.fileBytes / 1024} КБ: это не файл «Моего дела».`]);
  }
  let value;
  try {
    value = JSON.parse(textValue);
  } catch {
    throw new CaseFileError(["Файл повреждён: это не JSON."]);
  }
  return validateCaseFile(value);
}

/** The text the page writes to storage and to the file the buyer saves. */
export function serializeCaseFile(cases, today) {
  return JSON.stringify({ format: FILE_FORMAT, version: FILE_VERSION, saved: today, cases }, null, 1);
}
