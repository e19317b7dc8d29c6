import { PackageOpen } from "lucide-react";
import Link from "next/link";
import { Fragment } from "react";
import { TrackingLink } from "~/components/fulfillment/tracking-link";
import { formatWeight } from "~/components/fulfillment/units";
import { DateOnly, DateTime } from "~/components/shell/money";
import { StatusBadge } from "~/components/shell/status-badge";
import { cn } from "~/lib/utils";
import { can } from "~/server/auth/permissions";
import type { Role } from "~/server/auth/roles";
import { OPEN_SHIPMENT_STATUSES } from "~/server/fulfillment/constants";
import type { TShipment } from "~/server/fulfillment/schemas";
import type { TOrder } from "~/server/orders/schemas";
import { AutoPlanToggle, PlanShipmentButton } from "./order-shipment-actions";

/**
 * Units reserved for the order that are not on a shipment yet, per warehouse: what "Plan shipment" can
 * plan. Reserved units sit in allocations (per SKU); shipments that have not left hold some of them.
 */
export function plannableByWarehouse(order: Pick<TOrder, "lines">, shipments: Pick<TShipment, "status" | "warehouse" | "lines">[]): { warehouse: string; units: number }[] {
  const reserved = new Map<string, number>();
  const seenSkus = new Set<string>();
  for (const line of order.lines) {
    if (seenSkus.has(line.sku)) continue; // allocations are per SKU, repeated on each of its lines
    seenSkus.add(line.sku);
    for (const a of line.allocations) reserved.set(`${a.warehouse}|${line.sku}`, (reserved.get(`${a.warehouse}|${line.sku}`) ?? 0) + a.quantity);
  }
  for (const s of shipments) {
    if (!(OPEN_SHIPMENT_STATUSES as readonly string[]).includes(s.status)) continue;
    for (const l of s.lines) {
      const key = `${s.warehouse}|${l.sku}`;
      if (reserved.has(key)) reserved.set(key, reserved.get(key)! - (l.picked ?? l.quantity));
    }
  }
  const byWarehouse = new Map<string, number>();
  for (const [key, units] of reserved) {
    if (units <= 0) continue;
    const warehouse = key.split("|")[0]!;
    byWarehouse.set(warehouse, (byWarehouse.get(warehouse) ?? 0) + units);
  }
  return [...byWarehouse].map(([warehouse, units]) => ({ warehouse, units })).sort((a, b) => a.warehouse.localeCompare(b.warehouse));
}

/** The order page's Shipments: each with status, warehouse, contents, packages and tracking; planning and auto-planning by role. */
export function OrderShipments({ order, shipments, role }: { order: TOrder; shipments: TShipment[]; role: Role }) {
  const ordered = order.lines.reduce((n, l) => n + l.quantity, 0);
  const shipped = order.lines.reduce((n, l) => n + l.shipped, 0);
  const linkShipments = can(role, "fulfillment.view");
  const plannable = order.status === "open" ? plannableByWarehouse(order, shipments) : [];
  const canPlan = can(role, "fulfillment.plan") && plannable.length > 0;
  const live = order.status === "open" || order.status === "on_hold" || order.status === "draft";
  const canAutoPlan = can(role, "orders.autoPlan") && live;

  return (
    <section aria-labelledby="shipments-heading" className="mt-6">
      <div className="mb-2 flex flex-wrap items-center justify-between gap-x-4 gap-y-2">
        <h2 id="shipments-heading" className="text-sm font-semibold">
          Shipments <span className="font-normal text-muted-foreground">({shipments.length})</span>
          <span className="ml-2 font-normal text-muted-foreground" data-testid="units-shipped">
            {shipped} of {ordered} unit{ordered === 1 ? "" : "s"} shipped
          </span>
        </h2>
        <div className="flex flex-wrap items-center gap-3">
          {canAutoPlan && <AutoPlanToggle order={order} />}
          {!canAutoPlan && order.autoPlan && <span className="text-xs text-muted-foreground">Shipments are planned automatically once every line is reserved.</span>}
          {canPlan && <PlanShipmentButton order={order} plannable={plannable} />}
        </div>
      </div>
      {shipments.length === 0 ? (
        <div className="flex items-center gap-3 rounded-lg border border-dashed p-4 text-sm text-muted-foreground">
          <PackageOpen aria-hidden className="size-5 shrink-0" />
          <p>
            No shipments yet.{" "}
            {order.status === "open"
              ? "Shipments planned from reserved stock appear here with their status, packages and tracking links."
              : order.status === "canceled"
                ? "The order was canceled."
                : "Only an open order ships."}
          </p>
        </div>
      ) : (
        <ul aria-label="Shipments" className="grid gap-2">
          {shipments.map((s) => (
            <ShipmentCard key={s.number} shipment={s} link={linkShipments} />
          ))}
        </ul>
      )}
    </section>
  );
}

