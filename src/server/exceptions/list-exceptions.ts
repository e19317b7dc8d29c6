import { and, eq, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Actor } from "../auth/actor";
import { ROLES } from "../auth/roles";
import { users } from "../auth/schema";
import * as clock from "../clock";
import { customers } from "../customers/schema";
import type { DbOrTx } from "../db";
import { decodeCursor, toPage, ZPageInput } from "../db/pagination";
import { warehouses } from "../inventory";
import { orderLines, orders } from "../orders/schema";
import { ACTIVE_EXCEPTION_STATUSES, DUE_SOON_MS, EXCEPTION_SEVERITIES, EXCEPTION_STATUSES, EXCEPTION_TYPES, SLA_STATES, slaState } from "./constants";
import { exceptions } from "./schema";

export const EXCEPTION_VIEWS = ["mine", "team", "all"] as const;
/** Age since opened. */
export const AGE_BUCKETS = ["lt_1h", "1h_4h", "4h_24h", "1d_3d", "gt_3d"] as const;
const AGE_BOUNDS_H: Record<(typeof AGE_BUCKETS)[number], [number, number]> = {
  lt_1h: [0, 1],
  "1h_4h": [1, 4],
  "4h_24h": [4, 24],
  "1d_3d": [24, 72],
  gt_3d: [72, Number.POSITIVE_INFINITY],
};

export const ZListExceptionsInput = ZPageInput.extend({
  /** mine: assigned to me, then the unassigned ones of my team; team: my team's; all: everyone's. */
  view: z.enum(EXCEPTION_VIEWS).default("all"),
  /** `active` (open or in progress, the default), `any`, or one status. */
  status: z.enum(["active", "any", ...EXCEPTION_STATUSES]).default("active"),
  type: z.enum(EXCEPTION_TYPES).optional(),
  severity: z.enum(EXCEPTION_SEVERITIES).optional(),
  sla: z.enum(SLA_STATES).optional(),
  age: z.enum(AGE_BUCKETS).optional(),
  team: z.enum(ROLES).optional(),
  /** Customer code. */
  customer: z.string().trim().max(40).optional(),
  /** A user id, `me`, or `none` (unassigned). */
  assignee: z.union([z.enum(["me", "none"]), z.string().uuid("assignee must be a user id, me or none")]).optional(),
  /** Order number. */
  order: z.string().trim().max(40).optional(),
  /** Exceptions about a SKU (the lines they name). */
  sku: z.string().trim().max(60).optional(),
  /** Exceptions of orders with lines in a warehouse (code). */
  warehouse: z.string().trim().max(20).optional(),
  /** Opened in the last this many days (the dashboard's 30-day tiles link with 30). */
  days: z.coerce.number().int("days is a whole number").min(1, "days is at least 1").max(365, "days is at most 365").optional(),
});
export type TListExceptionsInput = z.infer<typeof ZListExceptionsInput>;

export const ZExceptionListItem = z.object({
  id: z.string(),
  type: z.enum(EXCEPTION_TYPES),
  severity: z.enum(EXCEPTION_SEVERITIES),
  status: z.enum(EXCEPTION_STATUSES),
  team: z.enum(ROLES),
  reason: z.string(),
  order: z.string().nullable(),
  customer: z.string().nullable(),
  customerName: z.string().nullable(),
  dueAt: z.string(),
  slaState: z.enum(SLA_STATES),
  breachedAt: z.string().nullable(),
  assignee: z.object({ id: z.string(), name: z.string() }).nullable(),
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
  resolvedBy: z.string().nullable(),
  resolution: z.string().nullable(),
  reopenCount: z.number().int(),
});
export type TExceptionListItem = z.infer<typeof ZExceptionListItem>;


/** 0 breached, 1 due within the hour, 2 later: the queue's first sort key (closed ones sort as later). */
const slaRank = (now: Date) =>
  sql<number>`(case when ${exceptions.status} not in ('open', 'in_progress') then 2 when ${exceptions.dueAt} < ${now.toISOString()}::timestamptz then 0
    when ${exceptions.dueAt} <= ${new Date(now.getTime() + DUE_SOON_MS).toISOString()}::timestamptz then 1 else 2 end)`;
const severityRank = sql<number>`(case ${exceptions.severity} when 'critical' then 0 when 'high' then 1 when 'medium' then 2 else 3 end)`;

/** The signed-in user's id, or null for API keys and the system (which are nobody's assignee). */
export const assigneeIdOf = (actor: Actor): string | null => (actor.kind === "user" && z.guid().safeParse(actor.id).success ? actor.id : null);

