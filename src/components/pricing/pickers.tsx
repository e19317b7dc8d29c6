"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { ComponentProps, Ref } from "react";
import { Money } from "~/components/shell/money";
import { Combobox } from "~/components/order-entry/combobox";
import { useDebouncedValue } from "~/components/order-entry/use-debounced-value";
import { apiErrorOf } from "~/lib/trpc-error";
import { cn } from "~/lib/utils";
import { useTRPC } from "~/trpc/react";

type PassThrough = Omit<ComponentProps<"input">, "value" | "onChange" | "onSelect" | "role" | "ref" | "id">;

export type PickedProduct = { sku: string; name: string };

/** Type-ahead over the catalog by SKU (prefix) or name; the text itself is the value (a SKU). */
export function SkuPicker({
  id,
  value,
  onValueChange,
  onPick,
  listLabel,
  inputRef,
  className,
  ...inputProps
}: PassThrough & {
  id: string;
  value: string;
  onValueChange: (sku: string) => void;
  onPick?: (product: PickedProduct) => void;
  listLabel: string;
  inputRef?: Ref<HTMLInputElement>;
}) {
  const trpc = useTRPC();
  const q = useDebouncedValue(value.trim(), 180);
  const lookup = useQuery({
    ...trpc.products.lookup.queryOptions({ q: q.slice(0, 100) }),
    enabled: q.length > 0,
    staleTime: 5 * 60_000,
    placeholderData: keepPreviousData,
  });
  const isCurrent = q.length > 0 && q === value.trim() && lookup.isSuccess && !lookup.isPlaceholderData;
  return (
    <Combobox
      {...inputProps}
      id={id}
      value={value}
      onValueChange={onValueChange}
      options={lookup.data}
      isCurrent={isCurrent}
      isLoading={lookup.isFetching || q !== value.trim()}
      error={lookup.isError ? apiErrorOf(lookup.error).message : null}
      optionKey={(p) => p.sku}
      optionLabel={(p) => `${p.sku} ${p.name}`}
      renderOption={(p) => (
        <span className="grid grid-cols-[7.5rem_minmax(0,20rem)_auto] items-baseline gap-3">
          <span className="font-mono text-xs">{p.sku}</span>
          <span className="truncate">{p.name}</span>
          <span className="text-right text-xs text-muted-foreground tabular-nums">
            <Money amount={p.listPrice} currency={p.currency} />
          </span>
        </span>
      )}
      onPick={(p) => {
        onValueChange(p.sku);
        onPick?.({ sku: p.sku, name: p.name });
      }}
      emptyMessage="No product matches this SKU or name."
      listLabel={listLabel}
      inputRef={inputRef}
      className={cn("font-mono text-xs placeholder:font-sans", className)}
    />
  );
}

type CategoryOption = { name: string; products: number };

/**
 * Type-ahead over product categories by name or code ("Mot" and "Motors" both find "Motors & Drives").
 * Free text is allowed: the server checks it.
 */
export function CategoryPicker({
  id,
  value,
  onValueChange,
  listLabel,
  className,
  ...inputProps
}: PassThrough & { id: string; value: string; onValueChange: (category: string) => void; listLabel: string }) {
  const trpc = useTRPC();
  const q = useDebouncedValue(value.trim(), 200);
  const enabled = q.length > 0;
  const found = useQuery({
    ...trpc.products.categories.queryOptions({ search: q.slice(0, 100), limit: 12 }),
    enabled,
    staleTime: 5 * 60_000,
    placeholderData: keepPreviousData,
  });
  const options: CategoryOption[] = found.data?.items ?? [];
  const isCurrent = enabled && q === value.trim() && found.isSuccess && !found.isPlaceholderData;
  return (
    <Combobox
      {...inputProps}
      id={id}
      value={value}
      onValueChange={onValueChange}
      options={enabled ? options : undefined}
      isCurrent={isCurrent}
      isLoading={found.isFetching || q !== value.trim()}
      error={found.isError ? apiErrorOf(found.error).message : null}
      optionKey={(o) => o.name}
      optionLabel={(o) => o.name}
      renderOption={(o) => (
        <span className="flex items-baseline justify-between gap-3">
          <span className="font-medium">{o.name}</span>
          <span className="text-xs text-muted-foreground">
            {o.products} product{o.products === 1 ? "" : "s"}
          </span>
        </span>
      )}
      onPick={(o) => onValueChange(o.name)}
      emptyMessage="No category found. Type part of a category's name or code."
      listLabel={listLabel}
      className={className}
      popupClassName="min-w-[20rem]"
    />
  );
}
