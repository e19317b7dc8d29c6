import { and, asc, eq, isNull } from "drizzle-orm";
import type { Actor } from "../../auth/actor";
import { categories, products } from "../../catalog";
import * as clock from "../../clock";
import { customers } from "../../customers";
import { AppError } from "../../errors";
import type { DbOrTx } from "../../db";
import { anyOf } from "../../db/bulk";
import { warehouses, type StockArrivalHandler } from "../../inventory";
import { allocateBackorders, lineAvailability, loadOrder, recordOrderEvents, setPromisedDate, type LineAvailability, type OrderPlanning, type OrderRow } from "../../orders";
import { placeDropShipPurchaseOrders } from "../../purchasing";
import type { PolicyStep, StepKind } from "../policies/policy";
import { loadCurrentPolicies, loadPolicy } from "../policies/queries";
import { loadPolicyRules } from "../policies/rules";
import { arrivalDate, projectSteps, type StepProgress } from "../policies/schedule";
import { selectPolicy } from "../policies/select-policy";
import { orderPlans, type LinePromise } from "../schema";
import { paysBeforePicking } from "./payment-gate";
import { loadOrderFacts } from "./plan-facts";
import { stepProgress } from "./progress";
import { DEFAULT_TRANSIT_DAYS, transitDaysFor, transitToRegion } from "./transit";

/** Stock expected on a date is there to work with from early that morning (noon UTC: 07:00–08:00 in New York). */
export const morningOf = (isoDate: string) => new Date(`${isoDate}T12:00:00Z`);

export type ChosenPolicy = { code: string; name: string; version: number; steps: PolicyStep[]; chosenBy: string };

/** The policy a submitted order follows: the admin's rules on its channel, customer segment, categories and total. */
export async function choosePolicy(
  db: DbOrTx,
  order: { channel: string; customerId: string; total: number; productIds: string[]; segment?: string },
): Promise<ChosenPolicy> {
  // One round trip: the rules, the order's facts and every policy (a handful) to choose from.
  const [rules, [customer], lineCategories, candidates] = await Promise.all([
    loadPolicyRules(db),
    order.segment !== undefined ? [{ segment: order.segment }] : db.select({ segment: customers.segment }).from(customers).where(eq(customers.id, order.customerId)),
    order.productIds.length
      ? db.selectDistinct({ code: categories.code }).from(products).innerJoin(categories, eq(categories.id, products.categoryId)).where(anyOf(products.id, order.productIds))
      : Promise.resolve([]),
    loadCurrentPolicies(db),
  ]);
  const facts = { channel: order.channel, segment: customer?.segment ?? "", categories: lineCategories.map((c) => c.code), total: order.total };
  const fallback = candidates.find((c) => c.policy.isDefault && c.policy.archivedAt === null)?.policy.code;
  const choice = selectPolicy(rules, facts, fallback ?? "STANDARD");
  const chosen = candidates.find((c) => c.policy.code === choice.policyCode);
  if (!chosen) throw AppError.notFound("policy", choice.policyCode);
  const { policy, version } = chosen;
  return { code: policy.code, name: policy.name, version: version.version, steps: version.steps, chosenBy: choice.rule === null ? "Default" : `Rule ${choice.rule + 1}` };
}

/**
 * When each line reaches the customer on a policy, from where the order is now: a reserved line's reserve step
 * is done, a backordered one's waits for the date its stock is expected; the steps after run at their
 * durations (a late one as if it ended now), then transit from the line's warehouse to the ship-to region.
 */
