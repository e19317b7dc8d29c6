import { requirePermission } from "~/app/(desk)/guard";
import { CustomerForm } from "~/components/customers/customer-form";
import { PageHeader } from "~/components/ui/page-header";
import { can } from "~/server/auth/permissions";
import { api } from "~/trpc/server";

export const metadata = { title: "New customer" };

/** `/customers/new[?then=order]`: open an account (reps, finance, managers, admins); from order entry, then order for it. */
export default async function NewCustomerPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission("customers.create", "/customers/new");
  const then = (await searchParams).then === "order" ? "order" : "customer";
  const segments = await (await api()).settings.list({ kind: "segments" });
  return (
    <>
      <PageHeader title="New customer" description="The account orders are entered for: who it is, where it is billed and where it ships." />
      <CustomerForm
        segments={segments.items.filter((s) => !s.isArchived)}
        may={{ setCredit: can(actor.role, "customers.credit"), setTerms: can(actor.role, "customers.billingTerms") }}
        then={then}
      />
    </>
  );
}
