import { initTRPC, TRPCError } from "@trpc/server";
import type { OpenApiMeta } from "trpc-to-openapi";
import type { Actor } from "../auth/actor";
import { can, type Action } from "../auth/permissions";
import type { Db } from "../db";
import { AppError, logUnexpectedError, transientDatabaseError } from "../errors";
import { describeError, toTRPCError } from "./errors";
import { unstorableText } from "./text-input";

export type Context = {
  db: Db;
  actor: Actor | null;
  /** Request headers (Idempotency-Key, client IP); empty for server-side callers. */
  headers: Headers;
};

/**
 * Who may call a procedure, as data (the authorization matrix test reads it): an action of the permission
 * table, set by permissionProcedure(action), or a deliberate exception written on the procedure itself,
 * `.meta({ permission: "signedIn" })` (any signed-in user or API key) or `"public"` (anyone).
 */
export type ProcedurePermission = Action | "signedIn" | "public";
export type Meta = OpenApiMeta & { permission?: ProcedurePermission };

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    errorFormatter({ shape, error }) {
      // One description with the query's parameters redacted, never the raw error (its message carries them).
      if (error.code === "INTERNAL_SERVER_ERROR") logUnexpectedError(error.cause ?? error);
      const body = describeError(error);
      return { ...shape, message: body.message, data: { ...shape.data, stack: undefined, error: body } };
    },
  });

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/**
 * Domain code throws AppError; here it becomes the TRPCError whose code decides the HTTP status. A database
 * that is restarting, out of connections or picked the request as a deadlock victim is a 503 to retry, not a 500.
 */
const mapAppErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (result.ok) return result;
  if (result.error.cause instanceof AppError) throw toTRPCError(result.error.cause);
  const transient = transientDatabaseError(result.error.cause);
  if (transient) throw toTRPCError(transient);
  return result;
});

/**
 * Text the database cannot store (a NUL character, a lone surrogate) is a 400 naming the field, before any
 * validation or query: not a 500 from PostgreSQL, nor text the driver silently changes.
 */
const refuseUnstorableText = t.middleware(async ({ getRawInput, next }) => {
  const found = unstorableText(await getRawInput().catch(() => undefined));
  if (found) throw AppError.invalidField(found.path || "input", found.problem);
  return next();
});

const procedure = t.procedure.use(mapAppErrors);

/** Anyone may call it: give the procedure `.meta({ permission: "public" })` so the choice is on record. */
export const publicProcedure = procedure.use(refuseUnstorableText);

// Who is calling is settled before the input is looked at: an anonymous caller gets 401, not a 400 about
// the text it sent.
const signedInProcedure = procedure.use(({ ctx, type, next }) => {
  if (!ctx.actor) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in, or send an API key as 'Authorization: Bearer <key>'." });
  if (ctx.actor.readOnly && type === "mutation") throw new TRPCError({ code: "FORBIDDEN", message: `The API key "${ctx.actor.name}" is read-only: it may read, not change.` });
  return next({ ctx: { ...ctx, actor: ctx.actor } });
});

/** A procedure any signed-in user (or API key) may call: give it `.meta({ permission: "signedIn" })`. */
export const authedProcedure = signedInProcedure.use(refuseUnstorableText);

/** The role check (docs/architecture.md): every procedure names its action in the permission table. */
export const permissionProcedure = (action: Action) =>
  signedInProcedure
    .meta({ permission: action })
    .use(({ ctx, next }) => {
      if (!can(ctx.actor.role, action)) {
        throw new TRPCError({ code: "FORBIDDEN", message: `The ${ctx.actor.role} role may not do "${action}".` });
      }
      return next();
    })
    .use(refuseUnstorableText);
