import { describe, expect, it } from "vitest";
import { hasFilters, parsePurchaseOrderListParams, purchaseOrderListHref } from "./list-params";

describe("purchase order list params", () => {
  it("keeps valid filters, normalises codes and drops malformed ones", () => {
    expect(parsePurchaseOrderListParams({ status: "sent", vendor: "mfs", warehouse: ["east", "west"], search: " PO-6 ", overdue: "true" })).toEqual({
      search: "PO-6",
      status: "sent",
      vendor: "MFS",
      warehouse: "EAST",
      sku: undefined,
      overdue: "true",
      cursor: undefined,
    });
    expect(parsePurchaseOrderListParams({ status: "lost", vendor: "no spaces", sku: "bad sku", overdue: "yes", cursor: "" })).toEqual({
      search: undefined,
      status: undefined,
      vendor: undefined,
      warehouse: undefined,
      sku: undefined,
      overdue: undefined,
      cursor: undefined,
    });
  });

  it("builds short URLs and knows when filters are set", () => {
    expect(purchaseOrderListHref({})).toBe("/purchasing");
    expect(purchaseOrderListHref({ status: "draft", vendor: undefined, cursor: "abc" })).toBe("/purchasing?status=draft&cursor=abc");
    expect(hasFilters({ cursor: "abc" })).toBe(false);
    expect(hasFilters({ overdue: "true" })).toBe(true);
  });
});
