"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { DRAFT_VERSION } from "./draft-key";
import { hasContent, reviveEntryState, type EntryState } from "./entry-state";

/**
 * The order being entered lives in localStorage under a key per signed-in user, written on every change
 * (debounced) and at once when the page is hidden or unloaded, so a reload, a crash or a closed tab loses
 * nothing. Cleared after the order or quote is saved on the server.
 */
const VERSION = DRAFT_VERSION;

type StoredDraft = { v: number; savedAt: string; state: EntryState };

export function loadDraft(key: string): { state: EntryState; savedAt: string } | null {
  try {
    const raw = window.localStorage.getItem(key);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<StoredDraft>;
    if (parsed.v !== VERSION) return null;
    const state = reviveEntryState(parsed.state);
    return state && hasContent(state) ? { state, savedAt: typeof parsed.savedAt === "string" ? parsed.savedAt : "" } : null;
  } catch {
    return null;
  }
}

function writeDraft(key: string, state: EntryState | null): boolean {
  try {
    if (!state || !hasContent(state)) {
      window.localStorage.removeItem(key);
      return false;
    }
    const stored: StoredDraft = { v: VERSION, savedAt: new Date().toISOString(), state };
    window.localStorage.setItem(key, JSON.stringify(stored));
    return true;
  } catch {
    // Storage full or disabled (private mode): the form keeps working, only the safety net is gone.
    return false;
  }
}

/**
 * `isPristine`: the state is what the page started with (nothing typed yet, e.g. only the customer from
 * the link): any stored draft is removed rather than a new one written.
 */
export function useDraftAutosave(key: string, state: EntryState, options: { isPristine?: boolean; delay?: number } = {}) {
  const { isPristine = false, delay = 400 } = options;
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const latest = useRef<EntryState | null>(state);
  const pending = useRef(false);
  const stopped = useRef(false);

  useEffect(() => {
    latest.current = isPristine ? null : state;
    if (stopped.current) return;
    pending.current = true;
    const timer = setTimeout(() => {
      pending.current = false;
      setSavedAt(writeDraft(key, isPristine ? null : state) ? new Date() : null);
    }, delay);
    return () => clearTimeout(timer);
  }, [key, state, isPristine, delay]);

  useEffect(() => {
    const flush = () => {
      if (stopped.current || !pending.current) return;
      pending.current = false;
      writeDraft(key, latest.current);
    };
    const onVisibility = () => document.visibilityState === "hidden" && flush();
    window.addEventListener("pagehide", flush);
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      flush();
      window.removeEventListener("pagehide", flush);
      document.removeEventListener("visibilitychange", onVisibility);
    };
  }, [key]);

  /** After a successful save on the server: forget the draft and stop writing it. */
  const clear = useCallback(() => {
    stopped.current = true;
    pending.current = false;
    try {
      window.localStorage.removeItem(key);
    } catch {
      // nothing to clear
    }
    setSavedAt(null);
  }, [key]);

  return { savedAt, clear };
}
