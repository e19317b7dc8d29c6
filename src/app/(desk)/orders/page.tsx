import { requirePermission } from "~/app/(desk)/guard";
import { parseListParams, toQueryString, type RawSearchParams } from "~/components/orders/list-params";
import { OrderListView } from "~/components/orders/order-list";

export const metadata = { title: "Orders" };

export default async function OrdersPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const params = parseListParams(await searchParams);
  const query = toQueryString(params);
  const actor = await requirePermission("orders.view", query ? `/orders?${query}` : "/orders");
  return <OrderListView kind="order" params={params} role={actor.role} />;
}
