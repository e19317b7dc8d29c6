"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { BellRing, RotateCcw, Save } from "lucide-react";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { toast } from "~/components/ui/toast";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "~/components/ui/card";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "~/components/ui/dialog";
import { Input } from "~/components/ui/input";
import { Label } from "~/components/ui/label";
import { Textarea } from "~/components/ui/textarea";
import { useFieldErrors } from "~/components/ui/use-field-errors";
import { apiErrorOf } from "~/lib/trpc-error";
import { ACCOUNT_LABELS, DEFAULT_ACCOUNT_CODES, JOURNAL_ACCOUNTS, type JournalAccount } from "~/server/billing/constants";
import type { TBillingSettings } from "~/server/billing/schemas";
import { useTRPC, type RouterOutputs } from "~/trpc/react";
import { amountText, readAmount } from "./payment-format";
import { formatTime } from "~/lib/format-date";

type Settings = RouterOutputs["receivables"]["settings"];

/** The form's text, as typed. */
type Form = {
  companyName: string;
  companyAddress: string;
  taxId: string;
  remittance: string;
  returnApprovalAbove: string;
  dunningDays: string;
  holdMode: "never" | "days";
  holdOverdueDays: string;
  accounts: Record<JournalAccount, string>;
};

const CURRENCY = "USD";

const toForm = (s: Settings): Form => ({
  companyName: s.companyName,
  companyAddress: s.companyAddress,
  taxId: s.taxId,
  remittance: s.remittance,
  returnApprovalAbove: amountText(s.returnApprovalAbove, CURRENCY) || "0",
  dunningDays: s.dunningDays.join(", "),
  holdMode: s.holdOverdueDays === null ? "never" : "days",
  holdOverdueDays: s.holdOverdueDays === null ? "60" : String(s.holdOverdueDays),
  accounts: { ...s.accounts },
});

/** "3, 15 30" → [3, 15, 30], or the message naming what is wrong. */
export function readDunningDays(text: string): { days: number[] } | { error: string } {
  const parts = text.split(/[\s,;]+/).filter(Boolean);
  const days: number[] = [];
  for (const part of parts) {
    if (!/^\d+$/.test(part)) return { error: `"${part}" is not a whole number of days` };
    const n = Number(part);
    if (n < 1 || n > 365) return { error: "Each reminder day is 1 to 365 days past due" };
    if (days.includes(n)) return { error: `${n} is listed twice` };
    days.push(n);
  }
  if (days.length > 10) return { error: "At most 10 reminders" };
  return { days: days.sort((a, b) => a - b) };
}

/** Checks the form; the settings to save or field errors (named like the server's). */
function readForm(form: Form): { settings: TBillingSettings } | { errors: Record<string, string[]> } {
  const errors: Record<string, string[]> = {};
  const required = (name: "companyName" | "companyAddress" | "remittance", message: string) => {
    if (!form[name].trim()) errors[name] = [message];
  };
  required("companyName", "Company name is required");
  required("companyAddress", "Company address is required");
  required("remittance", "Say how customers pay you");
  const approval = readAmount(form.returnApprovalAbove, CURRENCY);
  if ("error" in approval) errors.returnApprovalAbove = [approval.error];
  else if (approval.amount === null) errors.returnApprovalAbove = ["Enter an amount (0: every return needs a manager)"];
  const dunning = readDunningDays(form.dunningDays);
  if ("error" in dunning) errors.dunningDays = [dunning.error];
  let hold: number | null = null;
  if (form.holdMode === "days") {
    const text = form.holdOverdueDays.trim();
    if (!/^\d+$/.test(text) || Number(text) > 365) errors.holdOverdueDays = ["Enter 0 to 365 days"];
    else hold = Number(text);
  }
  for (const account of JOURNAL_ACCOUNTS) {
    const code = form.accounts[account].trim();
    if (!code) errors[`accounts.${account}`] = ["An account code is required"];
    else if (code.length > 20) errors[`accounts.${account}`] = ["At most 20 characters"];
  }
  if (Object.keys(errors).length > 0 || "error" in approval || "error" in dunning) return { errors };
  return {
    settings: {
      companyName: form.companyName.trim(),
      companyAddress: form.companyAddress.trim(),
      taxId: form.taxId.trim(),
      remittance: form.remittance.trim(),
      returnApprovalAbove: approval.amount ?? 0,
      dunningDays: dunning.days,
      holdOverdueDays: hold,
      accounts: Object.fromEntries(JOURNAL_ACCOUNTS.map((a) => [a, form.accounts[a].trim()])) as Record<JournalAccount, string>,
    },
  };
}

