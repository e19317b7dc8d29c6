import { Readable, Transform } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import { pipeline } from "node:stream/promises";
import { and, eq, sql } from "drizzle-orm";
import Papa from "papaparse";
import type { Actor } from "../auth/actor";
import { can } from "../auth/permissions";
import type { Db } from "../db";
import { insertRows } from "../db/bulk";
import { AppError } from "../errors";
import { headerIndex, normaliseHeader } from "./cells";
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, type ImportKindName } from "./constants";
import { toImportDto, type TImport } from "./dto";
import { IMPORT_KIND_DEFINITIONS, type ImportKind } from "./kinds";
import { emptyRefSets, missingReferences, referenceErrors } from "./references";
import { importRows, imports } from "./schema";

/** Characters handed to papaparse at a time. */
const PARSE_PIECE = 16 * 1024;
/** Rows checked against the database and written per round trip. */
const CHUNK_ROWS = 1_000;

type StagedRow = typeof importRows.$inferInsert;

/** Who may import a kind: the permission of the use case its rows run through. */
export function assertMayImport(actor: Actor, kind: ImportKind) {
  if (actor.readOnly || !can(actor.role, kind.permission)) {
    throw new AppError("forbidden", "FORBIDDEN", `Importing ${kind.label.toLowerCase()} needs the ${kind.permission} permission, which the ${actor.role} role does not have.`);
  }
}

/**
 * Upload → preview: reads the CSV as it streams in (papaparse), checks every row with its kind's zod schema
 * (the API's), the references it names (customers, SKUs, warehouses, price lists) and the rows of one unit
 * against each other, and keeps each row with its errors. Nothing else is written: the run (startImport)
 * does that. An upload that breaks off, is too large or has no header leaves nothing behind.
 */
export async function stageImport(options: { db: Db; actor: Actor; kind: ImportKindName; fileName: string; body: AsyncIterable<Uint8Array> | Readable }): Promise<TImport> {
  const { db, actor } = options;
  const kind = IMPORT_KIND_DEFINITIONS[options.kind];
  assertMayImport(actor, kind);
  // Control characters (a NUL above all: PostgreSQL keeps none in text) have no place in a file's name.
  const fileName = options.fileName.replace(/[\u0000-\u001f\u007f]/g, "").trim().slice(0, 200) || `${options.kind}.csv`;
  const [created] = await db.insert(imports).values({ kind: options.kind, fileName, status: "uploading", createdBy: actor }).returning({ id: imports.id });
  const importId = created!.id;
  try {
    const counts = await readRows(db, importId, kind, options.body);
    const [row] = await db.update(imports).set({ ...counts, status: "ready" }).where(eq(imports.id, importId)).returning();
    return toImportDto(row!);
  } catch (error) {
    await db.delete(imports).where(eq(imports.id, importId));
    throw error;
  }
}

