import type { Role } from "../../auth/roles";

/**
 * Orchestration policies as data: the route an order takes through reserve, pick, pack, ship, invoice and
 * payment, each step with an expected duration and the role that owns it. Pure: no database here — the
 * tables keep versions of these, orders keep the version they started with.
 */
export const STEP_KINDS = ["vendor_po", "vendor_ships", "reserve", "pick", "pack", "ship", "collect", "invoice", "paid"] as const;
export type StepKind = (typeof STEP_KINDS)[number];

export const STEP_LABELS: Record<StepKind, string> = {
  vendor_po: "Purchase order to vendor",
  vendor_ships: "Vendor ships",
  reserve: "Reserve",
  pick: "Pick",
  pack: "Pack",
  ship: "Ship",
  collect: "Customer collects",
  invoice: "Invoice",
  paid: "Paid",
};

/** Hours run on the clock; business days skip Saturdays and Sundays in the company's time zone. */
export const DURATION_UNITS = ["hours", "business_days"] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];
export type Duration = { amount: number; unit: DurationUnit };

export type PolicyStep = { kind: StepKind; duration: Duration; owner: Role };
export type Policy = { code: string; name: string; steps: PolicyStep[] };

const hours = (amount: number): Duration => ({ amount, unit: "hours" });
const businessDays = (amount: number): Duration => ({ amount, unit: "business_days" });

/** Reserve → pick → pack → ship, as Standard and Prepaid both run them. */
const WAREHOUSE_STEPS: PolicyStep[] = [
  { kind: "reserve", duration: hours(1), owner: "rep" },
  { kind: "pick", duration: hours(8), owner: "warehouse" },
  { kind: "pack", duration: hours(4), owner: "warehouse" },
  { kind: "ship", duration: hours(8), owner: "warehouse" },
];

/** The four policies every installation starts with; admins edit, copy and version them. */
export const DEFAULT_POLICIES: Policy[] = [
  {
    code: "STANDARD",
    name: "Standard",
    steps: [...WAREHOUSE_STEPS, { kind: "invoice", duration: hours(1), owner: "finance" }, { kind: "paid", duration: businessDays(30), owner: "finance" }],
  },
  {
    code: "PREPAID",
    name: "Prepaid",
    steps: [
      { kind: "invoice", duration: hours(1), owner: "finance" },
      { kind: "paid", duration: businessDays(3), owner: "finance" },
      ...WAREHOUSE_STEPS,
    ],
  },
  {
    code: "DROP_SHIP",
    name: "Drop-ship",
    steps: [
      { kind: "vendor_po", duration: hours(4), owner: "manager" },
      { kind: "vendor_ships", duration: businessDays(5), owner: "manager" },
      { kind: "invoice", duration: hours(1), owner: "finance" },
    ],
  },
  {
    code: "WILL_CALL",
    name: "Will-call",
    steps: [
      { kind: "reserve", duration: hours(1), owner: "rep" },
      { kind: "pick", duration: hours(8), owner: "warehouse" },
      { kind: "collect", duration: businessDays(5), owner: "rep" },
      { kind: "invoice", duration: hours(1), owner: "finance" },
    ],
  },
];

/** Steps after which the goods are on their way to the customer: transit days count from here. */
export const LEAVES_WAREHOUSE: readonly StepKind[] = ["ship", "vendor_ships"];

/** What a policy's steps must satisfy, as messages naming the step (empty when valid). */
export function policyProblems(steps: PolicyStep[]): string[] {
  const problems: string[] = [];
  if (steps.length === 0) problems.push("A policy needs at least one step.");
  const seen = new Set<StepKind>();
  steps.forEach((step, i) => {
    const where = `Step ${i + 1} (${STEP_LABELS[step.kind]})`;
    if (seen.has(step.kind)) problems.push(`${where} appears twice.`);
    seen.add(step.kind);
    if (!Number.isFinite(step.duration.amount) || step.duration.amount < 0) problems.push(`${where} needs a duration of 0 or more.`);
  });
  const at = (kind: StepKind) => steps.findIndex((s) => s.kind === kind);
  const order = ["reserve", "pick", "pack", "ship"] as const;
  for (let i = 1; i < order.length; i++) {
    const before = at(order[i - 1]!);
    const after = at(order[i]!);
    if (before >= 0 && after >= 0 && after < before) problems.push(`${STEP_LABELS[order[i]!]} cannot come before ${STEP_LABELS[order[i - 1]!]}.`);
  }
  if (at("pick") >= 0 && at("reserve") < 0) problems.push("Pick needs a Reserve step before it.");
  if (at("vendor_ships") >= 0 && at("vendor_po") < 0) problems.push("Vendor ships needs a Purchase order to vendor step before it.");
  if (at("paid") >= 0 && at("invoice") > at("paid")) problems.push("Paid cannot come before Invoice.");
  return problems;
}
