import crypto from "node:crypto";
import { and, desc, eq, isNull, lt, or } from "drizzle-orm";
import { z } from "zod";
import type { Actor } from "../auth/actor";
import { ROLES } from "../auth/roles";
import type { Db, DbOrTx } from "../db";
import { recordAudit } from "../db/audit";
import { AppError } from "../errors";
import { apiKeys } from "./schema";
import * as clock from "../clock";

export const ZCreateApiKeyInput = z.object({
  name: z.string().trim().min(1, "Name is required").max(100),
  role: z.enum(ROLES),
});
export type TCreateApiKeyInput = z.infer<typeof ZCreateApiKeyInput>;

export const ZApiKey = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type TApiKey = z.infer<typeof ZApiKey>;

const KEY_PREFIX = "od_";

/** Keys are stored as SHA-256: they are long random secrets, so a slow hash adds nothing. */
export const hashApiKey = (key: string) => crypto.createHash("sha256").update(key).digest("hex");

const toDto = (row: typeof apiKeys.$inferSelect): TApiKey => ({
  id: row.id,
  name: row.name,
  role: row.role,
  prefix: row.prefix,
  createdAt: row.createdAt.toISOString(),
  lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  revokedAt: row.revokedAt?.toISOString() ?? null,
});

/** Creates a key and returns it in full, the only time it is ever shown. */
export async function createApiKey(options: { db: Db; actor: Actor; input: TCreateApiKeyInput }) {
  const { db, actor, input } = options;
  const key = KEY_PREFIX + crypto.randomBytes(24).toString("base64url");
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiKeys)
      .values({
        name: input.name,
        role: input.role,
        prefix: key.slice(0, 10),
        keyHash: hashApiKey(key),
        createdBy: actor.kind === "user" && actor.id !== "system" ? actor.id : null,
      })
      .returning();
    const dto = toDto(row!);
    await recordAudit(tx, { entityType: "api_key", entityId: dto.id, action: "created", actor, after: dto });
    return { ...dto, key };
  });
}

export async function listApiKeys(options: { db: DbOrTx }): Promise<TApiKey[]> {
  const rows = await options.db.select().from(apiKeys).orderBy(desc(apiKeys.createdAt));
  return rows.map(toDto);
}

export async function revokeApiKey(options: { db: Db; actor: Actor; id: string }): Promise<TApiKey> {
  const { db, actor, id } = options;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiKeys)
      .set({ revokedAt: clock.now() })
      .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
      .returning();
    if (!row) throw AppError.notFound("active API key", id);
    const dto = toDto(row);
    await recordAudit(tx, { entityType: "api_key", entityId: id, action: "revoked", actor, after: dto });
    return dto;
  });
}

/** Resolves a bearer token to the key's actor; null for unknown or revoked keys. */
export async function authenticateApiKey(db: DbOrTx, token: string, now = clock.now()): Promise<Actor | null> {
  if (!token.startsWith(KEY_PREFIX)) return null;
  const [row] = await db
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, hashApiKey(token)), isNull(apiKeys.revokedAt)))
    .limit(1);
  if (!row) return null;
  // "Last used" to the minute is enough: most requests write nothing, and the guard keeps concurrent
  // requests of one key from all writing the same row.
  const aMinuteAgo = new Date(now.getTime() - 60_000);
  if (!row.lastUsedAt || row.lastUsedAt < aMinuteAgo) {
    await db
      .update(apiKeys)
      .set({ lastUsedAt: now })
      .where(and(eq(apiKeys.id, row.id), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, aMinuteAgo))));
  }
  return { kind: "api_key", id: row.id, name: row.name, role: row.role };
}

