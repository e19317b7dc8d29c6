"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Download, FileUp } from "lucide-react";
import { useId, useState } from "react";
import { toast } from "~/components/ui/toast";
import { CustomerCombobox } from "~/components/order-entry/customer-combobox";
import { Button } from "~/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "~/components/ui/dialog";
import { FieldError } from "~/components/ui/field-error";
import { Input } from "~/components/ui/input";
import { Label } from "~/components/ui/label";
import { NativeSelect } from "~/components/ui/select";
import { Textarea } from "~/components/ui/textarea";
import { parseMoney } from "~/lib/money";
import { apiErrorOf } from "~/lib/trpc-error";
import { ReferenceOptions, useReferenceValues } from "~/components/settings/reference-values";
import { useTRPC, type RouterOutputs } from "~/trpc/react";
import { csvToItems, itemsToCsv } from "./csv";
import { downloadText, keepComboboxEscape } from "./dom";
import { PriceListItemsGrid } from "./price-list-items-grid";
import {
  draftFromList,
  draftToInput,
  emptyDraft,
  rowsFromCsv,
  serverErrorsToGrid,
  type Audience,
  type PriceListDraft,
  type TierBasis,
} from "./price-list-form";
import { FormError, StaleNotice, fieldErrorsOf } from "./shared";

export type PriceList = RouterOutputs["pricing"]["priceLists"][number];
export type PriceListEditorMode = { kind: "create" } | { kind: "edit"; list: PriceList };

/** "items.3.sku", "no product…" → "Row 4, SKU: no product…" */
function describeField(key: string, message: string): string {
  const item = /^items\.(\d+)\.(\w+)$/.exec(key);
  const names: Record<string, string> = { sku: "SKU", category: "Category", minQuantity: "From quantity", unitPrice: "Unit price", validTo: "Valid to", validFrom: "Valid from" };
  if (item) return `Row ${Number(item[1]) + 1}, ${names[item[2]!] ?? item[2]}: ${message}`;
  return `${names[key] ?? key.charAt(0).toUpperCase() + key.slice(1)}: ${message}`;
}

export const TIER_BASIS_LABELS: Record<TierBasis, string> = {
  line: "The line's quantity",
  sku: "Order-wide quantity of the same SKU",
  category: "Order-wide quantity of the same category",
};

/** Create or edit a price list: its header and an editable grid of items and quantity tiers, with CSV import/export. */
export function PriceListEditor({ mode, onClose }: { mode: PriceListEditorMode | null; onClose: () => void }) {
  return (
    <Dialog open={!!mode} onOpenChange={(open) => !open && onClose()}>
      <DialogContent className="sm:max-w-5xl" onEscapeKeyDown={keepComboboxEscape}>
        {mode && <EditorBody key={mode.kind === "edit" ? `${mode.list.code}@${mode.list.version}` : "new"} mode={mode} onClose={onClose} />}
      </DialogContent>
    </Dialog>
  );
}

