import Link from "next/link";
import { requirePermission } from "~/app/(desk)/guard";
import { FinanceTabs } from "~/components/billing/finance-tabs";
import { ReceivablesChart } from "~/components/billing/receivables-chart";
import { ReceivablesCustomers } from "~/components/billing/receivables-customers";
import { BUCKET_COLORS, BUCKET_LABELS, isIsoDate } from "~/components/billing/receivables-format";
import { firstParam } from "~/components/list/list-controls";
import { DateOnly, Money } from "~/components/shell/money";
import { Button } from "~/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "~/components/ui/card";
import { Input } from "~/components/ui/input";
import { Label } from "~/components/ui/label";
import { PageHeader } from "~/components/ui/page-header";
import { todayIn } from "~/lib/dates";
import { cn } from "~/lib/utils";
import { AGING_BUCKETS } from "~/server/billing/constants";
import { api } from "~/trpc/server";

export const metadata = { title: "Receivables" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** `/invoices/receivables?asOf=2026-03-31`: what customers owe by age on a day, their credit, and DSO. */
export default async function ReceivablesPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePermission("receivables.view", "/invoices/receivables");
  const params = await searchParams;
  const asked = firstParam(params.asOf)?.trim();
  const today = todayIn();
  const asOf = isIsoDate(asked) ? asked : undefined;
  const aging = await (await api()).receivables.aging({ asOf });
  const { currency } = aging;
  const isToday = aging.asOf === today;
  const share = (amount: number) => (aging.total > 0 ? Math.round((amount / aging.total) * 100) : 0);

  return (
    <>
      <PageHeader
        title="Receivables"
        description={
          <>
            What customers owe by days past due, as it stood at the end of <DateOnly value={aging.asOf} />
            {isToday ? " (today)" : ""}.
            {asked && !asOf && <span className="block text-warning-soft-foreground">“{asked}” is not a date like 2026-03-31: showing today.</span>}
          </>
        }
        actions={
          <form method="get" className="flex flex-wrap items-end gap-2">
            <div className="grid gap-1.5">
              <Label htmlFor="aging-as-of">As of</Label>
              <Input id="aging-as-of" name="asOf" type="date" defaultValue={aging.asOf} max={today} required className="w-40" />
            </div>
            <Button type="submit" variant="secondary">
              Show
            </Button>
            {!isToday && (
              <Button asChild variant="ghost">
                <Link href="/invoices/receivables">Today</Link>
              </Button>
            )}
          </form>
        }
      />
      <FinanceTabs current="receivables" role={actor.role} />

      <section aria-label="Summary" className="grid gap-3">
        <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 md:grid-cols-5">
          {AGING_BUCKETS.map((b) => (
            <Tile key={b} label={BUCKET_LABELS[b]} swatch={BUCKET_COLORS[b]} tone={b === "90+" && aging.totals[b] > 0 ? "danger" : undefined}>
              <Money amount={aging.totals[b]} currency={currency} className="text-lg font-semibold" />
              <span className="block text-xs text-muted-foreground">{share(aging.totals[b])}% of the total</span>
            </Tile>
          ))}
        </div>
        <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
          <Tile label="Total owed">
            <Money amount={aging.total} currency={currency} className="text-lg font-semibold" />
            <span className="block text-xs text-muted-foreground">{aging.customers.filter((c) => c.total > 0).length} customers</span>
          </Tile>
          <Tile label="Customer credit">
            <Money amount={aging.credit} currency={currency} className="text-lg font-semibold" />
            <span className="block text-xs text-muted-foreground">unapplied payments and credit notes</span>
          </Tile>
          <Tile label="DSO">
            <span className="text-lg font-semibold tabular-nums">{aging.dso.toLocaleString("en-US", { maximumFractionDigits: 1 })} days</span>
            <span className="block text-xs text-muted-foreground">owed ÷ the last 90 days&apos; invoicing × 90</span>
          </Tile>
          <Tile label="Owed after credit">
            <Money amount={aging.total - aging.credit} currency={currency} className="text-lg font-semibold" />
            <span className="block text-xs text-muted-foreground">total owed less customer credit</span>
          </Tile>
        </div>
      </section>

      <Card className="mt-5 min-w-0">
        <CardHeader>
          <CardTitle>By age</CardTitle>
          <CardDescription>Open invoice balances by days past their due date.</CardDescription>
        </CardHeader>
        <CardContent className="min-w-0">
          <ReceivablesChart totals={aging.totals} currency={currency} />
        </CardContent>
      </Card>

      <section aria-labelledby="aging-customers-heading" className="mt-6 min-w-0">
        <h2 id="aging-customers-heading" className="mb-2 text-sm font-semibold">
          By customer <span className="font-normal text-muted-foreground">(largest balance first; a name opens the statement)</span>
        </h2>
        <ReceivablesCustomers aging={aging} statementAsOf={isToday ? undefined : aging.asOf} />
      </section>
    </>
  );
}

function Tile({ label, swatch, tone, children }: { label: string; swatch?: string; tone?: "danger"; children: React.ReactNode }) {
  return (
    <div className={cn("min-w-0 rounded-lg border bg-card p-3 shadow-xs", tone === "danger" && "border-danger/30 bg-danger-soft")}>
      <p className="flex items-center gap-1.5 text-xs font-medium text-muted-foreground">
        {swatch && <span aria-hidden className="inline-block size-2.5 rounded-sm" style={{ backgroundColor: swatch }} />}
        {label}
      </p>
      <div className="mt-1">{children}</div>
    </div>
  );
}
