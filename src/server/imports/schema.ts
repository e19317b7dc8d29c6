import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { Actor } from "../auth/actor";
import { createdAt, id, timestamps } from "../db/columns";
import { IMPORT_KINDS, IMPORT_ROW_STATUSES, IMPORT_STATUSES } from "./constants";

/** One uploaded CSV file: what it loads, where its run stands, and its counts (kept with each batch). */
export const imports = pgTable(
  "imports",
  {
    id: id(),
    kind: text("kind", { enum: IMPORT_KINDS }).notNull(),
    fileName: text("file_name").notNull(),
    status: text("status", { enum: IMPORT_STATUSES }).notNull().default("uploading"),
    /** The file's header as it was written: the error report repeats it. */
    columns: jsonb("columns").$type<string[]>().notNull().default([]),
    /** Columns of the file the import does not read (told in the preview). */
    unusedColumns: jsonb("unused_columns").$type<string[]>().notNull().default([]),
    totalRows: integer("total_rows").notNull().default(0),
    invalidRows: integer("invalid_rows").notNull().default(0),
    /** Units of work: orders (a customer reference's lines), or rows for the other kinds. */
    groupCount: integer("group_count").notNull().default(0),
    importedRows: integer("imported_rows").notNull().default(0),
    skippedRows: integer("skipped_rows").notNull().default(0),
    failedRows: integer("failed_rows").notNull().default(0),
    /** Who uploaded it, and who started the run (the run acts as them). */
    createdBy: jsonb("created_by").$type<Actor>().notNull(),
    startedBy: jsonb("started_by").$type<Actor>(),
    startedAt: timestamp("started_at", { withTimezone: true, mode: "date", precision: 3 }),
    finishedAt: timestamp("finished_at", { withTimezone: true, mode: "date", precision: 3 }),
    /** Why the upload or the run failed. */
    error: text("error"),
    ...timestamps,
  },
  (t) => [index("imports_created_idx").on(t.createdAt), index("imports_status_idx").on(t.status)],
);

/**
 * A file's rows as they were read (`values`, in the header's order), checked at upload: the run applies the
 * pending ones group by group, and each row keeps its outcome and what it made (an order number).
 */
export const importRows = pgTable(
  "import_rows",
  {
    importId: uuid("import_id")
      .notNull()
      .references(() => imports.id, { onDelete: "cascade" }),
    /** The row's number in the file, the header being row 1 (as a spreadsheet shows it). */
    rowNo: integer("row_no").notNull(),
    /** Rows of one unit (an order's lines) share it; units run in its order. */
    groupNo: integer("group_no").notNull(),
    values: jsonb("values").$type<string[]>().notNull(),
    status: text("status", { enum: IMPORT_ROW_STATUSES }).notNull(),
    /** Why it was refused or failed, or why it was skipped; field names first ("quantity: …"). */
    message: text("message"),
    /** What it made or matched: an order number, a customer code. */
    result: text("result"),
  },
  (t) => [primaryKey({ columns: [t.importId, t.rowNo] }), index("import_rows_pending_idx").on(t.importId, t.status, t.groupNo)],
);

/**
 * Orders an import made, by customer and reference: importing the same file again (or another file with the
 * same order) skips them. Written in the order's own transaction.
 */
export const importedOrders = pgTable(
  "imported_orders",
  {
    customer: text("customer").notNull(),
    customerReference: text("customer_reference").notNull(),
    orderNumber: text("order_number").notNull(),
    importId: uuid("import_id").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.customer, t.customerReference] })],
);
