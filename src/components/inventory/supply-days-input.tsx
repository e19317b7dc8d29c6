"use client";

import { LoaderCircle } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { Input } from "~/components/ui/input";
import { parseSupplyDays, SUPPLY_DAYS } from "~/server/inventory/days-of-supply";
import { gridHref, supplyDaysOf, type GridParams } from "./grid-params";

/** How long typing may pause before the grid follows (each keystroke would be a request otherwise). */
const DEBOUNCE_MS = 400;

/**
 * N of the "Low (≤ N days of supply)" quick filter: a small number input beside it. A valid N (1–365)
 * applies that filter with it after a pause in typing (at once on Enter), replacing the URL's `days` so the
 * view can be shared; an invalid one is marked and applies nothing.
 */
export function SupplyDaysInput({ params }: { params: GridParams }) {
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  const applied = supplyDaysOf(params);
  const [text, setText] = useState(String(applied));
  // Follow the URL (back/forward, a quick filter) without remounting, so typing keeps its focus.
  const [shown, setShown] = useState(applied);
  if (shown !== applied) {
    setShown(applied);
    setText(String(applied));
  }
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const valid = parseSupplyDays(text) !== undefined;

  function apply(value: string, delay: number) {
    clearTimeout(timer.current);
    const days = parseSupplyDays(value);
    if (days === undefined || (days === applied && params.status === "low")) return;
    const go = () => startTransition(() => router.replace(gridHref({ ...params, status: "low", days }), { scroll: false }));
    if (delay === 0) go();
    else timer.current = setTimeout(go, delay);
  }

  return (
    <span className="flex items-center gap-1">
      <label htmlFor="supply-days" className="sr-only">
        Days of supply for the Low filter
      </label>
      <Input
        id="supply-days"
        type="number"
        inputMode="numeric"
        min={SUPPLY_DAYS.min}
        max={SUPPLY_DAYS.max}
        step={1}
        value={text}
        aria-invalid={!valid || undefined}
        title={`Low: available lasts this many days or fewer (${SUPPLY_DAYS.min}–${SUPPLY_DAYS.max})`}
        onChange={(event) => {
          setText(event.target.value);
          apply(event.target.value, DEBOUNCE_MS);
        }}
        onKeyDown={(event) => {
          if (event.key === "Enter") apply(event.currentTarget.value, 0);
        }}
        className="h-7 w-16 px-2 text-xs"
      />
      <span aria-hidden className="text-xs text-muted-foreground">
        days
      </span>
      {isPending && <LoaderCircle className="size-3.5 animate-spin text-muted-foreground" aria-label="Applying" />}
    </span>
  );
}
