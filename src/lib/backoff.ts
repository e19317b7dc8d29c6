/**
 * The wait before retrying after the `attempts`-th failure (1-based): `firstMs` doubled each time, capped at
 * `maxMs`. One rule for everything Orderdesk sends out (e-mail, webhooks); each caller decides when to give up.
 */
export function doublingDelayMs(attempts: number, { firstMs, maxMs }: { firstMs: number; maxMs: number }): number {
  const exponent = Math.min(Math.max(Math.floor(attempts) - 1, 0), 30);
  return Math.min(firstMs * 2 ** exponent, maxMs);
}
