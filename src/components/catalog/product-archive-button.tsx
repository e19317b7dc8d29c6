"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { ArchiveToggle } from "~/components/shell/archive-toggle";
import { toast } from "~/components/ui/toast";
import { apiErrorOf } from "~/lib/trpc-error";
import { useTRPC } from "~/trpc/react";

/** Archive a product no longer sold (confirmed), or restore one. */
export function ProductArchiveButton({ product }: { product: { sku: string; name: string; isArchived: boolean } }) {
  const trpc = useTRPC();
  const router = useRouter();
  const update = useMutation(trpc.products.setArchived.mutationOptions());
  return (
    <ArchiveToggle
      name={product.sku}
      noun="product"
      isArchived={product.isArchived}
      consequence={`New orders can no longer take ${product.sku}, and it leaves the product lists and stock views. Orders, shipments and invoices that name it keep it.`}
      isPending={update.isPending}
      onChange={(archived, done) =>
        update.mutate(
          { sku: product.sku, archived },
          {
            onSuccess: (saved) => {
              toast.success(saved.isArchived ? `${saved.sku} archived` : `${saved.sku} restored`, {
                description: saved.isArchived ? "New orders can no longer take it." : "It can be ordered again.",
              });
              done();
              router.refresh();
            },
            onError: (error) => toast.error(`Could not update ${product.sku}`, { description: apiErrorOf(error).message }),
          },
        )
      }
    />
  );
}
