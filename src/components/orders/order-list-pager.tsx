"use client";

import { ChevronLeft, ChevronRight } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { Button } from "~/components/ui/button";
import { NativeSelect } from "~/components/ui/select";
import { hrefWith, PAGE_SIZES, pageSizeOf, type OrderListParams } from "./list-params";

/**
 * Previous / next over the keyset pages (the server hands both cursors) and the page size. Changing the
 * size starts again at the first page: a cursor is a position, not a page number.
 */
export function OrderListPager({
  basePath,
  params,
  prevCursor,
  nextCursor,
  shown,
  count,
}: {
  basePath: string;
  params: OrderListParams;
  prevCursor: string | null;
  nextCursor: string | null;
  shown: number;
  count?: React.ReactNode;
}) {
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  const size = pageSizeOf(params);
  const page = (over: Partial<OrderListParams>) => hrefWith(basePath, { ...params, cursor: undefined, before: undefined, ...over });
  return (
    <nav aria-label="Pagination" className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm text-muted-foreground" aria-busy={isPending}>
      <span>
        {shown === 0 ? "No rows" : `Showing ${shown}`}
        {shown > 0 && (count ?? ` row${shown === 1 ? "" : "s"}`)}
      </span>
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor="orders-page-size" className="whitespace-nowrap">
          Rows per page
        </label>
        <NativeSelect
          id="orders-page-size"
          className="w-20"
          value={String(size)}
          onChange={(e) => startTransition(() => router.push(page({ size: e.target.value === "50" ? undefined : (e.target.value as OrderListParams["size"]) })))}
        >
          {PAGE_SIZES.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </NativeSelect>
        {(params.cursor || params.before) && (
          <Button asChild variant="ghost" size="sm">
            <Link href={page({})}>First page</Link>
          </Button>
        )}
        {prevCursor ? (
          <Button asChild variant="outline" size="sm">
            <Link href={page({ before: prevCursor })} rel="prev">
              <ChevronLeft aria-hidden />
              Previous
            </Link>
          </Button>
        ) : (
          <Button variant="outline" size="sm" disabled>
            <ChevronLeft aria-hidden />
            Previous
          </Button>
        )}
        {nextCursor ? (
          <Button asChild variant="outline" size="sm">
            <Link href={page({ cursor: nextCursor })} rel="next">
              Next
              <ChevronRight aria-hidden />
            </Link>
          </Button>
        ) : (
          <Button variant="outline" size="sm" disabled>
            Next
            <ChevronRight aria-hidden />
          </Button>
        )}
      </div>
    </nav>
  );
}
