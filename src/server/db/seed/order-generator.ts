import { DEMO_USERS } from "~/server/auth/demo-users";
import type { Role } from "~/server/auth/roles";
import type { Segment } from "~/server/customers/constants";
import type { Channel, OrderStatus } from "~/server/orders/constants";
import type { orders } from "~/server/orders/schema";
import { OrderClock } from "./clock";
import type { OrderSeedContext, SeedCustomer, SeedProduct } from "./order-context";
import { deriveSeed, Random, WeightedTable } from "./random";

type OrderRow = (typeof orders)["$inferInsert"];

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const HISTORY_DAYS = 365;
const QUOTE_VALID_DAYS = 30;

/**
 * Where an order is in its life. Open orders are split by how far fulfillment got; the status,
 * fulfillment status and line quantities all follow from the stage.
 */
type Stage =
  | "draft"
  | "submitted"
  | "on_hold"
  | "canceled"
  | "unfulfilled"
  | "partially_shipped"
  | "shipped"
  | "delivered"
  | "completed";

/** Stage mixes by age: recent orders are in flight, old ones are done. */
const RECENT_STAGES = new WeightedTable<Stage>([
  ["draft", 12],
  ["submitted", 8],
  ["on_hold", 12],
  ["unfulfilled", 32],
  ["partially_shipped", 12],
  ["shipped", 12],
  ["delivered", 4],
  ["canceled", 8],
]);
const MONTH_STAGES = new WeightedTable<Stage>([
  ["draft", 2],
  ["on_hold", 3],
  ["unfulfilled", 6],
  ["partially_shipped", 5],
  ["shipped", 4],
  ["delivered", 5],
  ["completed", 68],
  ["canceled", 7],
]);
const OLD_STAGES = new WeightedTable<Stage>([
  ["draft", 0.5],
  ["on_hold", 0.3],
  ["unfulfilled", 0.7],
  ["partially_shipped", 0.5],
  ["completed", 92],
  ["canceled", 6],
]);
/**
 * The newest orders take the recent mix in evenly spaced steps rather than at random, so even a
 * small seed (the tests seed 300 orders, about one a day) shows every status.
 */
const STRATIFIED_NEWEST = 20;

const CHANNELS = new WeightedTable<Channel>([
  ["phone", 30],
  ["email", 25],
  ["web", 10],
  ["portal", 10],
  ["edi", 12],
  ["field_sales", 8],
  ["api", 5],
]);
const LINE_COUNTS = new WeightedTable<number>(
  [20, 16, 14, 12, 10, 8, 6, 5, 3, 3, 2, 1].map((weight, i): [number, number] => [i + 1, weight]),
);
/** Resellers and plants buy in bulk. */
const SEGMENT_QUANTITY: Record<Segment, number> = { wholesale: 2, industrial: 1.5, contractor: 1, retail: 1 };
const HOLD_REASONS = ["credit_limit", "credit_limit", "address_unverified", "price_override", "suspicious_quantity"];
const CANCEL_REASONS = ["customer_request", "duplicate_order", "credit_declined", "price_dispute", "lead_time_too_long"];
const NOTES = [
  "Deliver to receiving dock 3",
  "Call on arrival",
  "Liftgate required",
  "Ship complete only",
  "Job site delivery, ask for the foreman",
  "Will-call pickup",
  "Attach packing list to the outside of the carton",
];

function actorNamed(role: Role): string {
  return DEMO_USERS.find((user) => user.role === role)?.name ?? "system";
}
const ACTORS = {
  rep: actorNamed("rep"),
  manager: actorNamed("manager"),
  warehouse: actorNamed("warehouse"),
  finance: actorNamed("finance"),
  system: "system",
};

type PricedLine = {
  product: SeedProduct;
  quantity: number;
  unitPrice: number;
  discount: number;
  tax: number;
  lineTotal: number;
};

/** What the customer asked for and what it costs: drawn from the content stream only. */
type OrderContent = {
  id: string;
  lineIds: string[];
  customer: SeedCustomer;
  channel: Channel;
  createdBy: string;
  customerReference: string | null;
  notes: string | null;
  lines: PricedLine[];
  totals: { subtotal: number; discountTotal: number; taxTotal: number; shippingTotal: number; total: number };
};

export type LineProgress = { warehouse: number | null; reserved: number; shipped: number; invoiced: number; backordered: number };

/** Generates one order or quote at a time, in number order. */
export class OrderGenerator {
  private readonly content: Random;
  private readonly life: Random;
  private readonly clock: OrderClock;
  private readonly now: number;
  private readonly total: number;

