import { describe, expect, it } from "vitest";
import { fulfillmentStatusOf } from "./fulfillment-status";

describe("fulfillmentStatusOf", () => {
  it("follows the lines: nothing, some, all shipped; delivered once every shipment arrived", () => {
    expect(fulfillmentStatusOf([{ quantity: 5, shipped: 0 }], false)).toBe("unfulfilled");
    expect(fulfillmentStatusOf([{ quantity: 5, shipped: 0 }], true)).toBe("unfulfilled");
    expect(fulfillmentStatusOf([{ quantity: 5, shipped: 5 }, { quantity: 3, shipped: 1 }], true)).toBe("partially_shipped");
    expect(fulfillmentStatusOf([{ quantity: 5, shipped: 5 }, { quantity: 3, shipped: 3 }], false)).toBe("shipped");
    expect(fulfillmentStatusOf([{ quantity: 5, shipped: 5 }, { quantity: 3, shipped: 3 }], true)).toBe("delivered");
  });
});
