import { asc } from "drizzle-orm";
import type { Db } from "../db";
import { users } from "./schema";
import { liveSessionCounts } from "./sessions";

/** Everyone who can (or could) sign in, for the users screen: active first, then by name. */
export async function listUsers(options: { db: Db; now?: Date }) {
  const [rows, sessions] = await Promise.all([
    options.db
      .select({
        id: users.id,
        email: users.email,
        name: users.name,
        role: users.role,
        isActive: users.isActive,
        lastSignedInAt: users.lastSignedInAt,
        createdAt: users.createdAt,
      })
      .from(users)
      .orderBy(asc(users.name), asc(users.email)),
    liveSessionCounts(options.db, options.now),
  ]);
  return rows
    .map((user) => ({ ...user, liveSessions: sessions.get(user.id) ?? 0 }))
    .sort((a, b) => Number(b.isActive) - Number(a.isActive));
}
