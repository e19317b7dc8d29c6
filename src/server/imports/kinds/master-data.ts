import type { Tx } from "../../db";
import { refusalOf, type RowOutcome } from "./kind";

/**
 * Master data rows one by one, each through its create use case in a savepoint: a code that exists already is
 * skipped (an import creates, it does not overwrite), a refusal fails that row only.
 */
export async function createUnlessExists<T>(
  tx: Tx,
  rows: { value: T }[],
  options: { keyOf: (value: T) => string; existing: (tx: Tx, keys: string[]) => Promise<string[]>; noun: string; create: (tx: Tx, value: T) => Promise<unknown> },
): Promise<RowOutcome[][]> {
  const there = new Set(await options.existing(tx, rows.map((r) => options.keyOf(r.value))));
  const outcomes: RowOutcome[][] = [];
  for (const { value } of rows) {
    const key = options.keyOf(value);
    if (there.has(key)) {
      outcomes.push([{ status: "skipped", message: `${options.noun} ${key} exists already: left as it is`, result: key }]);
      continue;
    }
    try {
      await tx.transaction((sp) => options.create(sp, value));
      there.add(key);
      outcomes.push([{ status: "imported", result: key }]);
    } catch (error) {
      outcomes.push([{ status: "failed", message: refusalOf(error) }]);
    }
  }
  return outcomes;
}
