import { can, type Action } from "~/server/auth/permissions";
import type { Role } from "~/server/auth/roles";

/**
 * The permission each desk page asks for, by route (`[x]` is one path segment). The desk layout (src/app/(desk)/layout.tsx) checks it
 * before anything streams, so a refused page is a real 403 even where a loading.tsx boundary (inventory)
 * would have sent a 200 before the page's own requirePermission ran; the page keeps its own check for
 * client-side navigations, which do not render the layout again. page-permissions.test.ts reads every page.tsx and
 * fails when this table and a page's requirePermission disagree or a page is missing.
 */
export const PAGE_PERMISSIONS: ReadonlyArray<readonly [route: string, action: Action]> = [
  ["/admin", "admin.view"],
  ["/admin/accounting", "admin.view"],
  ["/admin/api-keys", "apiKeys.manage"],
  ["/admin/carriers", "admin.view"],
  ["/admin/exceptions", "admin.view"],
  ["/admin/import", "imports.manage"],
  ["/admin/import/[id]", "imports.manage"],
  ["/admin/outbox", "outbox.view"],
  ["/admin/policies", "admin.view"],
  ["/admin/pricing", "pricing.view"],
  ["/admin/settings", "admin.view"],
  ["/admin/users", "users.manage"],
  ["/admin/webhooks", "integration.webhooks"],
  ["/customers", "customers.view"],
  ["/customers/new", "customers.create"],
  ["/customers/[code]", "customers.view"],
  ["/customers/[code]/edit", "customers.edit"],
  ["/customers/[code]/statement", "invoices.view"],
  ["/exceptions", "exceptions.view"],
  ["/exceptions/dashboard", "exceptions.dashboard"],
  ["/fulfillment", "fulfillment.view"],
  ["/fulfillment/pick-lists/[number]", "fulfillment.view"],
  ["/fulfillment/shipments/[number]", "fulfillment.view"],
  ["/inventory", "inventory.view"],
  ["/inventory/replenishment", "replenishment.view"],
  ["/inventory/transfers", "inventory.view"],
  ["/inventory/[sku]", "inventory.view"],
  ["/invoices", "invoices.view"],
  ["/invoices/credit-notes", "invoices.view"],
  ["/invoices/credit-notes/[number]", "invoices.view"],
  ["/invoices/journal", "journal.export"],
  ["/invoices/payments", "payments.view"],
  ["/invoices/payments/[id]", "payments.view"],
  ["/invoices/receivables", "receivables.view"],
  ["/invoices/[number]", "invoices.view"],
  ["/orders", "orders.view"],
  ["/orders/new", "orders.create"],
  ["/orders/[number]", "orders.view"],
  ["/products", "products.view"],
  ["/products/new", "products.create"],
  ["/products/[sku]", "products.view"],
  ["/products/[sku]/edit", "products.edit"],
  ["/purchasing", "purchasing.view"],
  ["/purchasing/new", "purchasing.manage"],
  ["/purchasing/vendors", "purchasing.view"],
  ["/purchasing/vendors/[code]", "purchasing.view"],
  ["/purchasing/[number]", "purchasing.view"],
  ["/purchasing/[number]/edit", "purchasing.manage"],
  ["/quotes", "orders.view"],
  ["/reports", "reports.view"],
  ["/returns", "returns.view"],
  ["/returns/[number]", "returns.view"],
];

const ROUTES = PAGE_PERMISSIONS.map(([route, action]) => ({ segments: route.split("/").slice(1), action }));

/** The permission the page at this path asks for (a static segment wins over `[x]`), or undefined. */
export function pagePermission(path: string): Action | undefined {
  const pathname = path.split(/[?#]/, 1)[0]!.replace(/\/+$/, "");
  const segments = pathname.split("/").slice(1);
  let best: { action: Action; score: number } | undefined;
  for (const route of ROUTES) {
    if (route.segments.length !== segments.length) continue;
    let score = 0;
    const isMatch = route.segments.every((segment, i) => {
      if (segment.startsWith("[")) return true;
      score += 1 << (segments.length - i);
      return segment === segments[i];
    });
    if (isMatch && (!best || score > best.score)) best = { action: route.action, score };
  }
  return best?.action;
}

/** Whether a role may open the page at this path (paths the table does not know are left to the page). */
export function mayOpenPage(role: Role | undefined, path: string): boolean {
  const action = pagePermission(path);
  return !action || can(role, action);
}
