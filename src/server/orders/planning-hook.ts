import type { Actor } from "../auth/actor";
import type { DbOrTx } from "../db";
import type { LineState } from "./line-availability";
import type { OrderRow } from "./queries";

/** What the submitting transaction already knows, so planning need not read it back. */
export type SubmittedFacts = { productIds: string[]; customer: { segment: string; demandClass: "A" | "B" | "C" } };

/** A submitted order's plan, made before the order's row is written: the submission writes it with its own. */
export type SubmissionPlan = {
  /** When the order reaches the customer (its last line): the order's promise date. */
  promisedDate: string;
  /** The policy bills before the goods move (prepaid): the order is invoiced now. */
  invoiceNow: boolean;
  /** The plan's own writes, sent with the submission's. */
  write: () => Promise<unknown>;
  /** What the policy starts with once the order is written (a drop-ship purchase order), if anything. */
  afterwards?: () => Promise<unknown>;
};

/**
 * What orders asks of fulfillment's orchestration, which owns policies and plans and depends on orders (not
 * the reverse): the routers pass fulfillment's implementation to the use cases that submit and change orders.
 */
export type OrderPlanning = {
  /**
   * In the submitting transaction, before the reservation: starts reading what the plan needs besides it (the
   * policy the order follows, transit to its region), so the reads go with the reservation's statements. The
   * answer plans the order from its reserved lines.
   */
  onSubmitting(tx: DbOrTx, order: OrderRow, actor: Actor, known: SubmittedFacts): (lines: LineState[]) => Promise<SubmissionPlan>;
  /** After a change re-reserved a submitted order: its promise dates again, on the policy it keeps. */
  onChanged(tx: DbOrTx, order: OrderRow, actor: Actor): Promise<{ promisedDate: string } | null>;
};
