import type { Actor } from "../auth/actor";
import type { DbOrTx } from "../db";
import { type ExceptionType } from "./constants";
import { activeExceptionTypes, closeExceptions, type Finding, openException } from "./open-exception";
import { and, eq, inArray } from "drizzle-orm";
import { exceptions } from "./schema";

/**
 * A rule watches something that happens to a subject (an order being submitted or edited; later an invoice
 * falling due, a promise date slipping) and says what is wrong with it now. Rules are run in the same
 * transaction as the change; applyFindings turns what they say into exceptions.
 */
export type ExceptionRule<Subject> = {
  type: ExceptionType;
  check: (subject: Subject) => Finding | null;
};

/** Every finding of the rules for a subject (pure). */
export function runRules<Subject>(rules: readonly ExceptionRule<Subject>[], subject: Subject): Finding[] {
  return rules.flatMap((rule) => {
    const finding = rule.check(subject);
    return finding ? [{ ...finding, type: rule.type }] : [];
  });
}

/**
 * Opens (or keeps, or reopens) an exception per finding and resolves the active ones of the checked types
 * whose cause is gone. Returns the order's active exception types afterwards. `fresh`: nothing can exist yet
 * for the order (first submission), which spares the reads.
 */
export async function applyFindings(
  tx: DbOrTx,
  input: { orderId: string; customerId: string; actor: Actor; checked: readonly ExceptionType[]; findings: Finding[]; fresh?: boolean },
): Promise<ExceptionType[]> {
  const { orderId, customerId, actor, findings } = input;
  for (const finding of findings) await openException(tx, { ...finding, orderId, customerId, actor, fresh: input.fresh });
  if (input.fresh) return findings.map((f) => f.type);
  const found = new Set(findings.map((f) => f.type));
  const gone = input.checked.filter((type) => !found.has(type));
  if (gone.length > 0) {
    await closeExceptions(tx, actor, and(eq(exceptions.orderId, orderId), inArray(exceptions.type, gone))!, {
      status: "resolved",
      resolution: "cause_gone",
      note: "Resolved on its own: the order no longer has the problem.",
    });
  }
  return activeExceptionTypes(tx, orderId);
}
