import { and, eq, sql } from "drizzle-orm";
import { parseMoney } from "~/lib/money";
import { orderBilling } from "../../billing";
import { customers } from "../../customers";
import type { Tx } from "../../db";
import { anyOf } from "../../db/bulk";
import { AppError, isUniqueViolation } from "../../errors";
import { orderPlanning } from "../../fulfillment";
import { createDocumentInTx, readForEntry, ZCreateOrderInput, type EntryReads, type TCreateOrderInput } from "../../orders";
import { cellReader, cellText } from "../cells";
import { importedOrders } from "../schema";
import { rowErrors, refusalOf, type ImportGroup, type ImportKind, type RowOutcome } from "./kind";

/** One line of an order as a row gives it: the order's header fields repeat on each of its lines. */
type OrderRowValue = TCreateOrderInput & { unitPriceText?: string };

/** Header fields every line of one order must give alike (the first line's win otherwise). */
const HEADER_FIELDS = ["channel", "requestedDate", "notes", "shipTo"] as const;

const COLUMN_OF: Record<string, string> = {
  customer: "customer",
  customerReference: "customer_reference",
  channel: "channel",
  requestedDate: "requested_date",
  notes: "notes",
  "lines.0.sku": "sku",
  "lines.0.quantity": "quantity",
  "lines.0.unitPrice": "unit_price",
  "lines.0.overrideReason": "override_reason",
  "shipTo.line1": "ship_to_line1",
  "shipTo.city": "ship_to_city",
  "shipTo.region": "ship_to_region",
  "shipTo.postalCode": "ship_to_postal_code",
  "shipTo.country": "ship_to_country",
};

/**
 * What a batch reads first (ImportKind.lookup): earlier imports' order numbers by customer and reference, customers'
 * currencies, and for a batch of one order (the lanes') what order entry reads first.
 */
type OrdersFound = { earlier: Map<string, string>; currencies: Map<string, string>; entry?: { group: ImportGroup<OrderRowValue>; reads: EntryReads } };

const columnOf = (path: string) => COLUMN_OF[path] ?? (path.replace(/^lines\.\d+\./, "") || "row");

/**
 * Orders, one row per line: the lines of one customer's reference (their PO number) make one order, created and
 * submitted by createDocumentInTx as `POST /orders` does (pricing, holds, reservation, confirmation). An order
 * already imported for that customer and reference is skipped, so the same file can be imported again.
 */
