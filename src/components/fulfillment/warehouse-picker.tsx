"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { Label } from "~/components/ui/label";
import { NativeSelect } from "~/components/ui/select";

/** The desk's warehouse, kept in the URL (`?warehouse=EAST`); the queue tab stays as it is. */
export function WarehousePicker({ value, warehouses, tab }: { value: string; warehouses: readonly { code: string; name: string }[]; tab?: string }) {
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  return (
    <div className="flex items-center gap-2">
      <Label htmlFor="desk-warehouse">Warehouse</Label>
      <NativeSelect
        id="desk-warehouse"
        value={value}
        aria-busy={isPending || undefined}
        onChange={(e) => {
          const params = new URLSearchParams({ warehouse: e.target.value });
          if (tab && tab !== "ready") params.set("tab", tab);
          startTransition(() => router.push(`/fulfillment?${params.toString()}`));
        }}
        className="w-56"
      >
        {warehouses.map((w) => (
          <option key={w.code} value={w.code}>
            {w.code} — {w.name}
          </option>
        ))}
      </NativeSelect>
    </div>
  );
}
