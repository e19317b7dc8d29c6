import { requirePermission } from "~/app/(desk)/guard";
import { CustomerForm } from "~/components/customers/customer-form";
import { PageHeader } from "~/components/ui/page-header";
import { can } from "~/server/auth/permissions";
import { api } from "~/trpc/server";

export const metadata = { title: "New customer" };

/** `/customers/new`: open an account (reps, finance, managers, admins). */
export default async function NewCustomerPage() {
  const actor = await requirePermission("customers.create", "/customers/new");
  const segments = await (await api()).settings.list({ kind: "segments" });
  return (
    <>
      <PageHeader title="New customer" description="The account orders are entered for: who it is, where it is billed and where it ships." />
      <CustomerForm
        segments={segments.items.filter((s) => !s.isArchived)}
        may={{ setCredit: can(actor.role, "customers.credit"), setTerms: can(actor.role, "customers.billingTerms") }}
      />
    </>
  );
}
