import { createTRPCRouter, permissionProcedure } from "../api/trpc";
import { zPage } from "../db/pagination";
import { z } from "zod";
import { createProduct } from "./create-product";
import { lookupProducts } from "./lookup";
import { getProduct } from "./get-product";
import { listCategories } from "./list-categories";
import { listProducts } from "./list-products";
import { ZCategory, ZCreateProductInput, ZListCategoriesInput, ZListProductsInput, ZProduct, ZProductKey } from "./schemas";

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
});
