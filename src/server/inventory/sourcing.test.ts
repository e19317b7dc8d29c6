import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { planSourcing, type SourcingCandidate } from "./sourcing";

const wh = (warehouseId: string, available: number, extra: Partial<SourcingCandidate> = {}): SourcingCandidate => ({
  warehouseId,
  available,
  priority: 100,
  inRegion: false,
  ...extra,
});

describe("planSourcing", () => {
  it("takes the whole line from the customer's region when that warehouse can fill it", () => {
    const plan = planSourcing(5, [wh("EAST", 50, { priority: 1 }), wh("WEST", 6, { inRegion: true, priority: 9 })]);
    expect(plan).toEqual({ takes: [{ warehouseId: "WEST", quantity: 5 }], short: 0, homeWarehouseId: "WEST" });
  });

  it("otherwise takes it from the warehouse with most available stock", () => {
    const plan = planSourcing(5, [wh("EAST", 8, { priority: 1 }), wh("WEST", 20), wh("NORTH", 2, { inRegion: true })]);
    expect(plan.takes).toEqual([{ warehouseId: "WEST", quantity: 5 }]);
  });

  it("splits across warehouses, most available first, when none can fill it alone", () => {
    const plan = planSourcing(10, [wh("EAST", 3), wh("WEST", 6), wh("NORTH", 0)]);
    expect(plan).toEqual({
      takes: [
        { warehouseId: "WEST", quantity: 6 },
        { warehouseId: "EAST", quantity: 3 },
      ],
      short: 1,
      homeWarehouseId: "WEST",
    });
  });

  it("backorders everything in the preferred warehouse when there is no stock", () => {
    const plan = planSourcing(4, [wh("EAST", 0, { priority: 5 }), wh("WEST", -2, { inRegion: true })]);
    expect(plan).toEqual({ takes: [], short: 4, homeWarehouseId: "WEST" });
  });

  it("never takes more than is available or asked, and accounts for every unit", () => {
    const candidates = fc.array(
      fc.record({ available: fc.integer({ min: -5, max: 40 }), priority: fc.nat(10), inRegion: fc.boolean() }),
      { maxLength: 6 },
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100 }), candidates, (quantity, list) => {
        const cs = list.map((c, i) => wh(`W${i}`, c.available, c));
        const plan = planSourcing(quantity, cs);
        const taken = plan.takes.reduce((s, t) => s + t.quantity, 0);
        expect(taken + plan.short).toBe(quantity);
        for (const t of plan.takes) {
          expect(t.quantity).toBeGreaterThan(0);
          expect(t.quantity).toBeLessThanOrEqual(cs.find((c) => c.warehouseId === t.warehouseId)!.available);
        }
        const free = cs.reduce((s, c) => s + Math.max(0, c.available), 0);
        expect(plan.short).toBe(Math.max(0, quantity - free));
      }),
    );
  });
});
