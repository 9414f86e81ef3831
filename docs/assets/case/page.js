// «Моё дело» (docs/moe-delo.md): the buyer's cases, kept only in this browser and in a file the buyer
// saves. Draws the cards, adds steps, offers the deadlines as an .ics file and the next document from
// the claim builder. No request leaves the page: no fetch, no external file. DOM is built with
// textContent only (../claim/dom.js). The logic is in the pure modules beside this one.

import { makeCalendar, termText } from "../claim/calendar.js";
import { compare, formatRu, isValidDate, parseDateInput, todayIso } from "../claim/dates.js";
import { daysText, parseRubles } from "../claim/money.js";
import { buildIcs } from "../claim/ics.js";
import { el } from "../claim/dom.js";
import { CASE_KINDS, DEMANDS, LIMITS, STEPS } from "./model.js";
import { isDeliveryCase, isMoneyCase } from "../claim/rules.js";
import { CaseFileError, orderProblems, parseCaseFile, serializeCaseFile } from "./schema.js";
import { caseDeadlines, earlySteps, nextStep, overdue } from "./deadlines.js";
import { builderLink } from "./prefill.js";
import { openCaseStore } from "./store.js";

const DATE_HINT = "ДД.ММ.ГГГГ";
const DATE_PATTERN = "\\d{1,2}\\.\\d{1,2}\\.\\d{4}|\\d{4}-\\d{2}-\\d{2}";

/** The calendar and the register's rules the build put into the page ({{ claim_data() }}). */
function readData() {
  // The one JSON block the macro wrote, never the first element that happens to carry the id
  // (page content could put one earlier): with two, or with one that is not that block, refuse.
  const blocks = document.querySelectorAll('[id="claim-data"]');
  const block = blocks.length === 1 && blocks[0].matches('script[type="application/json"]') ? blocks[0] : null;
  if (!block) throw new Error("claim-data block missing or taken twice: the page must call {{ claim_data() }} once");
  const { calendar, law } = JSON.parse(block.textContent);
  return { calendar: makeCalendar(calendar), law };
}

/** A link the Markdown of the page holds (MkDocs resolves it, with or without directory URLs). */
function pageLink(id) {
  return document.getElementById(id)?.getAttribute("href") ?? null;
}

function dateInput(id, describedBy) {
  return el("input", { id, type: "text", inputmode: "numeric", placeholder: DATE_HINT, pattern: DATE_PATTERN, autocomplete: "off", "aria-describedby": describedBy, "data-kind": "date" });
}

/** The typed date as ISO; "" when empty; null when it is not a date. */
function readDate(input) {
  const typed = input.value.trim();
  if (!typed) return "";
  const iso = parseDateInput(typed);
  return iso && isValidDate(iso) ? iso : null;
}

function field(label, input, hint) {
  const hintId = `${input.id}-hint`;
  if (hint) input.setAttribute("aria-describedby", [input.getAttribute("aria-describedby"), hintId].filter(Boolean).join(" "));
  return el("div", { class: "case-field" }, el("label", { for: input.id, text: label }), input, hint ? el("p", { class: "case-hint", id: hintId, text: hint }) : null);
}

function selectOf(id, entries, chosen) {
  return el("select", { id }, entries.map(([value, label]) => el("option", { value, text: label, selected: value === chosen })));
}

/** A new id, unique among the cases: letters and digits only (schema.js requires that shape). */
function newId(cases) {
  const taken = new Set(cases.map((c) => c.id));
  let id;
  do id = `delo-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6).toString(36)}`; while (taken.has(id));
  return id;
}

// --- the form for a new case ----------------------------------------------------------------

