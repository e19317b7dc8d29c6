import { Receipt } from "lucide-react";
import { AreaEmpty } from "~/components/shell/area-empty";
import { requirePermission } from "~/app/(desk)/guard";

export const metadata = { title: "Invoices" };

export default async function InvoicesPage() {
  await requirePermission("invoices.view", "/invoices");
  return (
    <AreaEmpty
      title="Invoices"
      description="Invoices, payments, credit notes and what customers owe."
      icon={Receipt}
      emptyTitle="No invoices yet"
      emptyDescription="Invoices are issued from shipments; they will appear here with their balances and due dates."
    />
  );
}
