// Long work cut into slices, so a slow phone can answer a tap between them. A task longer than 50 ms
// is a tap the page cannot answer (Lighthouse's total blocking time, issue 17), and a phone's CPU is
// several times slower than a desktop's: slices are measured in the device's own time.

/** A new task: the browser may draw a frame or handle a tap before the work goes on. */
export function nextTask() {
  if (globalThis.scheduler?.yield) return globalThis.scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * `await pause()` between steps of the work: it gives the browser a turn only once the current slice
 * has taken `budgetMs`, so many short steps share a task and no slice runs much past the budget.
 */
export function slicer(budgetMs, yieldNow = nextTask, now = () => performance.now()) {
  let sliceStart = now();
  return async function pause() {
    if (now() - sliceStart < budgetMs) return;
    await yieldNow();
    sliceStart = now();
  };
}