export const ordersKind: ImportKind<OrderRowValue, OrdersFound> = {
  kind: "orders",
  label: "Orders",
  summary: "One row per order line. Lines with the same customer and customer reference are one order, submitted as if entered by you.",
  permission: "orders.create",
  batchRows: 250,
  columns: [
    { name: "customer", required: true, description: "Customer code", example: "C-10001" },
    { name: "customer_reference", required: true, description: "The customer's PO or order number: groups the lines into one order, and an order already imported with it is skipped", example: "PO-88123" },
    { name: "sku", required: true, description: "Product SKU", example: "SKU-00001" },
    { name: "quantity", required: true, description: "Whole units", example: "12" },
    { name: "unit_price", description: "A manual unit price in the customer's currency (needs override_reason); empty: priced by the rules", example: "" },
    { name: "override_reason", description: "Why the manual price", example: "" },
    { name: "requested_date", description: "YYYY-MM-DD", example: "2026-12-20" },
    { name: "channel", description: "phone, email, web, field_sales, edi, portal or api (default edi)", example: "edi" },
    { name: "notes", description: "Order notes", example: "" },
    { name: "ship_to_line1", description: "Ship-to street (all ship_to_ columns, or none for the customer's address)", example: "" },
    { name: "ship_to_city", description: "Ship-to city", example: "" },
    { name: "ship_to_region", description: "Ship-to state or region", example: "" },
    { name: "ship_to_postal_code", description: "Ship-to postal code", example: "" },
    { name: "ship_to_country", description: "Ship-to country (two letters)", example: "" },
  ],

  wholeUnits: true,
  // Two orders reserving one SKU wait on its stock rows; two of one customer would race its credit check.
  conflictKeys: (row) => [`customer:${row.customer}`, ...row.lines.map((line) => `sku:${line.sku}`)],
  groupKeyOf: (get) => `${cellText(get("customer"))}\u0000${cellText(get("customer_reference"))}`,

  parse(get) {
    const read = cellReader(get);
    // Checked as an amount now; turned into the customer's minor units when the order is made.
    const unitPriceText = read.decimal("unit_price");
    const shipFields = ["line1", "city", "region", "postalCode", "country"] as const;
    const shipColumns = ["ship_to_line1", "ship_to_city", "ship_to_region", "ship_to_postal_code", "ship_to_country"];
    const shipValues = shipColumns.map((c) => read.text(c));
    const shipTo = shipValues.some((v) => v !== undefined) ? Object.fromEntries(shipFields.map((f, i) => [f, shipValues[i] ?? ""])) : undefined;
    const candidate = {
      customer: read.text("customer") ?? "",
      customerReference: read.text("customer_reference"),
      channel: read.text("channel") ?? "edi",
      requestedDate: read.text("requested_date"),
      notes: read.text("notes"),
      shipTo,
      lines: [{ sku: read.text("sku") ?? "", quantity: read.int("quantity"), unitPrice: unitPriceText === undefined ? undefined : 0, overrideReason: read.text("override_reason") }],
    };
    const parsed = ZCreateOrderInput.safeParse(candidate);
    const errors = rowErrors(read, parsed, columnOf);
    if (!candidate.customerReference) errors.push("customer_reference: is required: it groups the lines into one order");
    if (errors.length > 0 || !parsed.success) return { ok: false, errors: [...new Set(errors)] };
    const value = { ...parsed.data, unitPriceText };
    return { ok: true, value, groupKey: `${value.customer}\u0000${value.customerReference}`, refs: { customers: [value.customer], skus: [value.lines[0]!.sku] } };
  },

  conflictsWith(first, row) {
    const differing = HEADER_FIELDS.filter((field) => JSON.stringify(first[field] ?? null) !== JSON.stringify(row[field] ?? null));
    if (differing.length === 0) return null;
    const columns = differing.map((f) => (f === "shipTo" ? "ship_to_*" : COLUMN_OF[f]!));
    return `${columns.join(", ")}: differs from the order's first line (every line of ${row.customerReference} must give the same)`;
  },

  lookup: importedBefore,

  async apply(tx, { actor, importId }, groups, { isolated, found } = { isolated: true }) {
    const { earlier, currencies, entry } = found ?? (await importedBefore(tx, groups));
    const outcomes: RowOutcome[][] = [];
    for (const group of groups) {
      const first = group.rows[0]!.value;
      const same = (outcome: RowOutcome) => group.rows.map(() => outcome);
      const number = earlier.get(`${first.customer}\u0000${first.customerReference}`);
      if (number) {
        outcomes.push(same({ status: "skipped", message: `already imported as ${number}`, result: number }));
        continue;
      }
      try {
        const currency = currencies.get(first.customer) ?? "USD";
        const lines = group.rows.map(({ value: { lines: [line] } }, i) => {
          const text = group.rows[i]!.value.unitPriceText;
          return { ...line!, unitPrice: text === undefined ? undefined : moneyOf(text, currency, i) };
        });
        const parsed = ZCreateOrderInput.safeParse({ ...first, lines, draft: false });
        if (!parsed.success) throw AppError.invalidField("lines", parsed.error.issues.map((issue) => issue.message).join("; "));
        const input = parsed.data;
        // The order and the record that this import made it (sent with the order's next statements).
        const create = (db: Tx) =>
          createDocumentInTx(db, actor, { ...input, kind: "order" }, {
            // Not in a savepoint: there, the reads go inside it like the rest of the order.
            read: !isolated && entry?.group === group ? entry.reads : undefined,
            billing: orderBilling,
            planning: orderPlanning,
            afterCreate: (order) => db.insert(importedOrders).values({ customer: first.customer, customerReference: first.customerReference!, orderNumber: order.number, importId }),
          });
        const { order: made } = isolated ? await tx.transaction(create) : await create(tx);
        const message = made.status === "on_hold" ? "on hold: see the order's exceptions" : null;
        outcomes.push(same({ status: "imported", message, result: made.number }));
      } catch (error) {
        if (!isolated) throw error;
        outcomes.push(await failedOrder(tx, error, group.rows.length, first));
      }
    }
    return outcomes;
  },
};

