import { TriangleAlert } from "lucide-react";
import { AreaEmpty } from "~/components/shell/area-empty";
import { requirePermission } from "~/app/(desk)/guard";

export const metadata = { title: "Exceptions" };

export default async function ExceptionsPage() {
  await requirePermission("exceptions.view", "/exceptions");
  return (
    <AreaEmpty
      title="Exceptions"
      description="Everything that went wrong on the way, each in a queue a person owns."
      icon={TriangleAlert}
      emptyTitle="No exceptions yet"
      emptyDescription="Credit holds, price approvals, stockouts and late shipments will land here as orders run into them."
    />
  );
}
