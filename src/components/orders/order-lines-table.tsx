"use client";

import { ChevronDown, CircleHelp } from "lucide-react";
import Link from "next/link";
import { Fragment, useState } from "react";
import { Money } from "~/components/shell/money";
import { Badge } from "~/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow, WIDE_ONLY } from "~/components/ui/table";
import { cn } from "~/lib/utils";
import type { TOrder } from "~/server/orders/schemas";
import { ShortDate, useShortDate } from "./order-plan-dates";
import { linePromiseBasis, promisesByLineNo, type LinePromise } from "./order-plan-format";

type Line = TOrder["lines"][number];

const STEP_LABELS: Record<string, string> = {
  list_price: "List price",
  price_list: "Price list",
  discount: "Discount",
  skipped: "Not applied",
  order_discount: "Order discount",
  override: "Manual price",
  tax: "Tax",
  exemption_expired: "Exemption",
  rounding: "Rounding",
};

/**
 * Below 1280 px (office laptops) the line number, discount and tax columns hide (the line's "Why?" shows the
 * last two), so quantities, prices, fulfillment and warehouse stay in view without a sideways scroll.
 */
/**
 * The product name has a column of its own from 1536 px on; below it the name sits under the SKU, two lines at
 * most (the whole name in its title), so a long name never widens the table (at 1440 px the sidebar shows names).
 */
const PRODUCT_COLUMN = "hidden 2xl:table-cell";

const stepLabel = (step: string) => STEP_LABELS[step] ?? step.replace(/[_-]+/g, " ").replace(/^./, (c) => c.toUpperCase());

/**
 * The order's lines; "Why?" on a line opens the pricing steps that produced its price. With a plan, each line
 * shows its promise date (from stock on hand or due, plus transit).
 */
