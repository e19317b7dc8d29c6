import { TRPCError } from "@trpc/server";
import { PackageOpen } from "lucide-react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission } from "~/app/(desk)/guard";
import { AdjustStockDialog } from "~/components/inventory/adjust-stock-dialog";
import { AtpChart } from "~/components/inventory/atp-chart";
import { MY_WAREHOUSE_KEY, readMyWarehouse } from "~/components/inventory/my-warehouse";
import { HoldbackDialog, ReorderPointDialog } from "~/components/inventory/level-settings-dialogs";
import { LEDGER_PAGE_SIZE, LEDGER_SCOPE_LABELS, RESERVATIONS_PAGE_SIZE, type LedgerScope } from "~/components/inventory/constants";
import { SkuReservationsTable } from "~/components/inventory/sku-reservations-table";
import { StockLedgerTable } from "~/components/inventory/stock-ledger-table";
import { StockStatusTag } from "~/components/inventory/stock-status-tag";
import { DateOnly } from "~/components/shell/money";
import { StatusBadge } from "~/components/shell/status-badge";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { EmptyState } from "~/components/ui/empty-state";
import { PageHeader } from "~/components/ui/page-header";
import { Table, TableBody, TableCell, TableFooter, TableHead, TableHeader, TableRow } from "~/components/ui/table";
import { can } from "~/server/auth/permissions";
import { AppError } from "~/server/errors";
import type { TStockDetail } from "~/server/inventory/schemas";
import { api } from "~/trpc/server";

type Props = {
  params: Promise<{ sku: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props) {
  const { sku } = await params;
  return { title: `${decodeURIComponent(sku)} · Inventory` };
}

/** A bad or unknown SKU is a 404, not an error page. */
function isMissing(error: unknown): boolean {
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof AppError) return cause.kind === "not_found" || cause.kind === "invalid";
  return error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST");
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) || undefined;

