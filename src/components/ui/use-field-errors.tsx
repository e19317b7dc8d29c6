"use client";

import { useState } from "react";
import { FieldError } from "./field-error";

/**
 * Field errors of a form (from the server's `details.fields` or the form's own checks): the message
 * under each field, its `aria-describedby`, and clearing a field's error as soon as it is edited.
 * `linked` names fields checked together (e.g. From and To): editing one clears them all.
 */
export function useFieldErrors(idPrefix: string, linked: readonly (readonly string[])[] = []) {
  const [fields, setFields] = useState<Record<string, string[]>>({});
  const errorId = (name: string) => `${idPrefix}-${name}-error`;

  const error = (name: string) => (fields[name] ? <FieldError id={errorId(name)}>{fields[name].join(", ")}</FieldError> : null);
  const described = (name: string, extra?: string) => [fields[name] ? errorId(name) : undefined, extra].filter(Boolean).join(" ") || undefined;

  /** For the form's onChange: the edited field's error (and its linked fields') goes away. */
  function clearOnChange(event: React.FormEvent<HTMLFormElement>) {
    const name = (event.target as HTMLInputElement).name;
    const names = linked.find((group) => group.includes(name)) ?? [name];
    setFields((current) => {
      if (!names.some((n) => n in current)) return current;
      const next = { ...current };
      for (const n of names) delete next[n];
      return next;
    });
  }

  return { fields, setFields, error, described, clearOnChange };
}
