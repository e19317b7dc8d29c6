import crypto from "node:crypto";
import { and, eq } from "drizzle-orm";
import { actorLabel, type Actor } from "../auth/actor";
import { getCustomerWithId, type TAddress } from "../customers";
import type { Db, DbOrTx } from "../db";
import { nextDocumentNumberSql } from "../db/sequences";
import { AppError, isUniqueViolation } from "../errors";
import { canonicalJson } from "~/lib/canonical-json";
import { addDays } from "~/lib/dates";
import { readWebhookSubscriptions } from "../integration";
import { loadPricingContext } from "../pricing";
import { asReviewLines, readForReview } from "./holds";
import { loadOrder, priceOrderLines, recordOrderEvents, toOrderDto, type OrderCustomer, type OrderRow } from "./queries";
import { newLineRows } from "./write-lines";
import { idempotencyKeys, orderLines, orders } from "./schema";
import type { TCreateOrderInput, TCreateQuoteInput, TOrder } from "./schemas";
import type { OrderBilling } from "./billing-hook";
import type { OrderPlanning } from "./planning-hook";
import { submitInTx } from "./submit-order";
import * as clock from "../clock";

const QUOTE_VALID_DAYS = 30;

type NewDocument = (TCreateOrderInput & { kind: "order" }) | (TCreateQuoteInput & { kind: "quote" });

/**
 * Creates an order (submitted at once unless `draft`) or a quote, in the caller's transaction: number,
 * header, priced lines, timeline, and for submitted orders the holds and the reservation. Statements
 * that do not depend on each other are sent together (one round trip): the customer with the products
 * and pricing rules; the header with what the holds review reads (credit exposure, history, restricted
 * items); the caller's `afterCreate` with a draft's lines and timeline, or with a submitted order's last writes
 * (its lines, inserted once with their reservations; never beside the reservation's savepoints, which could undo it).
 */
export async function createDocumentInTx(
  tx: DbOrTx,
  actor: Actor,
  input: NewDocument,
  extra: {
    convertedFromId?: string;
    /**
     * The caller's own record of the new order (an idempotency key, an import's row), started once the order exists
     * and sent with the statements that follow: a failure of it fails the whole document, in the same transaction.
     */
    afterCreate?: (order: { id: string; number: string }) => Promise<unknown>;
    /** readForEntry of this document, started by the caller with its own statements. */
    read?: EntryReads;
    billing?: OrderBilling;
    planning?: OrderPlanning;
  } = {},
): Promise<{ order: OrderRow; customer: OrderCustomer }> {
  const [{ id: customerId, customer: found, receivables }, pricing] = await (extra.read ?? readForEntry(tx, input));
  if (found.isArchived) throw AppError.invalidField("customer", `${found.name} is archived`);
  const customer: OrderCustomer = { id: customerId, ...found, ...receivables };
  const shipTo = input.shipTo ?? found.shippingAddress;
  assertCompleteAddress("shipTo", shipTo);
  const { priced, productIds } = priceOrderLines(pricing, { customer, channel: input.channel, shipTo, actor, lines: input.lines });

  const isSubmitted = input.kind === "order" && !input.draft;
  const id = crypto.randomUUID();
  const createdAt = clock.now();
  const insertOrder = tx
    .insert(orders)
    .values({
      id,
      number: nextDocumentNumberSql(input.kind),
      kind: input.kind,
      status: "draft",
      customerId,
      channel: input.channel,
      customerReference: input.customerReference ?? null,
      currency: customer.currency,
      subtotal: priced.subtotal,
      discountTotal: priced.discountTotal,
      taxTotal: priced.taxTotal,
      total: priced.total,
      shipTo,
      billTo: input.billTo ?? found.billingAddress,
      requestedDate: input.requestedDate ?? null,
      validUntil: input.kind === "quote" ? (input.validUntil ?? addDays(clock.today(), QUOTE_VALID_DAYS)) : null,
      notes: input.notes ?? null,
      createdBy: actorLabel(actor),
      createdById: actor.id,
      convertedFromId: extra.convertedFromId ?? null,
      createdAt,
      updatedAt: createdAt,
    })
    .returning();
  const lineRows = newLineRows(id, input.lines, priced, productIds);
  const skus = new Map([...productIds].map(([sku, productId]) => [productId, sku]));
  const lines = lineRows.map((line) => ({ line, sku: skus.get(line.productId)! }));
  // What the holds review reads (the customer's exposure, history, restricted items) goes with the insert.
  const review = isSubmitted
    ? readForReview(tx, { id, customerId, createdAt, customerReference: input.customerReference ?? null, shipTo }, asReviewLines(lines))
    : undefined;
  const [[order], reads] = await Promise.all([insertOrder, review]);
  const created = { type: input.kind === "quote" ? "quote_created" : "created", data: { after: { total: priced.total, lines: priced.lines.length, channel: input.channel } } };
  const recorded = extra.afterCreate && (() => extra.afterCreate!(order!));
  if (!isSubmitted) {
    await Promise.all([tx.insert(orderLines).values(lineRows), recordOrderEvents(tx, id, actor, [created]), recorded?.()]);
    return { order: order!, customer };
  }
  // A submitted order's lines are written once, with their reservations (submitInTx inserts them).
  const known = { lines, unsaved: lineRows, events: [created], review: reads, alongside: recorded, billing: extra.billing, planning: extra.planning };
  return { order: await submitInTx(tx, order!, actor, customer, known), customer };
}

