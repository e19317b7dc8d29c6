import Link from "next/link";
import { requirePermission } from "~/app/(desk)/guard";
import { WebhooksManager } from "~/components/admin/webhooks-manager";
import { PageHeader } from "~/components/ui/page-header";

export const metadata = { title: "Webhooks" };

export default async function WebhooksPage() {
  await requirePermission("integration.webhooks", "/admin/webhooks");
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin" className="text-muted-foreground hover:text-foreground hover:underline">
          ← Admin
        </Link>
      </p>
      <PageHeader
        title="Webhooks"
        description="Orderdesk POSTs the events each subscription chooses to its URL, signed with its secret (shown once; rotate it to get a new one). Failed deliveries are retried for 24 hours, each order’s events in order."
      />
      <WebhooksManager />
    </>
  );
}
