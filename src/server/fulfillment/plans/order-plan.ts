import { eq } from "drizzle-orm";
import * as clock from "../../clock";
import type { DbOrTx } from "../../db";
import { lineAvailability } from "../../orders";
import { STEP_LABELS, type PolicyStep } from "../policies/policy";
import { loadPolicy } from "../policies/queries";
import { arrivalDate, handoverStep, projectSteps } from "../policies/schedule";
import { orderPlans } from "../schema";
import { loadOrderFacts } from "./plan-facts";
import { morningOf } from "./plan-order";
import { jeopardyCause, stepProgress, type JeopardyFinding } from "./progress";
import type { TOrderPlan } from "./schemas";

type PlanRow = typeof orderPlans.$inferSelect;

/**
 * Where an order stands on its plan now: each step planned (from the start, no delays) against what happened
 * or the projection at today's pace, the step in progress, the date the customer gets the goods at that pace,
 * and — when that passes the promise — why (see progress.ts). Shared by the order page and the jeopardy job.
 */
export async function projectPlan(db: DbOrTx, order: { id: string; number: string }, plan: PlanRow) {
  const [{ policy, version }, facts, lines] = await Promise.all([
    loadPolicy(db, plan.policyCode, { version: plan.policyVersion }),
    loadOrderFacts(db, order.id),
    lineAvailability(db, order.id),
  ]);
  const now = clock.now();
  const today = clock.today();
  const waitingUntil = lines.reduce<string | null>((latest, l) => (l.availableOn > today && (!latest || l.availableOn > latest) ? l.availableOn : latest), null);
  const projection = projectSteps(version.steps, {
    start: plan.startedAt,
    now,
    progress: stepProgress(facts),
    notBefore: waitingUntil ? { reserve: morningOf(waitingUntil) } : {},
  });
  const transitDays = Math.max(0, ...plan.linePromises.map((l) => l.transitDays));
  const projectedDate = arrivalDate(projection, version.steps, transitDays);
  // Stock was expected by now (the date the plan was promised on) and the lines still wait for it.
  const waitsNow = new Set(lines.filter((l) => l.availableOn > today).map((l) => l.lineId));
  const inboundOverdue = plan.linePromises.some((l) => l.availableOn < today && waitsNow.has(l.lineId));
  // Once the goods have left (or were collected) there is nothing left to hurry: no jeopardy after handover.
  const handover = handoverStep(version.steps);
  const handedOver = projection.steps.some((s) => s.kind === handover && s.state === "done");
  const finding = handedOver ? null : jeopardyCause(projection.steps, { orderNumber: order.number, promisedDate: plan.promisedDate, projectedDate, inboundOverdue });
  return { policy, version, projection, projectedDate, finding };
}

/** The order page's and `GET /orders/{number}`'s plan: null for an order not submitted (or from before plans). */
export async function getOrderPlan(db: DbOrTx, order: { id: string; number: string }): Promise<TOrderPlan | null> {
  const [plan] = await db.select().from(orderPlans).where(eq(orderPlans.orderId, order.id));
  if (!plan) return null;
  const { policy, version, projection, projectedDate, finding } = await projectPlan(db, order, plan);
  return toPlanDto(plan, { name: policy.name, steps: version.steps }, projection, projectedDate, finding);
}

function toPlanDto(
  plan: PlanRow,
  policy: { name: string; steps: PolicyStep[] },
  projection: Awaited<ReturnType<typeof projectPlan>>["projection"],
  projectedDate: string,
  finding: JeopardyFinding | null,
): TOrderPlan {
  return {
    policy: { code: plan.policyCode, name: policy.name, version: plan.policyVersion, chosenBy: plan.chosenBy },
    startedAt: plan.startedAt.toISOString(),
    promisedDate: plan.promisedDate,
    projectedDate,
    current: projection.current,
    jeopardy: finding ? { cause: finding.cause, step: finding.step, owner: finding.owner, reason: finding.reason } : null,
    steps: projection.steps.map((s, i) => ({
      kind: s.kind,
      label: STEP_LABELS[s.kind],
      owner: s.owner,
      duration: policy.steps[i]!.duration,
      plannedEnd: s.plannedEnd.toISOString(),
      end: s.end.toISOString(),
      state: s.state,
      by: s.by,
      lateHours: Math.round(s.lateMs / 360_000) / 10,
    })),
    lines: plan.linePromises,
  };
}

/** An order's answer with its policy, steps and plan added, as `GET /orders/{number}` gives it. */
export async function withPlan<T extends object>(db: DbOrTx, order: { id: string; number: string }, dto: T) {
  const plan = await getOrderPlan(db, order);
  if (!plan) return { ...dto, policy: null, steps: [] as TOrderPlan["steps"], plan: null };
  const { policy, steps, ...rest } = plan;
  return { ...dto, policy, steps, plan: rest };
}
