import { and, asc, desc, eq, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { customers } from "../customers/schema";
import type { DbOrTx } from "../db";
import { decodeCursor, toPage, ZPageInput } from "../db/pagination";
import { orders } from "../orders/schema";
import { EXCEPTION_SEVERITIES, EXCEPTION_STATUSES, EXCEPTION_TYPES } from "./constants";
import { exceptions } from "./schema";
import * as clock from "../clock";

export const ZListExceptionsInput = ZPageInput.extend({
  status: z.enum(EXCEPTION_STATUSES).default("open"),
  type: z.enum(EXCEPTION_TYPES).optional(),
});

export const ZException = z.object({
  id: z.string(),
  type: z.enum(EXCEPTION_TYPES),
  severity: z.enum(EXCEPTION_SEVERITIES),
  status: z.enum(EXCEPTION_STATUSES),
  reason: z.string(),
  order: z.string().nullable(),
  customer: z.string().nullable(),
  customerName: z.string().nullable(),
  dueAt: z.string(),
  isOverdue: z.boolean(),
  assignee: z.string().nullable(),
  openedBy: z.string(),
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
  resolvedBy: z.string().nullable(),
  resolution: z.string().nullable(),
});

/** The queue: open exceptions by due time (most urgent first); resolved ones newest first. */
export async function listExceptions(options: { db: DbOrTx; input: z.infer<typeof ZListExceptionsInput>; now?: Date }) {
  const { db, input } = options;
  const now = options.now ?? clock.now();
  const isOpen = input.status === "open";
  const sortColumn = isOpen ? exceptions.dueAt : exceptions.resolvedAt;
  const conditions: (SQL | undefined)[] = [eq(exceptions.status, input.status)];
  if (input.type) conditions.push(eq(exceptions.type, input.type));
  if (input.cursor) {
    const [at, id] = decodeCursor(input.cursor, 2);
    conditions.push(
      isOpen
        ? sql`(${exceptions.dueAt}, ${exceptions.id}) > (${String(at)}::timestamptz, ${String(id)}::uuid)`
        : sql`(${exceptions.resolvedAt}, ${exceptions.id}) < (${String(at)}::timestamptz, ${String(id)}::uuid)`,
    );
  }
  const rows = await db
    .select({ e: exceptions, order: orders.number, customer: customers.code, customerName: customers.name })
    .from(exceptions)
    .leftJoin(orders, eq(orders.id, exceptions.orderId))
    .leftJoin(customers, eq(customers.id, exceptions.customerId))
    .where(and(...conditions))
    .orderBy(isOpen ? asc(sortColumn) : desc(sortColumn), isOpen ? asc(exceptions.id) : desc(exceptions.id))
    .limit(input.limit + 1);
  return toPage(
    rows,
    input.limit,
    ({ e, order, customer, customerName }) => ({
      id: e.id,
      type: e.type,
      severity: e.severity,
      status: e.status,
      reason: e.reason,
      order,
      customer,
      customerName,
      dueAt: e.dueAt.toISOString(),
      isOverdue: e.status === "open" && e.dueAt < now,
      assignee: e.assignee,
      openedBy: e.openedBy,
      createdAt: e.createdAt.toISOString(),
      resolvedAt: e.resolvedAt?.toISOString() ?? null,
      resolvedBy: e.resolvedBy,
      resolution: e.resolution,
    }),
    ({ e }) => [(isOpen ? e.dueAt : e.resolvedAt!).toISOString(), e.id],
  );
}
