import {
  AlertTriangle,
  ArrowRight,
  ArrowRightLeft,
  Ban,
  BellRing,
  Banknote,
  CircleCheck,
  CircleDot,
  CircleStop,
  CircleX,
  ClipboardCheck,
  ClipboardList,
  Copy,
  Factory,
  FileMinus2,
  FilePen,
  FilePlus,
  FileX2,
  PackageCheck,
  PackageX,
  Package,
  PackageMinus,
  Pencil,
  PauseCircle,
  PlayCircle,
  Receipt,
  RotateCcw,
  Send,
  ShieldCheck,
  Truck,
  Undo2,
  UserRound,
  XCircle,
  Zap,
  ZapOff,
  type LucideIcon,
} from "lucide-react";
import Link from "next/link";
import { DateOnly, DateTime, Money } from "~/components/shell/money";
import { StatusBadge } from "~/components/shell/status-badge";
import { EXCEPTION_LABELS, type ExceptionType } from "~/server/exceptions/constants";
import type { TAddress } from "~/server/customers";
import { channelLabel } from "./list-params";

export type TimelineEvent = { id: number | string; type: string; actor: string; data: Record<string, unknown>; createdAt: string };

const EVENTS: Record<string, { label: string; icon: LucideIcon; tone?: string }> = {
  created: { label: "Created", icon: FilePlus },
  quote_created: { label: "Quote created", icon: FilePlus },
  submitted: { label: "Submitted", icon: Send },
  held: { label: "Put on hold", icon: PauseCircle, tone: "text-warning" },
  opened: { label: "Opened", icon: PlayCircle, tone: "text-info" },
  edited: { label: "Edited", icon: Pencil, tone: "text-info" },
  canceled: { label: "Canceled", icon: XCircle, tone: "text-destructive" },
  hold_released: { label: "Hold released", icon: ShieldCheck, tone: "text-success" },
  duplicated: { label: "Created as a copy", icon: Copy },
  converted: { label: "Converted to an order", icon: ArrowRightLeft, tone: "text-success" },
  converted_from_quote: { label: "Created from a quote", icon: ArrowRightLeft },
  backordered: { label: "Backordered", icon: PackageX, tone: "text-warning" },
  backorder_allocated: { label: "Backorder filled from new stock", icon: PackageCheck, tone: "text-success" },
  shipped: { label: "Shipped", icon: Truck, tone: "text-info" },
  invoiced: { label: "Invoiced", icon: Receipt, tone: "text-info" },
  // Fulfillment
  shipment_planned: { label: "Shipment planned", icon: ClipboardList },
  shipment_picking: { label: "Put on a pick list", icon: ClipboardList },
  picked: { label: "Picked", icon: ClipboardCheck, tone: "text-info" },
  short_picked: { label: "Picked short", icon: PackageMinus, tone: "text-warning" },
  packed: { label: "Packed", icon: Package, tone: "text-info" },
  delivered: { label: "Delivered", icon: CircleCheck, tone: "text-success" },
  delivery_failed: { label: "Delivery failed", icon: CircleX, tone: "text-destructive" },
  shipment_canceled: { label: "Shipment canceled", icon: Ban, tone: "text-muted-foreground" },
  shipment_returned: { label: "Shipment came back", icon: Undo2, tone: "text-warning" },
  closed: { label: "Closed: shipped what we had, canceled the rest", icon: CircleStop, tone: "text-warning" },
  auto_plan_on: { label: "Auto-plan shipments turned on", icon: Zap, tone: "text-info" },
  auto_plan_off: { label: "Auto-plan shipments turned off", icon: ZapOff },
  completed: { label: "Completed: shipped and invoiced in full", icon: CircleCheck, tone: "text-success" },
  reopened: { label: "Reopened: units came back", icon: RotateCcw, tone: "text-warning" },
  drop_ship_ordered: { label: "Drop-ship: purchase orders sent to vendors", icon: Factory, tone: "text-info" },
  // Billing
  invoice_drafted: { label: "Invoice drafted", icon: FilePen },
  invoice_voided: { label: "Invoice voided", icon: FileX2, tone: "text-destructive" },
  payment_applied: { label: "Payment applied", icon: Banknote, tone: "text-success" },
  payment_unapplied: { label: "Payment taken back", icon: Undo2, tone: "text-warning" },
  credit_note_issued: { label: "Credit note issued", icon: FileMinus2, tone: "text-info" },
  payment_overdue: { label: "Payment overdue", icon: AlertTriangle, tone: "text-destructive" },
  payment_reminder: { label: "Payment reminder sent", icon: BellRing, tone: "text-warning" },
  return_requested: { label: "Return requested", icon: Undo2, tone: "text-warning" },
  return_authorized: { label: "Return opened", icon: Undo2, tone: "text-info" },
  return_approved: { label: "Return approved", icon: ShieldCheck, tone: "text-success" },
  return_rejected: { label: "Return rejected", icon: XCircle, tone: "text-destructive" },
  return_received: { label: "Return received", icon: PackageCheck, tone: "text-success" },
};

