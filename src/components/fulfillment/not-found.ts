import { TRPCError } from "@trpc/server";
import { AppError } from "~/server/errors";

/** A bad or unknown number is a 404, not an error page. */
export function isMissing(error: unknown): boolean {
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof AppError) return cause.kind === "not_found" || cause.kind === "invalid";
  return error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST");
}

/** A PDF route's answer to a refused or missing document (anything else is a real error). */
export function pdfRefusal(error: unknown, what: string): Response | null {
  const code = (error as { code?: string }).code;
  const status = code === "UNAUTHORIZED" ? 401 : code === "FORBIDDEN" ? 403 : code === "NOT_FOUND" || code === "BAD_REQUEST" ? 404 : 500;
  if (status === 500) return null;
  return new Response(status === 404 ? `No ${what}` : "Not allowed", { status, headers: { "content-type": "text/plain; charset=utf-8" } });
}
