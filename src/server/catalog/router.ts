import { createTRPCRouter, permissionProcedure } from "../api/trpc";
import { zPage } from "../db/pagination";
import { z } from "zod";
import { createProduct } from "./create-product";
import { lookupProducts } from "./lookup";
import { getProduct } from "./get-product";
import { listCategories } from "./list-categories";
import { listProducts } from "./list-products";
import { ZCategory, ZCreateProductInput, ZListCategoriesInput, ZListProductsInput, ZProduct, ZProductKey, ZSetProductArchivedInput, ZUpdateProductInput } from "./schemas";
import { setProductArchived } from "./set-product-archived";
import { updateProduct } from "./update-product";

const tags = ["products"];

export const catalogRouter = createTRPCRouter({
  list: permissionProcedure("products.view")
    .meta({ openapi: { method: "GET", path: "/products", tags, summary: "List or search products", protect: true } })
    .input(ZListProductsInput)
    .output(zPage(ZProduct))
    .query(({ ctx, input }) => listProducts({ db: ctx.db, input })),

  get: permissionProcedure("products.view")
    .meta({ openapi: { method: "GET", path: "/products/{sku}", tags, summary: "Get a product by SKU", protect: true } })
    .input(ZProductKey)
    .output(ZProduct)
    .query(({ ctx, input }) => getProduct({ db: ctx.db, sku: input.sku })),

  categories: permissionProcedure("products.view")
    .meta({ openapi: { method: "GET", path: "/categories", tags, summary: "List or search product categories", protect: true } })
    .input(ZListCategoriesInput)
    .output(zPage(ZCategory))
    .query(async ({ ctx, input }) => ({ items: await listCategories({ db: ctx.db, input }), nextCursor: null })),

  lookup: permissionProcedure("products.view")
    .input(z.object({ q: z.string().trim().min(1).max(100) }))
    .query(({ ctx, input }) => lookupProducts(ctx.db, input.q)),

  create: permissionProcedure("products.create")
    .meta({ openapi: { method: "POST", path: "/products", tags, summary: "Create a product", protect: true } })
    .input(ZCreateProductInput)
    .output(ZProduct)
    .mutation(({ ctx, input }) => createProduct({ db: ctx.db, actor: ctx.actor, input })),

  update: permissionProcedure("products.edit")
    .meta({ openapi: { method: "PATCH", path: "/products/{sku}", tags, summary: "Edit a product (name, category, unit, prices, weight, tax category, lead time, pack size)", protect: true } })
    .input(ZUpdateProductInput)
    .output(ZProduct)
    .mutation(({ ctx, input }) => updateProduct({ db: ctx.db, actor: ctx.actor, input })),

  setArchived: permissionProcedure("products.edit")
    .meta({ openapi: { method: "PUT", path: "/products/{sku}/archived", tags, summary: "Archive a product (no new orders) or restore one", protect: true } })
    .input(ZSetProductArchivedInput)
    .output(ZProduct)
    .mutation(({ ctx, input }) => setProductArchived({ db: ctx.db, actor: ctx.actor, input })),
});
