import { FileText, Plus, ShoppingCart } from "lucide-react";
import Link from "next/link";
import { Suspense } from "react";
import { Pager } from "~/components/list/list-controls";
import { Button } from "~/components/ui/button";
import { EmptyState } from "~/components/ui/empty-state";
import { PageHeader } from "~/components/ui/page-header";
import { todayIn } from "~/lib/dates";
import { apiErrorOf } from "~/lib/trpc-error";
import { can } from "~/server/auth/permissions";
import type { Role } from "~/server/auth/roles";
import { api } from "~/trpc/server";
import { hasFilters, hrefWith, toQueryString, type OrderListParams } from "./list-params";
import { OrderFilters } from "./order-filters";
import { OrdersTable, OrdersTableSkeleton } from "./orders-table";
import { OrderSavedViews } from "./order-saved-views";

const PAGE_SIZE = 50;

/** The order list (/orders) and the quote list (/quotes): header, saved views, filters, table, pager. */
export function OrderListView({ kind, params, role }: { kind: "order" | "quote"; params: OrderListParams; role: Role }) {
  const basePath = kind === "quote" ? "/quotes" : "/orders";
  const query = toQueryString(params);
  const withoutCursor = toQueryString({ ...params, cursor: undefined });
  const mayCreate = can(role, "orders.create");

  return (
    <>
      <PageHeader
        title={kind === "quote" ? "Quotes" : "Orders"}
        description={
          kind === "quote"
            ? "Priced offers a customer can accept; convert one to make it an order."
            : "Every order, searchable and filterable. Filters live in the URL — share it or save it as a view."
        }
        actions={
          <>
            {kind === "order" ? (
              <Button asChild variant="outline">
                <Link href="/quotes">
                  <FileText aria-hidden />
                  Quotes
                </Link>
              </Button>
            ) : (
              <Button asChild variant="outline">
                <Link href="/orders">
                  <ShoppingCart aria-hidden />
                  Orders
                </Link>
              </Button>
            )}
            {mayCreate && (
              <Button asChild>
                <Link href="/orders/new">
                  <Plus aria-hidden />
                  {kind === "quote" ? "New quote" : "New order"}
                </Link>
              </Button>
            )}
          </>
        }
      />
      {kind === "order" && <OrderSavedViews currentQuery={withoutCursor} />}
      <OrderFilters key={`filters?${withoutCursor}`} basePath={basePath} params={params} kind={kind} />
      <Suspense key={`results?${query}`} fallback={<OrdersTableSkeleton label={kind === "quote" ? "quotes" : "orders"} />}>
        <OrderResults kind={kind} basePath={basePath} params={params} mayCreate={mayCreate} />
      </Suspense>
    </>
  );
}

async function OrderResults({
  kind,
  basePath,
  params,
  mayCreate,
}: {
  kind: "order" | "quote";
  basePath: string;
  params: OrderListParams;
  mayCreate: boolean;
}) {
  const noun = kind === "quote" ? "quotes" : "orders";
  let page;
  try {
    page = await (await api()).orders.list({ ...params, kind, limit: PAGE_SIZE });
  } catch (error) {
    const e = apiErrorOf(error);
    return (
      <div role="alert" className="rounded-lg border border-destructive/30 bg-danger-soft p-4 text-sm text-danger-soft-foreground">
        <p className="font-medium">Could not load the {noun}.</p>
        <p className="mt-1">{e.message}</p>
        <p className="mt-2">
          <Link href={hrefWith(basePath, { ...params, cursor: undefined })} className="underline">
            Back to the first page
          </Link>
        </p>
      </div>
    );
  }

  if (page.items.length === 0) {
    const filtered = hasFilters(params);
    return (
      <EmptyState
        icon={kind === "quote" ? FileText : ShoppingCart}
        title={filtered ? `No ${noun} match these filters` : params.cursor ? `No more ${noun}` : `No ${noun} yet`}
        description={
          filtered
            ? "Try a shorter search, another status or a wider date range."
            : kind === "quote"
              ? "Quotes saved from order entry appear here."
              : "Orders entered by the desk or received through the API appear here."
        }
        action={
          filtered ? (
            <Button asChild variant="outline">
              <Link href={hrefWith(basePath, { sort: params.sort, direction: params.direction })}>Clear filters</Link>
            </Button>
          ) : mayCreate ? (
            <Button asChild>
              <Link href="/orders/new">{kind === "quote" ? "New quote" : "New order"}</Link>
            </Button>
          ) : undefined
        }
      />
    );
  }

  return (
    <>
      <OrdersTable kind={kind} basePath={basePath} params={params} items={page.items} today={todayIn()} />
      <Pager basePath={basePath} params={{ ...params }} nextCursor={page.nextCursor} shown={page.items.length} />
    </>
  );
}
