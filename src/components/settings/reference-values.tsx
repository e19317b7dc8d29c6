"use client";

import { useQuery } from "@tanstack/react-query";
import type { ReferenceKind } from "~/server/settings/constants";
import { referenceNameOf } from "~/server/settings/reference-codes";
import type { TReferenceValue } from "~/server/settings/schemas";
import { useTRPC } from "~/trpc/react";

/**
 * A reference list the admin keeps (Admin → Settings) as forms and tables use it: its values, their names,
 * and what a form may offer. Changes on the settings page invalidate it, so a new segment shows at once.
 */
export function useReferenceValues(kind: ReferenceKind) {
  const trpc = useTRPC();
  const query = useQuery({ ...trpc.settings.list.queryOptions({ kind }), staleTime: 30_000 });
  const values: TReferenceValue[] = query.data?.items ?? [];
  return {
    query,
    values,
    /** The value's name ("Wholesale"), "(archived)" added when it is; the code itself while the list loads or when unknown. */
    nameOf: (code: string) => referenceNameOf(values, code),
  };
}

/**
 * The `<option>`s of a select of one list: its active values, and the `current` one even when it is
 * archived (a record keeps its value; the server refuses it only for new records).
 */
export function ReferenceOptions({ values, current }: { values: readonly TReferenceValue[]; current?: string | null }) {
  const offered = values.filter((v) => !v.isArchived || v.code === current);
  const missing = current && !values.some((v) => v.code === current);
  return (
    <>
      {missing && <option value={current}>{current}</option>}
      {offered.map((v) => (
        <option key={v.code} value={v.code}>
          {v.isArchived ? `${v.name} (archived)` : v.name}
        </option>
      ))}
    </>
  );
}
