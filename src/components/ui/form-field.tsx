import type * as React from "react";
import { FieldError } from "./field-error";
import { Input } from "./input";
import { Label } from "./label";

/**
 * A labelled input with its hint and its error under it (`aria-describedby` names both): the one field layout the
 * desk's full-page forms use. `id` is the input's; the hint and error take `${id}-hint` and `${id}-error`.
 */
export function FormField({ id, label, hint, error, ...props }: React.ComponentProps<typeof Input> & { id: string; label: React.ReactNode; hint?: React.ReactNode; error?: string }) {
  const describedBy = [error ? `${id}-error` : undefined, hint ? `${id}-hint` : undefined].filter(Boolean).join(" ") || undefined;
  return (
    <div className="grid content-start gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      <Input id={id} aria-invalid={!!error || undefined} aria-describedby={describedBy} {...props} />
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-muted-foreground">
          {hint}
        </p>
      )}
      <FieldError id={`${id}-error`}>{error}</FieldError>
    </div>
  );
}

/** After the form refused its own input: the first refused field gets the focus, where the user fixes it next. */
export function focusFirstInvalid(form: HTMLFormElement) {
  requestAnimationFrame(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}
