import { asc } from "drizzle-orm";
import type { Actor } from "~/server/auth/actor";
import type { Role } from "~/server/auth/roles";
import { users } from "~/server/auth/schema";
import type { Db } from "~/server/db/client";
import { authenticateApiKey, createApiKey } from "~/server/integration";

/** Who acts in the demo's history: the demo users, and the web shop that orders through the API. */
export type Cast = {
  rep: Actor;
  manager: Actor;
  warehouse: Actor;
  finance: Actor;
  admin: Actor;
  /** Signs in with its key for each order, as the REST door does (so "last used" is right). */
  webShop: () => Promise<Actor>;
};

/** The demo users as actors, and the web shop's API key (created now, i.e. when the history starts). */
export async function castOf(db: Db): Promise<Cast> {
  const rows = await db.select({ id: users.id, name: users.name, role: users.role }).from(users).orderBy(asc(users.email));
  const byRole = (role: Role): Actor => {
    const user = rows.find((u) => u.role === role);
    if (!user) throw new Error(`The demo needs a ${role} user`);
    return { kind: "user", id: user.id, name: user.name, role };
  };
  const admin = byRole("admin");
  const { key } = await createApiKey({ db, actor: admin, input: { name: "Web shop", role: "rep" } });
  return {
    rep: byRole("rep"),
    manager: byRole("manager"),
    warehouse: byRole("warehouse"),
    finance: byRole("finance"),
    admin,
    webShop: async () => {
      const actor = await authenticateApiKey(db, key);
      if (!actor) throw new Error("The web shop's API key was refused");
      return actor;
    },
  };
}
