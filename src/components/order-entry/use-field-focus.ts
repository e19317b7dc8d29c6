"use client";

import { useCallback, useEffect, useRef } from "react";

/**
 * A registry of the form's focusable fields by key ("customer", "lines.<id>.sku", "shipTo.city"), so
 * keyboard flows and validation can move focus: `focus(key)` now, `focusAfterRender(key)` for a field that
 * the pending state change is about to create (a new line).
 */
export function useFieldFocus() {
  const fields = useRef(new Map<string, HTMLElement>());
  const refs = useRef(new Map<string, (el: HTMLElement | null) => void>());
  const pending = useRef<{ key: string; select: boolean } | null>(null);

  const register = useCallback((key: string) => {
    let ref = refs.current.get(key);
    if (!ref) {
      ref = (el: HTMLElement | null) => {
        if (el) fields.current.set(key, el);
        else fields.current.delete(key);
      };
      refs.current.set(key, ref);
    }
    return ref;
  }, []);

  const focus = useCallback((key: string, options: { select?: boolean } = {}) => {
    const el = fields.current.get(key);
    if (!el) return false;
    el.focus();
    if (options.select && el instanceof HTMLInputElement) el.select();
    return true;
  }, []);

  const focusAfterRender = useCallback((key: string, options: { select?: boolean } = {}) => {
    pending.current = { key, select: !!options.select };
  }, []);

  useEffect(() => {
    const next = pending.current;
    if (next && focus(next.key, { select: next.select })) pending.current = null;
  });

  return { register, focus, focusAfterRender };
}

export type FieldFocus = ReturnType<typeof useFieldFocus>;
