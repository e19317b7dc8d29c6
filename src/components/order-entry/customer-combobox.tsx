"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState, type Ref } from "react";
import { apiErrorOf } from "~/lib/trpc-error";
import { useTRPC } from "~/trpc/react";
import { Combobox } from "./combobox";
import type { EntryCustomer } from "./entry-state";
import { useDebouncedValue } from "./use-debounced-value";

/**
 * Type-ahead over customers by name or code. While the rep types, the text is a search; picking an option
 * sets the customer. Leaving the field with a customer chosen restores its name; clearing the field and
 * leaving it unsets the customer.
 */
export function CustomerCombobox({
  id,
  customer,
  onChange,
  inputRef,
  invalid,
  describedBy,
}: {
  id: string;
  customer: EntryCustomer | null;
  onChange: (customer: EntryCustomer | null) => void;
  inputRef?: Ref<HTMLInputElement>;
  invalid?: boolean;
  describedBy?: string;
}) {
  const trpc = useTRPC();
  const [typed, setTyped] = useState<string | null>(null);
  const text = typed ?? customer?.name ?? "";
  const q = useDebouncedValue(text.trim(), 180);
  const isSearching = typed !== null && q.length > 0;
  const lookup = useQuery({
    ...trpc.customers.lookup.queryOptions({ q: q.slice(0, 100) }),
    enabled: isSearching,
    staleTime: 30_000,
    placeholderData: keepPreviousData,
  });
  const isCurrent = isSearching && q === text.trim() && lookup.isSuccess && !lookup.isPlaceholderData;

  return (
    <Combobox
      id={id}
      value={text}
      onValueChange={setTyped}
      options={typed === null ? undefined : lookup.data}
      isCurrent={isCurrent}
      isLoading={lookup.isFetching || q !== text.trim()}
      error={lookup.isError ? apiErrorOf(lookup.error).message : null}
      optionKey={(c) => c.code}
      optionLabel={(c) => `${c.name} (${c.code})`}
      renderOption={(c) => (
        <span className="flex items-baseline justify-between gap-6">
          <span className="truncate font-medium">{c.name}</span>
          <span className="shrink-0 font-mono text-xs text-muted-foreground">{c.code}</span>
        </span>
      )}
      onPick={(c) => {
        setTyped(null);
        onChange({ code: c.code, name: c.name });
      }}
      onBlur={() => {
        if (typed === null) return;
        if (typed.trim() === "") {
          setTyped(null);
          if (customer) onChange(null);
        } else if (customer) setTyped(null);
      }}
      emptyMessage="No customer matches. Try part of the name or the code."
      listLabel="Matching accounts"
      placeholder="Name or code"
      inputRef={inputRef}
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy}
      popupClassName="min-w-[24rem]"
    />
  );
}