export default async function SkuStockPage({ params, searchParams }: Props) {
  const { sku: rawSku } = await params;
  const sku = decodeURIComponent(rawSku).trim();
  const actor = await requirePermission("inventory.view", `/inventory/${rawSku}`);
  const search = await searchParams;
  const caller = await api();
  const detail = await caller.inventory.detail({ sku }).catch((error: unknown) => {
    if (isMissing(error)) notFound();
    throw error;
  });
  const warehouseCodes = detail.levels.map((l) => l.warehouse);
  const ledgerWarehouse = warehouseCodes.find((code) => code === first(search.ledgerWarehouse));
  const scopeParam = first(search.ledgerScope);
  const ledgerScope: LedgerScope = scopeParam && scopeParam in LEDGER_SCOPE_LABELS ? (scopeParam as LedgerScope) : "all";
  const [timeline, ledger, reservations, myWarehouse] = await Promise.all([
    caller.inventory.atpTimeline({ sku: detail.product.sku }),
    caller.inventory.ledger({ sku: detail.product.sku, warehouse: ledgerWarehouse, scope: ledgerScope, limit: LEDGER_PAGE_SIZE }),
    caller.orders.reservationsForSku({ sku: detail.product.sku, limit: RESERVATIONS_PAGE_SIZE }),
    caller.preferences.get({ key: MY_WAREHOUSE_KEY }).catch(() => null),
  ]);
  const { product } = detail;
  const canAdjust = can(actor.role, "stock.adjust");
  const canConfigure = can(actor.role, "stock.configure");
  const warehouses = detail.levels.map((l) => ({ code: l.warehouse, name: l.warehouseName }));
  // Warehouses that never stocked the SKU are hidden unless ?show=all (the toggle keeps the other params);
  // a SKU no warehouse has stocked yet shows them all.
  const showAll = first(search.show) === "all" || detail.levels.every((l) => l.neverStocked);
  const hiddenLevels = showAll ? 0 : detail.levels.filter((l) => l.neverStocked).length;
  const levelsHref = (all: boolean) => {
    const next = new URLSearchParams(Object.entries(search).flatMap(([k, v]) => (k === "show" || v === undefined ? [] : [[k, first(v) ?? ""]])));
    if (all) next.set("show", "all");
    const query = next.toString();
    return `/inventory/${encodeURIComponent(product.sku)}${query ? `?${query}` : ""}#levels-heading`;
  };

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/inventory" className="text-muted-foreground hover:text-foreground hover:underline">
          ← Inventory
        </Link>
      </p>
      <PageHeader
        title={
          <>
            <span className="font-mono">{product.sku}</span> <span className="font-normal text-muted-foreground">·</span> {product.name}
          </>
        }
        description={
          <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
            <span>
              Category{" "}
              <Link href={`/inventory?category=${encodeURIComponent(product.category)}`} className="font-medium text-foreground hover:underline">
                {product.categoryName}
              </Link>
            </span>
            <span aria-hidden>·</span>
            {product.vendor ? (
              <span>
                Usual vendor <span className="font-medium text-foreground">{product.vendor.name}</span>{" "}
                <span className="font-mono text-xs">{product.vendor.code}</span>
                {product.vendor.vendorSku && <> (their SKU {product.vendor.vendorSku})</>}, lead time {product.vendor.leadTimeDays} days
              </span>
            ) : (
              <span>No usual vendor · lead time {product.leadTimeDays} days</span>
            )}
            <span aria-hidden>·</span>
            <span>Unit: {product.unit}</span>
            {product.isArchived && <Badge variant="neutral">Archived</Badge>}
          </span>
        }
        actions={
          <>
            <Button asChild variant="outline">
              <Link href={`/products/${encodeURIComponent(product.sku)}`}>Product details</Link>
            </Button>
            {canAdjust && (
              <AdjustStockDialog
                warehouses={warehouses}
                defaultSku={product.sku}
                defaultWarehouse={readMyWarehouse(myWarehouse, warehouses)}
                initiallyOpen={search.adjust === "1"}
              />
            )}
          </>
        }
      />

      <dl className="mb-6 grid grid-cols-2 gap-3 sm:grid-cols-5" aria-label="Totals across warehouses">
        <Total label="On hand" value={detail.totals.onHand} />
        <Total label="Reserved" value={detail.totals.reserved} />
        <Total label="Available" value={detail.totals.available} hint="On hand − reserved" />
        <Total label="Held back" value={detail.totals.heldBack} hint="Kept for demand classes" />
        <Total label="Inbound" value={detail.totals.inbound} hint="Open purchase orders and transfers" />
      </dl>

      <section aria-labelledby="levels-heading" className="mb-8">
        <h2 id="levels-heading" className="mb-2 text-sm font-semibold">
          Levels by warehouse
        </h2>
        <LevelsTable detail={detail} canConfigure={canConfigure} showAll={showAll} />
        {hiddenLevels > 0 || first(search.show) === "all" ? (
          <p className="mt-2 text-xs text-muted-foreground">
            {showAll ? (
              <Link href={levelsHref(false)} className="text-primary hover:underline" scroll={false}>
                Hide the warehouses that never stocked {product.sku}
              </Link>
            ) : (
              <>
                {hiddenLevels === 1 ? "1 warehouse has" : `${hiddenLevels} warehouses have`} never stocked {product.sku}.{" "}
                <Link href={levelsHref(true)} className="text-primary hover:underline" scroll={false}>
                  Show all warehouses
                </Link>
              </>
            )}
          </p>
        ) : null}
      </section>

      <section aria-labelledby="atp-heading" className="mb-8">
        <h2 id="atp-heading" className="mb-2 text-sm font-semibold">
          Available to promise, next {timeline.horizonDays} days
        </h2>
        <div className="rounded-lg border bg-background p-4">
          <AtpChart sku={product.sku} initial={timeline} />
        </div>
      </section>

      <section aria-labelledby="inbound-heading" className="mb-8">
        <h2 id="inbound-heading" className="mb-2 text-sm font-semibold">
          Inbound
        </h2>
        <Inbound detail={detail} />
      </section>

      <section aria-labelledby="reservations-heading" className="mb-8">
        <h2 id="reservations-heading" className="mb-2 text-sm font-semibold">
          Open reservations
        </h2>
        <SkuReservationsTable sku={product.sku} firstPage={reservations} />
      </section>

      <section aria-labelledby="ledger-heading">
        <h2 id="ledger-heading" className="mb-2 text-sm font-semibold">
          Ledger
        </h2>
        <StockLedgerTable
          key={`${ledgerWarehouse ?? ""}:${ledgerScope}`}
          sku={product.sku}
          warehouse={ledgerWarehouse}
          scope={ledgerScope}
          warehouses={warehouseCodes}
          firstPage={ledger}
        />
      </section>
    </>
  );
}

