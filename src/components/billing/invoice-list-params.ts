import { z } from "zod";
import { INVOICE_FILTERS, type InvoiceFilter } from "./invoice-labels";

/**
 * The invoice list keeps its filters in the URL (status, customer code, search, page cursor). Bad values are
 * dropped rather than shown as an error page.
 */
export type RawSearchParams = Record<string, string | string[] | undefined>;

const text = (max: number) => z.string().trim().max(max).optional().catch(undefined);

const ZInvoiceListParams = z.object({
  status: z.enum(INVOICE_FILTERS).optional().catch(undefined),
  customer: text(40),
  search: text(100),
  cursor: text(500),
});
export type InvoiceListParams = { status?: InvoiceFilter; customer?: string; search?: string; cursor?: string };

const KEYS = ["status", "customer", "search", "cursor"] as const;

export function parseInvoiceListParams(raw: RawSearchParams): InvoiceListParams {
  const get = (key: string) => {
    const value = raw[key];
    const first = (Array.isArray(value) ? value[0] : value)?.trim();
    return first ? first : undefined;
  };
  const params = ZInvoiceListParams.parse(Object.fromEntries(KEYS.map((k) => [k, get(k)])));
  // Codes and numbers are upper case in the data; typing them in lower case still matches.
  if (params.customer) params.customer = params.customer.toUpperCase();
  return params;
}

export function invoiceListHref(basePath: string, params: InvoiceListParams, overrides: Partial<InvoiceListParams> = {}): string {
  const merged = { ...params, ...overrides };
  const search = new URLSearchParams();
  for (const key of KEYS) {
    const value = merged[key];
    if (value) search.set(key, value);
  }
  const query = search.toString();
  return query ? `${basePath}?${query}` : basePath;
}

export function hasInvoiceFilters(params: InvoiceListParams): boolean {
  return !!(params.status || params.customer || params.search);
}