  /**
   * Two random streams keep what is ordered (customer, lines, totals) independent of when it is seeded:
   * `now` changes statuses and dates, never the numbers or the amounts. `batch` gives appended orders
   * streams of their own.
   */
  constructor(
    private readonly context: OrderSeedContext,
    options: { seed: number; batch: string; now: Date; total: number },
  ) {
    this.content = new Random(deriveSeed(options.seed, `orders/${options.batch}/content`));
    this.life = new Random(deriveSeed(options.seed, `orders/${options.batch}/life`));
    this.now = options.now.getTime();
    this.clock = new OrderClock(new Date(this.now - HISTORY_DAYS * DAY), options.now);
    this.total = options.total;
  }

  quote(number: string, slot: number): GeneratedDocument {
    const content = this.draftContent(true);
    const createdAt = this.createdAt(slot);
    const validUntil = createdAt + QUOTE_VALID_DAYS * DAY;
    const timeline = new Timeline(this.now);
    timeline.add("created", content.createdBy, createdAt, { kind: "quote" });
    // Expired quotes are mostly closed as lost; the rest linger as drafts past their date.
    const isClosed = validUntil < this.now && this.life.chance(0.55);
    if (isClosed) timeline.add("canceled", content.createdBy, validUntil + this.life.int(1, 14) * DAY, { reason: "quote_expired" });
    return {
      number,
      kind: "quote",
      status: isClosed ? "canceled" : "draft",
      content,
      timeline,
      progress: content.lines.map(unsourced),
      fulfillmentStatus: "unfulfilled",
      billingStatus: "unbilled",
      submittedAt: null,
      validUntil: isoDate(validUntil),
      promisedDate: null,
      requestedDate: null,
    };
  }

  order(number: string, slot: number, newestRank: number): GeneratedDocument {
    const content = this.draftContent(false);
    const createdAt = this.createdAt(slot);
    const stage = this.stageFor(createdAt, newestRank, content.lines);
    const timeline = new Timeline(this.now);
    const life = this.life;
    const { customer } = content;
    const lines = content.lines;
    const progress = lines.map(unsourced);
    let fulfillmentStatus: OrderRow["fulfillmentStatus"] = "unfulfilled";
    let billingStatus: OrderRow["billingStatus"] = "unbilled";
    let submittedAt: number | null = null;
    let promisedDate: string | null = null;

    timeline.add("created", content.createdBy, createdAt, { channel: content.channel });
    const isCanceledDraft = stage === "canceled" && life.chance(0.35);
    if (stage !== "draft" && !isCanceledDraft) {
      submittedAt = timeline.add("submitted", content.createdBy, createdAt + life.int(2, 90) * MINUTE);
    }
    if (stage === "canceled") {
      const reason = life.pick(CANCEL_REASONS);
      timeline.add("canceled", life.chance(0.7) ? content.createdBy : ACTORS.manager, timeline.last + life.int(1, 72) * HOUR, { reason });
    }

    const isSourced = submittedAt !== null && stage !== "canceled" && stage !== "submitted";
    if (isSourced) {
      promisedDate = isoDate(timeline.last + life.int(1, 6) * DAY);
      if (stage === "on_hold") {
        timeline.add("held", ACTORS.system, timeline.last + life.int(1, 30) * 1000, { reason: life.pick(HOLD_REASONS) });
      } else if (life.chance(0.08)) {
        // Some orders went through a hold that a manager released.
        timeline.add("held", ACTORS.system, timeline.last + life.int(1, 30) * 1000, { reason: life.pick(HOLD_REASONS) });
        timeline.add("hold_released", ACTORS.manager, timeline.last + life.int(1, 20) * HOUR);
      }
      const shippedLines = this.linesShipped(stage, lines);
      lines.forEach((line, i) => {
        const state = progress[i];
        if (!state) return;
        state.shipped = shippedLines[i] ?? 0;
        state.warehouse = customer.homeWarehouse;
        // Completed orders are history whose stock was replenished since; open ones hold stock now.
        if (stage !== "completed") this.reserve(state, line.product, line.quantity - state.shipped);
      });

      if (stage === "partially_shipped" || stage === "shipped" || stage === "delivered" || stage === "completed") {
        const shippedAt = timeline.add("shipped", ACTORS.warehouse, timeline.last + life.int(4, 72) * HOUR, {
          lines: shippedLines.filter((q) => q > 0).length,
          partial: stage === "partially_shipped",
        });
        fulfillmentStatus = stage === "partially_shipped" ? "partially_shipped" : "shipped";
        const deliveredAt = shippedAt + life.int(1, 5) * DAY;
        if (stage !== "partially_shipped" && stage !== "shipped" && deliveredAt <= this.now) {
          timeline.add("delivered", ACTORS.system, deliveredAt);
          fulfillmentStatus = "delivered";
        }
        billingStatus = this.invoice(stage, lines, progress, content, customer, timeline, shippedAt);
      }
    }

    return {
      number,
      kind: "order",
      status: statusOf(stage),
      content,
      timeline,
      progress,
      fulfillmentStatus,
      billingStatus,
      submittedAt,
      validUntil: null,
      promisedDate,
      requestedDate: life.chance(0.35) ? isoDate(createdAt + life.int(2, 21) * DAY) : null,
    };
  }

