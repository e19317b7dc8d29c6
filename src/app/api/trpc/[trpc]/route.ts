import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { createSessionContext, retryAfterOf } from "~/server/api/context";
import { appRouter } from "~/server/api/root";
import { batchSizeOf, checkTrpcRequest, MAX_TRPC_BATCH_SIZE } from "~/server/web/trpc-request";

const ENDPOINT = "/api/trpc";

const handler = (req: Request) => {
  // Cross-site and non-JSON mutations, and oversized batches, are refused before anything is read or run.
  const refusal = checkTrpcRequest(req, ENDPOINT);
  if (refusal) {
    const { status, code, message } = refusal;
    return Response.json({ error: { message, code: -32600, data: { code, httpStatus: status } } }, { status });
  }
  return fetchRequestHandler({
    endpoint: ENDPOINT,
    req,
    router: appRouter,
    maxBatchSize: MAX_TRPC_BATCH_SIZE,
    // A batch counts its calls against the user's rate limit.
    createContext: () => createSessionContext(req.headers, batchSizeOf(req, ENDPOINT)),
    responseMeta({ errors }) {
      const retryAfter = retryAfterOf(errors);
      return retryAfter ? { headers: { "retry-after": String(retryAfter) } } : {};
    },
  });
};

export { handler as GET, handler as POST };
