/** A warehouse that could supply a line: what it has free for this customer right now. */
export type SourcingCandidate = {
  warehouseId: string;
  priority: number;
  /** In the customer's ship-to region: preferred when it can fill the line. */
  inRegion: boolean;
  available: number;
};

export type SourcingPlan = {
  takes: { warehouseId: string; quantity: number }[];
  /** What no warehouse has: backordered. */
  short: number;
  /** Where the line ships from (its largest take), or where its backorder waits when nothing is taken. */
  homeWarehouseId: string | null;
};

const byPreference = (a: SourcingCandidate, b: SourcingCandidate) =>
  Number(b.inRegion) - Number(a.inRegion) || a.priority - b.priority || a.warehouseId.localeCompare(b.warehouseId);

/**
 * Until the fulfillment issue brings orchestration policies: one warehouse that can fill the whole line,
 * the customer's region's first (then by priority); if none can, the one with most available stock; when
 * no single warehouse can, split across warehouses, most available first, and backorder the rest.
 */
export function planSourcing(quantity: number, candidates: SourcingCandidate[]): SourcingPlan {
  if (quantity <= 0) return { takes: [], short: 0, homeWarehouseId: null };
  const canFill = candidates.filter((c) => c.available >= quantity);
  const inRegion = canFill.filter((c) => c.inRegion).sort(byPreference)[0];
  const single = inRegion ?? [...canFill].sort((a, b) => b.available - a.available || byPreference(a, b))[0];
  if (single) return { takes: [{ warehouseId: single.warehouseId, quantity }], short: 0, homeWarehouseId: single.warehouseId };

  const takes: SourcingPlan["takes"] = [];
  let remaining = quantity;
  for (const c of [...candidates].sort((a, b) => b.available - a.available || byPreference(a, b))) {
    if (remaining === 0 || c.available <= 0) break;
    const take = Math.min(c.available, remaining);
    takes.push({ warehouseId: c.warehouseId, quantity: take });
    remaining -= take;
  }
  const home = takes[0]?.warehouseId ?? [...candidates].sort(byPreference)[0]?.warehouseId ?? null;
  return { takes, short: remaining, homeWarehouseId: home };
}