/** The conditions of a view and its filters (shared by the list and the tab counts). */
export function exceptionFilters(input: Omit<TListExceptionsInput, "limit" | "cursor">, actor: Actor, now: Date): (SQL | undefined)[] {
  const conditions: (SQL | undefined)[] = [];
  if (input.view === "mine") {
    const me = assigneeIdOf(actor);
    conditions.push(or(me ? eq(exceptions.assigneeId, me) : sql`false`, and(isNull(exceptions.assigneeId), eq(exceptions.team, actor.role))));
  } else if (input.view === "team") conditions.push(eq(exceptions.team, actor.role));
  if (input.status === "active") conditions.push(inArray(exceptions.status, [...ACTIVE_EXCEPTION_STATUSES]));
  else if (input.status !== "any") conditions.push(eq(exceptions.status, input.status));
  if (input.type) conditions.push(eq(exceptions.type, input.type));
  if (input.severity) conditions.push(eq(exceptions.severity, input.severity));
  if (input.team) conditions.push(eq(exceptions.team, input.team));
  if (input.sla) conditions.push(sql`${slaRank(now)} = ${SLA_STATES.indexOf(input.sla)}`);
  if (input.age) {
    const [from, to] = AGE_BOUNDS_H[input.age];
    conditions.push(sql`${exceptions.createdAt} <= ${new Date(now.getTime() - from * 3_600_000).toISOString()}::timestamptz`);
    if (Number.isFinite(to)) conditions.push(sql`${exceptions.createdAt} > ${new Date(now.getTime() - to * 3_600_000).toISOString()}::timestamptz`);
  }
  if (input.customer) conditions.push(sql`${exceptions.customerId} = (select id from ${customers} where code = ${input.customer})`);
  if (input.order) conditions.push(sql`${exceptions.orderId} = (select id from ${orders} where number = ${input.order})`);
  if (input.days) conditions.push(sql`${exceptions.createdAt} >= ${new Date(now.getTime() - input.days * 86_400_000).toISOString()}::timestamptz`);
  if (input.sku) conditions.push(sql`jsonb_typeof(${exceptions.details} -> 'skus') = 'array' and jsonb_exists(${exceptions.details} -> 'skus', ${input.sku})`);
  if (input.warehouse) {
    conditions.push(sql`exists (select 1 from ${orderLines} l join ${warehouses} w on w.id = l.warehouse_id where l.order_id = ${exceptions.orderId} and w.code = ${input.warehouse})`);
  }
  if (input.assignee === "none") conditions.push(isNull(exceptions.assigneeId));
  else if (input.assignee === "me") {
    const me = assigneeIdOf(actor);
    conditions.push(me ? eq(exceptions.assigneeId, me) : sql`false`);
  }
  else if (input.assignee) conditions.push(eq(exceptions.assigneeId, input.assignee));
  return conditions;
}

/** The queue, most urgent first: breached, then due within the hour, then later; by severity; by due time. */
export async function listExceptions(options: { db: DbOrTx; actor: Actor; input: TListExceptionsInput; now?: Date }) {
  const { db, actor, input } = options;
  const now = options.now ?? clock.now();
  const sla = slaRank(now);
  const conditions = exceptionFilters(input, actor, now);
  if (input.cursor) {
    const [a, b, at, id] = decodeCursor(input.cursor, 4);
    conditions.push(sql`(${sla}, ${severityRank}, ${exceptions.dueAt}, ${exceptions.id}) > (${Number(a)}, ${Number(b)}, ${String(at)}::timestamptz, ${String(id)}::uuid)`);
  }
  const rows = await db
    .select({ e: exceptions, order: orders.number, customer: customers.code, customerName: customers.name, assigneeName: users.name, sla, severityRank })
    .from(exceptions)
    .leftJoin(orders, eq(orders.id, exceptions.orderId))
    .leftJoin(customers, eq(customers.id, exceptions.customerId))
    .leftJoin(users, eq(users.id, exceptions.assigneeId))
    .where(and(...conditions))
    .orderBy(sla, severityRank, exceptions.dueAt, exceptions.id)
    .limit(input.limit + 1);
  return toPage(rows, input.limit, (row) => toListItem(row, now), (row) => [Number(row.sla), Number(row.severityRank), row.e.dueAt.toISOString(), row.e.id]);
}

export function toListItem(
  row: { e: typeof exceptions.$inferSelect; order: string | null; customer: string | null; customerName: string | null; assigneeName: string | null },
  now: Date,
): z.infer<typeof ZExceptionListItem> {
  const { e } = row;
  const active = (ACTIVE_EXCEPTION_STATUSES as readonly string[]).includes(e.status);
  return {
    id: e.id,
    type: e.type,
    severity: e.severity,
    status: e.status,
    team: e.team,
    reason: e.reason,
    order: row.order,
    customer: row.customer,
    customerName: row.customerName,
    dueAt: e.dueAt.toISOString(),
    slaState: active ? slaState(e.dueAt, now) : "later",
    breachedAt: e.breachedAt?.toISOString() ?? null,
    assignee: e.assigneeId && row.assigneeName ? { id: e.assigneeId, name: row.assigneeName } : null,
    createdAt: e.createdAt.toISOString(),
    resolvedAt: e.resolvedAt?.toISOString() ?? null,
    resolvedBy: e.resolvedBy,
    resolution: e.resolution,
    reopenCount: e.reopenCount,
  };
}

/** Active exceptions per tab, for the queue's tab labels. */
export async function exceptionCounts(options: { db: DbOrTx; actor: Actor; now?: Date }) {
  const { db, actor } = options;
  const now = options.now ?? clock.now();
  const count = (view: (typeof EXCEPTION_VIEWS)[number]) =>
    db
      .select({ n: sql<number>`count(*)::int`.mapWith(Number) })
      .from(exceptions)
      .where(and(...exceptionFilters({ view, status: "active" }, actor, now)));
  const [[mine], [team], [all]] = await Promise.all([count("mine"), count("team"), count("all")]);
  return { mine: mine?.n ?? 0, team: team?.n ?? 0, all: all?.n ?? 0 };
}
