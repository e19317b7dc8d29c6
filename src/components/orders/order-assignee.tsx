"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "~/components/ui/button";
import { useTRPC } from "~/trpc/react";
import { AssignDialog } from "./order-bulk";

/** "Assigned to Riley Rep · Change" in the order's header; the change goes through the same assign call as the list's. */
export function OrderAssignee({
  number,
  kind,
  assignedTo,
  canAssign,
}: {
  number: string;
  kind: "order" | "quote";
  assignedTo: { id: string; name: string } | null;
  canAssign: boolean;
}) {
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  // Who it can be given to is read when the dialog opens, not on every visit to the order.
  const assignees = useQuery(trpc.orders.assignees.queryOptions(undefined, { enabled: open, staleTime: 60_000 }));
  return (
    <>
      {assignedTo ? <>assigned to <span className="font-medium text-foreground">{assignedTo.name}</span></> : "not assigned"}
      {canAssign && (
        <>
          {" "}
          <Button variant="link" size="sm" className="h-auto p-0 align-baseline" onClick={() => setOpen(true)}>
            {assignedTo ? "Change" : "Assign"}
          </Button>
          <AssignDialog numbers={[number]} noun={kind === "quote" ? "quotes" : "orders"} assignees={assignees.data ?? null} open={open} onOpenChange={setOpen} />
        </>
      )}
    </>
  );
}
