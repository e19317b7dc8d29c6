/**
 * The order-entry form as one serialisable value (autosaved to localStorage) and the reducer that changes
 * it. Pure: no React, no browser APIs — ids for new lines are passed in by the caller.
 */

export const ENTRY_CHANNELS = ["phone", "email", "web", "field_sales", "edi", "portal"] as const;
export type EntryChannel = (typeof ENTRY_CHANNELS)[number];
export const CHANNEL_LABELS: Record<EntryChannel, string> = {
  phone: "Phone",
  email: "Email",
  web: "Web",
  field_sales: "Field sales",
  edi: "EDI",
  portal: "Portal",
};

/** What `catalog.lookup` answers for a product. */
export type ProductInfo = { sku: string; name: string; unit: string; currency: string; listPrice: number; leadTimeDays: number };

/**
 * A manual unit price the rep set on a line, with the reason the order keeps. In minor units of the
 * currency it was typed in (the customer's); the server decides whether it needs a manager's approval.
 */
export type LineOverride = { unitPrice: number; currency: string; reason: string };

export type EntryLine = {
  id: string;
  /** As typed: the SKU input is the source of truth, so nothing typed is lost on reload. */
  sku: string;
  /** As typed (validated on submit): "12". */
  quantity: string;
  /** Set when the rep picked the product from the list; otherwise looked up from the SKU text. */
  product: ProductInfo | null;
  /** A manual price; dropped when the line's SKU changes (the price belonged to the other product). */
  override?: LineOverride;
};

export type ShipTo = { line1: string; city: string; region: string; postalCode: string; country: string };
export const SHIP_TO_FIELDS = ["line1", "city", "region", "postalCode", "country"] as const;
export type ShipToField = (typeof SHIP_TO_FIELDS)[number];

export type EntryCustomer = { code: string; name: string };

export type EntryState = {
  customer: EntryCustomer | null;
  shipTo: ShipTo;
  channel: EntryChannel;
  customerReference: string;
  requestedDate: string;
  notes: string;
  lines: EntryLine[];
};

export const EMPTY_SHIP_TO: ShipTo = { line1: "", city: "", region: "", postalCode: "", country: "" };
export const DEFAULT_QUANTITY = "1";

export function newLine(id: string, sku = "", quantity = DEFAULT_QUANTITY): EntryLine {
  return { id, sku, quantity, product: null };
}

export function initialEntryState(lineId: string, customer?: { code: string; name: string; shipTo: ShipTo | null } | null): EntryState {
  return {
    customer: customer ? { code: customer.code, name: customer.name } : null,
    shipTo: customer?.shipTo ? { ...customer.shipTo } : { ...EMPTY_SHIP_TO },
    channel: "phone",
    customerReference: "",
    requestedDate: "",
    notes: "",
    lines: [newLine(lineId)],
  };
}

export const isBlankLine = (line: EntryLine) => line.sku.trim() === "";

/** Worth keeping as a draft: anything the rep typed beyond the defaults. */
export function hasContent(state: EntryState): boolean {
  return (
    state.customer !== null ||
    state.lines.some((l) => !isBlankLine(l)) ||
    state.customerReference.trim() !== "" ||
    state.notes.trim() !== "" ||
    state.requestedDate !== ""
  );
}

export type RowInput = { sku: string; quantity: string | null };

export type EntryAction =
  | { type: "reset"; state: EntryState }
  | { type: "setCustomer"; customer: EntryCustomer | null; shipTo?: ShipTo | null }
  | { type: "setShipTo"; shipTo: ShipTo }
  /** The customer's address on file, arriving after the customer was chosen: ignored if the rep moved on. */
  | { type: "defaultShipTo"; customerCode: string; shipTo: ShipTo }
  | { type: "setShipToField"; field: ShipToField; value: string }
  | { type: "setChannel"; channel: EntryChannel }
  | { type: "setField"; field: "customerReference" | "requestedDate" | "notes"; value: string }
  | { type: "setLineSku"; id: string; sku: string }
  | { type: "chooseProduct"; id: string; product: ProductInfo }
  | { type: "setLineQuantity"; id: string; quantity: string }
  /** Sets (or, with null, removes) a line's manual price. */
  | { type: "setLineOverride"; id: string; override: LineOverride | null }
  | { type: "addLine"; id: string; afterId?: string }
  | { type: "removeLine"; id: string }
  /** Pasted rows: the first fills the line pasted into (when it is blank), the rest follow it. `ids`: one per row. */
  | { type: "pasteLines"; atId: string; rows: RowInput[]; ids: string[] }
  /** Reorder: appended after the lines that have a SKU (blank lines make way). `ids`: one per row. */
  | { type: "appendLines"; rows: RowInput[]; ids: string[] }
  /** A SKU entered twice: this line's quantity is added to the earlier line's (`intoId`) and this line goes. */
  | { type: "mergeLine"; id: string; intoId: string };