  /** Slot `j` of `total` gets a moment inside its own 1/total of the intake, so later slots are later. */
  private createdAt(slot: number): number {
    return this.clock.at((slot + this.life.next()) / this.total).getTime();
  }

  private stageFor(createdAt: number, newestRank: number, lines: PricedLine[]): Stage {
    const ageDays = (this.now - createdAt) / DAY;
    const stage =
      newestRank < STRATIFIED_NEWEST
        ? RECENT_STAGES.pickAt((newestRank + 0.5) / STRATIFIED_NEWEST)
        : (ageDays < 3 ? RECENT_STAGES : ageDays < 30 ? MONTH_STAGES : OLD_STAGES).pick(this.life);
    // One line of one unit cannot ship in part.
    const canShipInPart = lines.length > 1 || (lines[0]?.quantity ?? 0) > 1;
    return stage === "partially_shipped" && !canShipInPart ? "unfulfilled" : stage;
  }

  /** Quantity shipped per line for a stage: a partial shipment sends some lines, or half of a single line. */
  private linesShipped(stage: Stage, lines: PricedLine[]): number[] {
    if (stage === "shipped" || stage === "delivered" || stage === "completed") return lines.map((l) => l.quantity);
    if (stage !== "partially_shipped") return lines.map(() => 0);
    if (lines.length > 1) {
      const shippedCount = this.life.int(1, lines.length - 1);
      return lines.map((l, i) => (i < shippedCount ? l.quantity : 0));
    }
    return lines.map((l) => Math.floor(l.quantity / 2));
  }

  /**
   * Reserves what is still to ship, from the home warehouse or the first one that has it all, never
   * more than is available: the seed must satisfy reserved <= on hand like the app does. The rest is
   * backordered.
   */
  private reserve(line: LineProgress, product: SeedProduct, open: number) {
    if (open <= 0) return;
    const { available, warehouseIds } = this.context;
    const slot = (w: number) => product.index * warehouseIds.length + w;
    const home = line.warehouse ?? 0;
    let w = home;
    if ((available[slot(w)] ?? 0) < open) {
      const other = warehouseIds.findIndex((_, i) => (available[slot(i)] ?? 0) >= open);
      if (other >= 0) w = other;
    }
    const reserved = Math.max(0, Math.min(open, available[slot(w)] ?? 0));
    line.warehouse = w;
    line.reserved = reserved;
    line.backordered = open - reserved;
    available[slot(w)] = (available[slot(w)] ?? 0) - reserved;
  }

  /** Invoices shipped goods and settles them over the customer's payment terms. */
  private invoice(
    stage: Stage,
    lines: PricedLine[],
    progress: LineProgress[],
    content: OrderContent,
    customer: SeedCustomer,
    timeline: Timeline,
    shippedAt: number,
  ): OrderRow["billingStatus"] {
    const life = this.life;
    const invoicedAt = shippedAt + life.int(1, 6) * HOUR;
    if (stage === "completed") {
      for (const line of progress) line.invoiced = line.shipped;
      timeline.add("invoiced", ACTORS.finance, invoicedAt, { amount: content.totals.total });
      const terms = customer.paymentTermsDays;
      const dueAt = invoicedAt + terms * DAY;
      const behaviour = life.next();
      const paidAt =
        behaviour < 0.75
          ? invoicedAt + Math.max(0.2, terms * life.float(0.5, 1)) * DAY
          : behaviour < 0.97
            ? dueAt + life.int(1, 45) * DAY
            : Number.POSITIVE_INFINITY;
      if (paidAt <= this.now) {
        timeline.add("payment_received", ACTORS.finance, paidAt, { amount: content.totals.total });
        return "paid";
      }
      return dueAt < this.now ? "overdue" : "invoiced";
    }
    // Open orders that shipped in full may have been invoiced for part of it.
    if (stage !== "partially_shipped" && lines.length > 1 && life.chance(0.35)) {
      const invoicedCount = life.int(1, lines.length - 1);
      let amount = 0;
      progress.slice(0, invoicedCount).forEach((line, i) => {
        line.invoiced = line.shipped;
        const priced = lines[i];
        if (priced) amount += priced.lineTotal + priced.tax;
      });
      timeline.add("invoiced", ACTORS.finance, invoicedAt, { amount, partial: true });
      return "partially_invoiced";
    }
    return "unbilled";
  }

