/**
 * Parses the "assign SKUs" box: one SKU per line (or separated by commas/spaces), optionally with the
 * vendor's own part number after "=": `BLT-10234 = MFS-88123`.
 */
export type SkuEntry = string | { sku: string; vendorSku: string };

const SKU = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$/;

export function parseSkuList(text: string): { entries: SkuEntry[]; errors: string[] } {
  const entries: SkuEntry[] = [];
  const errors: string[] = [];
  const seen = new Set<string>();
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (!line) continue;
    const pairs = line.includes("=") ? [line] : line.split(/[,;\s]+/);
    for (const pair of pairs) {
      const [skuText = "", vendorText] = pair.split("=").map((p) => p.trim());
      if (!skuText) continue;
      if (!SKU.test(skuText)) {
        errors.push(`"${skuText}" is not a SKU`);
        continue;
      }
      if (seen.has(skuText)) continue;
      seen.add(skuText);
      entries.push(vendorText ? { sku: skuText, vendorSku: vendorText.slice(0, 64) } : skuText);
    }
  }
  return { entries, errors };
}
