import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { actorLabel, type Actor } from "../auth/actor";
import * as clock from "../clock";
import { recordAudit } from "../db/audit";
import type { DbOrTx } from "../db";
import { defaultSlaHours, EXCEPTION_SEVERITIES, EXCEPTION_TYPES, type ExceptionSeverity, type ExceptionType } from "./constants";
import { exceptionSlas } from "./schema";

/** The due time of an exception opened now: the admin's hours for its type and severity, else the default. */
export async function dueTime(tx: DbOrTx, type: ExceptionType, severity: ExceptionSeverity, now: Date): Promise<Date> {
  const table = await slaHours(tx);
  return new Date(now.getTime() + (table.get(`${type}:${severity}`) ?? defaultSlaHours(type, severity)) * 3_600_000);
}

async function slaHours(tx: DbOrTx) {
  const rows = await tx.select({ type: exceptionSlas.type, severity: exceptionSlas.severity, hours: exceptionSlas.hours }).from(exceptionSlas);
  return new Map(rows.map((r) => [`${r.type}:${r.severity}`, r.hours]));
}

export const ZSlaRow = z.object({
  type: z.enum(EXCEPTION_TYPES),
  severity: z.enum(EXCEPTION_SEVERITIES),
  hours: z.number().int(),
  isDefault: z.boolean(),
  defaultHours: z.number().int(),
});

/** The whole table, every type × severity, with what is set and what is the default. */
export async function listSlaTable(options: { db: DbOrTx }) {
  const set = await slaHours(options.db);
  return EXCEPTION_TYPES.flatMap((type) =>
    EXCEPTION_SEVERITIES.map((severity) => {
      const defaultHours = defaultSlaHours(type, severity);
      const hours = set.get(`${type}:${severity}`);
      return { type, severity, hours: hours ?? defaultHours, isDefault: hours === undefined, defaultHours };
    }),
  );
}

export const ZUpdateSlaInput = z.object({
  type: z.enum(EXCEPTION_TYPES),
  severity: z.enum(EXCEPTION_SEVERITIES),
  /** Hours to resolve, 1 to 2160 (90 days); null goes back to the default. */
  hours: z.number().int("hours must be a whole number").min(1, "hours must be at least 1").max(2160, "hours must be at most 2160 (90 days)").nullable(),
});

/** Sets (or, with null, clears) one cell of the table. Applies to exceptions opened or reopened from now on. */
export async function updateSla(options: { db: DbOrTx; actor: Actor; input: z.infer<typeof ZUpdateSlaInput> }) {
  const { db, actor, input } = options;
  const before = (await listSlaTable({ db })).find((r) => r.type === input.type && r.severity === input.severity);
  await recordAudit(db, { entityType: "exception_sla", entityId: `${input.type}:${input.severity}`, action: "update", actor, before: { hours: before?.hours }, after: { hours: input.hours } });
  if (input.hours === null) {
    await db.delete(exceptionSlas).where(and(eq(exceptionSlas.type, input.type), eq(exceptionSlas.severity, input.severity)));
  } else {
    const values = { type: input.type, severity: input.severity, hours: input.hours, updatedBy: actorLabel(actor), updatedAt: clock.now() };
    await db.insert(exceptionSlas).values(values).onConflictDoUpdate({ target: [exceptionSlas.type, exceptionSlas.severity], set: values });
  }
  return listSlaTable({ db });
}
