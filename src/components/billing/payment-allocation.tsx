"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import Link from "next/link";
import { DateOnly, Money } from "~/components/shell/money";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { FieldError } from "~/components/ui/field-error";
import { Input } from "~/components/ui/input";
import { Label } from "~/components/ui/label";
import { Table, TableBody, TableCell, TableFooter, TableHead, TableHeader, TableRow } from "~/components/ui/table";
import { formatMoney } from "~/lib/money";
import { apiErrorOf } from "~/lib/trpc-error";
import { cn } from "~/lib/utils";
import type { TInvoiceSummary } from "~/server/billing/schemas";
import { useTRPC } from "~/trpc/react";
import { amountExample, amountPlaceholder, amountText, oldestDueFirst, readAmount, spreadOldestFirst } from "./payment-format";

export type AllocationMode = "oldest" | "manual";

/**
 * Where money goes: to the oldest invoices first (the server decides, in its transaction) or to invoices
 * chosen by hand. By hand, each row starts with the amount spread oldest first and follows the money
 * until the person edits a row; from then on their numbers stay (until "Spread oldest first" again).
 */
export type AllocationDraft = { mode: AllocationMode; byHand: boolean; typed: Record<string, string> };
export const newAllocationDraft = (): AllocationDraft => ({ mode: "oldest", byHand: false, typed: {} });

/** The customer's open invoices, oldest due first. */
export function useOpenInvoices(customer: string | null) {
  const trpc = useTRPC();
  const query = useQuery({
    ...trpc.invoices.list.queryOptions({ customer: customer ?? "", status: "open", limit: 200 }),
    enabled: !!customer,
    staleTime: 10_000,
  });
  return { ...query, invoices: query.data ? oldestDueFirst(query.data.items.filter((i) => i.balance > 0)) : [] };
}

/** The row amounts the editor shows: spread oldest first, or what the person typed. */
export function rowTexts(draft: AllocationDraft, invoices: readonly TInvoiceSummary[], available: number | null, currency: string): string[] {
  if (draft.byHand) return invoices.map((i) => draft.typed[i.id] ?? "");
  const { amounts } = spreadOldestFirst(available ?? 0, invoices);
  return amounts.map((a) => amountText(a, currency));
}

export type AllocationPlan = {
  /** By hand: the invoices with an amount (by number); `undefined` for oldest first. */
  allocations: { invoice: string; amount: number }[] | undefined;
  allocated: number;
  /** Field errors keyed `allocation-<invoice id>` (a row) and `allocations` (the whole). */
  errors: Record<string, string[]>;
};

/** Checks the rows against the invoices' balances and the money available; the allocations to send. */
export function planAllocations(draft: AllocationDraft, invoices: readonly TInvoiceSummary[], available: number | null, currency: string): AllocationPlan {
  const errors: Record<string, string[]> = {};
  if (draft.mode === "oldest") {
    const { amounts } = spreadOldestFirst(available ?? 0, invoices);
    return { allocations: undefined, allocated: amounts.reduce((s, a) => s + a, 0), errors };
  }
  const texts = rowTexts(draft, invoices, available, currency);
  const allocations: { invoice: string; amount: number }[] = [];
  invoices.forEach((invoice, i) => {
    const read = readAmount(texts[i] ?? "", currency);
    if ("error" in read) errors[`allocation-${invoice.id}`] = [read.error];
    else if (read.amount !== null && read.amount > invoice.balance) {
      errors[`allocation-${invoice.id}`] = [`${invoice.number} owes only ${formatMoney(invoice.balance, currency)}`];
    } else if (read.amount) allocations.push({ invoice: invoice.number ?? invoice.id, amount: read.amount });
  });
  const allocated = allocations.reduce((s, a) => s + a.amount, 0);
  if (available !== null && allocated > available) {
    errors.allocations = [`The invoices take ${formatMoney(allocated, currency)} but only ${formatMoney(available, currency)} is there to allocate`];
  }
  return { allocations, allocated, errors };
}

/** Server field errors (`allocations.2.amount`) back onto the rows they name, by the list that was sent. */
export function allocationFieldErrors(fields: Record<string, string[]>, sent: readonly { invoice: string }[] | undefined, invoices: readonly TInvoiceSummary[]) {
  const mapped: Record<string, string[]> = {};
  for (const [key, messages] of Object.entries(fields)) {
    const match = /^allocations\.(\d+)/.exec(key);
    const number = match ? sent?.[Number(match[1])]?.invoice : undefined;
    const invoice = number ? invoices.find((i) => i.number === number || i.id === number) : undefined;
    const name = invoice ? `allocation-${invoice.id}` : key.startsWith("allocations") ? "allocations" : key;
    mapped[name] = [...(mapped[name] ?? []), ...messages];
  }
  return mapped;
}

