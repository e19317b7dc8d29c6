import { z } from "zod";
import { IMPORT_KINDS, IMPORT_ROW_STATUSES, IMPORT_STATUSES } from "./constants";
import type { imports } from "./schema";

export const ZImport = z.object({
  id: z.string(),
  kind: z.enum(IMPORT_KINDS),
  fileName: z.string(),
  status: z.enum(IMPORT_STATUSES),
  columns: z.array(z.string()),
  /** Columns of the file the import does not read. */
  unusedColumns: z.array(z.string()),
  totalRows: z.number().int(),
  /** Refused by the check at upload: never written. */
  invalidRows: z.number().int(),
  validRows: z.number().int(),
  /** Orders (for an order file) or rows the valid rows make. */
  groupCount: z.number().int(),
  importedRows: z.number().int(),
  skippedRows: z.number().int(),
  failedRows: z.number().int(),
  /** Valid rows the run has not reached yet. */
  pendingRows: z.number().int(),
  createdBy: z.string(),
  startedBy: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  updatedAt: z.string(),
  error: z.string().nullable(),
});
export type TImport = z.infer<typeof ZImport>;

export const ZImportRow = z.object({
  rowNo: z.number().int(),
  status: z.enum(IMPORT_ROW_STATUSES),
  message: z.string().nullable(),
  result: z.string().nullable(),
  /** The row's cells, in the order of the import's `columns`. */
  values: z.array(z.string()),
});
export type TImportRow = z.infer<typeof ZImportRow>;

export function toImportDto(row: typeof imports.$inferSelect): TImport {
  const validRows = row.totalRows - row.invalidRows;
  return {
    id: row.id,
    kind: row.kind,
    fileName: row.fileName,
    status: row.status,
    columns: row.columns,
    unusedColumns: row.unusedColumns,
    totalRows: row.totalRows,
    invalidRows: row.invalidRows,
    validRows,
    groupCount: row.groupCount,
    importedRows: row.importedRows,
    skippedRows: row.skippedRows,
    failedRows: row.failedRows,
    pendingRows: Math.max(0, validRows - row.importedRows - row.skippedRows - row.failedRows),
    createdBy: row.createdBy.name,
    startedBy: row.startedBy?.name ?? null,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
    error: row.error,
  };
}
