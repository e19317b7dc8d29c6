import { toast as sonner } from "sonner";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { toast } from "./toast";

/** The types of the toasts showing, oldest first. */
const shownTypes = () => sonner.getToasts().map((t) => ("type" in t ? t.type : "dismissed"));

// Sonner tells a mounted Toaster on the next frame; there is none here (no DOM in unit tests).
beforeAll(() => {
  vi.stubGlobal("requestAnimationFrame", (callback: () => void) => setTimeout(callback, 0));
});
afterEach(() => {
  sonner.dismiss();
});

describe("toast", () => {
  it("replaces the error toasts still showing with the next success", () => {
    toast.error("Could not save the price list");
    toast.error("Could not load the keys");
    toast.info("Saving…");
    expect(shownTypes()).toEqual(["error", "error", "info"]);
    toast.success("Price list saved");
    expect(shownTypes()).toEqual(["info", "success"]);
  });

  it("keeps an error that comes after the success, and is sonner's toast otherwise", () => {
    toast.success("Saved");
    toast.error("Could not submit");
    expect(shownTypes()).toEqual(["success", "error"]);
    const id = toast("Plain message");
    expect(typeof id === "string" || typeof id === "number").toBe(true);
    expect(toast.dismiss).toBe(sonner.dismiss);
  });
});