const sameForm = (a: Form, b: Form) => JSON.stringify(a) === JSON.stringify(b);

/**
 * `/admin/accounting`: the company header printed on invoices and statements, the return approval value,
 * the dunning schedule, the overdue hold and the journal's account codes. Admins edit; managers read.
 * Saving sends the version it was loaded at: someone else's save in between is a conflict, not a silent overwrite.
 */
export function AccountingSettings({ initial, editable }: { initial: Settings; editable: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const settings = useQuery(trpc.receivables.settings.queryOptions({}, { initialData: initial, staleTime: 60_000 }));
  const [base, setBase] = useState<Settings>(initial);
  const [form, setForm] = useState<Form>(() => toForm(initial));
  const [conflict, setConflict] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const { fields, setFields, error, described, clearOnChange } = useFieldErrors("accounting");
  const inFlight = useRef(false);
  const dirty = !sameForm(form, toForm(base));
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));

  const save = useMutation(
    trpc.receivables.updateSettings.mutationOptions({
      onSuccess: (saved) => {
        setBase(saved);
        setForm(toForm(saved));
        setConflict(null);
        queryClient.setQueryData(trpc.receivables.settings.queryKey({}), saved);
        toast.success("Accounting settings saved", { description: "Invoices, statements, reminders and the journal use them from now on." });
        router.refresh();
      },
      onError: (e) => {
        const apiError = apiErrorOf(e);
        if (apiError.code === "STALE_VERSION") {
          setConflict(apiError.message);
          return;
        }
        const mapped: Record<string, string[]> = {};
        for (const [key, messages] of Object.entries(apiError.details?.fields ?? {})) {
          const name = key.startsWith("dunningDays") ? "dunningDays" : key;
          mapped[name] = [...(mapped[name] ?? []), ...messages];
        }
        setFields(mapped);
        setFormError(Object.keys(mapped).length === 0 ? apiError.message : null);
      },
    }),
  );

  async function loadLatest() {
    const fresh = await settings.refetch();
    if (fresh.data) {
      setBase(fresh.data);
      setForm(toForm(fresh.data));
      setFields({});
      setConflict(null);
      toast.info("Loaded the settings as they are now", { description: "Make your changes again and save." });
    }
  }

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!editable || inFlight.current || save.isPending) return;
    const read = readForm(form);
    setFormError(null);
    if ("errors" in read) {
      setFields(read.errors);
      return;
    }
    setFields({});
    inFlight.current = true;
    save.mutate({ ...read.settings, version: base.version }, { onSettled: () => (inFlight.current = false) });
  }

  const dunningPreview = readDunningDays(form.dunningDays);
  const field = (name: string) => ({ "aria-invalid": !!fields[name] || undefined, "aria-describedby": described(name) });

  return (
    <form onSubmit={onSubmit} onChange={clearOnChange} noValidate className="grid min-w-0 gap-5">
      {conflict && (
        <div role="alert" className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-warning/30 bg-warning-soft p-3 text-sm text-warning-soft-foreground">
          <span>{conflict}</span>
          <Button type="button" variant="outline" size="sm" onClick={() => void loadLatest()} disabled={settings.isFetching}>
            <RotateCcw aria-hidden />
            Load the current settings
          </Button>
        </div>
      )}
      <fieldset disabled={!editable} className="grid min-w-0 gap-5">
        <Card>
          <CardHeader>
            <CardTitle>Company</CardTitle>
            <CardDescription>The header of invoices and statements, and how customers pay you (printed on invoices, statements and reminders).</CardDescription>
          </CardHeader>
          <CardContent className="grid gap-4 md:grid-cols-2">
            <div className="grid content-start gap-1.5">
              <Label htmlFor="accounting-companyName">Company name</Label>
              <Input id="accounting-companyName" name="companyName" value={form.companyName} onChange={(e) => set("companyName", e.target.value)} maxLength={200} {...field("companyName")} />
              {error("companyName")}
            </div>
            <div className="grid content-start gap-1.5">
              <Label htmlFor="accounting-taxId">
                Tax ID <span className="font-normal text-muted-foreground">(optional)</span>
              </Label>
              <Input id="accounting-taxId" name="taxId" value={form.taxId} onChange={(e) => set("taxId", e.target.value)} maxLength={60} {...field("taxId")} />
              {error("taxId")}
            </div>
            <div className="grid content-start gap-1.5">
              <Label htmlFor="accounting-companyAddress">Address</Label>
              <Textarea
                id="accounting-companyAddress"
                name="companyAddress"
                value={form.companyAddress}
                onChange={(e) => set("companyAddress", e.target.value)}
                rows={4}
                maxLength={1000}
                {...field("companyAddress")}
              />
              {error("companyAddress")}
              <p className="text-xs text-muted-foreground">One line per line of the letterhead.</p>
            </div>
            <div className="grid content-start gap-1.5">
              <Label htmlFor="accounting-remittance">Remittance details</Label>
              <Textarea
                id="accounting-remittance"
                name="remittance"
                value={form.remittance}
                onChange={(e) => set("remittance", e.target.value)}
                rows={4}
                maxLength={1000}
                {...field("remittance")}
              />
              {error("remittance")}
            </div>
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>Returns and collections</CardTitle>
            <CardDescription>When a return needs a manager, when customers are reminded, and when overdue invoices stop new orders.</CardDescription>
          </CardHeader>
          <CardContent className="grid gap-5 md:grid-cols-2">
            <div className="grid content-start gap-1.5">
              <Label htmlFor="accounting-returnApprovalAbove">Returns need a manager above ({CURRENCY})</Label>
              <Input
                id="accounting-returnApprovalAbove"
                name="returnApprovalAbove"
                value={form.returnApprovalAbove}
                onChange={(e) => set("returnApprovalAbove", e.target.value)}
                inputMode="decimal"
                autoComplete="off"
                className="w-40 text-right tabular-nums"
                {...field("returnApprovalAbove")}
              />
              {error("returnApprovalAbove")}
              <p className="text-xs text-muted-foreground">A return worth more waits for a manager&apos;s approval. 0: every return does.</p>
            </div>
            <div className="grid content-start gap-1.5">
              <Label htmlFor="accounting-dunningDays">Reminders at days past due</Label>
              <Input
                id="accounting-dunningDays"
                name="dunningDays"
                value={form.dunningDays}
                onChange={(e) => set("dunningDays", e.target.value)}
                placeholder="3, 15, 30"
                autoComplete="off"
                className="w-56"
                {...field("dunningDays")}
              />
              {error("dunningDays")}
              <div className="flex min-h-6 flex-wrap items-center gap-1.5 text-xs text-muted-foreground" aria-live="polite">
                {"days" in dunningPreview && dunningPreview.days.length > 0 ? (
                  <>
                    {dunningPreview.days.map((d, i) => (
                      <Badge key={d} variant="outline">
                        {i === dunningPreview.days.length - 1 && dunningPreview.days.length > 1 ? `Final: ${d} days` : `${d} days`}
                      </Badge>
                    ))}
                  </>
                ) : "days" in dunningPreview ? (
                  "No reminders are sent (overdue invoices still open an exception)."
                ) : null}
              </div>
              <p className="text-xs text-muted-foreground">Comma-separated, e.g. 3, 15, 30: one e-mail at each stage, each once.</p>
            </div>
            <fieldset className="grid content-start gap-2 md:col-span-2" aria-describedby={described("holdOverdueDays")}>
              <legend className="mb-1 text-sm font-medium">Hold new orders of customers with overdue invoices</legend>
              <label className="flex items-center gap-2 text-sm">
                <input type="radio" name="holdMode" value="never" checked={form.holdMode === "never"} onChange={() => set("holdMode", "never")} className="size-4 accent-primary" />
                Never: overdue invoices only count against the credit limit
              </label>
              <div className="flex flex-wrap items-center gap-2 text-sm">
                <label className="flex items-center gap-2">
                  <input type="radio" name="holdMode" value="days" checked={form.holdMode === "days"} onChange={() => set("holdMode", "days")} className="size-4 accent-primary" />
                  Hold when an invoice is overdue more than
                </label>
                <Label htmlFor="accounting-holdOverdueDays" className="sr-only">
                  Days overdue before new orders are held
                </Label>
                <Input
                  id="accounting-holdOverdueDays"
                  name="holdOverdueDays"
                  value={form.holdOverdueDays}
                  onChange={(e) => set("holdOverdueDays", e.target.value)}
                  onFocus={() => set("holdMode", "days")}
                  inputMode="numeric"
                  className="h-8 w-20 text-right tabular-nums"
                  {...field("holdOverdueDays")}
                />
                days
              </div>
              {error("holdOverdueDays")}
            </fieldset>
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>Journal accounts</CardTitle>
            <CardDescription>The code of each account in your chart of accounts, as the journal and its exports print them.</CardDescription>
          </CardHeader>
          <CardContent className="grid gap-x-6 gap-y-3 sm:grid-cols-2 xl:grid-cols-4">
            {JOURNAL_ACCOUNTS.map((account) => {
              const name = `accounts.${account}`;
              return (
                <div key={account} className="grid content-start gap-1.5">
                  <Label htmlFor={`accounting-account-${account}`}>{ACCOUNT_LABELS[account]}</Label>
                  <Input
                    id={`accounting-account-${account}`}
                    name={name}
                    value={form.accounts[account]}
                    onChange={(e) => set("accounts", { ...form.accounts, [account]: e.target.value })}
                    maxLength={20}
                    autoComplete="off"
                    placeholder={DEFAULT_ACCOUNT_CODES[account]}
                    className="font-mono"
                    {...field(name)}
                  />
                  {error(name)}
                </div>
              );
            })}
          </CardContent>
        </Card>
      </fieldset>

      {formError && (
        <p role="alert" className="text-sm font-medium text-destructive">
          {formError}
        </p>
      )}
      {editable && (
        <div className="flex flex-wrap items-center justify-end gap-3 rounded-lg border bg-card px-4 py-3 shadow-xs">
          <span className="mr-auto text-sm text-muted-foreground" aria-live="polite">
            {dirty ? "Unsaved changes" : `Saved (version ${base.version})`}
          </span>
          <Button
            type="button"
            variant="ghost"
            disabled={!dirty || save.isPending}
            onClick={() => {
              setForm(toForm(base));
              setFields({});
            }}
          >
            Discard changes
          </Button>
          <Button type="submit" disabled={!dirty || save.isPending}>
            <Save aria-hidden />
            {save.isPending ? "Saving…" : "Save settings"}
          </Button>
        </div>
      )}
    </form>
  );
}

