import Link from "next/link";
import { Plus, Users } from "lucide-react";
import { z } from "zod";
import { ExportCsvLink, exportCsvHref } from "~/components/list/export-csv-link";
import { firstParam, ListFilters, Pager, RecordStatusFilter, recordStatusOf } from "~/components/list/list-controls";
import { Money } from "~/components/shell/money";
import { Badge } from "~/components/ui/badge";
import { buttonVariants } from "~/components/ui/button";
import { EmptyState } from "~/components/ui/empty-state";
import { Label } from "~/components/ui/label";
import { PageHeader } from "~/components/ui/page-header";
import { NativeSelect } from "~/components/ui/select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "~/components/ui/table";
import { requirePermission } from "~/app/(desk)/guard";
import { can } from "~/server/auth/permissions";
import { referenceNameOf } from "~/server/settings/reference-codes";
import { api } from "~/trpc/server";

export const metadata = { title: "Customers" };

const ZSegment = z.string().trim().min(1).max(40).optional().catch(undefined);

export default async function CustomersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission("customers.view", "/customers");
  const params = await searchParams;
  const search = firstParam(params.search);
  const segment = ZSegment.parse(firstParam(params.segment));
  const status = recordStatusOf(firstParam(params.status));
  // In links only when it is not the default.
  const listed = status === "archived" ? status : undefined;
  const cursor = firstParam(params.cursor);
  const caller = await api();
  const [page, segments] = await Promise.all([caller.customers.list({ search, segment, status, cursor, limit: 50 }), caller.settings.list({ kind: "segments" })]);
  // The admin's segments (Admin → Settings); archived ones still filter the customers that have them.
  const segmentName = (code: string) => referenceNameOf(segments.items, code);

  return (
    <>
      <PageHeader
        title="Customers"
        description="Accounts, their terms and where they ship."         actions={
          <>
            <ExportCsvLink href={exportCsvHref("customers", { search, segment, status: listed })} />
            {can(actor.role, "customers.create") && (
              <Link href="/customers/new" className={buttonVariants()}>
                <Plus aria-hidden />
                New customer
              </Link>
            )}
          </>
        }
      />
      <ListFilters searchLabel="Search customers" searchValue={search} placeholder="Name or code">
        <div className="grid gap-1.5">
          <Label htmlFor="segment-filter">Segment</Label>
          <NativeSelect id="segment-filter" name="segment" defaultValue={segment ?? ""} className="w-44">
            <option value="">All segments</option>
            {segments.items.map((s) => (
              <option key={s.code} value={s.code}>
                {segmentName(s.code)}
              </option>
            ))}
          </NativeSelect>
        </div>
        <RecordStatusFilter status={status} />
      </ListFilters>
      {page.items.length === 0 ? (
        <EmptyState
          icon={Users}
          title={status === "archived" && !search && !segment ? "No archived customers" : "No customers match"}
          description={status === "archived" && !search && !segment ? "Customers archived from their page are listed here." : "Try another name or code."}
        />
      ) : (
        <div className="rounded-lg border bg-background">
          <Table aria-label="Customers">
            <TableHeader>
              <TableRow>
                <TableHead>Code</TableHead>
                <TableHead>Name</TableHead>
                <TableHead>Segment</TableHead>
                <TableHead>Class</TableHead>
                <TableHead>Ships to</TableHead>
                <TableHead numeric>Terms</TableHead>
                <TableHead numeric>Credit limit</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {page.items.map((c) => (
                <TableRow key={c.code}>
                  <TableCell className="font-mono text-xs">{c.code}</TableCell>
                  <TableCell className="font-medium">
                    <Link href={`/customers/${encodeURIComponent(c.code)}`} className="text-primary hover:underline">
                      {c.name}
                    </Link>
                    {c.taxExempt && (
                      <Badge variant="neutral" className="ml-2" title={`Certificates: ${c.taxExemptions.filter((e) => e.status === "valid" || e.status === "expiring").map((e) => (e.region === "ALL" ? `all of ${e.country}` : e.region)).join(", ")}`}>
                        Tax exempt
                      </Badge>
                    )}
                  </TableCell>
                  <TableCell>{segmentName(c.segment)}</TableCell>
                  <TableCell>{c.demandClass}</TableCell>
                  <TableCell className="text-muted-foreground">
                    {c.shippingAddress ? `${c.shippingAddress.city}, ${c.shippingAddress.region}` : "—"}
                  </TableCell>
                  <TableCell numeric>{c.paymentTermsDays === 0 ? "Prepaid" : `Net ${c.paymentTermsDays}`}</TableCell>
                  <TableCell numeric>
                    <Money amount={c.creditLimit} currency={c.currency} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      <Pager basePath="/customers" params={{ search, segment, status: listed, cursor }} nextCursor={page.nextCursor} shown={page.items.length} />
    </>
  );
}
