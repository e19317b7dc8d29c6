"use client";

import * as DialogPrimitive from "@radix-ui/react-dialog";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Command } from "cmdk";
import { Building2, ClipboardList, FileText, History, LoaderCircle, Package, PackageCheck, Plus, Search, SlidersHorizontal, Truck, type LucideIcon } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect, useState, type Dispatch, type SetStateAction } from "react";
import { Kbd } from "~/components/ui/kbd";
import { can } from "~/server/auth/permissions";
import type { Role } from "~/server/auth/roles";
import { useTRPC } from "~/trpc/react";
import { navFor } from "./nav";
import { readRecent, RECENT_KEY, withRecent, type RecentItem } from "./palette-recent";
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
            Jump to an area or a recent item, or type at least two characters to search orders, quotes, customers,
            products and purchase orders and act on them. Use the arrow keys to choose and Enter to open.
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
    ...(can(role, "customers.create") ? [{ label: "New customer", href: "/customers/new", icon: Plus }] : []),
  ].filter((item) => !q || item.label.toLowerCase().includes(q.toLowerCase()));

  const isLoading = isSearching && (debounced !== q || search.isFetching);
  const results = isSearching && debounced.length >= MIN_QUERY ? search.data : undefined;
  const orders = results?.orders ?? [];
  const customers = results?.customers ?? [];
  const products = results?.products ?? [];
  const purchaseOrders = results?.purchaseOrders ?? [];
  const [recent, setRecent] = useState<RecentItem[]>(() => (typeof window === "undefined" ? [] : readRecent(window.localStorage.getItem(RECENT_KEY))));

  // What can be done with what was found: start an order for a customer, receive a purchase order, adjust a SKU.
  const actions: (RecentItem & { icon: LucideIcon })[] = [
    ...(can(role, "orders.create")
      ? customers.map((c) => ({ kind: "action" as const, label: `New order for ${c.code}`, href: `/orders/new?customer=${encodeURIComponent(c.code)}`, icon: Plus }))
      : []),
    ...(can(role, "purchasing.receive")
      ? purchaseOrders
          .filter((po) => po.receivable)
          .map((po) => ({ kind: "action" as const, label: `Receive ${po.number}`, href: `/purchasing/${encodeURIComponent(po.number)}#receive`, icon: PackageCheck }))
      : []),
    ...(can(role, "stock.adjust")
      ? products.map((p) => ({ kind: "action" as const, label: `Adjust stock of ${p.sku}`, href: `/inventory/${encodeURIComponent(p.sku)}?adjust=1`, icon: SlidersHorizontal }))
      : []),
  ];
  const productHref = (sku: string) => (can(role, "inventory.view") ? `/inventory/${encodeURIComponent(sku)}` : `/products/${encodeURIComponent(sku)}`);

  function go(href: string, remember?: RecentItem) {
    if (remember) {
      const next = withRecent(recent, remember);
      setRecent(next);
      try {
        window.localStorage.setItem(RECENT_KEY, JSON.stringify(next));
      } catch {
        // Storage full or disabled: the palette works without its recent list.
      }
    }
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
            {isSearching ? `Nothing matches “${q}”.` : "No matching commands."}
          </Command.Empty>
        )}

        {!q && recent.length > 0 && (
          <Command.Group heading="Recent" className={groupClassName}>
            {recent.map((item) => (
              <Command.Item key={item.href} value={`recent:${item.href}`} onSelect={() => go(item.href, item)} className={itemClassName}>
                <History aria-hidden="true" className="size-4 text-muted-foreground" />
                <span className="min-w-0 flex-1 truncate">{item.label}</span>
              </Command.Item>
            ))}
          </Command.Group>
        )}

        {goTo.length > 0 && (
          <Command.Group heading="Go to" className={groupClassName}>
            {goTo.map((item) => (
              <Command.Item key={item.href} value={`goto:${item.href}`} onSelect={() => go(item.href, { kind: "page", label: item.label, href: item.href })} className={itemClassName}>
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
                onSelect={() => {
                  const href = `/${order.kind === "quote" ? "quotes" : "orders"}/${encodeURIComponent(order.number)}`;
                  go(href, { kind: order.kind, label: `${order.number} · ${order.customerName}`, href });
                }}
                className={itemClassName}
              >
                {order.kind === "quote" ? (
                  <FileText aria-hidden="true" className="size-4 text-muted-foreground" />
                ) : (
                  <ClipboardList aria-hidden="true" className="size-4 text-muted-foreground" />
                )}
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
                onSelect={() => {
                  const href = `/customers/${encodeURIComponent(customer.code)}`;
                  go(href, { kind: "customer", label: `${customer.name} · ${customer.code}`, href });
                }}
                className={itemClassName}
              >
                <Building2 aria-hidden="true" className="size-4 text-muted-foreground" />
                <span className="min-w-0 flex-1 truncate">{customer.name}</span>
                <span className="text-xs text-muted-foreground tabular-nums">{customer.code}</span>
              </Command.Item>
            ))}
          </Command.Group>
        )}

        {products.length > 0 && (
          <Command.Group heading="Products" className={groupClassName}>
            {products.map((product) => (
              <Command.Item
                key={product.sku}
                value={`product:${product.sku}`}
                onSelect={() => go(productHref(product.sku), { kind: "product", label: `${product.sku} · ${product.name}`, href: productHref(product.sku) })}
                className={itemClassName}
              >
                <Package aria-hidden="true" className="size-4 text-muted-foreground" />
                <span className="font-mono text-xs">{product.sku}</span>
                <span className="min-w-0 flex-1 truncate text-muted-foreground">{product.name}</span>
              </Command.Item>
            ))}
          </Command.Group>
        )}

        {purchaseOrders.length > 0 && (
          <Command.Group heading="Purchase orders" className={groupClassName}>
            {purchaseOrders.map((po) => {
              const href = `/purchasing/${encodeURIComponent(po.number)}`;
              return (
                <Command.Item
                  key={po.number}
                  value={`po:${po.number}`}
                  onSelect={() => go(href, { kind: "purchaseOrder", label: `${po.number} · ${po.vendorName}`, href })}
                  className={itemClassName}
                >
                  <Truck aria-hidden="true" className="size-4 text-muted-foreground" />
                  <span className="font-medium tabular-nums">{po.number}</span>
                  <span className="min-w-0 flex-1 truncate text-muted-foreground">{po.vendorName}</span>
                  <StatusBadge status={po.status} />
                </Command.Item>
              );
            })}
          </Command.Group>
        )}

        {actions.length > 0 && (
          <Command.Group heading="Actions" className={groupClassName}>
            {actions.map(({ icon: Icon, ...action }) => (
              <Command.Item key={action.href} value={`action:${action.href}`} onSelect={() => go(action.href, action)} className={itemClassName}>
                <Icon aria-hidden="true" className="size-4 text-muted-foreground" />
                <span>{action.label}</span>
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