function EditorBody({ mode, onClose }: { mode: PriceListEditorMode; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const ids = useId();
  const id = (name: string) => `${ids}-${name}`;
  const isEdit = mode.kind === "edit";
  const [draft, setDraft] = useState<PriceListDraft>(() => (isEdit ? draftFromList(mode.list) : emptyDraft()));
  const [version, setVersion] = useState(isEdit ? mode.list.version : 0);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [stale, setStale] = useState<string | null>(null);
  const [reloading, setReloading] = useState(false);
  const [importOpen, setImportOpen] = useState(false);
  const segments = useReferenceValues("segments");

  const set = <K extends keyof PriceListDraft>(key: K, value: PriceListDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.pricing.priceLists.queryKey() });

  const onSaved = (list: PriceList) => {
    toast.success(`Price list “${list.name}” ${isEdit ? "saved" : "created"}`, {
      description: `${list.items.length} item${list.items.length === 1 ? "" : "s"}, version ${list.version}`,
    });
    void invalidate();
    onClose();
  };
  const onFailed = (rowIndex: number[]) => (error: unknown) => {
    const e = apiErrorOf(error);
    if (e.code === "STALE_VERSION") {
      setStale(e.message);
      toast.error(e.message);
      return;
    }
    const fields = serverErrorsToGrid(fieldErrorsOf(e, "list"), rowIndex, draft.items);
    setErrors(fields);
    const first = Object.entries(fields)[0];
    setFormError(first ? "Fix the highlighted fields and save again." : e.message);
    toast.error(first ? "The price list was not saved" : e.message, first ? { description: describeField(first[0], first[1]) } : undefined);
  };
  const create = useMutation(trpc.pricing.createPriceList.mutationOptions());
  const update = useMutation(trpc.pricing.updatePriceList.mutationOptions());
  const saving = create.isPending || update.isPending;

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    const { input, errors: local, rowIndex } = draftToInput(draft);
    if (!input) {
      setErrors(local);
      setFormError("Fix the highlighted fields and save again.");
      toast.error("The price list has errors", { description: Object.values(local)[0] });
      return;
    }
    setErrors({});
    if (isEdit) update.mutate({ version, list: input }, { onSuccess: onSaved, onError: onFailed(rowIndex) });
    else create.mutate(input, { onSuccess: onSaved, onError: onFailed(rowIndex) });
  }

  async function reloadLatest() {
    setReloading(true);
    try {
      const lists = await queryClient.fetchQuery({ ...trpc.pricing.priceLists.queryOptions({ includeArchived: true }), staleTime: 0 });
      const latest = lists.find((l) => l.code === draft.code);
      if (!latest) throw new Error(`Price list ${draft.code} no longer exists.`);
      setDraft(draftFromList(latest));
      setVersion(latest.version);
      setStale(null);
      setErrors({});
      setFormError(null);
      void invalidate();
      toast.info(`Loaded version ${latest.version} of ${latest.code}`, { description: "Your unsaved changes were discarded." });
    } catch (error) {
      toast.error(apiErrorOf(error).message);
    } finally {
      setReloading(false);
    }
  }

  const exportCsv = () => {
    // Exports what the grid holds now; rows that do not parse yet are left out and counted.
    const currency = draft.currency.trim().toUpperCase() || "USD";
    const items: { sku: string | null; category: string | null; minQuantity: number; unitPrice: number }[] = [];
    let skipped = 0;
    for (const row of draft.items) {
      if (!row.ref.trim() && !row.unitPrice.trim()) continue;
      try {
        const minQuantity = row.minQuantity.trim() === "" ? 1 : Number(row.minQuantity);
        if (!row.ref.trim() || !Number.isInteger(minQuantity) || minQuantity < 1) throw new Error("bad row");
        const unitPrice = parseMoney(row.unitPrice.trim().replace(/^\$/, ""), currency);
        items.push({ sku: row.kind === "sku" ? row.ref.trim() : null, category: row.kind === "category" ? row.ref.trim() : null, minQuantity, unitPrice });
      } catch {
        skipped++;
      }
    }
    downloadText(`${draft.code.trim() || "price-list"}-items.csv`, itemsToCsv(items, currency));
    toast.success(`Exported ${items.length} item${items.length === 1 ? "" : "s"} as CSV`, {
      description: skipped ? `${skipped} unfinished row${skipped === 1 ? " was" : "s were"} left out.` : undefined,
    });
  };

  const err = (name: string) => errors[name];
  const described = (name: string) => (errors[name] ? id(`${name}-error`) : undefined);

  return (
    <form onSubmit={submit} noValidate className="grid gap-4">
      <DialogHeader>
        <DialogTitle>{isEdit ? `Edit price list ${mode.list.code}` : "New price list"}</DialogTitle>
        <DialogDescription>
          A price list sets unit prices for SKUs or whole categories, for everyone, a segment or one customer; tiers start at a quantity.
        </DialogDescription>
      </DialogHeader>

      {stale && <StaleNotice message={stale} onReload={reloadLatest} reloading={reloading} />}

      <div className="grid items-start gap-x-4 gap-y-3 sm:grid-cols-6">
        <div className="grid gap-1.5 sm:col-span-2">
          <Label htmlFor={id("code")}>Code</Label>
          <Input
            id={id("code")}
            value={draft.code}
            onChange={(e) => set("code", e.target.value)}
            readOnly={isEdit}
            placeholder="e.g. WHOLESALE-2026"
            className="font-mono"
            aria-invalid={!!err("code") || undefined}
            aria-describedby={described("code")}
            autoFocus={!isEdit}
          />
          <FieldError id={id("code-error")}>{err("code")}</FieldError>
        </div>
        <div className="grid gap-1.5 sm:col-span-4">
          <Label htmlFor={id("name")}>Name</Label>
          <Input
            id={id("name")}
            value={draft.name}
            onChange={(e) => set("name", e.target.value)}
            placeholder="e.g. Wholesale contract prices 2026"
            aria-invalid={!!err("name") || undefined}
            aria-describedby={described("name")}
            autoFocus={isEdit}
          />
          <FieldError id={id("name-error")}>{err("name")}</FieldError>
        </div>

        <div className="grid gap-1.5 sm:col-span-2">
          <Label htmlFor={id("audience")}>For</Label>
          <NativeSelect id={id("audience")} value={draft.audience} onChange={(e) => set("audience", e.target.value as Audience)}>
            <option value="everyone">Everyone</option>
            <option value="segment">A segment</option>
            <option value="customer">One customer</option>
          </NativeSelect>
        </div>
        <div className="grid gap-1.5 sm:col-span-2">
          {draft.audience === "segment" ? (
            <>
              <Label htmlFor={id("segment")}>Segment</Label>
              <NativeSelect
                id={id("segment")}
                value={draft.segment}
                onChange={(e) => set("segment", e.target.value)}
                aria-invalid={!!err("segment") || undefined}
                aria-describedby={described("segment")}
              >
                <ReferenceOptions values={segments.values} current={draft.segment} />
              </NativeSelect>
              <FieldError id={id("segment-error")}>{err("segment")}</FieldError>
            </>
          ) : draft.audience === "customer" ? (
            <>
              <Label htmlFor={id("customer")}>Customer</Label>
              <CustomerCombobox
                id={id("customer")}
                customer={draft.customer}
                onChange={(c) => set("customer", c)}
                invalid={!!err("customer")}
                describedBy={described("customer")}
              />
              <FieldError id={id("customer-error")}>{err("customer")}</FieldError>
            </>
          ) : (
            <p className="self-end pb-2 text-sm text-muted-foreground">Applies to every customer in the currency below.</p>
          )}
        </div>
        <div className="grid gap-1.5 sm:col-span-2">
          <Label htmlFor={id("currency")}>Currency</Label>
          <Input
            id={id("currency")}
            value={draft.currency}
            onChange={(e) => set("currency", e.target.value.toUpperCase())}
            maxLength={3}
            className="w-24 font-mono uppercase"
            aria-invalid={!!err("currency") || undefined}
            aria-describedby={described("currency")}
          />
          <FieldError id={id("currency-error")}>{err("currency")}</FieldError>
        </div>

        <div className="grid gap-1.5 sm:col-span-1">
          <Label htmlFor={id("validFrom")}>Valid from</Label>
          <Input id={id("validFrom")} type="date" value={draft.validFrom} onChange={(e) => set("validFrom", e.target.value)} aria-describedby={described("validFrom")} />
          <FieldError id={id("validFrom-error")}>{err("validFrom")}</FieldError>
        </div>
        <div className="grid gap-1.5 sm:col-span-1">
          <Label htmlFor={id("validTo")}>Valid to</Label>
          <Input
            id={id("validTo")}
            type="date"
            value={draft.validTo}
            onChange={(e) => set("validTo", e.target.value)}
            aria-invalid={!!err("validTo") || undefined}
            aria-describedby={described("validTo")}
          />
          <FieldError id={id("validTo-error")}>{err("validTo")}</FieldError>
        </div>
        <div className="grid gap-1.5 sm:col-span-1">
          <Label htmlFor={id("priority")}>Priority</Label>
          <Input
            id={id("priority")}
            inputMode="numeric"
            value={draft.priority}
            onChange={(e) => set("priority", e.target.value)}
            className="text-right tabular-nums"
            aria-invalid={!!err("priority") || undefined}
            aria-describedby={described("priority")}
          />
          <FieldError id={id("priority-error")}>{err("priority")}</FieldError>
        </div>
        <div className="grid gap-1.5 sm:col-span-3">
          <Label htmlFor={id("tierBasis")}>Tier by</Label>
          <NativeSelect id={id("tierBasis")} value={draft.tierBasis} onChange={(e) => set("tierBasis", e.target.value as TierBasis)}>
            {(Object.keys(TIER_BASIS_LABELS) as TierBasis[]).map((b) => (
              <option key={b} value={b}>
                {TIER_BASIS_LABELS[b]}
              </option>
            ))}
          </NativeSelect>
        </div>
        <p className="text-xs text-muted-foreground sm:col-span-6">
          Leave the dates empty for a list that always applies; a start date in the future schedules it. The customer’s own list beats a segment’s, which beats one for
          everyone; among those, the higher priority wins.
        </p>
      </div>

      <section className="grid gap-2" aria-labelledby={id("items-title")}>
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h3 id={id("items-title")} className="text-sm font-semibold">
            Items and tiers <span className="font-normal text-muted-foreground">({draft.items.filter((r) => r.ref.trim()).length})</span>
          </h3>
          <div className="flex gap-2">
            <Button type="button" variant="outline" size="sm" onClick={() => setImportOpen((v) => !v)} aria-expanded={importOpen}>
              <FileUp aria-hidden="true" /> Import CSV
            </Button>
            <Button type="button" variant="outline" size="sm" onClick={exportCsv}>
              <Download aria-hidden="true" /> Export CSV
            </Button>
          </div>
        </div>
        {importOpen && (
          <CsvImportPanel
            currency={draft.currency}
            onImport={(rows, replace) => {
              setDraft((d) => ({ ...d, items: replace ? rows : [...d.items.filter((r) => r.ref.trim() || r.unitPrice.trim()), ...rows] }));
              setErrors({});
              setImportOpen(false);
              toast.success(`Imported ${rows.length} row${rows.length === 1 ? "" : "s"} from CSV`, { description: "Check them, then save the list." });
            }}
            onCancel={() => setImportOpen(false)}
          />
        )}
        <PriceListItemsGrid rows={draft.items} onChange={(items) => set("items", items)} errors={errors} currency={draft.currency} />
      </section>

      <FormError>{formError}</FormError>

      <DialogFooter>
        <Button type="button" variant="outline" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" disabled={saving}>
          {saving ? "Saving…" : isEdit ? "Save price list" : "Create price list"}
        </Button>
      </DialogFooter>
    </form>
  );
}

