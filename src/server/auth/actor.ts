import type { Role } from "./roles";

/** Who is acting: a signed-in user or an API key. Every event and movement names its actor. */
export type Actor = {
  kind: "user" | "api_key";
  id: string;
  name: string;
  role: Role;
  /** An API key with the `read` scope: it may call queries only, whatever its role. */
  readOnly?: true;
};

/** How an actor is written into timelines and ledgers: "Dana Reyes" or "API key shop". */
export function actorLabel(actor: Actor): string {
  return actor.kind === "user" ? actor.name : `API key ${actor.name}`;
}

/** For scripts and jobs that act on their own behalf. */
export const SYSTEM_ACTOR: Actor = { kind: "user", id: "system", name: "System", role: "admin" };
