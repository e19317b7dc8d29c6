/**
 * Where a request's input holds a NUL character (U+0000), as a field path like `lines.2.sku` ("" for the
 * input itself), or null. PostgreSQL text cannot store it, so such input is refused up front naming the field
 * instead of failing in the database.
 */
export function nulBytePath(value: unknown, path: string[] = [], depth = 0): string | null {
  if (typeof value === "string") return value.includes("\u0000") ? path.join(".") : null;
  if (value === null || typeof value !== "object" || depth > 64) return null;
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  for (const [key, child] of entries) {
    if (key.includes("\u0000")) return [...path, key.replaceAll("\u0000", "\\u0000")].join(".");
    const found = nulBytePath(child, [...path, key], depth + 1);
    if (found !== null) return found;
  }
  return null;
}
