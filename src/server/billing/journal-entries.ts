import type { JournalAccount } from "./constants";

/**
 * The accounting of each billing document, pure: every document's entries balance (debits = credits).
 * Customer money passes through `customerCredit`: a payment or credit note first becomes credit, and
 * applying it to an invoice moves it onto receivables — so unapplied money is always visible as a liability.
 */
export type JournalFact =
  | { kind: "invoice"; date: string; document: string; subtotal: number; discountTotal: number; taxTotal: number; shippingTotal: number; total: number }
  | { kind: "invoice_void"; date: string; document: string; subtotal: number; discountTotal: number; taxTotal: number; shippingTotal: number; total: number }
  | { kind: "credit_note"; date: string; document: string; subtotal: number; taxTotal: number; total: number }
  | { kind: "payment"; date: string; document: string; amount: number }
  | { kind: "allocation"; date: string; document: string; amount: number; source: string }
  | { kind: "allocation_reversal"; date: string; document: string; amount: number; source: string }
  | { kind: "refund"; date: string; document: string; amount: number };

export type Entry = { date: string; document: string; description: string; account: JournalAccount; debit: number; credit: number };

export function entriesFor(fact: JournalFact): Entry[] {
  const line = (account: JournalAccount, debit: number, credit: number, description: string): Entry => ({ date: fact.date, document: fact.document, description, account, debit, credit });
  const nonZero = (e: Entry) => e.debit !== 0 || e.credit !== 0;
  switch (fact.kind) {
    case "invoice":
      return [
        line("receivables", fact.total, 0, "Invoice issued"),
        line("revenue", 0, fact.subtotal - fact.discountTotal, "Invoice issued"),
        line("taxPayable", 0, fact.taxTotal, "Invoice issued"),
        line("freight", 0, fact.shippingTotal, "Invoice issued"),
      ].filter(nonZero);
    case "invoice_void":
      return [
        line("receivables", 0, fact.total, "Invoice voided"),
        line("revenue", fact.subtotal - fact.discountTotal, 0, "Invoice voided"),
        line("taxPayable", fact.taxTotal, 0, "Invoice voided"),
        line("freight", fact.shippingTotal, 0, "Invoice voided"),
      ].filter(nonZero);
    case "credit_note":
      return [
        line("returns", fact.subtotal, 0, "Credit note issued"),
        line("taxPayable", fact.taxTotal, 0, "Credit note issued"),
        line("customerCredit", 0, fact.total, "Credit note issued"),
      ].filter(nonZero);
    case "payment":
      return [line("cash", fact.amount, 0, "Payment received"), line("customerCredit", 0, fact.amount, "Payment received")];
    case "allocation":
      return [line("customerCredit", fact.amount, 0, `${fact.source} applied`), line("receivables", 0, fact.amount, `${fact.source} applied`)];
    case "allocation_reversal":
      return [line("receivables", fact.amount, 0, `${fact.source} taken back`), line("customerCredit", 0, fact.amount, `${fact.source} taken back`)];
    case "refund":
      return [line("customerCredit", fact.amount, 0, "Refund paid"), line("cash", 0, fact.amount, "Refund paid")];
  }
}
