import { describe, expect, it } from "vitest";
import { daysBetween, exemptionStatus, exemptionWarning, type TaxExemption } from "./tax-exemptions";

const cert = (over: Partial<TaxExemption> = {}): TaxExemption => ({ certificateNumber: "RX-123", country: "US", region: "NJ", issuedOn: "2025-01-01", expiresOn: "2026-10-31", ...over });
const NJ = { country: "US", region: "NJ" };

describe("tax exemption certificates", () => {
  it("counts days across months and a leap day", () => {
    expect(daysBetween("2026-10-01", "2026-10-31")).toBe(30);
    expect(daysBetween("2028-02-28", "2028-03-01")).toBe(2);
    expect(daysBetween("2026-11-01", "2026-10-31")).toBe(-1);
  });

  it("status: valid, expiring within 30 days (0 = today), expired, not yet valid, no expiry", () => {
    expect(exemptionStatus(cert(), "2026-09-30")).toEqual({ kind: "valid", daysLeft: 31 });
    expect(exemptionStatus(cert(), "2026-10-01")).toEqual({ kind: "expiring", daysLeft: 30 });
    expect(exemptionStatus(cert(), "2026-10-31")).toEqual({ kind: "expiring", daysLeft: 0 });
    expect(exemptionStatus(cert(), "2026-11-01")).toEqual({ kind: "expired", daysAgo: 1 });
    expect(exemptionStatus(cert(), "2024-12-31")).toEqual({ kind: "not_yet_valid", daysUntil: 1 });
    expect(exemptionStatus(cert({ expiresOn: null }), "2030-01-01")).toEqual({ kind: "valid", daysLeft: null });
  });

  it("warns at entry for the ship-to state only: expired, or expiring within 30 days", () => {
    expect(exemptionWarning([cert()], NJ, "2026-11-01")).toBe("Exemption certificate RX-123 for NJ expired on 2026-10-31: this order is taxed.");
    expect(exemptionWarning([cert()], NJ, "2026-10-21")).toBe("Exemption certificate RX-123 for NJ expires in 10 days (2026-10-31): ask the customer for a renewed one.");
    expect(exemptionWarning([cert()], NJ, "2026-10-31")).toMatch(/expires today/);
    expect(exemptionWarning([cert()], NJ, "2026-09-01")).toBeNull();
    expect(exemptionWarning([cert()], { country: "US", region: "NY" }, "2026-11-01")).toBeNull();
    // Renewed: the new certificate covers the state, the expired one no longer matters.
    expect(exemptionWarning([cert(), cert({ certificateNumber: "RX-200", issuedOn: "2026-10-15", expiresOn: "2029-10-31" })], NJ, "2026-11-01")).toBeNull();
    expect(exemptionWarning([cert({ region: "ALL", expiresOn: "2026-11-10" })], { country: "US", region: "TX" }, "2026-11-01")).toMatch(/RX-123 for all of US expires in 9 days/);
  });
});
