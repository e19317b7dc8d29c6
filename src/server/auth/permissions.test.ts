import { describe, expect, it } from "vitest";
import { can, PERMISSIONS } from "./permissions";
import { ROLES } from "./roles";

describe("permissions", () => {
  it("admin may do everything but nothing is allowed without a role", () => {
    for (const action of Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[]) {
      expect(can("admin", action)).toBe(true);
      expect(can(undefined, action)).toBe(false);
    }
  });

  it("keeps configuration away from the desk roles", () => {
    expect(can("rep", "apiKeys.manage")).toBe(false);
    expect(can("manager", "apiKeys.manage")).toBe(false);
    expect(can("warehouse", "invoices.view")).toBe(false);
    expect(can("finance", "stock.adjust")).toBe(false);
    expect(can("warehouse", "stock.adjust")).toBe(true);
  });

  it("only names known roles", () => {
    for (const roles of Object.values(PERMISSIONS)) for (const role of roles) expect(ROLES).toContain(role);
  });
});
