import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "./client";
import { documentSequences } from "./schema";

export const DOCUMENT_TYPES = {
  order: { prefix: "SO-", start: 100001 },
  quote: { prefix: "QT-", start: 500001 },
  invoice: { prefix: "INV-", start: 200001 },
  credit_note: { prefix: "CN-", start: 300001 },
  return: { prefix: "RMA-", start: 400001 },
  purchase_order: { prefix: "PO-", start: 600001 },
  shipment: { prefix: "SH-", start: 700001 },
  transfer: { prefix: "TR-", start: 800001 },
} as const;
export type DocumentType = keyof typeof DOCUMENT_TYPES;

/**
 * Takes the next number of a document type. Call it inside the document's transaction: the row lock
 * serialises writers and a rollback returns the number, so numbers are sequential and never reused.
 */
export async function nextDocumentNumber(tx: DbOrTx, type: DocumentType): Promise<string> {
  const { prefix, start } = DOCUMENT_TYPES[type];
  const [row] = await tx
    .insert(documentSequences)
    .values({ type, prefix, nextValue: start + 1 })
    .onConflictDoUpdate({ target: documentSequences.type, set: { nextValue: sql`${documentSequences.nextValue} + 1` } })
    .returning({ value: sql<number>`${documentSequences.nextValue} - 1`.mapWith(Number) });
  if (!row) throw new Error(`No sequence row for ${type}`);
  return `${prefix}${row.value}`;
}

/** Reserves `count` numbers at once (bulk imports and the seed). Returns the first value. */
export async function reserveDocumentNumbers(tx: DbOrTx, type: DocumentType, count: number): Promise<number> {
  const { prefix, start } = DOCUMENT_TYPES[type];
  const [row] = await tx
    .insert(documentSequences)
    .values({ type, prefix, nextValue: start + count })
    .onConflictDoUpdate({
      target: documentSequences.type,
      set: { nextValue: sql`${documentSequences.nextValue} + ${count}` },
    })
    .returning({ next: documentSequences.nextValue });
  if (!row) throw new Error(`No sequence row for ${type}`);
  return row.next - count;
}

export async function peekDocumentNumber(db: DbOrTx, type: DocumentType) {
  const [row] = await db.select().from(documentSequences).where(eq(documentSequences.type, type));
  return row ? `${row.prefix}${row.nextValue}` : `${DOCUMENT_TYPES[type].prefix}${DOCUMENT_TYPES[type].start}`;
}
