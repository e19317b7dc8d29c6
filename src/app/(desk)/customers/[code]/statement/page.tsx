import { FileDown } from "lucide-react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission } from "~/app/(desk)/guard";
import { RecordPaymentButton } from "~/components/billing/payment-record-dialog";
import { BUCKET_COLORS, BUCKET_LABELS, isIsoDate } from "~/components/billing/receivables-format";
import { isMissing } from "~/components/fulfillment/not-found";
import { firstParam } from "~/components/list/list-controls";
import { DateOnly, Money } from "~/components/shell/money";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Input } from "~/components/ui/input";
import { Label } from "~/components/ui/label";
import { Table, TableBody, TableCell, TableFooter, TableHead, TableHeader, TableRow } from "~/components/ui/table";
import { todayIn } from "~/lib/dates";
import { cn } from "~/lib/utils";
import { can } from "~/server/auth/permissions";
import { AGING_BUCKETS } from "~/server/billing/constants";
import { api } from "~/trpc/server";

type Props = { params: Promise<{ code: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props) {
  const { code } = await params;
  return { title: `Statement ${decodeURIComponent(code)}` };
}

/** `/customers/[code]/statement?asOf=2026-03-31`: the customer's open invoices with their age, unapplied credit and the balance after it. */
export default async function StatementPage({ params, searchParams }: Props) {
  const { code: rawCode } = await params;
  const code = decodeURIComponent(rawCode).trim();
  const actor = await requirePermission("invoices.view", `/customers/${rawCode}/statement`);
  const asked = firstParam((await searchParams).asOf)?.trim();
  const asOf = isIsoDate(asked) ? asked : undefined;
  const today = todayIn();
  const statement = await (await api()).receivables.statement({ customer: code, asOf }).catch((error: unknown) => {
    if (isMissing(error)) notFound();
    throw error;
  });
  const { customer, currency } = statement;
  const isToday = statement.asOf === today;
  const pdfHref = `/customers/${encodeURIComponent(customer.code)}/statement/pdf${isToday ? "" : `?asOf=${statement.asOf}`}`;
  const address = customer.billingAddress;

  return (
    <>
      {can(actor.role, "customers.view") && (
        <p className="mb-2 text-sm">
          <Link href={`/customers/${encodeURIComponent(customer.code)}`} className="text-muted-foreground hover:text-foreground hover:underline">
            ← {customer.name}
          </Link>
        </p>
      )}
      <div className="mb-6 flex flex-col gap-4 xl:flex-row xl:items-start xl:justify-between">
        <div className="min-w-0 space-y-1">
          <h1 className="text-xl leading-tight font-semibold tracking-tight">Statement: {customer.name}</h1>
          <p className="text-sm text-muted-foreground">
            <span className="font-mono">{customer.code}</span> · {customer.paymentTermsDays === 0 ? "prepaid" : `net ${customer.paymentTermsDays} days`} · as of{" "}
            <DateOnly value={statement.asOf} />
            {isToday ? " (today)" : ""}
            {asked && !asOf && <span className="block text-warning-soft-foreground">“{asked}” is not a date like 2026-03-31: showing today.</span>}
          </p>
          {address && (
            <address className="text-sm text-muted-foreground not-italic">
              {address.line1}, {address.city}
              {address.region ? `, ${address.region}` : ""} {address.postalCode}, {address.country}
            </address>
          )}
        </div>
        <div className="flex flex-wrap items-end gap-2">
          <form method="get" className="flex items-end gap-2">
            <div className="grid gap-1.5">
              <Label htmlFor="statement-as-of">As of</Label>
              <Input id="statement-as-of" name="asOf" type="date" defaultValue={statement.asOf} max={today} required className="w-40" />
            </div>
            <Button type="submit" variant="secondary">
              Show
            </Button>
          </form>
          <Button asChild variant="outline">
            <a href={pdfHref} target="_blank" rel="noopener">
              <FileDown aria-hidden />
              PDF
            </a>
          </Button>
          {can(actor.role, "payments.record") && <RecordPaymentButton customer={{ code: customer.code, name: customer.name }} />}
        </div>
      </div>

      <dl className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        <Fact label="Open invoices">
          <Money amount={statement.totalDue} currency={currency} className="text-lg font-semibold" />
          <span className="block text-xs text-muted-foreground">
            {statement.openInvoices.length} invoice{statement.openInvoices.length === 1 ? "" : "s"}
          </span>
        </Fact>
        <Fact label="Unapplied credit">
          <Money amount={statement.totalCredit} currency={currency} className="text-lg font-semibold" />
          <span className="block text-xs text-muted-foreground">payments and credit notes not yet applied</span>
        </Fact>
        <Fact label={statement.balance < 0 ? "Credit in the customer's favour" : "Balance after credit"} strong>
          <span data-testid="statement-balance">
            <Money amount={Math.abs(statement.balance)} currency={currency} className="text-lg font-semibold" />
          </span>
          <span className="block text-xs text-muted-foreground">open invoices less unapplied credit</span>
        </Fact>
      </dl>

      <section aria-label="By age" className="mt-3 grid grid-cols-2 gap-2 sm:grid-cols-5">
        {AGING_BUCKETS.map((b) => (
          <div key={b} className={cn("rounded-md border bg-background px-3 py-2", b === "90+" && statement.buckets[b] > 0 && "border-danger/30 bg-danger-soft")}>
            <p className="flex items-center gap-1.5 text-xs text-muted-foreground">
              <span aria-hidden className="inline-block size-2 rounded-sm" style={{ backgroundColor: BUCKET_COLORS[b] }} />
              {BUCKET_LABELS[b]}
            </p>
            <Money amount={statement.buckets[b]} currency={currency} className={cn("text-sm", statement.buckets[b] > 0 && "font-medium")} />
          </div>
        ))}
      </section>

      <section aria-labelledby="open-heading" className="mt-6">
        <h2 id="open-heading" className="mb-2 text-sm font-semibold">
          Open invoices <span className="font-normal text-muted-foreground">({statement.openInvoices.length}, oldest due first)</span>
        </h2>
        {statement.openInvoices.length === 0 ? (
          <p className="rounded-lg border border-dashed p-4 text-sm text-muted-foreground">Nothing open on this date.</p>
        ) : (
          <div className="min-w-0 rounded-lg border bg-background">
            <Table aria-label="Open invoices">
              <TableHeader>
                <TableRow>
                  <TableHead>Invoice</TableHead>
                  <TableHead>Order</TableHead>
                  <TableHead className="hidden xl:table-cell">Issued</TableHead>
                  <TableHead>Due</TableHead>
                  <TableHead>Age</TableHead>
                  <TableHead numeric>Total</TableHead>
                  <TableHead numeric>Paid</TableHead>
                  <TableHead numeric>Balance</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {statement.openInvoices.map((i) => (
                  <TableRow key={i.number}>
                    <TableCell className="whitespace-nowrap">
                      <Link href={`/invoices/${encodeURIComponent(i.number)}`} className="font-mono text-xs font-medium text-primary hover:underline">
                        {i.number}
                      </Link>
                    </TableCell>
                    <TableCell>
                      <Link href={`/orders/${encodeURIComponent(i.order)}`} className="font-mono text-xs hover:underline">
                        {i.order}
                      </Link>
                      {i.customerReference && (
                        <span className="block max-w-36 truncate text-xs text-muted-foreground" title="Customer reference">
                          {i.customerReference}
                        </span>
                      )}
                    </TableCell>
                    <TableCell className="hidden xl:table-cell">
                      <DateOnly value={i.issueDate} />
                    </TableCell>
                    <TableCell>
                      <DateOnly value={i.dueDate} />
                    </TableCell>
                    <TableCell>
                      {i.daysOverdue > 0 ? (
                        <Badge variant={i.bucket === "90+" || i.bucket === "61-90" ? "danger" : "warning"}>{i.daysOverdue} days late</Badge>
                      ) : (
                        <Badge variant="neutral">Current</Badge>
                      )}
                    </TableCell>
                    <TableCell numeric>
                      <Money amount={i.total} currency={currency} />
                    </TableCell>
                    <TableCell numeric>
                      <Money amount={i.amountPaid} currency={currency} />
                    </TableCell>
                    <TableCell numeric className="font-medium">
                      <Money amount={i.balance} currency={currency} />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
              <TableFooter>
                <TableRow>
                  <TableCell colSpan={6} className="xl:hidden">
                    Total open
                  </TableCell>
                  <TableCell colSpan={7} className="hidden xl:table-cell">
                    Total open
                  </TableCell>
                  <TableCell numeric>
                    <Money amount={statement.totalDue} currency={currency} />
                  </TableCell>
                </TableRow>
              </TableFooter>
            </Table>
          </div>
        )}
      </section>

      <section aria-labelledby="credit-heading" className="mt-6">
        <h2 id="credit-heading" className="mb-2 text-sm font-semibold">
          Unapplied credit <span className="font-normal text-muted-foreground">({statement.credits.length})</span>
        </h2>
        {statement.credits.length === 0 ? (
          <p className="rounded-lg border border-dashed p-4 text-sm text-muted-foreground">No unapplied payments or credit notes.</p>
        ) : (
          <div className="min-w-0 rounded-lg border bg-background">
            <Table aria-label="Unapplied credit">
              <TableHeader>
                <TableRow>
                  <TableHead>Kind</TableHead>
                  <TableHead>Reference</TableHead>
                  <TableHead>Date</TableHead>
                  <TableHead numeric>Amount</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {statement.credits.map((c, index) => (
                  <TableRow key={`${c.label}-${index}`}>
                    <TableCell>{c.kind === "payment" ? "Payment" : "Credit note"}</TableCell>
                    <TableCell>
                      {c.kind === "credit_note" ? (
                        <Link href={`/invoices/credit-notes/${encodeURIComponent(c.label)}`} className="font-mono text-xs text-primary hover:underline">
                          {c.label}
                        </Link>
                      ) : (
                        c.label
                      )}
                    </TableCell>
                    <TableCell>
                      <DateOnly value={c.date} />
                    </TableCell>
                    <TableCell numeric>
                      <Money amount={c.amount} currency={currency} />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
              <TableFooter>
                <TableRow>
                  <TableCell colSpan={3}>Total credit</TableCell>
                  <TableCell numeric>
                    <Money amount={statement.totalCredit} currency={currency} />
                  </TableCell>
                </TableRow>
              </TableFooter>
            </Table>
          </div>
        )}
      </section>
    </>
  );
}

function Fact({ label, strong, children }: { label: string; strong?: boolean; children: React.ReactNode }) {
  return (
    <div className={cn("min-w-0 rounded-lg border bg-background p-3", strong && "border-primary/30 bg-primary/5")}>
      <dt className="text-xs font-medium text-muted-foreground">{label}</dt>
      <dd className="mt-1 text-sm">{children}</dd>
    </div>
  );
}
