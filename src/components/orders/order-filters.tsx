"use client";

import { LoaderCircle, Search, X } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useTransition } from "react";
import { statusLabel } from "~/components/shell/status-badge";
import { Button } from "~/components/ui/button";
import { Input } from "~/components/ui/input";
import { Label } from "~/components/ui/label";
import { NativeSelect } from "~/components/ui/select";
import { BILLING_STATUSES, CHANNELS, FULFILLMENT_STATUSES, ORDER_STATUSES } from "~/server/orders/constants";
import { CHANNEL_LABELS, FILTER_KEYS, hasFilters, hrefWith, toQueryString, type OrderListParams } from "./list-params";

/** How long typing may pause before a text filter applies. */
const TYPING_DEBOUNCE_MS = 400;

const filterQuery = (params: Partial<OrderListParams>) => toQueryString(Object.fromEntries(FILTER_KEYS.map((k) => [k, params[k]])));

/**
 * The list's filter bar. It is a GET form (works before hydration); once hydrated every change applies
 * at once (selects, checkbox) or after a pause in typing (search, customer code, dates), navigating with
 * router.push and leaving empty fields out, so the URL stays short and shareable. Sort order and page
 * size are kept, the page cursor is dropped. The fields stay mounted while the URL follows them (typing
 * goes on undisturbed); a URL change the form did not make (back/forward, Clear filters, a saved view)
 * writes the URL's values back into the fields.
 */
