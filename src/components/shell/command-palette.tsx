"use client";

import * as DialogPrimitive from "@radix-ui/react-dialog";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Command } from "cmdk";
import { Building2, ClipboardList, LoaderCircle, Plus, Search } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect, useState, type Dispatch, type SetStateAction } from "react";
import { Kbd } from "~/components/ui/kbd";
import { can } from "~/server/auth/permissions";
import type { Role } from "~/server/auth/roles";
import { useTRPC } from "~/trpc/react";
import { navFor } from "./nav";
import { StatusBadge } from "./status-badge";

const MIN_QUERY = 2;
const DEBOUNCE_MS = 150;

/**
 * The Ctrl/Cmd+K command palette: jump to an area, start a new order, or find an order or customer.
 * Controlled by the shell (its top-bar button opens it too); the global shortcut toggles it.
 */
export function CommandPalette({
  role,
  open,
  onOpenChange,
}: {
  role: Role;
  open: boolean;
  onOpenChange: Dispatch<SetStateAction<boolean>>;
}) {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if ((event.metaKey || event.ctrlKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === "k") {
        event.preventDefault();
        onOpenChange((isOpen) => !isOpen);
      }
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [onOpenChange]);

  return (
    <DialogPrimitive.Root open={open} onOpenChange={onOpenChange}>
      <DialogPrimitive.Portal>
        <DialogPrimitive.Overlay className="fixed inset-0 z-50 bg-zinc-950/40 data-[state=closed]:animate-fade-out data-[state=open]:animate-fade-in" />
        <DialogPrimitive.Content
          aria-label="Command palette"
          className="fixed top-[12vh] left-1/2 z-50 w-[calc(100%-2rem)] max-w-xl -translate-x-1/2 overflow-hidden rounded-lg border bg-popover text-popover-foreground shadow-2xl outline-none data-[state=closed]:animate-pop-out data-[state=open]:animate-pop-in"
        >
          <DialogPrimitive.Title className="sr-only">Command palette</DialogPrimitive.Title>
          <DialogPrimitive.Description className="sr-only">
            Jump to an area, or type at least two characters to search orders and customers. Use the arrow keys to
            choose and Enter to open.
          </DialogPrimitive.Description>
          {/* Mounted only while open, so the query resets every time the palette opens. */}
          <PaletteBody role={role} onDone={() => onOpenChange(false)} />
        </DialogPrimitive.Content>
      </DialogPrimitive.Portal>
    </DialogPrimitive.Root>
  );
}