export function OrderLinesTable({ order, linePromises = null, today }: { order: TOrder; linePromises?: readonly LinePromise[] | null; today?: string }) {
  const [openLines, setOpenLines] = useState<ReadonlySet<number>>(new Set());
  const toggle = (lineNo: number) =>
    setOpenLines((current) => {
      const next = new Set(current);
      if (next.has(lineNo)) next.delete(lineNo);
      else next.add(lineNo);
      return next;
    });
  const showFulfillment = order.kind === "order";
  const promises = promisesByLineNo(linePromises);
  const showPromises = showFulfillment && promises.size > 0;
  const columns = (showFulfillment ? 13 : 10) + (showPromises ? 1 : 0);
  const shortDate = useShortDate();

  return (
    <div className="rounded-lg border bg-background">
      <Table aria-label="Order lines">
        <TableHeader>
          <TableRow>
            <TableHead numeric className={cn("w-8", WIDE_ONLY)}>
              #
            </TableHead>
            <TableHead>
              SKU<span className="2xl:hidden"> · product</span>
            </TableHead>
            <TableHead className={PRODUCT_COLUMN}>Product</TableHead>
            <TableHead numeric>Qty</TableHead>
            <TableHead numeric>Unit price</TableHead>
            <TableHead numeric className={WIDE_ONLY}>
              Discount
            </TableHead>
            <TableHead numeric className={WIDE_ONLY}>
              Tax
            </TableHead>
            <TableHead numeric>Line total</TableHead>
            {showFulfillment && (
              <>
                <TableHead numeric>Reserved</TableHead>
                <TableHead numeric>Shipped</TableHead>
                <TableHead numeric>Backord.</TableHead>
              </>
            )}
            {showPromises && <TableHead>Promised</TableHead>}
            <TableHead>{showFulfillment ? "Whse" : "Warehouse"}</TableHead>
            <TableHead>
              <span className="sr-only">Price explanation</span>
            </TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {order.lines.map((line) => {
            const isOpen = openLines.has(line.lineNo);
            const panelId = `price-explanation-${line.lineNo}`;
            return (
              <Fragment key={line.lineNo}>
                <TableRow className={cn(isOpen && "border-b-0 bg-muted/40")}>
                  <TableCell numeric className={cn("text-muted-foreground", WIDE_ONLY)}>
                    {line.lineNo}
                  </TableCell>
                  <TableCell>
                    <Link href={`/products/${encodeURIComponent(line.sku)}`} className="font-mono text-xs whitespace-nowrap hover:underline">
                      {line.sku}
                    </Link>
                    <span className="line-clamp-2 w-36 text-xs break-words text-muted-foreground 2xl:hidden" title={line.productName}>
                      {line.productName}
                    </span>
                  </TableCell>
                  <TableCell className={cn("min-w-48", PRODUCT_COLUMN)}>
                    <span className="line-clamp-2" title={line.productName}>
                      {line.productName}
                    </span>
                  </TableCell>
                  <TableCell numeric className="font-medium">
                    {line.quantity}
                  </TableCell>
                  <TableCell numeric>
                    <Money amount={line.unitPrice} currency={order.currency} />
                    {line.overrideReason && (
                      // Under the price, not beside it: the column stays as narrow as its amounts.
                      <Badge variant="warning" className="mt-0.5 ml-auto flex" title={line.overrideReason}>
                        Manual
                      </Badge>
                    )}
                  </TableCell>
                  <TableCell numeric className={cn(line.discount === 0 && "text-muted-foreground", WIDE_ONLY)}>
                    {line.discount === 0 ? "—" : <Money amount={-line.discount} currency={order.currency} />}
                  </TableCell>
                  <TableCell numeric className={cn(line.tax === 0 && "text-muted-foreground", WIDE_ONLY)}>
                    <Money amount={line.tax} currency={order.currency} />
                  </TableCell>
                  <TableCell numeric className="font-medium">
                    <Money amount={line.lineTotal} currency={order.currency} />
                  </TableCell>
                  {showFulfillment && (
                    <>
                      <QtyCell value={line.reserved} of={line.quantity} />
                      <QtyCell value={line.shipped} of={line.quantity} />
                      <QtyCell value={line.backordered} of={line.quantity} warn />
                    </>
                  )}
                  {showPromises && <PromiseCell promise={promises.get(line.lineNo)} today={today} shortDate={shortDate} />}
                  <TableCell className="font-mono text-xs whitespace-nowrap">
                    {line.allocations.length > 1 ? (
                      // One warehouse a line: side by side they pushed the table wider than a laptop.
                      <span title="Reserved in more than one warehouse" className="grid">
                        {line.allocations.map((a) => (
                          <span key={a.warehouse}>
                            {a.warehouse} {a.quantity}
                          </span>
                        ))}
                      </span>
                    ) : (
                      (line.warehouse ?? <span className="text-muted-foreground">—</span>)
                    )}
                  </TableCell>
                  <TableCell className="text-right">
                    <button
                      type="button"
                      aria-expanded={isOpen}
                      aria-label={`Line ${line.lineNo}: why this price?`}
                      aria-controls={panelId}
                      onClick={() => toggle(line.lineNo)}
                      title="Why this price?"
                      className="inline-flex items-center gap-1 rounded-sm text-xs whitespace-nowrap text-primary outline-none hover:underline focus-visible:ring-[3px] focus-visible:ring-ring/70"
                    >
                      <CircleHelp className="size-3.5" aria-hidden />
                      Why?
                      <ChevronDown className={cn("size-3.5 transition-transform", isOpen && "rotate-180")} aria-hidden />
                    </button>
                  </TableCell>
                </TableRow>
                {isOpen && (
                  <TableRow className="bg-muted/40 hover:bg-muted/40">
                    <TableCell colSpan={columns} className="pt-0 pb-3">
                      <PriceExplanation id={panelId} line={line} currency={order.currency} />
                    </TableCell>
                  </TableRow>
                )}
              </Fragment>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}

/** A line's promise date; when its goods are not in yet, the date they are due (transit and the rest in the title). */
function PromiseCell({ promise, today, shortDate }: { promise: LinePromise | undefined; today: string | undefined; shortDate: (iso: string) => string }) {
  if (!promise) return <TableCell className="text-muted-foreground">—</TableCell>;
  const waits = !!today && promise.availableOn > today;
  const basis = today ? linePromiseBasis(promise, today, shortDate) : undefined;
  return (
    <TableCell className="whitespace-nowrap" data-cell="line-promise" title={basis}>
      <ShortDate value={promise.promisedDate} />
      {waits && (
        <span className="block text-[11px] leading-tight text-warning-soft-foreground" aria-hidden>
          stock {shortDate(promise.availableOn)}
        </span>
      )}
      {basis && <span className="sr-only"> ({basis})</span>}
    </TableCell>
  );
}

function QtyCell({ value, of, warn }: { value: number; of: number; warn?: boolean }) {
  return (
    <TableCell
      numeric
      className={cn(value === 0 ? "text-muted-foreground" : warn ? "font-medium text-warning-soft-foreground" : value === of && "text-success-soft-foreground")}
    >
      {value}
    </TableCell>
  );
}

function PriceExplanation({ id, line, currency }: { id: string; line: Line; currency: string }) {
  const gross = line.quantity * line.unitPrice;
  return (
    <section id={id} aria-label={`Why this price: line ${line.lineNo}`} className="ml-8 grid max-w-3xl gap-2 rounded-md border bg-background p-3 text-sm">
      {line.priceExplanation.length > 0 ? (
        <ol className="grid gap-1">
          {line.priceExplanation.map((step, i) => (
            <li key={i} className="grid grid-cols-[1.5rem_8rem_1fr_auto] items-baseline gap-2">
              <span className="text-xs text-muted-foreground tabular-nums">{i + 1}.</span>
              <span className="font-medium">{stepLabel(step.step)}</span>
              <span className="text-muted-foreground">{step.description}</span>
              <span className="text-right tabular-nums">
                {step.unitPrice !== undefined && (
                  <>
                    <Money amount={step.unitPrice} currency={currency} /> each
                  </>
                )}
                {step.amount !== undefined && (
                  <>
                    {step.unitPrice !== undefined && " · "}
                    <Money amount={step.amount} currency={currency} />
                  </>
                )}
              </span>
            </li>
          ))}
        </ol>
      ) : (
        <p className="text-muted-foreground">No pricing steps were recorded for this line — it was priced before explanations were kept.</p>
      )}
      {line.overrideReason && (
        <p>
          <span className="font-medium">Manual price:</span> {line.overrideReason}
        </p>
      )}
      <p className="border-t pt-2 text-muted-foreground tabular-nums">
        {line.quantity} × <Money amount={line.unitPrice} currency={currency} /> = <Money amount={gross} currency={currency} />
        {line.discount !== 0 && (
          <>
            {" "}
            − discount <Money amount={line.discount} currency={currency} />
          </>
        )}{" "}
        → line total <Money amount={line.lineTotal} currency={currency} className="font-medium text-foreground" />
        {line.tax !== 0 && (
          <>
            {" "}
            · plus tax <Money amount={line.tax} currency={currency} />
          </>
        )}
      </p>
    </section>
  );
}
