"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { LoaderCircle, ScrollText } from "lucide-react";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTransition } from "react";
import { DateTime } from "~/components/shell/money";
import { EmptyState } from "~/components/ui/empty-state";
import { Label } from "~/components/ui/label";
import { NativeSelect } from "~/components/ui/select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "~/components/ui/table";
import { cn } from "~/lib/utils";
import type { MovementKind } from "~/server/inventory/constants";
import type { TLedgerEntry } from "~/server/inventory/schemas";
import { useTRPC } from "~/trpc/react";
import { LoadMore } from "~/components/list/load-more";
import { LEDGER_PAGE_SIZE, LEDGER_SCOPE_LABELS, type LedgerScope } from "./constants";


const KIND_LABELS: Record<MovementKind, string> = {
  receipt: "Receipt",
  shipment: "Shipment",
  adjustment: "Adjustment",
  transfer_out: "Transfer out",
  transfer_in: "Transfer in",
  return: "Return",
  reservation: "Reserved",
  release: "Released",
};

/** Reasons recorded by the app, in words; anything else (free text) is shown with underscores as spaces. */
const REASON_LABELS: Record<string, string> = {
  cycle_count: "Cycle count",
  damaged: "Damaged",
  found: "Found",
  lost: "Lost",
  correction: "Correction",
  initial_stock: "Initial stock",
  order: "Order",
  purchase_order: "Purchase order",
};

function reasonLabel(reason: string): string {
  const known = REASON_LABELS[reason];
  if (known) return known;
  const text = reason.replace(/_/g, " ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Where a movement's reference leads: orders and purchase orders have pages. */
function referenceHref(reference: string): string | null {
  if (/^SO-\d+$/.test(reference)) return `/orders/${reference}`;
  if (/^PO-[\w-]+$/.test(reference)) return `/purchasing/${reference}`;
  return null;
}

/**
 * The SKU's stock ledger, newest first, with the on hand of the movement's warehouse after each on-hand
 * movement. Filters (warehouse, kinds) live in the URL (`ledgerWarehouse`, `ledgerScope`); "Load more"
 * follows the keyset cursor.
 */
export function StockLedgerTable({
  sku,
  warehouse,
  scope,
  warehouses,
  firstPage,
}: {
  sku: string;
  warehouse?: string;
  scope: LedgerScope;
  warehouses: string[];
  firstPage: { items: TLedgerEntry[]; nextCursor: string | null };
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [isPending, startTransition] = useTransition();
  const query = useInfiniteQuery(
    trpc.inventory.ledger.infiniteQueryOptions(
      { sku, warehouse, scope, limit: LEDGER_PAGE_SIZE },
      { getNextPageParam: (last) => last.nextCursor, initialData: { pages: [firstPage], pageParams: [null] } },
    ),
  );
  const rows = query.data?.pages.flatMap((p) => p.items) ?? [];

  function setFilter(key: "ledgerWarehouse" | "ledgerScope", value: string) {
    const next = new URLSearchParams(searchParams?.toString());
    if (value) next.set(key, value);
    else next.delete(key);
    const text = next.toString();
    startTransition(() => router.replace(text ? `${pathname}?${text}` : pathname, { scroll: false }));
  }

  return (
    <div className="grid min-w-0 grid-cols-[minmax(0,1fr)] gap-3">
      <div className="flex flex-wrap items-end gap-3" role="group" aria-label="Ledger filters">
        <div className="grid gap-1.5">
          <Label htmlFor="ledger-warehouse">Ledger warehouse</Label>
          <NativeSelect id="ledger-warehouse" value={warehouse ?? ""} onChange={(e) => setFilter("ledgerWarehouse", e.target.value)} className="w-44">
            <option value="">All warehouses</option>
            {warehouses.map((code) => (
              <option key={code} value={code}>
                {code}
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="ledger-scope">Movements</Label>
          <NativeSelect id="ledger-scope" value={scope} onChange={(e) => setFilter("ledgerScope", e.target.value === "all" ? "" : e.target.value)} className="w-44">
            {Object.entries(LEDGER_SCOPE_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </NativeSelect>
        </div>
        {isPending && <LoaderCircle className="mb-2.5 size-4 animate-spin text-muted-foreground" aria-label="Loading" />}
      </div>
      {rows.length === 0 ? (
        <EmptyState icon={ScrollText} title="No movements" description="Nothing has moved for this SKU with these filters." />
      ) : (
        <div className="rounded-lg border bg-background">
          <Table aria-label="Stock ledger">
            <TableHeader>
              <TableRow>
                <TableHead>When</TableHead>
                <TableHead>Warehouse</TableHead>
                <TableHead>Movement</TableHead>
                <TableHead numeric>Quantity</TableHead>
                <TableHead numeric>On hand after</TableHead>
                <TableHead>Reason</TableHead>
                <TableHead>Reference</TableHead>
                <TableHead className="hidden xl:table-cell">By</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((m) => {
                const isReservation = m.balance === null;
                const href = m.reference ? referenceHref(m.reference) : null;
                return (
                  <TableRow key={m.id} className={cn(isReservation && "text-muted-foreground")} title={`By ${m.actor}`}>
                    <TableCell>
                      <DateTime value={m.createdAt} />
                    </TableCell>
                    <TableCell>{m.warehouse}</TableCell>
                    <TableCell>{KIND_LABELS[m.kind]}</TableCell>
                    <TableCell numeric className={cn(!isReservation && (m.quantity > 0 ? "text-success-soft-foreground" : "text-destructive"))}>
                      {isReservation ? m.quantity : `${m.quantity > 0 ? "+" : "−"}${Math.abs(m.quantity)}`}
                    </TableCell>
                    <TableCell numeric>{m.balance ?? <span title="Reservations change reserved, not on hand">—</span>}</TableCell>
                    <TableCell className="xl:whitespace-nowrap" title={m.reason ?? undefined}>{m.reason ? reasonLabel(m.reason) : "—"}</TableCell>
                    <TableCell className="font-mono text-xs whitespace-nowrap">
                      {href ? (
                        <Link href={href} className="text-primary hover:underline">
                          {m.reference}
                        </Link>
                      ) : (
                        (m.reference ?? "—")
                      )}
                    </TableCell>
                    {/* Who, from 1280 px on (below it the row's title says): the figures keep the room. */}
                    <TableCell className="hidden max-w-40 truncate xl:table-cell" title={m.actor}>
                      {m.actor}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </div>
      )}
      <LoadMore shown={rows.length} noun="movement" query={query} />
    </div>
  );
}
