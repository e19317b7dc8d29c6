import { Download } from "lucide-react";
import { Button } from "~/components/ui/button";

/** Query parameters that page a list: an export starts at the top and pages itself. */
const PAGING = new Set(["cursor", "before", "limit", "size"]);

/** The lists `GET /api/v1/exports/{list}.csv` serves (src/server/api/exports.ts). */
export type ExportList = "orders" | "customers" | "products" | "invoices" | "payments" | "credit_notes" | "returns" | "purchase_orders" | "shipments" | "stock" | "exceptions";

type FilterValue = string | number | boolean | undefined | null;

/** `/api/v1/exports/customers.csv?segment=retail` for a list page's current filters (paging dropped). */
export function exportCsvHref(list: ExportList, filters: Record<string, FilterValue | FilterValue[]>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (PAGING.has(key) || value == null) continue;
    for (const v of Array.isArray(value) ? value : [value]) if (v != null && String(v).trim() !== "") query.append(key, String(v));
  }
  const qs = query.toString();
  return `/api/v1/exports/${list}.csv${qs ? `?${qs}` : ""}`;
}

/**
 * "Export CSV": a plain download link to the streamed export of everything the page's filters match
 * (src/app/api/v1/exports), so it works without JavaScript and for a million rows.
 */
export function ExportCsvLink({ href }: { href: string }) {
  return (
    <Button asChild variant="outline" size="sm">
      <a href={href} download>
        <Download aria-hidden />
        Export CSV
      </a>
    </Button>
  );
}
