import { Building2 } from "lucide-react";
import Link from "next/link";
import { requirePermission } from "~/app/(desk)/guard";
import { firstParam, ListFilters, Pager } from "~/components/list/list-controls";
import { PurchasingTabs } from "~/components/purchasing/purchasing-tabs";
import { VendorArchiveButton } from "~/components/purchasing/vendor-archive-button";
import { VendorDialog } from "~/components/purchasing/vendor-dialog";
import { Badge } from "~/components/ui/badge";
import { EmptyState } from "~/components/ui/empty-state";
import { Label } from "~/components/ui/label";
import { PageHeader } from "~/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "~/components/ui/table";
import { can } from "~/server/auth/permissions";
import { api } from "~/trpc/server";

export const metadata = { title: "Vendors" };

/** `/purchasing/vendors`: who we buy from, their lead times, products and open purchase orders. */
export default async function VendorsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = await searchParams;
  const search = firstParam(raw.search)?.slice(0, 100);
  const includeArchived = firstParam(raw.archived) === "true";
  const cursor = firstParam(raw.cursor);
  const actor = await requirePermission("purchasing.view", "/purchasing/vendors");
  const page = await (await api()).purchasing.vendors.list({ search, includeArchived, cursor, limit: 100 });
  const canManage = can(actor.role, "purchasing.manage");

  return (
    <>
      <PageHeader
        title="Purchasing"
        description="Vendors, their lead times and the products they usually supply."
        actions={canManage ? <VendorDialog /> : null}
      />
      <PurchasingTabs current="vendors" />
      <ListFilters searchLabel="Search vendors" searchValue={search} placeholder="Code or name">
        <div className="flex h-9 items-center gap-2">
          <input id="vendors-archived" name="archived" type="checkbox" value="true" defaultChecked={includeArchived} className="size-4 accent-primary" />
          <Label htmlFor="vendors-archived">Include archived</Label>
        </div>
      </ListFilters>
      {page.items.length === 0 ? (
        <EmptyState
          icon={Building2}
          title={search ? "No vendor matches" : "No vendors yet"}
          description={search ? "Try another code or name." : "Create a vendor to draft purchase orders with it."}
          action={canManage && !search ? <VendorDialog /> : undefined}
        />
      ) : (
        <div className="rounded-lg border bg-background">
          <Table aria-label="Vendors">
            <TableHeader>
              <TableRow>
                <TableHead>Code</TableHead>
                <TableHead>Name</TableHead>
                <TableHead>Contact</TableHead>
                <TableHead numeric>Lead time</TableHead>
                <TableHead numeric>Products</TableHead>
                <TableHead numeric title="Sent or partially received: stock on its way">POs on order</TableHead>
                {canManage && (
                  <TableHead>
                    <span className="sr-only">Actions</span>
                  </TableHead>
                )}
              </TableRow>
            </TableHeader>
            <TableBody>
              {page.items.map((v) => (
                <TableRow key={v.code} className={v.isArchived ? "text-muted-foreground" : undefined}>
                  <TableCell className="font-mono text-xs">
                    <Link href={`/purchasing/vendors/${encodeURIComponent(v.code)}`} className="font-medium text-primary hover:underline">
                      {v.code}
                    </Link>
                  </TableCell>
                  <TableCell>
                    {v.name} {v.isArchived && <Badge variant="neutral">Archived</Badge>}
                  </TableCell>
                  <TableCell>
                    <span className="block">{v.contactName ?? "—"}</span>
                    <span className="block text-xs text-muted-foreground">
                      {v.email && (
                        <a href={`mailto:${v.email}`} className="hover:underline">
                          {v.email}
                        </a>
                      )}
                      {v.email && v.phone && " · "}
                      {v.phone}
                    </span>
                  </TableCell>
                  <TableCell numeric>{v.leadTimeDays} days</TableCell>
                  <TableCell numeric>{v.productCount}</TableCell>
                  <TableCell numeric>
                    {v.openPurchaseOrders > 0 ? (
                      <Link href={`/purchasing?vendor=${encodeURIComponent(v.code)}`} className="text-primary hover:underline">
                        {v.openPurchaseOrders}
                      </Link>
                    ) : (
                      0
                    )}
                  </TableCell>
                  {canManage && (
                    <TableCell>
                      <div className="flex justify-end gap-1">
                        <VendorDialog vendor={v} compact />
                        <VendorArchiveButton vendor={v} compact />
                      </div>
                    </TableCell>
                  )}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      <Pager
        basePath="/purchasing/vendors"
        params={{ search, archived: includeArchived ? "true" : undefined, cursor }}
        nextCursor={page.nextCursor}
        shown={page.items.length}
      />
    </>
  );
}
