import Link from "next/link";
import { z } from "zod";
import { firstParam, ListFilters, Pager } from "~/components/list/list-controls";
import { DateTime, Money } from "~/components/shell/money";
import { StatusBadge, statusLabel } from "~/components/shell/status-badge";
import { EmptyState } from "~/components/ui/empty-state";
import { Label } from "~/components/ui/label";
import { PageHeader } from "~/components/ui/page-header";
import { NativeSelect } from "~/components/ui/select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "~/components/ui/table";
import { requirePermission } from "~/app/(desk)/guard";
import { ORDER_STATUSES } from "~/server/orders/constants";
import { api } from "~/trpc/server";
import { ShoppingCart } from "lucide-react";

export const metadata = { title: "Orders" };

const ZStatus = z.enum(ORDER_STATUSES).optional().catch(undefined);

export default async function OrdersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission("orders.view", "/orders");
  const params = await searchParams;
  const search = firstParam(params.search);
  const status = ZStatus.parse(firstParam(params.status));
  const cursor = firstParam(params.cursor);
  const page = await (await api()).orders.list({ search, status, cursor, limit: 50 });

  return (
    <>
      <PageHeader title="Orders" description="Every order, newest first." />
      <ListFilters searchLabel="Search orders" searchValue={search} placeholder="Order number, PO number or customer">
        <div className="grid gap-1.5">
          <Label htmlFor="status-filter">Status</Label>
          <NativeSelect id="status-filter" name="status" defaultValue={status ?? ""} className="w-44">
            <option value="">Any status</option>
            {ORDER_STATUSES.map((s) => (
              <option key={s} value={s}>
                {statusLabel(s)}
              </option>
            ))}
          </NativeSelect>
        </div>
      </ListFilters>
      {page.items.length === 0 ? (
        <EmptyState icon={ShoppingCart} title="No orders match" description="Try another search or status." />
      ) : (
        <div className="rounded-lg border bg-background">
          <Table aria-label="Orders">
            <TableHeader>
              <TableRow>
                <TableHead>Order</TableHead>
                <TableHead>Customer</TableHead>
                <TableHead>Customer PO</TableHead>
                <TableHead>Status</TableHead>
                <TableHead>Fulfillment</TableHead>
                <TableHead>Billing</TableHead>
                <TableHead numeric>Lines</TableHead>
                <TableHead numeric>Total</TableHead>
                <TableHead>Created</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {page.items.map((order) => (
                <TableRow key={order.number}>
                  <TableCell className="font-medium whitespace-nowrap">{order.number}</TableCell>
                  <TableCell>
                    <Link href={`/customers/${order.customer.code}`} className="hover:underline">
                      {order.customer.name}
                    </Link>
                  </TableCell>
                  <TableCell className="text-muted-foreground">{order.customerReference ?? "—"}</TableCell>
                  <TableCell>
                    <StatusBadge status={order.status} />
                  </TableCell>
                  <TableCell>
                    <StatusBadge status={order.fulfillmentStatus} />
                  </TableCell>
                  <TableCell>
                    <StatusBadge status={order.billingStatus} />
                  </TableCell>
                  <TableCell numeric>{order.lineCount}</TableCell>
                  <TableCell numeric>
                    <Money amount={order.total} currency={order.currency} />
                  </TableCell>
                  <TableCell className="text-muted-foreground">
                    <DateTime value={order.createdAt} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      <Pager basePath="/orders" params={{ search, status, cursor }} nextCursor={page.nextCursor} shown={page.items.length} />
    </>
  );
}
