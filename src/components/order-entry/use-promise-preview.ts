"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { useTRPCClient } from "~/trpc/react";
import type { EntryChannel } from "./entry-state";
import { buildPromiseRequest, mapPromiseAnswer, type LinePromiseView, type PromiseAnswer, type PromiseLine, type PromiseRequest } from "./promise-preview";
import { useDebouncedValue } from "./use-debounced-value";

export type PromisePreview = {
  /** Whether a customer and at least one line the catalog knows exist. */
  isActive: boolean;
  /** The policy the order would follow, and the order's promise date; null until the first answer. */
  policy: PromiseAnswer["policy"] | null;
  promisedDate: string | null;
  /** Each line's promise, by the form's line id (lines changed since the last answer are left out). */
  lines: Map<string, LinePromiseView>;
  /** What is shown answers an earlier state of the form: a new answer is on its way. */
  isUpdating: boolean;
  isError: boolean;
};

/**
 * Order entry's promise preview: the policy the order would follow and each line's promise date, from
 * `policies.promisePreview`, asked once typing pauses (like live pricing and availability) and showing the
 * previous answer while the next one loads. It never blocks entry: an error only says the dates are unknown.
 */
export function usePromisePreview(
  lines: readonly PromiseLine[],
  order: { customer: string | null; channel: EntryChannel; shipToRegion: string | null; total: number | null },
): PromisePreview {
  const client = useTRPCClient();
  const request = buildPromiseRequest(order.customer, order.channel, lines, { shipToRegion: order.shipToRegion, total: order.total });
  const key = useDebouncedValue(JSON.stringify(request), 400);
  const asked = useMemo(() => JSON.parse(key) as PromiseRequest | null, [key]);
  const preview = useQuery({
    queryKey: ["orderEntry", "promisePreview", asked],
    queryFn: async ({ signal }) => ({ request: asked!, result: await client.policies.promisePreview.query(asked!.input, { signal }) }),
    enabled: asked !== null,
    staleTime: 30_000,
    retry: 1,
    placeholderData: keepPreviousData,
  });
  const isActive = request !== null;
  const answer = isActive && !preview.isError ? preview.data : undefined;
  const isCurrent = !!answer && JSON.stringify(answer.request) === JSON.stringify(request);
  return {
    isActive,
    policy: answer?.result.policy ?? null,
    promisedDate: answer?.result.promisedDate ?? null,
    lines: mapPromiseAnswer(answer, lines),
    isUpdating: isActive && !preview.isError && !isCurrent,
    isError: isActive && preview.isError,
  };
}
