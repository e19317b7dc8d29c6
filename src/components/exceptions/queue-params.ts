import { z } from "zod";
import { ROLES } from "~/server/auth/roles";
import { EXCEPTION_SEVERITIES, EXCEPTION_STATUSES, EXCEPTION_TYPES, SLA_STATES } from "~/server/exceptions/constants";
import { AGE_BUCKETS } from "./format";

export const QUEUE_VIEWS = ["mine", "team", "all"] as const;
export type QueueView = (typeof QUEUE_VIEWS)[number];
export const QUEUE_STATUSES = ["active", "any", ...EXCEPTION_STATUSES] as const;

export type RawSearchParams = Record<string, string | string[] | undefined>;

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => v || undefined)
    .optional()
    .catch(undefined);

const ZQueueParams = z.object({
  view: z.enum(QUEUE_VIEWS).optional().catch(undefined),
  status: z.enum(QUEUE_STATUSES).optional().catch(undefined),
  type: z.enum(EXCEPTION_TYPES).optional().catch(undefined),
  severity: z.enum(EXCEPTION_SEVERITIES).optional().catch(undefined),
  sla: z.enum(SLA_STATES).optional().catch(undefined),
  age: z.enum(AGE_BUCKETS).optional().catch(undefined),
  team: z.enum(ROLES).optional().catch(undefined),
  customer: text(40).transform((v) => v?.toUpperCase()),
  assignee: z
    .union([z.enum(["me", "none"]), z.uuid()])
    .optional()
    .catch(undefined),
  order: text(40).transform((v) => v?.toUpperCase()),
  sku: text(60).transform((v) => v?.toUpperCase()),
  warehouse: text(20).transform((v) => v?.toUpperCase()),
  /** Opened in the last N days (the dashboard's 30-day tiles). */
  days: z.enum(["7", "30", "90"]).optional().catch(undefined),
});
export type QueueParams = z.infer<typeof ZQueueParams>;

/** Keys in URL order (saved views compare canonical query strings). */
export const QUEUE_PARAM_KEYS = ["view", "status", "type", "severity", "sla", "age", "team", "customer", "assignee", "order", "sku", "warehouse", "days"] as const satisfies readonly (keyof QueueParams)[];
/** The filters (everything but the tab). */
export const FILTER_KEYS = QUEUE_PARAM_KEYS.filter((k) => k !== "view");

export function parseQueueParams(raw: RawSearchParams | URLSearchParams): QueueParams {
  const get = (key: string) => {
    const v = raw instanceof URLSearchParams ? raw.get(key) : raw[key];
    return Array.isArray(v) ? v[0] : (v ?? undefined);
  };
  return ZQueueParams.parse(Object.fromEntries(QUEUE_PARAM_KEYS.map((k) => [k, get(k)])));
}

/** The tab shown when the URL names none: a team's own queue. */
export const DEFAULT_VIEW: QueueView = "mine";

export function toQueryString(params: Partial<QueueParams>): string {
  const search = new URLSearchParams();
  for (const key of QUEUE_PARAM_KEYS) {
    const value = params[key];
    if (!value) continue;
    if (key === "view" && value === DEFAULT_VIEW) continue;
    if (key === "status" && value === "active") continue;
    search.set(key, value);
  }
  return search.toString();
}

export function queueHref(params: Partial<QueueParams>): string {
  const query = toQueryString(params);
  return query ? `/exceptions?${query}` : "/exceptions";
}

export function hasFilters(params: QueueParams): boolean {
  return FILTER_KEYS.some((k) => !!params[k] && !(k === "status" && params[k] === "active"));
}

/** The list procedure's input for these params. */
export function listInput(params: QueueParams) {
  const { view, status, days, ...filters } = params;
  return { view: view ?? DEFAULT_VIEW, status: status ?? "active", ...filters, ...(days ? { days: Number(days) } : {}) };
}
