import type { Actor } from "../auth/actor";
import type { DbOrTx } from "../db";
import type { LineState } from "./line-availability";
import type { OrderRow } from "./queries";

/** What the submitting transaction already knows, so planning need not read it back. */
export type SubmittedFacts = { lines: LineState[]; customer: { segment: string; demandClass: "A" | "B" | "C" } };

/**
 * What orders asks of fulfillment's orchestration, which owns policies and plans and depends on orders (not
 * the reverse): the routers pass fulfillment's implementation to the use cases that submit and change orders.
 */
export type OrderPlanning = {
  /**
   * In the submitting transaction, after reservation: choose the order's policy, store its promise dates, and
   * start what the policy does first (a drop-ship purchase order). Says whether the policy bills before the
   * goods move (prepaid), so the order is invoiced now. `alongside` is the submission's own writes that wait for
   * the promise date (the confirmation): planning sends them with its own, once.
   */
  onSubmitted(
    tx: DbOrTx,
    order: OrderRow,
    actor: Actor,
    known?: SubmittedFacts,
    alongside?: (promisedDate: string) => Promise<unknown>,
  ): Promise<{ invoiceNow: boolean; promisedDate: string }>;
  /** After a change re-reserved a submitted order: its promise dates again, on the policy it keeps. */
  onChanged(tx: DbOrTx, order: OrderRow, actor: Actor): Promise<{ promisedDate: string } | null>;
};