/** Fulfillment events say what happened in one sentence; these keys are in the sentence, not listed again. */
const SENTENCE_KEYS: Record<string, readonly string[]> = {
  shipment_planned: ["shipment", "units"],
  shipment_picking: ["shipment", "pickList"],
  picked: ["shipment", "picked"],
  short_picked: ["shipment", "picked", "short"],
  packed: ["shipment", "packages"],
  shipped: ["shipment", "carrier", "service", "trackingNumber", "trackingUrl", "units"],
  delivered: ["shipment", "deliveredOn"],
  delivery_failed: ["shipment"],
  shipment_canceled: ["shipment"],
  shipment_returned: ["shipment", "units"],
  auto_plan_on: ["before", "after"],
  auto_plan_off: ["before", "after"],
};

/** Keys a plan sentence says (an edit's re-planned shipments, a drop-ship's purchase orders): not listed again. */
const PLAN_SENTENCE_KEYS: Record<string, readonly string[]> = {
  edited: ["canceledShipments", "plannedShipments"],
  drop_ship_ordered: ["purchaseOrders", "noVendor"],
};

/** Billing's events, in one sentence each ("Invoiced INV-200001 for $120.00, due Jan 2, 2027 (shipment SH-700001)"). */
const BILLING_SENTENCE_KEYS: Record<string, readonly string[]> = {
  invoiced: ["invoice", "total", "dueDate", "shipment", "reason"],
  invoice_drafted: ["invoiceId", "total", "reason"],
  invoice_voided: ["invoice", "total", "reason"],
  payment_applied: ["invoice", "amount", "source", "kind"],
  payment_unapplied: ["invoice", "amount", "reason"],
  credit_note_issued: ["creditNote", "total", "reason", "kind"],
  return_requested: ["return", "value", "units"],
  return_authorized: ["return", "value", "units"],
  return_approved: ["return", "value", "note"],
  return_rejected: ["return", "value", "note"],
  return_received: ["return", "units", "restocked", "scrapped"],
  payment_overdue: ["invoices", "owed"],
  payment_reminder: ["invoice", "stage", "daysOverdue"],
};

const FIELD_LABELS: Record<string, string> = {
  status: "Status",
  total: "Total",
  lines: "Lines",
  channel: "Channel",
  customerReference: "Customer reference",
  requestedDate: "Requested date",
  promisedDate: "Promised date",
  notes: "Notes",
  shipTo: "Ship to",
  billTo: "Bill to",
  reason: "Reason",
  note: "Note",
  resolved: "Resolved",
  overBy: "Over the limit by",
  version: "Version",
  quoteTotal: "Quoted total",
  amount: "Amount",
  kind: "Kind",
  from: "Copied from",
  order: "Order",
  quote: "Quote",
  partial: "Partial",
  units: "Units",
  linesDropped: "Lines dropped",
  backordered: "Backordered",
};
const MONEY_KEYS = new Set(["total", "overBy", "quoteTotal", "amount", "subtotal", "discountTotal", "taxTotal", "shippingTotal"]);
const DOCUMENT_KEYS = new Set(["from", "order", "quote"]);
const DATE_KEYS = new Set(["requestedDate", "promisedDate", "validUntil"]);
const STATUS_KEYS = new Set(["status", "fulfillmentStatus", "billingStatus"]);

