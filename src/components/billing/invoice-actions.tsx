"use client";

import { useMutation } from "@tanstack/react-query";
import { Download, FileMinus, Send, XCircle } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "~/components/ui/toast";
import { Button } from "~/components/ui/button";
import { formatMoney } from "~/lib/money";
import { apiErrorOf } from "~/lib/trpc-error";
import { can } from "~/server/auth/permissions";
import type { Role } from "~/server/auth/roles";
import type { TInvoice } from "~/server/billing/schemas";
import { useTRPC } from "~/trpc/react";
import { invoiceHref, invoiceName } from "./invoice-labels";
import { InvoicePriceCorrectionDialog } from "./invoice-price-correction-dialog";
import { ReasonDialog } from "./invoice-reason-dialog";
import { useBillingChanged } from "./invoice-use-changed";

/** What an invoice's status and the user's role allow: download, issue a draft, credit a price correction, void. */
export function InvoiceActions({ invoice, role }: { invoice: TInvoice; role: Role }) {
  const trpc = useTRPC();
  const router = useRouter();
  const changed = useBillingChanged();
  const [dialog, setDialog] = useState<"void" | "correct" | null>(null);
  const [voidFailure, setVoidFailure] = useState<{ message: string; reason: string | null } | null>(null);
  const name = invoiceName(invoice);
  const key = invoice.number ?? invoice.id;
  const canManage = can(role, "invoices.manage");
  const hasMoney = invoice.amountPaid > 0 || invoice.allocations.some((a) => !a.reversed);
  const canVoid = canManage && invoice.status !== "void";
  const canIssue = canManage && invoice.status === "draft";
  const canCorrect = canManage && (invoice.status === "issued" || invoice.status === "partially_paid" || invoice.status === "paid");

  const issue = useMutation(
    trpc.invoices.issue.mutationOptions({
      onSuccess: (issued) => {
        toast.success(`${issued.number} issued to ${issued.customer.name}`, { description: `Due ${issued.dueDate} · ${formatMoney(issued.total, issued.currency)}` });
        changed();
        router.replace(invoiceHref(issued));
      },
      onError: (error) => toast.error(`Could not issue ${name}`, { description: apiErrorOf(error).message }),
    }),
  );
  const voidInvoice = useMutation(
    trpc.invoices.void.mutationOptions({
      onSuccess: (voided) => {
        toast.success(`${invoiceName(voided)} is void`, { description: `Reason: ${voided.voidReason}. The order's units can be billed again.` });
        setVoidFailure(null);
        setDialog(null);
        changed();
      },
      onError: (error) => {
        const e = apiErrorOf(error);
        setVoidFailure({ message: e.message, reason: e.details?.fields?.reason?.join(", ") ?? null });
        toast.error(`Could not void ${name}`, { description: e.message });
      },
    }),
  );

  return (
    <div className="flex flex-col items-start gap-1.5 sm:items-end">
      <div className="flex flex-wrap items-center gap-2">
        {canIssue && (
          <Button onClick={() => issue.mutate({ number: invoice.id })} disabled={issue.isPending}>
            <Send aria-hidden />
            {issue.isPending ? "Issuing…" : "Issue invoice"}
          </Button>
        )}
        <Button asChild variant="outline">
          <a href={`/invoices/${encodeURIComponent(key)}/pdf?download=1`} download>
            <Download aria-hidden />
            Download PDF
          </a>
        </Button>
        {canCorrect && (
          <Button variant="outline" onClick={() => setDialog("correct")}>
            <FileMinus aria-hidden />
            Price correction
          </Button>
        )}
        {canVoid && (
          <Button
            variant="outline"
            className="text-destructive hover:bg-destructive/10 hover:text-destructive"
            onClick={() => setDialog("void")}
            disabled={hasMoney}
            aria-describedby={hasMoney ? "void-blocked" : undefined}
          >
            <XCircle aria-hidden />
            Void
          </Button>
        )}
      </div>
      {canVoid && hasMoney && (
        <p id="void-blocked" className="max-w-xs text-xs text-muted-foreground sm:text-right">
          Voiding needs an invoice with no money applied: un-allocate its payments and credits first.
        </p>
      )}
      {canVoid && !hasMoney && (
        <ReasonDialog
          id="void"
          open={dialog === "void"}
          onOpenChange={(open) => {
            setDialog(open ? "void" : null);
            if (!open) setVoidFailure(null);
          }}
          title={`Void ${name}?`}
          description={
            invoice.number
              ? `${invoice.number} stays used (the PDF says VOID with your reason) and nothing is owed on it. The units it billed on ${invoice.order} can be invoiced again.`
              : `The draft is set aside and never gets a number. The units it billed on ${invoice.order} can be invoiced again.`
          }
          placeholder="e.g. Billed to the wrong account; re-invoiced to the parent company"
          hint="Printed on the PDF and kept on the order's timeline. Ctrl+Enter confirms."
          confirmLabel="Void invoice"
          pendingLabel="Voiding…"
          cancelLabel="Keep invoice"
          isPending={voidInvoice.isPending}
          reasonError={voidFailure?.reason ?? null}
          failure={voidFailure && !voidFailure.reason ? voidFailure.message : null}
          onConfirm={(reason) => {
            setVoidFailure(null);
            voidInvoice.mutate({ number: key, reason, version: invoice.version });
          }}
        />
      )}
      {canCorrect && dialog === "correct" && <InvoicePriceCorrectionDialog invoice={invoice} onClose={() => setDialog(null)} />}
    </div>
  );
}
