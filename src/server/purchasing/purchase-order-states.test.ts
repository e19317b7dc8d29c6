import { describe, expect, it } from "vitest";
import { ROLES } from "../auth/roles";
import { PURCHASE_ORDER_STATUSES } from "./constants";
import {
  assertPurchaseOrderEditable,
  assertPurchaseOrderTransition,
  PURCHASE_ORDER_TRANSITIONS,
  remainingInbound,
  statusAfterReceipt,
} from "./purchase-order-states";

describe("purchase order state machine", () => {
  it("allows exactly the transitions of the table, and refuses every other pair with a 409", () => {
    for (const from of PURCHASE_ORDER_STATUSES) {
      for (const to of PURCHASE_ORDER_STATUSES) {
        const transition = PURCHASE_ORDER_TRANSITIONS.find((t) => t.from === from && t.to === to);
        const call = () => assertPurchaseOrderTransition(from, to, transition?.by === "receiving" ? "receiving" : "admin");
        if (transition) expect(call).not.toThrow();
        else expect(call).toThrow(expect.objectContaining({ kind: "conflict", code: "ILLEGAL_TRANSITION" }));
      }
    }
  });

  it("follows draft → sent → partially received → received, with close and cancel as the only exits", () => {
    const next = (from: string) => PURCHASE_ORDER_TRANSITIONS.filter((t) => t.from === from).map((t) => t.to).sort();
    expect(next("draft")).toEqual(["canceled", "sent"]);
    expect(next("sent")).toEqual(["canceled", "closed", "partially_received", "received"]);
    expect(next("partially_received")).toEqual(["closed", "partially_received", "received"]);
    expect(next("received")).toEqual([]);
    expect(next("closed")).toEqual([]);
    expect(next("canceled")).toEqual([]);
  });

  it("lets only managers and admins send, close and cancel", () => {
    for (const role of ROLES) {
      for (const [from, to] of [["draft", "sent"], ["sent", "closed"], ["partially_received", "closed"], ["draft", "canceled"]] as const) {
        const call = () => assertPurchaseOrderTransition(from, to, role);
        if (role === "manager" || role === "admin") expect(call).not.toThrow();
        else expect(call).toThrow(expect.objectContaining({ kind: "forbidden", code: "TRANSITION_NOT_ALLOWED" }));
      }
    }
  });

  it("reaches received only by receiving, never by a direct status change", () => {
    expect(() => assertPurchaseOrderTransition("sent", "received", "receiving")).not.toThrow();
    expect(() => assertPurchaseOrderTransition("sent", "received", "admin")).toThrow(expect.objectContaining({ kind: "forbidden" }));
    expect(() => assertPurchaseOrderTransition("draft", "sent", "receiving")).toThrow(expect.objectContaining({ kind: "forbidden" }));
  });

  it("says in words what cannot happen", () => {
    expect(() => assertPurchaseOrderTransition("received", "canceled", "manager")).toThrow("Cannot cancel a received purchase order.");
    expect(() => assertPurchaseOrderTransition("draft", "received", "receiving")).toThrow("Cannot receive into a draft purchase order.");
    expect(() => assertPurchaseOrderTransition("sent", "sent", "manager")).toThrow("Cannot send a sent purchase order.");
  });

  it("edits drafts only", () => {
    expect(() => assertPurchaseOrderEditable("draft")).not.toThrow();
    for (const status of PURCHASE_ORDER_STATUSES.filter((s) => s !== "draft")) {
      expect(() => assertPurchaseOrderEditable(status)).toThrow(expect.objectContaining({ kind: "conflict", code: "PURCHASE_ORDER_NOT_EDITABLE" }));
    }
  });

  it("is received when every line is complete, else partially received", () => {
    expect(statusAfterReceipt([{ quantity: 10, received: 10 }, { quantity: 5, received: 5 }])).toBe("received");
    expect(statusAfterReceipt([{ quantity: 10, received: 10 }, { quantity: 5, received: 0 }])).toBe("partially_received");
    expect(statusAfterReceipt([{ quantity: 10, received: 3 }])).toBe("partially_received");
  });

  it("counts as inbound only what sent or partially received orders still expect", () => {
    const line = { quantity: 10, received: 4 };
    expect(remainingInbound("sent", line)).toBe(6);
    expect(remainingInbound("partially_received", line)).toBe(6);
    expect(remainingInbound("closed", line)).toBe(0);
    expect(remainingInbound("draft", line)).toBe(0);
    expect(remainingInbound("canceled", line)).toBe(0);
  });
});
