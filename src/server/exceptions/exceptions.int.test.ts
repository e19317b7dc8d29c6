import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "~/server/auth/actor";
import { users } from "~/server/auth/schema";
import { runAt } from "~/server/clock";
import { createProduct } from "~/server/catalog/create-product";
import { executeRows } from "~/server/db/execute";
import { orderShipments } from "~/server/fulfillment";
import { adjustStock } from "~/server/inventory/adjust-stock";
import { outboxMessages } from "~/server/integration/schema";
import { createOrder } from "~/server/orders/create-order";
import { exceptionOrders } from "~/server/orders/exception-orders";
import { orderTimeline } from "~/server/orders/order-timeline";
import { loadOrder, toOrderDto } from "~/server/orders/queries";
import { updateOrder } from "~/server/orders/update-order";
import { createTestDb, type TestDb } from "~/test/db";
import { actors, address, seedOrderFixtures, stockFixtures } from "~/test/fixtures";
import { assignExceptions } from "./assign-exceptions";
import { commentException } from "./comment-exception";
import { exceptionDashboard } from "./dashboard";
import { dismissExceptions } from "./dismiss-exceptions";
import { getException } from "./get-exception";
import { listAssignees, ZListAssigneesInput } from "./list-assignees";
import { exceptionCounts, listExceptions, ZListExceptionsInput } from "./list-exceptions";
import { markSlaBreaches } from "./mark-sla-breaches";
import { reopenException } from "./reopen-exception";
import { resolveExceptions } from "./resolve-exceptions";
import { addRestrictedItem, removeRestrictedItem } from "./restricted-items";
import { exceptions } from "./schema";
import { updateSla } from "./sla";

let t: TestDb;
const orders = exceptionOrders(orderShipments);
beforeAll(async () => {
  t = await createTestDb();
  await seedOrderFixtures(t.db);
  await stockFixtures(t.db);
  // The people who work the queues (assignment names a user).
  await t.db.insert(users).values(Object.values(actors).map((a) => ({ id: a.id, email: `${a.role}@test.local`, name: a.name, role: a.role, passwordHash: "x" })));
  await createProduct({ db: t.db, actor: actors.admin, input: { sku: "CASE-12", name: "Bolts, case of 12", category: "Fasteners", unit: "case", currency: "USD", listPrice: 1200, cost: 600, weightGrams: 100, taxCategory: "standard", leadTimeDays: 14, packSize: 12 } });
  await adjustStock({ db: t.db, actor: actors.admin, input: { sku: "CASE-12", warehouse: "EAST", quantity: 10_000, reason: "initial_stock" } });
}, 60_000);
afterAll(() => t?.cleanup());

let seq = 0;
/** An order of its own lines (a quantity no other order has), so only the rule under test fires. */
const place = (input: Record<string, unknown> = {}, actor: Actor = actors.rep) =>
  createOrder({ db: t.db, actor, input: { customer: "ACME", channel: "phone", lines: [{ sku: "WASHER-M8", quantity: 1000 + ++seq }], draft: false, ...input } as never });
const edit = async (number: string, input: Record<string, unknown>, actor: Actor = actors.rep) => {
  const order = await loadOrder(t.db, number);
  return updateOrder({ db: t.db, actor, shipments: orderShipments, input: { number, version: order.version, ...input } as never });
};
const exceptionOf = async (number: string, type: string) => {
  const order = await loadOrder(t.db, number);
  const [row] = await t.db.select().from(exceptions).where(and(eq(exceptions.orderId, order.id), eq(exceptions.type, type as never)));
  return row!;
};
const statusOf = async (number: string) => (await loadOrder(t.db, number)).status;

