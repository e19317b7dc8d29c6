import { ZSku } from "~/server/catalog/schemas";
import { ZAddress } from "~/server/customers/schemas";
import { isBlankLine, SHIP_TO_FIELDS, type EntryChannel, type EntryLine, type EntryState } from "./entry-state";

/**
 * Client-side checks before an order or quote is sent, the payload the procedures take, and the mapping
 * of the server's field errors ("lines.2.sku", "shipTo.city") back to the form's fields. Pure.
 *
 * Error keys: "customer", "lines" (the grid as a whole), `lines.<lineId>.sku|quantity|price`, "shipTo",
 * "shipTo.<field>", "customerReference", "requestedDate", "notes", "channel".
 */
export type EntryErrors = Record<string, string>;

export type LineField = "sku" | "quantity" | "price";
export const lineErrorKey = (lineId: string, field: LineField) => `lines.${lineId}.${field}`;

/** A payload line: a manual `unitPrice` (minor units) always travels with its `overrideReason`. */
export type PayloadLine = { sku: string; quantity: number; unitPrice?: number; overrideReason?: string };

export type EntryPayload = {
  customer: string;
  channel: EntryChannel;
  customerReference?: string;
  shipTo: { line1: string; city: string; region: string; postalCode: string; country: string };
  requestedDate?: string;
  notes?: string;
  lines: PayloadLine[];
};

export type ValidationResult =
  | { ok: true; payload: EntryPayload; /** The form line behind each payload line, to map server errors back. */ lineIds: string[] }
  | { ok: false; errors: EntryErrors };

const MAX_QUANTITY = 1_000_000;

/** Quantity as typed → a whole number more than 0, or the message to show. */
export function parseQuantity(text: string): { ok: true; value: number } | { ok: false; message: string } {
  const trimmed = text.trim();
  if (trimmed === "") return { ok: false, message: "Enter a quantity" };
  if (!/^-?\d+$/.test(trimmed)) return { ok: false, message: "Quantity must be a whole number" };
  const value = Number(trimmed);
  if (value <= 0) return { ok: false, message: "Quantity must be more than 0" };
  if (value > MAX_QUANTITY) return { ok: false, message: "Quantity can be at most 1,000,000" };
  return { ok: true, value };
}

/**
 * Checks what the rep entered: a customer, at least one line with a SKU, whole quantities above 0, a
 * complete ship-to address, a requested date not in the past. Blank lines (no SKU) are left out.
 * `skuOf` gives the SKU to send for a line (the catalog's spelling once the product is known). A manual
 * price goes with the line as `unitPrice` + `overrideReason`; `currency` (the customer's, when known)
 * refuses a manual price typed in another currency (the customer was changed after it was set).
 */
export function validateEntry(
  state: EntryState,
  options: { today: string; skuOf?: (line: EntryLine) => string; currency?: string },
): ValidationResult {
  const errors: EntryErrors = {};
  const skuOf = options.skuOf ?? ((line: EntryLine) => line.product?.sku ?? line.sku.trim());

  if (!state.customer) errors.customer = "Choose a customer";

  const filled = state.lines.filter((l) => !isBlankLine(l));
  if (filled.length === 0) {
    const first = state.lines[0];
    if (first) errors[lineErrorKey(first.id, "sku")] = "Add at least one line with a SKU";
    else errors.lines = "Add at least one line";
  }
  const lines: EntryPayload["lines"] = [];
  for (const line of filled) {
    const sku = ZSku.safeParse(skuOf(line));
    if (!sku.success) errors[lineErrorKey(line.id, "sku")] = sku.error.issues[0]?.message ?? "Check the SKU";
    const quantity = parseQuantity(line.quantity);
    if (!quantity.ok) errors[lineErrorKey(line.id, "quantity")] = quantity.message;
    const override = line.override;
    const isForeign = !!override && !!options.currency && override.currency !== options.currency;
    if (override && isForeign)
      errors[lineErrorKey(line.id, "price")] =
        `The manual price was set in ${override.currency}; this customer is billed in ${options.currency}. Set it again or remove it.`;
    else if (override && override.reason.trim() === "") errors[lineErrorKey(line.id, "price")] = "Give a reason for the manual price";
    if (sku.success && quantity.ok && !isForeign)
      lines.push(
        override
          ? { sku: sku.data, quantity: quantity.value, unitPrice: override.unitPrice, overrideReason: override.reason.trim() }
          : { sku: sku.data, quantity: quantity.value },
      );
  }

  const address = ZAddress.safeParse(state.shipTo);
  if (!address.success) {
    for (const issue of address.error.issues) {
      const key = `shipTo.${String(issue.path[0] ?? "")}`;
      errors[key] ??= issue.message;
    }
  }

  if (state.requestedDate !== "" && !/^\d{4}-\d{2}-\d{2}$/.test(state.requestedDate)) errors.requestedDate = "Use a date like 2026-11-21";
  else if (state.requestedDate !== "" && state.requestedDate < options.today) errors.requestedDate = "The requested date is in the past";

  if (Object.keys(errors).length > 0 || !state.customer || !address.success) return { ok: false, errors };
  const optional = (text: string) => (text.trim() === "" ? undefined : text.trim());
  return {
    ok: true,
    lineIds: filled.map((l) => l.id),
    payload: {
      customer: state.customer.code,
      channel: state.channel,
      customerReference: optional(state.customerReference),
      shipTo: address.data,
      requestedDate: optional(state.requestedDate),
      notes: optional(state.notes),
      lines,
    },
  };
}