export function linePromises(
  steps: PolicyStep[],
  input: { start: Date; now: Date; today: string; progress: Partial<Record<StepKind, StepProgress>>; lines: LineAvailability[]; transit: Map<string, number> },
): LinePromise[] {
  // Lines available on the same day with the same transit arrive together: each such date is worked out once.
  const dates = new Map<string, string>();
  return input.lines.map((line) => {
    const waits = line.availableOn > input.today;
    const transitDays = (line.warehouseId ? input.transit.get(line.warehouseId) : undefined) ?? DEFAULT_TRANSIT_DAYS;
    const key = `${waits ? line.availableOn : ""}|${transitDays}`;
    let promisedDate = dates.get(key);
    if (promisedDate === undefined) {
      const progress = waits ? { ...input.progress, reserve: undefined } : { ...input.progress, reserve: input.progress.reserve ?? { completedAt: input.now } };
      const projection = projectSteps(steps, { start: input.start, now: input.now, progress, notBefore: waits ? { reserve: morningOf(line.availableOn) } : {} });
      promisedDate = arrivalDate(projection, steps, transitDays);
      dates.set(key, promisedDate);
    }
    return { lineId: line.lineId, lineNo: line.lineNo, sku: line.sku, availableOn: line.availableOn, transitDays, promisedDate };
  });
}

/** The latest of the lines' dates: the order is promised when its last line arrives. */
export const orderPromise = (lines: LinePromise[], today: string) => lines.reduce((latest, l) => (l.promisedDate > latest ? l.promisedDate : latest), today);

/**
 * Plans a submitted order again in the caller's transaction (a change, stock that arrived, a late step): an
 * existing plan keeps its policy version (an order without one chooses its policy); the promise dates are
 * computed again from the order's reservations, progress and transit, and the order shows the new date.
 * Returns the plan with its steps. A submission plans with orderPlanning.onSubmitting instead.
 */
export async function planOrder(tx: DbOrTx, order: OrderRow) {
  const [[existing], lines] = await Promise.all([tx.select().from(orderPlans).where(eq(orderPlans.orderId, order.id)), lineAvailability(tx, order.id)]);
  const [policy, facts, transit] = await Promise.all([
    existing
      ? loadPolicy(tx, existing.policyCode, { version: existing.policyVersion }).then(({ policy, version }): ChosenPolicy => ({
          code: policy.code,
          name: policy.name,
          version: version.version,
          steps: version.steps,
          chosenBy: existing.chosenBy,
        }))
      : choosePolicy(tx, { channel: order.channel, customerId: order.customerId, total: order.total, productIds: lines.map((l) => l.productId) }),
    loadOrderFacts(tx, order.id),
    transitDaysFor(tx, order.shipTo?.region, warehousesOf(lines)),
  ]);
  const plan = planOf(policy, lines, transit, { startedAt: existing?.startedAt ?? order.submittedAt ?? clock.now(), progress: stepProgress(facts) });
  await Promise.all([
    tx.insert(orderPlans).values({ orderId: order.id, ...plan.values }).onConflictDoUpdate({ target: orderPlans.orderId, set: plan.values }),
    setPromisedDate(tx, order.id, plan.promisedDate),
  ]);
  return { policy, promisedDate: plan.promisedDate, linePromises: plan.linePromises, lines };
}

/** The warehouses the lines come from (transit is counted from each). */
const warehousesOf = (lines: LineAvailability[]) => lines.map((l) => l.warehouseId).filter((id): id is string => id !== null);

/** A plan's row: the lines' promise dates on the policy from where the order is, and the order's (the latest). */
function planOf(policy: ChosenPolicy, lines: LineAvailability[], transit: Map<string, number>, from: { startedAt: Date; progress: Partial<Record<StepKind, StepProgress>> }) {
  const now = clock.now();
  const today = clock.today();
  const promises = linePromises(policy.steps, { start: from.startedAt, now, today, progress: from.progress, lines, transit });
  const promisedDate = orderPromise(promises, today);
  const values = { policyCode: policy.code, policyVersion: policy.version, chosenBy: policy.chosenBy, startedAt: from.startedAt, promisedDate, paysFirst: paysBeforePicking(policy.steps), linePromises: promises, updatedAt: now };
  return { values, promisedDate, linePromises: promises };
}

