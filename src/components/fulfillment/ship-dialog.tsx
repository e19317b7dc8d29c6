"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { Truck } from "lucide-react";
import { useState } from "react";
import { toast } from "~/components/ui/toast";
import { Button } from "~/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "~/components/ui/dialog";
import { Input } from "~/components/ui/input";
import { Label } from "~/components/ui/label";
import { NativeSelect } from "~/components/ui/select";
import { useFieldErrors } from "~/components/ui/use-field-errors";
import { minorUnits, parseMoney } from "~/lib/money";
import { apiErrorOf } from "~/lib/trpc-error";
import type { TShipment, TShipShipmentInput } from "~/server/fulfillment/schemas";
import { useTRPC } from "~/trpc/react";
import { toGrams, type WeightUnit } from "./units";
import { useFulfillmentChanged } from "./use-fulfillment-changed";

/**
 * The goods leave: carrier, service, tracking number and what the carrier charges (in the order's
 * currency). A shipment that was not packed can say its weight here (one package with everything).
 */
export function ShipDialog({ shipment, open, onOpenChange }: { shipment: TShipment; open: boolean; onOpenChange: (open: boolean) => void }) {
  const trpc = useTRPC();
  const changed = useFulfillmentChanged();
  const carriers = useQuery(trpc.fulfillment.carriers.queryOptions({}, { staleTime: 5 * 60_000 }));
  const active = carriers.data?.items.filter((c) => c.isActive) ?? [];
  const [carrier, setCarrier] = useState("");
  const [weightUnit, setWeightUnit] = useState<WeightUnit>("kg");
  const { fields, setFields, error, described, clearOnChange } = useFieldErrors("ship");
  const [formError, setFormError] = useState<string | null>(null);
  const unpacked = shipment.status === "picked";
  const currency = shipment.currency;

  const ship = useMutation(
    trpc.fulfillment.ship.mutationOptions({
      onSuccess: (shipped) => {
        const units = `${shipped.units} unit${shipped.units === 1 ? "" : "s"} of ${shipped.order}`;
        toast.success(`${shipped.number} shipped with ${shipped.carrier?.name ?? shipped.carrier?.code ?? "the carrier"}`, {
          description: shipped.trackingUrl ? (
            <span>
              {units} ·{" "}
              <a href={shipped.trackingUrl} target="_blank" rel="noopener noreferrer" className="font-medium text-primary underline">
                Track {shipped.trackingNumber}
                <span className="sr-only"> (opens in a new tab)</span>
              </a>
            </span>
          ) : (
            `${units} · tracking ${shipped.trackingNumber}`
          ),
        });
        onOpenChange(false);
        changed();
      },
      onError: (e) => {
        const apiError = apiErrorOf(e);
        const fields: Record<string, string[]> = {};
        for (const [key, messages] of Object.entries(apiError.details?.fields ?? {})) {
          const name = key.startsWith("packages") ? "weight" : key;
          fields[name] = [...(fields[name] ?? []), ...messages];
        }
        setFields(fields);
        setFormError(Object.keys(fields).length === 0 ? apiError.message : null);
        toast.error(`Could not ship ${shipment.number}`, { description: apiError.message });
      },
    }),
  );

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? "").trim();
    const errors: Record<string, string[]> = {};
    const chosen = text("carrier");
    if (!chosen) errors.carrier = ["Choose a carrier"];
    const trackingNumber = text("trackingNumber");
    if (!trackingNumber) errors.trackingNumber = ["Enter the tracking number"];
    let freightCost: number | undefined;
    if (text("freightCost")) {
      try {
        freightCost = parseMoney(text("freightCost"), currency);
        if (freightCost < 0) errors.freightCost = ["Freight cannot be negative"];
      } catch {
        errors.freightCost = [`Enter an amount like ${minorUnits(currency) === 0 ? "1500" : "12.50"}`];
      }
    }
    let packages: TShipShipmentInput["packages"];
    if (unpacked && text("weight")) {
      const grams = toGrams(text("weight"), weightUnit);
      if (grams === null) errors.weight = ["Enter a weight above 0"];
      else packages = [{ weightGrams: grams }];
    }
    setFields(errors);
    if (Object.keys(errors).length > 0) return;
    setFormError(null);
    ship.mutate({ id: shipment.number, carrier: chosen, service: text("service") || undefined, trackingNumber, freightCost, packages });
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent>
        <form onSubmit={onSubmit} onChange={clearOnChange} noValidate className="grid gap-4">
          <DialogHeader>
            <DialogTitle>Ship {shipment.number}</DialogTitle>
            <DialogDescription>
              {shipment.units} unit{shipment.units === 1 ? "" : "s"} of {shipment.order} to {shipment.customerName}
              {shipment.packages.length > 0 ? ` in ${shipment.packages.length} package${shipment.packages.length === 1 ? "" : "s"}` : ""}. Stock leaves{" "}
              {shipment.warehouse} and the customer is sent the tracking link.
            </DialogDescription>
          </DialogHeader>
          <div className="grid gap-3 sm:grid-cols-2">
            <div className="grid gap-1.5">
              <Label htmlFor="ship-carrier">Carrier</Label>
              <NativeSelect
                id="ship-carrier"
                name="carrier"
                value={carrier}
                onChange={(e) => setCarrier(e.target.value)}
                disabled={carriers.isPending}
                aria-invalid={!!fields.carrier}
                aria-describedby={described("carrier")}
              >
                <option value="">{carriers.isPending ? "Loading carriers…" : "Choose a carrier"}</option>
                {active.map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.name}
                  </option>
                ))}
              </NativeSelect>
              {carriers.isError && <p className="text-xs text-destructive">Carriers could not be loaded: {apiErrorOf(carriers.error).message}</p>}
              {error("carrier")}
            </div>
            <div className="grid gap-1.5">
              <Label htmlFor="ship-service">
                Service <span className="font-normal text-muted-foreground">(optional)</span>
              </Label>
              <Input id="ship-service" name="service" maxLength={60} placeholder="e.g. Ground" aria-describedby={described("service")} />
              {error("service")}
            </div>
            <div className="grid gap-1.5">
              <Label htmlFor="ship-tracking">Tracking number</Label>
              <Input
                id="ship-tracking"
                name="trackingNumber"
                maxLength={60}
                autoComplete="off"
                className="font-mono"
                aria-invalid={!!fields.trackingNumber}
                aria-describedby={described("trackingNumber")}
              />
              {error("trackingNumber")}
            </div>
            <div className="grid gap-1.5">
              <Label htmlFor="ship-freight">
                Freight cost ({currency}) <span className="font-normal text-muted-foreground">(optional)</span>
              </Label>
              <Input
                id="ship-freight"
                name="freightCost"
                inputMode="decimal"
                placeholder={minorUnits(currency) === 0 ? "0" : "0.00"}
                className="text-right tabular-nums"
                aria-invalid={!!fields.freightCost}
                aria-describedby={described("freightCost")}
              />
              {error("freightCost")}
            </div>
            {unpacked && (
              <div className="grid gap-1.5 sm:col-span-2">
                <Label htmlFor="ship-weight">
                  Package weight <span className="font-normal text-muted-foreground">(optional)</span>
                </Label>
                <div className="flex gap-1.5">
                  <Input
                    id="ship-weight"
                    name="weight"
                    inputMode="decimal"
                    className="w-28 text-right"
                    aria-invalid={!!fields.weight}
                    aria-describedby={described("weight", "ship-weight-hint")}
                  />
                  <Label htmlFor="ship-weight-unit" className="sr-only">
                    Weight unit
                  </Label>
                  <NativeSelect id="ship-weight-unit" value={weightUnit} onChange={(e) => setWeightUnit(e.target.value as WeightUnit)} className="w-20">
                    <option value="kg">kg</option>
                    <option value="g">g</option>
                  </NativeSelect>
                </div>
                {error("weight")}
                <p id="ship-weight-hint" className="text-xs text-muted-foreground">
                  Not packed yet: one package with everything picked.
                </p>
              </div>
            )}
          </div>
          {formError && (
            <p role="alert" className="text-sm font-medium text-destructive">
              {formError}
            </p>
          )}
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="outline">Not now</Button>
            </DialogClose>
            <Button type="submit" disabled={ship.isPending}>
              <Truck aria-hidden />
              {ship.isPending ? "Shipping…" : "Ship"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
