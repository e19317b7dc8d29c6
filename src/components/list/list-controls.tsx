import Link from "next/link";
import { Search } from "lucide-react";
import { Button } from "~/components/ui/button";
import { Input } from "~/components/ui/input";
import { Label } from "~/components/ui/label";
import { NativeSelect } from "~/components/ui/select";

/**
 * Filters are a plain GET form, so every filter lives in the URL (shareable, back-button safe)
 * and works before any JavaScript has loaded.
 */
export function ListFilters({
  searchLabel,
  searchValue,
  placeholder,
  children,
}: {
  searchLabel: string;
  searchValue?: string;
  placeholder?: string;
  children?: React.ReactNode;
}) {
  return (
    <form method="get" role="search" className="mb-4 flex flex-wrap items-end gap-3">
      <div className="grid gap-1.5">
        <Label htmlFor="list-search">{searchLabel}</Label>
        <div className="relative">
          <Search className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground" aria-hidden />
          <Input id="list-search" name="search" type="search" defaultValue={searchValue} placeholder={placeholder} className="w-80 pl-8" />
        </div>
      </div>
      {children}
      <Button type="submit" variant="secondary">
        Apply
      </Button>
    </form>
  );
}

/** Keyset pagination: "next" follows the cursor; "first page" drops it. Other filters are kept. */
export function Pager({
  basePath,
  params,
  nextCursor,
  shown,
}: {
  basePath: string;
  params: Record<string, string | undefined>;
  nextCursor: string | null;
  shown: number;
}) {
  const query = (extra: Record<string, string | undefined>) => {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries({ ...params, ...extra })) if (value) search.set(key, value);
    const text = search.toString();
    return text ? `${basePath}?${text}` : basePath;
  };
  return (
    <nav aria-label="Pagination" className="mt-4 flex items-center justify-between text-sm text-muted-foreground">
      <span>{shown === 0 ? "No rows" : `Showing ${shown} row${shown === 1 ? "" : "s"}`}</span>
      <div className="flex gap-2">
        {params.cursor && (
          <Button asChild variant="outline" size="sm">
            <Link href={query({ cursor: undefined })}>First page</Link>
          </Button>
        )}
        {nextCursor && (
          <Button asChild variant="outline" size="sm">
            <Link href={query({ cursor: nextCursor })}>Next page</Link>
          </Button>
        )}
      </div>
    </nav>
  );
}

export function firstParam(value: string | string[] | undefined): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  return v ? v : undefined;
}

/** A list of records that can be archived: `?status=archived` shows those, anything else the active ones. */
export const recordStatusOf = (value: string | undefined) => (value === "archived" ? "archived" : "active");

/** The Status filter of such a list (Active or Archived), for ListFilters. */
export function RecordStatusFilter({ status }: { status: "active" | "archived" }) {
  return (
    <div className="grid gap-1.5">
      <Label htmlFor="status-filter">Status</Label>
      <NativeSelect id="status-filter" name="status" defaultValue={status} className="w-36">
        <option value="active">Active</option>
        <option value="archived">Archived</option>
      </NativeSelect>
    </div>
  );
}