const humanize = (key: string) => FIELD_LABELS[key] ?? key.replace(/([a-z])([A-Z])/g, "$1 $2").replace(/[_-]+/g, " ").replace(/^./, (c) => c.toUpperCase());
const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v);

/** Every event of the order, newest first: what happened, who did it, when, and what changed (before → after). */
export function OrderTimeline({
  events,
  currency,
  kind,
  linkShipments = false,
  linkInvoices = false,
  linkPurchaseOrders = false,
}: {
  events: TimelineEvent[];
  currency: string;
  kind: "order" | "quote";
  /** Link shipment and pick-list numbers to their pages (roles that see fulfillment). */
  linkShipments?: boolean;
  /** Link invoice and credit-note numbers to their pages (roles that see invoices). */
  linkInvoices?: boolean;
  /** Link purchase-order numbers to their pages (roles that see purchasing). */
  linkPurchaseOrders?: boolean;
}) {
  if (events.length === 0) return <p className="text-sm text-muted-foreground">No events recorded yet.</p>;
  const newestFirst = [...events].reverse();
  return (
    <ol aria-label="Timeline" className="relative grid gap-0">
      {newestFirst.map((event, i) => {
        const meta = EVENTS[event.type] ?? exceptionEventMeta(event) ?? assignmentMeta(event) ?? { label: humanize(event.type), icon: CircleDot };
        const label = event.type === "created" && kind === "quote" ? "Quote created" : meta.label;
        const Icon = meta.icon;
        return (
          <li key={event.id} className="relative grid grid-cols-[1.75rem_1fr] gap-x-3 pb-5 last:pb-0">
            {i < newestFirst.length - 1 && <span aria-hidden className="absolute top-7 bottom-0 left-[0.8125rem] w-px bg-border" />}
            <span className={`z-10 flex size-7 items-center justify-center rounded-full border bg-background ${meta.tone ?? "text-muted-foreground"}`}>
              <Icon className="size-3.5" aria-hidden />
            </span>
            <div className="min-w-0 pt-0.5">
              <p className="flex flex-wrap items-baseline gap-x-2 text-sm">
                <span className="font-medium" data-event-type={event.type}>
                  {label}
                </span>
                <span className="text-muted-foreground">by {event.actor}</span>
                <DateTime value={event.createdAt} className="text-xs text-muted-foreground" />
              </p>
              <FulfillmentSentence type={event.type} data={event.data} link={linkShipments} />
              <BillingSentence type={event.type} data={event.data} currency={currency} linkInvoices={linkInvoices} linkShipments={linkShipments} />
              <PlanSentence type={event.type} data={event.data} linkShipments={linkShipments} linkPurchaseOrders={linkPurchaseOrders} />
              {event.type === "assigned" ? (
                <AssignmentSentence data={event.data} />
              ) : event.type.startsWith("exception.") ? (
                typeof event.data.note === "string" && event.data.note && <p className="mt-0.5 text-sm text-muted-foreground">{event.data.note}</p>
              ) : (
                <EventDetails
                  data={omit(event.data, SENTENCE_KEYS[event.type] ?? BILLING_SENTENCE_KEYS[event.type] ?? PLAN_SENTENCE_KEYS[event.type] ?? [])}
                  currency={currency}
                />
              )}
            </div>
          </li>
        );
      })}
    </ol>
  );
}

const assigneeName = (value: unknown) => (isRecord(value) && typeof value.name === "string" ? value.name : null);

