"use client";

import * as DialogPrimitive from "@radix-ui/react-dialog";
import { CircleAlert, Info, XIcon } from "lucide-react";
import { useRef, useState, type CSSProperties, type FormEvent, type Ref } from "react";
import { Money } from "~/components/shell/money";
import { Button } from "~/components/ui/button";
import { Input } from "~/components/ui/input";
import { Label } from "~/components/ui/label";
import { parseMoney, toDecimalString } from "~/lib/money";
import { cn } from "~/lib/utils";
import type { LineOverride, ProductInfo } from "./entry-state";
import { stepLabel } from "./live-pricing";
import type { LineDetail } from "./use-line-details";

const WIDTH = 416;
const GAP = 6;
const MARGIN = 8;

/** Anchored under the trigger (above it when there is more room there), kept inside the viewport. */
function placeNextTo(trigger: HTMLElement): CSSProperties {
  const rect = trigger.getBoundingClientRect();
  const vw = window.innerWidth;
  const vh = window.innerHeight;
  const width = Math.min(WIDTH, vw - 2 * MARGIN);
  const left = Math.min(Math.max(rect.right - width, MARGIN), vw - width - MARGIN);
  const below = vh - rect.bottom - GAP - MARGIN;
  const above = rect.top - GAP - MARGIN;
  if (below >= 480 || below >= above) return { left, width, top: rect.bottom + GAP, maxHeight: below };
  return { left, width, bottom: vh - rect.top + GAP, maxHeight: above };
}

/**
 * The "ⓘ" beside a line's unit price: a popover with the pricing steps that produced the price (in the
 * engine's order) and the line's manual price, which needs a reason. Esc or a click outside closes it and
 * focus returns to the button.
 */
export function LinePricePopover({
  lineNo,
  sku,
  detail,
  override,
  currency,
  unpricedReason,
  disabled,
  triggerRef,
  describedBy,
  onOverride,
}: {
  lineNo: number;
  sku: string;
  detail: LineDetail | undefined;
  override: LineOverride | undefined;
  /** The order's currency: the one a manual price is typed in. */
  currency: string;
  /** Why there are no server prices to explain (no customer, loading, the pricing service failed). */
  unpricedReason: string;
  disabled?: boolean;
  triggerRef?: Ref<HTMLButtonElement>;
  describedBy?: string;
  onOverride: (override: LineOverride | null) => void;
}) {
  const [position, setPosition] = useState<CSSProperties | null>(null);
  const trigger = useRef<HTMLButtonElement | null>(null);
  const isOpen = position !== null;
  const canOpen = !!detail?.product;

  return (
    <DialogPrimitive.Root
      open={isOpen}
      onOpenChange={(open) => setPosition(open && trigger.current ? placeNextTo(trigger.current) : null)}
    >
      <DialogPrimitive.Trigger asChild>
        <button
          type="button"
          ref={(el) => {
            trigger.current = el;
            if (typeof triggerRef === "function") triggerRef(el);
          }}
          disabled={!canOpen}
          aria-label={`Price explanation, line ${lineNo}`}
          aria-describedby={describedBy}
          title="Why this price? Set a manual price"
          className={cn(
            "inline-flex size-6 shrink-0 items-center justify-center rounded-sm text-muted-foreground outline-none hover:bg-muted hover:text-primary focus-visible:ring-[3px] focus-visible:ring-ring/70 disabled:pointer-events-none disabled:opacity-0",
            override && "text-primary",
          )}
        >
          <Info className="size-3.5" aria-hidden="true" />
        </button>
      </DialogPrimitive.Trigger>
      <DialogPrimitive.Portal>
        <DialogPrimitive.Content
          aria-describedby={undefined}
          style={{ position: "fixed", ...position }}
          onOpenAutoFocus={(event) => {
            // Straight into the manual price (the steps are read above it); read-only when the form is locked.
            event.preventDefault();
            const field = document.getElementById(`manual-price-${lineNo}-amount`);
            if (field instanceof HTMLInputElement && !field.disabled) field.focus();
            else (event.currentTarget as HTMLElement | null)?.focus();
          }}
          // Keys typed here are the popover's: Ctrl+Enter must not submit the order behind it.
          onKeyDown={(event) => event.stopPropagation()}
          className="z-50 flex flex-col overflow-hidden rounded-lg border bg-background text-sm shadow-lg outline-none data-[state=closed]:animate-pop-out data-[state=open]:animate-pop-in"
        >
          {detail?.product && (
            <PriceDetails
              lineNo={lineNo}
              sku={sku}
              detail={detail}
              product={detail.product}
              override={override}
              currency={currency}
              unpricedReason={unpricedReason}
              disabled={disabled}
              onOverride={(next) => {
                onOverride(next);
                setPosition(null);
              }}
            />
          )}
        </DialogPrimitive.Content>
      </DialogPrimitive.Portal>
    </DialogPrimitive.Root>
  );
}

