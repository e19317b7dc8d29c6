import type { DbOrTx } from "../db";

/**
 * One open document of another module that will bring a product into a warehouse: purchasing's sent or
 * partially received purchase orders. Inventory adds its own transfers in transit to it.
 */
export type InboundSupply = {
  productId: string;
  /** The destination warehouse. */
  warehouseId: string;
  /** Expected date (YYYY-MM-DD), kept as it is when overdue (the ATP counts overdue inbound from tomorrow). */
  date: string;
  /** Still expected: ordered − received. 0 when this product is complete on a document that is still open. */
  quantity: number;
  /** The document, as the SKU page lists it. */
  reference: InboundReference;
};

export type InboundReference = {
  /** The document number, e.g. a purchase order's. */
  number: string;
  /** The document's status in its own module, e.g. "sent" or "partially_received". */
  status: string;
  /** Who delivers it (a vendor), by code and name. */
  supplier: string;
  supplierName: string;
  /** Of this product on the document. */
  ordered: number;
  received: number;
};

/** Who usually supplies a product, and how long buying more from them takes. */
export type UsualSupplier = { code: string; name: string; leadTimeDays: number; supplierSku: string | null };

/**
 * What other modules expect to bring into stock, and how long buying more takes. Inventory reads it
 * (available-to-promise, stock lists, the SKU page) without knowing where it comes from; purchasing
 * implements it, since purchasing depends on inventory and not the reverse. See StockArrivalHandler
 * (stock-arrival.ts) for the other direction.
 */
export type SupplySource = {
  /** Expected receipts per product and destination warehouse, one per open document (any order). */
  inbound(db: DbOrTx, productIds: string[]): Promise<InboundSupply[]>;
  /** Lead time in days of each product's usual supplier; products without one are absent. */
  leadTimes(db: DbOrTx, productIds: string[]): Promise<Map<string, number>>;
  /** Each product's usual supplier; products without one are absent. */
  usualSuppliers(db: DbOrTx, productIds: string[]): Promise<Map<string, UsualSupplier>>;
};

/**
 * Nothing inbound from other modules and no usual suppliers: inventory on its own (transfers still count,
 * lead times are the products' own). For tests of inventory alone; the app always passes purchasing's.
 */
export const noSupply: SupplySource = {
  inbound: async () => [],
  leadTimes: async () => new Map(),
  usualSuppliers: async () => new Map(),
};
