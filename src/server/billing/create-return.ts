import { and, eq, inArray, sql } from "drizzle-orm";
import { actorLabel, type Actor } from "../auth/actor";
import * as clock from "../clock";
import type { Db } from "../db";
import { nextDocumentNumberSql } from "../db/sequences";
import { AppError } from "../errors";
import { openException } from "../exceptions";
import { loadOrderForFulfillment, recordOrderEvents } from "../orders";
import { formatMoney } from "~/lib/money";
import { lineShare } from "./amounts";
import { LIVE_RETURN_STATUSES } from "./constants";
import { getReturn } from "./get-return";
import { returnLines, returnReasons, returns } from "./schema";
import { loadBillingSettings } from "./settings";
import type { TCreateReturnInput, TReturn } from "./schemas";

/**
 * An RMA for units of a shipped order: never more per line than shipped minus what live returns already
 * hold — checked under the order's row lock, so two requests at once cannot both take the same units.
 * Worth more than the admin's approval value (incl. tax), it waits for a manager as a `return_requested`
 * exception; otherwise it is approved at once.
 */
export async function createReturn(options: { db: Db; actor: Actor; input: TCreateReturnInput }): Promise<TReturn> {
  const { db, actor, input } = options;
  const id = await db.transaction(async (tx) => {
    const loaded = await loadOrderForFulfillment(tx, { number: input.number.trim().toUpperCase() }, { forUpdate: true });
    if (!loaded || loaded.order.kind !== "order") throw AppError.notFound("order", input.number);
    const { order, lines } = loaded;
    if (lines.every((l) => l.line.shipped === 0)) {
      throw AppError.conflict("ORDER_NOT_SHIPPED", `${order.number} has shipped nothing yet: cancel or change it instead of returning.`);
    }
    const [held, reasons, settings] = await Promise.all([
      tx
        .select({ orderLineId: returnLines.orderLineId, units: sql<number>`sum(${returnLines.quantity})`.mapWith(Number) })
        .from(returnLines)
        .innerJoin(returns, eq(returns.id, returnLines.returnId))
        .where(and(eq(returns.orderId, order.id), inArray(returns.status, [...LIVE_RETURN_STATUSES])))
        .groupBy(returnLines.orderLineId),
      tx.select({ code: returnReasons.code }).from(returnReasons).where(eq(returnReasons.isActive, true)),
      loadBillingSettings(tx),
    ]);
    const heldOf = new Map(held.map((h) => [h.orderLineId, h.units]));
    const validReasons = new Set(reasons.map((r) => r.code));
    const seenSkus = new Set<string>();
    const planned = input.lines.map((wanted, i) => {
      const sku = wanted.sku.toUpperCase();
      if (seenSkus.has(sku)) throw AppError.invalidField(`lines.${i}.sku`, `${wanted.sku} is named twice: put its units on one line`);
      seenSkus.add(sku);
      const candidates = lines.filter((l) => l.sku.toUpperCase() === sku);
      if (candidates.length === 0) throw AppError.invalidField(`lines.${i}.sku`, `${wanted.sku} is not on ${order.number}`);
      if (!validReasons.has(wanted.reason)) throw AppError.invalidField(`lines.${i}.reason`, `"${wanted.reason}" is not a return reason`);
      // The order's lines of this SKU, first line first, until the units are placed.
      let left = wanted.quantity;
      const parts = [];
      for (const { line } of candidates) {
        const already = heldOf.get(line.id) ?? 0;
        const take = Math.min(left, line.shipped - already);
        if (take <= 0) continue;
        parts.push({ line, units: take, value: lineValue(line, already, take) });
        heldOf.set(line.id, already + take);
        left -= take;
        if (left === 0) break;
      }
      if (left > 0) {
        const returnable = wanted.quantity - left;
        throw AppError.invalidField(`lines.${i}.quantity`, `only ${returnable} unit(s) of ${wanted.sku} can still be returned (shipped minus already returned or on an open return)`);
      }
      return parts.map((p) => ({ ...p, wanted }));
    }).flat();
    const value = planned.reduce((s, p) => s + p.value, 0);
    const needsApproval = value > settings.returnApprovalAbove;
    const [row] = await tx
      .insert(returns)
      .values({
        number: nextDocumentNumberSql("return"),
        orderId: order.id,
        customerId: order.customerId,
        status: needsApproval ? "requested" : "approved",
        value,
        notes: input.notes ?? null,
        requestedBy: actorLabel(actor),
        ...(needsApproval ? {} : { decidedBy: "system", decidedAt: clock.now(), decisionNote: "Within the value returns are approved without a manager." }),
      })
      .returning();
    await tx.insert(returnLines).values(
      planned.map((p) => ({
        returnId: row!.id,
        orderLineId: p.line.id,
        productId: p.line.productId,
        warehouseId: p.line.warehouseId ?? failNoWarehouse(p.line.lineNo),
        quantity: p.units,
        reason: p.wanted.reason,
        disposition: p.wanted.disposition,
      })),
    );
    const money = (n: number) => formatMoney(n, order.currency, "en-US");
    await recordOrderEvents(tx, order.id, actor, [
      { type: needsApproval ? "return_requested" : "return_authorized", data: { return: row!.number, value, units: planned.reduce((s, p) => s + p.units, 0) } },
    ]);
    if (needsApproval) {
      await openException(tx, {
        type: "return_requested",
        severity: "medium",
        orderId: order.id,
        customerId: order.customerId,
        reason: `${row!.number} for ${money(value)} needs a manager's approval (returns above ${money(settings.returnApprovalAbove)}).`,
        details: { return: row!.number, value },
        cause: row!.number,
        actor,
      });
    }
    return row!.id;
  });
  return getReturn({ db, id });
}

/** What `units` more units of a line are worth with tax, after `already` (its share, amounts.ts). */
function lineValue(line: { quantity: number; unitPrice: number; discount: number; tax: number }, already: number, units: number) {
  const share = lineShare(line, already, already + units);
  return share.lineTotal + share.tax;
}

function failNoWarehouse(lineNo: number): never {
  throw AppError.conflict("NO_WAREHOUSE", `Line ${lineNo} has no warehouse to return to.`);
}
