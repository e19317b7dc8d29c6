/**
 * The one error type domain code throws. The API layer maps `kind` to tRPC codes and HTTP statuses
 * (see src/server/api/errors.ts); `code` is the stable machine name clients can branch on.
 */
export const ERROR_KINDS = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  business_rule: 422,
  rate_limited: 429,
  unavailable: 503,
} as const;
export type ErrorKind = keyof typeof ERROR_KINDS;

export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly details?: { fields?: FieldErrors } & Record<string, unknown>,
  ) {
    super(message);
    this.name = "AppError";
  }

  static notFound(what: string, key: string) {
    return new AppError("not_found", `${what.toUpperCase().replace(/\s+/g, "_")}_NOT_FOUND`, `No ${what} "${key}".`);
  }

  /** Bad input for one field, e.g. a SKU that does not exist. */
  static invalidField(field: string, message: string) {
    return new AppError("invalid", "INVALID_INPUT", `${field}: ${message}`, { fields: { [field]: [message] } });
  }

  static conflict(code: string, message: string, details?: Record<string, unknown>) {
    return new AppError("conflict", code, message, details);
  }
}

/** PostgreSQL unique_violation on a named constraint → a clear conflict naming the field. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = findPgError(error);
  return e?.code === "23505" && (!constraint || e.constraint === constraint || e.constraint_name === constraint);
}

type PgErrorLike = { code?: string; constraint?: string; constraint_name?: string };

function findPgError(error: unknown): PgErrorLike | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const e = current as PgErrorLike & { cause?: unknown };
    if (typeof e.code === "string" && /^[0-9A-Z]{5}$/.test(e.code)) return e;
    current = e.cause;
  }
  return undefined;
}

/**
 * A failure that says nothing about the request and passes if it is sent again: the database is restarting,
 * unreachable or out of connections, or chose this transaction as a deadlock or serialization victim (the
 * transaction was rolled back whole). Null for anything else.
 */
export function transientDatabaseError(error: unknown): AppError | null {
  const e = findPgError(error);
  const code = e?.code ?? findConnectionErrorCode(error);
  if (!code) return null;
  if (code === "40P01" || code === "40001") {
    return new AppError("unavailable", "TRY_AGAIN", "Another change to the same records got in the way; nothing was saved. Please try again.");
  }
  if (code === "53300" || code === "57P01" || code === "57P02" || code === "57P03" || code.startsWith("08") || CONNECTION_CODES.has(code)) {
    return new AppError("unavailable", "DATABASE_UNAVAILABLE", "The database is not reachable right now (restarting or busy); nothing was saved. Please try again shortly.");
  }
  return null;
}

/** postgres.js and Node's socket errors when the server is gone or never answered. */
const CONNECTION_CODES = new Set([
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
  "DATABASE_DOWN",
  "ECONNREFUSED",
  "ECONNRESET",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPIPE",
  "ETIMEDOUT",
]);

function findConnectionErrorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && CONNECTION_CODES.has(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * An error for the log, on one line: each error of its cause chain as `Name [code]: message`, joined by " ← ".
 * The values a failed query was sent with are redacted (Drizzle puts them in its message, PostgreSQL puts the
 * offending value in a data exception's), so the log holds no customer data or secrets; the SQL text stays.
 */
export function describeForLog(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && current !== null && depth < 6; depth++) {
    if (!(current instanceof Error)) {
      // Auth.js wraps its cause as `{ err }`.
      const wrapped = (current as { err?: unknown }).err;
      if (typeof current === "object" && wrapped instanceof Error) {
        current = wrapped;
        continue;
      }
      parts.push(String(current).slice(0, 200));
      break;
    }
    const code = (current as { code?: unknown }).code;
    parts.push(`${nameOf(current)}${typeof code === "string" ? ` [${code}]` : ""}: ${redact(current, typeof code === "string" ? code : undefined)}`);
    current = current.cause;
  }
  return parts.join(" ← ").replace(/\s*\n\s*/g, " ");
}

/**
 * Auth.js errors carry their class name in `type` (a production build minifies class names, so `name` is "m");
 * Drizzle's DrizzleQueryError keeps the name "Error", where its class says more.
 */
function nameOf(error: Error): string {
  const type = (error as { type?: unknown }).type;
  if (typeof type === "string" && /Error$/.test(type)) return type;
  return error.name === "Error" && error.constructor.name ? error.constructor.name : error.name;
}

function redact(error: Error, code: string | undefined): string {
  const params = (error as { params?: unknown }).params;
  let message = error.message.replace(/\nparams: [\s\S]*$/, Array.isArray(params) ? ` (${params.length} parameter${params.length === 1 ? "" : "s"} redacted)` : " (parameters redacted)");
  // PostgreSQL data exceptions (class 22) end with the value that was refused: `… for type integer: "abc"`.
  if (code?.startsWith("22")) message = message.replace(/: "(?:[^"]|"")*"$/, ': "[redacted]"');
  return message;
}

/** Logs an error nobody expected: the one-line description, then where it was thrown (no parameters). */
export function logUnexpectedError(error: unknown): void {
  const frames = error instanceof Error ? (error.stack ?? "").split("\n").filter((line) => /^\s+at /.test(line)).slice(0, 8) : [];
  console.error(["[orderdesk] unexpected error: " + describeForLog(error), ...frames].join("\n"));
}
