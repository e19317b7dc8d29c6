import type { DbOrTx } from "../db";
import { AppError } from "../errors";
import { REFERENCE_KIND_NOUNS, type ReferenceKind } from "./constants";
import { readReferenceValues } from "./queries";
import { findReferenceEntry } from "./reference-codes";

/**
 * The code a record may store for what the input names (a segment, a tax category, a unit or one of its
 * aliases): an active value of the admin's list. Unknown or archived is a 400 naming the field
 * ("segment: no active segment with code 'xyz'"), before the database's foreign key could refuse it.
 * `current` is what the record being edited holds already (or the codes it could hold: a place's tax
 * rates): an archived value stays valid there.
 */
export async function resolveActiveCode(
  db: DbOrTx,
  kind: ReferenceKind,
  input: string,
  field: string,
  options: { current?: string | readonly string[] | null } = {},
): Promise<string> {
  const current = typeof options.current === "string" ? [options.current] : (options.current ?? []);
  return (await resolveActiveCodes(db, kind, [input], () => field, { current }))[0]!;
}

/** The same for several (a policy rule's segments): `fieldOf(i)` names each one's field. */
export async function resolveActiveCodes(
  db: DbOrTx,
  kind: ReferenceKind,
  inputs: readonly string[],
  fieldOf: (index: number) => string,
  options: { current?: readonly string[] } = {},
): Promise<string[]> {
  if (inputs.length === 0) return [];
  const values = await readReferenceValues(db, kind);
  return inputs.map((input, i) => {
    const found = findReferenceEntry(values, input);
    if (found && (!found.isArchived || options.current?.includes(found.code))) return found.code;
    const noun = REFERENCE_KIND_NOUNS[kind].one;
    throw AppError.invalidField(fieldOf(i), `no active ${noun} with code '${input.trim()}'${found ? " (it is archived)" : ""}`);
  });
}
