import { describe, expect, it } from "vitest";
import { isCompact, parseSidebarMode, sidebarCookie, toggledSidebarMode } from "./sidebar-mode";

describe("sidebar mode", () => {
  it("reads only the two choices from the cookie; anything else is auto", () => {
    expect(parseSidebarMode("collapsed")).toBe("collapsed");
    expect(parseSidebarMode("expanded")).toBe("expanded");
    expect(parseSidebarMode(undefined)).toBe("auto");
    expect(parseSidebarMode("tiny")).toBe("auto");
  });

  it("auto shows icons only below 1440 px", () => {
    expect(isCompact("auto", false)).toBe(true);
    expect(isCompact("auto", true)).toBe(false);
    expect(isCompact("collapsed", true)).toBe(true);
    expect(isCompact("expanded", false)).toBe(false);
  });

  it("the toggle flips what is on screen and keeps it as a choice", () => {
    expect(toggledSidebarMode("auto", false)).toBe("expanded");
    expect(toggledSidebarMode("auto", true)).toBe("collapsed");
    expect(toggledSidebarMode("collapsed", true)).toBe("expanded");
    expect(toggledSidebarMode("expanded", false)).toBe("collapsed");
  });

  it("is remembered for a year on every path", () => {
    expect(sidebarCookie("collapsed")).toBe("desk-sidebar=collapsed; path=/; max-age=31536000; samesite=lax");
  });
});
