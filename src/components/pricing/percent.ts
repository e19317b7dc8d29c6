/**
 * "6.625" or "6.625%" → 6.625, or an error: 0–100 with at most `decimals` decimals (tax rates are stored
 * in parts per million, so 4 decimals of a percent; override limits in basis points, so 2).
 */
export function parseRate(text: string, decimals = 2): { value: number } | { error: string } {
  const t = text.trim().replace(/%$/, "").trim();
  if (!new RegExp(`^\\d+(\\.\\d{1,${decimals}})?$`).test(t)) return { error: `A percent like ${decimals > 2 ? "6.625" : "7.5"} (at most ${decimals} decimals)` };
  const value = Number(t);
  if (value > 100) return { error: "At most 100%" };
  return { value };
}

/** 6.625 → "6.625%" in the user's locale. */
export const percentText = (n: number) => `${n.toLocaleString(undefined, { maximumFractionDigits: 4 })}%`;
