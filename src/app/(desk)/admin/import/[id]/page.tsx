import { requirePermission } from "~/app/(desk)/guard";
import { ImportDetail } from "~/components/imports/import-detail";

export const metadata = { title: "Import" };

export default async function ImportDetailPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requirePermission("imports.manage", `/admin/import/${encodeURIComponent(id)}`);
  return <ImportDetail id={id} />;
}