function drawNewCaseForm(onCreate) {
  const kind = selectOf("case-new-kind", Object.entries(CASE_KINDS).map(([id, { label }]) => [id, label]), "not_delivered");
  const demand = el("select", { id: "case-new-demand" });
  const inputs = {
    title: el("input", { id: "case-new-title", type: "text", maxlength: String(LIMITS.title), autocomplete: "off" }),
    product: el("input", { id: "case-new-product", type: "text", maxlength: String(LIMITS.text), autocomplete: "off" }),
    price: el("input", { id: "case-new-price", type: "text", inputmode: "decimal", maxlength: String(LIMITS.price), autocomplete: "off" }),
    number: el("input", { id: "case-new-number", type: "text", maxlength: String(LIMITS.orderNumber), autocomplete: "off" }),
    seller: el("input", { id: "case-new-seller", type: "text", maxlength: String(LIMITS.text), autocomplete: "off" }),
    orderDate: dateInput("case-new-orderDate"),
    promisedDate: dateInput("case-new-promisedDate"),
    receivedDate: dateInput("case-new-receivedDate"),
    newDeadline: dateInput("case-new-newDeadline"),
  };
  const error = el("p", { class: "case-error", id: "case-new-error", role: "alert" });
  const fields = {
    promisedDate: field(`Обещанная дата доставки (${DATE_HINT})`, inputs.promisedDate),
    receivedDate: field(`Дата получения товара (${DATE_HINT})`, inputs.receivedDate),
    newDeadline: field(`Новый срок доставки, который вы назначили (${DATE_HINT}) *`, inputs.newDeadline),
  };
  function fillDemands() {
    const chosen = demand.value;
    demand.replaceChildren(...Object.entries(DEMANDS[kind.value]).map(([id, { label }]) => el("option", { value: id, text: label, selected: id === chosen })));
    const delivery = isDeliveryCase(kind.value);
    fields.promisedDate.hidden = !delivery;
    fields.receivedDate.hidden = delivery || kind.value === "refund_missing" || isMoneyCase(kind.value);
    fields.newDeadline.hidden = !(delivery && demand.value === "new_deadline");
  }
  kind.addEventListener("change", fillDemands);
  demand.addEventListener("change", fillDemands);
  fillDemands();
  const submit = el("button", { type: "submit", class: "md-button md-button--primary", id: "case-create", text: "Создать дело" });
  const form = el("form", { class: "case-new", id: "case-new", novalidate: true },
    el("h2", { id: "case-new-heading", text: "Новое дело", tabindex: "-1" }),
    field("Короткое название дела *", inputs.title, "Например: «Чайник не привезли». Так дело будет подписано на этой странице."),
    field("Ситуация", kind),
    field("Чего вы требуете", demand),
    field("Товар", inputs.product),
    field("Цена или сколько заплатили, ₽", inputs.price),
    field("Номер заказа", inputs.number, "Ozon → Профиль → Заказы."),
    field(`Дата заказа (${DATE_HINT})`, inputs.orderDate),
    fields.promisedDate, fields.receivedDate, fields.newDeadline,
    field("Продавец", inputs.seller, "Как в карточке продавца: ООО «…» или ИП …; если продаёт сам Ozon — Ozon."),
    error, submit);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const problems = [];
    const dates = {};
    for (const name of ["orderDate", "promisedDate", "receivedDate", "newDeadline"]) {
      const value = fields[name]?.hidden ? "" : readDate(inputs[name]);
      if (value === null) problems.push(`Дата «${inputs[name].value.trim().slice(0, 20)}» не похожа на дату: напишите ${DATE_HINT}.`);
      dates[name] = value || "";
    }
    const title = inputs.title.value.trim();
    if (!title) problems.push("Впишите название дела.");
    const price = inputs.price.value.trim();
    if (price && (parseRubles(price) === null || parseRubles(price) < 0)) problems.push("Цена: напишите сумму в рублях, например 12 000.");
    if (!fields.newDeadline.hidden && !dates.newDeadline) problems.push("Впишите новый срок доставки, который вы назначили продавцу.");
    if (problems.length) {
      error.textContent = problems.join(" ");
      return;
    }
    const created = onCreate({
      title, kind: kind.value, demand: demand.value,
      order: { number: inputs.number.value.trim(), product: inputs.product.value.trim(), price, seller: inputs.seller.value.trim(), ...dates },
      steps: [],
    });
    if (created !== true) {
      error.textContent = created;
      return;
    }
    error.textContent = "";
    form.reset();
    fillDemands();
  });
  return form;
}

