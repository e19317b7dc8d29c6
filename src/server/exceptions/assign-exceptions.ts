import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Actor } from "../auth/actor";
import { users } from "../auth/schema";
import * as clock from "../clock";
import type { Db } from "../db";
import { AppError } from "../errors";
import { canWork, EXCEPTION_LABELS } from "./constants";
import { assigneeIdOf } from "./list-exceptions";
import { recordExceptionEvents } from "./open-exception";
import { exceptions } from "./schema";
import { assertActive, lockExceptions } from "./work";

export const ZAssignExceptionsInput = z.object({
  ids: z.array(z.string().uuid("ids must be exception ids")).min(1, "choose at least one exception").max(200, "at most 200 at once"),
  /** A user's id, "me", or null to hand back to the team's queue. */
  assignee: z.union([z.literal("me"), z.string().uuid("assignee must be a user id, \"me\" or null")]).nullable(),
  note: z.string().trim().max(2000).optional(),
});

/**
 * Takes exceptions (open → in_progress) or hands them to someone, or back to the team (→ open). Anyone on the
 * team takes for themselves; managers and admins assign to anyone whose role may work the type.
 */
export async function assignExceptions(options: { db: Db; actor: Actor; input: z.infer<typeof ZAssignExceptionsInput> }) {
  const { db, actor, input } = options;
  return db.transaction(async (tx) => {
    const rows = await lockExceptions(tx, actor, input.ids);
    assertActive(rows, "assign");
    let assignee: { id: string; name: string; role: string } | null = null;
    if (input.assignee !== null) {
      const me = assigneeIdOf(actor);
      if (input.assignee === "me" && !me) throw AppError.invalidField("assignee", "only a signed-in person can take exceptions: give a user id");
      const userId = input.assignee === "me" ? me! : input.assignee;
      if (userId !== me && actor.role !== "manager" && actor.role !== "admin") {
        throw new AppError("forbidden", "FORBIDDEN", "Only managers assign exceptions to others: take them yourself with \"me\".");
      }
      const [user] = await tx.select({ id: users.id, name: users.name, role: users.role }).from(users).where(and(eq(users.id, userId), eq(users.isActive, true)));
      if (!user) throw AppError.invalidField("assignee", "no active user with that id");
      const cannot = rows.find((r) => !canWork(user.role, r.type));
      if (cannot) throw AppError.invalidField("assignee", `${user.name} (${user.role}) does not work ${EXCEPTION_LABELS[cannot.type].toLowerCase()} exceptions`);
      assignee = user;
    }
    const changed = rows.filter((r) => r.assigneeId !== (assignee?.id ?? null));
    if (changed.length > 0) {
      await tx
        .update(exceptions)
        .set({ assigneeId: assignee?.id ?? null, status: assignee ? "in_progress" : "open", updatedAt: clock.now() })
        .where(inArray(exceptions.id, changed.map((r) => r.id)));
      await recordExceptionEvents(
        tx,
        actor,
        changed.map((r) => ({ exceptionId: r.id, type: assignee ? "assigned" : "unassigned", note: input.note ?? null, details: { assignee: assignee?.name ?? null } })),
      );
    }
    return { ids: rows.map((r) => r.id), assignee: assignee ? { id: assignee.id, name: assignee.name } : null };
  });
}
