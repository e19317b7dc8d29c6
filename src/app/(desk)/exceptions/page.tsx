import { LayoutDashboard } from "lucide-react";
import Link from "next/link";
import { requirePermission } from "~/app/(desk)/guard";
import { ExceptionQueue } from "~/components/exceptions/exception-queue";
import { listInput, parseQueueParams, toQueryString, type RawSearchParams } from "~/components/exceptions/queue-params";
import { Button } from "~/components/ui/button";
import { ExportCsvLink, exportCsvHref } from "~/components/list/export-csv-link";
import { PageHeader } from "~/components/ui/page-header";
import { can } from "~/server/auth/permissions";
import { api } from "~/trpc/server";

export const metadata = { title: "Exceptions" };

/** `/exceptions?view=team&type=credit_hold&sla=breached…`: the queue, filters in the URL. */
export default async function ExceptionsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const params = parseQueueParams(await searchParams);
  const query = toQueryString(params);
  const actor = await requirePermission("exceptions.view", query ? `/exceptions?${query}` : "/exceptions");
  const caller = await api();
  const [page, counts] = await Promise.all([caller.exceptions.list({ ...listInput(params), limit: 50 }), caller.exceptions.counts()]);

  return (
    <>
      <PageHeader
        title="Exceptions"
        description="Everything that went wrong on the way, most urgent first. Filters live in the URL; press ? for the keys."
        actions={
          <>
            <ExportCsvLink href={exportCsvHref("exceptions", listInput(params))} />
            {can(actor.role, "exceptions.dashboard") && (
              <Button asChild variant="outline">
                <Link href="/exceptions/dashboard">
                  <LayoutDashboard aria-hidden />
                  Dashboard
                </Link>
              </Button>
            )}
          </>
        }
      />
      <ExceptionQueue params={params} role={actor.role} userId={actor.id} initialPage={page} initialCounts={counts} />
    </>
  );
}