  private draftContent(isQuote: boolean): OrderContent {
    const random = this.content;
    const customer = this.context.customers.pick(random);
    const lineCount = LINE_COUNTS.pick(random);
    const picked = new Set<number>();
    const lines: PricedLine[] = [];
    // Distinct products; a few draws may repeat, so allow some retries before settling for fewer lines.
    for (let attempt = 0; lines.length < lineCount && attempt < lineCount * 4; attempt++) {
      const product = this.context.products.pick(random);
      if (picked.has(product.index)) continue;
      picked.add(product.index);
      // Squaring skews toward the small end of the range: most lines are for a few units.
      const [min, max] = product.qty;
      const quantity = Math.max(1, Math.round((min + Math.floor((max - min + 1) * random.next() ** 2)) * SEGMENT_QUANTITY[customer.segment]));
      lines.push(priceLine(product, quantity));
    }
    const subtotal = sum(lines, (l) => l.quantity * l.unitPrice);
    const discountTotal = sum(lines, (l) => l.discount);
    const taxTotal = sum(lines, (l) => l.tax);
    const shippingTotal = 0;
    return {
      id: random.uuid(),
      lineIds: lines.map(() => random.uuid()),
      customer,
      channel: CHANNELS.pick(random),
      createdBy: random.chance(0.75) ? ACTORS.rep : ACTORS.manager,
      customerReference: isQuote
        ? random.chance(0.4)
          ? `RFQ-${random.int(1_000, 9_999)}`
          : null
        : random.chance(0.85)
          ? `PO-${random.int(10_000, 99_999)}`
          : null,
      notes: random.chance(0.06) ? random.pick(NOTES) : null,
      lines,
      totals: { subtotal, discountTotal, taxTotal, shippingTotal, total: subtotal - discountTotal + taxTotal + shippingTotal },
    };
  }
}

/**
 * Seeded orders are priced the way the desk prices today (src/server/pricing: list price), so an edit,
 * which re-prices, never changes an untouched line. Price lists, discounts, taxes and shipping charges
 * join the seed when the pricing module has them.
 */
function priceLine(product: SeedProduct, quantity: number): PricedLine {
  const lineTotal = quantity * product.listPrice;
  return { product, quantity, unitPrice: product.listPrice, discount: 0, tax: 0, lineTotal };
}

function statusOf(stage: Stage): OrderStatus {
  switch (stage) {
    case "unfulfilled":
    case "partially_shipped":
    case "shipped":
    case "delivered":
      return "open";
    default:
      return stage;
  }
}

/** The order's events in time order; moments past `now` are pulled back so history never lies in the future. */
class Timeline {
  readonly events: { type: string; actor: string; at: number; data: Record<string, unknown> }[] = [];
  last = 0;

  constructor(private readonly now: number) {}

  add(type: string, actor: string, at: number, data: Record<string, unknown> = {}): number {
    this.last = Math.max(this.last, Math.min(Math.round(at), this.now - MINUTE));
    this.events.push({ type, actor, at: this.last, data });
    return this.last;
  }
}

export type GeneratedDocument = {
  number: string;
  kind: OrderRow["kind"];
  status: OrderStatus;
  content: OrderContent;
  timeline: Timeline;
  progress: LineProgress[];
  fulfillmentStatus: OrderRow["fulfillmentStatus"];
  billingStatus: OrderRow["billingStatus"];
  submittedAt: number | null;
  validUntil: string | null;
  promisedDate: string | null;
  requestedDate: string | null;
};

function unsourced(): LineProgress {
  return { warehouse: null, reserved: 0, shipped: 0, invoiced: 0, backordered: 0 };
}

function sum<T>(items: T[], value: (item: T) => number): number {
  let total = 0;
  for (const item of items) total += value(item);
  return total;
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
