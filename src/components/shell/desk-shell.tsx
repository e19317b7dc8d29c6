"use client";

import * as DialogPrimitive from "@radix-ui/react-dialog";
import { LogOut, Menu, PanelLeftClose, PanelLeftOpen, Search, XIcon } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState, useSyncExternalStore } from "react";
import { useFormStatus } from "react-dom";
import { signOutAction } from "~/app/(auth)/login/actions";
import { Button } from "~/components/ui/button";
import { Kbd } from "~/components/ui/kbd";
import { cn } from "~/lib/utils";
import type { Role } from "~/server/auth/roles";
import { CommandPalette } from "./command-palette";
import { LowStockBadge } from "./low-stock-badge";
import { isActivePath, navFor, roleLabel } from "./nav";
import { isCompact, sidebarCookie, toggledSidebarMode, WIDE_SIDEBAR_QUERY, type SidebarMode } from "./sidebar-mode";
import { Wordmark } from "./wordmark";

export type DeskUser = { name: string; email: string; role: Role };

/**
 * The signed-in desk: sidebar with the role's areas, a top bar with the command palette, and the page.
 * The sidebar collapses to icons (sidebar-mode.ts); the `sidebar-compact:` variant (globals.css) styles that.
 */
export function DeskShell({ user, initialSidebar = "auto", children }: { user: DeskUser; initialSidebar?: SidebarMode; children: React.ReactNode }) {
  const [isPaletteOpen, setPaletteOpen] = useState(false);
  const [isMenuOpen, setMenuOpen] = useState(false);
  const [sidebar, setSidebar] = useState(initialSidebar);
  const isMac = useIsMac();
  const isWide = useIsWide();
  const compact = isCompact(sidebar, isWide);

  function toggleSidebar() {
    const next = toggledSidebarMode(sidebar, window.matchMedia(WIDE_SIDEBAR_QUERY).matches);
    document.cookie = sidebarCookie(next);
    setSidebar(next);
  }

  return (
    <div data-sidebar={sidebar} className="min-h-dvh bg-background">
      <a
        href="#main"
        className="sr-only rounded-md bg-background px-3 py-2 text-sm font-medium shadow focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-[60] focus:ring-[3px] focus:ring-ring/70"
      >
        Skip to content
      </a>

      <aside className="fixed inset-y-0 left-0 z-30 hidden w-60 border-r border-sidebar-border bg-sidebar sidebar-compact:w-16 md:flex print:hidden!">
        <Sidebar user={user} toggle={{ compact, onToggle: toggleSidebar }} />
      </aside>

      {/* Narrow screens: the same sidebar in a drawer. */}
      <DialogPrimitive.Root open={isMenuOpen} onOpenChange={setMenuOpen}>
        <DialogPrimitive.Portal>
          <DialogPrimitive.Overlay className="fixed inset-0 z-40 bg-zinc-950/40 data-[state=closed]:animate-fade-out data-[state=open]:animate-fade-in md:hidden" />
          <DialogPrimitive.Content
            aria-describedby={undefined}
            className="fixed inset-y-0 left-0 z-50 flex w-64 max-w-[85vw] border-r bg-sidebar shadow-xl outline-none data-[state=closed]:animate-slide-out-left data-[state=open]:animate-slide-in-left md:hidden"
          >
            <DialogPrimitive.Title className="sr-only">Menu</DialogPrimitive.Title>
            <Sidebar user={user} onNavigate={() => setMenuOpen(false)} />
            <DialogPrimitive.Close asChild>
              <Button variant="ghost" size="icon" className="absolute top-2.5 right-2 size-8">
                <XIcon aria-hidden="true" />
                <span className="sr-only">Close menu</span>
              </Button>
            </DialogPrimitive.Close>
          </DialogPrimitive.Content>
        </DialogPrimitive.Portal>
      </DialogPrimitive.Root>

      <div className="flex min-h-dvh flex-col md:pl-60 sidebar-compact:md:pl-16 print:min-h-0 print:pl-0">
        <header className="sticky top-0 z-20 flex h-14 print:hidden shrink-0 items-center gap-3 border-b bg-background/95 px-4 backdrop-blur supports-[backdrop-filter]:bg-background/80 md:px-8">
          <Button variant="ghost" size="icon" className="-ml-2 md:hidden" onClick={() => setMenuOpen(true)}>
            <Menu aria-hidden="true" />
            <span className="sr-only">Open menu</span>
          </Button>
          <button
            type="button"
            onClick={() => setPaletteOpen(true)}
            aria-haspopup="dialog"
            aria-keyshortcuts="Control+K Meta+K"
            className="flex h-9 w-full max-w-md items-center gap-2 rounded-md border border-input bg-muted/40 px-3 text-sm text-muted-foreground shadow-xs transition-colors outline-none hover:bg-muted focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/70"
          >
            <Search aria-hidden="true" className="size-4 shrink-0" />
            <span className="flex-1 truncate text-left">Search or jump to…</span>
            <Kbd className="hidden sm:inline-flex">{isMac ? "⌘ K" : "Ctrl K"}</Kbd>
          </button>
        </header>

        <main id="main" tabIndex={-1} className="mx-auto w-full max-w-[1440px] flex-1 px-4 py-6 outline-none md:px-8 print:max-w-none print:p-0">
          {children}
        </main>
      </div>

      <CommandPalette role={user.role} open={isPaletteOpen} onOpenChange={setPaletteOpen} />
    </div>
  );
}

/**
 * A name shown beside its icon, or (sidebar collapsed) kept for screen readers and shown as a tooltip while
 * the pointer or the keyboard focus is on its link (the nearest `group/item`).
 */