/** A policy bills before the goods move (prepaid): its invoice step comes before any warehouse or vendor step. */
export function billsFirst(steps: PolicyStep[]): boolean {
  const invoice = steps.findIndex((s) => s.kind === "invoice");
  const goods = steps.findIndex((s) => ["reserve", "pick", "pack", "ship", "collect", "vendor_po"].includes(s.kind));
  return invoice >= 0 && (goods < 0 || invoice < goods);
}

/** Fulfillment's side of orders' OrderPlanning hook, handed in by the routers that submit and change orders. */
export const orderPlanning: OrderPlanning = {
  onSubmitting(tx, order, actor, known) {
    // Neither depends on the reservation: transit is read from every warehouse, the lines' are picked after.
    const basis = Promise.all([
      choosePolicy(tx, { channel: order.channel, customerId: order.customerId, total: order.total, productIds: known.productIds, segment: known.customer.segment }),
      transitToRegion(tx, order.shipTo?.region),
    ]);
    // Awaited once the lines are reserved; if the reservation fails first, its failure is the one that counts.
    basis.catch(() => {});
    return async (reserved) => {
      const [[policy, transitOf], lines] = await Promise.all([basis, lineAvailability(tx, order.id, { lines: reserved, demandClass: known.customer.demandClass })]);
      const plan = planOf(policy, lines, transitOf(warehousesOf(lines)), { startedAt: order.submittedAt ?? clock.now(), progress: {} });
      return {
        promisedDate: plan.promisedDate,
        invoiceNow: billsFirst(policy.steps),
        write: () => tx.insert(orderPlans).values({ orderId: order.id, ...plan.values }),
        afterwards: policy.steps.some((s) => s.kind === "vendor_po") ? () => startDropShip(tx, order, lines, actor) : undefined,
      };
    };
  },
  async onChanged(tx, order) {
    const [existing] = await tx.select({ orderId: orderPlans.orderId }).from(orderPlans).where(eq(orderPlans.orderId, order.id));
    if (!existing && !order.submittedAt) return null;
    return { promisedDate: (await planOrder(tx, order)).promisedDate };
  },
};

/** A drop-ship policy starts with the vendor: its purchase orders go out with the submission. */
async function startDropShip(tx: DbOrTx, order: OrderRow, lines: LineAvailability[], actor: Actor) {
  const warehouseId =
    lines.find((l) => l.warehouseId)?.warehouseId ??
    (await tx.select({ id: warehouses.id }).from(warehouses).where(and(eq(warehouses.isActive, true), isNull(warehouses.archivedAt))).orderBy(asc(warehouses.code)).limit(1))[0]?.id;
  if (!warehouseId) return;
  const shipTo = order.shipTo ? `${order.shipTo.line1}, ${order.shipTo.city} ${order.shipTo.region} ${order.shipTo.postalCode}` : "the order's ship-to address";
  const placed = await placeDropShipPurchaseOrders(tx, { orderId: order.id, orderNumber: order.number, warehouseId, shipTo, lines }, actor);
  await recordOrderEvents(tx, order.id, actor, [{ type: "drop_ship_ordered", data: { purchaseOrders: placed.purchaseOrders, ...(placed.unsourced.length ? { noVendor: placed.unsourced } : {}) } }]);
}

/**
 * Stock arrived (a receipt, a transfer, an adjustment): waiting backorders take it (orders' allocateBackorders),
 * and every order that got some is promised again on its policy. The routers hand this to inventory and purchasing.
 */
export const allocateAndPromise: StockArrivalHandler = async (tx, arrival) => {
  const fills = await allocateBackorders(tx, arrival);
  for (const number of [...new Set(fills.map((f) => f.orderNumber))]) await promiseAgain(tx, (await loadOrder(tx, number)).id);
  return fills;
};

/** An order with a plan whose reservations moved (stock arrived, a short pick): its promise dates again. */
export async function promiseAgain(tx: DbOrTx, orderId: string) {
  const [plan] = await tx.select({ orderId: orderPlans.orderId }).from(orderPlans).where(eq(orderPlans.orderId, orderId));
  if (plan) await planOrder(tx, await loadOrder(tx, { id: orderId }));
}

