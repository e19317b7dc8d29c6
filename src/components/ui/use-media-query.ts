"use client";

import { useCallback, useSyncExternalStore } from "react";

/** Tailwind's `xl` breakpoint (80rem, 1280 px at the default font size), as a media query. */
export const XL_QUERY = "(min-width: 80rem)";

/**
 * Whether `query` matches, following window resizes. The server (and so the hydrating render) cannot know the
 * window and says `serverValue`; the real answer follows right after hydration.
 */
export function useMediaQuery(query: string, serverValue: boolean): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const list = window.matchMedia(query);
      list.addEventListener("change", onChange);
      return () => list.removeEventListener("change", onChange);
    },
    [query],
  );
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(query).matches,
    () => serverValue,
  );
}
