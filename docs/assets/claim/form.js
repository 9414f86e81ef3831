// The claim builder's page: draws the form, checks it, shows the letter, prints it, offers the
// deadlines as an .ics file. Nothing leaves the browser: no fetch, no external file; answers are
// kept in localStorage only while the buyer ticks «Запомнить» (storage.js), and only if allowed.

import { todayIso, formatRu, parseDateInput, isValidDate } from "./dates.js";
import { makeCalendar } from "./calendar.js";
import { MAX_TEXT, useLaw } from "./rules.js";
import { validate, caseNeeds } from "./validate.js";
import { deadlineEvents, sentence } from "./letter.js";
import { buildLetters } from "./documents.js";
import { summaryItems } from "./summary.js";
import { sections as formSections, fields } from "./fields.js";
import { buildIcs } from "./ics.js";
import { openStore, restoreAnswers, sanitizeAnswers, personalDetails } from "./storage.js";
import { el } from "./dom.js";
import { slicer } from "./slices.js";
import { readPrefill } from "./prefill.js";

const STORAGE_KEY = "ozon-claim-builder:v1";
const PERSONAL_KEY = "ozon-claim-builder:me:v1"; // name, address, contact: kept apart, with their own consent
const DATE_HINT = "ДД.ММ.ГГГГ";

/** Preselected answers. Ozon is preselected as the recipient only while its address is confirmed. */
function defaults(data, today) {
  return { doc: "claim", docDate: today, ...(data.ozon.status === "current" ? { recipient: "ozon" } : {}) };
}

/** The recipients and the production calendar the build put into the page as JSON. */
function readData() {
  // The one JSON block the macro wrote, never the first element that happens to carry the id
  // (page content could put one earlier): with two, or with one that is not that block, refuse.
  const blocks = document.querySelectorAll('[id="claim-data"]');
  const block = blocks.length === 1 && blocks[0].matches('script[type="application/json"]') ? blocks[0] : null;
  if (!block) throw new Error("claim-data block missing or taken twice: the page must call {{ claim_data(...) }} once");
  const { recipients, calendar, law } = JSON.parse(block.textContent);
  useLaw(law); // every term, rate and citation the builder uses comes from these rules (rules.js)
  return { ...recipients, calendar: makeCalendar(calendar) };
}

/** A warning next to an address the data file marks as unconfirmed. */
function unconfirmedNote(recipient) {
  if (recipient.status === "current") return null;
  const seen = recipient.seen ? `Где видели: ${recipient.seen}. ` : "";
  const check = /ЕГРЮЛ/.test(seen) ? "" : " Перед отправкой сверьте юридический адрес в ЕГРЮЛ (egrul.nalog.ru).";
  return el("span", { class: "claim-unconfirmed", "data-unconfirmed": recipient.id },
    el("strong", { text: "Адрес не подтверждён. " }),
    `${seen}Проверяли ${formatRu(recipient.checked)}.${check}`);
}

function recipientOptions(data) {
  const ozon = data.ozon;
  return [
    ["ozon", el("span", {}, `Ozon: ${ozon.recipient}, ${ozon.display}`, " ", unconfirmedNote(ozon))],
    ["seller", "Другому продавцу: товар продаёт не Ozon (название продавца — в карточке товара)"],
  ];
}

