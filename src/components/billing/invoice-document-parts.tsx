import { Money } from "~/components/shell/money";
import { Table, TableBody, TableCell, TableFooter, TableHead, TableHeader, TableRow } from "~/components/ui/table";
import { cn } from "~/lib/utils";
import type { TAddress } from "~/server/customers/schemas";
import { formatTaxRate } from "./invoice-labels";

/** The blocks invoice and credit-note pages share: fact cards, an address, tax per rate and the totals column. */

export function Fact({ label, children, className }: { label: string; children: React.ReactNode; className?: string }) {
  return (
    <div className={cn("min-w-0 rounded-lg border bg-background p-3", className)}>
      <dt className="text-xs font-medium text-muted-foreground">{label}</dt>
      <dd className="mt-1 text-sm break-words">{children}</dd>
    </div>
  );
}

/** Label–value rows inside a fact card. */
export function FactRows({ rows }: { rows: [string, React.ReactNode][] }) {
  return (
    <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-0.5">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-muted-foreground">{label}</dt>
          <dd className="min-w-0">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function AddressText({ address }: { address: TAddress | null }) {
  if (!address) return <span className="text-muted-foreground">No address on file</span>;
  return (
    <address className="not-italic">
      {address.line1}
      <br />
      {address.city}
      {address.region ? `, ${address.region}` : ""} {address.postalCode}
      <br />
      {address.country}
    </address>
  );
}

export function TaxByRateTable({ taxes, currency, label = "Tax per rate" }: { taxes: { ratePpm: number; taxable: number; tax: number }[]; currency: string; label?: string }) {
  const taxable = taxes.reduce((s, t) => s + t.taxable, 0);
  const tax = taxes.reduce((s, t) => s + t.tax, 0);
  return (
    <div className="min-w-0 rounded-lg border bg-background">
      <Table aria-label={label}>
        <TableHeader>
          <TableRow>
            <TableHead>Rate</TableHead>
            <TableHead numeric>Taxable</TableHead>
            <TableHead numeric>Tax</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {taxes.length === 0 ? (
            <TableRow>
              <TableCell colSpan={3} className="text-muted-foreground">
                No tax
              </TableCell>
            </TableRow>
          ) : (
            taxes.map((t) => (
              <TableRow key={t.ratePpm}>
                <TableCell className="tabular-nums">{formatTaxRate(t.ratePpm)}</TableCell>
                <TableCell numeric>
                  <Money amount={t.taxable} currency={currency} />
                </TableCell>
                <TableCell numeric>
                  <Money amount={t.tax} currency={currency} />
                </TableCell>
              </TableRow>
            ))
          )}
        </TableBody>
        {taxes.length > 1 && (
          <TableFooter>
            <TableRow>
              <TableCell>Total</TableCell>
              <TableCell numeric>
                <Money amount={taxable} currency={currency} />
              </TableCell>
              <TableCell numeric>
                <Money amount={tax} currency={currency} />
              </TableCell>
            </TableRow>
          </TableFooter>
        )}
      </Table>
    </div>
  );
}

export type TotalRow = { label: string; amount: number; tone?: "total" | "due" | "muted"; testId?: string };

/** The totals column: label and amount per row; `total` rows ruled and bold, `due` rows shaded. */
export function TotalsList({ rows, currency, label = "Totals" }: { rows: TotalRow[]; currency: string; label?: string }) {
  return (
    <dl aria-label={label} className="grid gap-1 rounded-lg border bg-background p-4 text-sm">
      {rows.map((row) => (
        <div
          key={row.label}
          className={cn(
            "flex items-baseline justify-between gap-4",
            row.tone === "total" && "mt-1 border-t pt-2 text-base font-semibold",
            row.tone === "due" && "-mx-2 mt-1 rounded-md bg-muted px-2 py-1.5 text-base font-semibold",
            row.tone === "muted" && "text-muted-foreground",
          )}
        >
          <dt>{row.label}</dt>
          <dd data-testid={row.testId}>
            <Money amount={row.amount} currency={currency} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
