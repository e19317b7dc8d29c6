import { ApiKeysManager } from "~/components/admin/api-keys-manager";
import { PageHeader } from "~/components/ui/page-header";
import { requirePermission } from "~/app/(desk)/guard";

export const metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  await requirePermission("apiKeys.manage", "/admin/api-keys");
  return (
    <>
      <PageHeader
        title="API keys"
        description="Each key acts with one role, read-only or with the role’s changes, until its last day if it has one. A new key is shown once; only its hash is stored. Requests shows a key’s latest 1,000 calls."
      />
      <ApiKeysManager />
    </>
  );
}