describe("the rules open exceptions with the change and close them when the cause is gone", () => {
  it("address_hold: a postal code off the country's format holds the order; fixing the ship-to releases it", async () => {
    const order = await place({ shipTo: { ...address, postalCode: "ABCDE" } });
    expect(order.status).toBe("on_hold");
    const hold = await exceptionOf(order.number, "address_hold");
    expect(hold).toMatchObject({ status: "open", team: "rep", reason: expect.stringMatching(/Postal code "ABCDE" does not match the US format/) });
    const fixed = await edit(order.number, { shipTo: address });
    expect(fixed.status).toBe("open");
    expect(await exceptionOf(order.number, "address_hold")).toMatchObject({ status: "resolved", resolution: "cause_gone" });
  });

  it("compliance_hold: a restricted ship-to country or product holds the order until it is no longer restricted", async () => {
    await addRestrictedItem({ db: t.db, actor: actors.admin, input: { kind: "country", value: "CU", reason: "Embargo" }, skuExists: async () => true });
    const restricted = await addRestrictedItem({ db: t.db, actor: actors.admin, input: { kind: "product", value: "NUT-M8", reason: "Dual-use check" }, skuExists: async () => true });
    const toCuba = await place({ shipTo: { line1: "Calle 23", city: "La Habana", region: "", postalCode: "10400", country: "CU" } });
    expect(toCuba.status).toBe("on_hold");
    expect((await exceptionOf(toCuba.number, "compliance_hold")).reason).toMatch(/Ship-to country CU is restricted: Embargo/);
    expect(await statusOf((await edit(toCuba.number, { shipTo: address })).number)).toBe("open");

    const withNut = await place({ lines: [{ sku: "NUT-M8", quantity: 3 + seq }] });
    expect((await exceptionOf(withNut.number, "compliance_hold")).reason).toMatch(/NUT-M8 is restricted: Dual-use check/);
    await removeRestrictedItem({ db: t.db, actor: actors.admin, input: { id: restricted.id } });
    await edit(withNut.number, { lines: [{ sku: "NUT-M8", quantity: 4 + seq }] });
    expect(await exceptionOf(withNut.number, "compliance_hold")).toMatchObject({ status: "resolved", resolution: "cause_gone" });
    expect(await statusOf(withNut.number)).toBe("open");
  });

  it("suspicious_quantity: off the pack size, or over 5× the customer's usual; a fix closes it", async () => {
    const offPack = await place({ lines: [{ sku: "CASE-12", quantity: 10 }] });
    expect(offPack.status).toBe("on_hold");
    expect((await exceptionOf(offPack.number, "suspicious_quantity")).reason).toMatch(/10 is not a multiple of the pack size 12/);
    await edit(offPack.number, { lines: [{ sku: "CASE-12", quantity: 12 }] });
    expect(await statusOf(offPack.number)).toBe("open");

    // Two earlier orders of 12 make 12 the usual: 72 is over 5×.
    await place({ lines: [{ sku: "CASE-12", quantity: 12 }, { sku: "BOLT-M8", quantity: 1 }] });
    const big = await place({ lines: [{ sku: "CASE-12", quantity: 72 }] });
    expect((await exceptionOf(big.number, "suspicious_quantity")).reason).toMatch(/72 is over 5× the customer's usual 12/);
    await edit(big.number, { lines: [{ sku: "CASE-12", quantity: 48 }] });
    expect(await exceptionOf(big.number, "suspicious_quantity")).toMatchObject({ status: "resolved", resolution: "cause_gone" });
  });

  it("duplicate_order: the same lines within 24 hours, or a reused customer PO; changing the lines closes it", async () => {
    const lines = [{ sku: "BOLT-M8", quantity: 77 }];
    const first = await place({ lines, customerReference: "PO-77" });
    expect(first.status).toBe("open");
    const again = await place({ lines });
    expect(again.status).toBe("on_hold");
    expect((await exceptionOf(again.number, "duplicate_order")).reason).toBe(`Looks like ${first.number}: the same lines within 24 hours.`);
    await edit(again.number, { lines: [{ sku: "BOLT-M8", quantity: 78 }] });
    expect(await statusOf(again.number)).toBe("open");

    const samePo = await place({ customerReference: "po-77 " });
    expect((await exceptionOf(samePo.number, "duplicate_order")).reason).toMatch(/the same customer PO po-77/);
    // A day later the same lines are a new order, not a duplicate.
    const later = await runAt(new Date(Date.now() + 25 * 3_600_000), () => place({ lines: [{ sku: "BOLT-M8", quantity: 78 }] }));
    expect(later.status).toBe("open");
  });

  it("price_approval: rejecting puts the list price back and releases; approving accepts that price until it changes", async () => {
    const below = [{ sku: "BOLT-M8", quantity: 5 + seq, unitPrice: 500, overrideReason: "match competitor" }];
    const rejected = await place({ lines: below });
    expect(rejected.status).toBe("on_hold");
    const approval = await exceptionOf(rejected.number, "price_approval");
    await expect(resolveExceptions({ db: t.db, actor: actors.rep, orders, input: { ids: [approval.id], action: "reject" } })).rejects.toMatchObject({ kind: "forbidden" });
    await resolveExceptions({ db: t.db, actor: actors.manager, orders, input: { ids: [approval.id], action: "reject", note: "Below cost" } });
    const after = await toOrderDto(t.db, await loadOrder(t.db, rejected.number));
    expect(after.status).toBe("open");
    expect(after.lines[0]).toMatchObject({ unitPrice: 1999, overrideReason: null });
    expect(await exceptionOf(rejected.number, "price_approval")).toMatchObject({ status: "resolved", resolution: "reject", resolvedBy: "Morgan Manager" });

    const approved = await place({ lines: [{ ...below[0]!, quantity: 6 + seq }] });
    const id = (await exceptionOf(approved.number, "price_approval")).id;
    await resolveExceptions({ db: t.db, actor: actors.manager, orders, input: { ids: [id], action: "approve" } });
    expect(await statusOf(approved.number)).toBe("open");
    // The same price stays approved through an edit of the quantity…
    await edit(approved.number, { lines: [{ ...below[0]!, quantity: 7 + seq }] });
    expect(await statusOf(approved.number)).toBe("open");
    // …a lower one asks again: the same exception reopens.
    const lower = await edit(approved.number, { lines: [{ ...below[0]!, quantity: 7 + seq, unitPrice: 400 }] });
    expect(lower.status).toBe("on_hold");
    expect(await exceptionOf(approved.number, "price_approval")).toMatchObject({ id, status: "open", reopenCount: 1 });
  });

  it("credit_hold: finance releases it; the same total does not hold again", async () => {
    const held = await createOrder({ db: t.db, actor: actors.rep, input: { customer: "TIGHT", channel: "email", lines: [{ sku: "BOLT-M8", quantity: 3 }], draft: false } });
    const credit = await exceptionOf(held.number, "credit_hold");
    expect(credit).toMatchObject({ team: "finance", severity: "high" });
    await expect(resolveExceptions({ db: t.db, actor: actors.rep, orders, input: { ids: [credit.id], action: "release" } })).rejects.toMatchObject({ kind: "forbidden" });
    await resolveExceptions({ db: t.db, actor: actors.finance, orders, input: { ids: [credit.id], action: "release", note: "Paid by phone" } });
    expect(await statusOf(held.number)).toBe("open");
    await edit(held.number, { shipTo: { ...address, line1: "2 Main St" } });
    expect(await statusOf(held.number)).toBe("open");
  });
});

describe("working exceptions", () => {
  it("assigns, comments, dismisses with a reason, reopens; every change is on the exception's history and the order's timeline", async () => {
    const order = await place({ shipTo: { ...address, postalCode: "1234" } });
    const hold = await exceptionOf(order.number, "address_hold");
    // Reps take their own; only managers hand exceptions to others; a warehouse user does not work address holds.
    await expect(assignExceptions({ db: t.db, actor: actors.rep, input: { ids: [hold.id], assignee: actors.manager.id } })).rejects.toMatchObject({ kind: "forbidden" });
    await expect(assignExceptions({ db: t.db, actor: actors.warehouse, input: { ids: [hold.id], assignee: "me" } })).rejects.toMatchObject({ kind: "forbidden" });
    await expect(assignExceptions({ db: t.db, actor: actors.manager, input: { ids: [hold.id], assignee: actors.warehouse.id } })).rejects.toMatchObject({ details: { fields: { assignee: expect.any(Array) } } });
    expect(await assignExceptions({ db: t.db, actor: actors.rep, input: { ids: [hold.id], assignee: "me" } })).toMatchObject({ assignee: { name: "Riley Rep" } });
    expect((await exceptionOf(order.number, "address_hold")).status).toBe("in_progress");
    await commentException({ db: t.db, actor: actors.rep, input: { id: hold.id, note: "Called the customer: the ZIP is 07102-1234" } });

    await dismissExceptions({ db: t.db, actor: actors.rep, orders, input: { ids: [hold.id], reason: "Customer confirmed the address; the carrier accepts it" } });
    expect(await statusOf(order.number)).toBe("open");
    // Dismissed with this address: editing something else does not reopen it.
    await edit(order.number, { channel: "email" });
    expect((await exceptionOf(order.number, "address_hold")).status).toBe("dismissed");

    await reopenException({ db: t.db, actor: actors.rep, orders, input: { id: hold.id, note: "The carrier returned the label" } });
    expect(await statusOf(order.number)).toBe("on_hold");
    const detail = await getException({ db: t.db, id: hold.id });
    expect(detail).toMatchObject({ status: "in_progress", reopenCount: 1, assignee: { name: "Riley Rep" } });
    expect(detail.history.map((h) => h.type)).toEqual(["opened", "assigned", "commented", "dismissed", "reopened"]);
    expect(detail.history[2]).toMatchObject({ actor: "Riley Rep", note: "Called the customer: the ZIP is 07102-1234" });
    const timeline = await orderTimeline({ db: t.db, number: order.number });
    expect(timeline.filter((e) => e.type.startsWith("exception.")).map((e) => e.type)).toEqual([
      "exception.opened",
      "exception.assigned",
      "exception.commented",
      "exception.dismissed",
      "exception.reopened",
    ]);
    expect(timeline.map((e) => e.type)).toEqual(expect.arrayContaining(["hold_released", "held"]));
  });

  it("lists who may be given a type: its team, managers and admins", async () => {
    const names = async (types: string[]) => (await listAssignees({ db: t.db, input: ZListAssigneesInput.parse({ types }) })).map((u) => u.name);
    expect(await names(["credit_hold"])).toEqual(["Ada Admin", "Fran Finance", "Morgan Manager"]);
    expect(await names(["stockout", "delivery_failure"])).toEqual(["Ada Admin", "Morgan Manager", "Wes Warehouse"]);
    expect(await names(["credit_hold", "stockout"])).toEqual(["Ada Admin", "Morgan Manager"]);
  });

  it("refuses to resolve with an action of another type, or a closed one, naming the field", async () => {
    const order = await place({ shipTo: { ...address, postalCode: "X" } });
    const hold = await exceptionOf(order.number, "address_hold");
    await expect(resolveExceptions({ db: t.db, actor: actors.rep, orders, input: { ids: [hold.id], action: "approve" } })).rejects.toMatchObject({ details: { fields: { action: expect.any(Array) } } });
    await resolveExceptions({ db: t.db, actor: actors.rep, orders, input: { ids: [hold.id], action: "verified", note: "Rural route" } });
    await expect(resolveExceptions({ db: t.db, actor: actors.rep, orders, input: { ids: [hold.id], action: "verified" } })).rejects.toMatchObject({ code: "EXCEPTION_CLOSED" });
  });

  it("cancels a duplicate from its exception", async () => {
    const lines = [{ sku: "BOLT-M8", quantity: 91 }];
    await place({ lines });
    const dup = await place({ lines });
    const id = (await exceptionOf(dup.number, "duplicate_order")).id;
    await expect(resolveExceptions({ db: t.db, actor: actors.rep, orders, input: { ids: [id], action: "cancel_order" } })).rejects.toMatchObject({ details: { fields: { note: expect.any(Array) } } });
    await resolveExceptions({ db: t.db, actor: actors.rep, orders, input: { ids: [id], action: "cancel_order", note: "Entered twice" } });
    expect(await statusOf(dup.number)).toBe("canceled");
    expect(await exceptionOf(dup.number, "duplicate_order")).toMatchObject({ status: "resolved", resolution: "cancel_order" });
  });
});

describe("the queue, SLAs and the dashboard", () => {
  it("marks breaches once and tells the managers once per breach", async () => {
    await updateSla({ db: t.db, actor: actors.admin, input: { type: "address_hold", severity: "medium", hours: 2 } });
    const order = await place({ shipTo: { ...address, postalCode: "BREACH" } });
    const hold = await exceptionOf(order.number, "address_hold");
    expect(hold.dueAt.getTime() - hold.createdAt.getTime()).toBe(2 * 3_600_000);
    const later = new Date(hold.dueAt.getTime() + 60_000);
    const first = await markSlaBreaches(t.db, later);
    expect(first.breached).toBeGreaterThanOrEqual(1);
    expect((await markSlaBreaches(t.db, later)).breached).toBe(0);
    const notices = await t.db.select().from(outboxMessages).where(sql`${outboxMessages.payload}->>'exceptionId' = ${hold.id}`);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ topic: "exception.sla_breached", recipient: "managers" });
    const list = await listExceptions({ db: t.db, actor: actors.rep, input: ZListExceptionsInput.parse({ sla: "breached" }), now: later });
    expect(list.items.map((i) => i.id)).toContain(hold.id);
    // Opened today: in the last day; two days on, not any more.
    const twoDaysOn = new Date(hold.createdAt.getTime() + 2 * 86_400_000);
    expect((await listExceptions({ db: t.db, actor: actors.rep, input: ZListExceptionsInput.parse({ days: "1" }), now: later })).items.map((i) => i.id)).toContain(hold.id);
    expect((await listExceptions({ db: t.db, actor: actors.rep, input: ZListExceptionsInput.parse({ days: 1 }), now: twoDaysOn })).items.map((i) => i.id)).not.toContain(hold.id);
    await updateSla({ db: t.db, actor: actors.admin, input: { type: "address_hold", severity: "medium", hours: null } });
  });

  it("sorts breached first, then by severity and due time; tabs count what they list", async () => {
    const all = await listExceptions({ db: t.db, actor: actors.rep, input: ZListExceptionsInput.parse({ view: "all", limit: 500 }) });
    const rank = { breached: 0, due_soon: 1, later: 2 } as const;
    const sev = { critical: 0, high: 1, medium: 2, low: 3 } as const;
    const keys = all.items.map((i) => [rank[i.slaState], sev[i.severity], i.dueAt] as const);
    expect(keys).toEqual([...keys].sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2].localeCompare(b[2])));
    const counts = await exceptionCounts({ db: t.db, actor: actors.rep });
    expect(counts.all).toBe(all.items.length);
    const mine = await listExceptions({ db: t.db, actor: actors.rep, input: ZListExceptionsInput.parse({ view: "mine", limit: 500 }) });
    expect(mine.items.length).toBe(counts.mine);
    expect(mine.items.every((i) => i.assignee?.id === actors.rep.id || (i.assignee === null && i.team === "rep"))).toBe(true);
    // Pages by cursor give the same list.
    const paged = [];
    let cursor: string | undefined;
    do {
      const page = await listExceptions({ db: t.db, actor: actors.rep, input: ZListExceptionsInput.parse({ limit: 3, cursor }) });
      paged.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(paged).toEqual(all.items.map((i) => i.id));
  });

  it("the dashboard's numbers are the SQL counts", async () => {
    const dashboard = await exceptionDashboard({ db: t.db });
    const [counts] = await executeRows<{ active: number; breached: number; held: number; opened: number }>(
      t.db,
      sql`select (select count(*)::int from exceptions where status in ('open', 'in_progress')) as active,
        (select count(*)::int from exceptions where status in ('open', 'in_progress') and due_at < now()) as breached,
        (select count(*)::int from orders where status = 'on_hold') as held,
        (select count(*)::int from exceptions where created_at >= now() - interval '30 days') as opened`,
    );
    expect(dashboard.open.total).toBe(counts!.active);
    expect(dashboard.open.breached).toBe(counts!.breached);
    expect(dashboard.openByTypeAndAge.reduce((n, r) => n + r.count, 0)).toBe(counts!.active);
    expect(dashboard.holds.count).toBe(counts!.held);
    expect(dashboard.trend).toHaveLength(30);
    expect(dashboard.trend.reduce((n, d) => n + d.opened, 0)).toBe(counts!.opened);
    expect(dashboard.topCustomers[0]).toMatchObject({ key: "ACME" });
    expect(dashboard.topSkus.map((s) => s.key)).toContain("BOLT-M8");
    expect(dashboard.timeToResolveByType.find((r) => r.type === "price_approval")?.count).toBeGreaterThan(0);
  });
});
