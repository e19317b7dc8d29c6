import { CircleCheck, FileJson, FileSpreadsheet, TriangleAlert } from "lucide-react";
import Link from "next/link";
import { requirePermission } from "~/app/(desk)/guard";
import { FinanceTabs } from "~/components/billing/finance-tabs";
import { JournalEntries } from "~/components/billing/journal-entries";
import { periodShortcuts, readPeriod } from "~/components/billing/journal-period";
import { firstParam } from "~/components/list/list-controls";
import { DateOnly, Money } from "~/components/shell/money";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Input } from "~/components/ui/input";
import { Label } from "~/components/ui/label";
import { PageHeader } from "~/components/ui/page-header";
import { Table, TableBody, TableCell, TableFooter, TableHead, TableHeader, TableRow } from "~/components/ui/table";
import { todayIn } from "~/lib/dates";
import { cn } from "~/lib/utils";
import { ACCOUNT_LABELS } from "~/server/billing/constants";
import { api } from "~/trpc/server";

export const metadata = { title: "Journal" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** `/invoices/journal?from=2026-03-01&to=2026-03-31`: the accounting entries of a period, per-account totals, the balance check, and the export. */
export default async function JournalPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePermission("journal.export", "/invoices/journal");
  const params = await searchParams;
  const today = todayIn();
  const period = readPeriod(firstParam(params.from), firstParam(params.to), today);
  const journal = await (await api()).receivables.journal({ from: period.from, to: period.to });
  const { currency } = journal;
  const difference = journal.totals.debit - journal.totals.credit;
  const exportHref = (format: "csv" | "json") => `/invoices/journal/export?from=${journal.from}&to=${journal.to}&format=${format}`;
  const used = journal.byAccount.filter((a) => a.debit !== 0 || a.credit !== 0);
  const documents = new Set(journal.entries.map((e) => e.document)).size;

  return (
    <>
      <PageHeader
        title="Journal"
        description={
          <>
            Accounting entries of every invoice, credit note, payment, allocation and refund from <DateOnly value={journal.from} /> to <DateOnly value={journal.to} />, in {currency}.
            {period.error && <span className="block text-warning-soft-foreground">{period.error}</span>}
          </>
        }
        actions={
          <>
            <Button asChild variant="outline">
              <a href={exportHref("csv")} download>
                <FileSpreadsheet aria-hidden />
                Download CSV
              </a>
            </Button>
            <Button asChild variant="outline">
              <a href={exportHref("json")} download>
                <FileJson aria-hidden />
                Download JSON
              </a>
            </Button>
          </>
        }
      />
      <FinanceTabs current="journal" role={actor.role} />

      <form method="get" aria-label="Period" className="mb-5 flex flex-wrap items-end gap-3">
        <div className="grid gap-1.5">
          <Label htmlFor="journal-from">From</Label>
          <Input id="journal-from" name="from" type="date" defaultValue={journal.from} required className="w-40" />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="journal-to">To</Label>
          <Input id="journal-to" name="to" type="date" defaultValue={journal.to} required className="w-40" />
        </div>
        <Button type="submit" variant="secondary">
          Show
        </Button>
        <nav aria-label="Periods" className="flex flex-wrap gap-1">
          {periodShortcuts(today).map((s) => {
            const current = s.period.from === journal.from && s.period.to === journal.to;
            return (
              <Button key={s.label} asChild variant={current ? "secondary" : "ghost"} size="sm" className="h-9">
                <Link href={`/invoices/journal?from=${s.period.from}&to=${s.period.to}`} aria-current={current ? "true" : undefined}>
                  {s.label}
                </Link>
              </Button>
            );
          })}
        </nav>
      </form>

      <div
        role="status"
        className={cn(
          "mb-5 flex flex-wrap items-center gap-x-4 gap-y-1 rounded-lg border p-3 text-sm",
          difference === 0 ? "border-success/25 bg-success-soft text-success-soft-foreground" : "border-danger/25 bg-danger-soft text-danger-soft-foreground",
        )}
      >
        {difference === 0 ? <CircleCheck className="size-4" aria-hidden /> : <TriangleAlert className="size-4" aria-hidden />}
        <span className="font-medium">{difference === 0 ? "Balanced: debits equal credits" : "Out of balance"}</span>
        <span>
          Debits <Money amount={journal.totals.debit} currency={currency} className="font-medium" /> · credits <Money amount={journal.totals.credit} currency={currency} className="font-medium" />
          {difference !== 0 && (
            <>
              {" "}
              · difference <Money amount={difference} currency={currency} className="font-medium" />
            </>
          )}
        </span>
        <span className="text-xs opacity-80">
          {journal.entries.length} entries from {documents} document{documents === 1 ? "" : "s"}
        </span>
      </div>

      <div className="grid min-w-0 gap-6 2xl:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
        <section aria-labelledby="accounts-heading" className="min-w-0">
          <h2 id="accounts-heading" className="mb-2 text-sm font-semibold">
            Totals by account
          </h2>
          <div className="min-w-0 rounded-lg border bg-background">
            <Table aria-label="Totals by account">
              <TableHeader>
                <TableRow>
                  <TableHead>Account</TableHead>
                  <TableHead numeric>Debit</TableHead>
                  <TableHead numeric>Credit</TableHead>
                  <TableHead numeric>Net</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {journal.byAccount.map((a) => {
                  const net = a.debit - a.credit;
                  return (
                    <TableRow key={a.account} className={cn(!used.includes(a) && "text-muted-foreground")}>
                      <TableCell className="whitespace-nowrap">
                        <span className="font-mono text-xs">{a.accountCode}</span> {ACCOUNT_LABELS[a.account]}
                      </TableCell>
                      <TableCell numeric>
                        <Money amount={a.debit} currency={currency} />
                      </TableCell>
                      <TableCell numeric>
                        <Money amount={a.credit} currency={currency} />
                      </TableCell>
                      <TableCell numeric>
                        {net === 0 ? (
                          <span className="text-muted-foreground">·</span>
                        ) : (
                          <>
                            <Money amount={Math.abs(net)} currency={currency} /> <span className="text-xs text-muted-foreground">{net > 0 ? "Dr" : "Cr"}</span>
                          </>
                        )}
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
              <TableFooter>
                <TableRow>
                  <TableCell>
                    Total{" "}
                    {difference === 0 ? (
                      <Badge variant="success" className="ml-1">
                        Balanced
                      </Badge>
                    ) : (
                      <Badge variant="danger" className="ml-1">
                        Off by <Money amount={difference} currency={currency} />
                      </Badge>
                    )}
                  </TableCell>
                  <TableCell numeric>
                    <Money amount={journal.totals.debit} currency={currency} />
                  </TableCell>
                  <TableCell numeric>
                    <Money amount={journal.totals.credit} currency={currency} />
                  </TableCell>
                  <TableCell />
                </TableRow>
              </TableFooter>
            </Table>
          </div>
        </section>
        <section aria-labelledby="entries-heading" className="min-w-0">
          <h2 id="entries-heading" className="mb-2 text-sm font-semibold">
            Entries <span className="font-normal text-muted-foreground">({journal.entries.length})</span>
          </h2>
          <JournalEntries journal={journal} />
        </section>
      </div>
    </>
  );
}
