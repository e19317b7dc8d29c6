import type { BadgeVariant } from "~/components/ui/badge";
import type { ExceptionSeverity, ExceptionStatus, SlaState } from "~/server/exceptions/constants";
import type { Role } from "~/server/auth/roles";

/** Age since an exception opened (the server's AGE_BUCKETS, same order). */
export const AGE_BUCKETS = ["lt_1h", "1h_4h", "4h_24h", "1d_3d", "gt_3d"] as const;
export type AgeBucket = (typeof AGE_BUCKETS)[number];
export const AGE_LABELS: Record<AgeBucket, string> = {
  lt_1h: "Under 1 hour",
  "1h_4h": "1–4 hours",
  "4h_24h": "4–24 hours",
  "1d_3d": "1–3 days",
  gt_3d: "Over 3 days",
};
export const AGE_SHORT: Record<AgeBucket, string> = { lt_1h: "<1h", "1h_4h": "1–4h", "4h_24h": "4–24h", "1d_3d": "1–3d", gt_3d: ">3d" };

export const SLA_LABELS: Record<SlaState, string> = { breached: "Breached", due_soon: "Due within 1 h", later: "Due later" };

export const SEVERITY_VARIANT: Record<ExceptionSeverity, BadgeVariant> = { low: "neutral", medium: "info", high: "warning", critical: "danger" };
export const SEVERITY_LABELS: Record<ExceptionSeverity, string> = { low: "Low", medium: "Medium", high: "High", critical: "Critical" };

export const STATUS_VARIANT: Record<ExceptionStatus, BadgeVariant> = { open: "warning", in_progress: "info", resolved: "success", dismissed: "neutral" };

export const TEAM_LABELS: Record<Role, string> = { rep: "Customer service", warehouse: "Warehouse", finance: "Finance", manager: "Managers", admin: "Admins" };

/** "35m", "2h 10m", "3d 4h" (never below a minute). */
export function formatDuration(ms: number): string {
  const minutes = Math.max(1, Math.floor(Math.abs(ms) / 60_000));
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours}h ${minutes % 60}m`;
  const days = Math.floor(hours / 24);
  return `${days}d ${hours % 24}h`;
}

/** The SLA timer of an active exception: time left, or how long ago it breached. */
export function slaText(dueAt: string, now: number): { text: string; breached: boolean; soon: boolean } {
  const left = Date.parse(dueAt) - now;
  if (left < 0) return { text: `breached ${formatDuration(-left)} ago`, breached: true, soon: false };
  return { text: `${formatDuration(left)} left`, breached: false, soon: left <= 3_600_000 };
}

/** Hours as "1.5 h" / "36 h". */
export function formatHours(hours: number): string {
  return `${hours.toLocaleString("en-US", { maximumFractionDigits: 1 })} h`;
}
