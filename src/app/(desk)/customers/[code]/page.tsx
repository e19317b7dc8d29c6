import Link from "next/link";
import { notFound } from "next/navigation";
import { CustomerBillingTerms } from "~/components/billing/customer-billing-terms";
import { Pencil } from "lucide-react";
import { CustomerArchiveButton } from "~/components/customers/customer-archive-button";
import { CustomerCreditLimit } from "~/components/customers/customer-credit-limit";
import { CustomerTaxExemptions } from "~/components/customers/customer-tax-exemptions";
import { Badge } from "~/components/ui/badge";
import { DateTime, Money } from "~/components/shell/money";
import { StatusBadge } from "~/components/shell/status-badge";
import { buttonVariants } from "~/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "~/components/ui/card";
import { PageHeader } from "~/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "~/components/ui/table";
import { requirePermission } from "~/app/(desk)/guard";
import { can } from "~/server/auth/permissions";
import type { TAddress } from "~/server/customers";
import { AppError } from "~/server/errors";
import { referenceNameOf } from "~/server/settings/reference-codes";
import { api } from "~/trpc/server";

export default async function CustomerPage({ params }: { params: Promise<{ code: string }> }) {
  const { code: rawCode } = await params;
  const code = decodeURIComponent(rawCode);
  const actor = await requirePermission("customers.view", `/customers/${rawCode}`);
  const caller = await api();
  const customer = await caller.customers.get({ code }).catch((error: unknown) => {
    if ((error as { cause?: unknown }).cause instanceof AppError) notFound();
    throw error;
  });
  const [orders, segments] = await Promise.all([
    can(actor.role, "orders.view") ? caller.orders.list({ customer: customer.code, limit: 10 }) : null,
    caller.settings.list({ kind: "segments" }),
  ]);
  // Where a certificate is valid today (the table below has every certificate and its dates).
  const exemptIn = customer.taxExemptions.filter((e) => e.status === "valid" || e.status === "expiring").map((e) => (e.region === "ALL" ? `all of ${e.country}` : e.region));

  return (
    <>
      <PageHeader
        title={
          <>
            {customer.name}
            {customer.isArchived && (
              <Badge variant="neutral" className="ml-2 align-middle">
                Archived
              </Badge>
            )}
          </>
        }
        description={
          <span>
            <span className="font-mono">{customer.code}</span> · {referenceNameOf(segments.items, customer.segment)} · demand class {customer.demandClass}
          </span>
        }
        actions={
          <div className="flex flex-wrap gap-2">
            {can(actor.role, "customers.edit") && (
              <Link href={`/customers/${encodeURIComponent(customer.code)}/edit`} className={buttonVariants({ variant: "outline" })}>
                <Pencil aria-hidden />
                Edit
              </Link>
            )}
            {can(actor.role, "customers.credit") && <CustomerCreditLimit customer={customer} />}
            {can(actor.role, "customers.billingTerms") && <CustomerBillingTerms customer={customer} />}
            {can(actor.role, "invoices.view") && (
              <Link href={`/customers/${encodeURIComponent(customer.code)}/statement`} className={buttonVariants({ variant: "outline" })}>
                Statement
              </Link>
            )}
            {can(actor.role, "customers.archive") && <CustomerArchiveButton customer={customer} />}
          </div>
        }
      />
      {customer.isArchived && (
        <p className="mb-4 rounded-md border border-dashed p-3 text-sm text-muted-foreground">Archived: no new orders or quotes can be entered for this customer. Its open orders, invoices and payments go on.</p>
      )}
      <div className="grid gap-4 md:grid-cols-2 2xl:grid-cols-4">
        <Card>
          <CardHeader>
            <CardTitle>Terms</CardTitle>
          </CardHeader>
          <CardContent>
            <dl className="grid grid-cols-2 gap-y-2 text-sm">
              <dt className="text-muted-foreground">Credit limit</dt>
              <dd className="text-right tabular-nums">
                <Money amount={customer.creditLimit} currency={customer.currency} />
              </dd>
              <dt className="text-muted-foreground">Payment terms</dt>
              <dd className="text-right">{customer.paymentTermsDays === 0 ? "Prepaid" : `Net ${customer.paymentTermsDays} days`}</dd>
              <dt className="text-muted-foreground">Invoiced</dt>
              <dd className="text-right">{customer.invoiceOnOrder ? "On order (prepaid)" : "When shipped"}</dd>
              <dt className="text-muted-foreground">Freight</dt>
              <dd className="text-right">{customer.billFreight ? "Billed on invoices" : "Included"}</dd>
              <dt className="text-muted-foreground">Tax</dt>
              <dd className="text-right">{exemptIn.length > 0 ? `Exempt: ${exemptIn.join(", ")}` : "Taxable"}</dd>
              <dt className="text-muted-foreground">Currency</dt>
              <dd className="text-right">{customer.currency}</dd>
            </dl>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Contact</CardTitle>
          </CardHeader>
          <CardContent>
            <dl className="grid gap-y-2 text-sm">
              <ContactLine label="E-mail" value={customer.email} href={customer.email && `mailto:${customer.email}`} />
              <ContactLine label="Billing e-mail" value={customer.billingEmail} href={customer.billingEmail && `mailto:${customer.billingEmail}`} fallback={customer.email ? "the e-mail above" : undefined} />
              <ContactLine label="Phone" value={customer.phone} href={customer.phone && `tel:${customer.phone.replace(/[^\d+]/g, "")}`} />
            </dl>
          </CardContent>
        </Card>
        <AddressCard title="Bill to" address={customer.billingAddress} />
        <AddressCard title="Ship to" address={customer.shippingAddress} />
      </div>
      <CustomerTaxExemptions customer={customer} canEdit={can(actor.role, "customers.taxExemptions")} />
      {orders && (
        <section className="mt-6">
          <h2 className="mb-2 text-sm font-semibold">Recent orders</h2>
          <div className="rounded-lg border bg-background">
            <Table aria-label="Recent orders">
              <TableHeader>
                <TableRow>
                  <TableHead>Order</TableHead>
                  <TableHead>Status</TableHead>
                  <TableHead numeric>Total</TableHead>
                  <TableHead>Created</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {orders.items.map((o) => (
                    <TableRow key={o.number}>
                      <TableCell className="font-medium">
                        <Link href={`/orders/${encodeURIComponent(o.number)}`} className="text-primary hover:underline">
                          {o.number}
                        </Link>
                      </TableCell>
                      <TableCell>
                        <StatusBadge status={o.status} />
                      </TableCell>
                      <TableCell numeric>
                        <Money amount={o.total} currency={o.currency} />
                      </TableCell>
                      <TableCell className="text-muted-foreground">
                        <DateTime value={o.createdAt} />
                      </TableCell>
                    </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        </section>
      )}
      <p className="mt-6 text-sm">
        <Link href="/customers" className="text-primary hover:underline">
          ← All customers
        </Link>
      </p>
    </>
  );
}

function ContactLine({ label, value, href, fallback }: { label: string; value: string | null; href: string | null; fallback?: string }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="truncate">
        {value && href ? (
          <a href={href} className="text-primary hover:underline" title={value}>
            {value}
          </a>
        ) : (
          <span className="text-muted-foreground">{fallback ? `None: ${fallback}` : "None on file"}</span>
        )}
      </dd>
    </div>
  );
}

function AddressCard({ title, address }: { title: string; address: TAddress | null }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>{title}</CardTitle>
      </CardHeader>
      <CardContent className="text-sm">
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
          <p className="text-muted-foreground">No address on file.</p>
        )}
      </CardContent>
    </Card>
  );
}
