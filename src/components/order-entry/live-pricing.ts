import type { RouterOutputs } from "~/trpc/react";
import type { EntryChannel, LineOverride, ProductInfo } from "./entry-state";

/**
 * Live pricing of the order being typed: what `pricing.simulate` is asked (only the lines the catalog
 * knows, with a valid quantity, so one bad line never blanks the rest) and how its answer maps back onto
 * the form's lines. Pure: the hook in use-line-details.ts does the fetching.
 */

export type SimulateResult = RouterOutputs["pricing"]["simulate"];
export type SimulatedLine = SimulateResult["lines"][number];
export type ExplanationStep = SimulatedLine["explanation"][number];

export type PricingRequestLine = { lineId: string; sku: string; quantity: number; unitPrice?: number; overrideReason?: string };
export type PricingRequest = { customer: string; channel: EntryChannel; lines: PricingRequestLine[] };
/** An answer together with the request it answers: kept while the next one loads, it still maps right. */
export type PricingAnswer = { request: PricingRequest; result: SimulateResult };

/** `pricing.simulate` takes at most this many lines. */
export const MAX_PRICED_LINES = 500;

export type LineToPrice = { lineId: string; product: ProductInfo | null; quantity: number | null; override?: LineOverride };

/**
 * The simulate request for the form, or null when there is nothing to price yet (no customer, or no line
 * with a known product and a valid quantity). A manual price is sent unless it was typed in another
 * currency than the customer's (`currency`, when known).
 */
export function buildPricingRequest(
  customer: string | null,
  channel: EntryChannel,
  lines: readonly LineToPrice[],
  currency: string | undefined,
): PricingRequest | null {
  if (!customer) return null;
  const priced: PricingRequestLine[] = [];
  for (const line of lines) {
    if (!line.product || line.quantity === null) continue;
    const override = line.override && (!currency || line.override.currency === currency) ? line.override : undefined;
    priced.push(
      override
        ? { lineId: line.lineId, sku: line.product.sku, quantity: line.quantity, unitPrice: override.unitPrice, overrideReason: override.reason }
        : { lineId: line.lineId, sku: line.product.sku, quantity: line.quantity },
    );
  }
  if (priced.length === 0) return null;
  return { customer, channel, lines: priced.slice(0, MAX_PRICED_LINES) };
}

/** The procedure's input: the request without the form's line ids. */
export function simulateInput(request: PricingRequest) {
  return { customer: request.customer, channel: request.channel, lines: request.lines.map(({ lineId: _id, ...line }) => line) };
}

const sameLine = (a: PricingRequestLine, b: PricingRequestLine) =>
  a.sku === b.sku && a.quantity === b.quantity && a.unitPrice === b.unitPrice && (a.overrideReason ?? "") === (b.overrideReason ?? "");

export type LinePrice = {
  priced: SimulatedLine;
  /** false while the answer is for an earlier state of the line (another quantity, manual price…). */
  isCurrent: boolean;
};

export type PricingView = {
  currency: string;
  lines: Map<string, LinePrice>;
  totals: { subtotal: number; discountTotal: number; taxTotal: number; total: number };
  /** The answer is for exactly the lines on screen now. */
  isCurrent: boolean;
};

/**
 * Maps an answer onto the current request: per line id, the priced line and whether it is still current.
 * An answer for another customer maps nothing (its prices mean nothing for this one).
 */
export function mapPricing(answer: PricingAnswer | undefined, current: PricingRequest | null): PricingView | null {
  if (!answer || !current || answer.request.customer !== current.customer) return null;
  const currentById = new Map(current.lines.map((l) => [l.lineId, l]));
  const lines = new Map<string, LinePrice>();
  const sameChannel = answer.request.channel === current.channel;
  answer.request.lines.forEach((asked, i) => {
    const priced = answer.result.lines[i];
    const now = currentById.get(asked.lineId);
    if (!priced || !now) return;
    lines.set(asked.lineId, { priced, isCurrent: sameChannel && sameLine(asked, now) });
  });
  const isCurrent =
    sameChannel &&
    answer.request.lines.length === current.lines.length &&
    current.lines.every((l, i) => answer.request.lines[i]?.lineId === l.lineId && lines.get(l.lineId)?.isCurrent === true);
  const { subtotal, discountTotal, taxTotal, total } = answer.result;
  return { currency: answer.result.currency, lines, totals: { subtotal, discountTotal, taxTotal, total }, isCurrent };
}

const STEP_LABELS: Record<string, string> = {
  list_price: "List price",
  price_list: "Price list",
  discount: "Discount",
  skipped: "Not applied",
  order_discount: "Order discount",
  override: "Manual price",
  tax: "Tax",
  exemption_expired: "Exemption",
  rounding: "Rounding",
};

/** "list_price" → "List price"; an unknown step keeps a readable form of its name. */
export const stepLabel = (step: string) => STEP_LABELS[step] ?? step.replace(/[_-]+/g, " ").replace(/^./, (c) => c.toUpperCase());

/** Where tax is worked out: the simulator uses the address on file, the order its own ship-to. */
export function taxAddressDiffers(
  onFile: { country: string; region?: string | null } | null | undefined,
  shipTo: { country: string; region: string },
): boolean {
  const norm = (s: string | null | undefined) => (s ?? "").trim().toUpperCase();
  if (norm(shipTo.country) === "") return false;
  return norm(onFile?.country) !== norm(shipTo.country) || norm(onFile?.region) !== norm(shipTo.region);
}
