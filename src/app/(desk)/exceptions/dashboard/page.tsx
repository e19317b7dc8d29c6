import { ListTodo } from "lucide-react";
import Link from "next/link";
import { requirePermission } from "~/app/(desk)/guard";
import { ExceptionDashboard } from "~/components/exceptions/dashboard";
import { Button } from "~/components/ui/button";
import { PageHeader } from "~/components/ui/page-header";
import { api } from "~/trpc/server";

export const metadata = { title: "Exceptions dashboard" };

/** The manager's view of the exceptions: what is open and how old, breaches, trend, time to resolve, offenders, holds. */
export default async function ExceptionsDashboardPage() {
  await requirePermission("exceptions.dashboard", "/exceptions/dashboard");
  const data = await (await api()).exceptions.dashboard();
  return (
    <>
      <PageHeader
        title="Exceptions dashboard"
        description="Where the desk stands: open work by age, SLA breaches, the last 30 days, and where exceptions come from."
        actions={
          <Button asChild variant="outline">
            <Link href="/exceptions?view=all">
              <ListTodo aria-hidden />
              The queue
            </Link>
          </Button>
        }
      />
      <ExceptionDashboard data={data} />
    </>
  );
}
