import { forbidden, redirect } from "next/navigation";
import type { Actor } from "~/server/auth/actor";
import { currentActor } from "~/server/api/current-user";
import { can, type Action } from "~/server/auth/permissions";

/** For pages: the signed-in actor, or a redirect to sign-in; a role without the permission gets a 403. */
export async function requirePermission(action: Action, returnTo: string): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (!can(actor.role, action)) forbidden();
  return actor;
}
