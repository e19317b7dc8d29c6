import { describe, expect, it } from "vitest";
import { effectiveWarehouse, readMyWarehouse } from "./my-warehouse";

const warehouses = [{ code: "EAST" }, { code: "WEST" }];

describe("my warehouse", () => {
  it("is the stored code of an active warehouse, else none", () => {
    expect(readMyWarehouse("EAST", warehouses)).toBe("EAST");
    expect(readMyWarehouse("NORTH", warehouses)).toBeUndefined();
    expect(readMyWarehouse({ code: "EAST" }, warehouses)).toBeUndefined();
    expect(readMyWarehouse(null, warehouses)).toBeUndefined();
  });

  it("is the filter's default: the URL's warehouse wins, 'all' means none", () => {
    expect(effectiveWarehouse(undefined, "EAST")).toBe("EAST");
    expect(effectiveWarehouse("WEST", "EAST")).toBe("WEST");
    expect(effectiveWarehouse("all", "EAST")).toBeUndefined();
    expect(effectiveWarehouse(undefined, undefined)).toBeUndefined();
  });
});
