import { createTRPCRouter, permissionProcedure } from "../api/trpc";
import { zPage } from "../db/pagination";
import { listExceptions, ZException, ZListExceptionsInput } from "./list-exceptions";

export const exceptionsRouter = createTRPCRouter({
  list: permissionProcedure("exceptions.view")
    .meta({ openapi: { method: "GET", path: "/exceptions", tags: ["exceptions"], summary: "The exception queue", protect: true } })
    .input(ZListExceptionsInput)
    .output(zPage(ZException))
    .query(({ ctx, input }) => listExceptions({ db: ctx.db, input })),
});
