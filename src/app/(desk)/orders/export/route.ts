import { parseListParams } from "~/components/orders/list-params";
import { createSessionContext } from "~/server/api/context";
import { EXPORT_LISTS, streamListCsv } from "~/server/api/exports";
import { restError } from "~/server/api/rest";

export const dynamic = "force-dynamic";

/**
 * `/orders/export?<the order list's own URL>&kind=order|quote`: the list page's Export CSV. The page's URL
 * parameters become orders.list's filters as the page reads them; the streaming is the shared export's
 * (`GET /api/v1/exports/orders.csv` takes the procedure's own parameter names).
 */
export async function GET(req: Request) {
  const url = new URL(req.url);
  const { cursor: _c, before: _b, size: _s, ...filters } = parseListParams(url.searchParams);
  const kind = url.searchParams.get("kind") === "quote" ? "quote" : "order";
  try {
    return await streamListCsv(await createSessionContext(req.headers), EXPORT_LISTS.orders, { ...filters, kind });
  } catch (error) {
    return restError(error);
  }
}
