import { requirePermission } from "~/app/(desk)/guard";
import { RestrictedList, SlaTable } from "~/components/exceptions/exception-settings";
import { PageHeader } from "~/components/ui/page-header";
import { can } from "~/server/auth/permissions";
import { api } from "~/trpc/server";

export const metadata = { title: "Exception settings" };

/** `/admin/exceptions`: the SLA table and the restricted list. Admins edit; managers read. */
export default async function ExceptionSettingsPage() {
  const actor = await requirePermission("admin.view", "/admin/exceptions");
  const caller = await api();
  const [sla, restricted] = await Promise.all([caller.exceptions.slaTable(), caller.exceptions.restricted()]);
  const editable = can(actor.role, "exceptions.configure");
  return (
    <>
      <PageHeader
        title="Exception settings"
        description={editable ? "How long each kind of exception may wait, and what needs a compliance check." : "How long each kind of exception may wait, and what needs a compliance check. Read-only: admins change these."}
      />
      <div className="grid gap-6">
        <SlaTable initial={sla} editable={editable} />
        <RestrictedList initial={restricted} editable={editable} />
      </div>
    </>
  );
}
