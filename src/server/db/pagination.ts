import { z } from "zod";
import { AppError } from "../errors";

/** Lists (docs/api.md): `?limit=` (default 50, max 500) and `?cursor=`; response `{ items, nextCursor }`. */
export const ZPageInput = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(500).optional(),
});
export type TPageInput = z.infer<typeof ZPageInput>;

export const zPage = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

/** Cursors are opaque to clients: the sort key of the last row, base64url-encoded JSON. */
export function encodeCursor(key: unknown[]): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

export function decodeCursor(cursor: string, length: number): (string | number)[] {
  try {
    const key = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown;
    if (Array.isArray(key) && key.length === length && key.every((k) => typeof k === "string" || typeof k === "number")) {
      return key as (string | number)[];
    }
  } catch {
    // fall through
  }
  throw AppError.invalidField("cursor", "is not a cursor this list returned");
}

/** Fetch limit + 1 rows; the extra row only tells whether there is a next page. */
export function toPage<Row, Item>(rows: Row[], limit: number, toItem: (row: Row) => Item, keyOf: (row: Row) => unknown[]) {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { items: page.map(toItem), nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null };
}