/** After money moved: invoices, payments, credit and aging queries are stale, and so is the server-rendered page. */
export function useBillingChanged() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  return () => {
    for (const key of [trpc.invoices.pathKey(), trpc.payments.pathKey(), trpc.receivables.pathKey(), trpc.creditNotes.pathKey(), trpc.orders.pathKey()]) {
      void queryClient.invalidateQueries({ queryKey: key });
    }
    router.refresh();
  };
}

/**
 * The allocation part of a payment form: oldest first, or a table of the customer's open invoices with an
 * amount each (and "pay in full"), with what stays as customer credit.
 */
export function AllocationEditor({
  idPrefix,
  draft,
  onDraftChange,
  invoicesQuery,
  available,
  currency,
  errors,
  creditNoun = "customer credit",
}: {
  idPrefix: string;
  draft: AllocationDraft;
  onDraftChange: (draft: AllocationDraft) => void;
  invoicesQuery: ReturnType<typeof useOpenInvoices>;
  /** The money to allocate, in minor units (null while the amount is empty or wrong). */
  available: number | null;
  currency: string;
  errors: Record<string, string[]>;
  creditNoun?: string;
}) {
  const { invoices } = invoicesQuery;
  const texts = rowTexts(draft, invoices, available, currency);
  const plan = planAllocations(draft, invoices, available, currency);
  const rest = available === null ? null : available - plan.allocated;
  const legendId = `${idPrefix}-allocation-legend`;

  /** A row changed by hand: every row keeps what it shows now, this one takes the new text. */
  function setRow(id: string, text: string) {
    const typed = draft.byHand ? { ...draft.typed } : Object.fromEntries(invoices.map((inv, i) => [inv.id, texts[i] ?? ""]));
    typed[id] = text;
    onDraftChange({ ...draft, byHand: true, typed });
  }

  const spread = spreadOldestFirst(available ?? 0, invoices);
  const preview = invoices
    .map((inv, i) => ({ inv, amount: spread.amounts[i] ?? 0 }))
    .filter((p) => p.amount > 0);

  return (
    <fieldset className="grid min-w-0 gap-3" aria-describedby={errors.allocations ? `${idPrefix}-allocations-error` : undefined}>
      <legend id={legendId} className="mb-1 text-sm font-medium">
        Allocation
      </legend>
      <div className="flex flex-wrap gap-x-5 gap-y-2">
        {(
          [
            ["oldest", "Oldest invoices first"],
            ["manual", "Choose invoices"],
          ] as const
        ).map(([mode, label]) => (
          <label key={mode} className="flex items-center gap-2 text-sm">
            <input
              type="radio"
              name={`${idPrefix}-mode`}
              value={mode}
              checked={draft.mode === mode}
              onChange={() => onDraftChange({ ...draft, mode })}
              className="size-4 accent-primary"
            />
            {label}
          </label>
        ))}
      </div>

      {invoicesQuery.isError ? (
        <p role="alert" className="text-sm text-destructive">
          The open invoices could not be loaded: {apiErrorOf(invoicesQuery.error).message}
        </p>
      ) : invoicesQuery.isPending && invoicesQuery.fetchStatus !== "idle" ? (
        <p className="text-sm text-muted-foreground">Loading the open invoices…</p>
      ) : invoicesQuery.fetchStatus === "idle" && !invoicesQuery.data ? (
        <p className="text-sm text-muted-foreground">Choose the customer to see their open invoices.</p>
      ) : invoices.length === 0 ? (
        <p className="rounded-md border border-dashed p-3 text-sm text-muted-foreground">No open invoices: the whole amount stays as {creditNoun}, to apply later or refund.</p>
      ) : draft.mode === "oldest" ? (
        <p className="rounded-md bg-muted/60 p-3 text-sm" aria-live="polite">
          {available === null || available === 0 ? (
            <>
              {invoices.length} open invoice{invoices.length === 1 ? "" : "s"}, <Money amount={invoices.reduce((s, i) => s + i.balance, 0)} currency={currency} /> owed. Enter the amount to see
              where it goes.
            </>
          ) : (
            <>
              {preview.length > 0 ? "Pays " : "Pays nothing"}
              {preview.map((p, i) => (
                <span key={p.inv.id}>
                  {i > 0 && (i === preview.length - 1 ? " and " : ", ")}
                  <span className="font-mono text-xs">{p.inv.number}</span>{" "}
                  {p.amount === p.inv.balance ? (
                    "in full"
                  ) : (
                    <>
                      <Money amount={p.amount} currency={currency} /> of <Money amount={p.inv.balance} currency={currency} />
                    </>
                  )}
                </span>
              ))}
              {spread.rest > 0 ? (
                <>
                  ; <Money amount={spread.rest} currency={currency} className="font-medium" /> stays as {creditNoun}.
                </>
              ) : (
                "."
              )}
            </>
          )}
        </p>
      ) : (
        <div className="grid min-w-0 gap-2">
          <div className="min-w-0 rounded-md border">
            <Table aria-label="Open invoices to pay" containerClassName="max-h-72 overflow-y-auto">
              <TableHeader className="sticky top-0 z-10 bg-muted">
                <TableRow>
                  <TableHead>Invoice</TableHead>
                  <TableHead>Due</TableHead>
                  <TableHead numeric>Balance</TableHead>
                  <TableHead className="text-center">In full</TableHead>
                  <TableHead numeric className="w-36">
                    Amount
                  </TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {invoices.map((inv, i) => {
                  const name = `allocation-${inv.id}`;
                  const rowError = errors[name];
                  const read = readAmount(texts[i] ?? "", currency);
                  const full = "amount" in read && read.amount === inv.balance;
                  const inputId = `${idPrefix}-${name}`;
                  return (
                    <TableRow key={inv.id} className="align-top">
                      <TableCell className="py-1.5">
                        <Link href={`/invoices/${encodeURIComponent(inv.number ?? inv.id)}`} target="_blank" className="font-mono text-xs font-medium text-primary hover:underline">
                          {inv.number}
                        </Link>
                        <span className="block max-w-40 truncate text-xs text-muted-foreground">{inv.order}</span>
                      </TableCell>
                      <TableCell className="py-1.5 whitespace-nowrap">
                        <DateOnly value={inv.dueDate} />
                        {inv.overdue && (
                          <Badge variant="danger" className="ml-1.5">
                            {inv.daysOverdue} d late
                          </Badge>
                        )}
                      </TableCell>
                      <TableCell numeric className="py-1.5">
                        <Money amount={inv.balance} currency={currency} />
                      </TableCell>
                      <TableCell className="py-1.5 text-center">
                        <input
                          type="checkbox"
                          checked={full}
                          onChange={(e) => setRow(inv.id, e.target.checked ? amountText(inv.balance, currency) : "")}
                          aria-label={`Pay ${inv.number} in full`}
                          className="size-4 accent-primary"
                        />
                      </TableCell>
                      <TableCell numeric className="py-1.5">
                        <Label htmlFor={inputId} className="sr-only">
                          Amount for {inv.number}
                        </Label>
                        <Input
                          id={inputId}
                          name={name}
                          value={texts[i] ?? ""}
                          onChange={(e) => setRow(inv.id, e.target.value)}
                          inputMode="decimal"
                          autoComplete="off"
                          placeholder={amountPlaceholder(currency)}
                          className="h-8 text-right tabular-nums"
                          aria-invalid={!!rowError}
                          aria-describedby={rowError ? `${inputId}-error` : undefined}
                        />
                        {rowError && (
                          <FieldError id={`${inputId}-error`} className="mt-1 text-left text-xs whitespace-normal">
                            {rowError.join(", ")}
                          </FieldError>
                        )}
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
              <TableFooter>
                <TableRow>
                  <TableCell colSpan={4} className="text-right text-muted-foreground">
                    Allocated
                  </TableCell>
                  <TableCell numeric>
                    <Money amount={plan.allocated} currency={currency} />
                  </TableCell>
                </TableRow>
              </TableFooter>
            </Table>
          </div>
          <div className="flex flex-wrap items-center justify-between gap-2 text-sm" aria-live="polite">
            <span className={cn(rest !== null && rest < 0 && "font-medium text-destructive")}>
              {rest === null ? (
                <span className="text-muted-foreground">Enter the amount to see what stays as {creditNoun}.</span>
              ) : rest >= 0 ? (
                <>
                  <Money amount={plan.allocated} currency={currency} /> allocated · <Money amount={rest} currency={currency} className="font-medium" /> stays as {creditNoun}.
                </>
              ) : (
                <>
                  <Money amount={-rest} currency={currency} /> more than the money there is.
                </>
              )}
            </span>
            {draft.byHand && (
              <Button type="button" variant="ghost" size="sm" onClick={() => onDraftChange({ ...draft, byHand: false, typed: {} })}>
                Spread oldest first
              </Button>
            )}
          </div>
          <p className="text-xs text-muted-foreground">Amounts like {amountExample(currency)}. An empty row gets nothing.</p>
        </div>
      )}
      {errors.allocations && <FieldError id={`${idPrefix}-allocations-error`}>{errors.allocations.join(", ")}</FieldError>}
    </fieldset>
  );
}