function drawField(field, data) {
  const id = `claim-${field.name}`;
  const error = el("p", { class: "claim-error", id: `${id}-error`, "aria-live": "polite" });
  const hint = field.hint ? el("p", { class: "claim-hint", id: `${id}-hint`, text: field.hint }) : null;
  const described = [hint && `${id}-hint`, `${id}-error`].filter(Boolean).join(" ");
  const wrap = el("div", { class: `claim-field claim-field--${field.type}`, "data-field": field.name });

  if (field.type === "radio" || field.type === "checkboxes") {
    const options = field.options === "recipients" ? recipientOptions(data) : field.options;
    const box = el("fieldset", { class: "claim-choice", "aria-describedby": described }, el("legend", { text: field.label }));
    for (const [value, label, when] of options) {
      const input = el("input", { type: field.type === "radio" ? "radio" : "checkbox", name: field.name, value, id: `${id}-${value}` });
      const option = el("label", { class: "claim-option", for: `${id}-${value}` }, input, " ", label);
      if (when) option.dataset.when = "1";
      option.whenFn = when;
      box.append(option);
    }
    wrap.append(...[box, hint, error].filter(Boolean));
    return wrap;
  }
  if (field.type === "checkbox") {
    const input = el("input", { type: "checkbox", name: field.name, id, value: "1", "aria-describedby": described });
    wrap.append(...[el("label", { class: "claim-option", for: id }, input, " ", field.label), hint, error].filter(Boolean));
    return wrap;
  }
  const attributes = { name: field.name, id, "aria-describedby": described, autocomplete: field.autocomplete || "off" };
  let input;
  if (field.type === "textarea") input = el("textarea", { ...attributes, rows: "2" });
  // A text field, not type=date: the browser's date widget shows its own locale's order
  // (mm/dd/yyyy in an English browser); the hint and the placeholder always say ДД.ММ.ГГГГ.
  else if (field.type === "date") input = el("input", { ...attributes, type: "text", inputmode: "numeric", placeholder: DATE_HINT, "data-kind": "date" });
  else if (field.type === "amount") input = el("input", { ...attributes, type: "text", inputmode: "decimal", placeholder: "12 000" });
  else input = el("input", { ...attributes, type: "text", inputmode: field.inputmode || null });
  const format = field.type === "date" ? ` (${DATE_HINT})` : "";
  const label = el("label", { for: id, text: field.label + format + (field.optional ? "" : " *") });
  wrap.append(label, input);
  if (hint) wrap.append(hint);
  wrap.append(error);
  return wrap;
}

export function readAnswers(form) {
  const answers = {};
  for (const field of fields()) {
    if (field.type === "radio") answers[field.name] = form.elements[field.name]?.value || "";
    else if (field.type === "checkbox") answers[field.name] = Boolean(form.elements[field.name]?.checked);
    else if (field.type === "checkboxes") answers[field.name] = [...form.querySelectorAll(`input[name="${field.name}"]:checked`)].map((i) => i.value);
    else if (field.type === "date") {
      const typed = form.elements[field.name]?.value ?? "";
      answers[field.name] = parseDateInput(typed) ?? typed.trim();
    } else answers[field.name] = form.elements[field.name]?.value ?? "";
  }
  return answers;
}

function writeAnswers(form, answers) {
  for (const field of fields()) {
    const value = answers[field.name];
    if (value === undefined) continue;
    if (field.type === "radio" || field.type === "checkboxes") {
      const chosen = Array.isArray(value) ? value : [value];
      form.querySelectorAll(`input[name="${field.name}"]`).forEach((input) => { input.checked = chosen.includes(input.value); });
    } else if (field.type === "checkbox") {
      form.elements[field.name].checked = Boolean(value);
    } else if (field.type === "date" && isValidDate(parseDateInput(value))) {
      form.elements[field.name].value = formatRu(parseDateInput(value));
    } else {
      form.elements[field.name].value = String(value);
    }
  }
}