export function OrderFilters({
  basePath,
  params,
  kind,
  assignees,
}: {
  basePath: string;
  params: OrderListParams;
  kind: "order" | "quote";
  /** The desk users orders can be assigned to (the "Assigned to" filter). */
  assignees: { id: string; name: string }[];
}) {
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  const noun = kind === "quote" ? "quotes" : "orders";
  const formRef = useRef<HTMLFormElement>(null);
  const timer = useRef<number | undefined>(undefined);
  const current = filterQuery(params);
  const shown = useRef(current);

  useEffect(() => {
    const form = formRef.current;
    if (!form || current === shown.current) return;
    shown.current = current;
    const values = new URLSearchParams(current);
    for (const key of FILTER_KEYS) {
      const field = form.elements.namedItem(key);
      if (field instanceof HTMLInputElement && field.type === "checkbox") field.checked = values.get(key) === field.value;
      else if (field instanceof HTMLInputElement || field instanceof HTMLSelectElement) field.value = values.get(key) ?? "";
    }
  }, [current]);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  function onChange(event: React.FormEvent<HTMLFormElement>) {
    const form = event.currentTarget;
    const field = event.target as HTMLInputElement | HTMLSelectElement;
    window.clearTimeout(timer.current);
    const typed = field instanceof HTMLInputElement && field.type !== "checkbox";
    if (typed) timer.current = window.setTimeout(() => form.requestSubmit(), TYPING_DEBOUNCE_MS);
    else form.requestSubmit();
  }

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const value = (key: string) => {
      const v = data.get(key);
      return typeof v === "string" && v.trim() ? v.trim() : undefined;
    };
    const next: OrderListParams = {
      search: value("search"),
      status: value("status") as OrderListParams["status"],
      fulfillmentStatus: value("fulfillmentStatus") as OrderListParams["fulfillmentStatus"],
      billingStatus: value("billingStatus") as OrderListParams["billingStatus"],
      channel: value("channel") as OrderListParams["channel"],
      customer: value("customer")?.toUpperCase(),
      from: value("from"),
      to: value("to"),
      createdBy: value("createdBy") === "me" ? "me" : undefined,
      assignedTo: value("assignedTo"),
      sort: params.sort,
      direction: params.direction,
      size: params.size,
      cursor: undefined,
      before: undefined,
    };
    window.clearTimeout(timer.current);
    const query = filterQuery(next);
    if (query === shown.current && !params.cursor && !params.before) return;
    shown.current = query;
    startTransition(() => router.push(hrefWith(basePath, next)));
  }

  return (
    <form
      method="get"
      action={basePath}
      role="search"
      aria-label={`Filter ${noun}`}
      onSubmit={onSubmit}
      onChange={onChange}
      ref={formRef}
      className="mb-4 grid gap-3 rounded-lg border bg-background p-3"
    >
      <div className="flex flex-wrap items-end gap-3">
        <div className="grid gap-1.5">
          <Label htmlFor="orders-search">Search {noun}</Label>
          <div className="relative">
            <Search className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground" aria-hidden />
            <Input
              id="orders-search"
              name="search"
              type="search"
              defaultValue={params.search}
              placeholder="Number, PO, customer, SKU or product"
              className="w-88 pl-8"
            />
          </div>
        </div>
        {kind === "order" && (
          <FilterSelect id="filter-status" name="status" label="Status" value={params.status} anyLabel="Any status" options={ORDER_STATUSES} />
        )}
        {kind === "quote" && (
          <FilterSelect
            id="filter-status"
            name="status"
            label="Status"
            value={params.status}
            anyLabel="Any status"
            options={["draft", "completed", "canceled"] as const}
            labelOf={(s) => (s === "draft" ? "Open (draft)" : s === "completed" ? "Converted" : statusLabel(s))}
          />
        )}
        {kind === "order" && (
          <>
            <FilterSelect
              id="filter-fulfillment"
              name="fulfillmentStatus"
              label="Fulfillment"
              value={params.fulfillmentStatus}
              anyLabel="Any fulfillment"
              options={FULFILLMENT_STATUSES}
            />
            <FilterSelect
              id="filter-billing"
              name="billingStatus"
              label="Billing"
              value={params.billingStatus}
              anyLabel="Any billing"
              options={BILLING_STATUSES}
            />
          </>
        )}
        <FilterSelect
          id="filter-channel"
          name="channel"
          label="Channel"
          value={params.channel}
          anyLabel="Any channel"
          options={CHANNELS}
          labelOf={(c) => CHANNEL_LABELS[c]}
          className="w-36"
        />
      </div>
      <div className="flex flex-wrap items-end gap-3">
        <div className="grid gap-1.5">
          <Label htmlFor="filter-customer">Customer code</Label>
          <Input
            id="filter-customer"
            name="customer"
            defaultValue={params.customer}
            placeholder="e.g. C-10007"
            className="w-36 font-mono uppercase placeholder:font-sans placeholder:normal-case"
            autoComplete="off"
          />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="filter-from">Created from</Label>
          <Input id="filter-from" name="from" type="date" defaultValue={params.from} className="w-40" />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="filter-to">Created to</Label>
          <Input id="filter-to" name="to" type="date" defaultValue={params.to} className="w-40" />
        </div>
        <label className="flex h-9 items-center gap-2 text-sm">
          <input
            type="checkbox"
            name="createdBy"
            value="me"
            defaultChecked={params.createdBy === "me"}
            className="size-4 rounded border-input accent-primary"
          />
          Created by me
        </label>
        <FilterSelect
          id="filter-assigned"
          name="assignedTo"
          label="Assigned to"
          value={params.assignedTo}
          anyLabel="Anyone or nobody"
          options={["me", "none", ...assignees.map((a) => a.id)]}
          labelOf={(v) => (v === "me" ? "Me" : v === "none" ? "Nobody" : (assignees.find((a) => a.id === v)?.name ?? v))}
        />
        {/* The sort order survives a filter change (only for the no-JavaScript GET). */}
        {params.sort && <input type="hidden" name="sort" value={params.sort} />}
        {params.direction && <input type="hidden" name="direction" value={params.direction} />}
        {params.size && <input type="hidden" name="size" value={params.size} />}
        <div className="ml-auto flex items-center gap-2">
          {hasFilters(params) && (
            <Button asChild variant="ghost">
              <Link href={hrefWith(basePath, { sort: params.sort, direction: params.direction })}>
                <X aria-hidden />
                Clear filters
              </Link>
            </Button>
          )}
          <Button type="submit" disabled={isPending}>
            {isPending && <LoaderCircle className="animate-spin" aria-hidden />}
            {isPending ? "Applying…" : "Apply filters"}
          </Button>
        </div>
      </div>
    </form>
  );
}

function FilterSelect<T extends string>({
  id,
  name,
  label,
  value,
  anyLabel,
  options,
  labelOf = statusLabel,
  className = "w-44",
}: {
  id: string;
  name: string;
  label: string;
  value: string | undefined;
  anyLabel: string;
  options: readonly T[];
  labelOf?: (value: T) => string;
  className?: string;
}) {
  return (
    <div className="grid gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      <NativeSelect id={id} name={name} defaultValue={value ?? ""} className={className}>
        <option value="">{anyLabel}</option>
        {options.map((option) => (
          <option key={option} value={option}>
            {labelOf(option)}
          </option>
        ))}
      </NativeSelect>
    </div>
  );
}
