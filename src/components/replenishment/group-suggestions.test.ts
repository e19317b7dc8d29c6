import { describe, expect, it } from "vitest";
import { groupByVendor, groupSelection, toggleGroup, type GroupableSuggestion } from "./group-suggestions";

const fast = { code: "FASTCO", name: "Fastener Co" };
const nut = { code: "NUTCO", name: "Nut Company" };
const row = (id: string, vendor: GroupableSuggestion["vendor"], warehouse: string, estimatedCost = 100, purchaseOrder: unknown = null): GroupableSuggestion => ({
  id,
  vendor,
  warehouse,
  estimatedCost,
  currency: "USD",
  purchaseOrder,
});

describe("groupByVendor", () => {
  it("groups consecutive rows per vendor with totals, PO count per warehouse, and what can be drafted", () => {
    const groups = groupByVendor([row("a", fast, "EAST", 100), row("b", fast, "WEST", 250), row("c", fast, "EAST", 50), row("d", nut, "EAST"), row("e", null, "EAST")]);
    expect(groups.map((g) => [g.key, g.items.map((i) => i.id), g.warehouses, g.estimatedCost, g.selectableIds])).toEqual([
      ["FASTCO", ["a", "b", "c"], 2, 400, ["a", "b", "c"]],
      ["NUTCO", ["d"], 1, 100, ["d"]],
      ["none", ["e"], 1, 100, []],
    ]);
  });

  it("never offers drafted rows for selection", () => {
    const [group] = groupByVendor([row("a", fast, "EAST", 1, { number: "PO-600001" }), row("b", fast, "EAST")]);
    expect(group!.selectableIds).toEqual(["b"]);
  });
});

describe("group selection", () => {
  it("reads all / some / none and toggles all on, then all off", () => {
    const ids = ["a", "b"];
    expect(groupSelection(ids, new Set())).toBe("none");
    expect(groupSelection(ids, new Set(["a", "x"]))).toBe("some");
    const on = toggleGroup(ids, new Set(["a", "x"]));
    expect([...on].sort()).toEqual(["a", "b", "x"]);
    expect(groupSelection(ids, on)).toBe("all");
    expect([...toggleGroup(ids, on)]).toEqual(["x"]);
    expect(groupSelection([], new Set(["x"]))).toBe("none");
  });
});