function PaletteBody({ role, onDone }: { role: Role; onDone: () => void }) {
  const router = useRouter();
  const trpc = useTRPC();
  const [query, setQuery] = useState("");
  const q = query.trim();
  const debounced = useDebouncedValue(q, DEBOUNCE_MS);
  const isSearching = q.length >= MIN_QUERY;

  const search = useQuery(
    trpc.search.palette.queryOptions(
      { q: debounced },
      { enabled: debounced.length >= MIN_QUERY, placeholderData: keepPreviousData, staleTime: 10_000 },
    ),
  );

  const goTo = [
    ...navFor(role).map((item) => ({ label: item.label, href: item.href, icon: item.icon })),
    ...(can(role, "orders.create") ? [{ label: "New order", href: "/orders/new", icon: Plus }] : []),
  ].filter((item) => !q || item.label.toLowerCase().includes(q.toLowerCase()));

  const isLoading = isSearching && (debounced !== q || search.isFetching);
  const results = isSearching && debounced.length >= MIN_QUERY ? search.data : undefined;
  const orders = results?.orders ?? [];
  const customers = results?.customers ?? [];

  function go(href: string) {
    onDone();
    router.push(href);
  }

  return (
    <Command
      label="Search commands, orders and customers"
      shouldFilter={false}
      vimBindings={false}
      loop
      className="flex flex-col"
    >
      <div className="flex items-center gap-2 border-b px-3">
        <Search aria-hidden="true" className="size-4 shrink-0 text-muted-foreground" />
        <Command.Input
          value={query}
          onValueChange={setQuery}
          placeholder="Type a command or search…"
          className="h-11 w-full bg-transparent text-sm outline-none placeholder:text-muted-foreground"
        />
        <Kbd>Esc</Kbd>
      </div>
      <Command.List label="Results" className="max-h-[min(60vh,24rem)] overflow-y-auto overscroll-contain p-1.5">
        {!isLoading && !search.isError && (
          <Command.Empty className="px-3 py-8 text-center text-sm text-muted-foreground">
            {isSearching ? `No orders or customers match “${q}”.` : "No matching commands."}
          </Command.Empty>
        )}

        {goTo.length > 0 && (
          <Command.Group heading="Go to" className={groupClassName}>
            {goTo.map((item) => (
              <Command.Item key={item.href} value={`goto:${item.href}`} onSelect={() => go(item.href)} className={itemClassName}>
                <item.icon aria-hidden="true" className="size-4 text-muted-foreground" />
                <span>{item.label}</span>
              </Command.Item>
            ))}
          </Command.Group>
        )}

        {orders.length > 0 && (
          <Command.Group heading="Orders" className={groupClassName}>
            {orders.map((order) => (
              <Command.Item
                key={order.number}
                value={`order:${order.number}`}
                onSelect={() => go(`/orders/${encodeURIComponent(order.number)}`)}
                className={itemClassName}
              >
                <ClipboardList aria-hidden="true" className="size-4 text-muted-foreground" />
                <span className="font-medium tabular-nums">{order.number}</span>
                <span className="min-w-0 flex-1 truncate text-muted-foreground">{order.customerName}</span>
                <StatusBadge status={order.status} />
              </Command.Item>
            ))}
          </Command.Group>
        )}

        {customers.length > 0 && (
          <Command.Group heading="Customers" className={groupClassName}>
            {customers.map((customer) => (
              <Command.Item
                key={customer.code}
                value={`customer:${customer.code}`}
                onSelect={() => go(`/customers/${encodeURIComponent(customer.code)}`)}
                className={itemClassName}
              >
                <Building2 aria-hidden="true" className="size-4 text-muted-foreground" />
                <span className="min-w-0 flex-1 truncate">{customer.name}</span>
                <span className="text-xs text-muted-foreground tabular-nums">{customer.code}</span>
              </Command.Item>
            ))}
          </Command.Group>
        )}

        {isLoading && (
          <Command.Loading label="Searching" className="px-3 py-2">
            <span className="flex items-center gap-2 text-sm text-muted-foreground">
              <LoaderCircle aria-hidden="true" className="size-4 animate-spin" />
              Searching…
            </span>
          </Command.Loading>
        )}

        {isSearching && !isLoading && search.isError && (
          <div role="status" className="px-3 py-2 text-sm text-destructive">
            Search failed: {search.error.message || "please try again."}
          </div>
        )}
      </Command.List>
      <div className="flex items-center gap-3 border-t px-3 py-2 text-xs text-muted-foreground">
        <span className="flex items-center gap-1">
          <Kbd>↑</Kbd>
          <Kbd>↓</Kbd> to choose
        </span>
        <span className="flex items-center gap-1">
          <Kbd>Enter</Kbd> to open
        </span>
      </div>
    </Command>
  );
}

const groupClassName =
  "[&_[cmdk-group-heading]]:px-2 [&_[cmdk-group-heading]]:pt-2 [&_[cmdk-group-heading]]:pb-1 [&_[cmdk-group-heading]]:text-xs [&_[cmdk-group-heading]]:font-medium [&_[cmdk-group-heading]]:text-muted-foreground";

const itemClassName =
  "flex cursor-pointer items-center gap-2 rounded-md px-2 py-2 text-sm outline-none select-none data-[disabled=true]:pointer-events-none data-[disabled=true]:opacity-50 data-[selected=true]:bg-accent data-[selected=true]:text-accent-foreground";

function useDebouncedValue<T>(value: T, delayMs: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return debounced;
}
