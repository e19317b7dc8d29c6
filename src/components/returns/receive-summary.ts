import type { TReturn } from "~/server/billing/schemas";

/** "Restock 3 × SKU to EAST, scrap 1 × SKU": what receiving does, per disposition. */
export function receiveSummary(rma: Pick<TReturn, "lines">): string {
  const restock = rma.lines.filter((l) => l.disposition === "restock").map((l) => `${l.quantity} × ${l.sku} to ${l.warehouse}`);
  const scrap = rma.lines.filter((l) => l.disposition === "scrap").map((l) => `${l.quantity} × ${l.sku}`);
  const parts = [restock.length > 0 ? `Restock ${restock.join(", ")}` : null, scrap.length > 0 ? `${restock.length > 0 ? "scrap" : "Scrap"} ${scrap.join(", ")}` : null];
  return parts.filter(Boolean).join("; ");
}
