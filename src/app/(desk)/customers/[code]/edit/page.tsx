import { notFound } from "next/navigation";
import { requirePermission } from "~/app/(desk)/guard";
import { CustomerForm } from "~/components/customers/customer-form";
import { PageHeader } from "~/components/ui/page-header";
import { AppError } from "~/server/errors";
import { api } from "~/trpc/server";

export const metadata = { title: "Edit customer" };

/** `/customers/{code}/edit`: the account's details (the credit limit, terms and certificates are on its page). */
export default async function EditCustomerPage({ params }: { params: Promise<{ code: string }> }) {
  const { code: rawCode } = await params;
  await requirePermission("customers.edit", `/customers/${rawCode}/edit`);
  const caller = await api();
  const [customer, segments] = await Promise.all([
    caller.customers.get({ code: decodeURIComponent(rawCode) }).catch((error: unknown) => {
      if ((error as { cause?: unknown }).cause instanceof AppError) notFound();
      throw error;
    }),
    caller.settings.list({ kind: "segments" }),
  ]);
  return (
    <>
      <PageHeader title={`Edit ${customer.name}`} description="New orders, invoices and e-mails use these details; orders already entered keep their addresses." />
      <CustomerForm customer={customer} segments={segments.items.filter((s) => !s.isArchived)} may={{ setCredit: false, setTerms: false }} />
    </>
  );
}
