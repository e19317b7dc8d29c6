"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { ClipboardEvent, FocusEvent, KeyboardEvent, Ref } from "react";
import { Money } from "~/components/shell/money";
import { apiErrorOf } from "~/lib/trpc-error";
import { useTRPC } from "~/trpc/react";
import { Combobox } from "./combobox";
import type { ProductInfo } from "./entry-state";
import { useDebouncedValue } from "./use-debounced-value";

/** Type-ahead over the catalog by SKU (prefix) or product name; the SKU text itself is the line's value. */
export function SkuCombobox({
  id,
  lineNo,
  value,
  onValueChange,
  onPick,
  inputRef,
  invalid,
  describedBy,
  onKeyDown,
  onPaste,
  onBlur,
}: {
  id: string;
  lineNo: number;
  value: string;
  onValueChange: (sku: string) => void;
  onPick: (product: ProductInfo) => void;
  inputRef?: Ref<HTMLInputElement>;
  invalid?: boolean;
  describedBy?: string;
  onKeyDown?: (event: KeyboardEvent<HTMLInputElement>) => void;
  onPaste?: (event: ClipboardEvent<HTMLInputElement>) => void;
  onBlur?: (event: FocusEvent<HTMLInputElement>) => void;
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
        <span className="grid grid-cols-[7.5rem_minmax(0,22rem)_auto] items-baseline gap-3">
          <span className="font-mono text-xs">{p.sku}</span>
          <span className="truncate">{p.name}</span>
          <span className="text-right text-xs text-muted-foreground tabular-nums">
            <Money amount={p.listPrice} currency={p.currency} /> / {p.unit}
          </span>
        </span>
      )}
      onPick={onPick}
      emptyMessage="No product matches this SKU or name."
      listLabel={`Products for line ${lineNo}`}
      aria-label={`SKU, line ${lineNo}`}
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy}
      inputRef={inputRef}
      onKeyDown={onKeyDown}
      onPaste={onPaste}
      onBlur={onBlur}
      placeholder={lineNo === 1 ? "SKU or name" : undefined}
      className="h-8 px-2 font-mono text-xs placeholder:font-sans"
    />
  );
}