function drawLetter(article, letter) {
  const lines = (items, cls) => el("div", { class: cls }, items.map((line) => el("p", { text: line })));
  const list = (items, cls) => el("ol", { class: cls }, items.map((item) => el("li", { text: item })));
  const parts = [
    el("div", { class: "claim-letter__head" }, lines(letter.to, "claim-letter__to"), lines(letter.from, "claim-letter__from")),
    el("h2", { class: "claim-letter__title", text: letter.title }),
    el("p", { class: "claim-letter__subtitle", text: letter.subtitle }),
    el("div", { class: "claim-letter__body" }, letter.paragraphs.map((text) => el("p", { text }))),
    el("p", { class: "claim-letter__demands-intro", text: letter.demandsIntro }),
    list(letter.demands, "claim-letter__demands"),
    el("div", { class: "claim-letter__body" }, letter.closing.slice(0, -1).map((text) => el("p", { text }))),
    // The last paragraph, the attachments and the signature print as one block: the signature is
    // never alone on a sheet (claim.css, issue 29).
    el("div", { class: "claim-letter__end" },
      el("div", { class: "claim-letter__body" }, letter.closing.slice(-1).map((text) => el("p", { text }))),
      letter.attachments.length ? el("div", { class: "claim-letter__attachments" }, el("p", { text: "Приложения:" }), list(letter.attachments.map(sentence), "")) : null,
      el("div", { class: "claim-letter__sign" }, el("span", { text: `Дата: ${letter.date}` }), el("span", { text: `Подпись: ____________ / ${letter.signer}` }))),
  ];
  article.replaceChildren(...parts.filter(Boolean)); // replaceChildren(null) would print «null»
}

/**
 * The form: one fieldset per section, the recipients' notes and the «Запомнить» block. The fields are
 * drawn one `pause()` apart (slices.js), so a slow phone can answer a tap while they are.
 */
async function drawForm(data, pause) {
  const form = el("form", { class: "claim-form", novalidate: true, autocomplete: "off" });
  const sections = [];
  for (const section of formSections()) {
    const box = el("fieldset", { class: "claim-section", "data-section": section.id }, el("legend", { text: section.title }));
    for (const field of section.fields) {
      box.append(drawField(field, data));
      await pause();
    }
    form.append(box);
    sections.push([section, box]);
  }
  const rpn = data.rospotrebnadzor;
  form.querySelector('[data-field="rpnOffice"]').append(
    el("p", { class: "claim-hint" }, `Без управления: ${rpn.recipient}, ${rpn.display}. `, unconfirmedNote(rpn), " Быстрее подать жалобу онлайн через электронную приёмную Роспотребнадзора (вход через Госуслуги)."),
  );
  form.querySelector('[data-field="alsoOzon"]').append(
    el("p", { class: "claim-hint" }, `Ozon: ${data.ozon.recipient}, ${data.ozon.display}. `, unconfirmedNote(data.ozon)),
  );
  const restoredDate = el("p", { class: "claim-notice", id: "claim-docDate-notice", role: "status", hidden: true });
  form.querySelector('[data-field="docDate"]').append(restoredDate);
  const remember = el("input", { type: "checkbox", id: "claim-remember" });
  const rememberMe = el("input", { type: "checkbox", id: "claim-remember-me" });
  const erase = el("button", { type: "button", class: "md-button", id: "claim-erase", text: "Стереть сохранённое" });
  const storageStatus = el("p", { class: "claim-hint", id: "claim-storage-status", "aria-live": "polite" });
  form.append(el("fieldset", { class: "claim-section claim-storage" }, el("legend", { text: "Сохранение" }),
    el("label", { class: "claim-option", for: "claim-remember-me" }, rememberMe, " Запомнить мои ФИО, адрес и телефон или e-mail на этом устройстве: в следующий раз их не придётся вводить"),
    el("label", { class: "claim-option", for: "claim-remember" }, remember, " Запомнить все ответы об этом заказе (только на этом устройстве, никуда не отправляются)"),
    erase, storageStatus));
  return { form, sections, remember, rememberMe, erase, storageStatus, restoredDate };
}

