import { currentActor } from "../auth/config";
import { getDb } from "../db";
import type { Context } from "./trpc";

/** Context for the pages' tRPC calls: the signed-in user from the session cookie. */
export async function createSessionContext(headers: Headers): Promise<Context> {
  const [db, actor] = await Promise.all([getDb(), currentActor()]);
  return { db, actor, headers };
}
