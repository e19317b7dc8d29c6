"use client";

import { useMutation } from "@tanstack/react-query";
import { Archive, ArchiveRestore } from "lucide-react";
import { useState } from "react";
import { toast } from "~/components/ui/toast";
import { Button } from "~/components/ui/button";
import { ConfirmDialog } from "~/components/ui/confirm-dialog";
import { apiErrorOf } from "~/lib/trpc-error";
import type { TVendor } from "~/server/purchasing/schemas";
import { useTRPC } from "~/trpc/react";
import { usePurchasingChanged } from "./use-purchasing-changed";

/** Archive (confirmed) or restore a vendor. Archived vendors get no new purchase orders; history stays. */
export function VendorArchiveButton({ vendor, compact = false }: { vendor: Pick<TVendor, "code" | "name" | "isArchived" | "openPurchaseOrders">; compact?: boolean }) {
  const trpc = useTRPC();
  const changed = usePurchasingChanged();
  const [confirming, setConfirming] = useState<typeof vendor | null>(null);
  const update = useMutation(
    trpc.purchasing.vendors.update.mutationOptions({
      onSuccess: (saved) => {
        toast.success(saved.isArchived ? `${saved.code} archived` : `${saved.code} restored`, {
          description: saved.isArchived ? "No new purchase orders can be drafted with it." : "It can be used for purchase orders again.",
        });
        setConfirming(null);
        changed();
      },
      onError: (error) => toast.error(`Could not update ${vendor.code}`, { description: apiErrorOf(error).message }),
    }),
  );
  const size = compact ? "sm" : "default";
  return (
    <>
      {vendor.isArchived ? (
        <Button variant="outline" size={size} disabled={update.isPending} onClick={() => update.mutate({ code: vendor.code, archived: false })} aria-label={compact ? `Restore ${vendor.code}` : undefined}>
          <ArchiveRestore aria-hidden />
          Restore
        </Button>
      ) : (
        <Button variant="outline" size={size} onClick={() => setConfirming(vendor)} aria-label={compact ? `Archive ${vendor.code}` : undefined}>
          <Archive aria-hidden />
          Archive
        </Button>
      )}
      <ConfirmDialog
        target={confirming}
        onClose={() => setConfirming(null)}
        title={(v) => `Archive ${v.name}?`}
        description={(v) =>
          `No new purchase orders can be drafted with ${v.code}.${v.openPurchaseOrders > 0 ? ` Its ${v.openPurchaseOrders} open purchase order${v.openPurchaseOrders === 1 ? "" : "s"} can still be received.` : ""} You can restore it later.`
        }
        confirmLabel="Archive vendor"
        pendingLabel="Archiving…"
        isPending={update.isPending}
        onConfirm={(v) => update.mutate({ code: v.code, archived: true })}
      />
    </>
  );
}
