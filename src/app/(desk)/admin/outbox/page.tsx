import { MailX } from "lucide-react";
import Link from "next/link";
import { requirePermission } from "~/app/(desk)/guard";
import { OutboxList } from "~/components/admin/outbox-list";
import { PageHeader } from "~/components/ui/page-header";
import { can } from "~/server/auth/permissions";
import { OUTBOX_STATUSES, type OutboxStatus } from "~/server/integration/constants";
import { isSendingEnabled } from "~/server/integration/sending-config";

export const metadata = { title: "Outbox" };

export default async function OutboxPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission("outbox.view", "/admin/outbox");
  const raw = (await searchParams).status;
  const value = Array.isArray(raw) ? raw[0] : raw;
  const status = (OUTBOX_STATUSES as readonly string[]).includes(value ?? "") ? (value as OutboxStatus) : undefined;
  const sending = isSendingEnabled();
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin" className="text-muted-foreground hover:text-foreground hover:underline">
          ← Admin
        </Link>
      </p>
      <PageHeader
        title="Outbox"
        description="Customer e-mails (order confirmations, shipments, invoices with their PDF, payment reminders, returns), newest first: what waits, what was sent, and what failed and why."
      />
      {!sending && (
        <div role="status" className="mb-4 flex gap-2 rounded-md border border-warning/40 bg-warning-soft px-3 py-2 text-sm text-warning-soft-foreground">
          <MailX aria-hidden className="mt-0.5 size-4 shrink-0" />
          <p>
            <span className="font-medium">E-mail sending is off.</span> No SMTP server is configured (<code className="font-mono text-xs">SMTP_URL</code>), so
            messages stay pending here and nothing is sent to customers. Set <code className="font-mono text-xs">SMTP_URL</code> and restart to send them.
          </p>
        </div>
      )}
      <OutboxList key={status ?? "all"} status={status} canRetry={can(actor.role, "outbox.retry")} sending={sending} />
    </>
  );
}
