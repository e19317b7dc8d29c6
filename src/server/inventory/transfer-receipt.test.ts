import { describe, expect, it } from "vitest";
import { planTransferReceipt } from "./transfer-receipt";
import { transferLinesOf, ZCreateTransferInput } from "./transfer-schemas";

const lines = [
  { sku: "A", quantity: 10, received: 0 },
  { sku: "B", quantity: 5, received: 3 },
];

describe("planTransferReceipt", () => {
  it("receives everything in transit when no lines are named", () => {
    expect(planTransferReceipt(lines)).toEqual({ receipts: [{ index: 0, quantity: 10 }, { index: 1, quantity: 2 }], status: "received" });
  });

  it("receives what is named and leaves the rest in transit", () => {
    expect(planTransferReceipt(lines, [{ sku: "B", quantity: 2 }, { sku: "A", quantity: 0 }])).toEqual({ receipts: [{ index: 1, quantity: 2 }], status: "partially_received" });
    expect(planTransferReceipt(lines, [{ sku: "A", quantity: 10 }, { sku: "B", quantity: 2 }]).status).toBe("received");
  });

  it("names the field of what cannot be received", () => {
    expect(() => planTransferReceipt(lines, [{ sku: "B", quantity: 3 }])).toThrow(expect.objectContaining({ details: { fields: { "lines.0.quantity": ["at most 2 of B in transit"] } } }));
    expect(() => planTransferReceipt(lines, [{ sku: "A", quantity: 1 }, { sku: "C", quantity: 1 }])).toThrow(expect.objectContaining({ details: { fields: { "lines.1.sku": expect.any(Array) } } }));
    expect(() => planTransferReceipt(lines, [{ sku: "A", quantity: 1 }, { sku: "A", quantity: 1 }])).toThrow(expect.objectContaining({ details: { fields: { "lines.1.sku": expect.any(Array) } } }));
    expect(() => planTransferReceipt(lines, [{ sku: "A", quantity: 0 }])).toThrow(expect.objectContaining({ details: { fields: { lines: expect.any(Array) } } }));
  });
});

describe("ZCreateTransferInput", () => {
  const base = { from: "EAST", to: "WEST" };
  it("takes lines, or one SKU in the short form", () => {
    expect(transferLinesOf(ZCreateTransferInput.parse({ ...base, sku: "A", quantity: 2 }))).toEqual([{ sku: "A", quantity: 2, path: "" }]);
    expect(transferLinesOf(ZCreateTransferInput.parse({ ...base, lines: [{ sku: "A", quantity: 2 }, { sku: "B", quantity: 1 }] }))).toEqual([
      { sku: "A", quantity: 2, path: "lines.0" },
      { sku: "B", quantity: 1, path: "lines.1" },
    ]);
  });

  it("refuses both forms at once, neither, and a SKU twice, naming the field", () => {
    const paths = (input: unknown) => ZCreateTransferInput.safeParse(input).error?.issues.map((i) => i.path.join("."));
    expect(paths({ ...base, sku: "A", quantity: 1, lines: [{ sku: "B", quantity: 1 }] })).toEqual(["lines"]);
    expect(paths(base)).toEqual(["sku", "quantity"]);
    expect(paths({ ...base, lines: [{ sku: "A", quantity: 1 }, { sku: "A", quantity: 2 }] })).toEqual(["lines.1.sku"]);
    expect(paths({ ...base, lines: [] })).toEqual(["lines"]);
  });
});