const COLLAPSIBLE_LABEL = cn(
  "truncate",
  "sidebar-compact:pointer-events-none sidebar-compact:absolute sidebar-compact:top-1/2 sidebar-compact:left-full sidebar-compact:z-50 sidebar-compact:ml-2 sidebar-compact:-translate-y-1/2",
  "sidebar-compact:rounded-md sidebar-compact:bg-foreground sidebar-compact:px-2 sidebar-compact:py-1 sidebar-compact:text-xs sidebar-compact:font-medium sidebar-compact:whitespace-nowrap sidebar-compact:text-background sidebar-compact:shadow-md",
  "sidebar-compact:opacity-0 sidebar-compact:group-hover/item:opacity-100 sidebar-compact:group-focus-visible/item:opacity-100",
);

function Sidebar({ user, onNavigate, toggle }: { user: DeskUser; onNavigate?: () => void; toggle?: { compact: boolean; onToggle: () => void } }) {
  const pathname = usePathname() ?? "";
  const items = navFor(user.role);

  return (
    <nav aria-label="Main" className="flex min-h-0 w-full flex-col">
      <div className="flex h-14 shrink-0 items-center px-4 sidebar-compact:justify-center sidebar-compact:px-0">
        <Link
          href={items[0]?.href ?? "/"}
          onClick={onNavigate}
          className="rounded-md outline-none focus-visible:ring-[3px] focus-visible:ring-ring/70"
        >
          <Wordmark nameClassName="sidebar-compact:sr-only" />
        </Link>
      </div>

      {/* Visible tooltips need the list not to clip sideways: the compact list does not scroll (11 icons fit 768 px). */}
      <ul className="flex-1 space-y-0.5 overflow-y-auto px-3 py-2 sidebar-compact:overflow-visible sidebar-compact:px-2">
        {items.map((item) => {
          const isActive = isActivePath(pathname, item.href);
          return (
            <li key={item.href} className="relative">
              <Link
                href={item.href}
                onClick={onNavigate}
                aria-current={isActive ? "page" : undefined}
                className={cn(
                  "group/item relative flex h-8 items-center gap-2.5 rounded-md px-2.5 text-sm outline-none transition-colors focus-visible:ring-[3px] focus-visible:ring-ring/70 sidebar-compact:h-9 sidebar-compact:justify-center sidebar-compact:px-0",
                  isActive
                    ? "bg-sidebar-accent font-medium text-sidebar-accent-foreground"
                    : "text-muted-foreground hover:bg-sidebar-accent/60 hover:text-sidebar-foreground",
                )}
              >
                <item.icon aria-hidden="true" className={cn("size-4 shrink-0", isActive && "text-primary")} />
                <span className={COLLAPSIBLE_LABEL}>{item.label}</span>
              </Link>
              {item.href === "/inventory" && <LowStockBadge onNavigate={onNavigate} />}
            </li>
          );
        })}
      </ul>

      <div className="shrink-0 border-t border-sidebar-border p-3 sidebar-compact:px-2">
        <div className="flex items-center gap-2.5 px-1 pb-2 sidebar-compact:justify-center sidebar-compact:px-0">
          <span
            aria-hidden="true"
            title={`${user.name || user.email} (${roleLabel(user.role)})`}
            className="flex size-8 shrink-0 items-center justify-center rounded-full bg-primary/10 text-xs font-semibold text-primary"
          >
            {initials(user.name || user.email)}
          </span>
          <div className="min-w-0 leading-tight sidebar-compact:sr-only">
            <p className="truncate text-sm font-medium text-sidebar-foreground" title={user.email}>
              {user.name || user.email}
            </p>
            <p className="truncate text-xs text-muted-foreground">{roleLabel(user.role)}</p>
          </div>
        </div>
        <form action={signOutAction}>
          <SignOutButton />
        </form>
        {toggle && (
          <Button
            type="button"
            variant="ghost"
            size="sm"
            onClick={toggle.onToggle}
            aria-expanded={!toggle.compact}
            className={cn(SIDEBAR_BUTTON, "mt-0.5")}
          >
            {toggle.compact ? <PanelLeftOpen aria-hidden="true" /> : <PanelLeftClose aria-hidden="true" />}
            <span className={COLLAPSIBLE_LABEL}>{toggle.compact ? "Expand sidebar" : "Collapse sidebar"}</span>
          </Button>
        )}
      </div>
    </nav>
  );
}

const SIDEBAR_BUTTON = "group/item relative w-full justify-start text-muted-foreground sidebar-compact:justify-center sidebar-compact:px-0";

function SignOutButton() {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" variant="ghost" size="sm" disabled={pending} className={SIDEBAR_BUTTON}>
      <LogOut aria-hidden="true" />
      <span className={COLLAPSIBLE_LABEL}>{pending ? "Signing out…" : "Sign out"}</span>
    </Button>
  );
}

function initials(name: string): string {
  const parts = name.split(/[\s@.]+/).filter(Boolean);
  return ((parts[0]?.[0] ?? "") + (parts[1]?.[0] ?? "")).toUpperCase() || "?";
}

const noSubscribe = () => () => {};
function subscribeToWidth(onChange: () => void) {
  const query = window.matchMedia(WIDE_SIDEBAR_QUERY);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}
/** True from 1440 px on, where the "auto" sidebar shows names (the server assumes a wide window). */
function useIsWide(): boolean {
  return useSyncExternalStore(subscribeToWidth, () => window.matchMedia(WIDE_SIDEBAR_QUERY).matches, () => true);
}

/** Shows ⌘ K on Apple devices after hydration; the server (and the first render) say Ctrl K. */
function useIsMac(): boolean {
  return useSyncExternalStore(
    noSubscribe,
    () => /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent),
    () => false,
  );
}