export type EntryReads = ReturnType<typeof readForEntry>;

/**
 * What order entry reads first, in one round trip: the customer (with receivables), the products with their
 * pricing rules, and for an order who subscribed to webhooks (its timeline sends events; a quote's does not).
 * A caller may start it with its own statements and hand it to createDocumentInTx.
 */
export function readForEntry(tx: DbOrTx, input: { kind: "order" | "quote"; customer: string; lines: { sku: string }[] }) {
  return Promise.all([
    getCustomerWithId({ db: tx, code: input.customer }).catch((error: unknown) => {
      if (error instanceof AppError && error.kind === "not_found") throw AppError.invalidField("customer", `no customer with code "${input.customer}"`);
      throw error;
    }),
    loadPricingContext(tx, input.lines.map((l) => l.sku)),
    input.kind === "order" ? readWebhookSubscriptions(tx) : undefined,
  ]);
}

function assertCompleteAddress(field: string, address: TAddress | null | undefined): asserts address is TAddress {
  if (!address) throw AppError.invalidField(field, "a ship-to address is required (the customer has none on file)");
  const missing = (["line1", "city", "postalCode", "country"] as const).filter((k) => !address[k]?.trim());
  if (missing.length > 0) {
    const fields = Object.fromEntries(missing.map((k) => [`${field}.${k}`, ["is required"]]));
    throw new AppError("invalid", "INVALID_INPUT", `${field} is incomplete: ${missing.join(", ")} missing`, { fields });
  }
}

/**
 * `POST /orders`. With an Idempotency-Key, a retry with the same body returns the first order and the
 * same key with another body is a 409 — checked and recorded in the order's own transaction.
 */
export async function createOrder(options: { db: Db; actor: Actor; input: TCreateOrderInput; idempotencyKey?: string | null; billing?: OrderBilling; planning?: OrderPlanning }): Promise<TOrder> {
  const { db, actor, input } = options;
  const key = options.idempotencyKey?.trim();
  if (key !== undefined && key !== "" && key.length > 200) throw AppError.invalidField("Idempotency-Key", "must be at most 200 characters");
  const requestHash = crypto.createHash("sha256").update(canonicalJson(input)).digest("hex");
  const clientId = `${actor.kind}:${actor.id}`;

  /** The order an earlier request with this key created (its number), or null; another body is a conflict. */
  const replay = async (tx: DbOrTx) => {
    if (!key) return null;
    const [existing] = await tx
      .select({ requestHash: idempotencyKeys.requestHash, orderId: idempotencyKeys.orderId })
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.clientId, clientId), eq(idempotencyKeys.key, key)));
    if (!existing) return null;
    if (existing.requestHash !== requestHash) {
      throw AppError.conflict("IDEMPOTENCY_KEY_REUSED", `The Idempotency-Key "${key}" was already used with a different request body.`);
    }
    const [order] = await tx.select({ number: orders.number }).from(orders).where(eq(orders.id, existing.orderId));
    return order!.number;
  };

  let result: { order: OrderRow; customer?: OrderCustomer };
  try {
    result = await db.transaction(async (tx) => {
      const earlier = await replay(tx);
      if (earlier) return { order: await loadOrder(tx, earlier) };
      return createDocumentInTx(tx, actor, { ...input, kind: "order" }, {
        afterCreate: async (order) => key && tx.insert(idempotencyKeys).values({ clientId, key, requestHash, orderId: order.id }),
        billing: options.billing,
        planning: options.planning,
      });
    });
  } catch (error) {
    // Two retries raced: the loser's insert hit the unique key; answer with the winner's order.
    const earlier = key && isUniqueViolation(error, "idempotency_keys_client_key_uq") ? await replay(db) : null;
    if (!earlier) throw error;
    result = { order: await loadOrder(db, earlier) };
  }
  // Read after commit: the stock rows the order locked are free again while the answer is built.
  return toOrderDto(db, result.order, { customer: result.customer });
}

export async function createQuote(options: { db: Db; actor: Actor; input: TCreateQuoteInput }): Promise<TOrder> {
  const { db, actor, input } = options;
  return db.transaction(async (tx) => {
    const { order: quote, customer } = await createDocumentInTx(tx, actor, { ...input, kind: "quote" });
    return toOrderDto(tx, quote, { customer });
  });
}
