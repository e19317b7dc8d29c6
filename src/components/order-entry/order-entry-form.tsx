"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useReducer, useState, type KeyboardEvent } from "react";
import { toast } from "~/components/ui/toast";
import { Button } from "~/components/ui/button";
import { FieldError } from "~/components/ui/field-error";
import { Input } from "~/components/ui/input";
import { Label } from "~/components/ui/label";
import { NativeSelect } from "~/components/ui/select";
import { ShortcutsDialog } from "~/components/ui/shortcuts-dialog";
import { Textarea } from "~/components/ui/textarea";
import { todayIn } from "~/lib/dates";
import { apiErrorOf } from "~/lib/trpc-error";
import { EXCEPTION_LABELS, isActiveException } from "~/server/exceptions/constants";
import { useTRPC, type RouterOutputs } from "~/trpc/react";
import { CustomerCombobox } from "./customer-combobox";
import { CustomerPanel, type PanelOrder } from "./customer-panel";
import { DuplicateOrderDialog, type RecentDuplicate } from "./duplicate-order-dialog";
import {
  CHANNEL_LABELS,
  ENTRY_CHANNELS,
  entryReducer,
  EMPTY_SHIP_TO,
  initialEntryState,
  isBlankLine,
  type EntryAction,
  type EntryChannel,
  type EntryCustomer,
  type EntryState,
  type ShipTo,
} from "./entry-state";
import { ENTRY_SHORTCUTS, isTypingTarget } from "./entry-shortcuts";
import { stateFromOrder, type SourceOrder } from "./from-order";
import { isAltKey, OrderLinesEditor } from "./order-lines-editor";
import { taxAddressDiffers } from "./live-pricing";
import { OrderTotals } from "./order-totals";
import { PromiseSummary } from "./promise-summary";
import { ShipToFields } from "./ship-to-fields";
import { loadDraft, useDraftAutosave } from "./use-draft-autosave";
import { useFieldFocus } from "./use-field-focus";
import { useLineDetails } from "./use-line-details";
import { usePromisePreview } from "./use-promise-preview";
import { firstErrorKey, lineErrorKey, mapServerErrors, validateEntry, type EntryErrors, type EntryPayload } from "./validate-entry";
import { formatDateTime, formatTime } from "~/lib/format-date";

export type InitialCustomer = { code: string; name: string; shipTo: ShipTo | null };
type Intent = "submit" | "draft" | "quote";
type Order = RouterOutputs["orders"]["create"];

