import { Label } from "~/components/ui/label";
import { NativeSelect } from "~/components/ui/select";

/** The "Warehouse" select of a list's URL filters (a GET form): all warehouses, or one by code. */
export function WarehouseFilter({
  id,
  label = "Warehouse",
  value,
  warehouses,
  className = "w-52",
}: {
  id: string;
  label?: string;
  value: string | undefined;
  warehouses: readonly { code: string; name: string }[];
  className?: string;
}) {
  return (
    <div className="grid gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      <NativeSelect id={id} name="warehouse" defaultValue={value ?? ""} className={className}>
        <option value="">All warehouses</option>
        {warehouses.map((w) => (
          <option key={w.code} value={w.code}>
            {w.code} — {w.name}
          </option>
        ))}
      </NativeSelect>
    </div>
  );
}
