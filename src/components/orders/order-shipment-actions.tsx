"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ClipboardList } from "lucide-react";
import { useState } from "react";
import { toast } from "~/components/ui/toast";
import { Button } from "~/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "~/components/ui/dialog";
import { apiErrorOf } from "~/lib/trpc-error";
import { cn } from "~/lib/utils";
import type { TOrder } from "~/server/orders/schemas";
import { useTRPC } from "~/trpc/react";
import { useOrderChanged } from "./use-order-changed";

function useShipmentsChanged() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const changed = useOrderChanged();
  return () => {
    void queryClient.invalidateQueries({ queryKey: trpc.fulfillment.pathKey() });
    changed();
  };
}

/** "Plan shipment": everything reserved and not on a shipment (one shipment per warehouse), or one warehouse's share. */
export function PlanShipmentButton({ order, plannable }: { order: TOrder; plannable: { warehouse: string; units: number }[] }) {
  const trpc = useTRPC();
  const changed = useShipmentsChanged();
  const [open, setOpen] = useState(false);
  const [choice, setChoice] = useState<string>("");
  const total = plannable.reduce((sum, p) => sum + p.units, 0);
  const plan = useMutation(
    trpc.fulfillment.plan.mutationOptions({
      onSuccess: ({ shipments }) => {
        toast.success(shipments.length === 1 ? `${shipments[0]!.number} planned from ${shipments[0]!.warehouse}` : `${shipments.length} shipments planned`, {
          description: `${shipments.map((s) => `${s.number}: ${s.units} unit${s.units === 1 ? "" : "s"} from ${s.warehouse}`).join("; ")}. The warehouse picks them next.`,
        });
        setOpen(false);
        changed();
      },
      onError: (error) => toast.error(`Could not plan a shipment for ${order.number}`, { description: apiErrorOf(error).message }),
    }),
  );
  return (
    <>
      <Button
        variant="outline"
        size="sm"
        onClick={() => {
          setChoice("");
          setOpen(true);
        }}
      >
        <ClipboardList aria-hidden />
        Plan shipment
      </Button>
      <Dialog open={open} onOpenChange={setOpen}>
        <DialogContent>
          <form
            className="grid gap-4"
            onSubmit={(e) => {
              e.preventDefault();
              plan.mutate({ number: order.number, warehouse: choice || undefined });
            }}
          >
            <DialogHeader>
              <DialogTitle>Plan a shipment for {order.number}</DialogTitle>
              <DialogDescription>
                {total} reserved unit{total === 1 ? " is" : "s are"} not on a shipment yet. The warehouse sees the shipment in its queue to pick.
              </DialogDescription>
            </DialogHeader>
            <fieldset className="grid gap-2">
              <legend className="mb-1 text-sm font-medium">Ship from</legend>
              <PlanOption value="" checked={choice === ""} onChange={setChoice}>
                {plannable.length === 1 ? (
                  <>
                    Everything reserved: {total} unit{total === 1 ? "" : "s"} from {plannable[0]!.warehouse}
                  </>
                ) : (
                  <>
                    Everything reserved, one shipment per warehouse ({plannable.map((p) => `${p.warehouse} ${p.units}`).join(", ")})
                  </>
                )}
              </PlanOption>
              {plannable.length > 1 &&
                plannable.map((p) => (
                  <PlanOption key={p.warehouse} value={p.warehouse} checked={choice === p.warehouse} onChange={setChoice}>
                    Only {p.warehouse}: {p.units} unit{p.units === 1 ? "" : "s"}
                  </PlanOption>
                ))}
            </fieldset>
            <DialogFooter>
              <DialogClose asChild>
                <Button variant="outline">Not now</Button>
              </DialogClose>
              <Button type="submit" disabled={plan.isPending}>
                {plan.isPending ? "Planning…" : "Plan shipment"}
              </Button>
            </DialogFooter>
          </form>
        </DialogContent>
      </Dialog>
    </>
  );
}

function PlanOption({ value, checked, onChange, children }: { value: string; checked: boolean; onChange: (v: string) => void; children: React.ReactNode }) {
  return (
    <label className={cn("flex cursor-pointer items-start gap-2 rounded-md border p-2.5 text-sm", checked && "border-primary bg-primary/5")}>
      <input type="radio" name="plan-warehouse" value={value} checked={checked} onChange={() => onChange(value)} className="mt-0.5 size-4 accent-primary" />
      <span>{children}</span>
    </label>
  );
}

/** A manager's switch: plan the order's shipments automatically once every line is reserved. */
export function AutoPlanToggle({ order }: { order: TOrder }) {
  const trpc = useTRPC();
  const changed = useShipmentsChanged();
  const toggle = useMutation(
    trpc.orders.autoPlan.mutationOptions({
      onSuccess: (updated) => {
        toast.success(`Auto-plan ${updated.autoPlan ? "on" : "off"} for ${updated.number}`, {
          description: updated.autoPlan ? "Shipments are planned on their own once every line is reserved." : "The warehouse plans its shipments by hand.",
        });
        changed();
      },
      onError: (error) => toast.error(`Could not change auto-plan for ${order.number}`, { description: apiErrorOf(error).message }),
    }),
  );
  const on = toggle.isPending ? !order.autoPlan : order.autoPlan;
  return (
    <span className="flex items-center gap-2 text-sm">
      <button
        type="button"
        role="switch"
        id="auto-plan"
        aria-checked={on}
        aria-labelledby="auto-plan-label"
        aria-describedby="auto-plan-hint"
        disabled={toggle.isPending}
        onClick={() => toggle.mutate({ number: order.number, enabled: !order.autoPlan })}
        className={cn(
          "relative inline-flex h-5 w-9 shrink-0 items-center rounded-full border-2 border-transparent transition-colors outline-none focus-visible:ring-[3px] focus-visible:ring-ring/70 disabled:opacity-60",
          on ? "bg-primary" : "bg-input",
        )}
      >
        <span className={cn("inline-block size-4 rounded-full bg-background shadow-sm transition-transform", on ? "translate-x-4" : "translate-x-0")} />
      </button>
      <label id="auto-plan-label" htmlFor="auto-plan" className="cursor-pointer">
        Auto-plan shipments
      </label>
      <span id="auto-plan-hint" className="sr-only">
        Plans the shipments on their own once every line is reserved
      </span>
    </span>
  );
}
