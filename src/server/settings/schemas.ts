import { z } from "zod";
import { REFERENCE_KINDS } from "./constants";

export const ZReferenceKind = z.enum(REFERENCE_KINDS);

/** A new value's code: what records store and other systems send, so short and plain. */
export const ZNewReferenceCode = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "Code is required")
  .max(40, "Code is at most 40 characters")
  .regex(/^[a-z0-9][a-z0-9_-]*$/, "Code may contain letters, digits, '_' and '-'");

/**
 * A field of another module that names a value of a list (a customer's segment, a product's unit): any
 * text here; the use case resolves it against the list (`resolveActiveCode`), so an unknown or archived
 * code is a 400 naming the field, and a unit alias becomes the unit's code.
 */
export const referenceCodeField = (noun: string) => z.string().trim().min(1, `Choose a ${noun}`).max(40, `A ${noun} code is at most 40 characters`);

const ZName = z.string().trim().min(1, "Name is required").max(80, "Name is at most 80 characters");
const ZAlias = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9]{1,10}$/, "An alias is 1 to 10 letters or digits, e.g. EA or KGM");
const ZAliases = z.array(ZAlias).max(20, "At most 20 aliases");

export const ZAddReferenceValueInput = z.object({
  kind: ZReferenceKind,
  code: ZNewReferenceCode,
  name: ZName,
  /** Units only: other systems' codes for it (UN/ECE Rec 20, e.g. EA, KGM). */
  aliases: ZAliases.optional(),
});
export type TAddReferenceValueInput = z.infer<typeof ZAddReferenceValueInput>;

export const ZReferenceValueKey = z.object({ kind: ZReferenceKind, code: z.string().trim().min(1).max(40) });
export type TReferenceValueKey = z.infer<typeof ZReferenceValueKey>;

export const ZUpdateReferenceValueInput = ZReferenceValueKey.extend({
  name: ZName.optional(),
  aliases: ZAliases.optional(),
  /** The version it was read at: a stale one is 409 STALE_VERSION. */
  version: z.number().int().positive().optional(),
});
export type TUpdateReferenceValueInput = z.infer<typeof ZUpdateReferenceValueInput>;

export const ZArchiveReferenceValueInput = ZReferenceValueKey.extend({ version: z.number().int().positive().optional() });
export type TArchiveReferenceValueInput = z.infer<typeof ZArchiveReferenceValueInput>;

export const ZReferenceValue = z.object({
  code: z.string(),
  name: z.string(),
  /** Units' aliases, upper case; [] for the other lists. */
  aliases: z.array(z.string()),
  isArchived: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type TReferenceValue = z.infer<typeof ZReferenceValue>;

export const ZListReferenceValuesInput = z.object({ kind: ZReferenceKind });