function CsvImportPanel({
  currency,
  onImport,
  onCancel,
}: {
  currency: string;
  onImport: (rows: ReturnType<typeof rowsFromCsv>, replace: boolean) => void;
  onCancel: () => void;
}) {
  const ids = useId();
  const [text, setText] = useState("");
  const [replace, setReplace] = useState(true);
  const [problems, setProblems] = useState<string[]>([]);

  const run = () => {
    const { items, errors } = csvToItems(text, currency || "USD");
    setProblems(errors);
    if (errors.length > 0) {
      toast.error(`The CSV has ${errors.length} problem${errors.length === 1 ? "" : "s"}`, { description: errors[0] });
      return;
    }
    if (items.length === 0) {
      setProblems(["The CSV has no rows."]);
      return;
    }
    onImport(rowsFromCsv(items, currency || "USD"), replace);
  };

  return (
    <div className="grid gap-3 rounded-md border bg-muted/30 p-3">
      <div className="grid gap-1.5">
        <Label htmlFor={`${ids}-csv`}>CSV to import</Label>
        <Textarea
          id={`${ids}-csv`}
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={"sku,category,minQuantity,unitPrice\nBLT-0001,,1,12.50\nBLT-0001,,100,10.90\n,Tapes,1,4.20"}
          className="max-h-48 min-h-24 font-mono text-xs"
          aria-describedby={`${ids}-csv-help${problems.length ? ` ${ids}-csv-problems` : ""}`}
          onKeyDown={(e) => {
            // Enter is a new line here; Ctrl+Enter imports.
            if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              run();
            }
          }}
        />
        <p id={`${ids}-csv-help`} className="text-xs text-muted-foreground">
          Paste rows (from a spreadsheet or a file) with the columns sku, category, minQuantity, unitPrice — a SKU or a category per row, prices like 19.99.
        </p>
      </div>
      <div className="flex flex-wrap items-end gap-4">
        <div className="grid gap-1.5">
          <Label htmlFor={`${ids}-file`}>Or choose a file</Label>
          <Input
            id={`${ids}-file`}
            type="file"
            accept=".csv,text/csv,text/plain"
            className="h-9 w-72 py-1.5 text-xs"
            onChange={async (e) => {
              const file = e.target.files?.[0];
              if (!file) return;
              setText(await file.text());
              setProblems([]);
            }}
          />
        </div>
        <label className="flex items-center gap-2 pb-2 text-sm">
          <input type="checkbox" checked={replace} onChange={(e) => setReplace(e.target.checked)} className="size-4 accent-primary" />
          Replace the current items
        </label>
        <div className="ml-auto flex gap-2">
          <Button type="button" variant="ghost" size="sm" onClick={onCancel}>
            Cancel import
          </Button>
          <Button type="button" size="sm" onClick={run} disabled={!text.trim()}>
            Import rows
          </Button>
        </div>
      </div>
      {problems.length > 0 && (
        <ul id={`${ids}-csv-problems`} role="alert" className="list-disc space-y-0.5 pl-5 text-sm text-destructive">
          {problems.slice(0, 8).map((p) => (
            <li key={p}>{p}</li>
          ))}
          {problems.length > 8 && <li>…and {problems.length - 8} more</li>}
        </ul>
      )}
    </div>
  );
}
