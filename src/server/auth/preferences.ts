import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import * as clock from "../clock";
import type { DbOrTx } from "../db";
import { AppError } from "../errors";
import type { Actor } from "./actor";
import { userPreferences } from "./schema";
import { isUuid } from "~/lib/uuid";

/** "orders.list.columns": an area, then what it keeps. */
export const ZPreferenceKey = z
  .string()
  .max(80)
  .regex(/^[a-z][a-zA-Z0-9]*(\.[a-z][a-zA-Z0-9]*){1,3}$/, "key is dotted words, e.g. orders.list.columns");

/** A preference is a small setting, not a store: its JSON stays under this many bytes. */
export const MAX_PREFERENCE_BYTES = 4_096;

export const ZSavePreferenceInput = z.object({
  key: ZPreferenceKey,
  value: z.json().refine((value) => JSON.stringify(value).length <= MAX_PREFERENCE_BYTES, `value is at most ${MAX_PREFERENCE_BYTES} bytes of JSON`),
});

/** Preferences belong to people: an API key (or the system, or a script's stand-in actor) has none. */
const isPerson = (actor: Actor) => actor.kind === "user" && isUuid(actor.id);

function userIdOf(actor: Actor): string {
  if (!isPerson(actor)) throw AppError.invalidField("key", "Preferences belong to a signed-in user, not to an API key.");
  return actor.id;
}

/** The user's stored value for a key (null when none); the page that owns the key reads it with its own schema. */
export async function readPreference(db: DbOrTx, actor: Actor, key: string): Promise<unknown> {
  if (!isPerson(actor)) return null;
  const [row] = await db
    .select({ value: userPreferences.value })
    .from(userPreferences)
    .where(and(eq(userPreferences.userId, actor.id), eq(userPreferences.key, key)));
  return row?.value ?? null;
}

/** Keeps the value for the signed-in user (one upsert: the last save wins). */
export async function savePreference(options: { db: DbOrTx; actor: Actor; input: z.infer<typeof ZSavePreferenceInput> }) {
  const userId = userIdOf(options.actor);
  const { key, value } = options.input;
  await options.db
    .insert(userPreferences)
    .values({ userId, key, value, updatedAt: clock.now() })
    .onConflictDoUpdate({ target: [userPreferences.userId, userPreferences.key], set: { value: sql`excluded.value`, updatedAt: sql`excluded.updated_at` } });
  return { key, value };
}
