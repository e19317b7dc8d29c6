import { Ban, FilePlus, PackageCheck, Pencil, Send, XCircle, type LucideIcon } from "lucide-react";
import { DateOnly, DateTime } from "~/components/shell/money";
import type { TPurchaseOrderEvent } from "~/server/purchasing/schemas";

const EVENTS: Record<string, { label: string; icon: LucideIcon; tone?: string }> = {
  created: { label: "Drafted", icon: FilePlus },
  updated: { label: "Draft edited", icon: Pencil, tone: "text-info" },
  sent: { label: "Sent to the vendor", icon: Send, tone: "text-info" },
  received: { label: "Goods received", icon: PackageCheck, tone: "text-success" },
  closed: { label: "Closed short", icon: Ban, tone: "text-warning" },
  canceled: { label: "Canceled", icon: XCircle, tone: "text-destructive" },
};

type Line = { sku?: string; quantity?: number; unitCost?: number };
const asObject = (v: unknown) => (v && typeof v === "object" ? (v as Record<string, unknown>) : {});
const linesOf = (v: unknown): Line[] => (Array.isArray(v) ? (v as Line[]) : []);
const units = (lines: Line[]) => lines.map((l) => `${l.quantity} × ${l.sku}`).join(", ");

/** What changed, in a sentence: received lines, the reason of a close, the fields of an edit. */
function details(event: TPurchaseOrderEvent): React.ReactNode {
  const after = asObject(event.after);
  const before = asObject(event.before);
  switch (event.action) {
    case "created":
      return `${linesOf(after.lines).length} line${linesOf(after.lines).length === 1 ? "" : "s"} from ${String(after.vendor ?? "")} to ${String(after.warehouse ?? "")}`;
    case "received":
      return units(linesOf(after.lines));
    case "closed": {
      const notDelivered = linesOf(after.notDelivered);
      return (
        <>
          {typeof after.reason === "string" && <>Reason: {after.reason}</>}
          {notDelivered.length > 0 && <> · not delivered: {units(notDelivered)}</>}
        </>
      );
    }
    case "canceled":
      return typeof after.reason === "string" && after.reason ? `Reason: ${after.reason}` : null;
    case "updated": {
      const parts: React.ReactNode[] = [];
      if ("vendor" in after) parts.push(`vendor ${String(before.vendor)} → ${String(after.vendor)}`);
      if ("warehouse" in after) parts.push(`deliver to ${String(before.warehouse)} → ${String(after.warehouse)}`);
      if ("expectedDate" in after)
        parts.push(
          <span key="date">
            expected <DateOnly value={String(before.expectedDate)} /> → <DateOnly value={String(after.expectedDate)} />
          </span>,
        );
      if ("notes" in after) parts.push("notes");
      if ("lines" in after) parts.push(`lines: ${units(linesOf(after.lines))}`);
      return parts.map((p, i) => (
        <span key={i}>
          {i > 0 && "; "}
          {p}
        </span>
      ));
    }
    default:
      return null;
  }
}

/** The purchase order's history from its audit rows, oldest first. */
export function PurchaseOrderHistory({ events }: { events: TPurchaseOrderEvent[] }) {
  if (events.length === 0) return <p className="text-sm text-muted-foreground">No changes recorded.</p>;
  return (
    <ol className="grid gap-3" aria-label="Purchase order history">
      {events.map((event) => {
        const known = EVENTS[event.action] ?? { label: event.action, icon: Pencil };
        const Icon = known.icon;
        const text = details(event);
        return (
          <li key={event.id} className="flex gap-3 text-sm">
            <Icon className={`mt-0.5 size-4 shrink-0 ${known.tone ?? "text-muted-foreground"}`} aria-hidden />
            <div className="min-w-0">
              <p>
                <span className="font-medium">{known.label}</span> <span className="text-muted-foreground">by {event.actor}</span>{" "}
                <DateTime value={event.at} className="text-xs text-muted-foreground" />
              </p>
              {text && <p className="text-muted-foreground">{text}</p>}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
