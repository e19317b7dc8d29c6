import Link from "next/link";
import { requirePermission } from "~/app/(desk)/guard";
import { ImportsList } from "~/components/imports/imports-list";
import { NewImport } from "~/components/imports/new-import";
import { PageHeader } from "~/components/ui/page-header";

export const metadata = { title: "Import" };

export default async function ImportPage() {
  await requirePermission("imports.manage", "/admin/import");
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin" className="text-muted-foreground hover:text-foreground hover:underline">
          ← Admin
        </Link>
      </p>
      <PageHeader
        title="Import"
        description="Load orders, customers, products, price-list items or stock counts from a CSV file: it is checked first, and only its valid rows are imported, when you say so. Importing the same file again skips what is already there."
      />
      <div className="grid grid-cols-[minmax(0,1fr)] gap-8">
        <NewImport />
        <ImportsList />
      </div>
    </>
  );
}
