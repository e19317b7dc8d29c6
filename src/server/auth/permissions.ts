import type { Role } from "./roles";

/**
 * Permissions are data: one table action → roles, enforced on the server by permissionProcedure(action)
 * and used by pages only to hide what a role cannot do.
 */
const ALL: readonly Role[] = ["rep", "warehouse", "finance", "manager", "admin"];
const DESK: readonly Role[] = ["rep", "manager", "admin"];

export const PERMISSIONS = {
  // Areas (sidebar and pages)
  "orders.view": ["rep", "warehouse", "finance", "manager", "admin"],
  "orders.create": DESK,
  "orders.edit": DESK,
  "orders.submit": DESK,
  "orders.cancel": DESK,
  /** Give orders to a desk user to look after (the order list's bulk action). */
  "orders.assign": DESK,
  "orders.releaseHold": ["manager", "admin"],
  /** "Ship what we have, cancel the rest." */
  "orders.close": DESK,
  /** Let an order plan its shipments on its own once every line is reserved. */
  "orders.autoPlan": ["manager", "admin"],
  "quotes.create": DESK,
  "quotes.convert": DESK,
  "exceptions.view": ALL,
  /** Assign, comment, resolve, dismiss, reopen: each type only by its team, managers and admins (exceptions/constants.ts canWork). */
  "exceptions.work": ALL,
  "exceptions.dashboard": ["manager", "admin"],
  /** The SLA table and the restricted list. */
  "exceptions.configure": ["admin"],
  "inventory.view": ALL,
  "fulfillment.view": ["warehouse", "manager", "admin"],
  // Fulfillment: the warehouse plans, picks, packs and ships; everyone who sees orders sees their shipments
  "shipments.view": ALL,
  "fulfillment.plan": ["warehouse", "manager", "admin"],
  "fulfillment.pick": ["warehouse", "manager", "admin"],
  "fulfillment.ship": ["warehouse", "manager", "admin"],
  "fulfillment.deliver": ["warehouse", "manager", "admin"],
  "carriers.manage": ["admin"],
  /** Orchestration policies: everyone reads the route an order follows; admins edit, copy and version them. */
  "policies.view": ALL,
  "policies.manage": ["admin"],
  // Billing: finance bills and collects; reps and managers read; managers approve returns above the value
  "invoices.view": ["rep", "finance", "manager", "admin"],
  /** Invoice what is left on an order, issue drafts, void, price corrections. */
  "invoices.manage": ["finance", "admin"],
  "payments.view": ["rep", "finance", "manager", "admin"],
  /** Record, allocate, un-allocate, refund. */
  "payments.record": ["finance", "admin"],
  "receivables.view": ["finance", "manager", "admin"],
  "journal.export": ["finance", "admin"],
  "returns.view": ALL,
  "returns.create": ["rep", "finance", "manager", "admin"],
  "returns.approve": ["manager", "admin"],
  "returns.receive": ["warehouse", "manager", "admin"],
  /** Company header, return approval value, dunning, overdue hold, account codes. */
  "billing.configure": ["admin"],
  "customers.view": ["rep", "finance", "manager", "admin"],
  "products.view": ALL,
  "reports.view": ["finance", "manager", "admin"],
  "admin.view": ["admin", "manager"],
  // Master data
  "customers.create": ["rep", "finance", "manager", "admin"],
  /** Name, segment, demand class, e-mail addresses, phone, addresses. */
  "customers.edit": ["rep", "finance", "manager", "admin"],
  /** The credit limit the credit check of every new order uses (also a new customer's, above 0). */
  "customers.credit": ["finance", "manager", "admin"],
  /** No new orders for an archived customer. */
  "customers.archive": ["manager", "admin"],
  /** Payment terms, invoice on order, freight terms. */
  "customers.billingTerms": ["finance", "admin"],
  /** Sales tax exemption certificates: they decide whether orders are taxed. */
  "customers.taxExemptions": ["finance", "admin"],
  "products.create": ["manager", "admin"],
  /** Edit, archive and restore products. */
  "products.edit": ["manager", "admin"],
  "warehouses.view": ALL,
  "warehouses.create": ["admin"],
  // Stock
  "stock.view": ALL,
  "stock.adjust": ["warehouse", "manager", "admin"],
  "stock.transfer": ["warehouse", "manager", "admin"],
  /** Demand-class hold-backs and reorder points are configuration. */
  "stock.configure": ["admin"],
  // Purchasing: managers buy, the warehouse receives
  "purchasing.view": ["warehouse", "manager", "admin"],
  "purchasing.manage": ["manager", "admin"],
  "purchasing.receive": ["warehouse", "manager", "admin"],
  "replenishment.view": ["warehouse", "manager", "admin"],
  "replenishment.run": ["manager", "admin"],
  // Pricing: admins configure, managers read, the desk simulates
  "pricing.view": ["manager", "admin"],
  "pricing.manage": ["admin"],
  "pricing.simulate": DESK,
  // Integration
  "apiKeys.manage": ["admin"],
  /** Admin → Webhooks: subscriptions, their secrets and delivery logs, Resend and the test ping. */
  "integration.webhooks": ["admin"],
  /**
   * Admin → Import: upload CSV files, see their checks and runs. Each kind also needs its use case's permission
   * (orders.create, customers.create, products.create, pricing.manage, stock.adjust) to be uploaded and started.
   */
  "imports.manage": ["manager", "admin"],
  "users.manage": ["admin"],
  /** Admin → Settings: segments, tax categories and units. Everyone reads the lists (forms offer them); admins change them. */
  "settings.view": ALL,
  "settings.manage": ["admin"],
  /** The outbox of customer e-mails: what waits, what was sent, what failed and why. */
  "outbox.view": ["admin"],
  /** Send a failed e-mail again (after fixing the address or the mail server). */
  "outbox.retry": ["admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof PERMISSIONS;

export function can(role: Role | undefined | null, action: Action): boolean {
  return !!role && (PERMISSIONS[action] as readonly Role[]).includes(role);
}
