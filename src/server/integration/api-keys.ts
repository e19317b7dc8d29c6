import crypto from "node:crypto";
import { and, desc, eq, gte, isNull, lt, or } from "drizzle-orm";
import { z } from "zod";
import type { Actor } from "../auth/actor";
import { COMPANY_TIME_ZONE, todayIn } from "~/lib/dates";
import { ROLES } from "../auth/roles";
import type { Db, DbOrTx } from "../db";
import { recordAudit } from "../db/audit";
import { AppError } from "../errors";
import { API_KEY_SCOPES } from "./constants";
import { apiKeys } from "./schema";
import * as clock from "../clock";

export const ZCreateApiKeyInput = z.object({
  name: z.string().trim().min(1, "Name is required").max(100),
  role: z.enum(ROLES),
  /** `read`: queries only; `write` (default): the role's changes too. */
  scope: z.enum(API_KEY_SCOPES).default("write"),
  /** The last day the key works (company time zone); none for no end. */
  expiresOn: z.iso.date("A date as YYYY-MM-DD").nullish(),
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
  scope: z.enum(API_KEY_SCOPES),
  expiresOn: z.string().nullable(),
  /** Past its last day (company time zone): refused like a revoked key. */
  isExpired: z.boolean(),
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
  scope: row.scope,
  expiresOn: row.expiresOn,
  isExpired: row.expiresOn !== null && row.expiresOn < clock.today(),
});

/** Creates a key and returns it in full, the only time it is ever shown. */
export async function createApiKey(options: { db: Db; actor: Actor; input: z.input<typeof ZCreateApiKeyInput> }) {
  const { db, actor } = options;
  // Parsed here too: scripts, the seed and tests call this without the router and get the same defaults.
  const input = ZCreateApiKeyInput.parse(options.input);
  if (input.expiresOn && input.expiresOn < clock.today()) throw AppError.invalidField("expiresOn", "must be today or later");
  const key = KEY_PREFIX + crypto.randomBytes(24).toString("base64url");
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiKeys)
      .values({
        name: input.name,
        role: input.role,
        prefix: key.slice(0, 10),
        keyHash: hashApiKey(key),
        scope: input.scope,
        expiresOn: input.expiresOn ?? null,
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

/** Resolves a bearer token to the key's actor; null for unknown, revoked or expired keys. */
export async function authenticateApiKey(db: DbOrTx, token: string, now = clock.now()): Promise<Actor | null> {
  if (!token.startsWith(KEY_PREFIX)) return null;
  const [row] = await db
    .select()
    .from(apiKeys)
    .where(
      and(
        eq(apiKeys.keyHash, hashApiKey(token)),
        isNull(apiKeys.revokedAt),
        or(isNull(apiKeys.expiresOn), gte(apiKeys.expiresOn, todayIn(COMPANY_TIME_ZONE, now))),
      ),
    )
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
  return { kind: "api_key", id: row.id, name: row.name, role: row.role, ...(row.scope === "read" ? { readOnly: true as const } : {}) };
}

