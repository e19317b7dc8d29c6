/**
 * How a started import reaches the job worker without the imports module knowing pg-boss: the worker sets
 * the kick (it sends the run job); a start calls it after its commit. Without a worker (scripts, tests) the
 * minutely sweep — or the caller — runs it.
 */
// On globalThis because Next bundles server code into several chunks (the worker's and the routes').
const holder = globalThis as unknown as { __orderdeskImportKick?: () => void };

export function onImportRunRequested(handler: (() => void) | undefined) {
  holder.__orderdeskImportKick = handler;
}

export function requestImportRun() {
  holder.__orderdeskImportKick?.();
}
