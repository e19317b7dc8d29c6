/** Every module's tables, for the Drizzle client. Modules still import only their own tables. */
export * from "../auth/schema";
export * from "../catalog/schema";
export * from "../customers/schema";
export * from "../exceptions/schema";
export * from "../inventory/schema";
export * from "../integration/schema";
export * from "../orders/schema";
export * from "../pricing/schema";
export * from "../purchasing/schema";
export * from "./schema";
