import Link from "next/link";
import { requirePermission } from "~/app/(desk)/guard";
import { AccountingSettings, RunDunningCard } from "~/components/billing/accounting-settings";
import { Badge } from "~/components/ui/badge";
import { PageHeader } from "~/components/ui/page-header";
import { can } from "~/server/auth/permissions";
import { api } from "~/trpc/server";

export const metadata = { title: "Accounting settings" };

/** `/admin/accounting`: company header, return approval value, dunning, overdue hold and account codes. Admins edit; managers read. */
export default async function AccountingSettingsPage() {
  const actor = await requirePermission("admin.view", "/admin/accounting");
  const settings = await (await api()).receivables.settings({});
  const editable = can(actor.role, "billing.configure");
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin" className="text-muted-foreground hover:text-foreground hover:underline">
          ← Admin
        </Link>
      </p>
      <PageHeader
        title="Accounting"
        description="What invoices and statements say about you, when returns need a manager, how overdue customers are chased, and the journal's account codes."
        actions={editable ? undefined : <Badge variant="outline">Read-only: only admins change these</Badge>}
      />
      <div className="grid min-w-0 gap-5">
        <AccountingSettings initial={settings} editable={editable} />
        <RunDunningCard canRun={editable} />
      </div>
    </>
  );
}
