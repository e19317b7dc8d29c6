/** "7.25" or "7.25%" → 7.25, or an error: 0–100 with at most two decimals (stored in basis points). */
export function parseRate(text: string): { value: number } | { error: string } {
  const t = text.trim().replace(/%$/, "").trim();
  if (!/^\d+(\.\d{1,2})?$/.test(t)) return { error: "A percent like 7.25 (at most two decimals)" };
  const value = Number(t);
  if (value > 100) return { error: "At most 100%" };
  return { value };
}

/** 7.25 → "7.25%" in the user's locale. */
export const percentText = (n: number) => `${n.toLocaleString(undefined, { maximumFractionDigits: 2 })}%`;
