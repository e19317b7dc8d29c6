"use client";

import { useEffect, useRef } from "react";

/** A row's selection checkbox, or the "select all" of a table (indeterminate while some rows are chosen). */
export function SelectCheckbox({
  label,
  checked,
  indeterminate = false,
  onChange,
  disabled,
}: {
  label: string;
  checked: boolean;
  indeterminate?: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
}) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = indeterminate;
  }, [indeterminate]);
  return (
    <input
      ref={ref}
      type="checkbox"
      aria-label={label}
      checked={checked}
      disabled={disabled}
      onChange={(e) => onChange(e.target.checked)}
      className="size-4 accent-primary align-middle"
    />
  );
}

/** Selection of rows by key, kept to the keys still shown. */
export function toggleKey(selected: ReadonlySet<string>, key: string, on: boolean): Set<string> {
  const next = new Set(selected);
  if (on) next.add(key);
  else next.delete(key);
  return next;
}
