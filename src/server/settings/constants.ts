/** The lists admins keep under Admin → Settings; the value is also the REST path (`/settings/{kind}`). */
export const REFERENCE_KINDS = ["segments", "tax-categories", "units"] as const;
export type ReferenceKind = (typeof REFERENCE_KINDS)[number];

/** How one value of each list is called in messages ("no active segment with code 'xyz'") and on the page. */
export const REFERENCE_KIND_NOUNS: Record<ReferenceKind, { one: string; many: string }> = {
  segments: { one: "segment", many: "Segments" },
  "tax-categories": { one: "tax category", many: "Tax categories" },
  units: { one: "unit", many: "Units" },
};

/** Only units have aliases (other systems' codes for them). */
export const hasAliases = (kind: ReferenceKind) => kind === "units";
