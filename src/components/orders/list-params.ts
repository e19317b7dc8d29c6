import { z } from "zod";
import { ZIsoDate } from "~/lib/iso-date";
import { BILLING_STATUSES, CHANNELS, FULFILLMENT_STATUSES, ORDER_STATUSES, type Channel } from "~/server/orders/constants";

/**
 * The order and quote lists keep every filter in the URL. This file reads the URL's search params
 * (leniently: a bad value is dropped, never an error page) and writes them back as query strings.
 */
export type RawSearchParams = Record<string, string | string[] | undefined>;

export const SORT_KEYS = ["created", "total", "number", "status", "customer"] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = "asc" | "desc";

const text = (max: number) => z.string().trim().max(max).optional().catch(undefined);
const oneOf = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values).optional().catch(undefined);
const isoDate = ZIsoDate.optional().catch(undefined);

const ZListParams = z.object({
  search: text(100),
  status: oneOf(ORDER_STATUSES),
  fulfillmentStatus: oneOf(FULFILLMENT_STATUSES),
  billingStatus: oneOf(BILLING_STATUSES),
  channel: oneOf(CHANNELS),
  customer: text(40),
  from: isoDate,
  to: isoDate,
  createdBy: z.literal("me").optional().catch(undefined),
  assignedTo: z.union([z.enum(["me", "none"]), z.uuid()]).optional().catch(undefined),
  sort: oneOf(SORT_KEYS),
  direction: oneOf(["asc", "desc"] as const),
  cursor: text(500),
  before: text(500),
  size: z.enum(["25", "50", "100"]).optional().catch(undefined),
});
export type OrderListParams = z.infer<typeof ZListParams>;

/** Query-string order: filters first, then sort and page size, then the page cursor. */
export const PARAM_KEYS = [
  "search",
  "status",
  "fulfillmentStatus",
  "billingStatus",
  "channel",
  "customer",
  "from",
  "to",
  "createdBy",
  "assignedTo",
  "sort",
  "direction",
  "size",
  "cursor",
  "before",
] as const satisfies readonly (keyof OrderListParams)[];

/** The filters a user sets (everything except sort, page size and page). */
export const FILTER_KEYS = PARAM_KEYS.filter((k) => k !== "sort" && k !== "direction" && k !== "size" && k !== "cursor" && k !== "before");

export const PAGE_SIZES = [25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 50;
export function pageSizeOf(params: OrderListParams): number {
  return params.size ? Number(params.size) : DEFAULT_PAGE_SIZE;
}

export function parseListParams(raw: RawSearchParams | URLSearchParams): OrderListParams {
  const get = (key: string) => {
    const value = raw instanceof URLSearchParams ? raw.get(key) : raw[key];
    const first = Array.isArray(value) ? value[0] : value;
    const trimmed = first?.trim();
    return trimmed ? trimmed : undefined;
  };
  const params = ZListParams.parse(Object.fromEntries(PARAM_KEYS.map((k) => [k, get(k)])));
  // Customer codes and order numbers are upper case in the data; typing them in lower case should still match.
  if (params.customer) params.customer = params.customer.toUpperCase();
  return params;
}

export const DEFAULT_SORT: SortKey = "created";
export const DEFAULT_DIRECTION: SortDirection = "desc";

/** The first direction a column sorts in when its header is clicked. */
export function firstDirection(sort: SortKey): SortDirection {
  return sort === "number" || sort === "customer" || sort === "status" ? "asc" : "desc";
}

/** A query string (without "?") from params plus overrides; empty values are left out. */
export function toQueryString(params: Partial<OrderListParams>, overrides: Partial<Record<keyof OrderListParams, string | undefined>> = {}) {
  const merged: Partial<Record<keyof OrderListParams, string | undefined>> = { ...params, ...overrides };
  const search = new URLSearchParams();
  for (const key of PARAM_KEYS) {
    const value = merged[key];
    if (value) search.set(key, value);
  }
  return search.toString();
}

export function hrefWith(basePath: string, params: Partial<OrderListParams>, overrides: Partial<Record<keyof OrderListParams, string | undefined>> = {}) {
  const query = toQueryString(params, overrides);
  return query ? `${basePath}?${query}` : basePath;
}

/**
 * A canonical form of a list query, for telling whether a saved view is the one on screen:
 * no cursor, default sort dropped, keys in a fixed order.
 */
export function canonicalQuery(query: string | OrderListParams): string {
  const params = typeof query === "string" ? parseListParams(new URLSearchParams(query)) : query;
  const sortIsDefault = (params.sort ?? DEFAULT_SORT) === DEFAULT_SORT && (params.direction ?? DEFAULT_DIRECTION) === DEFAULT_DIRECTION;
  return toQueryString({
    ...params,
    cursor: undefined,
    before: undefined,
    sort: sortIsDefault ? undefined : params.sort,
    direction: sortIsDefault ? undefined : params.direction,
  });
}

export function hasFilters(params: OrderListParams): boolean {
  return FILTER_KEYS.some((k) => !!params[k]);
}

export const CHANNEL_LABELS: Record<Channel, string> = {
  phone: "Phone",
  email: "E-mail",
  web: "Web",
  field_sales: "Field sales",
  edi: "EDI",
  portal: "Portal",
  api: "API",
};

export function channelLabel(channel: string): string {
  return CHANNEL_LABELS[channel as Channel] ?? channel;
}
