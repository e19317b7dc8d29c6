import { ChartColumn } from "lucide-react";
import { AreaEmpty } from "~/components/shell/area-empty";
import { requirePermission } from "~/app/(desk)/guard";

export const metadata = { title: "Reports" };

export default async function ReportsPage() {
  await requirePermission("reports.view", "/reports");
  return (
    <AreaEmpty
      title="Reports"
      description="Perfect-order rate, on-time in-full, cycle time, fill rate, turnover and DSO."
      icon={ChartColumn}
      emptyTitle="No reports yet"
      emptyDescription="These reports are not built yet. Live figures today: the exception dashboard (holds, breaches, at-risk orders) and receivables aging with DSO under Invoices."
    />
  );
}
