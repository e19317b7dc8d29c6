"use client";

import { useMutation } from "@tanstack/react-query";
import { ClipboardList } from "lucide-react";
import Link from "next/link";
import { Fragment, useEffect, useRef, useState } from "react";
import { toast } from "~/components/ui/toast";
import { PurchaseOrderStatusBadge } from "~/components/purchasing/purchase-order-status";
import { Money } from "~/components/shell/money";
import { Button } from "~/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow, WIDE_ONLY } from "~/components/ui/table";
import { apiErrorOf } from "~/lib/trpc-error";
import { cn } from "~/lib/utils";
import type { TDraftPurchaseOrdersResult, TReorderSuggestion } from "~/server/purchasing/schemas";
import { useTRPC } from "~/trpc/react";
import { groupByVendor, groupSelection, toggleGroup } from "./group-suggestions";
import { useReplenishmentChanged } from "./use-replenishment-changed";

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/**
 * Shown from 1280 px on. Below it the product name moves under the SKU, and reserved, inbound and backordered
 * give way to the position they add up to (its title and a screen-reader note spell the sum out), so Est. cost
 * stays in view at 1024 px.
 */
/** Columns between the choice box and Est. cost: SKU, warehouse, on hand, position, reorder point, suggested qty. */
const NARROW_SPAN = 6;
/** The same from 1280 px on: plus product, reserved, inbound and backordered. */
const WIDE_SPAN = 10;

/** The toast after drafting: every PO number, linked to its page. */
function DraftedDescription({ result }: { result: TDraftPurchaseOrdersResult }) {
  return (
    <div className="grid gap-1">
      <ul className="flex flex-wrap gap-x-3 gap-y-1">
        {result.purchaseOrders.map((po) => (
          <li key={po.number}>
            <Link href={`/purchasing/${encodeURIComponent(po.number)}`} className="font-mono font-medium text-primary underline-offset-2 hover:underline">
              {po.number}
            </Link>{" "}
            <span className="text-muted-foreground">
              {po.vendor} → {po.warehouse}
            </span>
          </li>
        ))}
      </ul>
      {result.skippedWithoutVendor.length > 0 && (
        <p>Left out (no usual vendor): {result.skippedWithoutVendor.map((s) => `${s.sku} (${s.warehouse})`).join(", ")}</p>
      )}
    </div>
  );
}

function GroupCheckbox({ state, onChange, label, disabled }: { state: "all" | "some" | "none"; onChange: () => void; label: string; disabled: boolean }) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = state === "some";
  }, [state]);
  return (
    <input ref={ref} type="checkbox" aria-label={label} checked={state === "all"} onChange={onChange} disabled={disabled} className="size-4 accent-primary" />
  );
}

/**
 * Reorder suggestions grouped by vendor, with the numbers that explain each one (on hand − reserved +
 * inbound − backordered = position ≤ reorder point). Open suggestions can be chosen and drafted into
 * purchase orders in one click; without a choice, "Draft all POs" drafts every open suggestion that has a
 * usual vendor (all pages).
 */
