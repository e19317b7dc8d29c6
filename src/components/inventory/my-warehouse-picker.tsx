"use client";

import { useMutation } from "@tanstack/react-query";
import { Pin } from "lucide-react";
import { useRouter } from "next/navigation";
import { toast } from "~/components/ui/toast";
import { Label } from "~/components/ui/label";
import { NativeSelect } from "~/components/ui/select";
import { apiErrorOf } from "~/lib/trpc-error";
import { useTRPC } from "~/trpc/react";
import { MY_WAREHOUSE_KEY } from "./my-warehouse";

/**
 * Pins "my warehouse" (a preference of the signed-in user, kept on the server): the inventory filters and
 * the stock dialogs start from it. Choosing "None" unpins it.
 */
export function MyWarehousePicker({ value, warehouses }: { value: string | undefined; warehouses: readonly { code: string; name: string }[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const save = useMutation(
    trpc.preferences.save.mutationOptions({
      onSuccess: ({ value: saved }) => {
        toast.success(saved ? `My warehouse: ${String(saved)}` : "No warehouse pinned", {
          description: saved ? "Inventory filters and stock dialogs start from it." : "Filters show all warehouses again.",
        });
        router.refresh();
      },
      onError: (error) => toast.error("Could not pin the warehouse", { description: apiErrorOf(error).message }),
    }),
  );
  return (
    <div className="flex items-center gap-2">
      <Label htmlFor="my-warehouse" className="flex items-center gap-1 text-sm whitespace-nowrap">
        <Pin className="size-3.5" aria-hidden />
        My warehouse
      </Label>
      <NativeSelect
        id="my-warehouse"
        value={value ?? ""}
        disabled={save.isPending}
        onChange={(e) => save.mutate({ key: MY_WAREHOUSE_KEY, value: e.target.value })}
        className="w-40"
      >
        <option value="">None</option>
        {warehouses.map((w) => (
          <option key={w.code} value={w.code}>
            {w.code} — {w.name}
          </option>
        ))}
      </NativeSelect>
    </div>
  );
}
