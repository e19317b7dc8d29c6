import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { entriesFor, type JournalFact } from "./journal-entries";

const amount = fc.integer({ min: 1, max: 10_000_000 });
const fact: fc.Arbitrary<JournalFact> = fc.oneof(
  fc.tuple(amount, fc.integer({ min: 0, max: 1_000 }), fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 50_000 }), fc.boolean()).map(([subtotal, discount, tax, shipping, isVoid]) => {
    const discountTotal = Math.min(discount, subtotal);
    return { kind: isVoid ? "invoice_void" : "invoice", date: "2026-11-02", document: "INV-200001", subtotal, discountTotal, taxTotal: tax, shippingTotal: shipping, total: subtotal - discountTotal + tax + shipping } as const;
  }),
  fc.tuple(amount, fc.integer({ min: 0, max: 100_000 })).map(([subtotal, tax]) => ({ kind: "credit_note", date: "2026-11-02", document: "CN-300001", subtotal, taxTotal: tax, total: subtotal + tax }) as const),
  amount.map((a) => ({ kind: "payment", date: "2026-11-02", document: "payment", amount: a }) as const),
  amount.map((a) => ({ kind: "allocation", date: "2026-11-02", document: "INV-200001", amount: a, source: "Cheque 1" }) as const),
  amount.map((a) => ({ kind: "allocation_reversal", date: "2026-11-02", document: "INV-200001", amount: a, source: "Cheque 1" }) as const),
  amount.map((a) => ({ kind: "refund", date: "2026-11-02", document: "refund", amount: a }) as const),
);

describe("journal entries", () => {
  it("balance for every document", () => {
    fc.assert(
      fc.property(fact, (f) => {
        const entries = entriesFor(f);
        expect(entries.length).toBeGreaterThanOrEqual(2);
        expect(entries.reduce((s, e) => s + e.debit - e.credit, 0)).toBe(0);
        for (const e of entries) expect(e.debit >= 0 && e.credit >= 0).toBe(true);
      }),
    );
  });

  it("books an invoice to receivables, revenue net of discounts, tax and freight", () => {
    const entries = entriesFor({ kind: "invoice", date: "2026-11-02", document: "INV-200001", subtotal: 10_000, discountTotal: 500, taxTotal: 784, shippingTotal: 1_500, total: 11_784 });
    expect(entries.map((e) => [e.account, e.debit, e.credit])).toEqual([
      ["receivables", 11_784, 0],
      ["revenue", 0, 9_500],
      ["taxPayable", 0, 784],
      ["freight", 0, 1_500],
    ]);
  });

  it("moves customer money through customer credit", () => {
    expect(entriesFor({ kind: "payment", date: "d", document: "p", amount: 100 }).map((e) => e.account)).toEqual(["cash", "customerCredit"]);
    expect(entriesFor({ kind: "allocation", date: "d", document: "i", amount: 100, source: "x" }).map((e) => [e.account, e.debit])).toEqual([
      ["customerCredit", 100],
      ["receivables", 0],
    ]);
  });
});
