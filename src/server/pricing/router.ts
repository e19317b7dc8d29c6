import { z } from "zod";
import { createTRPCRouter, permissionProcedure } from "../api/trpc";
import { archiveDiscountRule, listDiscountRules, saveDiscountRule } from "./discount-rules";
import { archivePriceList, listPriceLists, savePriceList } from "./price-lists";
import { ZDiscountRule, ZDiscountRuleInput, ZOverrideLimit, ZPriceList, ZPriceListInput, ZSimulateInput, ZTaxRate, ZTaxRateInput } from "./schemas";
import { PRICING_ENTITIES, pricingHistory } from "./history";
import { simulatePrices } from "./simulate";
import { whatWouldChange } from "./what-would-change";
import { deleteTaxRate, listOverrideLimits, listTaxRates, setOverrideLimit, setTaxRate } from "./tax-and-limits";

const tags = ["pricing"];
const ZCode = z.object({ code: z.string().trim().min(1) });
const ZVersioned = { version: z.number().int().positive() };

export const pricingRouter = createTRPCRouter({
  priceLists: permissionProcedure("pricing.view")
    .input(z.object({ includeArchived: z.boolean().default(false) }).default({ includeArchived: false }))
    .output(z.array(ZPriceList))
    .query(({ ctx, input }) => listPriceLists({ db: ctx.db, includeArchived: input.includeArchived })),

  createPriceList: permissionProcedure("pricing.manage")
    .meta({ openapi: { method: "POST", path: "/price-lists", tags, summary: "Create a price list with its items and quantity tiers", protect: true } })
    .input(ZPriceListInput)
    .output(ZPriceList)
    .mutation(({ ctx, input }) => savePriceList({ db: ctx.db, actor: ctx.actor, input })),

  updatePriceList: permissionProcedure("pricing.manage")
    .input(z.object({ ...ZVersioned, list: ZPriceListInput }))
    .output(ZPriceList)
    .mutation(({ ctx, input }) => savePriceList({ db: ctx.db, actor: ctx.actor, input: input.list, version: input.version })),

  archivePriceList: permissionProcedure("pricing.manage")
    .input(ZCode)
    .mutation(({ ctx, input }) => archivePriceList({ db: ctx.db, actor: ctx.actor, code: input.code })),

  discountRules: permissionProcedure("pricing.view")
    .input(z.object({ includeArchived: z.boolean().default(false) }).default({ includeArchived: false }))
    .output(z.array(ZDiscountRule))
    .query(({ ctx, input }) => listDiscountRules({ db: ctx.db, includeArchived: input.includeArchived })),

  createDiscountRule: permissionProcedure("pricing.manage")
    .meta({ openapi: { method: "POST", path: "/discount-rules", tags, summary: "Create a discount rule (the answer warns of conflicts)", protect: true } })
    .input(ZDiscountRuleInput)
    .output(ZDiscountRule)
    .mutation(({ ctx, input }) => saveDiscountRule({ db: ctx.db, actor: ctx.actor, input })),

  updateDiscountRule: permissionProcedure("pricing.manage")
    .input(z.object({ ...ZVersioned, rule: ZDiscountRuleInput }))
    .output(ZDiscountRule)
    .mutation(({ ctx, input }) => saveDiscountRule({ db: ctx.db, actor: ctx.actor, input: input.rule, version: input.version })),

  archiveDiscountRule: permissionProcedure("pricing.manage")
    .input(ZCode)
    .mutation(({ ctx, input }) => archiveDiscountRule({ db: ctx.db, actor: ctx.actor, code: input.code })),

  taxRates: permissionProcedure("pricing.view")
    .input(z.void())
    .output(z.array(ZTaxRate))
    .query(({ ctx }) => listTaxRates({ db: ctx.db })),

  setTaxRate: permissionProcedure("pricing.manage")
    .meta({ openapi: { method: "POST", path: "/tax-rates", tags, summary: "Set the tax rate for a country/region and tax category", protect: true } })
    .input(ZTaxRateInput)
    .output(ZTaxRate)
    .mutation(({ ctx, input }) => setTaxRate({ db: ctx.db, actor: ctx.actor, input })),

  deleteTaxRate: permissionProcedure("pricing.manage")
    .input(z.object({ id: z.uuid() }))
    .mutation(({ ctx, input }) => deleteTaxRate({ db: ctx.db, actor: ctx.actor, id: input.id })),

  overrideLimits: permissionProcedure("pricing.view")
    .input(z.void())
    .query(({ ctx }) => listOverrideLimits({ db: ctx.db })),

  setOverrideLimit: permissionProcedure("pricing.manage")
    .input(ZOverrideLimit)
    .mutation(({ ctx, input }) => setOverrideLimit({ db: ctx.db, actor: ctx.actor, input })),

  history: permissionProcedure("pricing.view")
    .input(z.object({ entityType: z.enum(PRICING_ENTITIES).optional(), entityId: z.string().max(100).optional(), limit: z.number().int().min(1).max(200).default(50) }))
    .query(({ ctx, input }) => pricingHistory({ db: ctx.db, ...input })),

  whatWouldChange: permissionProcedure("pricing.manage")
    .input(z.object({ rule: ZDiscountRuleInput }))
    .query(({ ctx, input }) => whatWouldChange({ db: ctx.db, actor: ctx.actor, rule: input.rule })),

  simulate: permissionProcedure("pricing.simulate")
    .input(ZSimulateInput)
    .query(({ ctx, input }) => simulatePrices({ db: ctx.db, actor: ctx.actor, input })),
});