/** The order changed hands: "Assigned to Riley Rep", or "Unassigned". */
function assignmentMeta(event: TimelineEvent): { label: string; icon: LucideIcon; tone?: string } | null {
  if (event.type !== "assigned") return null;
  const to = assigneeName(event.data.to);
  return { label: to ? `Assigned to ${to}` : "Unassigned", icon: UserRound };
}

function AssignmentSentence({ data }: { data: Record<string, unknown> }) {
  const from = assigneeName(data.from);
  return from ? <p className="mt-0.5 text-sm text-muted-foreground">Was {from}</p> : null;
}

/** An exception's history entry (`exception.<what>`): "Address hold: assigned to Riley Rep". */
function exceptionEventMeta(event: TimelineEvent): { label: string; icon: LucideIcon; tone?: string } | null {
  if (!event.type.startsWith("exception.")) return null;
  const what = event.type.slice("exception.".length);
  const type = EXCEPTION_LABELS[event.data.exceptionType as ExceptionType] ?? "Exception";
  const assignee = typeof event.data.assignee === "string" ? event.data.assignee : null;
  const resolution = typeof event.data.resolution === "string" ? event.data.resolution.replace(/_/g, " ") : null;
  const says: Record<string, { text: string; tone?: string }> = {
    opened: { text: "opened", tone: "text-warning" },
    assigned: { text: `assigned to ${assignee ?? "someone"}` },
    unassigned: { text: "handed back to the team" },
    commented: { text: "note" },
    resolved: { text: `resolved${resolution ? ` (${resolution})` : ""}`, tone: "text-success" },
    dismissed: { text: "dismissed", tone: "text-muted-foreground" },
    reopened: { text: "reopened", tone: "text-warning" },
    breached: { text: "past its SLA", tone: "text-destructive" },
    changed: { text: "cause changed" },
  };
  const said = says[what] ?? { text: what };
  return { label: `${type}: ${said.text}`, icon: AlertTriangle, tone: said.tone };
}

const omit = (data: Record<string, unknown>, keys: readonly string[]) => Object.fromEntries(Object.entries(data).filter(([k]) => !keys.includes(k)));

function DocLink({ number, href, link }: { number: unknown; href: string; link: boolean }) {
  if (typeof number !== "string") return null;
  // Never broken at its hyphen ("SH-" at a line's end, "700709" on the next).
  return link ? (
    <Link href={href} className="font-mono whitespace-nowrap text-primary hover:underline">
      {number}
    </Link>
  ) : (
    <span className="font-mono whitespace-nowrap">{number}</span>
  );
}

const plural = (n: unknown, word: string) => (typeof n === "number" ? `${n} ${word}${n === 1 ? "" : "s"}` : null);

