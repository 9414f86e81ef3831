// «Запомнить ответы»: localStorage when the browser allows it, nothing when it does not. In a
// private window or with cookies off, merely reading `localStorage` can throw (SecurityError), and
// a full store throws on write: every access is guarded, so the form works the same without it.
// Takes the storage as a function so node --test can hand it a fake (tests/js/storage.test.mjs).

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
