import Link from "next/link";
import { requirePermission } from "~/app/(desk)/guard";
import { ReferenceList } from "~/components/admin/settings/reference-list";
import { Badge } from "~/components/ui/badge";
import { PageHeader } from "~/components/ui/page-header";
import { can } from "~/server/auth/permissions";
import { REFERENCE_KINDS } from "~/server/settings/constants";

export const metadata = { title: "Settings" };

export default async function SettingsPage() {
  const actor = await requirePermission("admin.view", "/admin/settings");
  const canManage = can(actor.role, "settings.manage");
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin" className="text-muted-foreground hover:text-foreground hover:underline">
          ← Admin
        </Link>
      </p>
      <PageHeader
        title="Settings"
        description="The lists forms and the API choose from: customer segments, tax categories and units of measure. Archived values stay on the records that have them."
        actions={canManage ? undefined : <Badge variant="outline">Read-only: only admins change settings</Badge>}
      />
      {REFERENCE_KINDS.map((kind) => (
        <ReferenceList key={kind} kind={kind} canManage={canManage} />
      ))}
    </>
  );
}
