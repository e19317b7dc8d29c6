"use client";

import type { Dispatch } from "react";
import { FieldError } from "~/components/ui/field-error";
import { Input } from "~/components/ui/input";
import { Label } from "~/components/ui/label";
import { cn } from "~/lib/utils";
import type { EntryAction, ShipTo, ShipToField } from "./entry-state";
import type { FieldFocus } from "./use-field-focus";
import type { EntryErrors } from "./validate-entry";

const FIELDS: { field: ShipToField; label: string; className: string; autoComplete: string; maxLength: number }[] = [
  { field: "line1", label: "Street", className: "col-span-12", autoComplete: "shipping address-line1", maxLength: 200 },
  { field: "city", label: "City", className: "col-span-12 sm:col-span-5", autoComplete: "shipping address-level2", maxLength: 100 },
  { field: "region", label: "Region", className: "col-span-4 sm:col-span-2", autoComplete: "shipping address-level1", maxLength: 100 },
  { field: "postalCode", label: "Postal code", className: "col-span-5 sm:col-span-3", autoComplete: "shipping postal-code", maxLength: 20 },
  { field: "country", label: "Country", className: "col-span-3 sm:col-span-2", autoComplete: "shipping country", maxLength: 2 },
];

/** The delivery address: the customer's shipping address by default, editable for this order. */
export function ShipToFields({
  shipTo,
  errors,
  dispatch,
  fieldFocus,
  hint,
}: {
  shipTo: ShipTo;
  errors: EntryErrors;
  dispatch: Dispatch<EntryAction>;
  fieldFocus: FieldFocus;
  hint?: string;
}) {
  return (
    <fieldset className="min-w-0">
      <legend className="mb-2 text-sm font-semibold">Ship to</legend>
      {hint && <p className="-mt-1 mb-2 text-xs text-muted-foreground">{hint}</p>}
      <div className="grid grid-cols-12 gap-x-3 gap-y-2.5">
        {FIELDS.map(({ field, label, className, autoComplete, maxLength }) => {
          const key = `shipTo.${field}`;
          const error = errors[key];
          const id = `ship-to-${field}`;
          return (
            <div key={field} className={cn("grid content-start gap-1.5", className)}>
              <Label htmlFor={id} className="text-xs text-muted-foreground">
                {label}
              </Label>
              <Input
                id={id}
                ref={fieldFocus.register(key)}
                value={shipTo[field]}
                onChange={(event) =>
                  dispatch({ type: "setShipToField", field, value: field === "country" ? event.target.value.toUpperCase() : event.target.value })
                }
                autoComplete={autoComplete}
                maxLength={maxLength}
                aria-invalid={!!error || undefined}
                aria-describedby={error ? `${id}-error` : undefined}
                className={cn("h-8", field === "country" && "uppercase")}
              />
              <FieldError id={`${id}-error`} className="text-xs">
                {error}
              </FieldError>
            </div>
          );
        })}
      </div>
      {errors.shipTo && (
        <FieldError id="ship-to-error" className="mt-2 text-xs">
          {errors.shipTo}
        </FieldError>
      )}
    </fieldset>
  );
}
