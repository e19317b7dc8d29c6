"use client";

import { AlertTriangle, CheckCircle2, Circle, CircleDot, Route } from "lucide-react";
import { DateOnly } from "~/components/shell/money";
import { Badge, type BadgeVariant } from "~/components/ui/badge";
import { cn } from "~/lib/utils";
import { ROLE_LABELS } from "~/server/auth/roles";
import type { TOrder } from "~/server/orders/schemas";
import { PlanTime } from "./order-plan-dates";
import { chosenByText, formatDuration, formatLateness, planHealth, projectionVsPromise, type OrderPlanFields, type PlanHealth, type PlanStep } from "./order-plan-format";

type PlannedOrder = Pick<TOrder, "kind" | "status" | "submittedAt"> & OrderPlanFields;

const HEALTH_BADGE: Record<PlanHealth["status"], BadgeVariant> = { complete: "success", at_risk: "danger", on_track: "info" };
const STATE_TEXT: Record<PlanStep["state"], string> = { done: "Done", current: "In progress", pending: "Not started" };
/** A step that ends an hour or more after it was planned to has slipped. */
const SLIP_MS = 3_600_000;

/**
 * The order's plan, near the top of its page: the policy it follows and how it was chosen, the promise against
 * the date the customer gets the goods at today's pace (with the reason when it is at risk), and its steps as a
 * stepper that wraps on narrow screens. Orders without a plan (drafts, orders from before plans) get a short
 * note, canceled ones a note that the plan no longer applies; quotes get nothing.
 */
export function OrderPlan({ order }: { order: PlannedOrder }) {
  const { policy, plan, steps } = order;
  if (order.kind === "quote") return null;
  if (!policy || !plan) {
    if (order.status === "draft")
      return (
        <p className="mb-4 flex items-center gap-2 text-sm text-muted-foreground" data-testid="plan-note">
          <Route className="size-4" aria-hidden />
          No plan yet: the policy and promise dates are set when the order is submitted.
        </p>
      );
    if (order.status === "canceled" || !order.submittedAt) return null;
    return (
      <p className="mb-4 flex items-center gap-2 text-sm text-muted-foreground" data-testid="plan-note">
        <Route className="size-4" aria-hidden />
        No plan: this order was submitted before orders were planned.
      </p>
    );
  }
  if (order.status === "canceled")
    return (
      <p className="mb-4 flex items-center gap-2 text-sm text-muted-foreground" data-testid="plan-note">
        <Route className="size-4" aria-hidden />
        Canceled: it no longer follows its plan ({policy.name} v{policy.version}).
      </p>
    );
  const health = planHealth(plan);
  return (
    <section aria-labelledby="plan-heading" className="mb-4 rounded-lg border bg-background shadow-xs">
      <div className="flex flex-wrap items-start justify-between gap-x-6 gap-y-2 border-b px-4 py-3">
        <div className="min-w-0">
          <h2 id="plan-heading" className="text-sm font-semibold">
            Plan
          </h2>
          <p className="text-sm" data-testid="plan-policy">
            <span className="font-medium">{policy.name}</span>{" "}
            <span className="text-muted-foreground">
              v{policy.version} · {chosenByText(policy.chosenBy)}
            </span>
          </p>
        </div>
        <dl className="flex flex-wrap items-start gap-x-6 gap-y-2 text-sm">
          <div>
            <dt className="text-xs text-muted-foreground">Promised</dt>
            <dd className="font-medium" data-testid="plan-promised">
              <DateOnly value={plan.promisedDate} />
            </dd>
          </div>
          <div>
            <dt className="text-xs text-muted-foreground">Projected</dt>
            <dd data-testid="plan-projected">
              <DateOnly value={plan.projectedDate} className={cn("font-medium", health.status === "at_risk" && "text-danger-soft-foreground")} />{" "}
              <span className="text-xs text-muted-foreground">({projectionVsPromise(plan.promisedDate, plan.projectedDate)})</span>
            </dd>
          </div>
          <div>
            <dt className="sr-only">Status</dt>
            <dd>
              <Badge variant={HEALTH_BADGE[health.status]} data-testid="plan-health" className="mt-1">
                {health.status === "at_risk" && <AlertTriangle aria-hidden />}
                {health.label}
              </Badge>
            </dd>
          </div>
        </dl>
      </div>
      {plan.jeopardy && (
        <p role="note" aria-label="Why it is at risk" className="flex items-start gap-2 border-b border-danger/20 bg-danger-soft px-4 py-2 text-sm text-danger-soft-foreground">
          <AlertTriangle className="mt-0.5 size-4 shrink-0" aria-hidden />
          <span>
            {plan.jeopardy.reason}{" "}
            <span className="whitespace-nowrap opacity-90">
              · {ROLE_LABELS[plan.jeopardy.owner]} owns {steps.find((s) => s.kind === plan.jeopardy!.step)?.label ?? plan.jeopardy.step}.
            </span>
          </span>
        </p>
      )}
      <ol aria-label="Plan steps" className="grid grid-cols-[repeat(auto-fit,minmax(6.5rem,1fr))] gap-x-1.5 gap-y-3 p-3">
        {steps.map((step, i) => (
          <PlanStepItem key={`${step.kind}-${i}`} step={step} />
        ))}
      </ol>
    </section>
  );
}