function PriceDetails({
  lineNo,
  sku,
  detail,
  product,
  override,
  currency,
  unpricedReason,
  disabled,
  onOverride,
}: {
  lineNo: number;
  sku: string;
  detail: LineDetail;
  product: ProductInfo;
  override: LineOverride | undefined;
  currency: string;
  unpricedReason: string;
  disabled?: boolean;
  onOverride: (override: LineOverride | null) => void;
}) {
  const shown = detail.currency ?? currency;
  const quantity = detail.quantity;
  return (
    <>
      <div className="flex items-start gap-3 border-b px-4 py-3">
        <div className="min-w-0 flex-1">
          <DialogPrimitive.Title className="text-sm font-semibold">
            Price of line {lineNo} · <span className="font-mono text-xs">{sku}</span>
          </DialogPrimitive.Title>
          <p className="truncate text-xs text-muted-foreground" title={product.name}>
            {product.name}
          </p>
        </div>
        <DialogPrimitive.Close className="-mr-1 rounded-sm p-0.5 text-muted-foreground outline-none hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/70">
          <XIcon className="size-4" aria-hidden="true" />
          <span className="sr-only">Close</span>
        </DialogPrimitive.Close>
      </div>

      <div className="min-h-0 flex-1 overflow-y-auto">
        {detail.approval && (
          <p className="mx-4 mt-3 flex gap-2 rounded-md border border-warning/30 bg-warning-soft px-2.5 py-1.5 text-xs text-warning-soft-foreground">
            <CircleAlert className="mt-px size-3.5 shrink-0" aria-hidden="true" />
            <span>Needs manager approval: {detail.approval}</span>
          </p>
        )}
        <section aria-label="How the price was reached" className={cn("px-4 py-3", detail.isRepricing && "opacity-60")}>
          {detail.explanation && detail.explanation.length > 0 ? (
            <ol className="grid gap-1.5">
              {detail.explanation.map((step, i) => (
                <li key={i} className="grid grid-cols-[1.25rem_minmax(0,1fr)_auto] items-baseline gap-x-2">
                  <span className="text-xs text-muted-foreground tabular-nums">{i + 1}.</span>
                  <span className="min-w-0">
                    <span className="font-medium">{stepLabel(step.step)}</span>
                    <span className="block text-xs text-muted-foreground">{step.description}</span>
                  </span>
                  <span className="text-right text-xs whitespace-nowrap tabular-nums">
                    {step.unitPrice !== undefined && (
                      <>
                        <Money amount={step.unitPrice} currency={shown} /> each
                      </>
                    )}
                    {step.amount !== undefined && (
                      <>
                        {step.unitPrice !== undefined && <br />}
                        <Money amount={step.amount} currency={shown} />
                      </>
                    )}
                  </span>
                </li>
              ))}
            </ol>
          ) : (
            <p className="text-xs text-muted-foreground">
              List price <Money amount={product.listPrice} currency={product.currency} /> each — {unpricedReason}
            </p>
          )}
          {quantity !== null && detail.unitPrice !== null && detail.lineTotal !== null && (
            <p className="mt-3 border-t pt-2 text-xs text-muted-foreground tabular-nums">
              {quantity} × <Money amount={detail.unitPrice} currency={shown} />
              {detail.discount ? (
                <>
                  {" "}
                  − discount <Money amount={detail.discount} currency={shown} />
                </>
              ) : null}{" "}
              = <Money amount={detail.lineTotal} currency={shown} className="font-medium text-foreground" />
              {detail.tax !== null && (
                <>
                  {" "}
                  · tax <Money amount={detail.tax} currency={shown} />
                </>
              )}
            </p>
          )}
        </section>
        <ManualPriceForm
          lineNo={lineNo}
          override={override}
          currency={currency}
          computedUnit={detail.priceSource === "server" && !override ? detail.unitPrice : null}
          disabled={disabled}
          onOverride={onOverride}
        />
      </div>
    </>
  );
}

/** Accepts "12.50", "1,234.50", "$12.50", " 12 ". */
function parseTypedAmount(text: string, currency: string): number | string {
  const cleaned = text.replace(/[\s,\u00a0\u202f]/g, "").replace(/^[^\d.-]+/, "");
  if (cleaned === "") return "Enter the unit price";
  try {
    const amount = parseMoney(cleaned, currency);
    return amount < 0 ? "The price cannot be negative" : amount;
  } catch {
    return `Enter an amount like ${toDecimalString(1250, currency)}`;
  }
}

