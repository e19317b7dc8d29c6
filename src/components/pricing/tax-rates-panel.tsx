"use client";

import { ConfirmDialog } from "~/components/ui/confirm-dialog";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Landmark, Pencil, Plus, Trash2 } from "lucide-react";
import { useId, useState } from "react";
import { toast } from "~/components/ui/toast";
import { DateTime } from "~/components/shell/money";
import { Button } from "~/components/ui/button";
import { EmptyState } from "~/components/ui/empty-state";
import { Input } from "~/components/ui/input";
import { NativeSelect } from "~/components/ui/select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "~/components/ui/table";
import { apiErrorOf } from "~/lib/trpc-error";
import { ReferenceOptions, useReferenceValues } from "~/components/settings/reference-values";
import { useTRPC, type RouterOutputs } from "~/trpc/react";
import { HistoryButton } from "./change-history";
import { parseRate, percentText } from "./percent";
import { FormError, LoadError, SectionHeader, TableSkeleton, fieldErrorsOf } from "./shared";

type TaxRate = RouterOutputs["pricing"]["taxRates"][number];
type Editing = { id: string | null; country: string; region: string; taxCategory: string; rate: string };

const place = (r: { country: string; region: string }) => `${r.country} / ${r.region || "All regions"}`;
export function TaxRatesPanel({ canManage }: { canManage: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const formId = useId();
  const rates = useQuery(trpc.pricing.taxRates.queryOptions());
  const taxCategories = useReferenceValues("tax-categories");
  const [editing, setEditing] = useState<Editing | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [deleting, setDeleting] = useState<TaxRate | null>(null);
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.pricing.taxRates.queryKey() });

  const save = useMutation(
    trpc.pricing.setTaxRate.mutationOptions({
      onSuccess: (rate, input) => {
        const existed = rates.data?.some((r) => r.country === rate.country && r.region === rate.region && r.taxCategory === rate.taxCategory);
        toast.success(`Tax rate ${existed ? "updated" : "added"}: ${place(rate)}, ${taxCategories.nameOf(rate.taxCategory)} ${percentText(input.ratePercent)}`);
        setEditing(null);
        setErrors({});
        void invalidate();
      },
      onError: (error) => {
        const e = apiErrorOf(error);
        setErrors({ ...fieldErrorsOf(e), form: Object.keys(e.details?.fields ?? {}).length ? "" : e.message });
        toast.error(e.message);
      },
    }),
  );
  const remove = useMutation(
    trpc.pricing.deleteTaxRate.mutationOptions({
      onSuccess: () => {
        if (deleting) toast.success(`Tax rate deleted: ${place(deleting)}, ${taxCategories.nameOf(deleting.taxCategory)}`);
        setDeleting(null);
        void invalidate();
      },
      onError: (error) => toast.error(apiErrorOf(error).message),
    }),
  );

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!editing) return;
    const next: Record<string, string> = {};
    const country = editing.country.trim().toUpperCase();
    if (!/^[A-Z]{2}$/.test(country)) next.country = "A two-letter country code, e.g. US";
    const rate = parseRate(editing.rate, 4);
    if ("error" in rate) next.ratePercent = rate.error;
    setErrors(next);
    if (Object.keys(next).length > 0 || "error" in rate) {
      toast.error("The tax rate has errors", { description: Object.values(next)[0] });
      return;
    }
    save.mutate({ country, region: editing.region.trim(), taxCategory: editing.taxCategory, ratePercent: rate.value });
  }

  const startAdd = () => {
    setErrors({});
    setEditing({ id: null, country: "US", region: "", taxCategory: "standard", rate: "" });
  };
  const startEdit = (r: TaxRate) => {
    setErrors({});
    setEditing({ id: r.id, country: r.country, region: r.region, taxCategory: r.taxCategory, rate: String(r.ratePercent) });
  };
  const cancel = () => {
    setEditing(null);
    setErrors({});
  };
  const escToCancel = (e: React.KeyboardEvent) => {
    if (e.key === "Escape") {
      e.preventDefault();
      cancel();
    }
  };

  const rateInput = editing && (
    <div className="flex flex-col items-end gap-1">
      <div className="flex items-center justify-end gap-1">
        <Input
          form={formId}
          aria-label="Rate (%)"
          inputMode="decimal"
          value={editing.rate}
          onChange={(e) => setEditing({ ...editing, rate: e.target.value })}
          onKeyDown={escToCancel}
          placeholder="6.625"
          className="h-8 w-24 text-right tabular-nums"
          autoFocus={editing.id !== null}
          aria-invalid={!!errors.ratePercent || undefined}
        />
        <span className="text-sm text-muted-foreground">%</span>
      </div>
      {errors.ratePercent && <span className="text-xs font-medium text-destructive">{errors.ratePercent}</span>}
    </div>
  );
  const editActions = (
    <div className="flex justify-end gap-1">
      <Button type="submit" form={formId} size="sm" disabled={save.isPending}>
        {save.isPending ? "Saving…" : "Save"}
      </Button>
      <Button type="button" variant="ghost" size="sm" onClick={cancel}>
        Cancel
      </Button>
    </div>
  );

  return (
    <section aria-labelledby="tax-rates-title">
      <form id={formId} onSubmit={submit} noValidate />
      <SectionHeader
        id="tax-rates-title"
        title="Tax rates"
        description="By ship-to country and region and the product's tax category. A region's own rate beats the country's “All regions” rate. Tax-exempt customers pay none."
        actions={
          <>
            <HistoryButton entityType="tax_rate" label="tax rates" />
            {canManage && (
              <Button onClick={startAdd} disabled={editing?.id === null}>
                <Plus aria-hidden="true" /> Add tax rate
              </Button>
            )}
          </>
        }
      />
      {rates.isPending ? (
        <TableSkeleton label="Loading tax rates…" />
      ) : rates.isError ? (
        <LoadError what="the tax rates" error={rates.error} onRetry={() => void rates.refetch()} />
      ) : rates.data.length === 0 && !editing ? (
        <EmptyState
          icon={Landmark}
          title="No tax rates yet — orders are priced without tax"
          description={canManage ? "Add a rate per country (and region) and tax category." : "An admin can add tax rates."}
          action={
            canManage && (
              <Button onClick={startAdd}>
                <Plus aria-hidden="true" /> Add tax rate
              </Button>
            )
          }
        />
      ) : (
        <div className="rounded-lg border bg-background">
          <Table aria-label="Tax rates">
            <TableHeader>
              <TableRow>
                <TableHead>Country</TableHead>
                <TableHead>Region</TableHead>
                <TableHead>Tax category</TableHead>
                <TableHead numeric>Rate</TableHead>
                <TableHead>Updated</TableHead>
                <TableHead>
                  <span className="sr-only">Actions</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {editing?.id === null && (
                <TableRow className="bg-muted/40 align-top">
                  <TableCell>
                    <Input
                      form={formId}
                      aria-label="Country"
                      value={editing.country}
                      onChange={(e) => setEditing({ ...editing, country: e.target.value.toUpperCase() })}
                      onKeyDown={escToCancel}
                      maxLength={2}
                      className="h-8 w-16 font-mono uppercase"
                      autoFocus
                      aria-invalid={!!errors.country || undefined}
                    />
                    {errors.country && <span className="mt-1 block text-xs font-medium text-destructive">{errors.country}</span>}
                  </TableCell>
                  <TableCell>
                    <Input
                      form={formId}
                      aria-label="Region"
                      value={editing.region}
                      onChange={(e) => setEditing({ ...editing, region: e.target.value })}
                      onKeyDown={escToCancel}
                      placeholder="All regions"
                      className="h-8 w-40"
                      aria-invalid={!!errors.region || undefined}
                    />
                    {errors.region && <span className="mt-1 block text-xs font-medium text-destructive">{errors.region}</span>}
                  </TableCell>
                  <TableCell>
                    <NativeSelect
                      form={formId}
                      aria-label="Tax category"
                      value={editing.taxCategory}
                      onChange={(e) => setEditing({ ...editing, taxCategory: e.target.value })}
                      onKeyDown={escToCancel}
                      className="w-40"
                      selectClassName="h-8"
                      aria-invalid={!!errors.taxCategory || undefined}
                    >
                      <ReferenceOptions values={taxCategories.values} current={editing.taxCategory} />
                    </NativeSelect>
                    {errors.taxCategory && <span className="mt-1 block text-xs font-medium text-destructive">{errors.taxCategory}</span>}
                  </TableCell>
                  <TableCell numeric>{rateInput}</TableCell>
                  <TableCell className="text-xs text-muted-foreground">New</TableCell>
                  <TableCell>{editActions}</TableCell>
                </TableRow>
              )}
              {rates.data.map((r) =>
                editing?.id === r.id ? (
                  // Its own key: a reused Edit button turning into the submitting Save button would submit on the same click.
                  <TableRow key={`${r.id}-editing`} className="bg-muted/40 align-top">
                    <TableCell className="pt-3 font-mono">{r.country}</TableCell>
                    <TableCell className="pt-3">{r.region || <span className="text-muted-foreground">All regions</span>}</TableCell>
                    <TableCell className="pt-3">{taxCategories.nameOf(r.taxCategory)}</TableCell>
                    <TableCell numeric>{rateInput}</TableCell>
                    <TableCell className="text-xs text-muted-foreground">
                      <DateTime value={r.updatedAt} />
                    </TableCell>
                    <TableCell>{editActions}</TableCell>
                  </TableRow>
                ) : (
                  <TableRow key={r.id}>
                    <TableCell className="font-mono">{r.country}</TableCell>
                    <TableCell>{r.region || <span className="text-muted-foreground">All regions</span>}</TableCell>
                    <TableCell>{taxCategories.nameOf(r.taxCategory)}</TableCell>
                    <TableCell numeric>{percentText(r.ratePercent)}</TableCell>
                    <TableCell className="text-xs text-muted-foreground">
                      <DateTime value={r.updatedAt} />
                    </TableCell>
                    <TableCell>
                      {canManage && (
                        <div className="flex justify-end gap-0.5 whitespace-nowrap">
                          <Button variant="ghost" size="sm" onClick={() => startEdit(r)} aria-label={`Edit ${place(r)} ${r.taxCategory}`}>
                            <Pencil aria-hidden="true" /> Edit
                          </Button>
                          <Button variant="ghost" size="sm" className="text-destructive" onClick={() => setDeleting(r)} aria-label={`Delete ${place(r)} ${r.taxCategory}`}>
                            <Trash2 aria-hidden="true" /> Delete
                          </Button>
                        </div>
                      )}
                    </TableCell>
                  </TableRow>
                ),
              )}
            </TableBody>
          </Table>
          {errors.form && <FormError className="m-3">{errors.form}</FormError>}
        </div>
      )}

      <ConfirmDialog
        target={deleting}
        onClose={() => setDeleting(null)}
        title={(d) => `Delete the tax rate for ${place(d)}?`}
        description={(d) =>
          `${taxCategories.nameOf(d.taxCategory)} goods there are no longer taxed at ${percentText(d.ratePercent)}` +
          `${d.region ? "; the country's “All regions” rate applies if there is one." : "."} Orders already priced keep the tax they were priced with.`
        }
        confirmLabel="Delete tax rate"
        pendingLabel="Deleting…"
        isPending={remove.isPending}
        onConfirm={(d) => remove.mutate({ id: d.id })}
      />
    </section>
  );
}
