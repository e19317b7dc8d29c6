"use client";

import { useMutation } from "@tanstack/react-query";
import { PackageCheck, Plus, Trash2 } from "lucide-react";
import { useRef, useState } from "react";
import { toast } from "~/components/ui/toast";
import { Button } from "~/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "~/components/ui/dialog";
import { FieldError } from "~/components/ui/field-error";
import { Input } from "~/components/ui/input";
import { Label } from "~/components/ui/label";
import { NativeSelect } from "~/components/ui/select";
import { apiErrorOf } from "~/lib/trpc-error";
import { cn } from "~/lib/utils";
import type { TShipment } from "~/server/fulfillment/schemas";
import { useTRPC } from "~/trpc/react";
import { newPackage, pickedBySku, toPackages, type PackageDraft } from "./pack-form";
import { formatWeight } from "./units";
import { useFulfillmentChanged } from "./use-fulfillment-changed";

/**
 * Packing a picked shipment: one package with everything by default; more packages say what is in each.
 * Enter in a package's fields moves on to the next package, and on the last one packs.
 */
export function PackDialog({ shipment, open, onOpenChange }: { shipment: TShipment; open: boolean; onOpenChange: (open: boolean) => void }) {
  const trpc = useTRPC();
  const changed = useFulfillmentChanged();
  const contents = pickedBySku(shipment);
  const [packages, setPackages] = useState<PackageDraft[]>(() => [newPackage(contents, true)]);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const weightRefs = useRef<(HTMLInputElement | null)[]>([]);
  const several = packages.length > 1;

  const pack = useMutation(
    trpc.fulfillment.pack.mutationOptions({
      onSuccess: (packed) => {
        const total = packed.packages.reduce((sum, p) => sum + p.weightGrams, 0);
        toast.success(`${packed.number} packed`, {
          description: `${packed.packages.length} package${packed.packages.length === 1 ? "" : "s"}, ${formatWeight(total)} — ready to ship.`,
        });
        onOpenChange(false);
        changed();
      },
      onError: (error) => {
        const e = apiErrorOf(error);
        const fields = e.details?.fields ?? {};
        const mapped: Record<string, string[]> = {};
        for (const [key, messages] of Object.entries(fields)) {
          const m = /^packages\.(\d+)\.(weightGrams|lengthMm|widthMm|heightMm|items)/.exec(key);
          const name = !m ? "packages" : m[2] === "weightGrams" || m[2] === "items" ? `packages.${m[1]}.${m[2]}` : `packages.${m[1]}.dimensions`;
          mapped[name] = [...(mapped[name] ?? []), ...messages];
        }
        setErrors(Object.keys(mapped).length > 0 ? mapped : { packages: [e.message] });
        toast.error(`Could not pack ${shipment.number}`, { description: e.message });
      },
    }),
  );

  const update = (i: number, change: Partial<PackageDraft>, field?: string) => {
    setPackages((ps) => ps.map((p, j) => (j === i ? { ...p, ...change, items: { ...p.items, ...change.items } } : p)));
    if (field) setErrors(({ [field]: _gone, packages: _total, ...rest }) => rest);
  };
  const add = () => {
    setPackages((ps) => [...ps, newPackage(contents, false)]);
    setTimeout(() => weightRefs.current[packages.length]?.focus(), 0);
  };
  const remove = (i: number) => {
    setPackages((ps) => ps.filter((_, j) => j !== i));
    setErrors({});
  };

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = toPackages(packages, contents);
    if ("errors" in result) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    pack.mutate({ id: shipment.number, packages: result.packages, version: shipment.version });
  }

  /** Enter confirms a package: on to the next one, or pack after the last. */
  function onPackageKeyDown(event: React.KeyboardEvent, i: number) {
    if (event.key !== "Enter" || i === packages.length - 1 || (event.target as HTMLElement).tagName === "SELECT") return;
    event.preventDefault();
    weightRefs.current[i + 1]?.focus();
  }

  const packedOf = (sku: string) => packages.reduce((sum, p) => sum + (Number(p.items[sku]) || 0), 0);
  const fieldError = (name: string) => (errors[name] ? <FieldError id={`pack-${name}-error`} className="text-xs">{errors[name].join(", ")}</FieldError> : null);
  const describedBy = (name: string) => (errors[name] ? `pack-${name}-error` : undefined);

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="sm:max-w-2xl">
        <form onSubmit={onSubmit} noValidate className="grid gap-4">
          <DialogHeader>
            <DialogTitle>Pack {shipment.number}</DialogTitle>
            <DialogDescription>
              {contents.map((c) => `${c.picked} × ${c.sku}`).join(", ")} for {shipment.order} ({shipment.customerName}). Weigh each package; sizes are optional.
            </DialogDescription>
          </DialogHeader>
          <div className="grid gap-3">
            {packages.map((p, i) => (
              <fieldset key={i} className="relative grid gap-3 rounded-lg border p-3" onKeyDown={(e) => onPackageKeyDown(e, i)}>
                <legend className="px-1 text-sm font-semibold">Package {i + 1}</legend>
                {several && (
                  <Button type="button" variant="ghost" size="sm" className="absolute top-1 right-1 text-destructive" onClick={() => remove(i)}>
                    <Trash2 aria-hidden />
                    Remove package {i + 1}
                  </Button>
                )}
                <div className="flex flex-wrap items-start gap-3">
                  <div className="grid gap-1.5">
                    <Label htmlFor={`pack-${i}-weight`}>Weight</Label>
                    <div className="flex gap-1.5">
                      <Input
                        id={`pack-${i}-weight`}
                        ref={(el) => {
                          weightRefs.current[i] = el;
                        }}
                        inputMode="decimal"
                        autoFocus={i === 0}
                        value={p.weight}
                        onChange={(e) => update(i, { weight: e.target.value }, `packages.${i}.weightGrams`)}
                        className="w-24 text-right"
                        aria-invalid={!!errors[`packages.${i}.weightGrams`]}
                        aria-describedby={describedBy(`packages.${i}.weightGrams`)}
                      />
                      <Label htmlFor={`pack-${i}-unit`} className="sr-only">
                        Weight unit
                      </Label>
                      <NativeSelect id={`pack-${i}-unit`} value={p.unit} onChange={(e) => update(i, { unit: e.target.value as PackageDraft["unit"] })} className="w-20">
                        <option value="kg">kg</option>
                        <option value="g">g</option>
                      </NativeSelect>
                    </div>
                    {fieldError(`packages.${i}.weightGrams`)}
                  </div>
                  <div className="grid gap-1.5">
                    <span className="text-sm leading-none font-medium" id={`pack-${i}-size`}>
                      Size in cm <span className="font-normal text-muted-foreground">(optional)</span>
                    </span>
                    <div className="flex items-center gap-1" role="group" aria-labelledby={`pack-${i}-size`}>
                      {(["length", "width", "height"] as const).map((side, k) => (
                        <span key={side} className="flex items-center gap-1">
                          {k > 0 && <span aria-hidden className="text-muted-foreground">×</span>}
                          <Input
                            aria-label={`${side[0]!.toUpperCase()}${side.slice(1)} (cm)`}
                            placeholder={side[0]!.toUpperCase()}
                            inputMode="decimal"
                            value={p[side]}
                            onChange={(e) => update(i, { [side]: e.target.value }, `packages.${i}.dimensions`)}
                            className="w-16 text-right"
                            aria-invalid={!!errors[`packages.${i}.dimensions`]}
                            aria-describedby={describedBy(`packages.${i}.dimensions`)}
                          />
                        </span>
                      ))}
                    </div>
                    {fieldError(`packages.${i}.dimensions`)}
                  </div>
                </div>
                {several && (
                  <div className="grid gap-1.5">
                    <p className="text-sm font-medium">Contents</p>
                    <ul className="grid gap-x-6 gap-y-1.5 sm:grid-cols-2">
                      {contents.map((c) => (
                        <li key={c.sku} className="flex items-center gap-2">
                          <Label htmlFor={`pack-${i}-item-${c.sku}`} className="w-32 min-w-0 font-normal">
                            <span className="truncate font-mono text-xs">{c.sku}</span>
                          </Label>
                          <Input
                            id={`pack-${i}-item-${c.sku}`}
                            type="number"
                            inputMode="numeric"
                            min={0}
                            max={c.picked}
                            step={1}
                            value={p.items[c.sku] ?? ""}
                            onChange={(e) => update(i, { items: { [c.sku]: e.target.value } }, `packages.${i}.items`)}
                            className="h-8 w-20 text-right"
                            aria-invalid={!!errors[`packages.${i}.items`]}
                            aria-describedby={describedBy(`packages.${i}.items`)}
                          />
                        </li>
                      ))}
                    </ul>
                    {fieldError(`packages.${i}.items`)}
                  </div>
                )}
              </fieldset>
            ))}
          </div>
          {several && (
            <ul aria-label="Left to pack" className="flex flex-wrap gap-x-4 gap-y-1 text-xs">
              {contents.map((c) => {
                const left = c.picked - packedOf(c.sku);
                return (
                  <li key={c.sku} className={cn(left !== 0 ? "font-medium text-warning-soft-foreground" : "text-muted-foreground")}>
                    <span className="font-mono">{c.sku}</span>: {left === 0 ? "all packed" : left > 0 ? `${left} left to pack` : `${-left} too many`}
                  </li>
                );
              })}
            </ul>
          )}
          {errors.packages && (
            <p role="alert" id="pack-packages-error" className="text-sm font-medium text-destructive">
              {errors.packages.join(". ")}
            </p>
          )}
          <DialogFooter className="sm:justify-between">
            <Button type="button" variant="outline" onClick={add}>
              <Plus aria-hidden />
              Add package
            </Button>
            <div className="flex flex-col-reverse gap-2 sm:flex-row">
              <DialogClose asChild>
                <Button variant="outline">Not now</Button>
              </DialogClose>
              <Button type="submit" disabled={pack.isPending}>
                <PackageCheck aria-hidden />
                {pack.isPending ? "Packing…" : `Pack ${packages.length} package${several ? "s" : ""}`}
              </Button>
            </div>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
