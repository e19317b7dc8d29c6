import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Actor } from "../auth/actor";
import * as clock from "../clock";
import type { Db } from "../db";
import { recordExceptionEvents } from "./open-exception";
import { exceptions } from "./schema";
import { lockExceptions } from "./work";

export const ZCommentExceptionInput = z.object({
  id: z.string().uuid("id must be an exception id"),
  note: z.string().trim().min(1, "write a note").max(2000, "a note is at most 2000 characters"),
});

/** Adds a note to the exception's thread ("called the customer, they confirm 40"). */
export async function commentException(options: { db: Db; actor: Actor; input: z.infer<typeof ZCommentExceptionInput> }) {
  const { db, actor, input } = options;
  return db.transaction(async (tx) => {
    await lockExceptions(tx, actor, [input.id]);
    await tx.update(exceptions).set({ updatedAt: clock.now() }).where(eq(exceptions.id, input.id));
    await recordExceptionEvents(tx, actor, [{ exceptionId: input.id, type: "commented", note: input.note }]);
    return { id: input.id };
  });
}
