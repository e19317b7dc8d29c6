import type { ReferenceKind } from "./constants";

/** The audit trail's entity type of each list's values. */
export const AUDIT_ENTITY: Record<ReferenceKind, string> = { segments: "segment", "tax-categories": "tax_category", units: "unit" };
