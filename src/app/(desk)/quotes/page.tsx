import { requirePermission } from "~/app/(desk)/guard";
import { parseListParams, toQueryString, type RawSearchParams } from "~/components/orders/list-params";
import { OrderListView } from "~/components/orders/order-list";

export const metadata = { title: "Quotes" };

export default async function QuotesPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const params = parseListParams(await searchParams);
  const query = toQueryString(params);
  const actor = await requirePermission("orders.view", query ? `/quotes?${query}` : "/quotes");
  return <OrderListView kind="quote" params={params} role={actor.role} />;
}
