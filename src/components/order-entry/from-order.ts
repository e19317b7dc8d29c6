import { ENTRY_CHANNELS, EMPTY_SHIP_TO, newLine, type EntryChannel, type EntryState } from "./entry-state";

/**
 * What the entry page needs of an existing order to start a new one from it (Duplicate): its customer,
 * ship-to, channel, notes and lines with their manual prices. Serialisable (server page → client form).
 */
export type SourceOrder = {
  number: string;
  customer: string;
  customerName: string;
  channel: string;
  currency: string;
  notes: string | null;
  shipTo: { line1: string; city: string; region?: string | null; postalCode: string; country: string } | null;
  lines: { sku: string; quantity: number; manualPrice: number | null; overrideReason: string | null }[];
};

/**
 * A new, unsaved order prefilled from `source`: the same customer (changeable), ship-to, channel, notes and
 * lines (a manual price stays with its reason), a fresh reference and requested date, and one blank line at
 * the end to add to. `newId` gives each line its id.
 */
export function stateFromOrder(source: SourceOrder, newId: () => string): EntryState {
  const channel = (ENTRY_CHANNELS as readonly string[]).includes(source.channel) ? (source.channel as EntryChannel) : "phone";
  const lines = source.lines.map((l) => {
    const line = newLine(newId(), l.sku, String(l.quantity));
    return l.manualPrice !== null && l.overrideReason
      ? { ...line, override: { unitPrice: l.manualPrice, currency: source.currency, reason: l.overrideReason } }
      : line;
  });
  const to = source.shipTo;
  return {
    customer: { code: source.customer, name: source.customerName },
    shipTo: to ? { line1: to.line1, city: to.city, region: to.region ?? "", postalCode: to.postalCode, country: to.country } : { ...EMPTY_SHIP_TO },
    channel,
    customerReference: "",
    requestedDate: "",
    notes: source.notes ?? "",
    lines: [...lines, newLine(newId())],
  };
}
