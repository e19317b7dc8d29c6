"use client";

import { useMutation } from "@tanstack/react-query";
import { Archive, ArchiveRestore } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "~/components/ui/button";
import { ConfirmDialog } from "~/components/ui/confirm-dialog";
import { toast } from "~/components/ui/toast";
import { apiErrorOf } from "~/lib/trpc-error";
import { useTRPC } from "~/trpc/react";

type Account = { code: string; name: string; isArchived: boolean };

/** Archive a customer who no longer buys (confirmed), or restore one. */
export function CustomerArchiveButton({ customer }: { customer: Account }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [confirming, setConfirming] = useState<Account | null>(null);
  const update = useMutation(
    trpc.customers.setArchived.mutationOptions({
      onSuccess: (saved) => {
        toast.success(saved.isArchived ? `${saved.name} archived` : `${saved.name} restored`, {
          description: saved.isArchived ? "No new orders or quotes can be entered for it." : "Orders can be entered for it again.",
        });
        setConfirming(null);
        router.refresh();
      },
      onError: (error) => toast.error(`Could not update ${customer.code}`, { description: apiErrorOf(error).message }),
    }),
  );
  return (
    <>
      {customer.isArchived ? (
        <Button variant="outline" disabled={update.isPending} onClick={() => update.mutate({ code: customer.code, archived: false })}>
          <ArchiveRestore aria-hidden />
          Restore
        </Button>
      ) : (
        <Button variant="outline" onClick={() => setConfirming(customer)}>
          <Archive aria-hidden />
          Archive
        </Button>
      )}
      <ConfirmDialog
        target={confirming}
        onClose={() => setConfirming(null)}
        title={(c) => `Archive ${c.name}?`}
        description={(c) => `No new orders or quotes can be entered for ${c.code}, and it leaves the customer list. Its open orders, invoices and payments go on. You can restore it later.`}
        confirmLabel="Archive customer"
        pendingLabel="Archiving…"
        isPending={update.isPending}
        onConfirm={(c) => update.mutate({ code: c.code, archived: true })}
      />
    </>
  );
}