/**
 * The orders imported before under these units' references (their numbers), and the currency of customers whose
 * lines give a price. A lone unit's order entry reads start too (its own customer and products: in a batch of
 * several, an order made first could change what the next one reads); unless it was imported before, they go with
 * these reads.
 */
async function importedBefore(tx: Tx, groups: ImportGroup<OrderRowValue>[]): Promise<OrdersFound> {
  const lone = groups.length === 1 ? groups[0]! : undefined;
  const entry = lone && { group: lone, reads: readForEntry(tx, { kind: "order", customer: lone.rows[0]!.value.customer, lines: lone.rows.map((r) => r.value.lines[0]!) }) };
  // Awaited by order entry; a batch that stops first (the rows taken, the import canceled) never asks.
  entry?.reads.catch(() => {});
  const keys = groups.map((g) => g.rows[0]!.value);
  const priced = [...new Set(groups.filter((g) => g.rows.some((r) => r.value.unitPriceText !== undefined)).map((g) => g.rows[0]!.value.customer))];
  const [done, currencies] = await Promise.all([
    tx
      .select({ customer: importedOrders.customer, reference: importedOrders.customerReference, number: importedOrders.orderNumber })
      .from(importedOrders)
      .where(sql`(${importedOrders.customer}, ${importedOrders.customerReference}) in (${sql.join(keys.map((k) => sql`(${k.customer}, ${k.customerReference!})`), sql`, `)})`),
    priced.length === 0 ? [] : tx.select({ code: customers.code, currency: customers.currency }).from(customers).where(anyOf(customers.code, priced)),
  ]);
  return { earlier: new Map(done.map((d) => [`${d.customer}\u0000${d.reference}`, d.number])), currencies: new Map(currencies.map((c) => [c.code, c.currency])), entry };
}

/** `unit_price` in the customer's currency (a yen price has no decimals). */
function moneyOf(text: string, currency: string, line: number): number {
  try {
    return parseMoney(text, currency);
  } catch {
    throw AppError.invalidField(`lines.${line}.unitPrice`, `"${text}" is not an amount in ${currency}`);
  }
}

/**
 * An order the use case refused: the line its error names gets the message (its column instead of
 * `lines.N.field`), the others say which row stopped the order. Another import that made the same order
 * meanwhile is a skip. Anything but a refusal is not the row's fault: it fails the batch (retried).
 */
async function failedOrder(tx: Tx, error: unknown, size: number, first: OrderRowValue): Promise<RowOutcome[]> {
  if (isUniqueViolation(error, "imported_orders_customer_customer_reference_pk")) {
    const [row] = await tx
      .select({ number: importedOrders.orderNumber })
      .from(importedOrders)
      .where(and(eq(importedOrders.customer, first.customer), eq(importedOrders.customerReference, first.customerReference!)));
    return Array.from({ length: size }, () => ({ status: "skipped" as const, message: `already imported as ${row?.number}`, result: row?.number ?? null }));
  }
  const message = refusalOf(error);
  // The lines the refusal names (`lines.1.sku`) get their own message under their column; the others point at them.
  const byLine = new Map<number, string[]>();
  for (const [field, messages] of Object.entries((error instanceof AppError && error.details?.fields) || {})) {
    const match = /^lines\.(\d+)\.(\w+)$/.exec(field);
    if (match) byLine.set(Number(match[1]), [...(byLine.get(Number(match[1])) ?? []), ...messages.map((m) => `${columnOf(`lines.0.${match[2]}`)}: ${m}`)]);
  }
  if (byLine.size === 0) return Array.from({ length: size }, () => ({ status: "failed" as const, message }));
  const culprits = [...byLine.keys()].map((i) => i + 1).join(", ");
  return Array.from({ length: size }, (_, i) => ({
    status: "failed" as const,
    message: byLine.get(i)?.join("; ") ?? `not imported: line ${culprits} of this order was refused`,
  }));
}
