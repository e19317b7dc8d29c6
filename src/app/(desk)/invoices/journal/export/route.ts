import { journalCsv, journalFileName } from "~/components/billing/journal-csv";
import { isIsoDate } from "~/components/billing/receivables-format";
import { createSessionContext } from "~/server/api/context";
import { createCaller } from "~/server/api/root";

export const dynamic = "force-dynamic";

const text = (status: number, body: string) => new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8" } });

/**
 * `/invoices/journal/export?from=2026-03-01&to=2026-03-31&format=csv|json`: the period's journal as a file,
 * through the caller (journal.export, like the page). CSV for spreadsheets and accounting imports (UTF-8
 * with a byte-order mark, formula cells neutralised); JSON exactly as the API returns it (minor units).
 */
export async function GET(req: Request) {
  const url = new URL(req.url);
  const from = url.searchParams.get("from") ?? undefined;
  const to = url.searchParams.get("to") ?? undefined;
  const format = url.searchParams.get("format") ?? "csv";
  if (format !== "csv" && format !== "json") return text(400, 'format must be "csv" or "json"');
  if (!isIsoDate(from) || !isIsoDate(to)) return text(400, "from and to must be dates like 2026-03-01");
  if (from > to) return text(400, "from must be on or before to");
  const caller = createCaller(await createSessionContext(req.headers));
  try {
    const journal = await caller.receivables.journal({ from, to });
    const headers = { "content-disposition": `attachment; filename="${journalFileName(from, to, format)}"`, "cache-control": "private, no-store" };
    if (format === "json") return new Response(`${JSON.stringify(journal, null, 2)}\n`, { headers: { ...headers, "content-type": "application/json; charset=utf-8" } });
    return new Response(`\uFEFF${journalCsv(journal)}\r\n`, { headers: { ...headers, "content-type": "text/csv; charset=utf-8" } });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "UNAUTHORIZED") return text(401, "Sign in first");
    if (code === "FORBIDDEN") return text(403, "Not allowed");
    if (code === "BAD_REQUEST") return text(400, (error as Error).message);
    throw error;
  }
}
