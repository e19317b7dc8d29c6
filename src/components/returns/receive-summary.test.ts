import { describe, expect, it } from "vitest";
import { receiveSummary } from "./receive-summary";

const line = (sku: string, quantity: number, disposition: "restock" | "scrap", warehouse = "EAST") => ({ sku, quantity, disposition, warehouse });

describe("receiveSummary", () => {
  it("says what is restocked where and what is scrapped", () => {
    expect(receiveSummary({ lines: [line("A-1", 3, "restock"), line("B-2", 1, "scrap"), line("C-3", 2, "restock", "WEST")] as never })).toBe(
      "Restock 3 × A-1 to EAST, 2 × C-3 to WEST; scrap 1 × B-2",
    );
    expect(receiveSummary({ lines: [line("B-2", 1, "scrap")] as never })).toBe("Scrap 1 × B-2");
  });
});
