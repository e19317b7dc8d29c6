import Link from "next/link";
import { CircleCheck } from "lucide-react";
import { z } from "zod";
import { firstParam, Pager } from "~/components/list/list-controls";
import { DateTime } from "~/components/shell/money";
import { Badge, type BadgeVariant } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { EmptyState } from "~/components/ui/empty-state";
import { Label } from "~/components/ui/label";
import { PageHeader } from "~/components/ui/page-header";
import { NativeSelect } from "~/components/ui/select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "~/components/ui/table";
import { requirePermission } from "~/app/(desk)/guard";
import { EXCEPTION_LABELS, EXCEPTION_STATUSES, EXCEPTION_TYPES } from "~/server/exceptions/constants";
import { api } from "~/trpc/server";

export const metadata = { title: "Exceptions" };

const SEVERITY: Record<string, BadgeVariant> = { low: "neutral", medium: "info", high: "warning", critical: "danger" };

export default async function ExceptionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission("exceptions.view", "/exceptions");
  const params = await searchParams;
  const status = z.enum(EXCEPTION_STATUSES).catch("open").parse(firstParam(params.status) ?? "open");
  const type = z.enum(EXCEPTION_TYPES).optional().catch(undefined).parse(firstParam(params.type));
  const cursor = firstParam(params.cursor);
  const page = await (await api()).exceptions.list({ status, type, cursor, limit: 50 });

  return (
    <>
      <PageHeader title="Exceptions" description="Everything that went wrong on the way, most urgent first." />
      <form method="get" className="mb-4 flex flex-wrap items-end gap-3">
        <div className="grid gap-1.5">
          <Label htmlFor="exception-status">Status</Label>
          <NativeSelect id="exception-status" name="status" defaultValue={status} className="w-40">
            <option value="open">Open</option>
            <option value="resolved">Resolved</option>
          </NativeSelect>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="exception-type">Type</Label>
          <NativeSelect id="exception-type" name="type" defaultValue={type ?? ""} className="w-52">
            <option value="">All types</option>
            {EXCEPTION_TYPES.map((t) => (
              <option key={t} value={t}>
                {EXCEPTION_LABELS[t]}
              </option>
            ))}
          </NativeSelect>
        </div>
        <Button type="submit" variant="secondary">
          Apply
        </Button>
      </form>
      {page.items.length === 0 ? (
        <EmptyState
          icon={CircleCheck}
          title={status === "open" ? "No open exceptions" : "Nothing resolved yet"}
          description="Credit holds and other problems land here as orders run into them."
        />
      ) : (
        <div className="rounded-lg border bg-background">
          <Table aria-label="Exceptions">
            <TableHeader>
              <TableRow>
                <TableHead>Type</TableHead>
                <TableHead>Severity</TableHead>
                <TableHead>Order</TableHead>
                <TableHead>Customer</TableHead>
                <TableHead>Reason</TableHead>
                <TableHead>{status === "open" ? "Due" : "Resolved"}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {page.items.map((e) => (
                <TableRow key={e.id}>
                  <TableCell className="font-medium whitespace-nowrap">{EXCEPTION_LABELS[e.type]}</TableCell>
                  <TableCell>
                    <Badge variant={SEVERITY[e.severity] ?? "neutral"}>{e.severity}</Badge>
                  </TableCell>
                  <TableCell className="whitespace-nowrap">
                    {e.order ? (
                      <Link href={`/orders/${e.order}`} className="text-primary hover:underline">
                        {e.order}
                      </Link>
                    ) : (
                      "—"
                    )}
                  </TableCell>
                  <TableCell>
                    {e.customer ? (
                      <Link href={`/customers/${encodeURIComponent(e.customer)}`} className="hover:underline">
                        {e.customerName}
                      </Link>
                    ) : (
                      "—"
                    )}
                  </TableCell>
                  <TableCell className="max-w-md text-muted-foreground">{e.reason}</TableCell>
                  <TableCell className="whitespace-nowrap">
                    {status === "open" ? (
                      <span className={e.isOverdue ? "font-medium text-destructive" : undefined}>
                        <DateTime value={e.dueAt} />
                        {e.isOverdue ? " · overdue" : ""}
                      </span>
                    ) : (
                      <span>
                        <DateTime value={e.resolvedAt!} /> · {e.resolvedBy}
                      </span>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      <Pager basePath="/exceptions" params={{ status, type, cursor }} nextCursor={page.nextCursor} shown={page.items.length} />
    </>
  );
}