export function entryReducer(state: EntryState, action: EntryAction): EntryState {
  switch (action.type) {
    case "reset":
      return action.state;
    case "setCustomer":
      return {
        ...state,
        customer: action.customer,
        shipTo: action.shipTo === undefined ? state.shipTo : action.shipTo ? { ...action.shipTo } : { ...EMPTY_SHIP_TO },
      };
    case "setShipTo":
      return { ...state, shipTo: { ...action.shipTo } };
    case "defaultShipTo":
      return state.customer?.code === action.customerCode ? { ...state, shipTo: { ...action.shipTo } } : state;
    case "setShipToField":
      return { ...state, shipTo: { ...state.shipTo, [action.field]: action.value } };
    case "setChannel":
      return { ...state, channel: action.channel };
    case "setField":
      return { ...state, [action.field]: action.value };
    case "setLineSku":
      return mapLine(state, action.id, (line) => ({
        ...line,
        sku: action.sku,
        product: line.product && line.product.sku === action.sku.trim() ? line.product : null,
        override: sameSku(line.sku, action.sku) ? line.override : undefined,
      }));
    case "chooseProduct":
      return mapLine(state, action.id, (line) => ({
        ...line,
        sku: action.product.sku,
        product: action.product,
        override: sameSku(line.sku, action.product.sku) ? line.override : undefined,
      }));
    case "setLineOverride":
      return mapLine(state, action.id, (line) => ({ ...line, override: action.override ?? undefined }));
    case "setLineQuantity":
      return mapLine(state, action.id, (line) => ({ ...line, quantity: action.quantity }));
    case "addLine": {
      const index = action.afterId ? state.lines.findIndex((l) => l.id === action.afterId) : -1;
      const lines = [...state.lines];
      lines.splice(index === -1 ? lines.length : index + 1, 0, newLine(action.id));
      return { ...state, lines };
    }
    case "removeLine": {
      if (state.lines.length <= 1) return { ...state, lines: state.lines.map((l) => newLine(l.id)) };
      return { ...state, lines: state.lines.filter((l) => l.id !== action.id) };
    }
    case "pasteLines": {
      const index = state.lines.findIndex((l) => l.id === action.atId);
      if (index === -1 || action.rows.length === 0) return state;
      const target = state.lines[index]!;
      const fresh = action.rows.map((row, i) => newLine(action.ids[i]!, row.sku, row.quantity ?? DEFAULT_QUANTITY));
      const lines = [...state.lines];
      if (isBlankLine(target)) lines.splice(index, 1, { ...fresh[0]!, id: target.id }, ...fresh.slice(1));
      else lines.splice(index + 1, 0, ...fresh);
      return { ...state, lines };
    }
    case "appendLines": {
      if (action.rows.length === 0) return state;
      const kept = state.lines.filter((l) => !isBlankLine(l));
      const fresh = action.rows.map((row, i) => newLine(action.ids[i]!, row.sku, row.quantity ?? DEFAULT_QUANTITY));
      return { ...state, lines: [...kept, ...fresh] };
    }
    case "mergeLine": {
      const from = state.lines.find((l) => l.id === action.id);
      const into = state.lines.find((l) => l.id === action.intoId);
      if (!from || !into || from === into) return state;
      const quantity = mergedQuantity(into.quantity, from.quantity);
      return {
        ...state,
        lines: state.lines.filter((l) => l.id !== from.id).map((l) => (l.id === into.id ? { ...l, quantity } : l)),
      };
    }
  }
}

const wholeNumber = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : null);

