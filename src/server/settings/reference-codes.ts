/** A value of a reference list as the resolver needs it. */
export type ReferenceEntry = { code: string; isArchived: boolean; aliases: readonly string[] };

/** Codes are lower case (`each`, `wholesale`); aliases upper case (`EA`, `KGM`), as EDI writes them. */
export const normalizeCode = (text: string) => text.trim().toLowerCase();
export const normalizeAlias = (text: string) => text.trim().toUpperCase();

/**
 * The value a code or alias sent by a person or another system stands for: its own code in any case
 * ("Each", "each"), else one of its aliases ("EA", "ea", "KGM"). A code wins over an alias.
 */
export function findReferenceEntry<T extends ReferenceEntry>(entries: readonly T[], text: string): T | undefined {
  const code = normalizeCode(text);
  const alias = normalizeAlias(text);
  return entries.find((e) => e.code === code) ?? entries.find((e) => e.aliases.includes(alias));
}

/** How a code shows on a page: its value's name ("Wholesale"), "(archived)" added when it is; the code itself when unknown. */
export function referenceNameOf(values: readonly { code: string; name: string; isArchived: boolean }[], code: string): string {
  const value = values.find((v) => v.code === code);
  return value ? `${value.name}${value.isArchived ? " (archived)" : ""}` : code;
}
