/**
 * What the job worker logs when pg-boss reports errors. While the database is down every queue's poll and
 * the maintenance loop fail at once, several times a minute, each with a stack trace: the log drowned in
 * ~70 lines per outage tick. This keeps one line per distinct message and reports the repeats when the
 * message changes or a window has passed.
 */
export interface ErrorLog {
  report(error: unknown, at?: number): string | undefined;
}

export function createErrorLog(windowMs = 60_000): ErrorLog {
  let last: { message: string; since: number; repeats: number } | undefined;
  return {
    report(error, at = Date.now()) {
      const message = oneLine(error);
      if (last && last.message === message && at - last.since < windowMs) {
        last.repeats += 1;
        return undefined;
      }
      const repeated = last && last.repeats > 0 ? ` (the previous error repeated ${last.repeats} more time${last.repeats === 1 ? "" : "s"})` : "";
      last = { message, since: at, repeats: 0 };
      return `${message}${repeated}`;
    },
  };
}

function oneLine(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return `${error.name}${typeof code === "string" ? ` ${code}` : ""}: ${error.message}`.replace(/\s+/g, " ").trim();
  }
  return String(error).replace(/\s+/g, " ").trim();
}
