// Time limits for the browser and integration tests, in a developer machine's milliseconds.
//
// In CI the browser lane shares two cores with both integration lanes, and the project's CI
// machine ran the same tests about twice as slowly as a developer's (ci on 1e92dd8: pages with
// axe took over 60 s, the 320 px walk 9 of its 10 minutes; integration hooks passed 60 s here
// when the machine was busier still). A limit is there to end a hung test, not to time a fast one
// (speed is measured under bench/), so in CI every limit gets three times the room.
// E2E_TIME_SCALE overrides the factor.
const scale = Number(process.env.E2E_TIME_SCALE ?? (process.env.CI ? 3 : 1));

/** The limit for something that takes at most `ms` on a developer's machine. */
export const budget = (ms: number) => Math.round(ms * (scale > 0 ? scale : 1));