/** The letters' side: print button, .ics link, status line, summary of terms, the letters. */
function drawOutput() {
  const printButton = el("button", { type: "button", class: "md-button md-button--primary", id: "claim-print", text: "Распечатать или сохранить в PDF" });
  const ics = el("a", { class: "md-button", id: "claim-ics", download: "sroki-pretenzii.ics", hidden: true, text: "Сроки — в календарь (.ics)" });
  const status = el("p", { class: "claim-status", id: "claim-status", role: "status" });
  const summary = el("ul", { class: "claim-summary", id: "claim-summary" });
  const blocked = el("p", { class: "claim-print-blocked", id: "claim-print-blocked", text: "Письмо не готово: форма заполнена не полностью или с ошибками. Вернитесь к форме, исправьте поля, отмеченные красным, и распечатайте снова." });
  const article = el("article", { class: "claim-letter", id: "claim-letter", "aria-label": "Текст письма" });
  const second = el("article", { class: "claim-letter claim-letter--second", id: "claim-letter-ozon", "aria-label": "Второе письмо: Ozon" });
  const section = el("section", { class: "claim-output", "aria-label": "Готовое письмо" },
    el("div", { class: "claim-toolbar" }, printButton, ics, status), summary, blocked, article, second);
  return { section, printButton, ics, status, summary, articles: [article, second] };
}

/** Hide the sections, fields and options that do not apply to these answers. */
function showApplicable(sections, answers) {
  const needs = caseNeeds(answers);
  for (const [section, box] of sections) {
    box.hidden = section.when ? !section.when(answers, needs) : false;
    for (const field of section.fields) {
      const wrap = box.querySelector(`[data-field="${field.name}"]`);
      wrap.hidden = field.when ? !field.when(answers, needs) : false;
      wrap.querySelectorAll(".claim-option").forEach((option) => {
        if (option.whenFn) option.hidden = !option.whenFn(answers);
      });
    }
  }
}

/** Each visible field's message, once the buyer has touched it or asked to print. */
function showErrors(form, errors, visible) {
  for (const field of fields()) {
    const wrap = form.querySelector(`[data-field="${field.name}"]`);
    const message = !wrap.hidden && visible(field.name) ? errors[field.name] || "" : "";
    wrap.querySelector(".claim-error").textContent = message;
    wrap.classList.toggle("claim-field--invalid", Boolean(message));
    wrap.querySelectorAll("input, textarea, fieldset").forEach((input) => {
      if (message) input.setAttribute("aria-invalid", "true");
      else input.removeAttribute("aria-invalid");
    });
  }
}

/** The .ics link points at a fresh Blob made here; the previous one is released. */
function offerIcs(link, letters) {
  if (link.href.startsWith("blob:")) URL.revokeObjectURL(link.href);
  if (!letters) {
    link.removeAttribute("href");
    link.hidden = true;
    return;
  }
  const text = buildIcs(deadlineEvents(letters), { uid: (event, index) => `${event.date}-${index}-${crypto.randomUUID ? crypto.randomUUID() : Date.now()}@konstruktor-pretenzii` });
  link.href = URL.createObjectURL(new Blob([text], { type: "text/calendar;charset=utf-8" }));
  link.hidden = false;
}

function showLetters(output, answers, data, errors, showAll) {
  const count = Object.keys(errors).length;
  if (count === 0) {
    const letters = buildLetters(answers, data);
    output.articles.forEach((article, index) => (letters[index] ? drawLetter(article, letters[index]) : article.replaceChildren()));
    output.summary.replaceChildren(...summaryItems(letters, answers, data.calendar).map((text) => el("li", { text })));
    offerIcs(output.ics, letters);
    const copies = letters.length > 1 ? "Ниже два письма: продавцу и Ozon. Распечатайте каждое в двух экземплярах" : "Распечатайте два экземпляра";
    const ready = { claim: `Претензия готова. ${copies}: один отдайте адресату, на втором попросите отметку о получении.`, complaint: "Жалоба готова.", lawsuit: "Иск готов. Распечатайте три экземпляра: для суда, для ответчика и для себя.", bank_statement: "Заявление в банк готово. Отправьте его сегодня же.", cbr: "Обращение в Банк России готово.", ombudsman: "Обращение к финансовому уполномоченному готово. Впишите от руки дату и место рождения и паспорт." };
    output.status.textContent = ready[letters[0].kind];
    return;
  }
  output.articles.forEach((article) => article.replaceChildren());
  output.summary.replaceChildren();
  offerIcs(output.ics, null);
  const refused = showAll ? "Печатать пока нечего: исправьте поля, отмеченные красным. " : "";
  output.status.textContent = `${refused}Письмо появится здесь, когда форма заполнена. Осталось заполнить или исправить полей: ${count}.`;
}