function ManualPriceForm({
  lineNo,
  override,
  currency,
  computedUnit,
  disabled,
  onOverride,
}: {
  lineNo: number;
  override: LineOverride | undefined;
  currency: string;
  computedUnit: number | null;
  disabled?: boolean;
  onOverride: (override: LineOverride | null) => void;
}) {
  const [price, setPrice] = useState(() => (override ? toDecimalString(override.unitPrice, override.currency) : ""));
  const [reason, setReason] = useState(() => override?.reason ?? "");
  const [errors, setErrors] = useState<{ price?: string; reason?: string }>({});
  const priceRef = useRef<HTMLInputElement>(null);
  const reasonRef = useRef<HTMLInputElement>(null);
  const isForeign = !!override && override.currency !== currency;
  const id = `manual-price-${lineNo}`;

  function apply(event: FormEvent) {
    event.preventDefault();
    // The popover sits in a portal, but React events still bubble to the order form behind it.
    event.stopPropagation();
    const amount = parseTypedAmount(price, currency);
    const next = {
      price: typeof amount === "string" ? amount : undefined,
      reason: reason.trim() === "" ? "Give a reason for the manual price" : undefined,
    };
    setErrors(next);
    if (next.price) priceRef.current?.focus();
    else if (next.reason) reasonRef.current?.focus();
    if (next.price || next.reason || typeof amount === "string") return;
    onOverride({ unitPrice: amount, currency, reason: reason.trim() });
  }

  return (
    <form noValidate onSubmit={apply} aria-label={`Manual price, line ${lineNo}`} className="grid gap-2.5 border-t bg-muted/40 px-4 py-3">
      <div className="flex items-baseline justify-between gap-2">
        <h3 className="text-xs font-semibold tracking-wide text-muted-foreground uppercase">Manual price</h3>
        {override && !isForeign && (
          <span className="text-xs text-muted-foreground">
            Set: <Money amount={override.unitPrice} currency={override.currency} className="font-medium text-foreground" />
          </span>
        )}
      </div>
      {isForeign && (
        <p className="text-xs text-destructive">
          This manual price was set in {override.currency}; the customer is billed in {currency}. Set it again or remove it.
        </p>
      )}
      <div className="grid grid-cols-[8rem_minmax(0,1fr)] gap-2">
        <div className="grid content-start gap-1">
          <Label htmlFor={`${id}-amount`} className="text-xs">
            Unit price ({currency})
          </Label>
          <Input
            id={`${id}-amount`}
            ref={priceRef}
            value={price}
            inputMode="decimal"
            autoComplete="off"
            placeholder={computedUnit !== null ? toDecimalString(computedUnit, currency) : toDecimalString(0, currency)}
            disabled={disabled}
            onChange={(event) => setPrice(event.target.value)}
            aria-invalid={!!errors.price || undefined}
            aria-describedby={errors.price ? `${id}-amount-error` : undefined}
            className="h-8 text-right tabular-nums"
          />
          {errors.price && (
            <p id={`${id}-amount-error`} className="text-xs text-destructive">
              {errors.price}
            </p>
          )}
        </div>
        <div className="grid content-start gap-1">
          <Label htmlFor={`${id}-reason`} className="text-xs">
            Reason
          </Label>
          <Input
            id={`${id}-reason`}
            ref={reasonRef}
            value={reason}
            maxLength={200}
            autoComplete="off"
            placeholder="Matched a competitor’s quote…"
            disabled={disabled}
            onChange={(event) => setReason(event.target.value)}
            aria-required="true"
            aria-invalid={!!errors.reason || undefined}
            aria-describedby={errors.reason ? `${id}-reason-error` : undefined}
            className="h-8"
          />
          {errors.reason && (
            <p id={`${id}-reason-error`} className="text-xs text-destructive">
              {errors.reason}
            </p>
          )}
        </div>
      </div>
      <p className="text-xs text-muted-foreground">
        A price further below the computed one than your limit allows, or below cost, puts the order on hold for a manager’s approval.
      </p>
      <div className="flex justify-end gap-2">
        {override && (
          <Button type="button" variant="ghost" size="sm" disabled={disabled} onClick={() => onOverride(null)}>
            Remove manual price
          </Button>
        )}
        <Button type="submit" size="sm" disabled={disabled}>
          Apply manual price
        </Button>
      </div>
    </form>
  );
}
