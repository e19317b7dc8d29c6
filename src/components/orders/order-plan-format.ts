import type { TOrderPlan } from "~/server/fulfillment/plans/schemas";

/** What `orders.get` adds to an order: its policy and steps, and the rest of its plan (null before submission). */
export type OrderPlanFields = {
  policy: TOrderPlan["policy"] | null;
  steps: TOrderPlan["steps"];
  plan: Omit<TOrderPlan, "policy" | "steps"> | null;
};
export type PlanStep = TOrderPlan["steps"][number];
export type LinePromise = TOrderPlan["lines"][number];

export type PlanHealth = { status: "complete" | "at_risk" | "on_track"; label: string };

/**
 * Where the order stands against its promise: complete (no step left), at risk (a jeopardy, or the projection
 * past the promise), else on track. Pure.
 */
export function planHealth(plan: Pick<TOrderPlan, "current" | "jeopardy" | "promisedDate" | "projectedDate">): PlanHealth {
  if (plan.current === null && !plan.jeopardy) return { status: "complete", label: "Complete" };
  if (plan.jeopardy || plan.projectedDate > plan.promisedDate) return { status: "at_risk", label: "At risk" };
  return { status: "on_track", label: "On track" };
}

/** Whole calendar days from `from` to `to` (YYYY-MM-DD), negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  const ms = Date.parse(`${to.slice(0, 10)}T00:00:00Z`) - Date.parse(`${from.slice(0, 10)}T00:00:00Z`);
  return Math.round(ms / 86_400_000);
}

/** "3 days after the promise", "1 day early", "on the promised day". */
export function projectionVsPromise(promisedDate: string, projectedDate: string): string {
  const days = daysBetween(promisedDate, projectedDate);
  if (days === 0) return "on the promised day";
  const n = Math.abs(days);
  return `${n} day${n === 1 ? "" : "s"} ${days > 0 ? "after the promise" : "early"}`;
}

/** How late a step already is: null when on time, "40 min", "5 h", "2 d 3 h". */
export function formatLateness(hours: number): string | null {
  if (!(hours > 0)) return null;
  if (hours < 1) return `${Math.max(1, Math.round(hours * 60))} min`;
  const whole = Math.round(hours);
  if (whole < 24) return `${whole} h`;
  const days = Math.floor(whole / 24);
  const rest = whole % 24;
  return rest === 0 ? `${days} d` : `${days} d ${rest} h`;
}

/** A policy step's expected duration: "8 h", "1 business day", "30 business days". */
export function formatDuration(duration: PlanStep["duration"]): string {
  if (duration.unit === "hours") return `${duration.amount} h`;
  return `${duration.amount} business day${duration.amount === 1 ? "" : "s"}`;
}

/** How the policy was chosen, as a phrase after its name: "default policy", "chosen by rule 2". */
export function chosenByText(chosenBy: string): string {
  if (/^default$/i.test(chosenBy.trim())) return "default policy";
  const rule = /^rule\s+(\d+)$/i.exec(chosenBy.trim());
  return rule ? `chosen by rule ${rule[1]}` : `chosen by ${chosenBy}`;
}

/** The plan's promise for each order line, by line number (the order's lines carry no id; the plan has both). */
export function promisesByLineNo(lines: readonly LinePromise[] | undefined | null): Map<number, LinePromise> {
  return new Map((lines ?? []).map((l) => [l.lineNo, l]));
}

/** "Stock on hand · 2 days in transit", "Stock due Mar 12 · 3 days in transit" — why a line is promised when it is. */
export function linePromiseBasis(line: Pick<LinePromise, "availableOn" | "transitDays">, today: string, formatDate: (iso: string) => string): string {
  const stock = line.availableOn <= today ? "In stock" : `Stock due ${formatDate(line.availableOn)}`;
  const transit = line.transitDays === 0 ? "no transit" : `${line.transitDays} day${line.transitDays === 1 ? "" : "s"} in transit`;
  return `${stock} · ${transit}`;
}
