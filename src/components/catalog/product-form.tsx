"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { Button, buttonVariants } from "~/components/ui/button";
import { FieldError } from "~/components/ui/field-error";
import { focusFirstInvalid, FormField } from "~/components/ui/form-field";
import { Input } from "~/components/ui/input";
import { Label } from "~/components/ui/label";
import { NativeSelect } from "~/components/ui/select";
import { toast } from "~/components/ui/toast";
import { formatMoney } from "~/lib/money";
import { apiErrorOf, fieldMessagesOf } from "~/lib/trpc-error";
import type { TProduct } from "~/server/catalog/schemas";
import { useTRPC } from "~/trpc/react";
import { productFormValues, toCreateProductInput, toUpdateProductInput, type ProductFormValues } from "./product-form-input";

type Option = { code: string; name: string };

/** The API's default for a new product when the admin's list still has it, else the list's first value. */
const defaultOf = (options: Option[], preferred: string) => (options.some((o) => o.code === preferred) ? preferred : (options[0]?.code ?? preferred));

/**
 * A new product, or an edit of one (`product` given, carrying its version): name, category (type a new one to create
 * it), unit, list price, cost, weight, tax category, vendor lead time and pack size; a new one also its SKU and
 * currency. Saved, it opens the product's page.
 */
export function ProductForm({ product, units, taxCategories, categories }: { product?: TProduct; units: Option[]; taxCategories: Option[]; categories: string[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const id = useId();
  const [values, setValues] = useState<ProductFormValues>(() => productFormValues(product, { unit: defaultOf(units, "each"), taxCategory: defaultOf(taxCategories, "standard") }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);

  const onError = (error: unknown) => {
    const e = apiErrorOf(error);
    setErrors(fieldMessagesOf(e));
    setFailure(e.message);
    toast.error(product ? `Could not save ${product.sku}` : "Could not create the product", { description: e.message });
  };
  const onSaved = (saved: TProduct) => {
    toast.success(product ? `${saved.sku} saved` : `Product ${saved.sku} created`, {
      description: `${saved.name}, list price ${formatMoney(saved.listPrice, saved.currency)}${product ? ": new orders are priced from it; orders already entered keep their prices." : "."}`,
    });
    router.push(`/products/${encodeURIComponent(saved.sku)}`);
    router.refresh();
  };
  const create = useMutation(trpc.products.create.mutationOptions({ onSuccess: onSaved, onError }));
  const update = useMutation(trpc.products.update.mutationOptions({ onSuccess: onSaved, onError }));
  const isPending = create.isPending || update.isPending || create.isSuccess || update.isSuccess;

  const set = (field: keyof ProductFormValues, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    const key = field === "weightKg" ? "weightGrams" : field;
    setErrors(({ [key]: _cleared, ...rest }) => rest);
  };

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isPending) return;
    const form = event.currentTarget;
    const result = product ? toUpdateProductInput(values, product) : toCreateProductInput(values);
    if (!result.ok) {
      setErrors(result.errors);
      setFailure("Check the highlighted fields.");
      focusFirstInvalid(form);
      return;
    }
    setErrors({});
    setFailure(null);
    if (product) update.mutate(result.input as Parameters<typeof update.mutate>[0]);
    else create.mutate(result.input as Parameters<typeof create.mutate>[0]);
  }

  const field = (name: keyof ProductFormValues, label: string, props: React.ComponentProps<typeof Input> = {}, hint?: string) => (
    <FormField
      id={`${id}-${name}`}
      name={name}
      label={label}
      hint={hint}
      error={errors[name === "weightKg" ? "weightGrams" : name]}
      value={values[name]}
      onChange={(e) => set(name, e.target.value)}
      {...props}
    />
  );
  const select = (name: "unit" | "taxCategory", label: string, options: Option[], current?: string) => {
    // A product keeps an archived unit or tax category it has (it is not offered to others).
    const all = current && !options.some((o) => o.code === current) ? [...options, { code: current, name: `${current} (archived)` }] : options;
    return (
      <div className="grid content-start gap-1.5">
        <Label htmlFor={`${id}-${name}`}>{label}</Label>
        <NativeSelect id={`${id}-${name}`} value={values[name]} onChange={(e) => set(name, e.target.value)} aria-invalid={!!errors[name] || undefined} aria-describedby={errors[name] ? `${id}-${name}-error` : undefined}>
          {all.map((o) => (
            <option key={o.code} value={o.code}>
              {o.name}
            </option>
          ))}
        </NativeSelect>
        <FieldError id={`${id}-${name}-error`}>{errors[name]}</FieldError>
      </div>
    );
  };
  const currency = product?.currency ?? (values.currency.trim().toUpperCase() || "USD");

  return (
    <form onSubmit={onSubmit} noValidate className="grid max-w-4xl gap-6" aria-label={product ? `Edit ${product.sku}` : "New product"}>
      <section className="grid gap-4 rounded-lg border bg-background p-4" aria-labelledby={`${id}-what`}>
        <h2 id={`${id}-what`} className="text-sm font-semibold">
          Product
        </h2>
        <div className="grid gap-4 sm:grid-cols-[14rem_1fr]">
          {product ? (
            <div className="grid content-start gap-1.5">
              <Label htmlFor={`${id}-sku`}>SKU</Label>
              <Input id={`${id}-sku`} value={product.sku} readOnly className="font-mono" />
            </div>
          ) : (
            field("sku", "SKU", { required: true, maxLength: 64, autoComplete: "off", className: "font-mono", autoFocus: true }, "Cannot change later: orders and stock name it.")
          )}
          {field("name", "Name", { required: true, maxLength: 300, autoComplete: "off", autoFocus: !!product })}
        </div>
        <div className="grid gap-4 sm:grid-cols-3">
          {field("category", "Category", { required: true, maxLength: 100, list: `${id}-categories`, autoComplete: "off" }, "Type a new one to create it.")}
          <datalist id={`${id}-categories`}>
            {categories.map((c) => (
              <option key={c} value={c} />
            ))}
          </datalist>
          {select("unit", "Unit", units, product?.unit)}
          {select("taxCategory", "Tax category", taxCategories, product?.taxCategory)}
        </div>
      </section>

      <section className="grid gap-4 rounded-lg border bg-background p-4" aria-labelledby={`${id}-prices`}>
        <h2 id={`${id}-prices`} className="text-sm font-semibold">
          Prices
        </h2>
        <div className="grid gap-4 sm:grid-cols-3">
          {product ? (
            <div className="grid content-start gap-1.5">
              <Label htmlFor={`${id}-currency`}>Currency</Label>
              <Input id={`${id}-currency`} value={product.currency} readOnly className="w-24" />
            </div>
          ) : (
            field("currency", "Currency", { required: true, maxLength: 3, className: "w-24 uppercase", autoComplete: "off" })
          )}
          {field("listPrice", `List price (${currency})`, { required: true, inputMode: "decimal", className: "text-right" }, "Before price lists and discounts.")}
          {field("cost", `Cost (${currency})`, { required: true, inputMode: "decimal", className: "text-right" }, "For margins and stock value.")}
        </div>
      </section>

      <section className="grid gap-4 rounded-lg border bg-background p-4" aria-labelledby={`${id}-supply`}>
        <h2 id={`${id}-supply`} className="text-sm font-semibold">
          Shipping and supply
        </h2>
        <div className="grid gap-4 sm:grid-cols-3">
          {field("weightKg", "Weight (kg)", { inputMode: "decimal", className: "text-right" })}
          {field("packSize", "Pack size", { inputMode: "numeric", className: "text-right" }, "Sold in multiples of it; other quantities are checked.")}
          {field("leadTimeDays", "Vendor lead time (days)", { inputMode: "numeric", className: "text-right" }, "Promise dates when nothing is inbound.")}
        </div>
      </section>

      {failure && (
        <p className="text-sm text-destructive" role="status">
          {failure}
        </p>
      )}
      <div className="flex gap-2">
        <Button type="submit" disabled={isPending}>
          {isPending ? "Saving…" : product ? "Save product" : "Create product"}
        </Button>
        <Link href={product ? `/products/${encodeURIComponent(product.sku)}` : "/products"} className={buttonVariants({ variant: "outline" })}>
          Cancel
        </Link>
      </div>
    </form>
  );
}
