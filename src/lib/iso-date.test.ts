import { describe, expect, it } from "vitest";
import { ZIsoDate } from "./iso-date";

describe("ZIsoDate", () => {
  it("takes calendar days from 1900 to 2999", () => {
    for (const day of ["1900-01-01", "2024-02-29", "2026-11-21", "2999-12-31"]) expect(ZIsoDate.safeParse(day).success).toBe(true);
  });

  it("refuses days PostgreSQL or the date arithmetic cannot take, and what is not a day", () => {
    for (const day of ["0000-02-29", "0001-01-01", "1899-12-31", "3000-01-01", "9999-12-31", "2023-02-29", "2024-13-01", "2024-1-1", ""]) {
      expect(ZIsoDate.safeParse(day).success, day).toBe(false);
    }
  });
});