const HEADER_KEYS = new Set(["customer", "channel", "customerReference", "requestedDate", "notes", "shipTo", "lines"]);

/**
 * The server's field errors → form keys. "lines.2.sku" is the third line that was sent, i.e. `lineIds[2]`;
 * a manual-price error ("unitPrice", "overrideReason") lands on the line's price, any other line error
 * on its SKU. What has no field in the form
 * comes back in `unplaced`, to show above the buttons.
 */
export function mapServerErrors(fields: Record<string, string[]> | undefined, lineIds: string[]): { errors: EntryErrors; unplaced: string[] } {
  const errors: EntryErrors = {};
  const unplaced: string[] = [];
  for (const [key, messages] of Object.entries(fields ?? {})) {
    const message = messages.join(", ");
    const line = /^lines\.(\d+)(?:\.(\w+))?/.exec(key);
    if (line) {
      const id = lineIds[Number(line[1])];
      if (id) {
        const field: LineField = line[2] === "quantity" ? "quantity" : line[2] === "unitPrice" || line[2] === "overrideReason" ? "price" : "sku";
        errors[lineErrorKey(id, field)] = sentence(field, message);
        continue;
      }
    }
    const shipTo = /^shipTo\.(\w+)$/.exec(key);
    if (shipTo && (SHIP_TO_FIELDS as readonly string[]).includes(shipTo[1]!)) {
      errors[key] = sentence(key, message);
      continue;
    }
    if (HEADER_KEYS.has(key)) {
      errors[key] = sentence(key, message);
      continue;
    }
    unplaced.push(`${key}: ${message}`);
  }
  return { errors, unplaced };
}

/** The error keys in the order the fields appear on screen, to move focus to the first one. */
export function errorKeysInOrder(state: EntryState): string[] {
  return [
    "customer",
    "channel",
    "customerReference",
    "requestedDate",
    "lines",
    ...state.lines.flatMap((l) => [lineErrorKey(l.id, "sku"), lineErrorKey(l.id, "quantity"), lineErrorKey(l.id, "price")]),
    "shipTo",
    ...SHIP_TO_FIELDS.map((f) => `shipTo.${f}`),
    "notes",
  ];
}

export function firstErrorKey(state: EntryState, errors: EntryErrors): string | null {
  return errorKeysInOrder(state).find((key) => errors[key]) ?? null;
}

const FIELD_LABELS: Record<string, string> = {
  customer: "Customer",
  channel: "Channel",
  customerReference: "Customer reference",
  requestedDate: "Requested date",
  notes: "Notes",
  shipTo: "Ship to",
  lines: "Lines",
  "shipTo.line1": "Street",
  "shipTo.city": "City",
  "shipTo.region": "Region",
  "shipTo.postalCode": "Postal code",
  "shipTo.country": "Country",
  sku: "SKU",
  quantity: "Quantity",
  price: "Manual price",
};

/** "is required" on shipTo.city → "City is required"; a whole sentence stays as it is (capitalised). */
function sentence(key: string, message: string): string {
  const label = FIELD_LABELS[key];
  if (label && /^(is|are|must|should|cannot|can't|may|needs?)\b/.test(message)) return `${label} ${message}`;
  return message.charAt(0).toUpperCase() + message.slice(1);
}