function ShipmentCard({ shipment: s, link }: { shipment: TShipment; link: boolean }) {
  const weight = s.packages.reduce((sum, p) => sum + p.weightGrams, 0);
  const short = s.lines.filter((l) => l.picked !== null && l.picked < l.quantity);
  return (
    <li aria-label={`Shipment ${s.number}`} className={cn("grid gap-x-6 gap-y-2 rounded-lg border bg-background p-3 text-sm md:grid-cols-[minmax(11rem,auto)_minmax(0,1fr)_minmax(0,auto)]", s.status === "canceled" && "bg-muted/40")}>
      <div className="grid content-start gap-1">
        <span className="flex flex-wrap items-center gap-2">
          {link ? (
            <Link href={`/fulfillment/shipments/${encodeURIComponent(s.number)}`} className="font-mono font-medium text-primary hover:underline">
              {s.number}
            </Link>
          ) : (
            <span className="font-mono font-medium">{s.number}</span>
          )}
          <StatusBadge status={s.status} />
        </span>
        <span className="text-xs text-muted-foreground">
          from {s.warehouse} · {s.units} unit{s.units === 1 ? "" : "s"}
        </span>
      </div>
      <div className="grid min-w-0 content-start gap-1">
        <p className="min-w-0">
          {/* The separator sits outside each nowrap item, so a long list wraps between lines. */}
          {s.lines.map((l, i) => (
            <Fragment key={l.id}>
              {i > 0 && ", "}
              <span className="whitespace-nowrap">
                {l.picked ?? l.quantity} × <span className="font-mono text-xs">{l.sku}</span>
              </span>
            </Fragment>
          ))}
        </p>
        {short.length > 0 && (
          <p className="text-xs text-warning-soft-foreground">
            Short at picking: {short.map((l) => `${l.quantity - l.picked!} × ${l.sku}`).join(", ")} (went back to the order)
          </p>
        )}
        {s.packages.length > 0 && (
          <p className="text-xs text-muted-foreground">
            {s.packages.length} package{s.packages.length === 1 ? "" : "s"}, {formatWeight(weight)}
          </p>
        )}
        {s.status === "delivery_failed" && s.failureReason && <p className="text-xs text-danger-soft-foreground">Delivery failed: {s.failureReason}</p>}
        {s.status === "canceled" && s.canceledReason && <p className="text-xs text-muted-foreground">Canceled: {s.canceledReason}</p>}
      </div>
      <div className="grid content-start gap-1 md:text-right">
        {s.trackingNumber ? <TrackingLink shipment={s} /> : <span className="text-xs text-muted-foreground">{s.status === "canceled" ? "" : "Not shipped yet"}</span>}
        {s.shippedAt && (
          <span className="text-xs text-muted-foreground">
            Shipped <DateTime value={s.shippedAt} />
          </span>
        )}
        {s.deliveredOn && (
          <span className="text-xs text-muted-foreground">
            Delivered <DateOnly value={s.deliveredOn} />
          </span>
        )}
      </div>
    </li>
  );
}
