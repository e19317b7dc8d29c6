import { describe, expect, it } from "vitest";
import { exportCsvHref } from "./export-csv-link";

describe("exportCsvHref", () => {
  it("carries the filters, drops paging and empty values, encodes", () => {
    expect(exportCsvHref("customers", {})).toBe("/api/v1/exports/customers.csv");
    expect(exportCsvHref("invoices", { status: "overdue", customer: "ACME", search: "", cursor: "abc", size: "100" })).toBe("/api/v1/exports/invoices.csv?status=overdue&customer=ACME");
    expect(exportCsvHref("products", { search: "a&b =c", category: undefined })).toBe("/api/v1/exports/products.csv?search=a%26b+%3Dc");
  });
});
