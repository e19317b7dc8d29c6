"use client";

import { CircleAlert, Copy, Plus, X } from "lucide-react";
import { Fragment, useMemo, type ClipboardEvent, type Dispatch, type KeyboardEvent } from "react";
import { toast } from "~/components/ui/toast";
import { Money } from "~/components/shell/money";
import { Button } from "~/components/ui/button";
import { FieldError } from "~/components/ui/field-error";
import { Input } from "~/components/ui/input";
import { Kbd } from "~/components/ui/kbd";
import { cn } from "~/lib/utils";
import { LineAvailabilityNote, shortDate } from "./line-availability";
import { LinePricePopover } from "./line-price-popover";
import { repeatedSkus, type EntryAction, type EntryLine } from "./entry-state";
import { looksLikeLines, parsePastedLines } from "./parse-pasted-lines";
import { SkuCombobox } from "./sku-combobox";
import type { FieldFocus } from "./use-field-focus";
import type { LineDetail } from "./use-line-details";
import { describeSourcing, type LinePromiseView } from "./promise-preview";
import { lineErrorKey, type EntryErrors } from "./validate-entry";

const isPlain = (event: KeyboardEvent) => !event.ctrlKey && !event.metaKey && !event.altKey && !event.shiftKey;
/** Alt+<letter> by the key's place, not its character (Alt+M types "µ" on a Mac). */
export const isAltKey = (event: { altKey: boolean; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; code: string }, letter: string) =>
  event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey && event.code === `Key${letter.toUpperCase()}`;

/**
 * The lines grid. Keyboard: Enter on a SKU picks the product and moves to its quantity; Enter on a
 * quantity moves to the next line, adding one after the last; ↑/↓ on quantities move between lines;
 * Backspace/Delete in the empty SKU of a blank line (not the first) removes it. Rows pasted from a
 * spreadsheet into a SKU become lines. Prices are the server's (see use-line-details.ts); "ⓘ" beside a
 * unit price explains it and sets a manual price, and a manual price that needs approval says so
 * under its line. A SKU already on an earlier line says so under the line, with a merge (Alt+M in the
 * line). Field errors are a line under the row, never wrapped inside the narrow cells.
 */
