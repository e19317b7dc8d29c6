"use client";

import { keepPreviousData, useQueries, useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { useTRPC, useTRPCClient, type RouterOutputs } from "~/trpc/react";
import { isBlankLine, type EntryChannel, type EntryLine, type ProductInfo } from "./entry-state";
import {
  buildPricingRequest,
  mapPricing,
  simulateInput,
  type ExplanationStep,
  type PricingAnswer,
  type PricingRequest,
} from "./live-pricing";
import { useDebouncedValue } from "./use-debounced-value";
import { parseQuantity } from "./validate-entry";

export type LineAvailability = NonNullable<RouterOutputs["inventory"]["availability"][number]>;

export type LineDetail = {
  /** blank: no SKU; pending: being looked up; known / unknown: the catalog answered. */
  status: "blank" | "pending" | "known" | "unknown";
  product: ProductInfo | null;
  quantity: number | null;
  /**
   * server: priced by `pricing.simulate`, exactly as the order will be; list: list price × quantity (no
   * customer yet, the first answer still loading, or the pricing service failing); none: nothing to price.
   */
  priceSource: "server" | "list" | "none";
  /** The amounts shown are for an earlier state of the line: a new answer is on its way. */
  isRepricing: boolean;
  currency: string | undefined;
  unitPrice: number | null;
  discount: number | null;
  /** Before tax, like the order's line total. */
  lineTotal: number | null;
  /** null until the server priced the line. */
  tax: number | null;
  /** The engine's steps for this price (server prices only). */
  explanation: ExplanationStep[] | null;
  /** Why a manual price needs a manager's approval; null when it does not (or there is none). */
  approval: string | null;
  /** undefined while it is being checked. */
  availability: LineAvailability | undefined;
};

export type EntryTotals = {
  subtotal: number;
  discount: number;
  tax: number;
  total: number;
  currency: string;
  pricedLines: number;
  /** server: the simulator's totals; list: list price only (see LineDetail.priceSource). */
  source: "server" | "list";
  isRepricing: boolean;
};

export type PricingStatus = {
  /** Whether a customer and at least one priceable line exist. */
  isActive: boolean;
  /** The last simulate call failed: list prices are shown. */
  isError: boolean;
  isFetching: boolean;
};

const LOOKUP_STALE = 5 * 60_000;
const looksLikeSku = (text: string) => /^[A-Za-z0-9][A-Za-z0-9._/-]*$/.test(text) && text.length <= 64;

function exactMatch(products: readonly ProductInfo[] | undefined, sku: string): ProductInfo | null {
  if (!products) return null;
  return products.find((p) => p.sku === sku) ?? products.find((p) => p.sku.toLowerCase() === sku.toLowerCase()) ?? null;
}

/**
 * Everything shown live per line: the product behind a typed or pasted SKU (the same `catalog.lookup`
 * the SKU combobox asks, so answers are shared), prices from `pricing.simulate` for the lines the catalog
 * knows (list price while there is no answer), and availability for the whole order in one
 * `inventory.availability` call. Queries wait until typing pauses and keep showing the previous answer
 * while the next one loads.
 */
export function useLineDetails(
  lines: EntryLine[],
  order: { customer: string | null; channel: EntryChannel; currency: string | undefined },
) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const currencyHint = order.currency;
  // Debounced as one string: a new array every render would restart the timer for ever.
  const typedSkus = useDebouncedValue(lines.map((l) => (l.product ? "" : l.sku.trim())).join("\n"), 180);
  const toResolve = [...new Set(typedSkus.split("\n").filter((sku) => sku !== "" && looksLikeSku(sku)))];
  const lookups = useQueries({
    queries: toResolve.map((q) => ({ ...trpc.products.lookup.queryOptions({ q }), staleTime: LOOKUP_STALE })),
  });
  const resolved = new Map<string, { isDone: boolean; product: ProductInfo | null }>();
  toResolve.forEach((sku, i) => {
    const query = lookups[i];
    resolved.set(sku, { isDone: !!query && (query.isSuccess || query.isError), product: exactMatch(query?.data, sku) });
  });

  const base = lines.map((line) => {
    const sku = line.sku.trim();
    const quantityResult = parseQuantity(line.quantity);
    const quantity = quantityResult.ok ? quantityResult.value : null;
    if (isBlankLine(line)) return { line, status: "blank" as const, product: null, quantity };
    if (line.product) return { line, status: "known" as const, product: line.product, quantity };
    if (!looksLikeSku(sku)) return { line, status: "unknown" as const, product: null, quantity };
    const hit = resolved.get(sku);
    if (!hit || !hit.isDone) return { line, status: "pending" as const, product: null, quantity };
    return { line, status: hit.product ? ("known" as const) : ("unknown" as const), product: hit.product, quantity };
  });

  const availabilityInput = base
    .filter((b) => b.product)
    .map((b) => ({ sku: b.product!.sku, quantity: b.quantity ?? 1 }));
  const availabilityKey = useDebouncedValue(JSON.stringify(availabilityInput), 250);
  const availabilityLines = useMemo(() => JSON.parse(availabilityKey) as { sku: string; quantity: number }[], [availabilityKey]);
  const availability = useQuery({
    ...trpc.inventory.availability.queryOptions({ lines: availabilityLines.slice(0, 500), customer: order.customer ?? undefined }),
    enabled: availabilityLines.length > 0,
    staleTime: 15_000,
    placeholderData: keepPreviousData,
  });
  const availabilityByKey = useMemo(() => {
    const map = new Map<string, LineAvailability>();
    for (const a of availability.data ?? []) if (a) map.set(`${a.sku}|${a.quantity}`, a);
    return map;
  }, [availability.data]);

  // Live pricing: one simulate call for the whole order, the answer carrying the request it answers.
  const request = buildPricingRequest(
    order.customer,
    order.channel,
    base.map((b) => ({ lineId: b.line.id, product: b.product, quantity: b.quantity, override: b.line.override })),
    currencyHint,
  );
  const pricingKey = useDebouncedValue(JSON.stringify(request), 250);
  const asked = useMemo(() => JSON.parse(pricingKey) as PricingRequest | null, [pricingKey]);
  const pricing = useQuery({
    queryKey: ["orderEntry", "pricing", asked],
    queryFn: async ({ signal }): Promise<PricingAnswer> => ({
      request: asked!,
      result: await client.pricing.simulate.query(simulateInput(asked!), { signal }),
    }),
    enabled: asked !== null,
    staleTime: 30_000,
    placeholderData: keepPreviousData,
  });
  const isPricingError = request !== null && pricing.isError;
  const view = isPricingError ? null : mapPricing(pricing.data, request);

  const details = new Map<string, LineDetail>();
  let subtotal = 0;
  let pricedLines = 0;
  let currency = view?.currency ?? currencyHint;
  for (const b of base) {
    const price = view?.lines.get(b.line.id);
    const availability = b.product ? availabilityByKey.get(`${b.product.sku}|${b.quantity ?? 1}`) : undefined;
    const common = { status: b.status, product: b.product, quantity: b.quantity, availability };
    if (price) {
      pricedLines += 1;
      details.set(b.line.id, {
        ...common,
        priceSource: "server",
        isRepricing: !price.isCurrent,
        currency: view!.currency,
        unitPrice: price.priced.unitPrice,
        discount: price.priced.discount,
        lineTotal: price.priced.lineTotal,
        tax: price.priced.tax,
        explanation: price.priced.explanation,
        approval: price.priced.approval,
      });
      continue;
    }
    const unitPrice = b.product?.listPrice ?? null;
    const lineTotal = unitPrice !== null && b.quantity !== null ? unitPrice * b.quantity : null;
    if (lineTotal !== null) {
      subtotal += lineTotal;
      pricedLines += 1;
      currency ??= b.product!.currency;
    }
    details.set(b.line.id, {
      ...common,
      priceSource: unitPrice !== null ? "list" : "none",
      // A list price shown while the customer's first answer loads is about to change.
      isRepricing: lineTotal !== null && request !== null && !isPricingError,
      currency: b.product?.currency,
      unitPrice,
      discount: unitPrice !== null ? 0 : null,
      lineTotal,
      tax: null,
      explanation: null,
      approval: null,
    });
  }
  const totals: EntryTotals = view
    ? {
        subtotal: view.totals.subtotal,
        discount: view.totals.discountTotal,
        tax: view.totals.taxTotal,
        total: view.totals.total,
        currency: view.currency,
        pricedLines,
        source: "server",
        isRepricing: !view.isCurrent,
      }
    : {
        subtotal,
        discount: 0,
        tax: 0,
        total: subtotal,
        currency: currency ?? "USD",
        pricedLines,
        source: "list",
        isRepricing: request !== null && !isPricingError,
      };
  const pricingStatus: PricingStatus = { isActive: request !== null, isError: isPricingError, isFetching: pricing.isFetching };
  return {
    details,
    totals,
    pricing: pricingStatus,
    isCheckingStock: availability.isFetching,
    stockError: availability.isError ? availability.error : null,
    isResolving: base.some((b) => b.status === "pending"),
  };
}
