import Link from "next/link";
import { Users } from "lucide-react";
import { z } from "zod";
import { firstParam, ListFilters, Pager } from "~/components/list/list-controls";
import { Money } from "~/components/shell/money";
import { Badge } from "~/components/ui/badge";
import { EmptyState } from "~/components/ui/empty-state";
import { Label } from "~/components/ui/label";
import { PageHeader } from "~/components/ui/page-header";
import { NativeSelect } from "~/components/ui/select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "~/components/ui/table";
import { requirePermission } from "~/app/(desk)/guard";
import { SEGMENTS } from "~/server/customers/constants";
import { api } from "~/trpc/server";

export const metadata = { title: "Customers" };

const ZSegment = z.enum(SEGMENTS).optional().catch(undefined);
const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export default async function CustomersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission("customers.view", "/customers");
  const params = await searchParams;
  const search = firstParam(params.search);
  const segment = ZSegment.parse(firstParam(params.segment));
  const cursor = firstParam(params.cursor);
  const page = await (await api()).customers.list({ search, segment, cursor, limit: 50 });

  return (
    <>
      <PageHeader title="Customers" description="Accounts, their terms and where they ship." />
      <ListFilters searchLabel="Search customers" searchValue={search} placeholder="Name or code">
        <div className="grid gap-1.5">
          <Label htmlFor="segment-filter">Segment</Label>
          <NativeSelect id="segment-filter" name="segment" defaultValue={segment ?? ""} className="w-44">
            <option value="">All segments</option>
            {SEGMENTS.map((s) => (
              <option key={s} value={s}>
                {capitalize(s)}
              </option>
            ))}
          </NativeSelect>
        </div>
      </ListFilters>
      {page.items.length === 0 ? (
        <EmptyState icon={Users} title="No customers match" description="Try another name or code." />
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
                      <Badge variant="neutral" className="ml-2">
                        Tax exempt
                      </Badge>
                    )}
                  </TableCell>
                  <TableCell>{capitalize(c.segment)}</TableCell>
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
      <Pager basePath="/customers" params={{ search, segment, cursor }} nextCursor={page.nextCursor} shown={page.items.length} />
    </>
  );
}