/** Two quantities as typed, added when both are whole numbers; otherwise the one that is (the earlier line's first). */
export function mergedQuantity(earlier: string, later: string): string {
  const a = wholeNumber(earlier);
  const b = wholeNumber(later);
  if (a !== null && b !== null) return String(a + b);
  if (a !== null) return earlier.trim();
  if (b !== null) return later.trim();
  return earlier;
}

/**
 * Lines whose SKU is already on an earlier line: line id → the index of the first line with that SKU.
 * `skuOf` gives a line's SKU (the catalog's spelling once known, else as typed); blank SKUs never match,
 * and case and spaces do not count.
 */
export function repeatedSkus(lines: readonly EntryLine[], skuOf: (line: EntryLine) => string = (l) => l.sku): Map<string, number> {
  const first = new Map<string, number>();
  const repeats = new Map<string, number>();
  lines.forEach((line, index) => {
    const key = skuOf(line).trim().toLowerCase();
    if (key === "") return;
    const seen = first.get(key);
    if (seen === undefined) first.set(key, index);
    else repeats.set(line.id, seen);
  });
  return repeats;
}

/** The same SKU as typed, ignoring case and surrounding spaces (the catalog's spelling may differ). */
const sameSku = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

function mapLine(state: EntryState, id: string, change: (line: EntryLine) => EntryLine): EntryState {
  return { ...state, lines: state.lines.map((line) => (line.id === id ? change(line) : line)) };
}

/** A draft read back from storage is only trusted as far as its shape goes. */
export function reviveEntryState(value: unknown): EntryState | null {
  if (!value || typeof value !== "object") return null;
  const v = value as Partial<Record<keyof EntryState, unknown>>;
  const str = (x: unknown) => (typeof x === "string" ? x : "");
  if (!Array.isArray(v.lines)) return null;
  const lines: EntryLine[] = v.lines
    .filter((l): l is Record<string, unknown> => !!l && typeof l === "object" && typeof (l as { id?: unknown }).id === "string")
    .map((l) => {
      const line: EntryLine = { id: l.id as string, sku: str(l.sku), quantity: str(l.quantity), product: reviveProduct(l.product) };
      const override = reviveOverride(l.override);
      return override ? { ...line, override } : line;
    });
  if (lines.length === 0) return null;
  const customer =
    v.customer && typeof v.customer === "object" && typeof (v.customer as EntryCustomer).code === "string"
      ? { code: (v.customer as EntryCustomer).code, name: str((v.customer as EntryCustomer).name) }
      : null;
  const shipToRaw = (v.shipTo && typeof v.shipTo === "object" ? v.shipTo : {}) as Record<string, unknown>;
  const shipTo = Object.fromEntries(SHIP_TO_FIELDS.map((f) => [f, str(shipToRaw[f])])) as ShipTo;
  const channel = ENTRY_CHANNELS.includes(v.channel as EntryChannel) ? (v.channel as EntryChannel) : "phone";
  return {
    customer,
    shipTo,
    channel,
    customerReference: str(v.customerReference),
    requestedDate: str(v.requestedDate),
    notes: str(v.notes),
    lines,
  };
}

function reviveProduct(value: unknown): ProductInfo | null {
  if (!value || typeof value !== "object") return null;
  const p = value as Record<string, unknown>;
  if (typeof p.sku !== "string" || typeof p.name !== "string" || typeof p.listPrice !== "number" || typeof p.currency !== "string") return null;
  return {
    sku: p.sku,
    name: p.name,
    unit: typeof p.unit === "string" ? p.unit : "each",
    currency: p.currency,
    listPrice: p.listPrice,
    leadTimeDays: typeof p.leadTimeDays === "number" ? p.leadTimeDays : 0,
  };
}

function reviveOverride(value: unknown): LineOverride | undefined {
  if (!value || typeof value !== "object") return undefined;
  const o = value as Record<string, unknown>;
  if (typeof o.unitPrice !== "number" || !Number.isInteger(o.unitPrice) || o.unitPrice < 0) return undefined;
  if (typeof o.currency !== "string" || typeof o.reason !== "string" || o.reason.trim() === "") return undefined;
  return { unitPrice: o.unitPrice, currency: o.currency, reason: o.reason };
}
