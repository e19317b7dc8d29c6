"use client";

import { ConfirmDialog } from "~/components/ui/confirm-dialog";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Archive, Download, Eye, ListOrdered, Pencil, Plus } from "lucide-react";
import { useState } from "react";
import { toast } from "~/components/ui/toast";
import { DateTime, Money } from "~/components/shell/money";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "~/components/ui/dialog";
import { EmptyState } from "~/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "~/components/ui/table";
import { apiErrorOf } from "~/lib/trpc-error";
import { useTRPC } from "~/trpc/react";
import { HistoryButton } from "./change-history";
import { itemsToCsv } from "./csv";
import { downloadText } from "./dom";
import { PriceListEditor, TIER_BASIS_LABELS, type PriceList, type PriceListEditorMode } from "./price-list-editor";
import { useReferenceValues } from "~/components/settings/reference-values";
import { LoadError, SectionHeader, TableSkeleton, ValidityCell } from "./shared";

function Audience({ list }: { list: PriceList }) {
  const segments = useReferenceValues("segments");
  if (list.customer)
    return (
      <span className="flex flex-col">
        <span>
          <span className="text-muted-foreground">Customer </span>
          {list.customerName ?? list.customer}
        </span>
        <span className="font-mono text-xs text-muted-foreground">{list.customer}</span>
      </span>
    );
  if (list.segment)
    return (
      <span>
        <span className="text-muted-foreground">Segment </span>
        {segments.nameOf(list.segment)}
      </span>
    );
  return <span>Everyone</span>;
}

export function exportListCsv(list: PriceList) {
  downloadText(`${list.code}-items.csv`, itemsToCsv(list.items, list.currency));
  toast.success(`Exported ${list.items.length} item${list.items.length === 1 ? "" : "s"} of ${list.code} as CSV`);
}