async function readRows(db: Db, importId: string, kind: ImportKind, body: AsyncIterable<Uint8Array> | Readable) {
  let bytes = 0;
  // Decoded here, whole characters per chunk (papaparse decodes each chunk on its own and would break a
  // character cut between two); CRLF and CR become LF (papaparse guesses the line break from the first chunk
  // only: a file arriving in small pieces would keep its CRs in the last column). A CR ending a chunk waits.
  const decoder = new StringDecoder("utf8");
  let carriedCr = false;
  const normalise = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      if (bytes > MAX_IMPORT_BYTES) return done(new AppError("invalid", "FILE_TOO_LARGE", `file: larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB; split it into several files`));
      let text = (carriedCr ? "\r" : "") + decoder.write(chunk);
      carriedCr = text.endsWith("\r");
      if (carriedCr) text = text.slice(0, -1);
      text = text.replace(/\r\n?/g, "\n");
      // Small pieces: papaparse copies what is left of a chunk each time the reader makes it wait (quadratic
      // in a chunk's size: a 1 MB chunk cost seconds).
      for (let at = 0; at < text.length; at += PARSE_PIECE) this.push(text.slice(at, at + PARSE_PIECE));
      done();
    },
    flush(done) {
      done(null, decoder.end() + (carriedCr ? "\n" : ""));
    },
  });
  const parser = Papa.parse(Papa.NODE_STREAM_INPUT, { header: false, skipEmptyLines: "greedy", newline: "\n" });

  let header: string[] | null = null;
  let columnAt: (column: string) => number = () => -1;
  let unusedColumns: string[] = [];
  let rowNo = 1;
  let total = 0;
  let invalid = 0;
  const groups = new Map<string, { groupNo: number; first: unknown; firstRow: number }>();
  const seen = new Map<string, number>();
  /** Units with a refused row: their other rows are refused too (an order is imported whole or not at all). */
  const brokenGroups = new Map<number, number>();
  let chunk: { row: StagedRow; parsed: ReturnType<ImportKind["parse"]> }[] = [];

  // One chunk is checked against the database and written while the next is read: the parser and the database
  // work at once. A failure of a write is thrown by the next flush (or the last).
  let writing: Promise<void> = Promise.resolve();
  const flush = async () => {
    if (chunk.length === 0) return;
    const staged = chunk;
    chunk = [];
    await writing;
    writing = writeChunk(staged);
    writing.catch(() => {});
  };
  const writeChunk = async (staged: { row: StagedRow; parsed: ReturnType<ImportKind["parse"]> }[]) => {
    const wanted = emptyRefSets();
    for (const { parsed } of staged) {
      if (!parsed.ok) continue;
      for (const [key, codes] of Object.entries(parsed.refs) as [keyof typeof wanted, string[]][]) codes.forEach((code) => wanted[key].add(code));
    }
    const missing = await missingReferences(db, wanted);
    for (const entry of staged) {
      if (!entry.parsed.ok) continue;
      const errors = referenceErrors(entry.parsed.refs, missing);
      if (errors.length > 0) refuse(entry.row, errors);
    }
    await insertRows(db, importRows, staged.map((c) => c.row));
  };
  const refuse = (row: StagedRow, errors: string[]) => {
    if (row.status !== "invalid") invalid++;
    row.status = "invalid";
    row.message = [row.message, ...errors].filter(Boolean).join("; ");
    if (kind.wholeUnits && !brokenGroups.has(row.groupNo)) brokenGroups.set(row.groupNo, row.rowNo);
  };

  // The first error wins: one thrown while reading a record aborts the pipeline, which then rejects with an AbortError.
  let failure: unknown;
  const consume = async (records: AsyncIterable<string[]>) => {
    try {
      await readRecords(records);
    } catch (error) {
      failure ??= error;
      // Nothing may still be writing rows once the caller removes the upload.
      await writing.catch(() => {});
      throw error;
    }
  };
  const readRecords = async (records: AsyncIterable<string[]>) => {
    for await (const cells of records) {
      // PostgreSQL keeps no NUL in text: one is shown as U+FFFD and refuses its row (below).
      const hasNul = cells.some((cell) => cell.includes("\u0000"));
      const record = hasNul ? cells.map((cell) => cell.replaceAll("\u0000", "\uFFFD")) : cells;
      if (!header) {
        header = record.map((cell) => cell.replace(/^\uFEFF/, "").trim());
        columnAt = headerIndex(header);
        const known = new Set(kind.columns.map((c) => normaliseHeader(c.name)));
        const missingColumns = kind.columns.filter((c) => c.required && columnAt(c.name) < 0).map((c) => c.name);
        if (missingColumns.length > 0) {
          throw AppError.invalidField("file", `the first row must name the columns; missing: ${missingColumns.join(", ")} (download the template for ${kind.label.toLowerCase()})`);
        }
        unusedColumns = header.filter((name) => name && !known.has(normaliseHeader(name)));
        continue;
      }
      rowNo++;
      total++;
      if (total > MAX_IMPORT_ROWS) throw AppError.invalidField("file", `more than ${MAX_IMPORT_ROWS.toLocaleString("en-US")} rows; split it into several files`);
      const get = (column: string) => record[columnAt(column)] ?? "";
      const read = kind.parse(get);
      const parsed: typeof read = hasNul ? { ok: false, errors: ["row: has a NUL character (is this a text file?)", ...(read.ok ? [] : read.errors)] } : read;
      const values = header.map((_, i) => record[i] ?? "");
      const row: StagedRow = { importId, rowNo, groupNo: -rowNo, values, status: "pending", message: null, result: null };
      const groupKey = kind.groupKeyOf?.(get) ?? (parsed.ok ? parsed.groupKey : null);
      let group = groupKey === null ? undefined : groups.get(groupKey);
      if (groupKey !== null && !group) groups.set(groupKey, (group = { groupNo: groups.size + 1, first: parsed.ok ? parsed.value : null, firstRow: rowNo }));
      if (group) row.groupNo = group.groupNo;
      if (!parsed.ok) {
        refuse(row, parsed.errors);
      } else if (group) {
        group.first ??= parsed.value;
        const conflict = group.first === parsed.value ? null : (kind.conflictsWith?.(group.first, parsed.value) ?? null);
        const earlier = parsed.uniqueKey === undefined ? undefined : seen.get(parsed.uniqueKey);
        if (parsed.uniqueKey !== undefined && earlier === undefined) seen.set(parsed.uniqueKey, rowNo);
        const errors = [conflict, earlier === undefined ? null : `${parsed.uniqueKey} is also on row ${earlier}: give it once`].filter((e): e is string => e !== null);
        if (errors.length > 0) refuse(row, errors);
      }
      chunk.push({ row, parsed });
      if (chunk.length >= CHUNK_ROWS) await flush();
    }
    await flush();
    await writing;
  };
  await pipeline(Readable.from(body), normalise, parser, consume).catch((error: unknown) => {
    throw failure ?? error;
  });
  if (!header) throw AppError.invalidField("file", "is empty: the first row names the columns, each next row is one record");
  if (total === 0) throw AppError.invalidField("file", "has a header but no rows");

  // An order with a refused line is not imported at all: its other lines say which row stopped it.
  for (const [groupNo, culprit] of brokenGroups) {
    if (groupNo < 0) continue;
    const refused = await db
      .update(importRows)
      .set({ status: "invalid", message: sql`'not imported: row ' || ${culprit}::text || ' of the same ${sql.raw(kind.kind === "orders" ? "order" : "unit")} has errors'` })
      .where(and(eq(importRows.importId, importId), eq(importRows.groupNo, groupNo), eq(importRows.status, "pending")))
      .returning({ rowNo: importRows.rowNo });
    invalid += refused.length;
  }
  // Units with something to run (an order whose lines all passed; for other kinds, keys with a valid row).
  const [{ units }] = (await db
    .select({ units: sql<number>`count(distinct ${importRows.groupNo})::int` })
    .from(importRows)
    .where(and(eq(importRows.importId, importId), eq(importRows.status, "pending")))) as [{ units: number }];
  const groupCount = units;
  return { columns: header as string[], unusedColumns, totalRows: total, invalidRows: invalid, groupCount };
}
