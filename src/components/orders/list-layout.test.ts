import { describe, expect, it } from "vitest";
import { DEFAULT_LIST_LAYOUT, listLayoutOf, withColumn } from "./list-layout";

describe("the order list's layout preference", () => {
  it("reads a stored layout", () => {
    expect(listLayoutOf({ hidden: ["lines", "billing"], density: "compact" })).toEqual({ hidden: ["lines", "billing"], density: "compact" });
  });

  it("falls back to the default for nothing stored or another shape", () => {
    for (const stored of [null, undefined, "compact", { hidden: "lines" }, { hidden: [], density: "cozy" }]) expect(listLayoutOf(stored)).toEqual(DEFAULT_LIST_LAYOUT);
  });

  it("drops columns that no longer exist and keeps the rest", () => {
    expect(listLayoutOf({ hidden: ["lines", "margin"], density: "comfortable" })).toEqual({ hidden: ["lines"], density: "comfortable" });
  });

  it("shows and hides one column at a time", () => {
    const hidden = withColumn(DEFAULT_LIST_LAYOUT, "assigned", false);
    expect(hidden.hidden).toEqual(["assigned"]);
    expect(withColumn(withColumn(hidden, "assigned", false), "assigned", true).hidden).toEqual([]);
  });
});
