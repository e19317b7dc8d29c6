import { asc } from "drizzle-orm";
import type { DbOrTx } from "../db";
import { carriers } from "./schema";
import type { TCarrier } from "./schemas";

/** The carriers shipments can go with, and their tracking links. */
export async function listCarriers(options: { db: DbOrTx }): Promise<TCarrier[]> {
  const rows = await options.db.select().from(carriers).orderBy(asc(carriers.name));
  return rows.map((r) => ({ code: r.code, name: r.name, trackingUrlTemplate: r.trackingUrlTemplate, isActive: r.isActive }));
}
