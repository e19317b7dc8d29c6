import { AppError } from "../errors";
import type { TransferStatus } from "./constants";

export type TransferLineState = { sku: string; quantity: number; received: number };
export type RequestedReceipt = { sku: string; quantity: number };

/** What is still on its way on a line. */
export const inTransitOf = (line: TransferLineState) => line.quantity - line.received;

/**
 * What a receipt takes in, per line (by index into `lines`), and the transfer's status after it. Without
 * `requested` everything in transit arrives; with it, each SKU named takes its quantity (at most what is
 * in transit on its line) and the rest stays in transit. Pure: errors name the input field.
 */
export function planTransferReceipt(
  lines: TransferLineState[],
  requested?: RequestedReceipt[],
): { receipts: { index: number; quantity: number }[]; status: Extract<TransferStatus, "received" | "partially_received"> } {
  const take = lines.map((line) => (requested ? 0 : inTransitOf(line)));
  if (requested) {
    const named = new Set<string>();
    requested.forEach((r, i) => {
      const index = lines.findIndex((line) => line.sku === r.sku);
      if (index < 0) throw AppError.invalidField(`lines.${i}.sku`, `${r.sku} is not on this transfer`);
      if (named.has(r.sku)) throw AppError.invalidField(`lines.${i}.sku`, `${r.sku} is named twice`);
      named.add(r.sku);
      const open = inTransitOf(lines[index]!);
      if (r.quantity > open) throw AppError.invalidField(`lines.${i}.quantity`, `at most ${open} of ${r.sku} in transit`);
      take[index] = r.quantity;
    });
  }
  const receipts = take.map((quantity, index) => ({ index, quantity })).filter((r) => r.quantity > 0);
  if (receipts.length === 0) throw AppError.invalidField("lines", "Receive at least one unit");
  const complete = lines.every((line, i) => line.received + take[i]! === line.quantity);
  return { receipts, status: complete ? "received" : "partially_received" };
}