function Total({ label, value, hint }: { label: string; value: number; hint?: string }) {
  return (
    <div className="rounded-lg border bg-background px-4 py-3" title={hint}>
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="text-right text-xl font-semibold tabular-nums">{value.toLocaleString("en-US")}</dd>
    </div>
  );
}

function LevelsTable({ detail, canConfigure, showAll }: { detail: TStockDetail; canConfigure: boolean; showAll: boolean }) {
  const { product, totals } = detail;
  const levels = showAll ? detail.levels : detail.levels.filter((l) => !l.neverStocked);
  return (
    <div className="rounded-lg border bg-background">
      <Table aria-label="Stock levels by warehouse">
        <TableHeader>
          <TableRow>
            <TableHead>Warehouse</TableHead>
            <TableHead numeric>On hand</TableHead>
            <TableHead numeric>Reserved</TableHead>
            <TableHead numeric>Available</TableHead>
            <TableHead>Status</TableHead>
            <TableHead numeric>
              <abbr title="Held back for demand classes A, B and C" className="no-underline">
                Held back A / B / C
              </abbr>
            </TableHead>
            <TableHead numeric>
              <abbr title="Reorder point / reorder quantity" className="no-underline">
                Reorder at / qty
              </abbr>
            </TableHead>
            <TableHead>Inbound</TableHead>
            {canConfigure && (
              <TableHead className="text-right">
                <span className="sr-only">Settings</span>
              </TableHead>
            )}
          </TableRow>
        </TableHeader>
        <TableBody>
          {levels.map((level) => (
            <TableRow key={level.warehouse}>
              <TableHead scope="row" className="text-sm font-medium text-foreground" title={level.warehouseName}>
                {/* The warehouse's name from 1280 px on; below it the code (its name in the title) leaves room for the figures. */}
                {level.warehouse} <span className="hidden font-normal text-muted-foreground xl:inline">{level.warehouseName}</span>
              </TableHead>
              <TableCell numeric>{level.onHand}</TableCell>
              <TableCell numeric>{level.reserved}</TableCell>
              <TableCell numeric className="font-medium">
                {level.available}
              </TableCell>
              <TableCell>
                {level.neverStocked ? (
                  <span className="text-muted-foreground">Never stocked</span>
                ) : level.hasLevel ? (
                  <StockStatusTag status={level.status} />
                ) : (
                  <span className="text-muted-foreground">Not stocked</span>
                )}
              </TableCell>
              <TableCell numeric>
                {level.heldBackTotal === 0 ? (
                  <span className="text-muted-foreground">—</span>
                ) : (
                  <span title={`Class A ${level.heldBack.A}, class B ${level.heldBack.B}, class C ${level.heldBack.C}`}>
                    {level.heldBack.A} / {level.heldBack.B} / {level.heldBack.C}
                  </span>
                )}
              </TableCell>
              <TableCell numeric>
                {level.reorderPoint === null ? (
                  <span className="text-muted-foreground">—</span>
                ) : (
                  <span title={`Reorder ${level.reorderQuantity ?? "—"} when at ${level.reorderPoint} or below`}>
                    {level.reorderPoint} / {level.reorderQuantity ?? "—"}
                  </span>
                )}
              </TableCell>
              <TableCell>
                {level.inbound.length === 0 ? (
                  <span className="text-muted-foreground">—</span>
                ) : (
                  <ul className="text-xs">
                    {level.inbound.map((i) => (
                      <li key={i.date} className="whitespace-nowrap tabular-nums">
                        +{i.quantity} on <DateOnly value={i.date} />
                      </li>
                    ))}
                  </ul>
                )}
              </TableCell>
              {canConfigure && (
                <TableCell className="text-right">
                  <div className="flex flex-wrap justify-end gap-1.5">
                    <HoldbackDialog sku={product.sku} warehouse={level.warehouse} heldBack={level.heldBack} />
                    <ReorderPointDialog sku={product.sku} warehouse={level.warehouse} reorderPoint={level.reorderPoint} reorderQuantity={level.reorderQuantity} />
                  </div>
                </TableCell>
              )}
            </TableRow>
          ))}
        </TableBody>
        <TableFooter>
          <TableRow>
            <TableHead scope="row" className="text-sm font-medium text-foreground">
              Total
            </TableHead>
            <TableCell numeric>{totals.onHand}</TableCell>
            <TableCell numeric>{totals.reserved}</TableCell>
            <TableCell numeric>{totals.available}</TableCell>
            <TableCell />
            <TableCell numeric>{totals.heldBack || "—"}</TableCell>
            <TableCell />
            <TableCell className="tabular-nums">{totals.inbound ? `+${totals.inbound}` : "—"}</TableCell>
            {canConfigure && <TableCell />}
          </TableRow>
        </TableFooter>
      </Table>
    </div>
  );
}

