import { AsyncLocalStorage } from "node:async_hooks";
import { COMPANY_TIME_ZONE, todayIn } from "~/lib/dates";

/**
 * The one clock of domain code. In production it is the wall clock; the demo seed runs use cases at
 * moments in the past (`runAt`) so that the history it makes is what those use cases would have made
 * then. Scoped per call chain (AsyncLocalStorage), never process-wide, so requests are unaffected.
 */
const scope = new AsyncLocalStorage<() => Date>();

export function now(): Date {
  const frozen = scope.getStore();
  return frozen ? frozen() : new Date();
}

/** Today's date (YYYY-MM-DD) in the company's time zone: the one "today" of domain code. */
export function today(): string {
  return todayIn(COMPANY_TIME_ZONE, now());
}

/** Runs `fn` with the clock at `at` (a moment, or a function giving the moment each time it is read). */
export function runAt<T>(at: Date | (() => Date), fn: () => T): T {
  return scope.run(typeof at === "function" ? at : () => at, fn);
}
