import type { ImportKindName } from "../constants";
import { customersKind } from "./customers";
import type { ImportKind } from "./kind";
import { ordersKind } from "./orders";
import { priceListItemsKind } from "./price-list-items";
import { productsKind } from "./products";
import { stockCountsKind } from "./stock-counts";

/** What each kind of file loads, and how (columns, checks, the use case it runs). */
export const IMPORT_KIND_DEFINITIONS: Record<ImportKindName, ImportKind> = {
  orders: ordersKind as ImportKind,
  customers: customersKind as ImportKind,
  products: productsKind as ImportKind,
  price_list_items: priceListItemsKind as ImportKind,
  stock_counts: stockCountsKind as ImportKind,
};

export type { ImportKind, ImportColumn, RowOutcome } from "./kind";
