import { describe, expect, it } from "vitest";
import { isUuid } from "./uuid";

describe("isUuid", () => {
  it("accepts a UUID in either case", () => {
    expect(isUuid("3f2b8c1e-9a4d-4c2e-8f1a-0b9c7d6e5a43")).toBe(true);
    expect(isUuid("3F2B8C1E-9A4D-4C2E-8F1A-0B9C7D6E5A43")).toBe(true);
  });

  it("refuses document numbers and near misses", () => {
    for (const key of ["SO-100234", "", "3f2b8c1e-9a4d-4c2e-8f1a-0b9c7d6e5a4", "3f2b8c1e9a4d4c2e8f1a0b9c7d6e5a43", " 3f2b8c1e-9a4d-4c2e-8f1a-0b9c7d6e5a43"]) {
      expect(isUuid(key), key).toBe(false);
    }
  });
});
