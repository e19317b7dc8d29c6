import { sql, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { DbOrTx } from "./client";
import { executeRows } from "./execute";
import { documentCounters } from "./schema";

/**
 * Document numbers are unique per type and never reused. Most come from a PostgreSQL sequence, which
 * never waits on another transaction (a rolled-back document leaves a gap). Invoices and credit notes
 * must be gapless for the tax authorities: they count in a row of `document_counters`, taken among the
 * last statements before commit (`numberGapless`; after it only the document's timeline entry and, for an
 * invoice, its e-mail to the customer), so the row lock is held for two or three short statements.
 */
export const SEQUENCED_DOCUMENTS = {
  order: { prefix: "SO-", start: 100001, sequence: "order_number_seq" },
  quote: { prefix: "QT-", start: 500001, sequence: "quote_number_seq" },
  return: { prefix: "RMA-", start: 400001, sequence: "return_number_seq" },
  purchase_order: { prefix: "PO-", start: 600001, sequence: "purchase_order_number_seq" },
  shipment: { prefix: "SH-", start: 700001, sequence: "shipment_number_seq" },
  transfer: { prefix: "TR-", start: 800001, sequence: "transfer_number_seq" },
  pick_list: { prefix: "PL-", start: 900001, sequence: "pick_list_number_seq" },
} as const;
export type SequencedDocument = keyof typeof SEQUENCED_DOCUMENTS;

export const GAPLESS_DOCUMENTS = {
  invoice: { prefix: "INV-", start: 200001 },
  credit_note: { prefix: "CN-", start: 300001 },
} as const;
export type GaplessDocument = keyof typeof GAPLESS_DOCUMENTS;

/** The next number of a document type (`SO-100042`): no lock, safe under any concurrency. */
export async function nextDocumentNumber(db: DbOrTx, type: SequencedDocument): Promise<string> {
  const { prefix, sequence } = SEQUENCED_DOCUMENTS[type];
  const [row] = await executeRows<{ value: string }>(db, sql`select nextval(${sequence}::regclass) as value`);
  return `${prefix}${row!.value}`;
}

/** The next number as SQL, to write it in the document's own INSERT (no round trip of its own). */
export function nextDocumentNumberSql(type: SequencedDocument) {
  const { prefix, sequence } = SEQUENCED_DOCUMENTS[type];
  return sql<string>`${prefix} || nextval(${sequence}::regclass)`;
}

/**
 * Gives a gapless document its number in ONE statement: bump the type's counter and write the number
 * into the document's row. Call it as the last statement of the transaction that creates the document:
 * the counter row stays locked only until commit, and a rollback gives the number back.
 */
export async function numberGapless<T extends PgTable>(
  tx: DbOrTx,
  type: GaplessDocument,
  target: { table: T; numberColumn: PgColumn; idColumn: PgColumn; id: string; /** More of the row to set in the same statement (e.g. its status). */ alsoSet?: SQL },
): Promise<string> {
  const { prefix, start } = GAPLESS_DOCUMENTS[type];
  const [row] = await executeRows<{ number: string }>(
    tx,
    sql`with counter as (
          insert into ${documentCounters} (type, next_value) values (${type}, ${start + 1})
          on conflict (type) do update set next_value = ${documentCounters.nextValue} + 1
          returning next_value - 1 as value)
        update ${target.table} set ${sql.identifier(target.numberColumn.name)} = ${prefix} || counter.value${target.alsoSet ? sql`, ${target.alsoSet}` : sql``}
        from counter where ${target.idColumn} = ${target.id}
        returning ${target.numberColumn} as number` as SQL,
  );
  if (!row) throw new Error(`No ${type} with id ${target.id} to number`);
  return row.number;
}
