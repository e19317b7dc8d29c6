import { orderCsvChunk, orderCsvFileName, orderCsvHeader } from "~/components/orders/order-csv";
import { parseListParams } from "~/components/orders/list-params";
import { createSessionContext } from "~/server/api/context";
import { createCaller } from "~/server/api/root";

export const dynamic = "force-dynamic";

const text = (status: number, body: string) => new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8" } });

/** Rows fetched per round trip while streaming. */
const BATCH = 500;

/**
 * `/orders/export?<the list's filters>&kind=order|quote`: every order the list's filters and search match,
 * as CSV, streamed in keyset pages of 500 through the caller (orders.list, like the page: the same
 * permission and the same sort). Text cells are neutralised against formula injection (order-csv.ts).
 */
export async function GET(req: Request) {
  const url = new URL(req.url);
  const params = parseListParams(url.searchParams);
  const kind = url.searchParams.get("kind") === "quote" ? "quote" : "order";
  const caller = createCaller(await createSessionContext(req.headers));
  const { cursor: _c, before: _b, size: _s, ...filters } = params;
  const input = { ...filters, kind, limit: BATCH } as const;
  let first;
  try {
    // The first page before the response starts: a signed-out or forbidden caller gets a real status.
    first = await caller.orders.list(input);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "UNAUTHORIZED") return text(401, "Sign in first");
    if (code === "FORBIDDEN") return text(403, "Not allowed");
    if (code === "BAD_REQUEST") return text(400, (error as Error).message);
    throw error;
  }
  const encoder = new TextEncoder();
  let page = first;
  let started = false;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(orderCsvHeader() + orderCsvChunk(page.items)));
        if (!page.nextCursor) controller.close();
        return;
      }
      try {
        page = await caller.orders.list({ ...input, cursor: page.nextCursor! });
      } catch (error) {
        controller.error(error);
        return;
      }
      controller.enqueue(encoder.encode(orderCsvChunk(page.items)));
      if (!page.nextCursor) controller.close();
    },
  });
  const today = new Date().toISOString().slice(0, 10);
  return new Response(stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${orderCsvFileName(kind, today)}"`,
      "cache-control": "private, no-store",
    },
  });
}