let lineSeq = 0;
/** Line ids only need to be unique within one form (and its autosaved drafts). */
function makeLineId(): string {
  lineSeq += 1;
  return `l${Date.now().toString(36)}${lineSeq.toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

const toShipTo = (address: { line1: string; city: string; region?: string | null; postalCode: string; country: string } | null): ShipTo =>
  address
    ? { line1: address.line1, city: address.city, region: address.region ?? "", postalCode: address.postalCode, country: address.country }
    : { ...EMPTY_SHIP_TO };

/** Which error keys a change makes stale, so a corrected field loses its message at once. */
function keysTouchedBy(action: EntryAction): string[] {
  switch (action.type) {
    case "setCustomer":
      return ["customer", "shipTo"];
    case "setShipToField":
      return [`shipTo.${action.field}`, "shipTo"];
    case "setChannel":
      return ["channel"];
    case "setField":
      return [action.field];
    case "setLineSku":
    case "chooseProduct":
      return [lineErrorKey(action.id, "sku"), lineErrorKey(action.id, "price"), "lines"];
    case "setLineOverride":
      return [lineErrorKey(action.id, "price")];
    case "setLineQuantity":
      return [lineErrorKey(action.id, "quantity")];
    case "pasteLines":
      return [lineErrorKey(action.atId, "sku"), "lines"];
    case "appendLines":
      return ["lines"];
    default:
      return [];
  }
}

function successMessage(order: Order, intent: Intent): { text: string; isWarning: boolean } {
  if (intent === "quote") return { text: `Quote ${order.number} saved`, isWarning: false };
  if (intent === "draft") return { text: `Draft order ${order.number} saved`, isWarning: false };
  if (order.status === "on_hold") {
    const open = order.exceptions.filter((e) => isActiveException(e.status));
    const reason = open.some((e) => e.type === "credit_hold")
      ? "credit limit exceeded"
      : open.map((e) => EXCEPTION_LABELS[e.type]?.toLowerCase() ?? e.type).join(", ") || "needs review";
    return { text: `Order ${order.number} placed on hold: ${reason}`, isWarning: true };
  }
  return { text: `Order ${order.number} submitted`, isWarning: false };
}

/** "Line 3 SKU: No product with SKU "X" (and 1 more)" — the server's field errors, in the form's words. */
function describeErrors(errors: EntryErrors, state: EntryState): string {
  const keys = Object.keys(errors);
  const label = (key: string) => {
    const line = /^lines\.(.+)\.(sku|quantity|price)$/.exec(key);
    if (line) {
      const field = line[2] === "sku" ? "SKU" : line[2] === "price" ? "manual price" : "quantity";
      return `Line ${state.lines.findIndex((l) => l.id === line[1]) + 1} ${field}`;
    }
    return null;
  };
  const first = keys[0];
  if (!first) return "";
  const prefix = label(first);
  const text = prefix ? `${prefix}: ${errors[first]}` : errors[first]!;
  return keys.length > 1 ? `${text} (and ${keys.length - 1} more)` : text;
}

/**
 * Keyboard-first order entry: customer, header, lines with live price and availability, ship-to, notes;
 * autosaved on this device; submitted (Ctrl/⌘+Enter), saved as a draft or as a quote.
 */
export function OrderEntryForm({
  storageKey,
  initialCustomer,
  source = null,
  canSaveQuote,
}: {
  storageKey: string;
  initialCustomer: InitialCustomer | null;
  /** Duplicate: the order this new one starts from (nothing is saved until the rep submits or saves). */
  source?: SourceOrder | null;
  canSaveQuote: boolean;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const fieldFocus = useFieldFocus();
  const { focus, focusAfterRender, register } = fieldFocus;
  const [keysOpen, setKeysOpen] = useState(false);

  // Where the form starts (and starts over on Discard): the order being duplicated, else the link's customer.
  const startState = () => (source ? stateFromOrder(source, makeLineId) : initialEntryState(makeLineId(), initialCustomer));
  const [boot] = useState(() => {
    const draft = loadDraft(storageKey);
    const state = draft?.state ?? startState();
    const firstBlank = state.lines.find(isBlankLine) ?? state.lines[0]!;
    return { draft, state, focusKey: state.customer ? lineErrorKey(firstBlank.id, "sku") : "customer" };
  });
  const [restored, setRestored] = useState(() =>
    boot.draft ? { customerName: boot.draft.state.customer?.name ?? null, savedAt: boot.draft.savedAt || null } : null,
  );
  const [state, dispatch] = useReducer(entryReducer, boot.state);
  const [errors, setErrors] = useState<EntryErrors>({});
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState<Intent | null>(null);
  const [isDone, setIsDone] = useState(false);
  const [duplicates, setDuplicates] = useState<{ list: RecentDuplicate[]; payload: EntryPayload; lineIds: string[] } | null>(null);
  // The state the page started with (or the fresh one after Discard): nothing typed, nothing to keep.
  const [pristine, setPristine] = useState<EntryState | null>(boot.draft ? null : boot.state);
  const autosave = useDraftAutosave(storageKey, state, { isPristine: state === pristine });

  const createOrder = useMutation(trpc.orders.create.mutationOptions());
  const createQuote = useMutation(trpc.quotes.create.mutationOptions());

  // The same query the customer panel shows (shared cache): the order is in the customer's currency.
  const panel = useQuery({
    ...trpc.orders.customerPanel.queryOptions({ code: state.customer?.code ?? "" }),
    enabled: !!state.customer,
    staleTime: 30_000,
  });
  const customerCurrency = panel.data?.customer.currency;
  const { details, totals, pricing } = useLineDetails(state.lines, {
    customer: state.customer?.code ?? null,
    channel: state.channel,
    currency: customerCurrency,
  });
  // When the customer would get each line, and the policy the order would follow (never blocks entry).
  const promise = usePromisePreview(
    state.lines.map((l) => ({ lineId: l.id, sku: details.get(l.id)?.product?.sku ?? null, quantity: details.get(l.id)?.quantity ?? null })),
    {
      customer: state.customer?.code ?? null,
      channel: state.channel,
      shipToRegion: state.shipTo.region || null,
      total: totals.source === "server" ? totals.total : null,
    },
  );
  const unpricedReason = !state.customer
    ? "choose a customer to see the price this order gets."
    : pricing.isError
      ? "prices could not be refreshed; the order is priced when it is saved."
      : "working out this customer’s price…";
  // The simulator taxes the address on file; the order is taxed for its own ship-to (see OrderTotals).
  const onFile = panel.data?.customer.shippingAddress ?? null;
  // Certificates are per state: only a country-wide one makes the ship-to irrelevant to tax.
  const exemptEverywhere = !!panel.data?.customer.taxExemptions.some((e) => e.region === "ALL" && (e.status === "valid" || e.status === "expiring"));
  const taxNote =
    totals.source === "server" && panel.data && !exemptEverywhere && taxAddressDiffers(onFile, state.shipTo)
      ? onFile
        ? `Tax shown for the address on file (${[onFile.region, onFile.country].filter(Boolean).join(", ")}); this order ships elsewhere and is taxed for its ship-to when saved.`
        : "Tax shown without a shipping address on file; the order is taxed for its ship-to when saved."
      : null;
  const filledLines = state.lines.filter((l) => !isBlankLine(l)).length;
  const isLocked = busy !== null || isDone;

  useEffect(() => {
    focus(boot.focusKey);
  }, [boot.focusKey, focus]);

  const change = useCallback((action: EntryAction) => {
    dispatch(action);
    const stale = keysTouchedBy(action);
    if (stale.length > 0)
      setErrors((current) => {
        if (!stale.some((k) => k in current)) return current;
        const next = { ...current };
        for (const k of stale) delete next[k];
        return next;
      });
  }, []);

  /** The first line without a SKU (else the first line): where the rep goes on to type. */
  const firstEmptySkuKey = (lines = state.lines) => lineErrorKey((lines.find(isBlankLine) ?? lines[0]!).id, "sku");

  async function chooseCustomer(customer: EntryCustomer | null) {
    if (customer?.code === state.customer?.code) return;
    change({ type: "setCustomer", customer, shipTo: null });
    if (!customer) return;
    // Straight on to the lines: channel, reference and date keep their defaults most of the time (Alt+H goes back).
    focusAfterRender(firstEmptySkuKey());
    try {
      const panel = await queryClient.fetchQuery({ ...trpc.orders.customerPanel.queryOptions({ code: customer.code }), staleTime: 30_000 });
      dispatch({
        type: "defaultShipTo",
        customerCode: customer.code,
        shipTo: toShipTo(panel.customer.shippingAddress ?? panel.customer.billingAddress),
      });
    } catch (error) {
      toast.error(`Could not load ${customer.name}: ${apiErrorOf(error).message}`);
    }
  }

  function reorder(order: PanelOrder) {
    const rows = order.lines.map((l) => ({ sku: l.sku, quantity: String(l.quantity) }));
    change({ type: "appendLines", rows, ids: rows.map(() => makeLineId()) });
    toast.success(`Copied ${rows.length} line${rows.length === 1 ? "" : "s"} from ${order.number}`);
  }

  function discardDraft() {
    const previous = state;
    const fresh = startState();
    dispatch({ type: "reset", state: fresh });
    setPristine(fresh);
    setErrors({});
    setProblems([]);
    setRestored(null);
    focus("customer");
    toast("Draft discarded", { action: { label: "Undo", onClick: () => dispatch({ type: "reset", state: previous }) } });
  }

  function showErrors(next: EntryErrors, from: EntryState) {
    setErrors(next);
    const first = firstErrorKey(from, next);
    if (first === "lines") focus(lineErrorKey(from.lines[0]!.id, "sku"));
    else if (first === "shipTo") focus("shipTo.line1");
    else if (first) focus(first, { select: false });
  }

  async function run(intent: Intent) {
    if (isLocked) return;
    const result = validateEntry(state, {
      today: todayIn(),
      skuOf: (line) => details.get(line.id)?.product?.sku ?? line.sku.trim(),
      currency: customerCurrency,
    });
    if (!result.ok) {
      setProblems([]);
      showErrors(result.errors, state);
      const count = Object.keys(result.errors).length;
      toast.error(count === 1 ? "Check the highlighted field" : `Check the ${count} highlighted fields`);
      return;
    }
    setErrors({});
    setProblems([]);
    if (intent === "submit") {
      setBusy("submit");
      let found: RecentDuplicate[] = [];
      try {
        found = await queryClient.fetchQuery({
          ...trpc.orders.recentDuplicates.queryOptions({ customer: result.payload.customer, lines: result.payload.lines }),
          staleTime: 0,
        });
      } catch {
        // The duplicate check is a courtesy: when it cannot answer, the order still goes in.
      }
      if (found.length > 0) {
        setBusy(null);
        setDuplicates({ list: found, payload: result.payload, lineIds: result.lineIds });
        return;
      }
    }
    await save(intent, result.payload, result.lineIds);
  }

  async function save(intent: Intent, payload: EntryPayload, lineIds: string[]) {
    setBusy(intent);
    try {
      const order = intent === "quote" ? await createQuote.mutateAsync(payload) : await createOrder.mutateAsync({ ...payload, draft: intent === "draft" });
      autosave.clear();
      setIsDone(true);
      setDuplicates(null);
      const message = successMessage(order, intent);
      if (message.isWarning) toast.warning(message.text);
      else toast.success(message.text);
      void queryClient.invalidateQueries({ queryKey: trpc.orders.pathKey() });
      router.push(`/orders/${encodeURIComponent(order.number)}`);
    } catch (error) {
      const apiError = apiErrorOf(error);
      const mapped = mapServerErrors(apiError.details?.fields, lineIds);
      const hasFieldErrors = Object.keys(mapped.errors).length > 0;
      setProblems(mapped.unplaced.length > 0 ? mapped.unplaced : hasFieldErrors ? [] : [apiError.message]);
      setDuplicates(null);
      setBusy(null);
      if (hasFieldErrors) showErrors(mapped.errors, state);
      if (hasFieldErrors) {
        const summary = describeErrors(mapped.errors, state);
        toast.error(`${intent === "quote" ? "The quote" : "The order"} was not saved`, { description: summary });
      } else toast.error(apiError.message);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && !event.altKey) {
      event.preventDefault();
      void run("submit");
    }
  }

  function goToLines() {
    if (state.lines.some(isBlankLine) || isLocked) return void focus(firstEmptySkuKey());
    // Every line has a SKU: a new one at the end to type into.
    const id = makeLineId();
    dispatch({ type: "addLine", id });
    focusAfterRender(lineErrorKey(id, "sku"));
  }

  // Page keys (anywhere on the page, also with the focus nowhere): Alt+L lines, Alt+H header, ? the list of keys.
  function onWindowKeyDown(event: globalThis.KeyboardEvent) {
    if (event.defaultPrevented) return;
    const inDialog = !!document.querySelector('[role="dialog"], [role="alertdialog"]');
    if (isAltKey(event, "l") && !inDialog) {
      event.preventDefault();
      goToLines();
    } else if (isAltKey(event, "h") && !inDialog) {
      event.preventDefault();
      focus("customer");
    } else if (event.key === "?" && !event.ctrlKey && !event.metaKey && !event.altKey && !inDialog && !isTypingTarget(event.target)) {
      event.preventDefault();
      setKeysOpen(true);
    }
  }
  // Re-registered on each render so the listener sees the current lines.
  useEffect(() => {
    window.addEventListener("keydown", onWindowKeyDown);
    return () => window.removeEventListener("keydown", onWindowKeyDown);
  });

  const isMac = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.userAgent);
  const error = (key: string, id: string) => (
    <FieldError id={id} className="text-xs">
      {errors[key]}
    </FieldError>
  );

  return (
    // Ctrl/⌘+Enter anywhere (form or customer panel) submits.
    <div onKeyDown={onKeyDown} className="grid grid-cols-[minmax(0,1fr)] items-start gap-6 xl:grid-cols-[minmax(0,1fr)_21rem]">
      <form aria-label="New order" noValidate onSubmit={(event) => event.preventDefault()} className="grid min-w-0 gap-4 [&_button]:scroll-mb-20 [&_input]:scroll-mb-20 [&_select]:scroll-mb-20 [&_textarea]:scroll-mb-20">
        {restored && (
          <div role="status" className="flex items-center gap-2 rounded-md border border-info/25 bg-info-soft px-3 py-1.5 text-sm text-info-soft-foreground">
            <span>
              Draft restored
              {restored.customerName ? ` for ${restored.customerName}` : ""}
              {restored.savedAt && (
                <span className="text-xs opacity-80">
                  {" "}
                  · saved {formatDateTime(restored.savedAt)}
                </span>
              )}
            </span>
            <span aria-hidden="true">·</span>
            <Button variant="link" className="h-auto p-0 text-sm text-info-soft-foreground underline" onClick={discardDraft} disabled={isLocked}>
              Discard
            </Button>
          </div>
        )}

        <section aria-labelledby="entry-header" className="rounded-lg border bg-background shadow-xs">
          <h2 id="entry-header" className="border-b px-4 py-2.5 text-sm font-semibold">
            Order
          </h2>
          <div className="grid grid-cols-6 gap-x-3 gap-y-3 p-4">
            <div className="col-span-6 grid content-start gap-1.5 sm:col-span-4">
              <Label htmlFor="entry-customer">Customer</Label>
              <CustomerCombobox
                id="entry-customer"
                customer={state.customer}
                onChange={(c) => void chooseCustomer(c)}
                inputRef={register("customer")}
                invalid={!!errors.customer}
                describedBy={errors.customer ? "entry-customer-error" : undefined}
              />
              {error("customer", "entry-customer-error")}
            </div>
            <div className="col-span-6 grid content-start gap-1.5 sm:col-span-2">
              <Label htmlFor="entry-channel">Channel</Label>
              <NativeSelect
                id="entry-channel"
                ref={register("channel")}
                value={state.channel}
                onChange={(event) => change({ type: "setChannel", channel: event.target.value as EntryChannel })}
              >
                {ENTRY_CHANNELS.map((c) => (
                  <option key={c} value={c}>
                    {CHANNEL_LABELS[c]}
                  </option>
                ))}
              </NativeSelect>
            </div>
            <div className="col-span-6 grid content-start gap-1.5 sm:col-span-3">
              <Label htmlFor="entry-reference">Customer reference</Label>
              <Input
                id="entry-reference"
                ref={register("customerReference")}
                value={state.customerReference}
                maxLength={60}
                placeholder="Their PO number"
                autoComplete="off"
                onChange={(event) => change({ type: "setField", field: "customerReference", value: event.target.value })}
                aria-invalid={!!errors.customerReference || undefined}
                aria-describedby={errors.customerReference ? "entry-reference-error" : undefined}
              />
              {error("customerReference", "entry-reference-error")}
            </div>
            <div className="col-span-6 grid content-start gap-1.5 sm:col-span-3">
              <Label htmlFor="entry-requested">Requested date</Label>
              <Input
                id="entry-requested"
                type="date"
                ref={register("requestedDate")}
                min={todayIn()}
                value={state.requestedDate}
                onChange={(event) => change({ type: "setField", field: "requestedDate", value: event.target.value })}
                aria-invalid={!!errors.requestedDate || undefined}
                aria-describedby={errors.requestedDate ? "entry-requested-error" : undefined}
              />
              {error("requestedDate", "entry-requested-error")}
            </div>
          </div>
        </section>

        <section aria-labelledby="entry-lines" className="rounded-lg border bg-background shadow-xs">
          <div className="flex items-baseline justify-between border-b px-4 py-2.5">
            <h2 id="entry-lines" className="text-sm font-semibold">
              Lines
            </h2>
            <p className="text-xs text-muted-foreground tabular-nums">
              {filledLines} line{filledLines === 1 ? "" : "s"}
            </p>
          </div>
          <OrderLinesEditor
            lines={state.lines}
            details={details}
            errors={errors}
            dispatch={change}
            newId={makeLineId}
            fieldFocus={fieldFocus}
            currency={totals.currency}
            unpricedReason={unpricedReason}
            promises={promise.lines}
            isPromiseUpdating={promise.isUpdating}
            disabled={isLocked}
            onShowKeys={() => setKeysOpen(true)}
          />
          <div className="flex flex-wrap items-start justify-between gap-x-6 gap-y-3 border-t px-4 py-3">
            <PromiseSummary preview={promise} hasCustomer={!!state.customer} />
            <OrderTotals totals={totals} lineCount={filledLines} hasCustomer={!!state.customer} pricing={pricing} taxNote={taxNote} />
          </div>
        </section>

        <section aria-labelledby="entry-delivery" className="rounded-lg border bg-background shadow-xs">
          <h2 id="entry-delivery" className="border-b px-4 py-2.5 text-sm font-semibold">
            Delivery and notes
          </h2>
          <div className="grid gap-5 p-4 md:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
            <ShipToFields
              shipTo={state.shipTo}
              errors={errors}
              dispatch={change}
              fieldFocus={fieldFocus}
              hint={state.customer ? "The customer’s shipping address; change it for this order only." : undefined}
            />
            <div className="grid content-start gap-1.5">
              <Label htmlFor="entry-notes" className="text-sm font-semibold">
                Notes
              </Label>
              <Textarea
                id="entry-notes"
                ref={register("notes")}
                value={state.notes}
                maxLength={2000}
                rows={5}
                placeholder="Delivery instructions, contact on site…"
                className="min-h-28"
                onChange={(event) => change({ type: "setField", field: "notes", value: event.target.value })}
                aria-invalid={!!errors.notes || undefined}
                aria-describedby={errors.notes ? "entry-notes-error" : undefined}
              />
              {error("notes", "entry-notes-error")}
            </div>
          </div>
        </section>

        <div className="sticky bottom-0 z-10 -mx-1 flex flex-wrap items-center gap-3 border-t bg-background/95 px-1 py-3 backdrop-blur supports-[backdrop-filter]:bg-background/80">
          <div className="min-w-0 flex-1 text-xs text-muted-foreground">
            {problems.length > 0 ? (
              <ul role="alert" className="grid gap-0.5 text-sm font-medium text-destructive">
                {problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            ) : (
              <p aria-live="polite">
                {autosave.savedAt
                  ? `Draft kept on this device · ${formatTime(autosave.savedAt)}`
                  : "Changes are kept on this device until the order is saved."}
              </p>
            )}
          </div>
          {canSaveQuote && (
            <Button variant="outline" onClick={() => void run("quote")} disabled={isLocked}>
              {busy === "quote" ? "Saving quote…" : "Save as quote"}
            </Button>
          )}
          <Button variant="outline" onClick={() => void run("draft")} disabled={isLocked}>
            {busy === "draft" ? "Saving draft…" : "Save draft"}
          </Button>
          <Button onClick={() => void run("submit")} disabled={isLocked} aria-keyshortcuts={isMac ? "Meta+Enter" : "Control+Enter"}>
            {busy === "submit" ? "Submitting…" : "Submit order"}
            <span aria-hidden="true" className="rounded border border-primary-foreground/40 px-1 text-[11px] font-normal">
              {isMac ? "⌘↵" : "Ctrl ↵"}
            </span>
          </Button>
        </div>
      </form>

      <div className="xl:sticky xl:top-4">
        <CustomerPanel customerCode={state.customer?.code ?? null} orderTotal={totals.total} shipTo={state.shipTo} onReorder={reorder} disabled={isLocked} />
      </div>

      <ShortcutsDialog
        open={keysOpen}
        onOpenChange={setKeysOpen}
        shortcuts={ENTRY_SHORTCUTS}
        description="Enter an order without the mouse. ? opens this list when the focus is not in a text field."
        caption="Keys of order entry"
      />

      <DuplicateOrderDialog
        duplicates={duplicates?.list ?? null}
        isPending={busy === "submit"}
        onCancel={() => setDuplicates(null)}
        onConfirm={() => duplicates && void save("submit", duplicates.payload, duplicates.lineIds)}
      />
    </div>
  );
}
