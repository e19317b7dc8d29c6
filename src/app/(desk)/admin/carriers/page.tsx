import Link from "next/link";
import { requirePermission } from "~/app/(desk)/guard";
import { CarriersManager } from "~/components/admin/carriers-manager";
import { Badge } from "~/components/ui/badge";
import { PageHeader } from "~/components/ui/page-header";
import { can } from "~/server/auth/permissions";

export const metadata = { title: "Carriers" };

export default async function CarriersPage() {
  const actor = await requirePermission("admin.view", "/admin/carriers");
  const canManage = can(actor.role, "carriers.manage");
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin" className="text-muted-foreground hover:text-foreground hover:underline">
          ← Admin
        </Link>
      </p>
      <PageHeader
        title="Carriers"
        description="Who ships the goods, and the link that turns a tracking number into the carrier's tracking page."
        actions={canManage ? undefined : <Badge variant="outline">Read-only: only admins change carriers</Badge>}
      />
      <CarriersManager canManage={canManage} />
    </>
  );
}
