import type { DbOrTx } from "../db";
import type { ReferenceKind } from "./constants";
import { readReferenceValues } from "./queries";
import type { TReferenceValue } from "./schemas";

/** A list's values, archived ones included (records still show them), by name. */
export async function listReferenceValues(options: { db: DbOrTx; kind: ReferenceKind }): Promise<TReferenceValue[]> {
  return readReferenceValues(options.db, options.kind);
}
