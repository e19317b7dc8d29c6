"use client";

import { SavedViews, type SavedViewsOf } from "~/components/shell/saved-views";
import { canonicalQuery } from "./list-params";

/** The order list's saved views (a client component: it hands the list's canonical form to SavedViews). */
const ORDER_VIEWS: SavedViewsOf = { list: "orders", path: "/orders", allLabel: "All orders", canonical: canonicalQuery, example: "Big EDI orders", noun: "orders" };

export function OrderSavedViews({ currentQuery }: { currentQuery: string }) {
  return <SavedViews of={ORDER_VIEWS} currentQuery={currentQuery} />;
}
