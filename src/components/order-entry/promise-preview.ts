import type { EntryChannel } from "./entry-state";

/** One line of the entry form as the promise preview needs it: the catalog's SKU (null until known) and quantity. */
export type PromiseLine = { lineId: string; sku: string | null; quantity: number | null };

/** What `policies.promisePreview` is asked, with the form's line ids in the order the lines were sent. */
export type PromiseRequest = {
  input: { customer: string; channel: EntryChannel; shipToRegion?: string; total?: number; lines: { sku: string; quantity: number }[] };
  lineIds: string[];
};

export type PromiseAnswer = {
  policy: { code: string; name: string; version: number; chosenBy: string };
  promisedDate: string | null;
  lines: { sku: string; lineNo: number; availableOn: string; transitDays: number; promisedDate: string; sourcing?: LineSourcing }[];
};

/** Where the line's units would be reserved now (inventory's sourcing plan) and how many would be backordered. */
export type LineSourcing = { takes: { warehouse: string; quantity: number }[]; short: number };

export type LinePromiseView = { promisedDate: string; availableOn: string; transitDays: number; sourcing?: LineSourcing };

/**
 * "46 EAST · 30 CENTRAL · 2 WEST · 22 backordered, all by Dec 24" when a line will be split across warehouses or
 * partly backordered; null when one warehouse ships it all (nothing to warn about). `formatDate` renders
 * `availableOn` (when the backorder can be filled). Pure.
 */
export function describeSourcing(view: Pick<LinePromiseView, "sourcing" | "availableOn">, formatDate: (isoDate: string) => string): string | null {
  const sourcing = view.sourcing;
  if (!sourcing || (sourcing.takes.length <= 1 && sourcing.short === 0)) return null;
  const parts = sourcing.takes.map((t) => `${t.quantity} ${t.warehouse}`);
  if (sourcing.short > 0) parts.push(`${sourcing.short} backordered, all by ${formatDate(view.availableOn)}`);
  return parts.join(" · ");
}

const MAX_LINES = 500;

/**
 * The preview request for the form's state, or null while there is nothing to promise (no customer, or no line
 * the catalog knows with a quantity). Only known lines with a positive quantity are sent, in form order, so the
 * answer's `lineNo` (1-based, over the lines sent) leads back to the form's line. Pure.
 */
export function buildPromiseRequest(
  customer: string | null,
  channel: EntryChannel,
  lines: readonly PromiseLine[],
  options: { shipToRegion?: string | null; total?: number | null } = {},
): PromiseRequest | null {
  if (!customer) return null;
  const sent = lines.filter((l): l is PromiseLine & { sku: string; quantity: number } => !!l.sku && l.quantity !== null && l.quantity > 0).slice(0, MAX_LINES);
  if (sent.length === 0) return null;
  const region = options.shipToRegion?.trim();
  const total = options.total;
  return {
    input: {
      customer,
      channel,
      ...(region ? { shipToRegion: region.slice(0, 40) } : {}),
      ...(typeof total === "number" && Number.isInteger(total) && total >= 0 ? { total } : {}),
      lines: sent.map((l) => ({ sku: l.sku, quantity: l.quantity })),
    },
    lineIds: sent.map((l) => l.lineId),
  };
}

/** The answer's line promises by the form's line id (only lines whose SKU and quantity are still the ones asked about). Pure. */
export function mapPromiseAnswer(
  answer: { request: PromiseRequest; result: PromiseAnswer } | undefined,
  lines: readonly PromiseLine[],
): Map<string, LinePromiseView> {
  const map = new Map<string, LinePromiseView>();
  if (!answer) return map;
  const current = new Map(lines.map((l) => [l.lineId, l]));
  for (const promise of answer.result.lines) {
    const index = promise.lineNo - 1;
    const lineId = answer.request.lineIds[index];
    const asked = answer.request.input.lines[index];
    if (!lineId || !asked || asked.sku !== promise.sku) continue;
    const now = current.get(lineId);
    // A line changed since (another SKU or quantity) waits for its own answer rather than showing a stale date.
    if (!now || now.sku !== asked.sku || now.quantity !== asked.quantity) continue;
    map.set(lineId, { promisedDate: promise.promisedDate, availableOn: promise.availableOn, transitDays: promise.transitDays, sourcing: promise.sourcing });
  }
  return map;
}