export function PriceListsPanel({ canManage }: { canManage: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [showArchived, setShowArchived] = useState(false);
  const lists = useQuery(trpc.pricing.priceLists.queryOptions({ includeArchived: showArchived }));
  const [editing, setEditing] = useState<PriceListEditorMode | null>(null);
  const [viewing, setViewing] = useState<PriceList | null>(null);
  const [archiving, setArchiving] = useState<PriceList | null>(null);

  const archive = useMutation(
    trpc.pricing.archivePriceList.mutationOptions({
      onSuccess: (list) => {
        toast.success(`Price list “${list.name}” archived`, { description: "It no longer prices new orders." });
        setArchiving(null);
        void queryClient.invalidateQueries({ queryKey: trpc.pricing.priceLists.queryKey() });
      },
      onError: (error) => toast.error(apiErrorOf(error).message),
    }),
  );

  const newButton = canManage && (
    <Button onClick={() => setEditing({ kind: "create" })}>
      <Plus aria-hidden="true" /> New price list
    </Button>
  );

  return (
    <section aria-labelledby="price-lists-title">
      <SectionHeader
        id="price-lists-title"
        title="Price lists"
        description="Unit prices and quantity tiers by SKU or category, for everyone, a segment or one customer."
        actions={
          <>
            <label className="flex items-center gap-2 text-sm text-muted-foreground">
              <input type="checkbox" className="size-4 accent-primary" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} />
              Show archived
            </label>
            {newButton}
          </>
        }
      />
      {lists.isPending ? (
        <TableSkeleton label="Loading price lists…" />
      ) : lists.isError ? (
        <LoadError what="the price lists" error={lists.error} onRetry={() => void lists.refetch()} />
      ) : lists.data.length === 0 ? (
        <EmptyState
          icon={ListOrdered}
          title="No price lists yet — every order is priced at list price"
          description={canManage ? "Create one to give a segment or a customer its own prices and quantity tiers." : "An admin can create price lists."}
          action={newButton}
        />
      ) : (
        <div className="rounded-lg border bg-background">
          <Table aria-label="Price lists">
            <TableHeader>
              <TableRow>
                <TableHead>Code</TableHead>
                <TableHead>Name</TableHead>
                <TableHead>For</TableHead>
                <TableHead>Validity</TableHead>
                <TableHead numeric>Priority</TableHead>
                {/* Below 1280 px these two hide so the actions stay in view (the editor shows both). */}
                <TableHead numeric className="hidden xl:table-cell">
                  Items
                </TableHead>
                <TableHead className="hidden xl:table-cell">Updated</TableHead>
                <TableHead>
                  <span className="sr-only">Actions</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {lists.data.map((l) => (
                <TableRow key={l.code} className={l.isArchived ? "opacity-70" : undefined}>
                  <TableCell className="font-mono text-xs whitespace-nowrap">{l.code}</TableCell>
                  <TableCell className="font-medium">
                    {l.name}
                    {l.currency !== "USD" && <span className="ml-1 text-xs text-muted-foreground">({l.currency})</span>}
                  </TableCell>
                  <TableCell>
                    <Audience list={l} />
                  </TableCell>
                  <TableCell>
                    <ValidityCell validFrom={l.validFrom} validTo={l.validTo} archived={l.isArchived} />
                  </TableCell>
                  <TableCell numeric>{l.priority}</TableCell>
                  <TableCell numeric className="hidden xl:table-cell">
                    {l.items.length}
                  </TableCell>
                  <TableCell className="hidden text-xs text-muted-foreground xl:table-cell">
                    <DateTime value={l.updatedAt} />
                    <span className="block">version {l.version}</span>
                  </TableCell>
                  <TableCell>
                    <div className="flex justify-end gap-0.5 whitespace-nowrap">
                      {canManage && !l.isArchived ? (
                        <Button variant="ghost" size="sm" onClick={() => setEditing({ kind: "edit", list: l })} aria-label={`Edit ${l.code}`}>
                          <Pencil aria-hidden="true" /> Edit
                        </Button>
                      ) : (
                        <Button variant="ghost" size="sm" onClick={() => setViewing(l)} aria-label={`View ${l.code}`}>
                          <Eye aria-hidden="true" /> View
                        </Button>
                      )}
                      <Button variant="ghost" size="icon" className="size-8" onClick={() => exportListCsv(l)} aria-label={`Export ${l.code} as CSV`} title="Export the items as CSV">
                        <Download aria-hidden="true" />
                      </Button>
                      <HistoryButton entityType="price_list" entityId={l.code} label={`price list ${l.code}`} iconOnly />
                      {canManage && !l.isArchived && (
                        <Button
                          variant="ghost"
                          size="icon"
                          className="size-8 text-destructive"
                          onClick={() => setArchiving(l)}
                          aria-label={`Archive ${l.code}`}
                          title="Archive: stop using this list"
                        >
                          <Archive aria-hidden="true" />
                        </Button>
                      )}
                    </div>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}

      {canManage && <PriceListEditor mode={editing} onClose={() => setEditing(null)} />}
      <PriceListView list={viewing} onClose={() => setViewing(null)} />

      <ConfirmDialog
        target={archiving}
        onClose={() => setArchiving(null)}
        title={(l) => `Archive price list “${l.name}”?`}
        description={() =>
          "New orders stop getting its prices at once. Orders already priced keep their prices and explanations. Archived lists stay visible under “Show archived”."
        }
        confirmLabel="Archive price list"
        pendingLabel="Archiving…"
        isPending={archive.isPending}
        onConfirm={(l) => archive.mutate({ code: l.code })}
      />
    </section>
  );
}

/** Read-only view of a list and its items (managers, archived lists). */
function PriceListView({ list, onClose }: { list: PriceList | null; onClose: () => void }) {
  return (
    <Dialog open={!!list} onOpenChange={(open) => !open && onClose()}>
      <DialogContent className="sm:max-w-3xl">
        {list && (
          <>
            <DialogHeader>
              <DialogTitle>
                {list.name} <span className="font-mono text-sm font-normal text-muted-foreground">{list.code}</span>
              </DialogTitle>
              <DialogDescription>
                Version {list.version}, updated <DateTime value={list.updatedAt} />. Tier by: {TIER_BASIS_LABELS[list.tierBasis].toLowerCase()}.
              </DialogDescription>
            </DialogHeader>
            <dl className="grid grid-cols-2 gap-x-6 gap-y-2 text-sm sm:grid-cols-4">
              <div>
                <dt className="text-xs text-muted-foreground">For</dt>
                <dd>
                  <Audience list={list} />
                </dd>
              </div>
              <div>
                <dt className="text-xs text-muted-foreground">Validity</dt>
                <dd>
                  <ValidityCell validFrom={list.validFrom} validTo={list.validTo} archived={list.isArchived} />
                </dd>
              </div>
              <div>
                <dt className="text-xs text-muted-foreground">Priority</dt>
                <dd className="tabular-nums">{list.priority}</dd>
              </div>
              <div>
                <dt className="text-xs text-muted-foreground">Currency</dt>
                <dd>{list.currency}</dd>
              </div>
            </dl>
            {list.items.length === 0 ? (
              <p className="text-sm text-muted-foreground">This list has no items.</p>
            ) : (
              <div className="max-h-[50vh] overflow-y-auto rounded-md border">
                <Table aria-label={`Items of ${list.code}`}>
                  <TableHeader className="sticky top-0 bg-muted">
                    <TableRow>
                      <TableHead>SKU or category</TableHead>
                      <TableHead numeric>From quantity</TableHead>
                      <TableHead numeric>Unit price</TableHead>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {list.items.map((i, n) => (
                      <TableRow key={n}>
                        <TableCell>
                          {i.sku ? (
                            <>
                              <span className="font-mono text-xs">{i.sku}</span>
                              {i.productName && <span className="ml-2 text-muted-foreground">{i.productName}</span>}
                            </>
                          ) : (
                            <>
                              <Badge variant="outline">Category</Badge> {i.category}
                            </>
                          )}
                        </TableCell>
                        <TableCell numeric>{i.minQuantity}</TableCell>
                        <TableCell numeric>
                          <Money amount={i.unitPrice} currency={list.currency} />
                        </TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </div>
            )}
            <DialogFooter>
              <Button variant="outline" onClick={() => exportListCsv(list)}>
                <Download aria-hidden="true" /> Export CSV
              </Button>
              <DialogClose asChild>
                <Button>Close</Button>
              </DialogClose>
            </DialogFooter>
          </>
        )}
      </DialogContent>
    </Dialog>
  );
}
