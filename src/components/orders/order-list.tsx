import { FileText, Plus, ShoppingCart } from "lucide-react";
import Link from "next/link";
import { Suspense } from "react";
import { Button } from "~/components/ui/button";
import { EmptyState } from "~/components/ui/empty-state";
import { PageHeader } from "~/components/ui/page-header";
import { todayIn } from "~/lib/dates";
import { apiErrorOf } from "~/lib/trpc-error";
import { can } from "~/server/auth/permissions";
import type { Role } from "~/server/auth/roles";
import { api } from "~/trpc/server";
import { hasFilters, hrefWith, pageSizeOf, toQueryString, type OrderListParams } from "./list-params";
import { DEFAULT_LIST_LAYOUT, LIST_LAYOUT_KEY, listLayoutOf, type ListLayout } from "./list-layout";
import { ListLayoutMenu } from "./list-layout-menu";
import { OrderBulkBar, OrderSelection } from "./order-bulk";
import { OrderListPager } from "./order-list-pager";
import { OrderFilters } from "./order-filters";
import { OrdersTable, OrdersTableSkeleton } from "./orders-table";
import { OrderSavedViews } from "./order-saved-views";

/** The order list (/orders) and the quote list (/quotes): header, saved views, filters, table, pager. */
export async function OrderListView({ kind, params, role }: { kind: "order" | "quote"; params: OrderListParams; role: Role }) {
  const basePath = kind === "quote" ? "/quotes" : "/orders";
  const query = toQueryString(params);
  const withoutCursor = toQueryString({ ...params, cursor: undefined, before: undefined });
  const filtersOnly = toQueryString({ ...params, cursor: undefined, before: undefined, sort: undefined, direction: undefined, size: undefined });
  const mayCreate = can(role, "orders.create");
  const caller = await api();
  const [assignees, layout] = await Promise.all([
    caller.orders.assignees().catch(() => []),
    caller.preferences.get({ key: LIST_LAYOUT_KEY }).then(listLayoutOf, () => DEFAULT_LIST_LAYOUT),
  ]);

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
      <OrderFilters basePath={basePath} params={params} kind={kind} assignees={assignees} />
      <Suspense key={`results?${query}`} fallback={<OrdersTableSkeleton label={kind === "quote" ? "quotes" : "orders"} />}>
        <OrderResults
          kind={kind}
          basePath={basePath}
          params={params}
          mayCreate={mayCreate}
          mayCancel={can(role, "orders.cancel")}
          assignees={can(role, "orders.assign") ? assignees : null}
          layout={layout}
          count={
            <Suspense key={`count?${filtersOnly}`} fallback={<span> rows · counting…</span>}>
              <OrderCount kind={kind} params={params} />
            </Suspense>
          }
        />
      </Suspense>
    </>
  );
}

async function OrderResults({
  kind,
  basePath,
  params,
  mayCreate,
  mayCancel,
  assignees,
  layout,
  count,
}: {
  kind: "order" | "quote";
  basePath: string;
  params: OrderListParams;
  mayCreate: boolean;
  mayCancel: boolean;
  /** Who orders can be given to, when the user may assign; null hides the action. */
  assignees: { id: string; name: string }[] | null;
  layout: ListLayout;
  count: React.ReactNode;
}) {
  const noun = kind === "quote" ? "quotes" : "orders";
  const today = todayIn();
  const { cursor: _c, before: _b, size: _s, sort: _so, direction: _d, ...filters } = params;
  const exportQuery = toQueryString(filters);
  const exportHref = `/orders/export?${exportQuery ? `${exportQuery}&` : ""}kind=${kind}`;
  let page;
  try {
    page = await (await api()).orders.list({ ...params, kind, limit: pageSizeOf(params) });
  } catch (error) {
    const e = apiErrorOf(error);
    return (
      <div role="alert" className="rounded-lg border border-destructive/30 bg-danger-soft p-4 text-sm text-danger-soft-foreground">
        <p className="font-medium">Could not load the {noun}.</p>
        <p className="mt-1">{e.message}</p>
        <p className="mt-2">
          <Link href={hrefWith(basePath, { ...params, cursor: undefined, before: undefined })} className="underline">
            Back to the first page
          </Link>
        </p>
      </div>
    );
  }

  if (page.items.length === 0) {
    const filtered = hasFilters(params);
    if (params.cursor || params.before) {
      // A stale cursor (the rows moved on): offer the way back instead of a dead end.
      return (
        <EmptyState
          icon={kind === "quote" ? FileText : ShoppingCart}
          title={`No more ${noun}`}
          description="The list changed since this page was opened."
          action={
            <Button asChild variant="outline">
              <Link href={hrefWith(basePath, { ...params, cursor: undefined, before: undefined })}>First page</Link>
            </Button>
          }
        />
      );
    }
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
      <OrderSelection key={toQueryString(params)} items={page.items}>
        <OrderBulkBar kind={kind} exportHref={exportHref} mayCancel={mayCancel} assignees={assignees} today={today} view={<ListLayoutMenu kind={kind} layout={layout} />} />
        <OrdersTable kind={kind} basePath={basePath} params={params} items={page.items} today={today} selectable layout={layout} />
      </OrderSelection>
      <OrderListPager basePath={basePath} params={params} prevCursor={page.prevCursor} nextCursor={page.nextCursor} shown={page.items.length} count={count} />
    </>
  );
}

/** "· 1,234 orders" (exact up to 10,000, "10,000+" beyond), streamed in after the rows. */
async function OrderCount({ kind, params }: { kind: "order" | "quote"; params: OrderListParams }) {
  const noun = kind === "quote" ? "quotes" : "orders";
  const { search, status, fulfillmentStatus, billingStatus, channel, customer, from, to, createdBy, assignedTo } = params;
  const counted = await (await api()).orders
    .count({ kind, search, status, fulfillmentStatus, billingStatus, channel, customer, from, to, createdBy, assignedTo })
    .catch(() => null);
  if (!counted) return null;
  const { count, capped } = counted;
  return (
    <span data-testid="order-count">
      {" "}of <span className="font-medium text-foreground tabular-nums">{count.toLocaleString("en-US")}{capped ? "+" : ""}</span>{" "}
      {count === 1 && !capped ? noun.slice(0, -1) : noun}
    </span>
  );
}
