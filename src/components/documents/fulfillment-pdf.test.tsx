import { renderToBuffer } from "@react-pdf/renderer";
import { describe, expect, it } from "vitest";
import type { TPickList, TShipment } from "~/server/fulfillment/schemas";
import { PackingSlipPdf } from "./packing-slip-pdf";
import { PickListPdf } from "./pick-list-pdf";

const list: TPickList = {
  id: "00000000-0000-4000-8000-000000000001",
  number: "PL-100001",
  warehouse: "EAST",
  warehouseName: "East Coast DC",
  status: "open",
  createdBy: "Wes Warehouse",
  createdAt: "2026-11-21T10:00:00.000Z",
  completedAt: null,
  shipments: [
    { number: "SH-700001", order: "SO-100001", customerName: "Acme Industrial", status: "picking" },
    { number: "SH-700002", order: "SO-100002", customerName: "Bolt & Co", status: "picking" },
  ],
  picks: [
    {
      bin: "A-01-1",
      sku: "BLT-10315",
      productName: "Hex bolt M8",
      quantity: 7,
      picked: null,
      shipments: [
        { number: "SH-700001", order: "SO-100001", quantity: 4, picked: null },
        { number: "SH-700002", order: "SO-100002", quantity: 3, picked: null },
      ],
    },
    { bin: null, sku: "NUT-200", productName: "Nut M8", quantity: 2, picked: null, shipments: [{ number: "SH-700002", order: "SO-100002", quantity: 2, picked: null }] },
  ],
};

const shipment: TShipment = {
  id: "00000000-0000-4000-8000-000000000002",
  number: "SH-700001",
  order: "SO-100001",
  customer: "C-10001",
  customerName: "Acme Industrial",
  status: "shipped",
  warehouse: "EAST",
  pickList: "PL-100001",
  carrier: { code: "UPS", name: "UPS" },
  service: "Ground",
  trackingNumber: "1Z999AA10123456784",
  trackingUrl: "https://www.ups.com/track?tracknum=1Z999AA10123456784",
  freightCost: 1250,
  currency: "USD",
  units: 4,
  lines: [{ id: "l1", lineNo: 1, sku: "BLT-10315", productName: "Hex bolt M8", bin: "A-01-1", quantity: 4, picked: 4 }],
  packages: [{ packageNo: 1, weightGrams: 1250, lengthMm: 300, widthMm: 200, heightMm: 150, items: [{ sku: "BLT-10315", quantity: 4 }] }],
  plannedBy: "Wes Warehouse",
  createdAt: "2026-11-21T10:00:00.000Z",
  pickedAt: "2026-11-21T11:00:00.000Z",
  packedAt: "2026-11-21T11:30:00.000Z",
  shippedAt: "2026-11-21T12:00:00.000Z",
  shippedBy: "Wes Warehouse",
  deliveredOn: null,
  failureReason: null,
  canceledAt: null,
  canceledReason: null,
  version: 4,
};

const order = {
  number: "SO-100001",
  customer: "C-10001",
  customerName: "Acme Industrial",
  customerReference: "PO-77",
  shipTo: { line1: "1 Main St", city: "Newark", region: "NJ", postalCode: "07102", country: "US" },
};

describe("fulfillment documents", () => {
  it("renders a pick list as a PDF", async () => {
    const pdf = await renderToBuffer(<PickListPdf list={list} />);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.length).toBeGreaterThan(1500);
  });

  it("renders a packing slip, packed or not", async () => {
    const packed = await renderToBuffer(<PackingSlipPdf shipment={shipment} order={order} />);
    expect(packed.subarray(0, 5).toString()).toBe("%PDF-");
    const unpacked = await renderToBuffer(<PackingSlipPdf shipment={{ ...shipment, status: "picked", packages: [], trackingNumber: null }} order={{ ...order, shipTo: null }} />);
    expect(unpacked.subarray(0, 5).toString()).toBe("%PDF-");
  });
});
