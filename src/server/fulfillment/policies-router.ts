import { z } from "zod";
import { createTRPCRouter, permissionProcedure } from "../api/trpc";
import { getPolicy, listPolicies } from "./policies/list-policies";
import { copyPolicy, savePolicy } from "./policies/save-policy";
import { listPolicyRules, savePolicyRules } from "./policies/rules";
import { ZCopyPolicyInput, ZPolicy, ZPolicyCode, ZPolicyRule, ZSavePolicyInput, ZSavePolicyRulesInput, ZSaveTransitTimesInput, ZTransitTime } from "./policies/schemas";
import { previewPromises } from "./plans/preview-promises";
import { ZPromisePreview, ZPromisePreviewInput } from "./plans/schemas";
import { listTransitTimes, saveTransitTimes } from "./plans/transit";

const ZTransitRow = ZTransitTime.extend({ warehouseName: z.string() });

/** Orchestration policies: the route orders take through reserve, pick, pack, ship, invoice and payment. */
export const policiesRouter = createTRPCRouter({
  list: permissionProcedure("policies.view")
    .meta({ openapi: { method: "GET", path: "/policies", tags: ["policies"], summary: "Orchestration policies with their current steps", protect: true } })
    .input(z.object({}))
    .output(z.object({ items: z.array(ZPolicy), nextCursor: z.null() }))
    .query(async ({ ctx }) => ({ items: await listPolicies({ db: ctx.db }), nextCursor: null })),

  get: permissionProcedure("policies.view")
    .meta({ openapi: { method: "GET", path: "/policies/{code}", tags: ["policies"], summary: "One policy, at its current version or ?version=N", protect: true } })
    .input(z.object({ code: ZPolicyCode, version: z.coerce.number().int().min(1).max(2_147_483_647, "No such version").optional() }))
    .output(ZPolicy)
    .query(({ ctx, input }) => getPolicy({ db: ctx.db, code: input.code, version: input.version })),

  save: permissionProcedure("policies.manage")
    .meta({ openapi: { method: "PUT", path: "/policies/{code}", tags: ["policies"], summary: "Save a policy's steps as a new version (admins; send the version you edited)", protect: true } })
    .input(ZSavePolicyInput)
    .output(ZPolicy)
    .mutation(({ ctx, input }) => savePolicy({ db: ctx.db, actor: ctx.actor, input })),

  copy: permissionProcedure("policies.manage")
    .meta({ openapi: { method: "POST", path: "/policies", tags: ["policies"], summary: "Create a policy as a copy of another (admins)", protect: true } })
    .input(ZCopyPolicyInput)
    .output(ZPolicy)
    .mutation(({ ctx, input }) => copyPolicy({ db: ctx.db, actor: ctx.actor, input })),

  rules: permissionProcedure("policies.view")
    .meta({ openapi: { method: "GET", path: "/policy-rules", tags: ["policies"], summary: "Which policy an order follows: rules in order, first match wins", protect: true } })
    .input(z.object({}))
    .output(z.object({ items: z.array(ZPolicyRule) }))
    .query(async ({ ctx }) => ({ items: await listPolicyRules({ db: ctx.db }) })),

  saveRules: permissionProcedure("policies.manage")
    .meta({ openapi: { method: "PUT", path: "/policy-rules", tags: ["policies"], summary: "Replace the policy rules (admins); new orders use them at submission", protect: true } })
    .input(ZSavePolicyRulesInput)
    .output(z.object({ items: z.array(ZPolicyRule) }))
    .mutation(async ({ ctx, input }) => ({ items: await savePolicyRules({ db: ctx.db, actor: ctx.actor, input }) })),

  transitTimes: permissionProcedure("policies.view")
    .meta({ openapi: { method: "GET", path: "/transit-times", tags: ["policies"], summary: "Business days in transit from each warehouse to ship-to regions", protect: true } })
    .input(z.object({}))
    .output(z.object({ items: z.array(ZTransitRow) }))
    .query(async ({ ctx }) => ({ items: await listTransitTimes({ db: ctx.db }) })),

  saveTransitTimes: permissionProcedure("policies.manage")
    .meta({ openapi: { method: "PUT", path: "/transit-times", tags: ["policies"], summary: "Replace the transit table (admins); region \"*\" is a warehouse's default", protect: true } })
    .input(ZSaveTransitTimesInput)
    .output(z.object({ items: z.array(ZTransitRow) }))
    .mutation(async ({ ctx, input }) => ({ items: await saveTransitTimes({ db: ctx.db, actor: ctx.actor, input }) })),

  /** Order entry, before submitting: the policy the order would follow and each line's promise date (the page's, not REST). */
  promisePreview: permissionProcedure("orders.view")
    .input(ZPromisePreviewInput)
    .output(ZPromisePreview)
    .query(({ ctx, input }) => previewPromises({ db: ctx.db, input })),
});
