import { Label } from "~/components/ui/label";
import { NativeSelect } from "~/components/ui/select";
import { ALL_WAREHOUSES } from "./my-warehouse";

/**
 * The "Warehouse" select of a list's URL filters (a GET form): all warehouses, or one by code. With
 * `mine` (the user's pinned warehouse) an empty filter means theirs, so "All warehouses" is sent as "all".
 */
export function WarehouseFilter({
  id,
  label = "Warehouse",
  value,
  warehouses,
  className = "w-52",
  mine,
}: {
  id: string;
  label?: string;
  value: string | undefined;
  warehouses: readonly { code: string; name: string }[];
  className?: string;
  mine?: string;
}) {
  return (
    <div className="grid gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      <NativeSelect id={id} name="warehouse" defaultValue={mine ? (value ?? mine) : (value ?? "")} className={className}>
        <option value={mine ? ALL_WAREHOUSES : ""}>All warehouses</option>
        {warehouses.map((w) => (
          <option key={w.code} value={w.code}>
            {w.code} — {w.name}
          </option>
        ))}
      </NativeSelect>
    </div>
  );
}
