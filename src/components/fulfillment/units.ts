/**
 * Package measures as people type them and as the API takes them: weight in kg or g → whole grams,
 * lengths in cm → whole millimetres. Decimal commas are accepted ("1,5" kg).
 */
export type WeightUnit = "kg" | "g";

function parseDecimal(text: string): number | null {
  const t = text.trim().replace(",", ".");
  if (!/^\d+(\.\d+)?$/.test(t)) return null;
  return Number(t);
}

/** "1.25" kg → 1250; "300" g → 300. Null for anything that is not a positive amount. */
export function toGrams(text: string, unit: WeightUnit): number | null {
  const value = parseDecimal(text);
  if (value === null) return null;
  const grams = Math.round(unit === "kg" ? value * 1000 : value);
  return grams > 0 ? grams : null;
}

/** "30.5" cm → 305 mm; empty → undefined (dimensions are optional); null when it is not a positive length. */
export function toMillimetres(text: string): number | null | undefined {
  if (text.trim() === "") return undefined;
  const value = parseDecimal(text);
  if (value === null) return null;
  const mm = Math.round(value * 10);
  return mm > 0 ? mm : null;
}

/** 1250 → "1.25 kg"; 300 → "300 g". */
export function formatWeight(grams: number): string {
  if (grams < 1000) return `${grams} g`;
  return `${(grams / 1000).toLocaleString("en-US", { maximumFractionDigits: 3 })} kg`;
}

/** 305 × 200 × 150 mm → "30.5 × 20 × 15 cm"; null when any side is missing. */
export function formatDimensions(lengthMm: number | null, widthMm: number | null, heightMm: number | null): string | null {
  if (lengthMm === null || widthMm === null || heightMm === null) return null;
  const cm = (mm: number) => (mm / 10).toLocaleString("en-US", { maximumFractionDigits: 1 });
  return `${cm(lengthMm)} × ${cm(widthMm)} × ${cm(heightMm)} cm`;
}
