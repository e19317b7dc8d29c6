/** Why a piece of text cannot be stored: PostgreSQL text holds neither NUL nor half of a UTF-16 surrogate pair. */
export type TextProblem = { path: string; problem: string };

const NUL = "contains a NUL character (\\u0000), which text cannot hold";
const LONE_SURROGATE = "contains a lone UTF-16 surrogate (half of a character), which is not valid Unicode text";

function problemOf(text: string): string | null {
  if (text.includes("\u0000")) return NUL;
  if (!text.isWellFormed()) return LONE_SURROGATE;
  return null;
}

/** A key as it can be shown in a field path (and in a JSON answer): NULs and lone surrogates escaped. */
const printable = (key: string) => key.replaceAll("\u0000", "\\u0000").toWellFormed();

/**
 * The first text in a request's input that the database cannot store, as its field path (`lines.2.sku`, ""
 * for the input itself) and why, or null. Such input is refused up front with a 400 naming the field instead
 * of failing in the database (a 500) or being silently changed by the driver (a lone surrogate becomes U+FFFD).
 */
export function unstorableText(value: unknown, path: string[] = [], depth = 0): TextProblem | null {
  if (typeof value === "string") {
    const problem = problemOf(value);
    return problem ? { path: path.join("."), problem } : null;
  }
  if (value === null || typeof value !== "object" || depth > 64) return null;
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  for (const [key, child] of entries) {
    const keyProblem = problemOf(key);
    if (keyProblem) return { path: [...path, printable(key)].join("."), problem: `the field name ${keyProblem}` };
    const found = unstorableText(child, [...path, key], depth + 1);
    if (found) return found;
  }
  return null;
}
