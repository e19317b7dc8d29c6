import { PURCHASE_ORDER_STATUSES, type PurchaseOrderStatus } from "~/server/purchasing/constants";

export type RawSearchParams = Record<string, string | string[] | undefined>;

/** The purchase order list's URL filters; anything malformed is dropped rather than failing the page. */
export type PurchaseOrderListParams = {
  search?: string;
  status?: PurchaseOrderStatus;
  vendor?: string;
  warehouse?: string;
  sku?: string;
  overdue?: "true";
  cursor?: string;
};

const CODE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,19}$/;
const SKU = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$/;

function first(value: string | string[] | undefined): string | undefined {
  const v = (Array.isArray(value) ? value[0] : value)?.trim();
  return v ? v : undefined;
}

export function parsePurchaseOrderListParams(raw: RawSearchParams): PurchaseOrderListParams {
  const status = first(raw.status);
  const vendor = first(raw.vendor)?.toUpperCase();
  const warehouse = first(raw.warehouse)?.toUpperCase();
  const sku = first(raw.sku);
  const search = first(raw.search)?.slice(0, 100);
  const cursor = first(raw.cursor);
  return {
    search,
    status: status && (PURCHASE_ORDER_STATUSES as readonly string[]).includes(status) ? (status as PurchaseOrderStatus) : undefined,
    vendor: vendor && CODE.test(vendor) ? vendor : undefined,
    warehouse: warehouse && CODE.test(warehouse) ? warehouse : undefined,
    sku: sku && SKU.test(sku) ? sku : undefined,
    overdue: first(raw.overdue) === "true" ? "true" : undefined,
    cursor: cursor && cursor.length <= 500 ? cursor : undefined,
  };
}

export function hasFilters(params: PurchaseOrderListParams): boolean {
  return !!(params.search || params.status || params.vendor || params.warehouse || params.sku || params.overdue);
}

export function purchaseOrderListHref(params: PurchaseOrderListParams): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  const text = search.toString();
  return text ? `/purchasing?${text}` : "/purchasing";
}
