import { describe, expect, it } from "vitest";
import { ROLES } from "../auth/roles";
import { ORDER_STATUSES } from "./constants";
import { assertEditable, assertTransition, ORDER_TRANSITIONS } from "./state-machine";

describe("order state machine", () => {
  it("allows exactly the transitions of the table to whoever it names, and refuses every other pair with a 409", () => {
    for (const from of ORDER_STATUSES) {
      for (const to of ORDER_STATUSES) {
        const transition = ORDER_TRANSITIONS.find((t) => t.from === from && t.to === to);
        if (transition) for (const by of transition.by) expect(() => assertTransition(from, to, by)).not.toThrow();
        else expect(() => assertTransition(from, to, "system")).toThrow(expect.objectContaining({ kind: "conflict", code: "ILLEGAL_TRANSITION" }));
      }
    }
  });

  it("lets the system do only what the table gives it: it opens a held order, but never submits or cancels one", () => {
    expect(() => assertTransition("on_hold", "open", "system")).not.toThrow();
    expect(() => assertTransition("draft", "submitted", "system")).toThrow(expect.objectContaining({ code: "ILLEGAL_TRANSITION" }));
    expect(() => assertTransition("open", "canceled", "system")).toThrow(expect.objectContaining({ code: "ILLEGAL_TRANSITION" }));
  });

  it("lets only managers and admins release a hold", () => {
    for (const role of ROLES) {
      const call = () => assertTransition("on_hold", "open", role);
      if (role === "manager" || role === "admin") expect(call).not.toThrow();
      else expect(call).toThrow(expect.objectContaining({ kind: "forbidden" }));
    }
  });

  it("keeps system transitions away from people", () => {
    expect(() => assertTransition("submitted", "open", "rep")).toThrow(expect.objectContaining({ kind: "forbidden" }));
    expect(() => assertTransition("open", "completed", "admin")).toThrow(expect.objectContaining({ kind: "forbidden" }));
  });

  it("says in words what cannot happen", () => {
    expect(() => assertTransition("canceled", "canceled", "rep")).toThrow("Cannot cancel a canceled order.");
    expect(() => assertTransition("completed", "canceled", "manager")).toThrow("Cannot cancel a completed order.");
  });

  it("allows edits only before an order ends", () => {
    expect(() => assertEditable("open")).not.toThrow();
    expect(() => assertEditable("on_hold")).not.toThrow();
    expect(() => assertEditable("canceled")).toThrow(expect.objectContaining({ code: "ORDER_NOT_EDITABLE" }));
    expect(() => assertEditable("completed")).toThrow(expect.objectContaining({ code: "ORDER_NOT_EDITABLE" }));
  });
});
