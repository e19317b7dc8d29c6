import { createCaller } from "~/server/api/root";
import type { Actor } from "~/server/auth/actor";
import type { Role } from "~/server/auth/roles";
import type { Db } from "~/server/db";

/**
 * The tRPC door as a signed-in user of a role, for tests that check what the pages' procedures allow and
 * answer (permissions, input errors). Files under src/server other than routers may not import
 * src/server/api (eslint): their tests reach tRPC through here, as they reach REST through rest-server.ts.
 */
export function callerAs(db: Db, role: Role) {
  const actor: Actor = { kind: "user", id: `test-${role}`, name: `Test ${role}`, role };
  return createCaller({ db, actor, headers: new Headers() });
}