/**
 * Leaving a field shows its message, which pushes the fields below it down. If that happens
 * between a mouse press and its release, the release lands on another element and the click the
 * buyer aimed at (say, a radio button) is lost. So while a pointer is down, wait for its release.
 */
function afterPointerRelease(update) {
  let pointerDown = false;
  let pending = false;
  document.addEventListener("pointerdown", () => { pointerDown = true; }, true);
  document.addEventListener("pointerup", () => {
    pointerDown = false;
    if (pending) {
      pending = false;
      setTimeout(update, 0); // after the click that follows this release
    }
  }, true);
  return () => {
    if (pointerDown) pending = true;
    else update();
  };
}

/** Typing redraws at once; leaving or changing a field also marks it touched, so its message shows. */
function wireFormEvents(form, touched, update) {
  const updateSoon = afterPointerRelease(update);
  form.addEventListener("input", update);
  form.addEventListener("change", (event) => {
    if (event.target.name) touched.add(event.target.name);
    updateSoon();
  });
  form.addEventListener("focusout", (event) => {
    if (event.target.name && event.target.value) touched.add(event.target.name);
    updateSoon();
  });
  form.addEventListener("submit", (event) => event.preventDefault());
}

/** The print button prints only a valid letter; otherwise it sends the buyer to the first bad field. */
function wirePrint(button, isValid, revealErrors) {
  button.addEventListener("click", () => {
    if (!isValid()) {
      revealErrors()?.focus();
      return;
    }
    window.print();
  });
  // Ctrl+P bypasses the button: show every error, and print CSS prints only the notice.
  window.addEventListener("beforeprint", () => {
    if (!isValid()) revealErrors();
  });
}

/** «Запомнить» and «Стереть» over storage.js; without storage both are off and say why. */
function wireStorage(ui, form, reset, update) {
  const store = openStore(STORAGE_KEY);
  const me = openStore(PERSONAL_KEY);
  const setStatus = () => {
    const kept = [me.has() && "ваши данные", store.has() && "ответы"].filter(Boolean);
    ui.storageStatus.textContent = kept.length ? `В этом браузере сохранены ${kept.join(" и ")}.` : "Ничего не сохранено.";
  };
  if (!store.available) {
    ui.remember.disabled = true;
    ui.rememberMe.disabled = true;
    ui.erase.disabled = true;
    ui.storageStatus.textContent = "Этот браузер не даёт сохранять ответы (так бывает в приватном окне или без cookie). Форма работает и так, но после закрытия страницы ответы пропадут.";
    return { saved: null, savedMe: null, save() {} };
  }
  ui.remember.addEventListener("change", () => {
    if (ui.remember.checked) store.save(readAnswers(form));
    else store.erase();
    setStatus();
  });
  ui.rememberMe.addEventListener("change", () => {
    if (ui.rememberMe.checked) me.save(personalDetails(readAnswers(form)));
    else me.erase();
    setStatus();
  });
  ui.erase.addEventListener("click", () => {
    reset();
    // form.reset() puts every box back to its default, the two consent boxes included: uncheck them after
    // it, so the update below (which saves what is consented to) saves nothing, then erase both stores.
    ui.remember.checked = false;
    ui.rememberMe.checked = false;
    update();
    store.erase();
    me.erase();
    setStatus();
  });
  // Local storage is untrusted input: only the form's own fields of their own types come back.
  const saved = sanitizeAnswers(store.load(), fields(), MAX_TEXT);
  const savedMe = sanitizeAnswers(personalDetails(me.load()), fields(), MAX_TEXT);
  ui.remember.checked = Boolean(saved);
  ui.rememberMe.checked = Boolean(savedMe && Object.keys(savedMe).length);
  setStatus();
  return {
    saved,
    savedMe,
    save(answers) {
      if (ui.remember.checked) store.save(answers);
      if (ui.rememberMe.checked) me.save(personalDetails(answers));
      setStatus();
    },
  };
}