// --- one case ---------------------------------------------------------------------------------

const STATE_TEXT = {
  done: () => "выполнено",
  running: (d) => (d.daysLeft === 0 ? "сегодня последний день" : `осталось ${daysText(d.daysLeft)}`),
  overdue: (d) => `просрочен на ${daysText(-d.daysLeft)}`,
  "not-started": () => "срок ещё не начался: отметьте, когда продавец получил претензию",
};

function deadlineItem(d) {
  if (d.error) return el("li", { class: "case-deadline case-deadline--error", text: d.error });
  const when = d.term ? ` — по ${termText(d.term)}` : "";
  const state = el("strong", { class: `case-state case-state--${d.state}`, text: STATE_TEXT[d.state](d) });
  return el("li", { class: `case-deadline case-deadline--${d.state}`, "data-deadline": d.id, "data-state": d.state, "data-days-left": d.daysLeft ?? false },
    `${d.label}: ${d.detail}${when} (${d.cite}${d.unconfirmed ? ", не подтверждено" : ""}). `, state, d.estimated ? " Дата примерная: отметьте шаг «Жалобу зарегистрировали», когда узнаете дату." : null);
}

function orderSummary(c) {
  const o = c.order;
  const parts = [
    `${CASE_KINDS[c.kind].label}. Требование: ${DEMANDS[c.kind][c.demand].label.toLowerCase()}.`,
    o.product ? `Товар: ${o.product}.` : null,
    o.price ? `Цена: ${o.price} ₽.` : null,
    o.number ? `Заказ № ${o.number}${o.orderDate ? ` от ${formatRu(o.orderDate)}` : ""}.` : o.orderDate ? `Заказ от ${formatRu(o.orderDate)}.` : null,
    o.promisedDate ? `Обещали доставить: ${formatRu(o.promisedDate)}.` : null,
    o.receivedDate ? `Получен: ${formatRu(o.receivedDate)}.` : null,
    o.newDeadline ? `Новый срок доставки: ${formatRu(o.newDeadline)}.` : null,
    o.seller ? `Продавец: ${o.seller}.` : null,
  ];
  return parts.filter(Boolean).join(" ");
}

const DOC_LINK_TEXT = {
  claim: "Составить претензию в конструкторе",
  complaint: "Составить жалобу в конструкторе",
  lawsuit: "Составить иск в конструкторе",
};

function nextStepBox(c, next) {
  const box = el("div", { class: "case-next", "data-next": next.kind }, el("p", { class: "case-next__title" }, el("strong", { text: next.title })), el("p", { text: next.text }));
  const builder = pageLink("case-builder-link");
  if (builder && DOC_LINK_TEXT[next.doc]) {
    box.append(el("a", { class: "md-button md-button--primary case-next__link", href: builderLink(builder, c, next.doc), text: DOC_LINK_TEXT[next.doc] }));
  }
  const court = pageLink("case-court-link");
  if (court && (next.doc === "lawsuit" || next.kind === "complaint")) {
    box.append(" ", el("a", { class: "md-button case-next__link", href: court, text: "Как подать иск в суд" }));
  }
  return box;
}

function icsEvents(c, deadlines) {
  return deadlines.filter((d) => d.term && (d.state === "running" || d.state === "overdue")).map((d) => ({
    date: d.term.end,
    id: d.id,
    summary: `${c.title}: последний день — ${d.label.toLowerCase()}`,
    description: `${d.label}: ${d.detail} (${d.cite}). Дело «${c.title}» на странице «Моё дело».`,
  }));
}

function icsLink(c, deadlines) {
  const events = icsEvents(c, deadlines);
  if (!events.length) return null;
  const text = buildIcs(events, { uid: (event) => `${c.id}-${event.id}-${event.date}@moe-delo` });
  // A data: address, not a blob: one that must be released; the file is a few hundred bytes.
  return el("a", { class: "md-button", href: `data:text/calendar;charset=utf-8,${encodeURIComponent(text)}`, download: `sroki-${c.id}.ics`, "data-ics": c.id, text: "Сроки — в календарь (.ics)" });
}

