import { TRPCError } from "@trpc/server";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/unstable-core-do-not-import";
import { AppError, type ErrorKind, type FieldErrors } from "../errors";

/** One mapping from domain error kinds to tRPC codes (and so to HTTP statuses on the REST door). */
const KIND_TO_TRPC: Record<ErrorKind, TRPC_ERROR_CODE_KEY> = {
  invalid: "BAD_REQUEST",
  unauthenticated: "UNAUTHORIZED",
  forbidden: "FORBIDDEN",
  not_found: "NOT_FOUND",
  conflict: "CONFLICT",
  business_rule: "UNPROCESSABLE_CONTENT",
  rate_limited: "TOO_MANY_REQUESTS",
  unavailable: "SERVICE_UNAVAILABLE",
};

export function toTRPCError(error: AppError): TRPCError {
  return new TRPCError({ code: KIND_TO_TRPC[error.kind], message: error.message, cause: error });
}

/** What every client sees of an error: the shape of docs/api.md, `{ code, message, details }`. */
export type ApiErrorBody = { code: string; message: string; details?: Record<string, unknown> };

type ZodLikeIssue = { path: PropertyKey[]; message: string };

function isZodError(cause: unknown): cause is Error & { issues: ZodLikeIssue[] } {
  return cause instanceof Error && cause.name === "ZodError" && Array.isArray((cause as { issues?: unknown }).issues);
}

/** Flattens zod issues to `{ "lines.0.quantity": ["…"] }` so forms and API clients can point at the field. */
export function fieldErrorsOf(issues: ZodLikeIssue[]): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join(".") || "(body)";
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}

export function describeError(error: TRPCError): ApiErrorBody {
  const cause = error.cause;
  if (cause instanceof AppError) return { code: cause.code, message: cause.message, details: cause.details };
  if (isZodError(cause)) {
    const fields = fieldErrorsOf(cause.issues);
    const summary = Object.entries(fields)
      .map(([field, messages]) => `${field}: ${messages.join(", ")}`)
      .join("; ");
    return { code: "INVALID_INPUT", message: `Invalid input — ${summary}`, details: { fields } };
  }
  if (error.code === "INTERNAL_SERVER_ERROR") {
    return { code: "INTERNAL_ERROR", message: "Something went wrong on our side. It has been logged; please try again." };
  }
  return { code: error.code, message: error.message };
}