/** Runs the daily receivables job now: overdue orders, `payment_overdue` exceptions and the reminders due today. */
export function RunDunningCard({ canRun }: { canRun: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [result, setResult] = useState<{ orders: number; reminders: number; at: Date } | null>(null);
  const inFlight = useRef(false);
  const run = useMutation(
    trpc.receivables.runDunning.mutationOptions({
      onSuccess: (done) => {
        setResult({ ...done, at: new Date() });
        setOpen(false);
        toast.success("Dunning run finished", { description: summary(done) });
        void queryClient.invalidateQueries({ queryKey: trpc.invoices.pathKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.exceptions.pathKey() });
      },
      onError: (e) => toast.error("The dunning run failed", { description: apiErrorOf(e).message }),
    }),
  );
  return (
    <Card>
      <CardHeader>
        <CardTitle>Dunning</CardTitle>
        <CardDescription>
          Runs every day on its own: marks orders with invoices past due as overdue, opens a payment-overdue exception for finance and queues the reminder each invoice&apos;s
          stage calls for. Running it again the same day sends nothing twice.
        </CardDescription>
      </CardHeader>
      {(canRun || result) && (
        <CardFooter className="flex flex-wrap items-center gap-3">
          {canRun && (
            <Button variant="outline" onClick={() => setOpen(true)} disabled={run.isPending}>
              <BellRing aria-hidden />
              {run.isPending ? "Running…" : "Run dunning now"}
            </Button>
          )}
          {result && (
            <p role="status" className="text-sm">
              {summary(result)} <span className="text-muted-foreground">({formatTime(result.at)})</span>
            </p>
          )}
        </CardFooter>
      )}
      <Dialog open={open} onOpenChange={setOpen}>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>Run dunning now?</DialogTitle>
            <DialogDescription>Customers with invoices at a reminder stage are e-mailed (through the outbox) and their orders marked overdue.</DialogDescription>
          </DialogHeader>
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="outline">Cancel</Button>
            </DialogClose>
            <Button
              disabled={run.isPending}
              onClick={() => {
                if (inFlight.current) return;
                inFlight.current = true;
                run.mutate({}, { onSettled: () => (inFlight.current = false) });
              }}
            >
              {run.isPending ? "Running…" : "Run dunning"}
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </Card>
  );
}

function summary(done: { orders: number; reminders: number }) {
  const orders = `${done.orders} order${done.orders === 1 ? "" : "s"} with overdue invoices`;
  const reminders = done.reminders === 0 ? "no reminder was due" : `${done.reminders} reminder${done.reminders === 1 ? "" : "s"} queued`;
  return `${orders}; ${reminders}.`;
}

