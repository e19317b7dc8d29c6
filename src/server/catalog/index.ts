/** What other modules may use of the catalog. */
export { importCatalog, type CategoryImport, type ProductImport } from "./import-catalog";
export { lookupProducts, productsBySku } from "./lookup";
export { findProductBySku } from "./queries";
export { categories, products } from "./schema";
export type { TProduct } from "./schemas";
export { ZSku } from "./schemas";
export { createProduct } from "./create-product";
export { ZCreateProductInput, type TCreateProductInput } from "./schemas";
