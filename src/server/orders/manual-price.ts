/**
 * The manual unit price of a line, read from its price explanation (the `override` step), or null. A line's
 * `unitPrice` is the engine's price and the override lives in its discount, so keeping a manual price through an
 * edit must send this one back, not `unitPrice`. Pure: the desk's edit form uses it too.
 */
export function manualPriceOf(explanation: unknown): number | null {
  if (!Array.isArray(explanation)) return null;
  const step = explanation.find((s): s is { step: string; unitPrice: number } => !!s && typeof s === "object" && (s as { step?: unknown }).step === "override");
  return step && typeof step.unitPrice === "number" ? step.unitPrice : null;
}

/** A line of an order as the edit input that keeps it as it is (its manual price and reason included). */
export function keptLine(line: { sku: string; quantity: number; overrideReason: string | null; manualPrice: number | null }) {
  return line.overrideReason && line.manualPrice !== null
    ? { sku: line.sku, quantity: line.quantity, unitPrice: line.manualPrice, overrideReason: line.overrideReason }
    : { sku: line.sku, quantity: line.quantity };
}
