import { RETURN_STATUSES, type ReturnStatus } from "~/server/billing/constants";

export type RawSearchParams = Record<string, string | string[] | undefined>;

/** The return list's URL filters (`/returns?status=approved&customer=C-1001`); anything malformed is dropped. */
export type ReturnListParams = { status?: ReturnStatus; order?: string; customer?: string; cursor?: string };

const CODE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/;

function first(value: string | string[] | undefined): string | undefined {
  const v = (Array.isArray(value) ? value[0] : value)?.trim();
  return v ? v : undefined;
}

export function parseReturnListParams(raw: RawSearchParams): ReturnListParams {
  const status = first(raw.status);
  const order = first(raw.order)?.toUpperCase();
  const customer = first(raw.customer)?.toUpperCase();
  const cursor = first(raw.cursor);
  return {
    status: status && (RETURN_STATUSES as readonly string[]).includes(status) ? (status as ReturnStatus) : undefined,
    order: order && CODE.test(order) ? order : undefined,
    customer: customer && CODE.test(customer) ? customer : undefined,
    cursor: cursor && cursor.length <= 500 ? cursor : undefined,
  };
}

export function returnListHref(params: ReturnListParams): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  const text = search.toString();
  return text ? `/returns?${text}` : "/returns";
}
