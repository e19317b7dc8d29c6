import Link from "next/link";
import { requirePermission } from "~/app/(desk)/guard";
import { OutboxList } from "~/components/admin/outbox-list";
import { PageHeader } from "~/components/ui/page-header";
import { OUTBOX_STATUSES, type OutboxStatus } from "~/server/integration/constants";

export const metadata = { title: "Outbox" };

export default async function OutboxPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission("outbox.view", "/admin/outbox");
  const raw = (await searchParams).status;
  const value = Array.isArray(raw) ? raw[0] : raw;
  const status = (OUTBOX_STATUSES as readonly string[]).includes(value ?? "") ? (value as OutboxStatus) : undefined;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin" className="text-muted-foreground hover:text-foreground hover:underline">
          ← Admin
        </Link>
      </p>
      <PageHeader title="Outbox" description="Messages waiting to go out to customers (shipment confirmations, deliveries), newest first. Nothing sends them yet." />
      <OutboxList key={status ?? "all"} status={status} />
    </>
  );
}
