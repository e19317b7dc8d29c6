import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Actor } from "../auth/actor";
import type { Db, DbOrTx } from "../db";
import { AppError, isUniqueViolation } from "../errors";
import { savedViews } from "./schema";

export const ZSaveViewInput = z.object({
  name: z.string().trim().min(1, "Name the view").max(60),
  /** The order list's query string, e.g. "status=on_hold&sort=total". */
  query: z.string().max(1000),
});

/** Views everyone starts with; a user's own saved views follow. */
export const BUILT_IN_VIEWS = [
  { id: "my-open", name: "My open orders", query: "status=open&createdBy=me", isBuiltIn: true },
  { id: "on-hold", name: "On hold", query: "status=on_hold", isBuiltIn: true },
  { id: "drafts", name: "Drafts", query: "status=draft", isBuiltIn: true },
] as const;

export async function listSavedViews(options: { db: DbOrTx; actor: Actor }) {
  const rows = await options.db.select().from(savedViews).where(eq(savedViews.userId, options.actor.id)).orderBy(asc(savedViews.name));
  return [...BUILT_IN_VIEWS, ...rows.map((r) => ({ id: r.id, name: r.name, query: r.query, isBuiltIn: false }))];
}

export async function saveView(options: { db: Db; actor: Actor; input: z.infer<typeof ZSaveViewInput> }) {
  const { db, actor, input } = options;
  const query = new URLSearchParams(input.query);
  query.delete("cursor");
  try {
    const [row] = await db.insert(savedViews).values({ userId: actor.id, name: input.name, query: query.toString() }).returning();
    return { id: row!.id, name: row!.name, query: row!.query, isBuiltIn: false };
  } catch (error) {
    if (isUniqueViolation(error)) throw AppError.invalidField("name", `you already have a view named "${input.name}"`);
    throw error;
  }
}

export async function deleteView(options: { db: Db; actor: Actor; id: string }) {
  const deleted = await options.db
    .delete(savedViews)
    .where(and(eq(savedViews.id, options.id), eq(savedViews.userId, options.actor.id)))
    .returning({ id: savedViews.id });
  if (deleted.length === 0) throw AppError.notFound("saved view", options.id);
  return { id: options.id };
}
