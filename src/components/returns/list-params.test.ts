import { describe, expect, it } from "vitest";
import { parseReturnListParams, returnListHref } from "./list-params";

describe("return list params", () => {
  it("keeps known statuses and codes, drops the rest", () => {
    expect(parseReturnListParams({ status: "approved", order: "so-100123", customer: " c-1001 " })).toEqual({ status: "approved", order: "SO-100123", customer: "C-1001", cursor: undefined });
    expect(parseReturnListParams({ status: "lost", order: "a b", customer: ["C-1", "C-2"] })).toEqual({ status: undefined, order: undefined, customer: "C-1", cursor: undefined });
  });

  it("writes the URL back without empty filters", () => {
    expect(returnListHref({})).toBe("/returns");
    expect(returnListHref({ status: "requested", customer: "C-1001" })).toBe("/returns?status=requested&customer=C-1001");
  });
});
