// «Запомнить ответы»: localStorage when the browser allows it, nothing when it does not. In a
// private window or with cookies off, merely reading `localStorage` can throw (SecurityError), and
// a full store throws on write: every access is guarded, so the form works the same without it.
// Takes the storage as a function so node --test can hand it a fake (tests/js/storage.test.mjs).

/** A saved entry longer than this is not one the form wrote: it is dropped unread. */
export const MAX_STORED_CHARS = 32_000;

/** The buyer's own details, kept apart (and only with their consent) so the next letter starts with them. */
export const PERSONAL_FIELDS = ["fullName", "address", "contact"];

export function openStore(key, getStorage = () => globalThis.localStorage) {
  let store = null;
  try {
    store = getStorage();
    const probe = `${key}:probe`;
    store.setItem(probe, "1");
    store.removeItem(probe);
  } catch {
    store = null;
  }
  const guarded = (action, fallback) => {
    if (!store) return fallback;
    try {
      return action(store);
    } catch {
      return fallback;
    }
  };
  return {
    available: Boolean(store),
    /** The saved answers, or null (nothing saved, or an entry that is not ours: dropped). */
    load() {
      const text = guarded((s) => s.getItem(key), null);
      if (!text) return null;
      if (typeof text !== "string" || text.length > MAX_STORED_CHARS) {
        guarded((s) => s.removeItem(key));
        return null;
      }
      try {
        const value = JSON.parse(text);
        if (value && typeof value === "object" && !Array.isArray(value)) return value;
      } catch {
        // a broken entry is useless: drop it below rather than fail
      }
      guarded((s) => s.removeItem(key));
      return null;
    },
    save: (answers) => guarded((s) => (s.setItem(key, JSON.stringify(answers)), true), false),
    erase: () => guarded((s) => s.removeItem(key)),
    has: () => guarded((s) => s.getItem(key) !== null, false),
  };
}

/**
 * Saved answers come back with today's document date: an old date would silently move every
 * deadline. `staleDate` is the saved date when it differs, so the form can say what changed.
 */
export function restoreAnswers(saved, today) {
  if (!saved) return { answers: null, staleDate: null };
  const { docDate, ...rest } = saved;
  const staleDate = typeof docDate === "string" && docDate && docDate !== today ? docDate : null;
  return { answers: { ...rest, docDate: today }, staleDate };
}

/**
 * Saved answers are untrusted (another script of the site, an extension or an old version may have
 * written them): only the form's own fields come back, each of its own type, a choice only among its
 * options, text only up to `maxText` characters. Anything else is dropped without a word.
 * `fields`: [{name, type, options?}] as fields.js describes them (options: [[value, …], …]).
 */
export function sanitizeAnswers(saved, fields, maxText) {
  if (!saved || typeof saved !== "object" || Array.isArray(saved)) return null;
  const clean = {};
  for (const field of fields) {
    if (!Object.hasOwn(saved, field.name)) continue;
    const value = saved[field.name];
    const allowed = Array.isArray(field.options) ? new Set(field.options.map(([option]) => option)) : null;
    if (field.type === "checkbox") {
      if (typeof value === "boolean") clean[field.name] = value;
    } else if (field.type === "checkboxes") {
      if (Array.isArray(value)) clean[field.name] = [...new Set(value.filter((item) => typeof item === "string" && (!allowed || allowed.has(item))))];
    } else if (field.type === "radio") {
      if (typeof value === "string" && (!allowed || allowed.has(value))) clean[field.name] = value;
    } else if (typeof value === "string" && value.length <= maxText * 4) {
      // *4: the form counts characters, a stored string counts UTF-16 units; the form's check says the rest.
      clean[field.name] = value;
    }
  }
  return clean;
}

/** Only the buyer's own details of these answers, for the personal store. */
export function personalDetails(answers) {
  return Object.fromEntries(PERSONAL_FIELDS.filter((name) => typeof answers?.[name] === "string" && answers[name].trim()).map((name) => [name, answers[name]]));
}
