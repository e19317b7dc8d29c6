"use client";

import { FieldError } from "~/components/ui/field-error";
import { Input } from "~/components/ui/input";
import { Label } from "~/components/ui/label";
import { cn } from "~/lib/utils";

export type AddressDraft = { line1: string; city: string; region: string; postalCode: string; country: string };
export const ADDRESS_FIELDS = ["line1", "city", "region", "postalCode", "country"] as const;

const FIELDS: { field: keyof AddressDraft; label: string; className: string; autoComplete: string; maxLength: number }[] = [
  { field: "line1", label: "Street", className: "col-span-12", autoComplete: "address-line1", maxLength: 200 },
  { field: "city", label: "City", className: "col-span-12 sm:col-span-5", autoComplete: "address-level2", maxLength: 100 },
  { field: "region", label: "Region", className: "col-span-4 sm:col-span-2", autoComplete: "address-level1", maxLength: 100 },
  { field: "postalCode", label: "Postal code", className: "col-span-5 sm:col-span-3", autoComplete: "postal-code", maxLength: 20 },
  { field: "country", label: "Country", className: "col-span-3 sm:col-span-2", autoComplete: "country", maxLength: 2 },
];

export const addressDraftOf = (address: Partial<AddressDraft> | null | undefined): AddressDraft => ({
  line1: address?.line1 ?? "",
  city: address?.city ?? "",
  region: address?.region ?? "",
  postalCode: address?.postalCode ?? "",
  country: address?.country ?? "",
});

export const trimAddress = (a: AddressDraft): AddressDraft => ({
  line1: a.line1.trim(),
  city: a.city.trim(),
  region: a.region.trim(),
  postalCode: a.postalCode.trim(),
  country: a.country.trim().toUpperCase(),
});

export const sameAddress = (a: AddressDraft, b: AddressDraft) => ADDRESS_FIELDS.every((f) => a[f] === b[f]);

/** What the server would refuse before it gets there, keyed `${name}.${field}` (the rules check the formats). */
export function addressErrors(address: AddressDraft, name: string): Record<string, string> {
  const a = trimAddress(address);
  const errors: Record<string, string> = {};
  if (!a.line1) errors[`${name}.line1`] = "Street is required";
  if (!a.city) errors[`${name}.city`] = "City is required";
  if (!a.postalCode) errors[`${name}.postalCode`] = "Postal code is required";
  if (!/^[A-Z]{2}$/.test(a.country)) errors[`${name}.country`] = "Two letters, e.g. US";
  return errors;
}

/**
 * A controlled address (an order's ship-to): errors are keyed `${name}.${field}` as the server names them
 * (`shipTo.postalCode`), so a 400 lands under the right input.
 */
export function AddressFields({
  legend,
  name,
  idPrefix,
  value,
  onChange,
  errors,
  hint,
  hideLegend = false,
  section = "shipping",
}: {
  legend: string;
  /** The legend for screen readers only (a heading above already says it). */
  hideLegend?: boolean;
  /** The field name in the API: `shipTo`. */
  name: string;
  idPrefix: string;
  value: AddressDraft;
  onChange: (field: keyof AddressDraft, value: string) => void;
  errors: Record<string, string | undefined>;
  hint?: string;
  /** Which address it is, for the browser's autofill. */
  section?: "shipping" | "billing";
}) {
  return (
    <fieldset className="min-w-0">
      <legend className={hideLegend ? "sr-only" : "mb-2 text-sm font-semibold"}>{legend}</legend>
      {hint && <p className="-mt-1 mb-2 text-xs text-muted-foreground">{hint}</p>}
      <div className="grid grid-cols-12 gap-x-3 gap-y-2.5">
        {FIELDS.map(({ field, label, className, autoComplete, maxLength }) => {
          const error = errors[`${name}.${field}`];
          const id = `${idPrefix}-${field}`;
          return (
            <div key={field} className={cn("grid min-w-0 content-start gap-1.5", className)}>
              <Label htmlFor={id} className="text-xs text-muted-foreground">
                {label}
              </Label>
              <Input
                id={id}
                value={value[field]}
                onChange={(event) => onChange(field, field === "country" ? event.target.value.toUpperCase() : event.target.value)}
                autoComplete={`${section} ${autoComplete}`}
                maxLength={maxLength}
                aria-invalid={!!error || undefined}
                aria-describedby={error ? `${id}-error` : undefined}
                className={cn("h-8", field === "country" && "uppercase")}
              />
              <FieldError id={`${id}-error`}>{error}</FieldError>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
