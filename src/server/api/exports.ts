import type { AnyProcedure } from "@trpc/server";
import { TRPCError } from "@trpc/server";
import { unparseRows } from "~/lib/csv-cell";
import type { Db } from "../db";
import { createSessionContext } from "./context";
import {
  creditNoteColumns,
  customerColumns,
  exceptionColumns,
  invoiceColumns,
  orderColumns,
  paymentColumns,
  productColumns,
  purchaseOrderColumns,
  returnColumns,
  shipmentColumns,
  stockColumns,
  type ExportColumns,
} from "./export-columns";
import { queryInput } from "./query-input";
import { restError, withApiKey } from "./rest";
import { appRouter, createCaller } from "./root";
import type { Context } from "./trpc";

type Page = { items: unknown[]; nextCursor: string | null };
/** `file` names the download (before `-<date>.csv`); a function when the filters decide it (quotes vs orders). */
type ExportList = { procedure: string; file: string | ((filters: Record<string, unknown>) => string); columns: ExportColumns<never> };

/**
 * The lists `GET /api/v1/exports/{list}.csv` serves: each is paged through its own list procedure (its
 * permission, its filters as query parameters, its keyset cursor), so an export is exactly the list.
 */
export const EXPORT_LISTS = {
  orders: { procedure: "orders.list", file: (filters) => (filters.kind === "quote" ? "quotes" : "orders"), columns: orderColumns },
  customers: { procedure: "customers.list", file: "customers", columns: customerColumns },
  products: { procedure: "products.list", file: "products", columns: productColumns },
  invoices: { procedure: "invoices.list", file: "invoices", columns: invoiceColumns },
  payments: { procedure: "payments.list", file: "payments", columns: paymentColumns },
  credit_notes: { procedure: "creditNotes.list", file: "credit-notes", columns: creditNoteColumns },
  returns: { procedure: "returns.list", file: "returns", columns: returnColumns },
  purchase_orders: { procedure: "purchasing.orders.list", file: "purchase-orders", columns: purchaseOrderColumns },
  shipments: { procedure: "fulfillment.list", file: "shipments", columns: shipmentColumns },
  stock: { procedure: "inventory.grid", file: "stock", columns: stockColumns },
  exceptions: { procedure: "exceptions.list", file: "exceptions", columns: exceptionColumns },
} satisfies Record<string, ExportList>;
export type ExportListName = keyof typeof EXPORT_LISTS;

/** Rows fetched per round trip while streaming (the list procedures' largest page). */
export const EXPORT_BATCH = 500;

/** Query parameters that page the list: the export starts at the top and pages itself. */
const PAGING = new Set(["cursor", "before", "limit", "size"]);

/**
 * Serves an export to a signed-in user (session cookie) or another system (`Authorization: Bearer <key>`);
 * errors answer as the REST door's do (401 signed out, 403 without the list's permission, 404 unknown list).
 */
export async function handleExport(req: Request, getDb: () => Promise<Db>, segment: string): Promise<Response> {
  const params = new URL(req.url).searchParams;
  if (req.headers.get("authorization")) return withApiKey(req, getDb, (ctx) => exportCsvResponse(ctx, segment, params));
  try {
    return await exportCsvResponse(await createSessionContext(req.headers), segment, params);
  } catch (error) {
    return restError(error);
  }
}

/** The list named by `segment` (`customers.csv`), its filters taken from the query parameters as its procedure reads them. */
export async function exportCsvResponse(ctx: Context, segment: string, params: URLSearchParams, batch = EXPORT_BATCH): Promise<Response> {
  const name = /^([a-z_]+)\.csv$/.exec(segment)?.[1];
  const list = name && Object.hasOwn(EXPORT_LISTS, name) ? (EXPORT_LISTS[name as ExportListName] as ExportList) : null;
  if (!list) throw new TRPCError({ code: "NOT_FOUND", message: `No export ${segment}: use one of ${Object.keys(EXPORT_LISTS).map((l) => `${l}.csv`).join(", ")}.` });
  const procedure = (appRouter._def.procedures as unknown as Record<string, AnyProcedure>)[list.procedure]!;
  const filters = Object.fromEntries(Object.entries(queryInput(procedure, params)).filter(([key]) => !PAGING.has(key)));
  return streamListCsv(ctx, list, filters, batch);
}

/**
 * A list as a CSV stream: the first page is read before answering (so a refusal is a real status), then each
 * next page only when the client has taken the previous one (`pull`), `batch` rows at a time through the
 * keyset cursor. Memory stays one page whatever the list's size.
 */
export async function streamListCsv(ctx: Context, list: ExportList, filters: Record<string, unknown>, batch = EXPORT_BATCH): Promise<Response> {
  const call = list.procedure.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], createCaller(ctx)) as (input: unknown) => Promise<Page>;
  const rows = list.columns.rows as (items: unknown[]) => string[][];
  const chunk = (items: unknown[]) => (items.length ? `${unparseRows(rows(items))}\r\n` : "");

  let page = await call({ ...filters, limit: batch });
  const encoder = new TextEncoder();
  let started = false;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        // The byte-order mark tells spreadsheets the file is UTF-8.
        controller.enqueue(encoder.encode(`\uFEFF${unparseRows([[...list.columns.columns]])}\r\n${chunk(page.items)}`));
      } else {
        try {
          page = await call({ ...filters, limit: batch, cursor: page.nextCursor });
        } catch (error) {
          controller.error(error);
          return;
        }
        controller.enqueue(encoder.encode(chunk(page.items)));
      }
      if (!page.nextCursor) controller.close();
    },
  });
  const file = typeof list.file === "function" ? list.file(filters) : list.file;
  const today = new Date().toISOString().slice(0, 10);
  return new Response(stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${file}-${today}.csv"`,
      "cache-control": "private, no-store, no-transform",
    },
  });
}
