import { cache } from "react";
import { getAppDb } from "../app-db";
import type { Actor } from "../auth/actor";
import { auth } from "../auth/config";
import { sessionUser, type SessionUser } from "../auth/sessions";

/**
 * The signed-in user, or null: the cookie must name a session that still exists, of an active user
 * (auth/sessions.ts). Read once per request however many layouts, pages and procedures ask (React's cache).
 */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  if (!session?.sessionId) return null;
  return sessionUser(await getAppDb(), session.sessionId);
});

/** The signed-in user as an Actor, or null. */
export async function currentActor(): Promise<Actor | null> {
  const user = await currentUser();
  return user && { kind: "user", id: user.id, name: user.name, role: user.role };
}