export function SuggestionsTable({
  items,
  status,
  canDraft,
  draftableTotal,
}: {
  items: TReorderSuggestion[];
  status: "open" | "drafted";
  canDraft: boolean;
  /** Open suggestions with a usual vendor, on every page. */
  draftableTotal: number;
}) {
  const trpc = useTRPC();
  const changed = useReplenishmentChanged();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const groups = groupByVendor(items);
  const isOpen = status === "open";
  const showSelection = isOpen && canDraft;

  const draft = useMutation(
    trpc.replenishment.draftPurchaseOrders.mutationOptions({
      onSuccess: (result) => {
        toast.success(`Drafted ${plural(result.purchaseOrders.length, "purchase order")} from ${plural(result.drafted, "suggestion")}`, {
          description: <DraftedDescription result={result} />,
          duration: 15_000,
        });
        setSelected(new Set());
        changed();
      },
      onError: (error) => {
        const apiError = apiErrorOf(error);
        toast.error("Could not draft purchase orders", { description: apiError.message });
        // Recalculated or drafted by someone else meanwhile: show the list as it is now.
        if (apiError.code === "SUGGESTIONS_CHANGED" || apiError.code === "SUGGESTIONS_ALREADY_DRAFTED") {
          setSelected(new Set());
          changed();
        }
      },
    }),
  );

  const chosen = items.filter((i) => selected.has(i.id));
  const chosenPos = new Set(chosen.map((i) => `${i.vendor?.code}:${i.warehouse}`)).size;

  return (
    <div className="grid min-w-0 grid-cols-[minmax(0,1fr)] gap-3">
      {showSelection && (
        <div className="flex flex-wrap items-center justify-between gap-3 rounded-lg border bg-muted/30 px-3 py-2">
          <p className="text-sm text-muted-foreground" aria-live="polite">
            {chosen.length > 0
              ? `${plural(chosen.length, "suggestion")} chosen → ${plural(chosenPos, "draft purchase order")}`
              : `Choose suggestions to draft, or draft all ${draftableTotal} that have a usual vendor.`}
          </p>
          <div className="flex gap-2">
            {chosen.length > 0 && (
              <Button variant="ghost" onClick={() => setSelected(new Set())} disabled={draft.isPending}>
                Clear choice
              </Button>
            )}
            <Button
              onClick={() => draft.mutate(chosen.length > 0 ? { suggestionIds: chosen.map((i) => i.id) } : {})}
              disabled={draft.isPending || (chosen.length === 0 && draftableTotal === 0)}
            >
              <ClipboardList aria-hidden />
              {draft.isPending ? "Drafting…" : chosen.length > 0 ? `Draft POs for ${plural(chosen.length, "suggestion")}` : "Draft all POs"}
            </Button>
          </div>
        </div>
      )}
      <div className="rounded-lg border bg-background">
        <Table aria-label={isOpen ? "Reorder suggestions" : "Drafted reorder suggestions"}>
          <TableHeader>
            <TableRow>
              {showSelection && (
                <TableHead className="w-8">
                  <span className="sr-only">Choose</span>
                </TableHead>
              )}
              <TableHead>SKU</TableHead>
              <TableHead className={WIDE_ONLY}>Product</TableHead>
              <TableHead>Warehouse</TableHead>
              <TableHead numeric>On hand</TableHead>
              <TableHead numeric className={WIDE_ONLY}>
                Reserved
              </TableHead>
              <TableHead numeric className={WIDE_ONLY}>
                Inbound
              </TableHead>
              <TableHead numeric className={WIDE_ONLY}>
                Backordered
              </TableHead>
              <TableHead numeric>Position</TableHead>
              {/* Two-word headings may wrap: the numbers under them are narrow. */}
              <TableHead numeric className="whitespace-normal">
                Reorder point
              </TableHead>
              <TableHead numeric className="whitespace-normal">
                Suggested qty
              </TableHead>
              <TableHead numeric className="whitespace-normal">
                Est. cost
              </TableHead>
              {!isOpen && <TableHead>Purchase order</TableHead>}
            </TableRow>
          </TableHeader>
          <TableBody>
            {groups.map((group, index) => {
              const vendorLabel = group.vendor ? `${group.vendor.name} (${group.vendor.code})` : "No usual vendor";
              const state = groupSelection(group.selectableIds, selected);
              const groupName = (
                <>
                  <span className="font-medium">{vendorLabel}</span>
                  <span className="ml-2 text-xs text-muted-foreground">
                    {plural(group.items.length, "suggestion")}
                    {group.vendor && isOpen ? ` · ${plural(group.warehouses, "PO")} when drafted` : ""}
                    {!group.vendor && " · set a usual vendor on the vendor's page (Purchasing → Vendors) to draft these"}
                  </span>
                </>
              );
              return (
                // The drafted history (newest PO first) may show one vendor in several runs of rows.
                <Fragment key={`${index}:${group.key}`}>
                  <TableRow className="bg-muted/40 hover:bg-muted/40" data-vendor-group={group.key}>
                    {showSelection && (
                      <TableCell>
                        <GroupCheckbox
                          state={state}
                          onChange={() => setSelected((s) => toggleGroup(group.selectableIds, s))}
                          label={`Choose all of ${vendorLabel}`}
                          disabled={group.selectableIds.length === 0 || draft.isPending}
                        />
                      </TableCell>
                    )}
                    {/* The name spans every column before Est. cost: fewer below 1280 px (CSS, so the server render is right at any width). */}
                    <TableCell colSpan={NARROW_SPAN} className="py-1.5 xl:hidden">
                      {groupName}
                    </TableCell>
                    <TableCell colSpan={WIDE_SPAN} className="hidden py-1.5 xl:table-cell">
                      {groupName}
                    </TableCell>
                    <TableCell numeric className="py-1.5 font-medium">
                      <Money amount={group.estimatedCost} currency={group.currency} />
                    </TableCell>
                    {!isOpen && <TableCell />}
                  </TableRow>
                  {group.items.map((s) => {
                    const drifted = s.position !== s.computedPosition;
                    const sum = `${s.onHand} on hand − ${s.reserved} reserved + ${s.inbound} inbound − ${s.backordered} backordered`;
                    return (
                      <TableRow key={s.id} data-state={selected.has(s.id) ? "selected" : undefined}>
                        {showSelection && (
                          <TableCell>
                            <input
                              type="checkbox"
                              aria-label={`Choose ${s.sku} for ${s.warehouse}`}
                              checked={selected.has(s.id)}
                              disabled={!s.vendor || draft.isPending}
                              title={s.vendor ? undefined : "No usual vendor: it cannot be drafted"}
                              onChange={() =>
                                setSelected((current) => {
                                  const next = new Set(current);
                                  if (next.has(s.id)) next.delete(s.id);
                                  else next.add(s.id);
                                  return next;
                                })
                              }
                              className="size-4 accent-primary"
                            />
                          </TableCell>
                        )}
                        <TableCell className="font-mono text-xs whitespace-nowrap">
                          <Link href={`/inventory/${encodeURIComponent(s.sku)}`} className="text-primary hover:underline" title={s.productName}>
                            {s.sku}
                          </Link>
                          <span className="block max-w-32 truncate font-sans text-muted-foreground xl:hidden">{s.productName}</span>
                        </TableCell>
                        <TableCell className={cn("hidden max-w-40 truncate xl:table-cell", isOpen ? "xl:max-w-48" : "xl:max-w-40")} title={s.productName}>
                          {s.productName}
                        </TableCell>
                        <TableCell>{s.warehouse}</TableCell>
                        <TableCell numeric>{s.onHand}</TableCell>
                        <TableCell numeric className={WIDE_ONLY}>
                          {s.reserved}
                        </TableCell>
                        <TableCell numeric className={WIDE_ONLY}>
                          {s.inbound}
                        </TableCell>
                        <TableCell numeric className={cn(s.backordered > 0 && "text-warning-soft-foreground", WIDE_ONLY)}>
                          {s.backordered}
                        </TableCell>
                        <TableCell numeric className={cn("font-medium", s.position <= s.reorderPoint && "text-destructive")}>
                          <span title={drifted ? `${sum} (${s.computedPosition} when computed)` : sum}>{s.position}</span>
                          {/* The columns it adds up are hidden below 1280 px. */}
                          <span className="sr-only xl:hidden"> ({sum})</span>
                          {drifted && <span className="sr-only"> (was {s.computedPosition} when computed)</span>}
                        </TableCell>
                        <TableCell numeric>{s.reorderPoint}</TableCell>
                        <TableCell numeric className="font-semibold">
                          {s.quantity}
                        </TableCell>
                        <TableCell numeric>
                          <Money amount={s.estimatedCost} currency={s.currency} />
                        </TableCell>
                        {!isOpen && (
                          <TableCell>
                            {s.purchaseOrder && (
                              <span className="flex flex-col items-start gap-0.5">
                                <Link href={`/purchasing/${encodeURIComponent(s.purchaseOrder.number)}`} className="font-mono text-xs text-primary hover:underline">
                                  {s.purchaseOrder.number}
                                </Link>
                                <PurchaseOrderStatusBadge status={s.purchaseOrder.status} />
                              </span>
                            )}
                          </TableCell>
                        )}
                      </TableRow>
                    );
                  })}
                </Fragment>
              );
            })}
          </TableBody>
        </Table>
      </div>
    </div>
  );
}
