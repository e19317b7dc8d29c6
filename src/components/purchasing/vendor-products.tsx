"use client";

import { useMutation } from "@tanstack/react-query";
import { Link2, Unlink } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { toast } from "~/components/ui/toast";
import { Money } from "~/components/shell/money";
import { Button } from "~/components/ui/button";
import { ConfirmDialog } from "~/components/ui/confirm-dialog";
import { EmptyState } from "~/components/ui/empty-state";
import { FieldError } from "~/components/ui/field-error";
import { Label } from "~/components/ui/label";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "~/components/ui/table";
import { Textarea } from "~/components/ui/textarea";
import { apiErrorOf } from "~/lib/trpc-error";
import type { TVendorProduct } from "~/server/purchasing/schemas";
import { useTRPC } from "~/trpc/react";
import { parseSkuList } from "./sku-list";
import { usePurchasingChanged } from "./use-purchasing-changed";

/** The products a vendor usually supplies; managers assign more SKUs (moving them from another vendor) or take one off. */
export function VendorProducts({ vendorCode, products, canManage }: { vendorCode: string; products: TVendorProduct[]; canManage: boolean }) {
  const trpc = useTRPC();
  const changed = usePurchasingChanged();
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [removing, setRemoving] = useState<TVendorProduct | null>(null);

  const assign = useMutation(
    trpc.purchasing.vendors.assignProducts.mutationOptions({
      onSuccess: (vendor, input) => {
        toast.success(`${input.skus.length} SKU${input.skus.length === 1 ? "" : "s"} assigned to ${vendor.code}`, {
          description: `${vendor.name} is now their usual vendor (${vendor.productCount} products in all).`,
        });
        setText("");
        setError(null);
        changed();
      },
      onError: (e, input) => {
        const apiError = apiErrorOf(e);
        const field = Object.entries(apiError.details?.fields ?? {}).find(([key]) => key.startsWith("skus."));
        const entry = field ? input.skus[Number(field[0].split(".")[1])] : undefined;
        const sku = typeof entry === "string" ? entry : entry?.sku;
        setError(field && sku ? `${sku}: ${field[1].join(", ")}` : apiError.message);
        toast.error("Could not assign the SKUs", { description: apiError.message });
      },
    }),
  );
  const unassign = useMutation(
    trpc.purchasing.vendors.unassignProduct.mutationOptions({
      onSuccess: (vendor, input) => {
        toast.success(`${input.sku} taken off ${vendor.code}`, { description: "It has no usual vendor until assigned again." });
        setRemoving(null);
        changed();
      },
      onError: (e) => toast.error("Could not take the SKU off", { description: apiErrorOf(e).message }),
    }),
  );

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { entries, errors } = parseSkuList(text);
    if (errors.length > 0) {
      setError(errors.join("; "));
      return;
    }
    if (entries.length === 0) {
      setError("Enter at least one SKU");
      return;
    }
    setError(null);
    assign.mutate({ code: vendorCode, skus: entries });
  }

  return (
    <div className="grid gap-4">
      {products.length === 0 ? (
        <EmptyState title="No products yet" description="Assign SKUs to make this their usual vendor; replenishment then drafts their purchase orders here." />
      ) : (
        <div className="max-h-[28rem] overflow-y-auto rounded-lg border bg-background">
          <Table aria-label="Products from this vendor">
            <TableHeader>
              <TableRow>
                <TableHead>SKU</TableHead>
                <TableHead>Product</TableHead>
                <TableHead>Vendor SKU</TableHead>
                <TableHead numeric>Cost</TableHead>
                {canManage && (
                  <TableHead>
                    <span className="sr-only">Actions</span>
                  </TableHead>
                )}
              </TableRow>
            </TableHeader>
            <TableBody>
              {products.map((p) => (
                <TableRow key={p.sku}>
                  <TableCell className="font-mono text-xs whitespace-nowrap">
                    <Link href={`/products/${encodeURIComponent(p.sku)}`} className="text-primary hover:underline">
                      {p.sku}
                    </Link>
                  </TableCell>
                  <TableCell>{p.name}</TableCell>
                  <TableCell className="font-mono text-xs whitespace-nowrap text-muted-foreground">{p.vendorSku ?? "—"}</TableCell>
                  <TableCell numeric>
                    <Money amount={p.cost} currency={p.currency} />
                  </TableCell>
                  {canManage && (
                    <TableCell className="text-right">
                      <Button variant="ghost" size="sm" onClick={() => setRemoving(p)} aria-label={`Take ${p.sku} off this vendor`}>
                        <Unlink aria-hidden />
                      </Button>
                    </TableCell>
                  )}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {canManage && (
        <form onSubmit={onSubmit} noValidate className="grid gap-2 rounded-lg border bg-background p-3">
          <Label htmlFor="assign-skus">Assign SKUs</Label>
          <Textarea
            id="assign-skus"
            value={text}
            onChange={(e) => setText(e.target.value)}
            rows={3}
            placeholder={"BLT-10234\nNUT-10377 = VENDOR-PART-NO"}
            aria-invalid={!!error}
            aria-describedby={error ? "assign-skus-error" : "assign-skus-hint"}
            className="font-mono text-xs"
            onKeyDown={(e) => {
              if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) e.currentTarget.form?.requestSubmit();
            }}
          />
          {error ? (
            <FieldError id="assign-skus-error">{error}</FieldError>
          ) : (
            <p id="assign-skus-hint" className="text-xs text-muted-foreground">
              One per line or separated by commas; add &ldquo;= part number&rdquo; for the vendor&apos;s own SKU. A product has one usual vendor: assigning moves it here. Ctrl+Enter assigns.
            </p>
          )}
          <div>
            <Button type="submit" size="sm" disabled={assign.isPending}>
              <Link2 aria-hidden />
              {assign.isPending ? "Assigning…" : "Assign"}
            </Button>
          </div>
        </form>
      )}
      <ConfirmDialog
        target={removing}
        onClose={() => setRemoving(null)}
        title={(p) => `Take ${p.sku} off this vendor?`}
        description={(p) => `${p.name} will have no usual vendor, so replenishment cannot draft purchase orders for it until it is assigned again.`}
        confirmLabel="Take it off"
        pendingLabel="Removing…"
        isPending={unassign.isPending}
        onConfirm={(p) => unassign.mutate({ code: vendorCode, sku: p.sku })}
      />
    </div>
  );
}
