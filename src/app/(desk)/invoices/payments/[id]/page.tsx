import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission } from "~/app/(desk)/guard";
import { PaymentActions, UnallocateButton } from "~/components/billing/payment-actions";
import { METHOD_LABELS, paymentDocument } from "~/components/billing/payment-format";
import { isMissing } from "~/components/fulfillment/not-found";
import { DateOnly, DateTime, Money } from "~/components/shell/money";
import { Badge } from "~/components/ui/badge";
import { Table, TableBody, TableCell, TableFooter, TableHead, TableHeader, TableRow } from "~/components/ui/table";
import { cn } from "~/lib/utils";
import { can } from "~/server/auth/permissions";
import { api } from "~/trpc/server";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props) {
  const { id } = await params;
  return { title: paymentDocument(decodeURIComponent(id)) };
}

/** `/invoices/payments/[id]`: a payment, the invoices it paid (and what was taken back), refunds, and what is left as credit. */
export default async function PaymentPage({ params }: Props) {
  const { id: rawId } = await params;
  const id = decodeURIComponent(rawId).trim().toLowerCase();
  const actor = await requirePermission("payments.view", `/invoices/payments/${rawId}`);
  const caller = await api();
  const payment = await caller.payments.get({ id }).catch((error: unknown) => {
    if (isMissing(error)) notFound();
    throw error;
  });
  const canRecord = can(actor.role, "payments.record");
  const { currency } = payment;
  const live = payment.allocations.filter((a) => !a.reversed);

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/invoices/payments" className="text-muted-foreground hover:text-foreground hover:underline">
          ← Payments
        </Link>
      </p>
      <div className="mb-6 flex flex-col gap-4 lg:flex-row lg:items-start lg:justify-between">
        <div className="min-w-0 space-y-1">
          <h1 className="text-xl leading-tight font-semibold tracking-tight">
            Payment <span className="font-mono">{paymentDocument(payment.id)}</span>
          </h1>
          <p className="text-sm text-muted-foreground">
            <Money amount={payment.amount} currency={currency} className="font-medium text-foreground" /> from{" "}
            <Link href={`/customers/${encodeURIComponent(payment.customer.code)}/statement`} className="font-medium text-foreground hover:underline">
              {payment.customer.name}
            </Link>{" "}
            <span className="font-mono text-xs">{payment.customer.code}</span> · {METHOD_LABELS[payment.method]}
            {payment.reference && (
              <>
                {" "}
                <span className="font-mono">{payment.reference}</span>
              </>
            )}{" "}
            · received <DateOnly value={payment.receivedOn} />
          </p>
          <p className="text-xs text-muted-foreground">
            Recorded by {payment.recordedBy} on <DateTime value={payment.createdAt} />
          </p>
        </div>
        {canRecord && <PaymentActions payment={{ id: payment.id, customer: payment.customer, currency, unallocated: payment.unallocated, method: payment.method }} />}
      </div>

      <dl className="grid grid-cols-2 gap-3 xl:grid-cols-4">
        <Fact label="Amount">
          <Money amount={payment.amount} currency={currency} className="text-lg font-semibold" />
        </Fact>
        <Fact label="Allocated to invoices">
          <Money amount={payment.amountAllocated} currency={currency} className="text-lg font-semibold" />
        </Fact>
        <Fact label="Refunded">
          <Money amount={payment.amountRefunded} currency={currency} className="text-lg font-semibold" />
        </Fact>
        <Fact label="Unallocated (customer credit)" tone={payment.unallocated > 0 ? "warning" : undefined}>
          <span data-testid="payment-unallocated">
            <Money amount={payment.unallocated} currency={currency} className="text-lg font-semibold" />
          </span>
        </Fact>
      </dl>
      {payment.notes && (
        <p className="mt-3 rounded-lg border bg-background p-3 text-sm whitespace-pre-line">
          <span className="font-medium">Notes: </span>
          {payment.notes}
        </p>
      )}

      <section aria-labelledby="allocations-heading" className="mt-6">
        <h2 id="allocations-heading" className="mb-2 text-sm font-semibold">
          Allocations <span className="font-normal text-muted-foreground">({live.length})</span>
        </h2>
        {payment.allocations.length === 0 ? (
          <p className="rounded-lg border border-dashed p-4 text-sm text-muted-foreground">Not applied to any invoice: the whole amount is the customer&apos;s credit.</p>
        ) : (
          <div className="min-w-0 rounded-lg border bg-background">
            <Table aria-label="Allocations">
              <TableHeader>
                <TableRow>
                  <TableHead>Invoice</TableHead>
                  <TableHead>Applied</TableHead>
                  <TableHead>By</TableHead>
                  <TableHead numeric>Amount</TableHead>
                  <TableHead>
                    <span className="sr-only">Status and actions</span>
                  </TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {payment.allocations.map((a) => (
                  <TableRow key={a.id} className={cn(a.reversed && "text-muted-foreground")}>
                    <TableCell>
                      <Link href={`/invoices/${encodeURIComponent(a.invoice)}`} className="font-mono text-xs font-medium text-primary hover:underline">
                        {a.invoice}
                      </Link>
                    </TableCell>
                    <TableCell>
                      <DateOnly value={a.appliedOn} />
                    </TableCell>
                    <TableCell>{a.createdBy}</TableCell>
                    <TableCell numeric>
                      <Money amount={a.amount} currency={currency} className={cn(a.reversed && "line-through")} />
                    </TableCell>
                    <TableCell className="text-right">
                      {a.reversed ? (
                        <span className="inline-flex flex-col items-end gap-0.5 text-xs">
                          <Badge variant="neutral">Taken back</Badge>
                          <span>
                            <DateTime value={a.reversed.at} timeStyle={null} /> by {a.reversed.by}: {a.reversed.reason}
                          </span>
                        </span>
                      ) : canRecord ? (
                        <UnallocateButton allocation={a} currency={currency} />
                      ) : null}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
              <TableFooter>
                <TableRow>
                  <TableCell colSpan={3}>Allocated</TableCell>
                  <TableCell numeric>
                    <Money amount={payment.amountAllocated} currency={currency} />
                  </TableCell>
                  <TableCell />
                </TableRow>
              </TableFooter>
            </Table>
          </div>
        )}
      </section>

      <section aria-labelledby="refunds-heading" className="mt-6">
        <h2 id="refunds-heading" className="mb-2 text-sm font-semibold">
          Refunds <span className="font-normal text-muted-foreground">({payment.refunds.length})</span>
        </h2>
        {payment.refunds.length === 0 ? (
          <p className="rounded-lg border border-dashed p-4 text-sm text-muted-foreground">Nothing refunded.</p>
        ) : (
          <div className="min-w-0 rounded-lg border bg-background">
            <Table aria-label="Refunds">
              <TableHeader>
                <TableRow>
                  <TableHead>Refunded</TableHead>
                  <TableHead>Method and reference</TableHead>
                  <TableHead>By</TableHead>
                  <TableHead numeric>Amount</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {payment.refunds.map((r) => (
                  <TableRow key={r.id}>
                    <TableCell>
                      <DateOnly value={r.refundedOn} />
                    </TableCell>
                    <TableCell>
                      {METHOD_LABELS[r.method]}
                      {r.reference && <span className="ml-2 font-mono text-xs text-muted-foreground">{r.reference}</span>}
                    </TableCell>
                    <TableCell>{r.createdBy}</TableCell>
                    <TableCell numeric>
                      <Money amount={r.amount} currency={currency} />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
      </section>
    </>
  );
}

function Fact({ label, tone, children }: { label: string; tone?: "warning"; children: React.ReactNode }) {
  return (
    <div className={cn("min-w-0 rounded-lg border bg-background p-3", tone === "warning" && "border-warning/30 bg-warning-soft")}>
      <dt className="text-xs font-medium text-muted-foreground">{label}</dt>
      <dd className="mt-1 text-sm">{children}</dd>
    </div>
  );
}
