import { describe, expect, it } from "vitest";
import type { TOrderSummary } from "~/server/orders/schemas";
import { orderCsv, orderCsvFileName } from "./order-csv";

const order = (over: Partial<TOrderSummary> = {}): TOrderSummary => ({
  number: "SO-100001",
  kind: "order",
  status: "draft",
  fulfillmentStatus: "unfulfilled",
  billingStatus: "unbilled",
  channel: "phone",
  customer: { code: "C-1", name: "Acme, Inc." },
  customerReference: null,
  currency: "USD",
  total: 123450,
  lineCount: 2,
  createdAt: "2026-12-04T10:00:00.000Z",
  validUntil: null,
  assignedTo: null,
  ...over,
});

describe("order CSV", () => {
  it("writes a header with a byte-order mark, decimals, ISO dates and quotes where needed", () => {
    const lines = orderCsv([order()]).split("\r\n");
    expect(lines[0]).toBe("\uFEFFnumber,kind,status,fulfillment_status,billing_status,channel,customer_code,customer_name,customer_reference,lines,total,currency,created_at,valid_until,assigned_to");
    expect(lines[1]).toBe('SO-100001,order,draft,unfulfilled,unbilled,phone,C-1,"Acme, Inc.",,2,1234.50,USD,2026-12-04T10:00:00.000Z,,');
    expect(lines[2]).toBe("");
  });

  it("neutralises cells a spreadsheet would run as formulas", () => {
    const [, line] = orderCsv([
      order({ customer: { code: "@C", name: "=HYPERLINK(\"http://x\")" }, customerReference: "+1-555" }),
    ]).split("\r\n");
    expect(line).toContain(`'@C,"'=HYPERLINK(""http://x"")",'+1-555`);
    const [, minus] = orderCsv([order({ customerReference: "-2+3" })]).split("\r\n");
    expect(minus).toContain(",'-2+3,");
  });

  it("names the file after the list and the day", () => {
    expect(orderCsvFileName("quote", "2026-12-04")).toBe("quotes-2026-12-04.csv");
  });
});
