import { TRPCError } from "@trpc/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission } from "~/app/(desk)/guard";
import { OrderActions } from "~/components/orders/order-actions";
import { OrderBillingSummary, OrderCreditNotes, OrderInvoices } from "~/components/orders/order-billing";
import { OrderLinesTable } from "~/components/orders/order-lines-table";
import { OrderPlan } from "~/components/orders/order-plan";
import { OrderReturns } from "~/components/orders/order-returns";
import { OrderShipments } from "~/components/orders/order-shipments";
import { OrderAssignee } from "~/components/orders/order-assignee";
import { OrderBanners, OrderSummaryCards } from "~/components/orders/order-summary";
import { OrderTimeline } from "~/components/orders/order-timeline";
import { DateTime } from "~/components/shell/money";
import { StatusBadge } from "~/components/shell/status-badge";
import { Badge } from "~/components/ui/badge";
import { PageHeader } from "~/components/ui/page-header";
import { todayIn } from "~/lib/dates";
import { can } from "~/server/auth/permissions";
import { AppError } from "~/server/errors";
import { api } from "~/trpc/server";

type Props = { params: Promise<{ number: string }> };

export async function generateMetadata({ params }: Props) {
  const { number } = await params;
  return { title: decodeURIComponent(number) };
}

/** A bad or unknown number is a 404, not an error page. */
function isMissing(error: unknown): boolean {
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof AppError) return cause.kind === "not_found" || cause.kind === "invalid";
  return error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST");
}

export default async function OrderPage({ params }: Props) {
  const { number: rawNumber } = await params;
  const number = decodeURIComponent(rawNumber).trim().toUpperCase();
  const actor = await requirePermission("orders.view", `/orders/${rawNumber}`);
  const caller = await api();
  const mayAssign = can(actor.role, "orders.assign");
  const [order, timeline] = await Promise.all([caller.orders.get({ number }), caller.orders.timeline({ number })]).catch((error: unknown) => {
    if (isMissing(error)) notFound();
    throw error;
  });
  const isQuote = order.kind === "quote";
  const seesInvoices = can(actor.role, "invoices.view");
  // Billing's documents of the order: invoices and credit notes for the roles that see invoices, returns for everyone.
  const [shipments, invoices, creditNotes, returns] = isQuote
    ? [[], null, null, []]
    : await Promise.all([
        caller.fulfillment.ofOrder({ number }),
        seesInvoices ? caller.invoices.ofOrder({ number }) : null,
        seesInvoices ? caller.creditNotes.list({ order: number, limit: 100 }).then((p) => p.items) : null,
        caller.returns.list({ order: number, limit: 100 }).then((p) => p.items),
      ]);
  const today = todayIn();

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={isQuote ? "/quotes" : "/orders"} className="text-muted-foreground hover:text-foreground hover:underline">
          ← {isQuote ? "Quotes" : "Orders"}
        </Link>
      </p>
      <PageHeader
        title={
          <span className="font-mono">
            <span className="sr-only">{isQuote ? "Quote" : "Order"} </span>
            {order.number}
          </span>
        }
        description={
          <span>
            <Link href={`/customers/${encodeURIComponent(order.customer)}`} className="font-medium text-foreground hover:underline">
              {order.customerName}
            </Link>{" "}
            <span className="font-mono text-xs">{order.customer}</span> · created by {order.createdBy} on <DateTime value={order.createdAt} /> ·{" "}
            <OrderAssignee number={order.number} kind={order.kind} assignedTo={order.assignedTo} canAssign={mayAssign} />
          </span>
        }
        actions={<OrderActions order={order} role={actor.role} today={today} />}
      >
        <div role="group" aria-label="Statuses" className="flex flex-wrap items-center gap-1.5 pt-1">
          {isQuote && <Badge variant="secondary">Quote</Badge>}
          {isQuote && order.status === "completed" ? <Badge variant="success">Converted</Badge> : <StatusBadge status={order.status} />}
          {!isQuote && (
            <>
              <StatusBadge status={order.fulfillmentStatus} />
              <StatusBadge status={order.billingStatus} />
            </>
          )}
        </div>
      </PageHeader>

      <OrderBanners order={order} today={today} />
      <OrderPlan order={order} />
      <OrderSummaryCards order={order} />

      <section aria-labelledby="lines-heading" className="mt-6">
        <h2 id="lines-heading" className="mb-2 text-sm font-semibold">
          Lines <span className="font-normal text-muted-foreground">({order.lines.length})</span>
        </h2>
        <OrderLinesTable order={order} linePromises={order.plan?.lines ?? null} today={today} />
      </section>

      {!isQuote && <OrderShipments order={order} shipments={shipments} role={actor.role} />}
      {invoices && <OrderInvoices order={order} invoices={invoices} />}
      {creditNotes && <OrderCreditNotes order={order} creditNotes={creditNotes} />}
      {!isQuote && <OrderReturns order={order} returns={returns} role={actor.role} linkCreditNotes={seesInvoices} />}

      <div className="mt-6 grid gap-6 lg:grid-cols-3">
        <section aria-labelledby="timeline-heading" className={isQuote ? "lg:col-span-3" : "lg:col-span-2"}>
          <h2 id="timeline-heading" className="mb-3 text-sm font-semibold">
            Timeline
          </h2>
          <div className="rounded-lg border bg-background p-4">
            <OrderTimeline
              events={timeline}
              currency={order.currency}
              kind={order.kind}
              linkShipments={can(actor.role, "fulfillment.view")}
              linkInvoices={seesInvoices}
              linkPurchaseOrders={can(actor.role, "purchasing.view")}
            />
          </div>
        </section>
        {!isQuote && (
          <section aria-labelledby="billing-heading">
            <h2 id="billing-heading" className="mb-3 text-sm font-semibold">
              Billing
            </h2>
            <OrderBillingSummary order={order} invoices={invoices} creditNotes={creditNotes} />
          </section>
        )}
      </div>
    </>
  );
}