function Inbound({ detail }: { detail: TStockDetail }) {
  if (detail.purchaseOrders.length === 0 && detail.transfers.length === 0) {
    return <EmptyState icon={PackageOpen} title="Nothing inbound" description="No sent purchase order or transfer in transit brings this SKU." />;
  }
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <div className="rounded-lg border bg-background">
        <Table aria-label="Open purchase orders">
          <TableHeader>
            <TableRow>
              <TableHead>Purchase order</TableHead>
              <TableHead>Vendor</TableHead>
              <TableHead>To</TableHead>
              <TableHead>Expected</TableHead>
              <TableHead numeric>Ordered</TableHead>
              <TableHead numeric>Remaining</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {detail.purchaseOrders.length === 0 ? (
              <TableRow>
                <TableCell colSpan={6} className="text-muted-foreground">
                  No open purchase orders.
                </TableCell>
              </TableRow>
            ) : (
              detail.purchaseOrders.map((po) => (
                <TableRow key={po.number}>
                  <TableCell className="font-mono text-xs">
                    <Link href={`/purchasing/${encodeURIComponent(po.number)}`} className="text-primary hover:underline">
                      {po.number}
                    </Link>{" "}
                    {po.status === "partially_received" && <StatusBadge status={po.status} className="ml-1" />}
                  </TableCell>
                  <TableCell title={po.vendor}>{po.vendorName}</TableCell>
                  <TableCell>{po.warehouse}</TableCell>
                  <TableCell>
                    <DateOnly value={po.expectedDate} />
                  </TableCell>
                  <TableCell numeric>{po.ordered}</TableCell>
                  <TableCell numeric className="font-medium">
                    {po.remaining}
                  </TableCell>
                </TableRow>
              ))
            )}
          </TableBody>
        </Table>
      </div>
      <div className="rounded-lg border bg-background">
        <Table aria-label="Transfers in transit">
          <TableHeader>
            <TableRow>
              <TableHead>Transfer</TableHead>
              <TableHead>Route</TableHead>
              <TableHead>Expected</TableHead>
              <TableHead numeric>Quantity</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {detail.transfers.length === 0 ? (
              <TableRow>
                <TableCell colSpan={4} className="text-muted-foreground">
                  No transfers in transit.
                </TableCell>
              </TableRow>
            ) : (
              detail.transfers.map((tr) => (
                <TableRow key={tr.number}>
                  <TableCell className="font-mono text-xs">
                    <Link href={`/inventory/transfers?sku=${encodeURIComponent(detail.product.sku)}&status=in_transit`} className="text-primary hover:underline">
                      {tr.number}
                    </Link>
                  </TableCell>
                  <TableCell>
                    {tr.from}
                    <span aria-hidden> → </span>
                    <span className="sr-only"> to </span>
                    {tr.to}
                  </TableCell>
                  <TableCell>
                    <DateOnly value={tr.expectedDate} />
                  </TableCell>
                  <TableCell numeric>{tr.quantity}</TableCell>
                </TableRow>
              ))
            )}
          </TableBody>
        </Table>
      </div>
    </div>
  );
}
