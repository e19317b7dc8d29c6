import { renderToBuffer } from "@react-pdf/renderer";
import { describe, expect, it } from "vitest";
import type { TOrder } from "~/server/orders/schemas";
import { OrderPdf } from "./order-pdf";

const quote: TOrder = {
  number: "QT-500123",
  kind: "quote",
  status: "draft",
  fulfillmentStatus: "unfulfilled",
  billingStatus: "unbilled",
  customer: "ACME",
  customerName: "Acme Industrial",
  channel: "email",
  customerReference: "RFQ-77",
  currency: "USD",
  subtotal: 19990,
  discountTotal: 0,
  taxTotal: 0,
  shippingTotal: 0,
  total: 19990,
  shipTo: { line1: "1 Main St", city: "Newark", region: "NJ", postalCode: "07102", country: "US" },
  billTo: null,
  requestedDate: null,
  promisedDate: null,
  autoPlan: false,
  validUntil: "2026-12-21",
  notes: "Delivery to dock 4",
  version: 1,
  createdBy: "Riley Rep",
  assignedTo: null,
  createdAt: "2026-11-21T10:00:00.000Z",
  submittedAt: null,
  canceledReason: null,
  convertedFrom: null,
  convertedTo: null,
  lines: [
    {
      lineNo: 1,
      sku: "BOLT-M8",
      productName: "Hex bolt M8",
      quantity: 10,
      unitPrice: 1999,
      discount: 0,
      tax: 0,
      lineTotal: 19990,
      reserved: 0,
      shipped: 0,
      invoiced: 0,
      returned: 0,
      backordered: 0,
      warehouse: null,
      allocations: [],
      overrideReason: null,
      manualPrice: null,
      priceExplanation: [],
    },
  ],
  exceptions: [],
};

describe("OrderPdf", () => {
  it("renders a quote as a PDF document", async () => {
    const pdf = await renderToBuffer(<OrderPdf order={quote} />);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.length).toBeGreaterThan(1500);
  });
});
