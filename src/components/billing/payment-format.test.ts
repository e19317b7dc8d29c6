import { describe, expect, it } from "vitest";
import { amountText, oldestDueFirst, readAmount, spreadOldestFirst } from "./payment-format";

describe("readAmount", () => {
  it("reads dollars into cents, forgiving separators and a sign", () => {
    expect(readAmount("1,234.50", "USD")).toEqual({ amount: 123450 });
    expect(readAmount(" $99 ", "USD")).toEqual({ amount: 9900 });
    expect(readAmount("0.1", "USD")).toEqual({ amount: 10 });
    expect(readAmount("", "USD")).toEqual({ amount: null });
  });

  it("says what is wrong", () => {
    expect(readAmount("12.345", "USD")).toEqual({ error: "Enter an amount like 12.50 (at most 2 decimals)" });
    expect(readAmount("abc", "USD")).toHaveProperty("error");
    expect(readAmount("-5", "USD")).toEqual({ error: "Cannot be negative" });
    expect(readAmount("10.5", "JPY")).toEqual({ error: "Enter a whole amount like 1500" });
  });

  it("writes amounts back as the text a person types", () => {
    expect(amountText(123450, "USD")).toBe("1234.50");
    expect(amountText(0, "USD")).toBe("");
    expect(amountText(1500, "JPY")).toBe("1500");
  });
});

describe("spreadOldestFirst", () => {
  const invoices = [{ balance: 10_000 }, { balance: 5_000 }, { balance: 2_500 }];

  it("pays each invoice in turn until the money runs out", () => {
    expect(spreadOldestFirst(12_000, invoices)).toEqual({ amounts: [10_000, 2_000, 0], rest: 0 });
  });

  it("leaves what no invoice takes as the rest (customer credit)", () => {
    expect(spreadOldestFirst(20_000, invoices)).toEqual({ amounts: [10_000, 5_000, 2_500], rest: 2_500 });
  });

  it("spreads nothing", () => {
    expect(spreadOldestFirst(0, invoices)).toEqual({ amounts: [0, 0, 0], rest: 0 });
    expect(spreadOldestFirst(500, [])).toEqual({ amounts: [], rest: 500 });
  });
});

describe("oldestDueFirst", () => {
  it("orders by due date, then issue date, then number", () => {
    const rows = [
      { number: "INV-3", dueDate: "2026-02-01", issueDate: "2026-01-02" },
      { number: "INV-2", dueDate: "2026-01-15", issueDate: "2026-01-01" },
      { number: "INV-1", dueDate: "2026-01-15", issueDate: "2026-01-01" },
      { number: "INV-4", dueDate: null, issueDate: null },
    ];
    expect(oldestDueFirst(rows).map((r) => r.number)).toEqual(["INV-1", "INV-2", "INV-3", "INV-4"]);
  });
});
