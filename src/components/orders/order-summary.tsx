import { AlertTriangle, Ban, FileText } from "lucide-react";
import Link from "next/link";
import { DateOnly, DateTime, Money } from "~/components/shell/money";
import { Badge } from "~/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "~/components/ui/card";
import { cn } from "~/lib/utils";
import type { TAddress } from "~/server/customers";
import { EXCEPTION_LABELS, isActiveException } from "~/server/exceptions/constants";
import type { TOrder } from "~/server/orders/schemas";
import { channelLabel } from "./list-params";

/** Banners above the order: hold with its open exceptions, cancellation reason, quote validity and conversion links. */
export function OrderBanners({ order, today }: { order: TOrder; today: string }) {
  const openExceptions = order.exceptions.filter((e) => isActiveException(e.status));
  const isQuote = order.kind === "quote";
  return (
    <div className="mb-4 grid gap-3 empty:hidden">
      {(order.status === "on_hold" || openExceptions.length > 0) && (
        <section
          aria-label={order.status === "on_hold" ? "On hold" : "Open exceptions"}
          className={cn(
            "rounded-lg border p-4",
            order.status === "on_hold" ? "border-warning/40 bg-warning-soft text-warning-soft-foreground" : "border-info/30 bg-info-soft text-info-soft-foreground",
          )}
        >
          <h2 className="flex items-center gap-2 text-sm font-semibold">
            <AlertTriangle className="size-4" aria-hidden />
            {order.status === "on_hold"
              ? "On hold — this order does not move on until its blocking exceptions are resolved"
              : `${openExceptions.length} open exception${openExceptions.length === 1 ? "" : "s"}`}
          </h2>
          {openExceptions.length > 0 ? (
            <ul className="mt-2 grid gap-2">
              {openExceptions.map((e) => (
                <li key={e.id} className="grid gap-0.5 rounded-md bg-background/70 px-3 py-2 text-sm text-foreground">
                  <span className="flex flex-wrap items-center gap-2">
                    <span className="font-medium">{EXCEPTION_LABELS[e.type]}</span>
                    <Badge variant={e.severity === "critical" || e.severity === "high" ? "danger" : "warning"}>{e.severity}</Badge>
                    <span className="text-xs text-muted-foreground">
                      due <DateTime value={e.dueAt} /> · {e.assignee ? `assigned to ${e.assignee}` : "unassigned"}
                    </span>
                  </span>
                  <span>{e.reason}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-1 text-sm">No open exception is recorded for this hold. The timeline shows why it was held.</p>
          )}
          <p className="mt-2 text-xs">
            <Link href={openExceptions.length > 0 ? `/exceptions?view=all&order=${encodeURIComponent(order.number)}` : "/exceptions"} className="underline">
              {openExceptions.length > 0 ? "Work them in the exception queue" : "Open the exception queue"}
            </Link>
          </p>
        </section>
      )}
      {order.status === "canceled" && (
        <section aria-label="Canceled" className="flex items-start gap-2 rounded-lg border bg-muted/60 p-4 text-sm">
          <Ban className="mt-0.5 size-4 shrink-0 text-muted-foreground" aria-hidden />
          <div>
            <p className="font-semibold">This {isQuote ? "quote" : "order"} was canceled.</p>
            <p>
              <span className="text-muted-foreground">Reason: </span>
              {order.canceledReason ?? <span className="text-muted-foreground italic">none recorded</span>}
            </p>
          </div>
        </section>
      )}
      {isQuote && (
        <section aria-label="Quote" className="flex flex-wrap items-center gap-2 rounded-lg border border-info/30 bg-info-soft p-3 text-sm text-info-soft-foreground">
          <FileText className="size-4" aria-hidden />
          {order.convertedTo ? (
            <span>
              Converted to order{" "}
              <Link href={`/orders/${encodeURIComponent(order.convertedTo)}`} className="font-mono font-medium underline">
                {order.convertedTo}
              </Link>
              .
            </span>
          ) : order.validUntil && order.validUntil < today && order.status === "draft" ? (
            <span>
              Expired on <DateOnly value={order.validUntil} />. Duplicate it into a new quote or order to sell at today&apos;s prices.
            </span>
          ) : (
            <span>
              Valid until <DateOnly value={order.validUntil} className="font-medium" />. Converting re-prices it at the day&apos;s prices.
            </span>
          )}
        </section>
      )}
      {order.convertedFrom && (
        <p className="text-sm text-muted-foreground">
          Converted from quote{" "}
          <Link href={`/orders/${encodeURIComponent(order.convertedFrom)}`} className="font-mono text-primary hover:underline">
            {order.convertedFrom}
          </Link>
          .
        </p>
      )}
    </div>
  );
}

/** Details, totals and addresses of an order, as cards. */
export function OrderSummaryCards({ order }: { order: TOrder }) {
  const isQuote = order.kind === "quote";
  return (
    <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-[minmax(0,1.4fr)_minmax(0,1fr)_minmax(0,1fr)_minmax(0,1fr)]">
      <Card className="gap-3 py-4">
        <CardHeader className="px-4">
          <CardTitle>Details</CardTitle>
        </CardHeader>
        <CardContent className="px-4">
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1.5 text-sm">
            <Row label="Customer reference">{order.customerReference ?? <None />}</Row>
            <Row label="Channel">{channelLabel(order.channel)}</Row>
            <Row label="Requested">
              <DateOnly value={order.requestedDate} />
            </Row>
            {!isQuote && (
              <Row label="Promised">
                {order.promisedDate ? <DateOnly value={order.promisedDate} className="font-medium" /> : <None text="not yet" />}
              </Row>
            )}
            {isQuote && (
              <Row label="Valid until">
                <DateOnly value={order.validUntil} />
              </Row>
            )}
            {!isQuote && (
              <Row label="Submitted">{order.submittedAt ? <DateTime value={order.submittedAt} /> : <None text="not yet" />}</Row>
            )}
            <Row label="Version">
              <span className="tabular-nums">{order.version}</span>
            </Row>
          </dl>
        </CardContent>
      </Card>
      <Card className="gap-3 py-4">
        <CardHeader className="px-4">
          <CardTitle>Totals</CardTitle>
        </CardHeader>
        <CardContent className="px-4">
          <dl className="grid grid-cols-[1fr_auto] gap-y-1.5 text-sm">
            <dt className="text-muted-foreground">Subtotal</dt>
            <dd className="text-right">
              <Money amount={order.subtotal} currency={order.currency} />
            </dd>
            <dt className="text-muted-foreground">Discount</dt>
            <dd className="text-right">
              <Money amount={order.discountTotal === 0 ? 0 : -order.discountTotal} currency={order.currency} />
            </dd>
            <dt className="text-muted-foreground">Tax</dt>
            <dd className="text-right">
              <Money amount={order.taxTotal} currency={order.currency} />
            </dd>
            <dt className="text-muted-foreground">Shipping</dt>
            <dd className="text-right">
              <Money amount={order.shippingTotal} currency={order.currency} />
            </dd>
            <dt className="border-t pt-1.5 font-semibold">Total</dt>
            <dd className="border-t pt-1.5 text-right text-base font-semibold" data-testid="order-total">
              <Money amount={order.total} currency={order.currency} />
            </dd>
          </dl>
        </CardContent>
      </Card>
      <AddressCard title="Ship to" address={order.shipTo} empty="No ship-to address — needed before submit." />
      <AddressCard title="Bill to" address={order.billTo} empty="No bill-to address on this order." />
      {order.notes && (
        <Card className="gap-2 py-4 md:col-span-2 xl:col-span-4">
          <CardHeader className="px-4">
            <CardTitle>Notes</CardTitle>
          </CardHeader>
          <CardContent className="px-4 text-sm whitespace-pre-line">{order.notes}</CardContent>
        </Card>
      )}
    </div>
  );
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <>
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="min-w-0 text-right">{children}</dd>
    </>
  );
}

function None({ text = "—" }: { text?: string }) {
  return <span className="text-muted-foreground">{text}</span>;
}

function AddressCard({ title, address, empty }: { title: string; address: TAddress | null; empty: string }) {
  return (
    <Card className="gap-3 py-4">
      <CardHeader className="px-4">
        <CardTitle>{title}</CardTitle>
      </CardHeader>
      <CardContent className="px-4 text-sm">
        {address ? (
          <address className="not-italic">
            {address.line1}
            <br />
            {address.city}
            {address.region ? `, ${address.region}` : ""} {address.postalCode}
            <br />
            {address.country}
          </address>
        ) : (
          <p className="text-muted-foreground">{empty}</p>
        )}
      </CardContent>
    </Card>
  );
}
