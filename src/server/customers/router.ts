import { createTRPCRouter, permissionProcedure } from "../api/trpc";
import { zPage } from "../db/pagination";
import { z } from "zod";
import { createCustomer } from "./create-customer";
import { searchCustomers } from "./search-customers";
import { getCustomer } from "./get-customer";
import { listCustomers } from "./list-customers";
import { addTaxExemption } from "./add-tax-exemption";
import { removeTaxExemption } from "./remove-tax-exemption";
import { ZAddTaxExemptionInput, ZCreateCustomerInput, ZCustomer, ZCustomerKey, ZListCustomersInput, ZRemoveTaxExemptionInput, ZSetBillingTermsInput, ZSetCreditLimitInput, ZSetCustomerArchivedInput, ZUpdateCustomerInput } from "./schemas";
import { setBillingTerms } from "./set-billing-terms";
import { setCreditLimit } from "./set-credit-limit";
import { setCustomerArchived } from "./set-customer-archived";
import { updateCustomer } from "./update-customer";

const tags = ["customers"];

export const customersRouter = createTRPCRouter({
  list: permissionProcedure("customers.view")
    .meta({ openapi: { method: "GET", path: "/customers", tags, summary: "List or search customers", protect: true } })
    .input(ZListCustomersInput)
    .output(zPage(ZCustomer))
    .query(({ ctx, input }) => listCustomers({ db: ctx.db, input })),

  get: permissionProcedure("customers.view")
    .meta({ openapi: { method: "GET", path: "/customers/{code}", tags, summary: "Get a customer by code", protect: true } })
    .input(ZCustomerKey)
    .output(ZCustomer)
    .query(({ ctx, input }) => getCustomer({ db: ctx.db, code: input.code })),

  lookup: permissionProcedure("orders.view")
    .input(z.object({ q: z.string().trim().min(1).max(100) }))
    .query(({ ctx, input }) => searchCustomers(ctx.db, input.q, 10)),

  create: permissionProcedure("customers.create")
    .meta({ openapi: { method: "POST", path: "/customers", tags, summary: "Create a customer", protect: true, successDescription: "The new customer" } })
    .input(ZCreateCustomerInput)
    .output(ZCustomer)
    .mutation(({ ctx, input }) => createCustomer({ db: ctx.db, actor: ctx.actor, input })),

  update: permissionProcedure("customers.edit")
    .meta({ openapi: { method: "PATCH", path: "/customers/{code}", tags, summary: "Edit a customer's name, segment, demand class, e-mail addresses, phone and addresses", protect: true } })
    .input(ZUpdateCustomerInput)
    .output(ZCustomer)
    .mutation(({ ctx, input }) => updateCustomer({ db: ctx.db, actor: ctx.actor, input })),

  setCreditLimit: permissionProcedure("customers.credit")
    .meta({ openapi: { method: "PUT", path: "/customers/{code}/credit-limit", tags, summary: "Set the customer's credit limit (with the reason)", protect: true } })
    .input(ZSetCreditLimitInput)
    .output(ZCustomer)
    .mutation(({ ctx, input }) => setCreditLimit({ db: ctx.db, actor: ctx.actor, input })),

  setArchived: permissionProcedure("customers.archive")
    .meta({ openapi: { method: "PUT", path: "/customers/{code}/archived", tags, summary: "Archive a customer (no new orders) or restore one", protect: true } })
    .input(ZSetCustomerArchivedInput)
    .output(ZCustomer)
    .mutation(({ ctx, input }) => setCustomerArchived({ db: ctx.db, actor: ctx.actor, input })),

  setBillingTerms: permissionProcedure("customers.billingTerms")
    .meta({ openapi: { method: "PATCH", path: "/customers/{code}/billing-terms", tags, summary: "Change payment terms, invoice on order (prepaid) and freight terms", protect: true } })
    .input(ZSetBillingTermsInput)
    .output(ZCustomer)
    .mutation(({ ctx, input }) => setBillingTerms({ db: ctx.db, actor: ctx.actor, input })),

  addTaxExemption: permissionProcedure("customers.taxExemptions")
    .meta({ openapi: { method: "POST", path: "/customers/{code}/tax-exemptions", tags, summary: "Record a sales tax exemption certificate", protect: true, successDescription: "The customer with its certificates" } })
    .input(ZAddTaxExemptionInput)
    .output(ZCustomer)
    .mutation(({ ctx, input }) => addTaxExemption({ db: ctx.db, actor: ctx.actor, input })),

  removeTaxExemption: permissionProcedure("customers.taxExemptions")
    .meta({ openapi: { method: "DELETE", path: "/customers/{code}/tax-exemptions/{id}", tags, summary: "Remove (revoke) a tax exemption certificate", protect: true } })
    .input(ZRemoveTaxExemptionInput)
    .output(ZCustomer)
    .mutation(({ ctx, input }) => removeTaxExemption({ db: ctx.db, actor: ctx.actor, input })),
});

export type CustomersRouter = typeof customersRouter;
