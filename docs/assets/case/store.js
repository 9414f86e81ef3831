// Where «Моё дело» keeps its cases: one localStorage entry holding the same text as the file the buyer
// saves. Every access is guarded (a private window may refuse storage, a full one refuses writes);
// what is read back is only text, and schema.js decides whether it is a case file. Takes the storage
// as a function, so node --test can hand it a fake (tests/js/case-store.test.mjs).

import { LIMITS } from "./model.js";

export const STORAGE_KEY = "ozon-moe-delo:v1";

export function openCaseStore(getStorage = () => globalThis.localStorage) {
  let store = null;
  try {
    store = getStorage();
    store.setItem(`${STORAGE_KEY}:probe`, "1");
    store.removeItem(`${STORAGE_KEY}:probe`);
  } catch {
    store = null;
  }
  return {
    available: Boolean(store),
    /** The stored text, or null; an entry over the file bound is not read at all ("too-large"). */
    read() {
      if (!store) return null;
      try {
        const text = store.getItem(STORAGE_KEY);
        if (typeof text === "string" && text.length > LIMITS.fileBytes) return "too-large";
        return text;
      } catch {
        return null;
      }
    },
    /** true when the browser kept it. */
    write(text) {
      if (!store) return false;
      try {
        store.setItem(STORAGE_KEY, text);
        return true;
      } catch {
        return false;
      }
    },
    erase() {
      if (!store) return;
      try {
        store.removeItem(STORAGE_KEY);
      } catch {
        // nothing stored can be erased either
      }
    },
  };
}
