"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { ArchiveToggle } from "~/components/shell/archive-toggle";
import { toast } from "~/components/ui/toast";
import { apiErrorOf } from "~/lib/trpc-error";
import { useTRPC } from "~/trpc/react";

/** Archive a customer who no longer buys (confirmed), or restore one. */
export function CustomerArchiveButton({ customer }: { customer: { code: string; name: string; isArchived: boolean } }) {
  const trpc = useTRPC();
  const router = useRouter();
  const update = useMutation(trpc.customers.setArchived.mutationOptions());
  return (
    <ArchiveToggle
      name={customer.name}
      noun="customer"
      isArchived={customer.isArchived}
      consequence={`No new orders or quotes can be entered for ${customer.code}, and it leaves the customer list. Its open orders, invoices and payments go on.`}
      isPending={update.isPending}
      onChange={(archived, done) =>
        update.mutate(
          { code: customer.code, archived },
          {
            onSuccess: (saved) => {
              toast.success(saved.isArchived ? `${saved.name} archived` : `${saved.name} restored`, {
                description: saved.isArchived ? "No new orders or quotes can be entered for it." : "Orders can be entered for it again.",
              });
              done();
              router.refresh();
            },
            onError: (error) => toast.error(`Could not update ${customer.code}`, { description: apiErrorOf(error).message }),
          },
        )
      }
    />
  );
}
