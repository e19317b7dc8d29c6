"use client";

import { keepPreviousData, useQueries, useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { useTRPC, type RouterOutputs } from "~/trpc/react";
import { isBlankLine, type EntryLine, type ProductInfo } from "./entry-state";
import { useDebouncedValue } from "./use-debounced-value";
import { parseQuantity } from "./validate-entry";

export type LineAvailability = NonNullable<RouterOutputs["inventory"]["availability"][number]>;

export type LineDetail = {
  /** blank: no SKU; pending: being looked up; known / unknown: the catalog answered. */
  status: "blank" | "pending" | "known" | "unknown";
  product: ProductInfo | null;
  quantity: number | null;
  /** List price today (issue 4 brings pricing rules): unit price × quantity, no discount. */
  unitPrice: number | null;
  discount: number | null;
  lineTotal: number | null;
  /** undefined while it is being checked. */
  availability: LineAvailability | undefined;
};

export type EntryTotals = { subtotal: number; discount: number; tax: number; total: number; currency: string; pricedLines: number };

const LOOKUP_STALE = 5 * 60_000;
const looksLikeSku = (text: string) => /^[A-Za-z0-9][A-Za-z0-9._/-]*$/.test(text) && text.length <= 64;

function exactMatch(products: readonly ProductInfo[] | undefined, sku: string): ProductInfo | null {
  if (!products) return null;
  return products.find((p) => p.sku === sku) ?? products.find((p) => p.sku.toLowerCase() === sku.toLowerCase()) ?? null;
}

/**
 * Everything shown live per line: the product behind a typed or pasted SKU (the same `catalog.lookup`
 * the SKU combobox asks, so answers are shared), list-price amounts, and availability for the whole order
 * in one `inventory.availability` call. Queries wait until typing pauses.
 */
export function useLineDetails(lines: EntryLine[], currencyHint: string | undefined) {
  const trpc = useTRPC();
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
    ...trpc.inventory.availability.queryOptions({ lines: availabilityLines.slice(0, 500) }),
    enabled: availabilityLines.length > 0,
    staleTime: 15_000,
    placeholderData: keepPreviousData,
  });
  const availabilityByKey = useMemo(() => {
    const map = new Map<string, LineAvailability>();
    for (const a of availability.data ?? []) if (a) map.set(`${a.sku}|${a.quantity}`, a);
    return map;
  }, [availability.data]);

  const details = new Map<string, LineDetail>();
  let subtotal = 0;
  let pricedLines = 0;
  let currency = currencyHint;
  for (const b of base) {
    const unitPrice = b.product?.listPrice ?? null;
    const lineTotal = unitPrice !== null && b.quantity !== null ? unitPrice * b.quantity : null;
    if (lineTotal !== null) {
      subtotal += lineTotal;
      pricedLines += 1;
      currency ??= b.product!.currency;
    }
    details.set(b.line.id, {
      status: b.status,
      product: b.product,
      quantity: b.quantity,
      unitPrice,
      discount: unitPrice !== null ? 0 : null,
      lineTotal,
      availability: b.product ? availabilityByKey.get(`${b.product.sku}|${b.quantity ?? 1}`) : undefined,
    });
  }
  const totals: EntryTotals = { subtotal, discount: 0, tax: 0, total: subtotal, currency: currency ?? "USD", pricedLines };
  return {
    details,
    totals,
    isCheckingStock: availability.isFetching,
    stockError: availability.isError ? availability.error : null,
    isResolving: base.some((b) => b.status === "pending"),
  };
}