/** "Shipped SH-700123 with UPS Ground 1Z… (track) · 10 units" and the like, for fulfillment's events. */
function FulfillmentSentence({ type, data, link }: { type: string; data: Record<string, unknown>; link: boolean }) {
  if (!(type in SENTENCE_KEYS) || type.startsWith("auto_plan")) return null;
  const shipment = typeof data.shipment === "string" ? data.shipment : null;
  const sh = shipment ? <DocLink number={shipment} href={`/fulfillment/shipments/${encodeURIComponent(shipment)}`} link={link} /> : null;
  let body: React.ReactNode = null;
  switch (type) {
    case "shipment_planned":
      body = <>{sh} · {plural(data.units, "unit")}</>;
      break;
    case "shipment_picking":
      body = (
        <>
          {sh} on pick list <DocLink number={data.pickList} href={`/fulfillment/pick-lists/${encodeURIComponent(String(data.pickList))}`} link={link} />
        </>
      );
      break;
    case "picked":
      body = <>{sh} · {plural(data.picked, "unit")} picked</>;
      break;
    case "short_picked":
      body = (
        <>
          {sh} · {plural(data.picked, "unit")} picked, short {String(data.short ?? "")} — the shortfall went back to the order
        </>
      );
      break;
    case "packed":
      body = <>{sh} in {plural(data.packages, "package")}</>;
      break;
    case "shipped": {
      const carrier = [data.carrier, data.service].filter((v) => typeof v === "string" && v).join(" ");
      const tracking = typeof data.trackingNumber === "string" ? data.trackingNumber : null;
      body = (
        <>
          Shipped {sh}
          {carrier && ` with ${carrier}`}{" "}
          {tracking &&
            (typeof data.trackingUrl === "string" ? (
              <a href={data.trackingUrl} target="_blank" rel="noopener noreferrer" className="font-mono text-primary hover:underline">
                {tracking}
                <span className="sr-only"> (tracking, opens in a new tab)</span>
              </a>
            ) : (
              <span className="font-mono">{tracking}</span>
            ))}
          {typeof data.units === "number" && <> · {plural(data.units, "unit")}</>}
        </>
      );
      break;
    }
    case "delivered":
      body = (
        <>
          {sh} delivered{typeof data.deliveredOn === "string" && <> on <DateOnly value={data.deliveredOn} /></>}
        </>
      );
      break;
    case "shipment_returned":
      body = <>{sh} came back · {plural(data.units, "unit")} restocked and reserved again</>;
      break;
    default:
      body = sh;
  }
  return <p className="mt-1 text-sm">{body}</p>;
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string" && x !== "") : []);

/** A list of document numbers, each linked when the user may open it: "SH-1, SH-2 and SH-3". */
function DocList({ numbers, href, link }: { numbers: string[]; href: (n: string) => string; link: boolean }) {
  return (
    <>
      {numbers.map((n, i) => (
        <span key={n}>
          {i > 0 && (i === numbers.length - 1 ? " and " : ", ")}
          <DocLink number={n} href={href(n)} link={link} />
        </span>
      ))}
    </>
  );
}

const shipmentHref = (n: string) => `/fulfillment/shipments/${encodeURIComponent(n)}`;
const purchaseOrderHref = (n: string) => `/purchasing/${encodeURIComponent(n)}`;

/**
 * The plan's side of an event: an edit that canceled shipments planned from the old lines (and planned the order
 * again), a drop-ship order's purchase orders to vendors and the SKUs no vendor supplies.
 */
function PlanSentence({ type, data, linkShipments, linkPurchaseOrders }: { type: string; data: Record<string, unknown>; linkShipments: boolean; linkPurchaseOrders: boolean }) {
  if (type === "edited") {
    const canceled = strings(data.canceledShipments);
    const planned = strings(data.plannedShipments);
    if (canceled.length === 0 && planned.length === 0) return null;
    return (
      <p className="mt-1 text-sm" data-testid="replanned-shipments">
        {canceled.length > 0 && (
          <>
            Canceled {canceled.length === 1 ? "shipment" : "shipments"} <DocList numbers={canceled} href={shipmentHref} link={linkShipments} /> planned from the
            old order;{" "}
          </>
        )}
        {planned.length > 0 ? (
          <>
            planned again as <DocList numbers={planned} href={shipmentHref} link={linkShipments} />.
          </>
        ) : (
          <>not planned again yet.</>
        )}
      </p>
    );
  }
  if (type === "drop_ship_ordered") {
    const orders = strings(data.purchaseOrders);
    const noVendor = strings(data.noVendor);
    return (
      <div className="mt-1 grid gap-0.5 text-sm">
        <p>
          {orders.length > 0 ? (
            <>
              {orders.length === 1 ? "Purchase order" : "Purchase orders"} <DocList numbers={orders} href={purchaseOrderHref} link={linkPurchaseOrders} />: the
              vendor ships to the customer.
            </>
          ) : (
            "No purchase order could be sent."
          )}
        </p>
        {noVendor.length > 0 && (
          <p className="text-warning-soft-foreground">
            No vendor supplies{" "}
            {noVendor.map((sku, i) => (
              <span key={sku}>
                {i > 0 && ", "}
                <span className="font-mono text-xs">{sku}</span>
              </span>
            ))}
            : buy {noVendor.length === 1 ? "it" : "them"} by hand.
          </p>
        )}
      </div>
    );
  }
  return null;
}

const str = (v: unknown) => (typeof v === "string" && v ? v : null);
const num = (v: unknown) => (typeof v === "number" ? v : null);
const invoiceHref = (n: string) => `/invoices/${encodeURIComponent(n)}`;
const creditNoteHref = (n: string) => `/invoices/credit-notes/${encodeURIComponent(n)}`;
const returnHref = (n: string) => `/returns/${encodeURIComponent(n)}`;

/** A reason that names an RMA ("Return RMA-400001") links it. */
function TextWithReturns({ text }: { text: string }) {
  const parts = text.split(/(RMA-\d+)/);
  return (
    <>
      {parts.map((part, i) => (/^RMA-\d+$/.test(part) ? <DocLink key={i} number={part} href={returnHref(part)} link /> : part))}
    </>
  );
}

/** Billing's events as sentences: invoices, payments, credit notes, returns and dunning. */
function BillingSentence({
  type,
  data,
  currency,
  linkInvoices,
  linkShipments,
}: {
  type: string;
  data: Record<string, unknown>;
  currency: string;
  linkInvoices: boolean;
  linkShipments: boolean;
}) {
  if (!(type in BILLING_SENTENCE_KEYS)) return null;
  const money = (v: unknown) => (num(v) === null ? null : <Money amount={num(v)} currency={currency} />);
  const inv = (v: unknown) => (str(v) ? <DocLink number={v} href={invoiceHref(str(v)!)} link={linkInvoices} /> : <span className="text-muted-foreground">an invoice</span>);
  const rma = str(data.return) ? <DocLink number={data.return} href={returnHref(str(data.return)!)} link /> : null;
  const units = plural(data.units, "unit");
  const reason = str(data.reason);
  const note = str(data.note);
  let body: React.ReactNode = null;
  switch (type) {
    case "invoiced": {
      const shipment = str(data.shipment);
      body = (
        <>
          Invoiced {inv(data.invoice)} for {money(data.total)}
          {str(data.dueDate) && (
            <>
              , due <DateOnly value={str(data.dueDate)} />
            </>
          )}
          {shipment ? (
            <>
              {" "}
              (shipment <DocLink number={shipment} href={`/fulfillment/shipments/${encodeURIComponent(shipment)}`} link={linkShipments} />)
            </>
          ) : (
            reason && ` (${reason})`
          )}
        </>
      );
      break;
    }
    case "invoice_drafted":
      body = (
        <>
          A draft invoice for {money(data.total)}, not numbered until it is issued{reason && ` (${reason})`}
        </>
      );
      break;
    case "invoice_voided":
      body = (
        <>
          Voided {inv(data.invoice)} for {money(data.total)}
          {reason && <>: {reason}</>}
        </>
      );
      break;
    case "payment_applied": {
      const source = str(data.source);
      body =
        data.kind === "credit_note" && source ? (
          <>
            Applied {money(data.amount)} of credit note <DocLink number={source} href={creditNoteHref(source)} link={linkInvoices} /> to {inv(data.invoice)}
          </>
        ) : (
          <>
            Applied {money(data.amount)} to {inv(data.invoice)}
            {source && ` from ${source}`}
          </>
        );
      break;
    }
    case "payment_unapplied":
      body = (
        <>
          Took {money(data.amount)} back off {inv(data.invoice)}
          {reason && <>: {reason}</>}
        </>
      );
      break;
    case "credit_note_issued": {
      const cn = str(data.creditNote);
      body = (
        <>
          Issued {cn ? <DocLink number={cn} href={creditNoteHref(cn)} link={linkInvoices} /> : "a credit note"} for {money(data.total)}
          {data.kind === "price_correction" ? " (price correction)" : ""}
          {reason && (
            <>
              {" "}
              — <TextWithReturns text={reason} />
            </>
          )}
        </>
      );
      break;
    }
    case "return_requested":
      body = (
        <>
          {rma} for {money(data.value)}
          {units && ` (${units})`} waits for a manager&apos;s approval
        </>
      );
      break;
    case "return_authorized":
      body = (
        <>
          {rma} for {money(data.value)}
          {units && ` (${units})`}, approved at once: the warehouse receives it
        </>
      );
      break;
    case "return_approved":
      body = (
        <>
          {rma} for {money(data.value)} approved{note && <>: {note}</>}
        </>
      );
      break;
    case "return_rejected":
      body = (
        <>
          {rma} for {money(data.value)} rejected{note && <>: {note}</>}
        </>
      );
      break;
    case "return_received": {
      const restocked = num(data.restocked) ?? 0;
      const scrapped = num(data.scrapped) ?? 0;
      body = (
        <>
          {rma} received: {units}
          {restocked > 0 && `, ${restocked} restocked`}
          {scrapped > 0 && `, ${scrapped} scrapped`}
        </>
      );
      break;
    }
    case "payment_overdue": {
      const list = Array.isArray(data.invoices) ? data.invoices.filter((v): v is string => typeof v === "string") : [];
      body = (
        <>
          {list.map((n, i) => (
            <span key={n}>
              {i > 0 && ", "}
              {inv(n)}
            </span>
          ))}{" "}
          past due: {money(data.owed)} unpaid
        </>
      );
      break;
    }
    case "payment_reminder": {
      const days = num(data.daysOverdue);
      body = (
        <>
          Reminder {num(data.stage) ?? ""} for {inv(data.invoice)}
          {days !== null && `, ${days} day${days === 1 ? "" : "s"} overdue`}
        </>
      );
      break;
    }
  }
  return <p className="mt-1 text-sm">{body}</p>;
}

function EventDetails({ data, currency }: { data: Record<string, unknown>; currency: string }) {
  const before = isRecord(data.before) ? data.before : undefined;
  const after = isRecord(data.after) ? data.after : undefined;
  const changeKeys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].filter(
    (k) => !before || !after || JSON.stringify(before[k]) !== JSON.stringify(after[k]),
  );
  // "kind" only repeats what the event's label says.
  const otherKeys = Object.keys(data).filter((k) => k !== "before" && k !== "after" && k !== "kind" && data[k] !== null && data[k] !== undefined);
  // A key of its own holding { before, after } (an edit's promise date) is a change like the others.
  const isChange = (v: unknown): v is { before?: unknown; after?: unknown } => isRecord(v) && ("before" in v || "after" in v) && Object.keys(v).every((k) => k === "before" || k === "after");
  if (changeKeys.length === 0 && otherKeys.length === 0) return null;

  return (
    <dl className="mt-1.5 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
      {changeKeys.map((key) => (
        <div key={`change-${key}`} className="contents">
          <dt className="text-muted-foreground">{humanize(key)}</dt>
          <dd className="min-w-0">
            {key === "lines" && Array.isArray(before?.[key]) && Array.isArray(after?.[key]) ? (
              <LinesDiff before={before[key] as unknown[]} after={after[key] as unknown[]} currency={currency} />
            ) : before && after ? (
              <span className="flex flex-wrap items-center gap-1.5">
                <Value field={key} value={before[key]} currency={currency} muted />
                <ArrowRight className="size-3.5 text-muted-foreground" aria-label="changed to" />
                <Value field={key} value={after[key]} currency={currency} />
              </span>
            ) : (
              <Value field={key} value={(after ?? before)![key]} currency={currency} />
            )}
          </dd>
        </div>
      ))}
      {otherKeys.map((key) => {
        const value = data[key];
        return (
          <div key={`data-${key}`} className="contents">
            <dt className="text-muted-foreground">{humanize(key)}</dt>
            <dd className="min-w-0">
              {isChange(value) ? (
                <span className="flex flex-wrap items-center gap-1.5">
                  <Value field={key} value={value.before} currency={currency} muted />
                  <ArrowRight className="size-3.5 text-muted-foreground" aria-label="changed to" />
                  <Value field={key} value={value.after} currency={currency} />
                </span>
              ) : (
                <Value field={key} value={value} currency={currency} />
              )}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

/** An edit's line summaries ("3 × SKU @ 1999"): removed and added lines. */
function LinesDiff({ before, after, currency }: { before: unknown[]; after: unknown[]; currency: string }) {
  const b = before.map(String);
  const a = after.map(String);
  const removed = b.filter((l) => !a.includes(l));
  const added = a.filter((l) => !b.includes(l));
  if (removed.length === 0 && added.length === 0) return <span className="text-muted-foreground">unchanged</span>;
  return (
    <ul className="grid gap-0.5">
      {removed.map((l, i) => (
        <li key={`r${i}`} className="text-muted-foreground line-through decoration-1">
          <span className="sr-only">Removed: </span>
          <LineSummary text={l} currency={currency} />
        </li>
      ))}
      {added.map((l, i) => (
        <li key={`a${i}`}>
          <span className="sr-only">Now: </span>
          <LineSummary text={l} currency={currency} />
        </li>
      ))}
    </ul>
  );
}

function LineSummary({ text, currency }: { text: string; currency: string }) {
  const match = /^(\d+) × (\S+) @ (-?\d+)$/.exec(text);
  if (!match) return <>{text}</>;
  return (
    <span className="tabular-nums">
      {match[1]} × <span className="font-mono text-xs">{match[2]}</span> @ <Money amount={Number(match[3])} currency={currency} />
    </span>
  );
}

function Value({ field, value, currency, muted }: { field: string; value: unknown; currency: string; muted?: boolean }) {
  const cls = muted ? "text-muted-foreground" : undefined;
  if (value === null || value === undefined || value === "") return <span className="text-muted-foreground italic">none</span>;
  // The status it was: a dashed edge, not faded (a faded Draft fell below the contrast ratio).
  if (STATUS_KEYS.has(field) && typeof value === "string") return <StatusBadge status={value} className={muted ? "border-dashed" : undefined} />;
  if (MONEY_KEYS.has(field) && typeof value === "number") return <Money amount={value} currency={currency} className={cls} />;
  if (DATE_KEYS.has(field) && typeof value === "string") return <DateOnly value={value} className={cls} />;
  if (DOCUMENT_KEYS.has(field) && typeof value === "string") {
    return (
      <Link href={`/orders/${encodeURIComponent(value)}`} className="font-mono text-primary hover:underline">
        {value}
      </Link>
    );
  }
  if (field === "channel" && typeof value === "string") return <span className={cls}>{channelLabel(value)}</span>;
  if ((field === "resolved" || field === "reasons") && Array.isArray(value)) {
    return <span className={cls}>{value.length ? value.map((t) => EXCEPTION_LABELS[t as ExceptionType] ?? String(t)).join(", ") : "nothing"}</span>;
  }
  if ((field === "shipTo" || field === "billTo") && isRecord(value)) {
    const a = value as Partial<TAddress>;
    return <span className={cls}>{[a.line1, a.city, [a.region, a.postalCode].filter(Boolean).join(" "), a.country].filter(Boolean).join(", ")}</span>;
  }
  if (typeof value === "boolean") return <span className={cls}>{value ? "yes" : "no"}</span>;
  if (typeof value === "number") return <span className={`tabular-nums ${cls ?? ""}`}>{value}</span>;
  if (typeof value === "string") return <span className={`break-words whitespace-pre-line ${cls ?? ""}`}>{humanizeCode(field, value)}</span>;
  if (Array.isArray(value)) return <span className={cls}>{value.map(String).join(", ")}</span>;
  return <code className="text-xs break-all">{JSON.stringify(value)}</code>;
}

/** Seeded and system reasons are sometimes codes ("duplicate_order"); show them as words. */
function humanizeCode(field: string, value: string): string {
  if ((field === "reason" || field === "kind") && /^[a-z]+(_[a-z]+)+$/.test(value)) return value.replace(/_/g, " ").replace(/^./, (c) => c.toUpperCase());
  return value;
}