function stepForm(c, onAddStep) {
  const prefix = `case-${c.id}-step`;
  const kind = selectOf(`${prefix}-kind`, Object.entries(STEPS).filter(([id]) => !c.steps.some((s) => s.kind === id)).map(([id, { label }]) => [id, label]));
  const date = dateInput(`${prefix}-date`);
  const note = el("textarea", { id: `${prefix}-note`, rows: "2", maxlength: String(LIMITS.note) });
  const error = el("p", { class: "case-error", id: `${prefix}-error`, role: "alert" });
  const form = el("form", { class: "case-step-form", novalidate: true, "aria-label": `Новый шаг дела «${c.title}»` },
    field("Что произошло", kind),
    field(`Когда (${DATE_HINT})`, date),
    field("Заметка (трек-номер, что ответили)", note),
    error,
    el("button", { type: "submit", class: "md-button", text: "Добавить шаг" }));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const iso = readDate(date);
    const problem = iso ? onAddStep(c.id, { kind: kind.value, date: iso, note: note.value.trim() }) : `Дата: напишите ${DATE_HINT}.`;
    if (problem !== true) error.textContent = problem;
  });
  return kind.options.length ? form : null;
}

function drawCase(c, data, today, handlers) {
  const deadlines = caseDeadlines(c, data.calendar, data.law, today);
  const next = nextStep(c, deadlines, data.law);
  const late = overdue(deadlines);
  const headingId = `case-${c.id}-title`;
  const steps = [...c.steps].sort((a, b) => compare(a.date, b.date));
  const remove = el("button", { type: "button", class: "md-button case-remove", text: "Удалить дело" });
  remove.addEventListener("click", () => handlers.removeCase(c.id));
  return el("article", { class: "case-card", "data-case": c.id, "aria-labelledby": headingId },
    el("h2", { id: headingId, tabindex: "-1", text: c.title }),
    el("p", { class: "case-order", text: orderSummary(c) }),
    earlySteps(c, deadlines).map((text) => el("p", { class: "case-warning", text })),
    late.length ? el("p", { class: "case-overdue", role: "status", text: `Срок прошёл: ${late.map((d) => d.label.toLowerCase()).join(", ")}.` }) : null,
    el("h3", { text: "Что делать дальше" }),
    nextStepBox(c, next),
    el("h3", { text: "Сроки" }),
    deadlines.length ? el("ul", { class: "case-deadlines" }, deadlines.map(deadlineItem)) : el("p", { text: "Сроки появятся, когда вы отметите первый шаг." }),
    el("h3", { text: "Шаги" }),
    steps.length
      ? el("ol", { class: "case-steps" }, steps.map((s) => el("li", { "data-step": s.kind }, `${formatRu(s.date)} — ${STEPS[s.kind].label}.`, s.note ? ` ${s.note}` : "")))
      : el("p", { text: "Шагов пока нет." }),
    stepForm(c, handlers.addStep),
    el("div", { class: "case-actions" }, icsLink(c, deadlines), remove));
}

// --- the page -----------------------------------------------------------------------------------