export function OrderLinesEditor({
  lines,
  details,
  errors,
  dispatch,
  newId,
  fieldFocus,
  currency,
  unpricedReason,
  promises,
  isPromiseUpdating = false,
  disabled,
  onShowKeys,
}: {
  lines: EntryLine[];
  details: Map<string, LineDetail>;
  errors: EntryErrors;
  dispatch: Dispatch<EntryAction>;
  newId: () => string;
  fieldFocus: FieldFocus;
  /** The order's currency (the customer's): manual prices are typed in it. */
  currency: string;
  /** Why lines show list prices rather than the server's, for the explanation popover. */
  unpricedReason: string;
  /** Each line's promise date (policies.promisePreview), by line id. */
  promises?: Map<string, LinePromiseView>;
  isPromiseUpdating?: boolean;
  disabled?: boolean;
  /** Opens the keyboard shortcuts dialog. */
  onShowKeys?: () => void;
}) {
  const { register, focus, focusAfterRender } = fieldFocus;
  // Line id → index of the earlier line with the same SKU (the catalog's spelling once known).
  const repeats = useMemo(() => repeatedSkus(lines, (l) => details.get(l.id)?.product?.sku ?? l.sku), [lines, details]);

  function merge(line: EntryLine) {
    const intoIndex = repeats.get(line.id);
    if (intoIndex === undefined || disabled) return;
    const into = lines[intoIndex]!;
    dispatch({ type: "mergeLine", id: line.id, intoId: into.id });
    focusAfterRender(lineErrorKey(into.id, "quantity"), { select: true });
    toast.success(`Merged into line ${intoIndex + 1}`);
  }

  function rowKeyDown(event: KeyboardEvent<HTMLTableRowElement>, line: EntryLine) {
    if (isAltKey(event, "m") && repeats.has(line.id)) {
      event.preventDefault();
      merge(line);
    }
  }

  function addLine(afterId?: string) {
    const id = newId();
    dispatch({ type: "addLine", id, afterId });
    focusAfterRender(lineErrorKey(id, "sku"));
  }

  function skuKeyDown(event: KeyboardEvent<HTMLInputElement>, index: number) {
    if (event.defaultPrevented) return;
    const line = lines[index]!;
    if (event.key === "Enter" && isPlain(event)) {
      event.preventDefault();
      if (line.sku.trim() !== "") focus(lineErrorKey(line.id, "quantity"), { select: true });
      return;
    }
    if ((event.key === "Backspace" || event.key === "Delete") && isPlain(event) && line.sku === "" && index > 0) {
      event.preventDefault();
      dispatch({ type: "removeLine", id: line.id });
      const previous = lines[index - 1]!;
      const next = lines[index + 1];
      if (event.key === "Delete" && next) focusAfterRender(lineErrorKey(next.id, "sku"));
      else focusAfterRender(lineErrorKey(previous.id, "quantity"), { select: true });
    }
  }

  function quantityKeyDown(event: KeyboardEvent<HTMLInputElement>, index: number) {
    const line = lines[index]!;
    if (event.key === "Enter" && isPlain(event)) {
      event.preventDefault();
      const next = lines[index + 1];
      if (next) focus(lineErrorKey(next.id, "sku"));
      else addLine(line.id);
      return;
    }
    if ((event.key === "ArrowDown" || event.key === "ArrowUp") && isPlain(event)) {
      const target = lines[index + (event.key === "ArrowDown" ? 1 : -1)];
      if (target) {
        event.preventDefault();
        focus(lineErrorKey(target.id, "quantity"), { select: true });
      }
    }
  }

  function paste(event: ClipboardEvent<HTMLInputElement>, line: EntryLine) {
    const text = event.clipboardData.getData("text/plain");
    if (!looksLikeLines(text)) return;
    event.preventDefault();
    const parsed = parsePastedLines(text);
    if (parsed.lines.length === 0) return;
    const ids = parsed.lines.map((_, i) => (i === 0 && line.sku.trim() === "" ? line.id : newId()));
    dispatch({ type: "pasteLines", atId: line.id, rows: parsed.lines, ids });
    focusAfterRender(lineErrorKey(ids[ids.length - 1]!, "quantity"), { select: true });
    const skipped = parsed.skipped.filter((s) => s.reason !== "header").length;
    const count = parsed.lines.length;
    toast.success(`Added ${count} line${count === 1 ? "" : "s"} from the clipboard`, {
      description: skipped > 0 ? `${skipped} row${skipped === 1 ? "" : "s"} without a SKU skipped.` : undefined,
    });
  }

  return (
    <div>
      <table aria-label="Order lines" className="w-full table-fixed border-collapse text-sm">
        <colgroup>
          <col className="w-7" />
          <col className="w-28" />
          <col />
          <col className="w-[4.5rem]" />
          <col className="w-[6.75rem]" />
          <col className="w-[5.5rem]" />
          <col className="w-[6.5rem]" />
          <col className="w-9" />
        </colgroup>
        <thead className="border-b bg-muted/50 text-xs text-muted-foreground">
          <tr>
            <th scope="col" className="h-8 px-2 text-right font-medium">
              #
            </th>
            <th scope="col" className="px-2 text-left font-medium">
              SKU
            </th>
            <th scope="col" className="px-2 text-left font-medium">
              Product · availability
            </th>
            <th scope="col" className="px-2 text-right font-medium">
              Qty
            </th>
            <th scope="col" className="px-2 text-right font-medium">
              Unit price
            </th>
            <th scope="col" className="px-2 text-right font-medium">
              Discount
            </th>
            <th scope="col" className="px-2 text-right font-medium">
              Line total <span className="font-normal">· tax</span>
            </th>
            <th scope="col" className="px-1">
              <span className="sr-only">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line, index) => {
            const lineNo = index + 1;
            const detail = details.get(line.id);
            const skuKey = lineErrorKey(line.id, "sku");
            const quantityKey = lineErrorKey(line.id, "quantity");
            const skuError = errors[skuKey];
            const quantityError = errors[quantityKey];
            const priceKey = lineErrorKey(line.id, "price");
            const priceError = errors[priceKey];
            const lineCurrency = detail?.currency;
            const approval = detail?.approval ?? null;
            const hasPriceNote = !!approval || !!priceError;
            const repeatOf = repeats.get(line.id);
            const hasNote = hasPriceNote || !!skuError || !!quantityError || repeatOf !== undefined;
            const noteId = `line-${line.id}-price-note`;
            const repeatId = `line-${line.id}-repeat`;
            const dim = detail?.isRepricing ? "opacity-55 transition-opacity" : "transition-opacity";
            return (
              <Fragment key={line.id}>
                <tr
                  className={cn("group border-b align-top last:border-0 focus-within:bg-muted/30", hasNote && "border-b-0")}
                  data-line={lineNo}
                  onKeyDown={(event) => rowKeyDown(event, line)}
                >
                  <td className="px-2 pt-3.5 text-right text-xs text-muted-foreground tabular-nums">{lineNo}</td>
                  <td className="px-2 py-1.5">
                    <SkuCombobox
                      id={`line-${line.id}-sku`}
                      lineNo={lineNo}
                      value={line.sku}
                      onValueChange={(sku) => dispatch({ type: "setLineSku", id: line.id, sku })}
                      onPick={(product) => {
                        dispatch({ type: "chooseProduct", id: line.id, product });
                        focus(quantityKey, { select: true });
                      }}
                      onBlur={(event) => {
                        // A typed SKU the catalog knows takes the catalog's spelling ("blt-10001" → "BLT-10001").
                        const typed = event.currentTarget.value.trim();
                        const known = detail?.product;
                        if (known && typed !== known.sku && typed.toLowerCase() === known.sku.toLowerCase())
                          dispatch({ type: "chooseProduct", id: line.id, product: known });
                      }}
                      inputRef={register(skuKey)}
                      invalid={!!skuError}
                      describedBy={[skuError && `line-${line.id}-sku-error`, repeatOf !== undefined && repeatId].filter(Boolean).join(" ") || undefined}
                      onKeyDown={(event) => skuKeyDown(event, index)}
                      onPaste={(event) => paste(event, line)}
                    />
                  </td>
                  <td className="min-w-0 px-2 py-1.5">
                    <ProductCell detail={detail} promise={promises?.get(line.id)} isPromiseUpdating={isPromiseUpdating} />
                  </td>
                  <td className="px-2 py-1.5">
                    <Input
                      id={`line-${line.id}-qty`}
                      ref={register(quantityKey)}
                      aria-label={`Quantity, line ${lineNo}`}
                      inputMode="numeric"
                      autoComplete="off"
                      value={line.quantity}
                      onChange={(event) => dispatch({ type: "setLineQuantity", id: line.id, quantity: event.target.value })}
                      onKeyDown={(event) => quantityKeyDown(event, index)}
                      onFocus={(event) => event.currentTarget.select()}
                      aria-invalid={!!quantityError || undefined}
                      aria-describedby={quantityError ? `line-${line.id}-qty-error` : undefined}
                      className="h-8 px-2 text-right tabular-nums"
                    />
                  </td>
                  <td className="py-1.5 pr-2 pl-0 text-right tabular-nums" data-cell="unit-price">
                    <div className="flex items-center justify-end gap-1 pt-[3px]">
                      <LinePricePopover
                        lineNo={lineNo}
                        sku={detail?.product?.sku ?? line.sku}
                        detail={detail}
                        override={line.override}
                        currency={currency}
                        unpricedReason={unpricedReason}
                        disabled={disabled}
                        triggerRef={register(priceKey)}
                        describedBy={hasPriceNote ? noteId : undefined}
                        onOverride={(override) => dispatch({ type: "setLineOverride", id: line.id, override })}
                      />
                      <Money amount={detail?.unitPrice} currency={lineCurrency} className={dim} />
                    </div>
                    {line.override && (
                      <p className="mt-0.5 text-[11px] leading-tight font-medium text-primary" title={`Manual price: ${line.override.reason}`}>
                        Manual <Money amount={line.override.unitPrice} currency={line.override.currency} />
                      </p>
                    )}
                  </td>
                  <td className={cn("px-2 pt-3 text-right tabular-nums", !detail?.discount && "text-muted-foreground")}>
                    <Money amount={detail?.discount ? -detail.discount : detail?.discount} currency={lineCurrency} className={dim} />
                  </td>
                  <td className="px-2 pt-3 text-right tabular-nums">
                    <Money amount={detail?.lineTotal} currency={lineCurrency} className={cn("font-medium", dim)} />
                    {detail?.tax !== null && detail?.tax !== undefined && (
                      <p className={cn("mt-0.5 text-[11px] leading-tight text-muted-foreground", dim)}>
                        + tax <Money amount={detail.tax} currency={lineCurrency} />
                      </p>
                    )}
                  </td>
                  <td className="px-1 pt-1.5 text-center">
                    <Button
                      variant="ghost"
                      size="icon"
                      className="size-8 text-muted-foreground hover:text-destructive"
                      aria-label={`Remove line ${lineNo}`}
                      disabled={disabled || (lines.length === 1 && line.sku === "")}
                      onClick={() => {
                        dispatch({ type: "removeLine", id: line.id });
                        const neighbour = lines[index + 1] ?? lines[index - 1];
                        if (neighbour) focusAfterRender(lineErrorKey(neighbour.id, "sku"));
                        else focusAfterRender(skuKey);
                      }}
                    >
                      <X aria-hidden="true" />
                    </Button>
                  </td>
                </tr>
                {hasNote && (
                  <tr className="border-b last:border-0" data-line-note={lineNo}>
                    <td />
                    <td colSpan={7} className="px-2 pb-2">
                      <div className="grid gap-1">
                        <FieldError id={`line-${line.id}-sku-error`} className="text-xs" data-line-error="sku">
                          {skuError}
                        </FieldError>
                        <FieldError id={`line-${line.id}-qty-error`} className="text-xs" data-line-error="quantity">
                          {quantityError}
                        </FieldError>
                        {repeatOf !== undefined && (
                          <p
                            className="flex flex-wrap items-center gap-x-2 gap-y-1 rounded-md border border-warning/30 bg-warning-soft px-2.5 py-1 text-xs text-warning-soft-foreground"
                            data-repeat-of={repeatOf + 1}
                          >
                            <Copy className="size-3.5 shrink-0" aria-hidden="true" />
                            <span id={repeatId}>
                              {detail?.product?.sku ?? line.sku.trim()} is also on line {repeatOf + 1} — merge?
                            </span>
                            <Button
                              variant="outline"
                              size="sm"
                              className="h-6 px-2 text-xs"
                              onClick={() => merge(line)}
                              disabled={disabled}
                              aria-keyshortcuts="Alt+M"
                            >
                              Merge into line {repeatOf + 1}
                              <Kbd aria-hidden="true" className="h-4 px-1 text-[10px]">
                                Alt M
                              </Kbd>
                            </Button>
                          </p>
                        )}
                        {hasPriceNote && (
                          <div id={noteId} className="grid gap-1">
                            {approval && (
                              <p className="flex items-start gap-1.5 rounded-md border border-warning/30 bg-warning-soft px-2.5 py-1 text-xs text-warning-soft-foreground">
                                <CircleAlert className="mt-px size-3.5 shrink-0" aria-hidden="true" />
                                <span>
                                  <span className="font-medium">Needs manager approval:</span> {approval}. The order goes on hold until a manager approves
                                  the price.
                                </span>
                              </p>
                            )}
                            <FieldError id={`${noteId}-error`} className="text-xs">
                              {priceError}
                            </FieldError>
                          </div>
                        )}
                      </div>
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
      {errors.lines && (
        <FieldError id="lines-error" className="px-3 pt-2">
          {errors.lines}
        </FieldError>
      )}
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2 border-t px-3 py-2.5">
        <Button variant="outline" size="sm" onClick={() => addLine()} disabled={disabled}>
          <Plus aria-hidden="true" /> Add line
        </Button>
        <p className="text-xs text-muted-foreground">
          <Kbd>Enter</Kbd> on a quantity adds the next line · paste rows from a spreadsheet into a SKU field
          {onShowKeys && (
            <>
              {" · "}
              <Button variant="link" className="h-auto p-0 text-xs text-muted-foreground underline" onClick={onShowKeys} aria-keyshortcuts="?">
                All shortcuts
              </Button>{" "}
              <Kbd>?</Kbd>
            </>
          )}
        </p>
      </div>
    </div>
  );
}

function ProductCell({ detail, promise, isPromiseUpdating }: { detail: LineDetail | undefined; promise: LinePromiseView | undefined; isPromiseUpdating: boolean }) {
  if (!detail || detail.status === "blank") return <p className="pt-1.5 text-xs text-muted-foreground">—</p>;
  if (detail.status === "pending") return <p className="pt-1.5 text-xs text-muted-foreground">Looking up…</p>;
  if (detail.status === "unknown" || !detail.product)
    return (
      <p className="pt-1.5 text-xs">
        {/* While the rep is still typing in this line, an unmatched SKU is a search, not an error. */}
        <span className="hidden text-muted-foreground group-focus-within:inline">Pick a product or type the full SKU</span>
        <span className="font-medium text-destructive group-focus-within:hidden">Not in the catalog</span>
      </p>
    );
  return (
    <div className="min-w-0 leading-tight">
      <p className="line-clamp-2 pt-0.5 text-[13px] leading-snug" title={detail.product.name}>
        {detail.product.name}
      </p>
      <LineAvailabilityNote detail={detail} />
      {promise && <LineSourcingNote promise={promise} isUpdating={isPromiseUpdating} />}
      {promise && <LinePromiseNote promise={promise} isUpdating={isPromiseUpdating} />}
    </div>
  );
}

/** "Promised Mar 12" under a line: when the customer gets it, with stock and transit behind it in the tooltip. */
function LinePromiseNote({ promise, isUpdating }: { promise: LinePromiseView; isUpdating: boolean }) {
  const transit = promise.transitDays === 1 ? "1 day in transit" : `${promise.transitDays} days in transit`;
  return (
    <p
      className={cn("mt-0.5 text-xs text-muted-foreground tabular-nums transition-opacity", isUpdating && "opacity-55")}
      title={`Goods ready ${shortDate(promise.availableOn)}, ${transit}`}
      data-testid="line-promise"
    >
      Promised <span className="font-medium text-foreground">{shortDate(promise.promisedDate)}</span>
    </p>
  );
}

/**
 * "46 EAST · 30 CENTRAL · 22 backordered, all by Dec 24" under a line that will not ship whole from one warehouse:
 * the plan reservation makes at submission (the promise preview's sourcing), said before submitting.
 */
function LineSourcingNote({ promise, isUpdating }: { promise: LinePromiseView; isUpdating: boolean }) {
  const text = describeSourcing(promise, shortDate);
  if (!text) return null;
  const isShort = (promise.sourcing?.short ?? 0) > 0;
  return (
    <p
      className={cn(
        "mt-0.5 text-xs font-medium tabular-nums transition-opacity",
        isShort ? "text-warning-soft-foreground" : "text-muted-foreground",
        isUpdating && "opacity-55",
      )}
      title={
        isShort
          ? "Submitting reserves what is in stock now, from these warehouses, and backorders the rest until the date shown."
          : "No one warehouse has the whole quantity: the line ships from these warehouses."
      }
      data-testid="line-sourcing"
    >
      {text}
    </p>
  );
}
