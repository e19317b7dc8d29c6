import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission } from "~/app/(desk)/guard";
import { isMissing } from "~/components/fulfillment/not-found";
import { ShipmentActions } from "~/components/fulfillment/shipment-actions";
import { TrackingLink } from "~/components/fulfillment/tracking-link";
import { formatDimensions, formatWeight } from "~/components/fulfillment/units";
import { DateOnly, DateTime, Money } from "~/components/shell/money";
import { StatusBadge } from "~/components/shell/status-badge";
import { Table, TableBody, TableCell, TableFooter, TableHead, TableHeader, TableRow } from "~/components/ui/table";
import { cn } from "~/lib/utils";
import type { TShipment } from "~/server/fulfillment/schemas";
import { api } from "~/trpc/server";

type Props = { params: Promise<{ number: string }> };

export async function generateMetadata({ params }: Props) {
  const { number } = await params;
  return { title: decodeURIComponent(number).toUpperCase() };
}

/** `/fulfillment/shipments/[number]`: header, lines with bins and picks, packages, tracking, what happened when, actions by status and role. */
export default async function ShipmentPage({ params }: Props) {
  const { number: rawNumber } = await params;
  const number = decodeURIComponent(rawNumber).trim().toUpperCase();
  const actor = await requirePermission("fulfillment.view", `/fulfillment/shipments/${rawNumber}`);
  const caller = await api();
  const shipment = await caller.fulfillment.get({ id: number }).catch((error: unknown) => {
    if (isMissing(error)) notFound();
    throw error;
  });
  const order = await caller.orders.get({ number: shipment.order });
  const planned = shipment.lines.reduce((sum, l) => sum + l.quantity, 0);
  const weight = shipment.packages.reduce((sum, p) => sum + p.weightGrams, 0);

  return (
    <>
      <p className="mb-2 text-sm print:hidden">
        <Link href={`/fulfillment?warehouse=${encodeURIComponent(shipment.warehouse)}`} className="text-muted-foreground hover:text-foreground hover:underline">
          ← Fulfillment
        </Link>
      </p>
      <div className="mb-6 flex flex-col gap-4 lg:flex-row lg:items-start lg:justify-between">
        <div className="min-w-0 space-y-1">
          <h1 className="text-xl leading-tight font-semibold tracking-tight">
            Shipment <span className="font-mono">{shipment.number}</span>
          </h1>
          <p className="text-sm text-muted-foreground">
            Order{" "}
            <Link href={`/orders/${encodeURIComponent(shipment.order)}`} className="font-mono font-medium text-foreground hover:underline">
              {shipment.order}
            </Link>{" "}
            for {shipment.customerName} <span className="font-mono text-xs">{shipment.customer}</span> · from {shipment.warehouse}
            {shipment.pickList && (
              <>
                {" "}
                · pick list{" "}
                <Link href={`/fulfillment/pick-lists/${encodeURIComponent(shipment.pickList)}`} className="font-mono font-medium text-foreground hover:underline">
                  {shipment.pickList}
                </Link>
              </>
            )}
          </p>
          <div role="group" aria-label="Status" className="flex flex-wrap items-center gap-1.5 pt-1">
            <StatusBadge status={shipment.status} />
          </div>
        </div>
        <ShipmentActions shipment={shipment} role={actor.role} />
      </div>

      {shipment.status === "delivery_failed" && shipment.failureReason && (
        <p role="status" className="mb-4 rounded-lg border border-danger/25 bg-danger-soft p-3 text-sm text-danger-soft-foreground">
          <span className="font-semibold">Delivery failed: </span>
          {shipment.failureReason}
        </p>
      )}
      {shipment.status === "canceled" && (
        <p role="status" className="mb-4 rounded-lg border bg-muted/60 p-3 text-sm">
          <span className="font-semibold">Canceled: </span>
          {shipment.canceledReason ?? <span className="text-muted-foreground italic">no reason recorded</span>}
        </p>
      )}

      <dl className="grid gap-3 sm:grid-cols-2 xl:grid-cols-4">
        <Fact label="Units">
          <span className="tabular-nums" data-testid="shipment-units">
            {shipment.units}
          </span>
          {shipment.units !== planned && <span className="block text-xs text-warning-soft-foreground">{planned - shipment.units} short of the {planned} planned</span>}
        </Fact>
        <Fact label="Carrier and tracking">
          {shipment.trackingNumber ? <TrackingLink shipment={shipment} /> : <span className="text-muted-foreground">Not shipped yet</span>}
          {shipment.freightCost !== null && (
            <span className="block text-xs text-muted-foreground">
              Freight <Money amount={shipment.freightCost} currency={shipment.currency} />
            </span>
          )}
        </Fact>
        <Fact label="Ship to">
          {order.shipTo ? (
            <address className="not-italic">
              {order.shipTo.line1}, {order.shipTo.city}
              {order.shipTo.region ? `, ${order.shipTo.region}` : ""} {order.shipTo.postalCode}, {order.shipTo.country}
            </address>
          ) : (
            <span className="text-muted-foreground">No ship-to address on the order</span>
          )}
        </Fact>
        <Fact label="Customer reference">{order.customerReference ?? <span className="text-muted-foreground">—</span>}</Fact>
      </dl>

      <section aria-labelledby="lines-heading" className="mt-6">
        <h2 id="lines-heading" className="mb-2 text-sm font-semibold">
          Lines <span className="font-normal text-muted-foreground">({shipment.lines.length})</span>
        </h2>
        <div className="min-w-0 rounded-lg border bg-background">
          <Table aria-label="Shipment lines">
            <TableHeader>
              <TableRow>
                <TableHead numeric className="w-10">
                  #
                </TableHead>
                <TableHead>Bin</TableHead>
                <TableHead>SKU</TableHead>
                <TableHead>Product</TableHead>
                <TableHead numeric>Planned</TableHead>
                <TableHead numeric>Picked</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {shipment.lines.map((line) => {
                const short = line.picked !== null && line.picked < line.quantity;
                return (
                  <TableRow key={line.id}>
                    <TableCell numeric className="text-muted-foreground">
                      {line.lineNo}
                    </TableCell>
                    <TableCell className="font-mono text-sm font-semibold">{line.bin ?? <span className="font-normal text-muted-foreground">—</span>}</TableCell>
                    <TableCell className="font-mono text-xs whitespace-nowrap">
                      <Link href={`/products/${encodeURIComponent(line.sku)}`} className="text-primary hover:underline">
                        {line.sku}
                      </Link>
                    </TableCell>
                    <TableCell>{line.productName}</TableCell>
                    <TableCell numeric>{line.quantity}</TableCell>
                    <TableCell numeric className={cn(short && "font-medium text-warning-soft-foreground")}>
                      {line.picked === null ? <span className="text-muted-foreground">not yet</span> : short ? `${line.picked} (${line.quantity - line.picked} short)` : line.picked}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
            <TableFooter>
              <TableRow>
                <TableCell colSpan={4} className="font-medium">
                  Total
                </TableCell>
                <TableCell numeric>{planned}</TableCell>
                <TableCell numeric>{shipment.lines.every((l) => l.picked === null) ? "—" : shipment.units}</TableCell>
              </TableRow>
            </TableFooter>
          </Table>
        </div>
      </section>

      <div className="mt-6 grid gap-6 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <section aria-labelledby="packages-heading">
          <h2 id="packages-heading" className="mb-2 text-sm font-semibold">
            Packages <span className="font-normal text-muted-foreground">({shipment.packages.length})</span>
          </h2>
          {shipment.packages.length === 0 ? (
            <p className="rounded-lg border border-dashed p-4 text-sm text-muted-foreground">
              {shipment.status === "canceled" ? "It was canceled before it was packed." : "Not packed yet: packages with their weight and contents appear here once it is packed (or shipped)."}
            </p>
          ) : (
            <div className="min-w-0 rounded-lg border bg-background">
              <Table aria-label="Packages">
                <TableHeader>
                  <TableRow>
                    <TableHead numeric className="w-10">
                      #
                    </TableHead>
                    <TableHead numeric>Weight</TableHead>
                    <TableHead>Size</TableHead>
                    <TableHead>Contents</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {shipment.packages.map((p) => (
                    <TableRow key={p.packageNo}>
                      <TableCell numeric className="text-muted-foreground">
                        {p.packageNo}
                      </TableCell>
                      <TableCell numeric>{formatWeight(p.weightGrams)}</TableCell>
                      <TableCell className="whitespace-nowrap">{formatDimensions(p.lengthMm, p.widthMm, p.heightMm) ?? <span className="text-muted-foreground">—</span>}</TableCell>
                      <TableCell>
                        {p.items.map((i) => (
                          <span key={i.sku} className="mr-3 inline-block whitespace-nowrap">
                            {i.quantity} × <span className="font-mono text-xs">{i.sku}</span>
                          </span>
                        ))}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
                {shipment.packages.length > 1 && (
                  <TableFooter>
                    <TableRow>
                      <TableCell className="font-medium">Total</TableCell>
                      <TableCell numeric>{formatWeight(weight)}</TableCell>
                      <TableCell colSpan={2} />
                    </TableRow>
                  </TableFooter>
                )}
              </Table>
            </div>
          )}
        </section>
        <section aria-labelledby="history-heading">
          <h2 id="history-heading" className="mb-2 text-sm font-semibold">
            What happened
          </h2>
          <ShipmentFacts shipment={shipment} />
        </section>
      </div>
    </>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0 rounded-lg border bg-background p-3">
      <dt className="text-xs font-medium text-muted-foreground">{label}</dt>
      <dd className="mt-1 text-sm break-words">{children}</dd>
    </div>
  );
}

/** The shipment's moments, oldest first (the order's timeline has every step with who did it). */
function ShipmentFacts({ shipment: s }: { shipment: TShipment }) {
  const facts: { label: string; when: React.ReactNode; detail?: React.ReactNode }[] = [
    { label: "Planned", when: <DateTime value={s.createdAt} />, detail: `by ${s.plannedBy}` },
  ];
  if (s.pickList) {
    facts.push({
      label: "On a pick list",
      when: (
        <Link href={`/fulfillment/pick-lists/${encodeURIComponent(s.pickList)}`} className="font-mono text-xs text-primary hover:underline">
          {s.pickList}
        </Link>
      ),
    });
  }
  if (s.pickedAt) facts.push({ label: s.status === "canceled" && s.canceledReason === "Nothing was found at picking" ? "Picked: nothing found" : "Picked", when: <DateTime value={s.pickedAt} /> });
  if (s.packedAt) facts.push({ label: "Packed", when: <DateTime value={s.packedAt} />, detail: `${s.packages.length} package${s.packages.length === 1 ? "" : "s"}` });
  if (s.shippedAt) facts.push({ label: "Shipped", when: <DateTime value={s.shippedAt} />, detail: s.shippedBy ? `by ${s.shippedBy}` : null });
  if (s.failureReason && s.status !== "delivered") facts.push({ label: "Delivery failed", when: "", detail: s.failureReason });
  if (s.deliveredOn) facts.push({ label: "Delivered", when: <DateOnly value={s.deliveredOn} /> });
  if (s.canceledAt) facts.push({ label: "Canceled", when: <DateTime value={s.canceledAt} />, detail: s.canceledReason });
  return (
    <ol aria-label="Shipment history" className="grid gap-2 rounded-lg border bg-background p-4 text-sm">
      {facts.map((f) => (
        <li key={f.label} className="grid grid-cols-[8rem_minmax(0,1fr)] gap-x-3">
          <span className="font-medium">{f.label}</span>
          <span className="min-w-0">
            {f.when}
            {f.detail && <span className="text-muted-foreground"> {f.detail}</span>}
          </span>
        </li>
      ))}
    </ol>
  );
}