function download(name, text, type) {
  const link = el("a", { href: `data:${type};charset=utf-8,${encodeURIComponent(text)}`, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
}

export function start(root) {
  const data = readData();
  const today = todayIso();
  const store = openCaseStore();
  let cases = [];

  const status = el("p", { class: "case-status", id: "case-status", role: "status" });
  const list = el("div", { class: "case-list", id: "case-list" });
  const save = el("button", { type: "button", class: "md-button", id: "case-save", text: "Сохранить в файл" });
  const open = el("input", { type: "file", id: "case-open", accept: ".json,application/json" });
  const clear = el("button", { type: "button", class: "md-button", id: "case-clear", text: "Стереть все дела" });
  const say = (text) => { status.textContent = text; };

  function persist() {
    if (!store.available) return;
    if (!cases.length) store.erase();
    else if (!store.write(serializeCaseFile(cases, today))) say("Браузер не сохранил дела (хранилище переполнено или запрещено). Сохраните их в файл.");
  }

  function render(focusId) {
    list.replaceChildren(...cases.map((c) => drawCase(c, data, today, handlers)));
    save.disabled = !cases.length;
    if (focusId) document.getElementById(focusId)?.focus();
  }

  const handlers = {
    addStep(id, step) {
      const c = cases.find((item) => item.id === id);
      if (compare(step.date, today) > 0) return "Эта дата ещё не наступила: отмечайте то, что уже произошло.";
      if (c.steps.length >= LIMITS.steps) return `В деле уже ${LIMITS.steps} шагов: больше страница не хранит.`;
      const problems = orderProblems([...c.steps, step]);
      if (problems.length) return `Шаг не добавлен: ${problems.join(" ")}`;
      c.steps.push(step);
      persist();
      render(`case-${id}-title`);
      say(`Шаг «${STEPS[step.kind].label}» добавлен в дело «${c.title}».`);
      return true;
    },
    removeCase(id) {
      const c = cases.find((item) => item.id === id);
      if (!window.confirm(`Удалить дело «${c.title}» с этого устройства? Вернуть его можно будет только из сохранённого файла.`)) return;
      cases = cases.filter((item) => item.id !== id);
      persist();
      render("case-status");
      say(`Дело «${c.title}» удалено.`);
    },
  };

  function create(fields) {
    if (cases.length >= LIMITS.cases) return `Дел уже ${LIMITS.cases}: больше страница не хранит. Удалите закрытое дело или сохраните их в файл.`;
    const c = { id: newId(cases), ...fields };
    cases.push(c);
    persist();
    render(`case-${c.id}-title`);
    say(`Дело «${c.title}» создано. Добавьте первый шаг — например, «Претензия отправлена или вручена».`);
    return true;
  }

  save.addEventListener("click", () => {
    download(`moe-delo-${today}.json`, serializeCaseFile(cases, today), "application/json");
    say("Файл с делами сохранён в загрузки. Откройте его здесь или на другом устройстве кнопкой «Открыть файл дела».");
  });

  clear.addEventListener("click", () => {
    if (!window.confirm("Стереть все дела с этого устройства? Если вы не сохранили их в файл, вернуть их будет нельзя.")) return;
    cases = [];
    store.erase();
    render();
    say("Все дела стёрты с этого устройства.");
  });

  open.addEventListener("change", async () => {
    const file = open.files?.[0];
    open.value = "";
    if (!file) return;
    if (file.size > LIMITS.fileBytes) {
      say(`Файл не открыт: он больше ${LIMITS.fileBytes / 1024} КБ, а файл «Моего дела» намного меньше.`);
      return;
    }
    try {
      const opened = parseCaseFile(await file.text());
      if (cases.length && !window.confirm(`Заменить дела на этом устройстве (${cases.length}) делами из файла (${opened.cases.length})?`)) return;
      cases = opened.cases;
      persist();
      render();
      say(`Открыто дел: ${cases.length}.`);
    } catch (error) {
      if (!(error instanceof CaseFileError)) throw error;
      say(`Файл не открыт. ${error.message}`);
    }
  });

  const stored = store.read();
  if (stored === "too-large") say(`Сохранённые в браузере дела больше ${LIMITS.fileBytes / 1024} КБ и не прочитаны. Стереть их можно кнопкой «Стереть все дела».`);
  else if (stored) {
    try {
      cases = parseCaseFile(stored).cases;
    } catch (error) {
      if (!(error instanceof CaseFileError)) throw error;
      say(`Сохранённые в браузере дела не прочитаны: ${error.message} Новое дело их заменит.`);
    }
  }
  if (!store.available) say("Этот браузер не даёт хранить дела (так бывает в приватном окне). Страница работает, но дела пропадут, когда вы её закроете: сохраните их в файл.");

  const toolbar = el("div", { class: "case-toolbar" },
    save,
    el("span", { class: "case-open" }, el("label", { for: "case-open", text: "Открыть файл дела: " }), open),
    clear);
  root.replaceChildren(toolbar, status, list, drawNewCaseForm(create));
  render();
  root.dataset.ready = "true";
}

const root = document.getElementById("case-app");
if (root) setTimeout(() => start(root), 0);