function PlanStepItem({ step }: { step: PlanStep }) {
  const late = step.state === "current" ? formatLateness(step.lateHours) : null;
  const slipped = Date.parse(step.end) - Date.parse(step.plannedEnd) >= SLIP_MS;
  const Icon = step.state === "done" ? CheckCircle2 : step.state === "current" ? CircleDot : Circle;
  return (
    <li
      aria-current={step.state === "current" ? "step" : undefined}
      data-step={step.kind}
      data-state={step.state}
      className={cn(
        "flex min-w-0 flex-col gap-1 rounded-md px-2 pt-1.5 pb-2",
        step.state === "current" && (late ? "bg-danger-soft/60 ring-1 ring-danger/30" : "bg-info-soft/70 ring-1 ring-info/30"),
      )}
    >
      <span
        aria-hidden
        className={cn(
          "h-1.5 rounded-full",
          step.state === "done" ? "bg-success" : step.state === "current" ? (late ? "bg-danger" : "bg-info") : "bg-muted-foreground/20",
        )}
      />
      <span className="mt-1 flex min-w-0 items-center gap-1.5">
        <Icon
          className={cn(
            "size-4 shrink-0",
            step.state === "done" ? "text-success" : step.state === "current" ? (late ? "text-danger" : "text-info") : "text-muted-foreground/60",
          )}
          aria-hidden
        />
        <span className={cn("truncate text-sm font-medium", step.state === "pending" && "text-muted-foreground")} title={step.label}>
          {step.label}
        </span>
      </span>
      <span className="sr-only">{STATE_TEXT[step.state]}. </span>
      <span className="grid gap-0.5 text-xs leading-snug">
        {step.state === "done" && (
          <>
            <span>
              <span className="text-success-soft-foreground">Done</span> <PlanTime value={step.end} />
            </span>
            {step.by && <span className="truncate text-muted-foreground" title={`by ${step.by}`}>by {step.by}</span>}
            {slipped && (
              <span className="text-muted-foreground">
                planned <PlanTime value={step.plannedEnd} />
              </span>
            )}
          </>
        )}
        {step.state === "current" && (
          <>
            <span>
              <span className="text-muted-foreground">Planned</span> <PlanTime value={step.plannedEnd} />
            </span>
            <span>
              <span className="text-muted-foreground">Projected</span> <PlanTime value={step.end} className={cn(slipped && "font-medium")} />
            </span>
            {late && (
              <span className="font-medium text-danger-soft-foreground" data-testid="step-late">
                {late} late
              </span>
            )}
            <OwnerLine step={step} />
          </>
        )}
        {step.state === "pending" && (
          <>
            <span>
              <span className="text-muted-foreground">Planned</span> <PlanTime value={step.plannedEnd} />
            </span>
            {slipped && (
              <span className="text-warning-soft-foreground">
                now <PlanTime value={step.end} />
              </span>
            )}
            <OwnerLine step={step} />
          </>
        )}
      </span>
    </li>
  );
}

/** Who owns a step and how long it is meant to take ("Warehouse · 8 h"), whole in the title when the cell cuts it. */
function OwnerLine({ step }: { step: PlanStep }) {
  const text = `${ROLE_LABELS[step.owner]} · ${formatDuration(step.duration)}`;
  return (
    <span className="truncate text-muted-foreground" title={text}>
      {text}
    </span>
  );
}
