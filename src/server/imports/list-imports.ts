import { and, desc, eq, lt, ne, or, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../db";
import { decodeCursor, toPage, type TPageInput } from "../db/pagination";
import { AppError } from "../errors";
import { toImportDto, type TImport } from "./dto";
import { imports } from "./schema";

/** Imports newest first (discarded uploads left out), keyset-paged on creation time and id. */
export async function listImports(options: { db: DbOrTx; input: TPageInput }): Promise<{ items: TImport[]; nextCursor: string | null }> {
  const { db, input } = options;
  const conditions: SQL[] = [ne(imports.status, "discarded")];
  if (input.cursor) {
    const [at, id] = decodeCursor(input.cursor, 2) as [string, string];
    const when = new Date(at);
    if (Number.isNaN(when.getTime())) throw AppError.invalidField("cursor", "is not a cursor this list returned");
    conditions.push(or(lt(imports.createdAt, when), and(eq(imports.createdAt, when), lt(imports.id, id)))!);
  }
  const rows = await db
    .select()
    .from(imports)
    .where(and(...conditions))
    .orderBy(desc(imports.createdAt), desc(imports.id))
    .limit(input.limit + 1);
  return toPage(rows, input.limit, toImportDto, (r) => [r.createdAt.toISOString(), r.id]);
}

export async function getImport(options: { db: DbOrTx; id: string }): Promise<TImport> {
  const [row] = await options.db.select().from(imports).where(eq(imports.id, options.id));
  if (!row) throw AppError.notFound("import", options.id);
  return toImportDto(row);
}
