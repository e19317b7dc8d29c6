import type { Role } from "~/server/auth/roles";
import { canWork, RESOLUTION_ACTIONS, type ExceptionType } from "~/server/exceptions/constants";

export type ResolveOption = { action: string; label: string; effect: string | null; needsNote: boolean };

/**
 * The ways to resolve every one of these exceptions at once, as this role may: the actions their types share
 * (by action id; the label is the first type's), limited to the role's. Empty when the role cannot work one of them.
 */
export function commonActions(types: readonly ExceptionType[], role: Role): ResolveOption[] {
  const distinct = [...new Set(types)];
  if (distinct.length === 0 || distinct.some((t) => !canWork(role, t))) return [];
  const [first, ...rest] = distinct;
  return RESOLUTION_ACTIONS[first!]
    .filter((a) => rest.every((t) => RESOLUTION_ACTIONS[t].some((b) => b.action === a.action)))
    .filter((a) => distinct.every((t) => allowed(RESOLUTION_ACTIONS[t].find((b) => b.action === a.action)?.roles ?? null, role)))
    .map((a) => ({ action: a.action, label: a.label, effect: a.effect ?? null, needsNote: a.effect === "cancel_order" }));
}

export const allowed = (roles: readonly string[] | null | undefined, role: Role) => !roles || roles.includes(role);

/** Whether this role may work every one of these types (assign, resolve, dismiss). */
export const canWorkAll = (types: readonly ExceptionType[], role: Role) => types.length > 0 && types.every((t) => canWork(role, t));
