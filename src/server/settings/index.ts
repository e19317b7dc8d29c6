/** What other modules may use of settings: the reference lists their records name. */
export { REFERENCE_KINDS, type ReferenceKind } from "./constants";
export { resolveActiveCode, resolveActiveCodes } from "./resolve-active-code";
export { referenceCodeField } from "./schemas";
export { customerSegments, taxCategories, unitAliases, units } from "./schema";