/** Saved answers, with today's date in place of the saved one and a visible note when they differ. */
function restore(ui, form, saved, savedMe, data, today) {
  const { answers, staleDate } = restoreAnswers(saved, today);
  writeAnswers(form, { ...defaults(data, today), ...(savedMe || {}), ...(answers || {}) });
  if (staleDate && isValidDate(staleDate)) {
    ui.restoredDate.textContent = `Мы вернули сохранённые ответы, но дату документа поставили сегодняшнюю — ${formatRu(today)}. В сохранённых была ${formatRu(staleDate)}: если нужна она, впишите её сами.`;
    ui.restoredDate.hidden = false;
  }
}

/** Answers from «Моё дело» in the address's fragment (prefill.js); the fragment is then dropped from the address. */
function applyPrefill(form) {
  const answers = readPrefill(location.hash, fields(), MAX_TEXT);
  if (!answers) return;
  writeAnswers(form, answers);
  history.replaceState(null, "", location.pathname + location.search);
}

// The builder's own slices: at 4 ms here, a phone 4× slower still stays well under 50 ms a task.
const SLICE_MS = 4;

/**
 * Builds the form and the letters' side apart from the page, fills in saved answers and checks them,
 * then puts everything into the page at once: the page only ever shows the placeholder or the whole
 * working builder (tests and scripts wait for #claim-print), and the browser styles and lays out the
 * new form in one pass, with the fields that do not apply already hidden.
 */
export async function start(root) {
  const pause = slicer(SLICE_MS);
  const data = readData();
  const today = todayIso();
  await pause();
  const ui = await drawForm(data, pause);
  const output = drawOutput();
  const { form } = ui;

  const touched = new Set();
  let showAll = false;
  let valid = false;
  let storage = null;

  function update() {
    const answers = readAnswers(form);
    showApplicable(ui.sections, answers);
    const errors = validate(answers, today, data.calendar);
    showErrors(form, errors, (name) => showAll || touched.has(name));
    valid = Object.keys(errors).length === 0;
    root.dataset.valid = String(valid);
    showLetters(output, answers, data, errors, showAll);
    storage?.save(answers);
    return errors;
  }

  function revealErrors() {
    showAll = true;
    const errors = update();
    const first = fields().find((field) => errors[field.name] && !form.querySelector(`[data-field="${field.name}"]`).hidden);
    return first ? form.querySelector(`[data-field="${first.name}"] input, [data-field="${first.name}"] textarea`) : null;
  }

  function reset() {
    form.reset();
    writeAnswers(form, defaults(data, today));
    ui.restoredDate.hidden = true;
    touched.clear();
    showAll = false;
  }

  wireFormEvents(form, touched, update);
  wirePrint(output.printButton, () => valid, revealErrors);
  storage = wireStorage(ui, form, reset, update);
  await pause();
  restore(ui, form, storage.saved, storage.savedMe, data, today);
  applyPrefill(form);
  await pause();
  update();
  await pause();
  document.body.setAttribute("data-claim-page", ""); // print CSS keys on it (claim.css says why not a class)
  root.replaceChildren(form, output.section);
}

// In a task of its own, after Material's start-up on DOMContentLoaded: that start-up measures the page
// (style and layout), and with the form already built it measured the form too, in one long task that
// kept a slow phone from answering a tap (Lighthouse's total blocking time, issue 17).
const root = document.getElementById("claim-builder");
if (root) setTimeout(() => start(root), 0);
