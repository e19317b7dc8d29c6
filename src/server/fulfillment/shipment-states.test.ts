import { describe, expect, it } from "vitest";
import { SHIPMENT_STATUSES } from "./constants";
import { assertShipmentTransition, canTransition, SHIPMENT_TRANSITIONS } from "./shipment-states";

describe("shipment status machine", () => {
  it("allows exactly the steps of the table and refuses every other pair with a 409 naming the shipment", () => {
    for (const from of SHIPMENT_STATUSES) {
      for (const to of SHIPMENT_STATUSES) {
        const listed = SHIPMENT_TRANSITIONS.some((t) => t.from === from && t.to === to);
        expect(canTransition(from, to)).toBe(listed);
        if (listed) expect(() => assertShipmentTransition("SH-1", from, to)).not.toThrow();
        else expect(() => assertShipmentTransition("SH-1", from, to)).toThrow(expect.objectContaining({ kind: "conflict", code: "ILLEGAL_SHIPMENT_TRANSITION", message: expect.stringContaining("SH-1") }));
      }
    }
  });

  it("ships only what was picked, and never un-delivers or revives a canceled shipment", () => {
    expect(canTransition("planned", "shipped")).toBe(false);
    expect(canTransition("picking", "shipped")).toBe(false);
    expect(canTransition("picked", "shipped")).toBe(true);
    expect(canTransition("delivered", "canceled")).toBe(false);
    expect(canTransition("delivered", "shipped")).toBe(false);
    for (const to of SHIPMENT_STATUSES) expect(canTransition("canceled", to)).toBe(false);
  });

  it("lets every shipment be canceled until it is delivered", () => {
    for (const from of SHIPMENT_STATUSES.filter((s) => s !== "delivered" && s !== "canceled")) expect(canTransition(from, "canceled")).toBe(true);
  });
});
