// The claim builder's start in slices (issue 17): pause() gives the browser a turn only once a slice
// has used its budget. node --test tests/js/
import { test } from "node:test";
import assert from "node:assert/strict";
import { slicer, nextTask } from "../../docs/assets/claim/slices.js";

/** A clock the test moves by hand, and a yield that only counts. */
function fakeTime() {
  const state = { now: 0, yields: [] };
  return {
    state,
    now: () => state.now,
    yieldNow: async () => { state.yields.push(state.now); },
  };
}

test("steps that fit in the budget share one slice: no yield", async () => {
  const time = fakeTime();
  const pause = slicer(4, time.yieldNow, time.now);
  for (let step = 0; step < 3; step++) {
    time.state.now += 1;
    await pause();
  }
  assert.deepEqual(time.state.yields, []);
});

test("a yield as soon as a slice reaches its budget, and the next slice starts after it", async () => {
  const time = fakeTime();
  const pause = slicer(4, time.yieldNow, time.now);
  for (const cost of [3, 1, 2, 2, 5, 1]) {
    time.state.now += cost;
    await pause();
  }
  // 3+1 = 4 → yield at 4; 2+2 = 4 → yield at 8; 5 → yield at 13; 1 left over
  assert.deepEqual(time.state.yields, [4, 8, 13]);
});

test("nextTask resolves in a later task, with or without scheduler.yield", async () => {
  const order = [];
  setTimeout(() => order.push("timer queued first"), 0);
  await nextTask();
  order.push("after nextTask");
  assert.deepEqual(order, ["timer queued first", "after nextTask"]);
});
