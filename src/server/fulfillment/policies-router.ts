import { z } from "zod";
import { createTRPCRouter, permissionProcedure } from "../api/trpc";
import { getPolicy, listPolicies } from "./policies/list-policies";
import { copyPolicy, savePolicy } from "./policies/save-policy";
import { ZCopyPolicyInput, ZPolicy, ZPolicyCode, ZSavePolicyInput } from "./policies/schemas";

/** Orchestration policies: the route orders take through reserve, pick, pack, ship, invoice and payment. */
export const policiesRouter = createTRPCRouter({
  list: permissionProcedure("policies.view")
    .meta({ openapi: { method: "GET", path: "/policies", tags: ["policies"], summary: "Orchestration policies with their current steps", protect: true } })
    .input(z.object({}))
    .output(z.object({ items: z.array(ZPolicy), nextCursor: z.null() }))
    .query(async ({ ctx }) => ({ items: await listPolicies({ db: ctx.db }), nextCursor: null })),

  get: permissionProcedure("policies.view")
    .meta({ openapi: { method: "GET", path: "/policies/{code}", tags: ["policies"], summary: "One policy, at its current version or ?version=N", protect: true } })
    .input(z.object({ code: ZPolicyCode, version: z.coerce.number().int().min(1).optional() }))
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
});
