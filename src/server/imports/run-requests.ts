/**
 * How a started import reaches the job worker without the imports module knowing pg-boss: the worker sets
 * the kick (it sends the run job); a start calls it after its commit. Without a worker (scripts, tests) the
 * minutely sweep — or the caller — runs it.
 */
let kick: (() => void) | undefined;

export function onImportRunRequested(handler: (() => void) | undefined) {
  kick = handler;
}

export function requestImportRun() {
  kick?.();
}
