"use client";

import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink, loggerLink, TRPCClientError } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { useState } from "react";
import { z } from "zod";
import type { AppRouter } from "~/server/api/root";
import { MAX_TRPC_BATCH_SIZE } from "~/server/web/trpc-request";
import { makeQueryClient } from "./query-client";

// The pages' Content-Security-Policy allows no eval: zod must not probe for it with Function(""), which the browser
// reports as a violation even though zod catches the error.
z.config({ jitless: true });

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

let browserQueryClient: QueryClient | undefined;
function getQueryClient() {
  if (typeof window === "undefined") return makeQueryClient();
  return (browserQueryClient ??= makeQueryClient());
}

export function TRPCReactProvider({ children }: { children: React.ReactNode }) {
  const queryClient = getQueryClient();
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      links: [
        // Only failures nobody expected: a refused request (400/409/422) is answered on the page itself.
        loggerLink({
          enabled: (op) =>
            process.env.NODE_ENV === "development" &&
            op.direction === "down" &&
            op.result instanceof TRPCClientError &&
            ((op.result.data as { httpStatus?: number } | undefined)?.httpStatus ?? 500) >= 500,
        }),
        // The server refuses bigger batches (src/server/web/trpc-request.ts).
        httpBatchLink({ url: "/api/trpc", maxItems: MAX_TRPC_BATCH_SIZE }),
      ],
    }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
