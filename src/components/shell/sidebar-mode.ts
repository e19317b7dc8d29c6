/**
 * The desk sidebar's width, remembered per browser in a cookie (so the server renders the right width at once):
 * "collapsed" shows icons only, "expanded" icons and names, "auto" (no choice made yet) icons below 1440 px
 * and names from there on.
 */
export type SidebarMode = "auto" | "collapsed" | "expanded";

export const SIDEBAR_COOKIE = "desk-sidebar";

/** Where "auto" switches from icons to names (90rem), as in globals.css: 1366 px laptops get the width too. */
export const WIDE_SIDEBAR_QUERY = "(min-width: 90rem)";

export function parseSidebarMode(value: string | undefined): SidebarMode {
  return value === "collapsed" || value === "expanded" ? value : "auto";
}

/** True when the sidebar shows icons only in `mode` on a window that is `isWide` (≥ 1440 px) or not. */
export function isCompact(mode: SidebarMode, isWide: boolean): boolean {
  return mode === "collapsed" || (mode === "auto" && !isWide);
}

/** The toggle always flips what the user sees, and the choice is then kept whatever the window's width. */
export function toggledSidebarMode(mode: SidebarMode, isWide: boolean): Exclude<SidebarMode, "auto"> {
  return isCompact(mode, isWide) ? "expanded" : "collapsed";
}

export function sidebarCookie(mode: Exclude<SidebarMode, "auto">): string {
  return `${SIDEBAR_COOKIE}=${mode}; path=/; max-age=${60 * 60 * 24 * 365}; samesite=lax`;
}
