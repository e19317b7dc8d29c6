import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Actor } from "../auth/actor";
import type { Db, DbOrTx } from "../db";
import { AppError, isUniqueViolation } from "../errors";
import { SAVED_VIEW_LISTS, type SavedViewList } from "./constants";
import { savedViews } from "./schema";

export const ZSavedViewList = z.object({ list: z.enum(SAVED_VIEW_LISTS).default("orders") });

export const ZSaveViewInput = ZSavedViewList.extend({
  name: z.string().trim().min(1, "Name the view").max(60),
  /** The list's query string, e.g. "status=on_hold&sort=total". */
  query: z.string().max(1000),
});

/** Views everyone starts with, per list; a user's own saved views follow. */
export const BUILT_IN_VIEWS: Record<SavedViewList, readonly { id: string; name: string; query: string; isBuiltIn: true }[]> = {
  orders: [
    { id: "my-open", name: "My open orders", query: "status=open&createdBy=me", isBuiltIn: true },
    { id: "on-hold", name: "On hold", query: "status=on_hold", isBuiltIn: true },
    { id: "drafts", name: "Drafts", query: "status=draft", isBuiltIn: true },
  ],
  exceptions: [
    { id: "breached", name: "Breached", query: "view=all&sla=breached", isBuiltIn: true },
    { id: "unassigned", name: "Unassigned", query: "view=all&assignee=none", isBuiltIn: true },
  ],
};

export async function listSavedViews(options: { db: DbOrTx; actor: Actor; list?: SavedViewList }) {
  const list = options.list ?? "orders";
  const rows = await options.db
    .select()
    .from(savedViews)
    .where(and(eq(savedViews.userId, options.actor.id), eq(savedViews.list, list)))
    .orderBy(asc(savedViews.name));
  return [...BUILT_IN_VIEWS[list], ...rows.map((r) => ({ id: r.id, name: r.name, query: r.query, isBuiltIn: false }))];
}

export async function saveView(options: { db: Db; actor: Actor; input: z.infer<typeof ZSaveViewInput> }) {
  const { db, actor, input } = options;
  const query = new URLSearchParams(input.query);
  query.delete("cursor");
  query.delete("before");
  try {
    const [row] = await db.insert(savedViews).values({ userId: actor.id, list: input.list, name: input.name, query: query.toString() }).returning();
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
