import { describe, expect, it } from "vitest";
import { buildPromiseRequest, describeSourcing, mapPromiseAnswer, type PromiseAnswer, type PromiseLine } from "./promise-preview";

const lines: PromiseLine[] = [
  { lineId: "a", sku: "BLT-1", quantity: 4 },
  { lineId: "b", sku: null, quantity: 2 }, // not in the catalog (yet)
  { lineId: "c", sku: "NUT-2", quantity: 0 },
  { lineId: "d", sku: "HYD-3", quantity: 7 },
];

describe("buildPromiseRequest", () => {
  it("is null without a customer or without a line to promise", () => {
    expect(buildPromiseRequest(null, "phone", lines)).toBeNull();
    expect(buildPromiseRequest("C-1", "phone", [{ lineId: "x", sku: null, quantity: 3 }])).toBeNull();
    expect(buildPromiseRequest("C-1", "phone", [])).toBeNull();
  });
  it("sends known lines with a quantity, in form order, remembering their ids", () => {
    const request = buildPromiseRequest("C-1", "web", lines, { shipToRegion: " NJ ", total: 12_345 });
    expect(request).toEqual({
      input: { customer: "C-1", channel: "web", shipToRegion: "NJ", total: 12_345, lines: [{ sku: "BLT-1", quantity: 4 }, { sku: "HYD-3", quantity: 7 }] },
      lineIds: ["a", "d"],
    });
  });
  it("leaves out an empty region and a total that is not whole minor units", () => {
    const request = buildPromiseRequest("C-1", "phone", lines, { shipToRegion: "  ", total: 10.5 });
    expect(request?.input).not.toHaveProperty("shipToRegion");
    expect(request?.input).not.toHaveProperty("total");
  });
});

describe("mapPromiseAnswer", () => {
  const request = buildPromiseRequest("C-1", "phone", lines)!;
  const result: PromiseAnswer = {
    policy: { code: "STANDARD", name: "Standard", version: 1, chosenBy: "Default" },
    promisedDate: "2026-03-12",
    lines: [
      { sku: "BLT-1", lineNo: 1, availableOn: "2026-03-09", transitDays: 2, promisedDate: "2026-03-11" },
      { sku: "HYD-3", lineNo: 2, availableOn: "2026-03-10", transitDays: 2, promisedDate: "2026-03-12" },
    ],
  };
  it("maps each promise back to its form line", () => {
    const map = mapPromiseAnswer({ request, result }, lines);
    expect(map.get("a")?.promisedDate).toBe("2026-03-11");
    expect(map.get("d")).toEqual({ promisedDate: "2026-03-12", availableOn: "2026-03-10", transitDays: 2 });
    expect(map.has("b")).toBe(false);
  });
  it("drops lines changed since the question, and lines removed", () => {
    const changed = lines.map((l) => (l.lineId === "a" ? { ...l, quantity: 5 } : l)).filter((l) => l.lineId !== "d");
    const map = mapPromiseAnswer({ request, result }, changed);
    expect(map.size).toBe(0);
  });
  it("is empty without an answer", () => {
    expect(mapPromiseAnswer(undefined, lines).size).toBe(0);
  });
});

describe("describeSourcing", () => {
  const date = (iso: string) => `on ${iso}`;
  it("says nothing when one warehouse ships the whole line", () => {
    expect(describeSourcing({ availableOn: "2026-03-09", sourcing: { takes: [{ warehouse: "EAST", quantity: 4 }], short: 0 } }, date)).toBeNull();
    expect(describeSourcing({ availableOn: "2026-03-09" }, date)).toBeNull();
  });
  it("lists a split and what is backordered, with the date all can be there", () => {
    const sourcing = {
      takes: [
        { warehouse: "EAST", quantity: 46 },
        { warehouse: "CENTRAL", quantity: 30 },
        { warehouse: "WEST", quantity: 2 },
      ],
      short: 22,
    };
    expect(describeSourcing({ availableOn: "2026-12-24", sourcing }, date)).toBe("46 EAST · 30 CENTRAL · 2 WEST · 22 backordered, all by on 2026-12-24");
    expect(describeSourcing({ availableOn: "2026-12-24", sourcing: { takes: [{ warehouse: "EAST", quantity: 3 }, { warehouse: "WEST", quantity: 1 }], short: 0 } }, date)).toBe(
      "3 EAST · 1 WEST",
    );
    expect(describeSourcing({ availableOn: "2026-12-24", sourcing: { takes: [], short: 5 } }, date)).toBe("5 backordered, all by on 2026-12-24");
  });
  it("carries the sourcing through mapPromiseAnswer", () => {
    const request = buildPromiseRequest("C-1", "phone", lines)!;
    const sourcing = { takes: [{ warehouse: "EAST", quantity: 1 }], short: 3 };
    const map = mapPromiseAnswer(
      {
        request,
        result: {
          policy: { code: "S", name: "S", version: 1, chosenBy: "Default" },
          promisedDate: null,
          lines: [{ sku: "BLT-1", lineNo: 1, availableOn: "2026-03-09", transitDays: 2, promisedDate: "2026-03-11", sourcing }],
        },
      },
      lines,
    );
    expect(map.get("a")?.sourcing).toEqual(sourcing);
  });
});
