import type { JEOPARDY_CAUSES } from "./schemas";
import type { Role } from "../../auth/roles";
import type { StepKind } from "../policies/policy";
import { STEP_LABELS } from "../policies/policy";
import type { ProjectedStep, StepProgress } from "../policies/schedule";

/** Something that happened to the order: when, and who did it. */
export type Happened = { at: Date; by: string };

/**
 * What an order's documents say, as its progress along a policy is read from them (plan-facts.ts loads it).
 * Units count the order's lines; picked and packed count units on shipments that got that far.
 */
export type OrderFacts = {
  units: number;
  backordered: number;
  picked: number;
  packed: number;
  shipped: number;
  fullyInvoiced: boolean;
  /** The ordered goods are paid (every unit invoiced, those invoices paid). */
  paid: boolean;
  /** The latest timeline entry of each kind of event that ends a step. */
  reservedLast: Happened | null;
  pickedLast: Happened | null;
  packedLast: Happened | null;
  shippedLast: Happened | null;
  invoicedLast: Happened | null;
  paidLast: Happened | null;
  /** Drop-ship purchase orders: when the last was sent, and when the vendor's goods were in (all received). */
  vendorOrdered: Happened | null;
  vendorShipped: Happened | null;
};

/** Which steps are done, when and by whom: a step is done when the whole order got past it. Pure. */
export function stepProgress(facts: OrderFacts): Partial<Record<StepKind, StepProgress>> {
  const all = (count: number) => facts.units > 0 && count >= facts.units;
  // A step done without a timeline entry (history from before plans) counts from the submission.
  const done = (condition: boolean, happened: Happened | null): StepProgress | undefined =>
    condition ? { completedAt: happened?.at ?? facts.reservedLast?.at ?? new Date(0), by: happened?.by ?? null } : undefined;
  const progress: Partial<Record<StepKind, StepProgress>> = {
    reserve: done(facts.backordered === 0 && facts.units > 0, facts.reservedLast),
    pick: done(all(facts.picked) || all(facts.shipped), facts.pickedLast ?? facts.shippedLast),
    pack: done(all(facts.packed) || all(facts.shipped), facts.packedLast ?? facts.shippedLast),
    ship: done(all(facts.shipped), facts.shippedLast),
    // Will-call: the customer's collection is recorded as the shipment leaving.
    collect: done(all(facts.shipped), facts.shippedLast),
    invoice: done(facts.fullyInvoiced || facts.paid, facts.invoicedLast),
    paid: done(facts.paid, facts.paidLast),
    vendor_po: done(facts.vendorOrdered !== null, facts.vendorOrdered),
    vendor_ships: done(facts.vendorShipped !== null, facts.vendorShipped),
  };
  return Object.fromEntries(Object.entries(progress).filter(([, p]) => p !== undefined));
}

export type JeopardyFinding = { cause: (typeof JEOPARDY_CAUSES)[number]; step: StepKind; owner: Role; reason: string };

/**
 * Why a projection passed the promise: the step in progress names the cause and its owner. Reserve waiting
 * for stock is "stock short" (or "inbound late" once the expected date passed); a policy waiting for payment
 * is "payment missing"; anything else is that step running late. Pure.
 */
export function jeopardyCause(
  steps: ProjectedStep[],
  context: { orderNumber: string; promisedDate: string; projectedDate: string; inboundOverdue: boolean },
): JeopardyFinding | null {
  const current = steps.find((s) => s.state === "current");
  if (!current || context.projectedDate <= context.promisedDate) return null;
  const label = STEP_LABELS[current.kind];
  const tail = `${context.orderNumber} now reaches the customer ${context.projectedDate}, after its promise ${context.promisedDate}.`;
  if (current.kind === "reserve") {
    return context.inboundOverdue
      ? { cause: "inbound_late", step: current.kind, owner: current.owner, reason: `Inbound late: the stock expected for it has not arrived. ${tail}` }
      : { cause: "stock_short", step: current.kind, owner: current.owner, reason: `Stock short: lines wait for inbound stock. ${tail}` };
  }
  if (current.kind === "paid") return { cause: "payment_missing", step: current.kind, owner: current.owner, reason: `Payment missing: the policy ships after payment. ${tail}` };
  const hours = Math.max(1, Math.round(current.lateMs / 3_600_000));
  return { cause: "step_late", step: current.kind, owner: current.owner, reason: `${label} late${current.lateMs > 0 ? ` by ${hours} h` : ""}. ${tail}` };
}

