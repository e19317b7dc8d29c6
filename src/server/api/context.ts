import { TRPCError } from "@trpc/server";
import { getDb } from "../db";
import { AppError, transientDatabaseError } from "../errors";
import { currentActor } from "./current-user";
import { toTRPCError } from "./errors";
import { apiRateLimiter, rateLimitMessage } from "./rate-limit";
import type { Context } from "./trpc";

/**
 * Context for the pages' tRPC calls: the signed-in user from the session cookie, charged `calls` requests (a
 * batch's size) against the user's rate limit. The session is checked in the database, so a database that is
 * gone is a 503 here already.
 */
export async function createSessionContext(headers: Headers, calls = 1): Promise<Context> {
  try {
    const [db, actor] = await Promise.all([getDb(), currentActor()]);
    if (actor) {
      const limiter = apiRateLimiter();
      const decision = limiter.take(`user:${actor.id}`, calls);
      if (!decision.ok) {
        const { retryAfterSeconds } = decision;
        throw new AppError("rate_limited", "RATE_LIMITED", rateLimitMessage("user", retryAfterSeconds, limiter.limit), { retryAfterSeconds });
      }
    }
    return { db, actor, headers };
  } catch (error) {
    if (error instanceof AppError) throw toTRPCError(error);
    const transient = transientDatabaseError(error);
    if (transient) throw toTRPCError(transient);
    throw error instanceof TRPCError ? error : new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause: error });
  }
}

/** Retry-After for a tRPC answer: when a 429 says so, 2 s for a 503 (the database restarting), else none. */
export function retryAfterOf(errors: readonly TRPCError[]): number | undefined {
  let seconds: number | undefined;
  for (const error of errors) {
    const cause = error.cause instanceof AppError ? error.cause : undefined;
    const said = typeof cause?.details?.retryAfterSeconds === "number" ? cause.details.retryAfterSeconds : undefined;
    const wait = error.code === "TOO_MANY_REQUESTS" ? (said ?? 1) : error.code === "SERVICE_UNAVAILABLE" ? 2 : undefined;
    if (wait !== undefined) seconds = Math.max(seconds ?? 0, wait);
  }
  return seconds;
}
